/**
 * Social cost-benefit analysis (MKBA) of the youth-debt approach: present values per actor.
 *
 * An amount in year t (t = 0 is the start year) counts for amount / (1 + r)^t, with the
 * discount rate r = 2.25 % by default (the Dutch rate for analyses from 2021). Totals are exact
 * (BigInt rationals); costs and benefits are rounded to whole cents once, at the end (half away
 * from zero), and the balance is benefits minus costs as shown.
 */

export const DEFAULT_DISCOUNT_RATE = 0.0225;
export const ACTORS = ['jongere', 'gemeente', 'rijk', 'schuldeisers'] as const;
export const LINE_KINDS = ['cost', 'benefit'] as const;
export type Actor = (typeof ACTORS)[number];
export type LineKind = (typeof LINE_KINDS)[number];

/** The discount rate is taken to this many decimals (0.0225 → 2 250 000 / 10⁸). */
const RATE_SCALE = 100_000_000n;

export interface MkbaLine {
  actor: Actor;
  kind: LineKind;
  label: string;
  /** Non-negative: the kind says whether it is a cost or a benefit. */
  amountCents: number;
  /** 0 = the start year. */
  year: number;
}

export interface MkbaBalance {
  costsPresentValueCents: number;
  benefitsPresentValueCents: number;
  /** Benefits minus costs. */
  presentValueCents: number;
  /** Benefits / costs, two decimals; null when there are no costs. */
  ratio: number | null;
}

export interface MkbaResult extends MkbaBalance {
  discountRate: number;
  byActor: Record<Actor, MkbaBalance>;
}

interface Ratio {
  num: bigint;
  den: bigint;
}

function rateRatio(r: number): bigint {
  if (!Number.isFinite(r) || r <= -1) throw new RangeError(`the discount rate must be above -1, got ${r}`);
  return BigInt(Math.round(r * Number(RATE_SCALE)));
}

/** Round half away from zero to a whole number. */
function roundRatio(x: Ratio): bigint {
  const neg = x.num < 0n !== x.den < 0n;
  const n = x.num < 0n ? -x.num : x.num;
  const d = x.den < 0n ? -x.den : x.den;
  const q = (2n * n + d) / (2n * d);
  return neg ? -q : q;
}

/** a/b to two decimals (half away from zero); null when b = 0. */
function ratioOf(a: Ratio, b: Ratio): number | null {
  if (b.num === 0n) return null;
  return Number(roundRatio({ num: a.num * b.den * 100n, den: a.den * b.num })) / 100;
}

/**
 * Sums of discounted amounts with one common denominator ((1+r)^T · scale^0 for the largest
 * year T): amount / (1+r)^t = amount · S^t · (S+R)^(T−t) / (S+R)^T, with r = R / S.
 */
class Discounter {
  private readonly base: bigint;
  readonly den: bigint;
  constructor(
    rate: number,
    private readonly maxYear: number,
  ) {
    this.base = RATE_SCALE + rateRatio(rate);
    if (this.base <= 0n) throw new RangeError('the discount rate must be above -1');
    this.den = this.base ** BigInt(maxYear);
  }
  numerator(amountCents: number, year: number): bigint {
    return BigInt(amountCents) * RATE_SCALE ** BigInt(year) * this.base ** BigInt(this.maxYear - year);
  }
}

function checkLine(line: MkbaLine) {
  if (!Number.isSafeInteger(line.amountCents) || line.amountCents < 0) throw new RangeError(`amountCents must be a non-negative whole number, got ${line.amountCents}`);
  if (!Number.isInteger(line.year) || line.year < 0 || line.year > 200) throw new RangeError(`year must be a whole number from 0 to 200, got ${line.year}`);
  if (!ACTORS.includes(line.actor)) throw new RangeError(`unknown actor ${line.actor}`);
  if (!LINE_KINDS.includes(line.kind)) throw new RangeError(`unknown kind ${line.kind}`);
}

function balance(costs: bigint, benefits: bigint, den: bigint): MkbaBalance {
  const c = roundRatio({ num: costs, den });
  const b = roundRatio({ num: benefits, den });
  return {
    costsPresentValueCents: Number(c),
    benefitsPresentValueCents: Number(b),
    // The balance is the difference of the rounded totals, so a table of the three adds up.
    presentValueCents: Number(b - c),
    ratio: ratioOf({ num: benefits, den }, { num: costs, den }),
  };
}

export function presentValue(lines: readonly MkbaLine[], discountRate: number = DEFAULT_DISCOUNT_RATE): MkbaResult {
  lines.forEach(checkLine);
  const maxYear = lines.reduce((m, l) => Math.max(m, l.year), 0);
  const disc = new Discounter(discountRate, maxYear);
  const sums = Object.fromEntries(ACTORS.map((a) => [a, { cost: 0n, benefit: 0n }])) as Record<Actor, Record<LineKind, bigint>>;
  for (const line of lines) sums[line.actor][line.kind] += disc.numerator(line.amountCents, line.year);
  const costs = ACTORS.reduce((s, a) => s + sums[a].cost, 0n);
  const benefits = ACTORS.reduce((s, a) => s + sums[a].benefit, 0n);
  return {
    discountRate,
    ...balance(costs, benefits, disc.den),
    byActor: Object.fromEntries(ACTORS.map((a) => [a, balance(sums[a].cost, sums[a].benefit, disc.den)])) as Record<Actor, MkbaBalance>,
  };
}

export interface SensitivityOptions {
  discountRate?: number;
  /** How far the discount rate moves up and down (default 1 percentage point). */
  rateStep?: number;
  /** How far unit values move up and down, in percent (default 20 %). */
  unitValuePercent?: number;
}

export interface SensitivityRow {
  /** `base`, `rate_low`, `rate_high`, `benefits_low`, `benefits_high`, `costs_low`, `costs_high`. */
  scenario: 'base' | 'rate_low' | 'rate_high' | 'benefits_low' | 'benefits_high' | 'costs_low' | 'costs_high';
  discountRate: number;
  result: MkbaResult;
}

/** Scales an amount by (100 + percent) %, exactly, rounded to whole cents once per line. */
function scaled(amountCents: number, percent: number): number {
  const hundredths = BigInt(Math.round((100 + percent) * 100));
  if (hundredths < 0n) return 0;
  return Number(roundRatio({ num: BigInt(amountCents) * hundredths, den: 10_000n }));
}

/**
 * The sensitivity table: the base case, the discount rate down and up, and the unit values of
 * benefits and of costs down and up (each line's amount scaled by the percentage).
 */
export function sensitivity(lines: readonly MkbaLine[], options: SensitivityOptions = {}): SensitivityRow[] {
  const rate = options.discountRate ?? DEFAULT_DISCOUNT_RATE;
  const step = options.rateStep ?? 0.01;
  const pct = options.unitValuePercent ?? 20;
  const scale = (kind: LineKind, percent: number) => lines.map((l) => (l.kind === kind ? { ...l, amountCents: scaled(l.amountCents, percent) } : l));
  const lowRate = Math.max(0, Math.round((rate - step) * 1e8) / 1e8);
  const highRate = Math.round((rate + step) * 1e8) / 1e8;
  return [
    { scenario: 'base', discountRate: rate, result: presentValue(lines, rate) },
    { scenario: 'rate_low', discountRate: lowRate, result: presentValue(lines, lowRate) },
    { scenario: 'rate_high', discountRate: highRate, result: presentValue(lines, highRate) },
    { scenario: 'benefits_low', discountRate: rate, result: presentValue(scale('benefit', -pct), rate) },
    { scenario: 'benefits_high', discountRate: rate, result: presentValue(scale('benefit', pct), rate) },
    { scenario: 'costs_low', discountRate: rate, result: presentValue(scale('cost', -pct), rate) },
    { scenario: 'costs_high', discountRate: rate, result: presentValue(scale('cost', pct), rate) },
  ];
}
