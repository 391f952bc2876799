import { z } from 'zod';
import { MAX_AMOUNT_CENTS } from './schema';

/** Offers sent to creditors, their responses and the settlement credit. */

export const OFFER_STATUSES = ['verstuurd', 'geaccepteerd', 'vervangen'] as const;
export const RESPONSES = ['akkoord', 'geweigerd', 'tegenvoorstel'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];
export type CreditorResponse = (typeof RESPONSES)[number];

const optionalParam = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
const cents = (error: string) => z.number({ error }).int({ error }).min(0, { error }).max(MAX_AMOUNT_CENTS, { error });

export const sendOfferBody = z.object({}).strict().describe('Geen velden: het voorstel wordt berekend uit de schulden, de capaciteit en de instellingen');

export const lineParams = z.object({ lineId: z.uuid() });
export const lineListQuery = z
  .object({
    participantId: optionalParam(z.uuid()),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  })
  .strict();
export type LineListQuery = z.infer<typeof lineListQuery>;

export const letterQuery = z.object({ format: optionalParam(z.enum(['html', 'pdf'])) }).strict();
export type LetterQuery = z.infer<typeof letterQuery>;

export const responseBody = z
  .object({
    response: z.enum(RESPONSES).describe('akkoord, geweigerd (met reden) of tegenvoorstel (met bedrag)'),
    reason: z
      .string({ error: 'youth_debt.response_reason_required' })
      .trim()
      .min(3, { error: 'youth_debt.response_reason_required' })
      .max(1000, { error: 'youth_debt.response_reason_required' })
      .optional()
      .describe('Verplicht bij geweigerd; bij een tegenvoorstel een toelichting'),
    counterCents: cents('youth_debt.counter_amount_required').optional().describe('Bij tegenvoorstel: het bedrag dat de schuldeiser vraagt, in centen'),
    agreedCents: cents('youth_debt.amount_invalid').optional().describe('Bij akkoord: het afgesproken bedrag als dat afwijkt van het aanbod (bijvoorbeeld een aangenomen tegenvoorstel); standaard het aanbod'),
  })
  .strict();
export type ResponseInput = z.infer<typeof responseBody>;

export const offerLineView = z
  .object({
    id: z.uuid(),
    offerId: z.uuid(),
    participantId: z.uuid(),
    participantNumber: z.string(),
    offerVersion: z.number().int(),
    offerStatus: z.enum(OFFER_STATUSES),
    sentDate: z.string(),
    debtId: z.uuid(),
    creditorName: z.string().describe('Zoals bij verzending'),
    creditorAddress: z.string().describe('Zoals bij verzending'),
    debtCents: z.number().int(),
    preferential: z.boolean(),
    payoutCents: z.number().int(),
    percentage: z.number().describe('Twee decimalen'),
    response: z.enum(RESPONSES).nullable(),
    responseReason: z.string().nullable(),
    counterCents: z.number().int().nullable(),
    agreedCents: z.number().int().nullable(),
    respondedDate: z.string().nullable(),
    reference: z.string().describe('Kenmerk van de brief: JPF-0001/2-3 (deelnemer, versie, regel)'),
  })
  .meta({ id: 'YouthDebtOfferLine' });

export const creditView = z
  .object({
    id: z.uuid(),
    participantId: z.uuid(),
    offerId: z.uuid(),
    amountCents: z.number().int().describe('Som van de afgesproken bedragen'),
    grantedDate: z.string(),
    termMonths: z.number().int(),
    monthlyInstalmentCents: z.number().int().describe('De hoogste maandtermijn; de termijnen verschillen hoogstens 1 cent en tellen precies op tot het krediet'),
  })
  .meta({ id: 'YouthDebtCredit' });

export const sentOfferView = z.object({
  id: z.uuid(),
  version: z.number().int(),
  status: z.enum(OFFER_STATUSES),
  sentDate: z.string(),
  monthlyCapacityCents: z.number().int(),
  termMonths: z.number().int(),
  preferentialMultiplier: z.number(),
  availableCents: z.number().int(),
  paidOutCents: z.number().int(),
  lines: z.array(offerLineView),
  /** How many lines have each response, and how many are still awaited. */
  accepted: z.number().int(),
  refused: z.number().int(),
  countered: z.number().int(),
  awaiting: z.number().int(),
});

export const settlementView = z
  .object({
    participantId: z.uuid(),
    number: z.string(),
    offer: sentOfferView.nullable().describe('Het laatst verstuurde voorstel'),
    earlier: z.array(z.object({ id: z.uuid(), version: z.number().int(), sentDate: z.string(), status: z.enum(OFFER_STATUSES) })),
    credit: creditView.nullable(),
    can: z.object({ send: z.boolean(), respond: z.boolean(), readLetters: z.boolean().describe('Alleen de eigen begeleider en schuldhulpverlener: een brief noemt de naam') }),
  })
  .meta({ id: 'YouthDebtSettlement' });
