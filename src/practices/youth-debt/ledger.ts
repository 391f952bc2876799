/*
 * The repayment ledger of a settlement credit: pure functions, whole cents, integer arithmetic.
 *
 * - The credit is repaid over its term in monthly instalments that add up exactly to the credit:
 *   every month gets the whole cents of credit / term, and the cents left over go one each to the
 *   first months (so the first instalment is the largest, and no month differs by more than 1 cent).
 *   The first instalment is due on the first day of the month after the credit was granted.
 * - The young person repays in money (payments) and/or in kind: counter-performance activities
 *   (maatschappelijke tegenprestatie) in quarter hours, valued at the workspace's hourly rate
 *   that applied when the activity was recorded: value = quarter hours × rate / 4, rounded half
 *   up to whole cents once per activity. Only confirmed activities count.
 * - balance = credit − payments − valued hours (exact, may go below 0 when more was repaid);
 *   expected = the instalments due up to and including the day looked at;
 *   arrears = expected − payments − valued hours, never below 0.
 */

export const DEFAULT_HOURLY_RATE_CENTS = 1200;
export const MAX_HOURLY_RATE_CENTS = 100_000;

export interface ScheduledInstalment {
  /** 1 … term. */
  number: number;
  /** YYYY-MM-DD, the first of a month. */
  dueDate: string;
  amountCents: number;
  /** Everything due up to and including this instalment. */
  cumulativeCents: number;
}

const int = (value: number, what: string) => {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a non-negative whole number, got ${value}`);
  return value;
};

/** The first day of the month `months` after the month of `date` (YYYY-MM-DD). */
export function firstOfMonthAfter(date: string, months: number): string {
  const [y, m] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** The largest monthly instalment of a credit: the whole cents of amount / term, plus one if it does not divide. */
export function monthlyInstalment(amountCents: number, termMonths: number): number {
  int(amountCents, 'amountCents');
  if (!Number.isSafeInteger(termMonths) || termMonths < 1) throw new RangeError(`termMonths must be at least 1, got ${termMonths}`);
  return Math.ceil(amountCents / termMonths);
}

/** The instalments of a credit granted on `grantedDate`: `termMonths` of them, adding up exactly to `amountCents`. */
export function instalmentSchedule(amountCents: number, termMonths: number, grantedDate: string): ScheduledInstalment[] {
  monthlyInstalment(amountCents, termMonths);
  const base = Math.floor(amountCents / termMonths);
  const extra = amountCents - base * termMonths;
  let cumulative = 0;
  return Array.from({ length: termMonths }, (_, i) => {
    const amount = base + (i < extra ? 1 : 0);
    cumulative += amount;
    return { number: i + 1, dueDate: firstOfMonthAfter(grantedDate, i + 1), amountCents: amount, cumulativeCents: cumulative };
  });
}

/** The value of an activity: quarter hours × hourly rate / 4, rounded half up to whole cents. */
export function activityValueCents(quarterHours: number, hourlyRateCents: number): number {
  int(quarterHours, 'quarterHours');
  int(hourlyRateCents, 'hourlyRateCents');
  return Math.floor((quarterHours * hourlyRateCents * 2 + 4) / 8);
}

export type LedgerEntryInput =
  | { kind: 'betaling'; date: string; amountCents: number }
  | { kind: 'activiteit'; date: string; quarterHours: number; hourlyRateCents: number; confirmed: boolean };

export interface LedgerSummary {
  creditCents: number;
  paidCents: number;
  /** Confirmed activities, valued. */
  hoursValuedCents: number;
  confirmedQuarterHours: number;
  /** Recorded but not yet confirmed: they do not count until they are. */
  unconfirmedQuarterHours: number;
  balanceCents: number;
  expectedCents: number;
  arrearsCents: number;
  schedule: ScheduledInstalment[];
}

/** The state of a credit on `asOf` (YYYY-MM-DD), from its entries. Entries after `asOf` count too: they were recorded. */
export function ledgerSummary(credit: { amountCents: number; termMonths: number; grantedDate: string }, entries: readonly LedgerEntryInput[], asOf: string): LedgerSummary {
  const schedule = instalmentSchedule(credit.amountCents, credit.termMonths, credit.grantedDate);
  let paid = 0;
  let valued = 0;
  let confirmed = 0;
  let unconfirmed = 0;
  for (const e of entries) {
    if (e.kind === 'betaling') paid += int(e.amountCents, 'amountCents');
    else if (e.confirmed) {
      valued += activityValueCents(e.quarterHours, e.hourlyRateCents);
      confirmed += e.quarterHours;
    } else unconfirmed += int(e.quarterHours, 'quarterHours');
  }
  const expected = schedule.filter((s) => s.dueDate <= asOf).reduce((sum, s) => sum + s.amountCents, 0);
  return {
    creditCents: credit.amountCents,
    paidCents: paid,
    hoursValuedCents: valued,
    confirmedQuarterHours: confirmed,
    unconfirmedQuarterHours: unconfirmed,
    balanceCents: credit.amountCents - paid - valued,
    expectedCents: expected,
    arrearsCents: Math.max(0, expected - paid - valued),
    schedule,
  };
}
