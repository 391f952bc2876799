/**
 * Pure analysis functions for indicators: the composition decomposition of a change in an
 * area mean, the comparison of an area with its peers (robust z-score → attention signal)
 * and the roll-up of values up the area hierarchy. No database, no I/O: the service feeds
 * these with rows from the repository and the UI explains them with `ATTENTION_METHOD`.
 */
import { DomainError, type ErrorCatalogue } from '../../platform/errors';

/** Which way is good: a higher value, a lower value, or neither (e.g. population). */
export type Direction = 'higher' | 'lower' | 'neutral';
/** The attention signal of one area against its peers. */
export type Attention = 'better' | 'expected' | 'worse';

/** One person's value in one period, with the area they lived in (pseudonymous panel data). */
export interface PanelRecord {
  person: string;
  period: string;
  area: string;
  value: number;
}

/**
 * The change in an area mean between two periods split into three terms that add up to
 * `change` (= mean1 − mean0): stayers' own change, the effect of people who moved in
 * (entry) and the effect of people who moved out (exit).
 */
export interface Decomposition {
  change: number;
  stayers: number;
  entry: number;
  exit: number;
  mean0: number;
  mean1: number;
  counts: { stayers: number; entrants: number; leavers: number };
}

/** Reasons a panel cannot be decomposed; each is also a stable error id (see `analysisErrors`). */
export type DecompositionReason =
  | 'indicator.panel_empty_period'
  | 'indicator.panel_duplicate_person'
  | 'indicator.panel_same_period'
  | 'indicator.panel_invalid_value';

/** Thrown by `decompose` when the panel cannot be decomposed; `reason` is a stable error id. */
export class DecompositionError extends DomainError {
  constructor(
    public readonly reason: DecompositionReason,
    params: Record<string, string | number> = {},
  ) {
    super(reason, params);
    this.name = 'DecompositionError';
  }
}

/** The messages of the errors thrown here, for the module's error catalogue. */
export const analysisErrors: ErrorCatalogue = {
  'indicator.panel_empty_period': {
    status: 422,
    nl: 'Er zijn geen paneelgegevens voor gebied {area} in periode {period}; de verandering kan niet worden ontleed.',
    en: 'There is no panel data for area {area} in period {period}; the change cannot be decomposed.',
  },
  'indicator.panel_duplicate_person': {
    status: 422,
    nl: 'Persoon {person} komt in periode {period} meer dan eens voor in de paneelgegevens.',
    en: 'Person {person} occurs more than once in period {period} of the panel data.',
  },
  'indicator.panel_same_period': {
    status: 422,
    nl: 'Kies twee verschillende perioden om een verandering te ontleden.',
    en: 'Choose two different periods to decompose a change.',
  },
  'indicator.panel_invalid_value': {
    status: 422,
    nl: 'De paneelgegevens bevatten een waarde die geen getal is (persoon {person}, periode {period}).',
    en: 'The panel data contains a value that is not a number (person {person}, period {period}).',
  },
};

function mean(values: number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total / values.length;
}

/** Persons in `area` in `period` with their value; a person twice in the period is an error. */
function population(records: PanelRecord[], area: string, period: string): Map<string, number> {
  const seen = new Set<string>();
  const inArea = new Map<string, number>();
  for (const r of records) {
    if (r.period !== period) continue;
    // A person lives in one place at a time: twice in a period (in any area) is a data error.
    if (seen.has(r.person)) throw new DecompositionError('indicator.panel_duplicate_person', { person: r.person, period });
    seen.add(r.person);
    if (r.area !== area) continue;
    if (!Number.isFinite(r.value)) throw new DecompositionError('indicator.panel_invalid_value', { person: r.person, period });
    inArea.set(r.person, r.value);
  }
  if (inArea.size === 0) throw new DecompositionError('indicator.panel_empty_period', { area, period });
  return inArea;
}

/**
 * Splits the change in the mean of `area` between `period0` and `period1` into
 * ΔȲ = (Ȳ_S1 − Ȳ_S0) + w_I1·(Ȳ_I1 − Ȳ_S1) + w_O0·(Ȳ_S0 − Ȳ_O0):
 * S = in the area in both periods, I = only in period1 (moved in), O = only in period0
 * (moved out), w_I1 = share of I in period1's population, w_O0 = share of O in period0's.
 * Without stayers the split between entry and exit is not identified; the whole change is
 * then composition and is divided evenly around the midpoint of the leavers' and entrants' means.
 */
export function decompose(records: PanelRecord[], area: string, period0: string, period1: string): Decomposition {
  if (period0 === period1) throw new DecompositionError('indicator.panel_same_period', { period: period0 });
  const pop0 = population(records, area, period0);
  const pop1 = population(records, area, period1);

  const s0: number[] = [];
  const s1: number[] = [];
  const leavers: number[] = [];
  const entrants: number[] = [];
  for (const [person, value] of pop0) {
    const later = pop1.get(person);
    if (later === undefined) leavers.push(value);
    else {
      s0.push(value);
      s1.push(later);
    }
  }
  for (const [person, value] of pop1) if (!pop0.has(person)) entrants.push(value);

  const mean0 = mean([...pop0.values()]);
  const mean1 = mean([...pop1.values()]);
  const change = mean1 - mean0;
  const counts = { stayers: s0.length, entrants: entrants.length, leavers: leavers.length };

  if (s0.length === 0) {
    // Everyone was replaced: mean0 is the leavers' mean and mean1 the entrants'.
    const half = change / 2;
    return { change, stayers: 0, entry: half, exit: change - half, mean0, mean1, counts };
  }

  const meanS0 = mean(s0);
  const meanS1 = mean(s1);
  const wI1 = entrants.length / pop1.size;
  const wO0 = leavers.length / pop0.size;
  const stayers = meanS1 - meanS0;
  const entry = entrants.length === 0 ? 0 : wI1 * (mean(entrants) - meanS1);
  const exit = leavers.length === 0 ? 0 : wO0 * (meanS0 - mean(leavers));
  return { change, stayers, entry, exit, mean0, mean1, counts };
}

/** One area's value among its peers; `null` when suppressed or missing. */
export interface PeerValue {
  key: string;
  value: number | null;
}

export interface PeerComparison {
  /** The reference value: the median of the known values. */
  reference: number | null;
  items: {
    key: string;
    value: number | null;
    /** 1 = best for the direction (highest first when neutral); ties share a rank. */
    rank: number | null;
    /** value − reference, in the indicator's unit. */
    distance: number | null;
    /** Robust z-score: (value − median) / (1.4826 · MAD). */
    z: number | null;
    attention: Attention | null;
  }[];
}

/** |z| from which an area is clearly better or worse than its peers. */
export const ATTENTION_THRESHOLD = 1.5;

function median(sorted: number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const isKnown = (v: number | null): v is number => v !== null && Number.isFinite(v);

/**
 * Compares each area with its peers: distance from the median, a rank (1 = best for the
 * direction) and a robust z-score that gives the attention signal. Suppressed and missing
 * values get nulls and do not count towards the median, the spread or the ranks.
 */
export function compareWithPeers(values: PeerValue[], direction: Direction): PeerComparison {
  const known = values.map((v) => v.value).filter(isKnown).sort((a, b) => a - b);
  if (known.length === 0) {
    return { reference: null, items: values.map((v) => ({ key: v.key, value: null, rank: null, distance: null, z: null, attention: null })) };
  }
  const reference = median(known);
  const deviations = known.map((x) => Math.abs(x - reference));
  const mad = median([...deviations].sort((a, b) => a - b));
  // MAD is 0 when more than half the peers share the median; fall back to the mean absolute
  // deviation (scaled to match σ for normal data), and to "no signal" when all are equal.
  const scale = mad > 0 ? 1.4826 * mad : 1.2533 * mean(deviations);
  // `known` is sorted ascending: how many peers lie strictly below or above x, by binary search.
  const below = (x: number) => {
    let lo = 0;
    let hi = known.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (known[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const above = (x: number) => {
    let lo = 0;
    let hi = known.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (known[mid] <= x) lo = mid + 1;
      else hi = mid;
    }
    return known.length - lo;
  };

  const items = values.map((v) => {
    if (!isKnown(v.value)) return { key: v.key, value: null, rank: null, distance: null, z: null, attention: null };
    const x = v.value;
    const better = direction === 'lower' ? below(x) : above(x);
    const z = scale > 0 ? (x - reference) / scale : 0;
    const signed = direction === 'lower' ? -z : z;
    let attention: Attention = 'expected';
    if (direction !== 'neutral' && signed >= ATTENTION_THRESHOLD) attention = 'better';
    if (direction !== 'neutral' && signed <= -ATTENTION_THRESHOLD) attention = 'worse';
    return { key: v.key, value: x, rank: better + 1, distance: x - reference, z, attention };
  });
  return { reference, items };
}

/** How values of lower areas combine into a higher area (DHIS2-style aggregation). */
export type RollUpInput =
  | { method: 'sum'; values: (number | null)[] }
  | { method: 'mean'; values: (number | null)[] }
  | { method: 'ratio'; numerators: (number | null)[]; denominators: (number | null)[]; factor: number };

/**
 * Rolls values of lower areas up to one value: a sum for counts, a mean, or for ratio
 * indicators Σnumerator / Σdenominator × factor over the areas where both are known —
 * weighted by the denominator, never the mean of the ratios. Missing is not zero: null
 * when nothing is known (or the denominators sum to 0).
 */
export function rollUp(input: RollUpInput): number | null {
  if (input.method === 'ratio') {
    if (input.numerators.length !== input.denominators.length) {
      throw new RangeError('rollUp: numerators and denominators must be paired');
    }
    let num = 0;
    let den = 0;
    for (let i = 0; i < input.numerators.length; i++) {
      const n = input.numerators[i] ?? null;
      const d = input.denominators[i] ?? null;
      if (!isKnown(n) || !isKnown(d)) continue;
      num += n;
      den += d;
    }
    return den === 0 ? null : (num / den) * input.factor;
  }
  const known = input.values.filter(isKnown);
  if (known.length === 0) return null;
  const total = known.reduce((a, b) => a + b, 0);
  return input.method === 'sum' ? total : total / known.length;
}

/** The attention method in plain words, for the disclosure beside every comparison. */
export const ATTENTION_METHOD: { nl: string; en: string } = {
  nl:
    'We vergelijken elk gebied met de mediaan van de vergelijkbare gebieden (de middelste waarde). ' +
    'De afstand tot de mediaan delen we door de gewone spreiding tussen de gebieden (1,4826 × de mediaan van de absolute afwijkingen, MAD). ' +
    'Dat heet een robuuste z-score: één uitschieter trekt de maatstaf niet scheef. ' +
    'Ligt een gebied 1,5 of meer van die spreidingen van de mediaan af in de goede richting, dan is het "duidelijk beter"; in de verkeerde richting "duidelijk slechter"; anders "zoals verwacht". ' +
    'Rang 1 is het beste gebied. Geheimgehouden of ontbrekende waarden tellen niet mee. ' +
    'Bij een indicator zonder goede richting (zoals het aantal inwoners) geven we geen signaal. ' +
    'Een signaal is een reden om te kijken en het gesprek aan te gaan, geen oordeel.',
  en:
    'We compare each area with the median of its peer areas (the middle value). ' +
    'The distance from the median is divided by the usual spread between the areas (1.4826 × the median absolute deviation, MAD). ' +
    'This is a robust z-score: a single outlier does not distort the yardstick. ' +
    'An area 1.5 or more of those spreads from the median in the good direction is "clearly better"; in the bad direction "clearly worse"; otherwise "as expected". ' +
    'Rank 1 is the best area. Suppressed or missing values are not counted. ' +
    'For an indicator without a good direction (such as population) we give no signal. ' +
    'A signal is a reason to look and to talk, not a verdict.',
};
