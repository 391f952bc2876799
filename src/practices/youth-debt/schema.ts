import { z } from 'zod';
import { ACTORS, LINE_KINDS } from './mkba';

/** The largest amount of one debt or MKBA line: 1 billion euros in cents. */
export const MAX_AMOUNT_CENTS = 100_000_000_000;
/** The largest monthly repayment capacity: 100,000 euros in cents. */
export const MAX_CAPACITY_CENTS = 10_000_000;
export const MAX_DEBTS = 500;
export const MAX_LINES = 1000;
export const MAX_TERM_MONTHS = 120;
export const MAX_MULTIPLIER = 10;
export const MAX_DISCOUNT_RATE = 0.25;
export const MAX_YEAR = 50;

/** A whole, non-negative number of cents up to `max`; every violation gets the module's own message. */
const cents = (max: number, error: string) => z.number().int({ error }).min(0, { error }).max(max, { error });
/** At most `decimals` decimals, allowing for binary floating point (0.0225 is not exact). */
const decimals = (value: number, places: number) => {
  const scaled = value * 10 ** places;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
};
const name = (error: string) => z.string({ error }).trim().min(1, { error }).max(200, { error });

export const offerDebt = z
  .object({
    creditor: name('youth_debt.creditor_required').describe('Naam van de schuldeiser'),
    amountCents: cents(MAX_AMOUNT_CENTS, 'youth_debt.amount_invalid').describe('Openstaande schuld in centen'),
    preferential: z.boolean().describe('Preferent (bijvoorbeeld de Belastingdienst) of concurrent'),
  })
  .strict();

export const offerPreviewBody = z
  .object({
    monthlyCapacityCents: cents(MAX_CAPACITY_CENTS, 'youth_debt.capacity_invalid').describe('Aflossingscapaciteit per maand (inkomen min VTLB) in centen'),
    termMonths: z
      .number()
      .int({ error: 'youth_debt.term_invalid' })
      .min(1, { error: 'youth_debt.term_invalid' })
      .max(MAX_TERM_MONTHS, { error: 'youth_debt.term_invalid' })
      .optional()
      .describe('Looptijd in maanden; standaard 18'),
    preferentialMultiplier: z
      .number()
      .min(1, { error: 'youth_debt.multiplier_invalid' })
      .max(MAX_MULTIPLIER, { error: 'youth_debt.multiplier_invalid' })
      .refine((m) => decimals(m, 2), { error: 'youth_debt.multiplier_invalid' })
      .optional()
      .describe('Preferente schuldeisers krijgen deze factor maal het concurrente percentage; standaard 2'),
    debts: z.array(offerDebt).max(MAX_DEBTS, { error: 'youth_debt.too_many_debts' }).describe('De schulden, in de volgorde waarin de uitkeringen terugkomen'),
  })
  .strict();
export type OfferPreviewInput = z.infer<typeof offerPreviewBody>;

export const offerView = z
  .object({
    availableCents: z.number().int().describe('Beschikbaar bedrag A = capaciteit × looptijd'),
    paidOutCents: z.number().int().describe('Uit te keren: A, of de totale schuld als A die dekt'),
    concurrentPercentage: z.number().describe('Percentage voor concurrente schuldeisers, twee decimalen'),
    preferentialPercentage: z.number().describe('Percentage voor preferente schuldeisers, twee decimalen'),
    payouts: z.array(z.object({ creditor: z.string(), payoutCents: z.number().int(), percentage: z.number() })).describe('Per schuld, in de volgorde van de invoer; samen precies paidOutCents'),
  })
  .meta({ id: 'YouthDebtOffer' });

export const mkbaLine = z
  .object({
    actor: z.enum(ACTORS).describe('Wie de kosten draagt of de baten ontvangt'),
    kind: z.enum(LINE_KINDS),
    label: name('youth_debt.label_required'),
    amountCents: cents(MAX_AMOUNT_CENTS, 'youth_debt.amount_invalid'),
    year: z
      .number()
      .int({ error: 'youth_debt.year_invalid' })
      .min(0, { error: 'youth_debt.year_invalid' })
      .max(MAX_YEAR, { error: 'youth_debt.year_invalid' })
      .describe('0 = het startjaar'),
  })
  .strict();

export const mkbaPreviewBody = z
  .object({
    discountRate: z
      .number()
      .min(0, { error: 'youth_debt.discount_rate_invalid' })
      .max(MAX_DISCOUNT_RATE, { error: 'youth_debt.discount_rate_invalid' })
      .refine((r) => decimals(r, 8), { error: 'youth_debt.discount_rate_invalid' })
      .optional()
      .describe('Discontovoet; standaard 0,0225'),
    lines: z.array(mkbaLine).max(MAX_LINES, { error: 'youth_debt.too_many_lines' }),
  })
  .strict();
export type MkbaPreviewInput = z.infer<typeof mkbaPreviewBody>;

const balanceView = z.object({
  costsPresentValueCents: z.number().int(),
  benefitsPresentValueCents: z.number().int(),
  presentValueCents: z.number().int().describe('Baten min kosten'),
  ratio: z.number().nullable().describe('Baten/kosten, twee decimalen; null zonder kosten'),
});

export const mkbaView = balanceView
  .extend({
    discountRate: z.number(),
    byActor: z.object(Object.fromEntries(ACTORS.map((a) => [a, balanceView])) as Record<(typeof ACTORS)[number], typeof balanceView>),
  })
  .meta({ id: 'YouthDebtMkba' });

// Phase 2: settings, creditors, participants and their debts.

export const PARTICIPANT_STATUSES = ['aanmelding', 'intake', 'actief', 'afgerond', 'uitgevallen'] as const;
export const DEBT_STATUSES = ['open', 'voorgesteld', 'akkoord', 'geweigerd', 'geregeld'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];
export type DebtStatus = (typeof DEBT_STATUSES)[number];

const line = (min: number, max: number) => z.string().trim().min(min).max(max);
const isoDate = z.iso.date();
const optionalParam = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
const multiplier = z
  .number()
  .min(1, { error: 'youth_debt.multiplier_invalid' })
  .max(MAX_MULTIPLIER, { error: 'youth_debt.multiplier_invalid' })
  .refine((m) => decimals(m, 2), { error: 'youth_debt.multiplier_invalid' });
const term = z
  .number()
  .int({ error: 'youth_debt.term_invalid' })
  .min(1, { error: 'youth_debt.term_invalid' })
  .max(MAX_TERM_MONTHS, { error: 'youth_debt.term_invalid' });

export const settingsView = z.object({
  termMonths: z.number().int(),
  preferentialMultiplier: z.number(),
  hourlyRateCents: z.number().int().describe('Waarde van een uur maatschappelijke tegenprestatie in centen; standaard 1200'),
  letterTemplate: z.string().describe('Sjabloon van de aanbiedingsbrief aan schuldeisers, met {{plaatshouders}}'),
  letterTemplateIsDefault: z.boolean(),
  can: z.object({ manage: z.boolean() }),
});
export const settingsBody = z
  .object({
    termMonths: term.optional(),
    preferentialMultiplier: multiplier.optional(),
    hourlyRateCents: cents(100_000, 'youth_debt.hourly_rate_invalid').optional().describe('Uurtarief van de tegenprestatie in centen, 0 tot en met 100.000'),
    letterTemplate: z
      .string({ error: 'youth_debt.template_invalid' })
      .trim()
      .min(1, { error: 'youth_debt.template_invalid' })
      .max(10_000, { error: 'youth_debt.template_invalid' })
      .nullable()
      .optional()
      .describe('Sjabloon van de brief; null zet het standaardsjabloon terug. Alleen bekende plaatshouders'),
  })
  .strict();
export type SettingsInput = z.infer<typeof settingsBody>;

export const creditorParams = z.object({ creditorId: z.uuid() });
export const creditorView = z.object({ id: z.uuid(), name: z.string(), address: z.string(), preferential: z.boolean(), debts: z.number().int() });
export const creditorBody = z
  .object({
    name: name('youth_debt.creditor_required'),
    address: z.string().trim().max(1000).optional().describe('Postadres voor brieven'),
    preferential: z.boolean().optional().describe('Standaard voor nieuwe schulden bij deze schuldeiser'),
  })
  .strict();
export const creditorPatch = creditorBody.partial().strict();
export type CreditorInput = z.infer<typeof creditorBody>;
export type CreditorPatch = z.infer<typeof creditorPatch>;

export const participantParams = z.object({ participantId: z.uuid() });
export const participantListQuery = z.object({ status: optionalParam(z.enum(PARTICIPANT_STATUSES)), limit: z.coerce.number().int().min(1).max(500).default(100), offset: z.coerce.number().int().min(0).max(10_000_000).default(0) }).strict();
export type ParticipantListQuery = z.infer<typeof participantListQuery>;

const money = cents(MAX_CAPACITY_CENTS * 10, 'youth_debt.amount_invalid');
const participantFields = {
  name: line(1, 200).describe('Alleen zichtbaar voor de eigen jongerenbegeleider en schuldhulpverlener'),
  contact: z.string().trim().max(500).describe('Telefoon, e-mail of adres; alleen zichtbaar voor begeleider en schuldhulpverlener'),
  birthDate: isoDate.describe('JJJJ-MM-DD; bij de start 18 tot en met 27 jaar, anders een reden'),
  ageExceptionReason: line(3, 1000).nullable(),
  areaId: z.uuid().nullable(),
  coachUserId: z.uuid().nullable().describe('Jongerenbegeleider (lid van de werkruimte)'),
  counsellorUserId: z.uuid().nullable().describe('Schuldhulpverlener (lid van de werkruimte)'),
  startDate: isoDate,
  status: z.enum(PARTICIPANT_STATUSES),
  leavingReason: line(3, 1000).nullable().describe('Verplicht bij uitgevallen'),
  monthlyIncomeCents: money.nullable().describe('Netto inkomen per maand in centen'),
  vtlbCents: money.nullable().describe('Vrij te laten bedrag (VTLB) per maand in centen'),
};
export const createParticipantBody = z
  .object({
    ...participantFields,
    contact: participantFields.contact.optional(),
    ageExceptionReason: participantFields.ageExceptionReason.optional(),
    areaId: participantFields.areaId.optional(),
    coachUserId: participantFields.coachUserId.optional(),
    counsellorUserId: participantFields.counsellorUserId.optional(),
    startDate: participantFields.startDate.optional().describe('Standaard vandaag'),
    status: participantFields.status.optional().describe('Standaard aanmelding'),
    leavingReason: participantFields.leavingReason.optional(),
    monthlyIncomeCents: participantFields.monthlyIncomeCents.optional(),
    vtlbCents: participantFields.vtlbCents.optional(),
  })
  .strict();
export const updateParticipantBody = z.object(participantFields).partial().strict();
export type CreateParticipantInput = z.infer<typeof createParticipantBody>;
export type UpdateParticipantInput = z.infer<typeof updateParticipantBody>;

const memberRef = z.object({ userId: z.uuid(), name: z.string() }).nullable();
export const participantSummaryView = z.object({
  id: z.uuid(),
  number: z.string().describe('Deelnemersnummer, bijvoorbeeld JPF-0001'),
  name: z.string().nullable().describe('Alleen voor de eigen begeleider en schuldhulpverlener; anders null'),
  status: z.enum(PARTICIPANT_STATUSES),
  startDate: z.string(),
  coach: memberRef,
  counsellor: memberRef,
  area: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  debts: z.number().int(),
  debtTotalCents: z.number().int(),
});
export const participantListView = z.object({ items: z.array(participantSummaryView), total: z.number().int(), can: z.object({ create: z.boolean() }) });
export const debtView = z.object({
  id: z.uuid(),
  participantId: z.uuid(),
  participantNumber: z.string(),
  creditorId: z.uuid(),
  creditorName: z.string(),
  amountCents: z.number().int(),
  preferential: z.boolean(),
  status: z.enum(DEBT_STATUSES),
  documents: z.number().int().describe('Het aantal documenten bij de schuld; de documenten zelf alleen voor de eigen coach en schuldhulpverlener'),
});
export const participantView = participantSummaryView.extend({
  /** Personal details: null unless the reader is the coach or counsellor. */
  contact: z.string().nullable(),
  birthDate: z.string().nullable(),
  personalVisible: z.boolean(),
  ageAtStart: z.number().int(),
  ageExceptionReason: z.string().nullable(),
  leavingReason: z.string().nullable(),
  monthlyIncomeCents: z.number().int().nullable(),
  vtlbCents: z.number().int().nullable(),
  monthlyCapacityCents: z.number().int().describe('Inkomen min VTLB, niet onder 0'),
  debtList: z.array(debtView),
  can: z.object({ edit: z.boolean(), editPersonal: z.boolean() }),
});

export const debtParams = z.object({ debtId: z.uuid() });
export const debtListQuery = z.object({ participantId: optionalParam(z.uuid()), limit: z.coerce.number().int().min(1).max(500).default(100), offset: z.coerce.number().int().min(0).max(10_000_000).default(0) }).strict();
export type DebtListQuery = z.infer<typeof debtListQuery>;
export const createDebtBody = z
  .object({
    participantId: z.uuid(),
    creditorId: z.uuid(),
    amountCents: cents(MAX_AMOUNT_CENTS, 'youth_debt.amount_invalid'),
    preferential: z.boolean().optional().describe('Standaard zoals bij de schuldeiser'),
    status: z.enum(DEBT_STATUSES).optional(),
  })
  .strict();
export const updateDebtBody = createDebtBody.omit({ participantId: true }).partial().strict();
export type CreateDebtInput = z.infer<typeof createDebtBody>;
export type UpdateDebtInput = z.infer<typeof updateDebtBody>;

export const participantOfferView = offerView
  .extend({
    participantId: z.uuid(),
    number: z.string(),
    monthlyCapacityCents: z.number().int(),
    termMonths: z.number().int(),
    preferentialMultiplier: z.number(),
    debts: z.array(z.object({ debtId: z.uuid(), creditorId: z.uuid(), creditor: z.string(), amountCents: z.number().int(), preferential: z.boolean(), payoutCents: z.number().int(), percentage: z.number() })),
  })
  .meta({ id: 'YouthDebtParticipantOffer' });

// Dashboard and approach-wide view: aggregates only

const AGE_BAND_KEYS = ['jonger', '18-19', '20-21', '22-23', '24-25', '26-27', 'ouder'] as const;
const LOAD_BAND_KEYS = ['1-5', '6-10', '11-15', '16-20', '21+'] as const;
const debtKind = z.enum(['concurrent', 'preferent']);
const count = z.number().int();

export const dashboardView = z.object({
  participants: count,
  byStatus: z.array(z.object({ status: z.enum(PARTICIPANT_STATUSES), participants: count })),
  /** Why participants left (uitgevallen), with how many gave each reason. */
  leavingReasons: z.array(z.object({ reason: z.string(), participants: count })),
  debts: z.array(z.object({ status: z.enum(DEBT_STATUSES), kind: debtKind, debts: count, amountCents: count, participants: count })),
  debtTotals: z.object({ debts: count, totalCents: count, participantsWithDebts: count, medianCents: count.nullable() }),
  /** Quarters as `2026-K1`, oldest first. */
  newPerQuarter: z.array(z.object({ quarter: z.string(), participants: count })),
  ageAtStart: z.array(z.object({ band: z.enum(AGE_BAND_KEYS), participants: count })),
  /** Coaches by the number of running participants they coach (counts only). */
  coachLoad: z.array(z.object({ band: z.enum(LOAD_BAND_KEYS), coaches: count, participants: count })),
  runningWithoutCoach: count,
});

/** A figure of the approach-wide view: null with `suppressed` for a group of fewer than 5 participants (or one that would reveal such a group). */
export const protectedCell = z.object({ value: z.number().int().nullable(), suppressed: z.boolean() });
const approachFigures = z.object({
  participants: protectedCell,
  byStatus: z.array(z.object({ status: z.enum(PARTICIPANT_STATUSES), participants: protectedCell })),
  debts: z.array(z.object({ status: z.enum(DEBT_STATUSES), kind: debtKind, debts: protectedCell, amountCents: protectedCell })),
  debtTotals: z.object({ debts: protectedCell, totalCents: protectedCell, medianCents: protectedCell }),
  newPerQuarter: z.array(z.object({ quarter: z.string(), participants: protectedCell })),
  ageAtStart: z.array(z.object({ band: z.enum(AGE_BAND_KEYS), participants: protectedCell })),
  coachLoad: z.array(z.object({ band: z.enum(LOAD_BAND_KEYS), coaches: protectedCell })),
});
export const approachView = z.object({
  minimumGroup: count,
  items: z.array(approachFigures.extend({ workspaceId: z.uuid(), workspaceSlug: z.string(), workspaceName: z.string() })),
  total: approachFigures,
});
