import { z } from 'zod';
import { creditView } from './letters.schema';
import { MAX_AMOUNT_CENTS } from './schema';

/** The repayment ledger: payments, counter-performance activities, and the state of the credit. */

export const ENTRY_KINDS = ['betaling', 'activiteit'] as const;
export const CONFIRMERS = ['coach', 'host'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
export type Confirmer = (typeof CONFIRMERS)[number];
export const MAX_QUARTER_HOURS = 2000;

const optionalParam = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
const text = (max: number) => z.string({ error: 'youth_debt.text_invalid' }).trim().min(1, { error: 'youth_debt.text_invalid' }).max(max, { error: 'youth_debt.text_invalid' });
const entryDate = z.iso.date({ error: 'youth_debt.entry_date_invalid' }).describe('JJJJ-MM-DD; niet voor de verlening van het krediet en niet na vandaag');
const confirmerName = z
  .string({ error: 'youth_debt.confirmer_required' })
  .trim()
  .min(1, { error: 'youth_debt.confirmer_required' })
  .max(200, { error: 'youth_debt.confirmer_required' })
  .describe('Bij bevestiging door de organisatie: wie de uren bevestigde');

export const paymentBody = z
  .object({
    date: entryDate,
    amountCents: z
      .number({ error: 'youth_debt.amount_invalid' })
      .int({ error: 'youth_debt.amount_invalid' })
      .min(1, { error: 'youth_debt.amount_invalid' })
      .max(MAX_AMOUNT_CENTS, { error: 'youth_debt.amount_invalid' })
      .describe('Betaald bedrag in centen'),
  })
  .strict();
export type PaymentInput = z.infer<typeof paymentBody>;

export const activityBody = z
  .object({
    date: entryDate,
    host: text(200).describe('De organisatie waar de tegenprestatie plaatsvond'),
    description: text(1000).describe('Wat de jongere deed, bijvoorbeeld een gastles over schulden'),
    quarterHours: z
      .number({ error: 'youth_debt.quarter_hours_invalid' })
      .int({ error: 'youth_debt.quarter_hours_invalid' })
      .min(1, { error: 'youth_debt.quarter_hours_invalid' })
      .max(MAX_QUARTER_HOURS, { error: 'youth_debt.quarter_hours_invalid' })
      .describe('Duur in kwartieren: 6 = anderhalf uur'),
    confirmedBy: z.enum(CONFIRMERS).optional().describe('Al bevestigd: door de eigen jongerenbegeleider (coach) of door de organisatie (host, met confirmerName)'),
    confirmerName: confirmerName.optional(),
  })
  .strict();
export type ActivityInput = z.infer<typeof activityBody>;

export const confirmBody = z.object({ confirmedBy: z.enum(CONFIRMERS), confirmerName: confirmerName.optional() }).strict();
export type ConfirmInput = z.infer<typeof confirmBody>;

export const entryParams = z.object({ entryId: z.uuid() });
export const entryListQuery = z
  .object({
    participantId: optionalParam(z.uuid()),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  })
  .strict();
export type EntryListQuery = z.infer<typeof entryListQuery>;

export const entryView = z
  .object({
    id: z.uuid(),
    participantId: z.uuid(),
    participantNumber: z.string(),
    kind: z.enum(ENTRY_KINDS),
    date: z.string(),
    amountCents: z.number().int().nullable().describe('Betaling'),
    host: z.string().nullable(),
    description: z.string().nullable(),
    quarterHours: z.number().int().nullable(),
    hourlyRateCents: z.number().int().nullable().describe('Het uurtarief dat gold toen de tegenprestatie werd vastgelegd'),
    valueCents: z.number().int().nullable().describe('Kwartieren × uurtarief / 4, afgerond op hele centen; telt alleen als bevestigd'),
    confirmed: z.boolean(),
    confirmedBy: z.object({ kind: z.enum(CONFIRMERS), name: z.string() }).nullable(),
    confirmedDate: z.string().nullable(),
  })
  .meta({ id: 'YouthDebtLedgerEntry' });

const cents = z.number().int();
export const ledgerView = z
  .object({
    participantId: z.uuid(),
    number: z.string(),
    asOf: z.string().describe('De dag waarop verwacht en achterstand zijn berekend (vandaag)'),
    hourlyRateCents: z.number().int().describe('Het huidige uurtarief (instelling van de werkruimte) voor nieuwe tegenprestaties'),
    credit: creditView.nullable(),
    totals: z
      .object({
        creditCents: cents,
        paidCents: cents,
        hoursValuedCents: cents,
        confirmedQuarterHours: cents,
        unconfirmedQuarterHours: cents,
        balanceCents: cents.describe('Krediet − betalingen − gewaardeerde uren'),
        expectedCents: cents.describe('Volgens het schema tot en met vandaag'),
        arrearsCents: cents.describe('Verwacht − betaald − gewaardeerd, niet onder 0'),
      })
      .nullable(),
    schedule: z.array(z.object({ number: cents, dueDate: z.string(), amountCents: cents, cumulativeCents: cents })),
    entries: z.array(entryView),
    can: z.object({ record: z.boolean(), confirmAsCoach: z.boolean() }),
  })
  .meta({ id: 'YouthDebtLedger' });
