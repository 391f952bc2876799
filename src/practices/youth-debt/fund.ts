/**
 * The revolving fund of the approach: settlement credits go out, repayments and the value of
 * confirmed counter-performance hours come back in, and a social impact bond pays per agreed
 * outcome. Pure: movements per month in, a monthly series with a running balance out, in
 * whole cents.
 */

export const MOVEMENTS = ['kapitaal', 'kredieten', 'aflossingen', 'uren', 'resultaatbetalingen'] as const;
export type MovementKind = (typeof MOVEMENTS)[number];

/** Money into (positive) or out of (negative) the fund in one month (`YYYY-MM`). */
export interface Movement {
  month: string;
  kind: MovementKind;
  cents: number;
}

export interface FundMonth {
  month: string;
  /** Per kind: credits out are negative, everything else positive. */
  movements: Record<MovementKind, number>;
  net: number;
  /** After this month. */
  balance: number;
}

export interface FundSeries {
  months: FundMonth[];
  totals: Record<MovementKind, number>;
  balance: number;
  /** The lowest balance at the end of a month, and when: below zero the fund ran dry. */
  lowest: { month: string; balance: number } | null;
}

const zero = (): Record<MovementKind, number> => ({ kapitaal: 0, kredieten: 0, aflossingen: 0, uren: 0, resultaatbetalingen: 0 });

/** `YYYY-MM` of the month after. */
export function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * Every month from the first movement up to `until` (`YYYY-MM`, inclusive; or the last
 * movement when later), also the months without movements, so the balance reads as a line.
 */
export function fundSeries(movements: readonly Movement[], until: string): FundSeries {
  const totals = zero();
  if (movements.length === 0) return { months: [], totals, balance: 0, lowest: null };
  const byMonth = new Map<string, Record<MovementKind, number>>();
  for (const mv of movements) {
    if (!Number.isSafeInteger(mv.cents)) throw new RangeError(`cents must be a whole number, got ${mv.cents}`);
    const row = byMonth.get(mv.month) ?? zero();
    row[mv.kind] += mv.cents;
    totals[mv.kind] += mv.cents;
    byMonth.set(mv.month, row);
  }
  const sorted = [...byMonth.keys()].sort();
  const last = sorted[sorted.length - 1] > until ? sorted[sorted.length - 1] : until;
  const months: FundMonth[] = [];
  let balance = 0;
  let lowest: FundSeries['lowest'] = null;
  for (let month = sorted[0]; month <= last; month = nextMonth(month)) {
    const row = byMonth.get(month) ?? zero();
    const net = MOVEMENTS.reduce((s, k) => s + row[k], 0);
    balance += net;
    months.push({ month, movements: row, net, balance });
    if (!lowest || balance < lowest.balance) lowest = { month, balance };
  }
  return { months, totals, balance, lowest };
}
