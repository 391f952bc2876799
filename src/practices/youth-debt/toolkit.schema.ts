import { z } from 'zod';
import { STEP_IDS } from './toolkit';

const cents = (max: number) => z.number().int('youth_debt.amount_invalid').min(0, 'youth_debt.amount_invalid').max(max, 'youth_debt.amount_invalid');

export const stepParams = z.object({ step: z.enum(STEP_IDS) });

export const stepBody = z
  .object({
    /** The day the step was taken; null reopens it. */
    doneOn: z.iso.date().nullable(),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();
export type StepInput = z.infer<typeof stepBody>;

export const budgetBody = z
  .object({
    participantsPerYear: z.number().int().min(0).max(10_000),
    years: z.number().int().min(1).max(10),
    averageCreditCents: cents(10_000_000),
    expectedLossPercent: z.number().min(0).max(100).multipleOf(0.01),
    coachingPerParticipantYearCents: cents(10_000_000),
    coachingYears: z.number().int().min(0).max(5),
    executionPerYearCents: cents(1_000_000_000),
  })
  .strict();

export const budgetView = z.object({
  participants: z.number().int(),
  creditsCents: z.number().int(),
  fundCents: z.number().int(),
  expectedLossesCents: z.number().int(),
  coachingCents: z.number().int(),
  executionCents: z.number().int(),
  totalCostCents: z.number().int(),
  perParticipantCents: z.number().int(),
  breakEvenAssistanceYears: z.number().int(),
});

export const toolkitView = z.object({
  ladder: z.array(z.object({ code: z.string(), rung: z.string(), title: z.string(), nodeId: z.uuid().nullable() })),
  indicators: z.array(z.object({ code: z.string(), name: z.string(), exists: z.boolean() })),
  /** Every template part exists in the workspace. */
  adopted: z.boolean(),
  steps: z.array(
    z.object({
      id: z.enum(STEP_IDS),
      title: z.string(),
      description: z.string(),
      doneOn: z.string().nullable(),
      doneBy: z.string().nullable(),
      note: z.string(),
    }),
  ),
  budgetDefaults: budgetBody,
  can: z.object({ manage: z.boolean() }),
});
export type ToolkitView = z.infer<typeof toolkitView>;

export const adoptView = z.object({
  created: z.object({ nodes: z.number().int(), indicators: z.number().int() }),
  toolkit: toolkitView,
});

export const feedView = z.object({
  /** The quarter written, e.g. 2026-Q4. */
  period: z.string(),
  /** The gemeente's CBS code; null when the workspace has no gemeente among its areas (then nothing is written). */
  area: z.string().nullable(),
  values: z.array(z.object({ code: z.string(), value: z.number().nullable(), status: z.enum(['final', 'suppressed']) })),
});
