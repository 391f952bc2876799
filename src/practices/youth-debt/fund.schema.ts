import { z } from 'zod';
import { MOVEMENTS } from './fund';

const cents = z.number().int('youth_debt.amount_invalid').min(0, 'youth_debt.amount_invalid').max(100_000_000_000, 'youth_debt.amount_invalid');

export const fundSettingsBody = z
  .object({
    /** Capital put into the fund at the start. */
    capitalCents: cents.optional(),
    /** When the capital was put in; the fund's series starts there. */
    capitalDate: z.iso.date().nullable().optional(),
    /** Social impact bond: paid per participant who finishes debt-free. */
    sibDebtFreeCents: cents.optional(),
    /** Social impact bond: paid per participant who finishes in work or in education. */
    sibWorkOrSchoolCents: cents.optional(),
  })
  .strict();
export type FundSettingsInput = z.infer<typeof fundSettingsBody>;

const perKind = z.object(Object.fromEntries(MOVEMENTS.map((k) => [k, z.number().int()])) as Record<(typeof MOVEMENTS)[number], z.ZodNumber>);

export const fundView = z.object({
  settings: z.object({ capitalCents: z.number().int(), capitalDate: z.string().nullable(), sibDebtFreeCents: z.number().int(), sibWorkOrSchoolCents: z.number().int() }),
  /** Month by month (`YYYY-MM`) up to this month: the movements (credits out negative), their sum and the balance after. */
  months: z.array(z.object({ month: z.string(), movements: perKind, net: z.number().int(), balance: z.number().int() })),
  totals: perKind,
  balance: z.number().int(),
  lowest: z.object({ month: z.string(), balance: z.number().int() }).nullable(),
  /** Credits not yet repaid in money or hours (per credit, never below zero). */
  outstandingCents: z.number().int(),
  can: z.object({ manage: z.boolean() }),
});
export type FundView = z.infer<typeof fundView>;
