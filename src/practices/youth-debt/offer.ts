/**
 * The settlement offer (saneringsvoorstel) of the Jongeren Perspectief Fonds: a pure function,
 * used by the calculator, the API and (later) a participant's case.
 *
 * - Available amount A = monthly repayment capacity × term (default 18 months).
 * - Preferential creditors (e.g. the tax office) receive m times the concurrent percentage
 *   (m = 2 by default). The concurrent percentage p = A / (C + m·P), with C and P the concurrent
 *   and preferential totals.
 * - If m·p would exceed 100 %, preferential debts are paid in full and p = (A − P) / C.
 * - Nobody receives more than 100 %; if A covers all debts, everyone receives 100 %.
 * - Payouts are whole cents that add up exactly to the amount paid out (largest remainder:
 *   every creditor gets the whole cents of its exact share, the cents left over go one each to
 *   the largest fractions, ties to the creditor listed first).
 *
 * All arithmetic is exact (BigInt rationals); the multiplier is taken in hundredths.
 */

export const DEFAULT_TERM_MONTHS = 18;
export const DEFAULT_PREFERENTIAL_MULTIPLIER = 2;

export interface OfferDebt {
  creditor: string;
  amountCents: number;
  preferential: boolean;
}

export interface OfferInput {
  monthlyCapacityCents: number;
  termMonths?: number;
  /** m: preferential creditors get m × the concurrent percentage; taken to two decimals. */
  preferentialMultiplier?: number;
  debts: readonly OfferDebt[];
}

export interface OfferPayout {
  creditor: string;
  payoutCents: number;
  /** The percentage offered to this creditor (its class's), two decimals. */
  percentage: number;
}

export interface Offer {
  availableCents: number;
  paidOutCents: number;
  /** p, in percent with two decimals. */
  concurrentPercentage: number;
  /** min(100, m·p), in percent with two decimals. */
  preferentialPercentage: number;
  /** In the order of the input debts. */
  payouts: OfferPayout[];
}

/** A non-negative rational num/den with den > 0. */
interface Ratio {
  num: bigint;
  den: bigint;
}

const ONE: Ratio = { num: 1n, den: 1n };

function toBig(value: number, what: string): bigint {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a non-negative whole number, got ${value}`);
  return BigInt(value);
}

/** m in hundredths (2 → 200, 1.5 → 150). */
export function multiplierHundredths(m: number): bigint {
  if (!Number.isFinite(m) || m < 1) throw new RangeError(`the preferential multiplier must be at least 1, got ${m}`);
  return BigInt(Math.round(m * 100));
}

/** ratio × 100 in percent, rounded half up to two decimals, as a number (72, 36, 33.33). */
export function percentOf(r: Ratio): number {
  // percent·100 = r × 10 000, rounded half up.
  const hundredths = (r.num * 10_000n * 2n + r.den) / (2n * r.den);
  return Number(hundredths) / 100;
}

const min1 = (r: Ratio): Ratio => (r.num > r.den ? ONE : r);

/**
 * Whole-cent shares that add up to `total`: floor of each exact share, then one cent each to the
 * largest remainders (ties: lowest index first). The exact shares must add up to `total`.
 */
function largestRemainder(shares: readonly Ratio[], total: bigint): bigint[] {
  const floors = shares.map((s) => s.num / s.den);
  let left = total - floors.reduce((a, b) => a + b, 0n);
  if (left < 0n || left > BigInt(shares.length)) throw new Error('largest remainder: shares do not add up to the total');
  const order = shares
    .map((s, i) => ({ i, rem: { num: s.num % s.den, den: s.den } }))
    .filter((x) => x.rem.num > 0n)
    // Descending remainder: a/b > c/d ⇔ a·d > c·b; a stable sort keeps input order for ties.
    .sort((x, y) => {
      const l = x.rem.num * y.rem.den;
      const r = y.rem.num * x.rem.den;
      return l > r ? -1 : l < r ? 1 : x.i - y.i;
    });
  const result = [...floors];
  for (const { i } of order) {
    if (left === 0n) break;
    result[i] += 1n;
    left -= 1n;
  }
  if (left !== 0n) throw new Error('largest remainder: cents left over');
  return result;
}

export function settlementOffer(input: OfferInput): Offer {
  const term = toBig(input.termMonths ?? DEFAULT_TERM_MONTHS, 'termMonths');
  const m = multiplierHundredths(input.preferentialMultiplier ?? DEFAULT_PREFERENTIAL_MULTIPLIER);
  const available = toBig(input.monthlyCapacityCents, 'monthlyCapacityCents') * term;
  const amounts = input.debts.map((d) => toBig(d.amountCents, 'amountCents'));
  let concurrent = 0n;
  let preferential = 0n;
  input.debts.forEach((d, i) => {
    if (d.preferential) preferential += amounts[i];
    else concurrent += amounts[i];
  });
  const total = concurrent + preferential;

  // p (concurrent) and q = min(1, m·p) (preferential) as exact ratios.
  let p: Ratio;
  let q: Ratio;
  let paidOut: bigint;
  if (available >= total) {
    // Everything is covered (also when there are no debts at all).
    p = ONE;
    q = ONE;
    paidOut = total;
  } else {
    paidOut = available;
    // p = A / (C + m·P), with m in hundredths: p = 100·A / (100·C + m·P).
    const pRaw: Ratio = { num: 100n * available, den: 100n * concurrent + m * preferential };
    const mp: Ratio = { num: m * pRaw.num, den: 100n * pRaw.den };
    if (mp.num > mp.den) {
      // Preferential paid in full; the rest shared by the concurrent creditors (C > 0 here, as A < C + P).
      q = ONE;
      p = { num: available - preferential, den: concurrent };
    } else {
      p = pRaw;
      q = mp;
    }
    p = min1(p);
  }

  const shares = input.debts.map((d, i) => {
    const rate = d.preferential ? q : p;
    return { num: amounts[i] * rate.num, den: rate.den };
  });
  const cents = largestRemainder(shares, paidOut);
  const concurrentPercentage = percentOf(p);
  const preferentialPercentage = percentOf(q);
  return {
    availableCents: Number(available),
    paidOutCents: Number(paidOut),
    concurrentPercentage,
    preferentialPercentage,
    payouts: input.debts.map((d, i) => ({
      creditor: d.creditor,
      payoutCents: Number(cents[i]),
      percentage: d.preferential ? preferentialPercentage : concurrentPercentage,
    })),
  };
}
