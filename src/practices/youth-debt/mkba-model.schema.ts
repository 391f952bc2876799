import { z } from 'zod';
import { mkbaView } from './schema';

const cents = (max: number) => z.number().int('youth_debt.amount_invalid').min(0, 'youth_debt.amount_invalid').max(max, 'youth_debt.amount_invalid');
const percent = z.number().min(0).max(100).multipleOf(0.01);

export const assumptionsBody = z
  .object({
    discountRate: z.number().min(0, { error: 'youth_debt.discount_rate_invalid' }).max(0.25, { error: 'youth_debt.discount_rate_invalid' }).optional(),
    horizonYears: z.number().int().min(1).max(30).optional(),
    coachingPerParticipantYearCents: cents(100_000_000).optional(),
    executionPerYearCents: cents(10_000_000_000).optional(),
    socialAssistancePerYearCents: cents(100_000_000).optional(),
    referenceAssistancePercent: percent.optional(),
    referenceRecoveryPercent: percent.optional(),
    evictionAvoidedPercent: percent.optional(),
    evictionCostCents: cents(100_000_000).optional(),
  })
  .strict();
export type AssumptionsInput = z.infer<typeof assumptionsBody>;

export const documentQuery = z.object({ format: z.enum(['html', 'pdf']).optional() }).strict();

const lineView = z.object({ actor: z.string(), kind: z.enum(['cost', 'benefit']), label: z.string(), year: z.number().int(), amountCents: z.number().int(), basis: z.string() });

export const workspaceMkbaView = z.object({
  assumptions: z.array(z.object({ key: z.string(), value: z.number(), source: z.string() })),
  quantities: z.object({
    participants: z.number().int(),
    firstYear: z.number().int().nullable(),
    coachingMonths: z.number().int(),
    creditsCents: z.number().int(),
    creditLossCents: z.number().int(),
    offAssistance: z.number().int(),
  }),
  lines: z.array(lineView),
  result: mkbaView,
  sensitivity: z.array(z.object({ scenario: z.string(), discountRate: z.number(), result: mkbaView })),
  can: z.object({ manage: z.boolean() }),
});
export type WorkspaceMkbaView = z.infer<typeof workspaceMkbaView>;
