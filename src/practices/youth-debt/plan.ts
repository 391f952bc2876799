/*
 * The perspective plan's pure rules: progress of a goal, the two-year timeline of a participant
 * (planned milestones from the start date, plus goals reached, contacts and the outcome, in date
 * order), when outcomes may be recorded, and whole-percent shares that add up to 100.
 * Dates are calendar dates as YYYY-MM-DD; no clock is read here (`today` is passed in).
 */

export const LIFE_DOMAINS = ['school', 'werk', 'wonen', 'gezondheid', 'financien', 'sociaal_netwerk'] as const;
export type LifeDomain = (typeof LIFE_DOMAINS)[number];
export const GOAL_STATUSES = ['open', 'bereikt', 'losgelaten'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
export const CONTACT_KINDS = ['gesprek', 'huisbezoek', 'telefonisch', 'groepsbijeenkomst', 'anders'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export const ANSWERS = ['ja', 'nee', 'onbekend'] as const;
export type Answer = (typeof ANSWERS)[number];
/** The outcomes at the end of the approach, in the order the dashboard shows them. */
export const OUTCOMES = ['debtFree', 'inEducation', 'inWork', 'stableHousing', 'socialAssistance'] as const;
export type OutcomeKey = (typeof OUTCOMES)[number];

/** The approach lasts two years of coaching. */
export const COACHING_MONTHS = 24;

/**
 * Planned milestones, in months after the start date. The settlement offer and the credit are
 * targets of the approach (creditors first get an offer, then the credit bank pays out), the
 * evaluations are every half year, and coaching ends after two years.
 */
export const MILESTONES = [
  { key: 'intake', months: 0 },
  { key: 'settlement_offer', months: 2 },
  { key: 'credit_granted', months: 3 },
  { key: 'evaluation_6', months: 6 },
  { key: 'evaluation_12', months: 12 },
  { key: 'evaluation_18', months: 18 },
  { key: 'evaluation_24', months: 24 },
  { key: 'end_of_coaching', months: COACHING_MONTHS },
] as const;
export type MilestoneKey = (typeof MILESTONES)[number]['key'];

/** `date` plus whole months; a day that does not exist in the target month becomes its last day (31 January + 1 month = 28 or 29 February). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * Progress of a goal in whole percents: with steps, the share of steps done (rounded half up),
 * otherwise what the coach set.
 */
export function goalProgress(steps: readonly { done: boolean }[], manual: number): number {
  if (!steps.length) return manual;
  const done = steps.filter((s) => s.done).length;
  return Math.floor((done * 200 + steps.length) / (steps.length * 2));
}

/** Whether the outcomes may be recorded: at the end (afgerond or uitgevallen) or any time from 24 months after the start. */
export function outcomeOpen(status: string, startDate: string, today: string): boolean {
  return status === 'afgerond' || status === 'uitgevallen' || addMonths(startDate, COACHING_MONTHS) <= today;
}

export type TimelineEntry =
  | { kind: 'milestone'; date: string; milestone: MilestoneKey; past: boolean }
  | { kind: 'goal_reached'; date: string; goalId: string; title: string; domain: LifeDomain; past: boolean }
  | { kind: 'contact'; date: string; contactId: string; contactKind: ContactKind; past: boolean }
  | { kind: 'outcome'; date: string; past: boolean };

export interface TimelineInput {
  startDate: string;
  status: string;
  today: string;
  goals: readonly { id: string; title: string; domain: LifeDomain; status: string; reachedOn: string | null }[];
  contacts: readonly { id: string; date: string; kind: ContactKind }[];
  outcome: { recordedOn: string } | null;
}

const ORDER: Record<TimelineEntry['kind'], number> = { milestone: 0, contact: 1, goal_reached: 2, outcome: 3 };

/**
 * The participant's two years in date order: the planned milestones, the goals reached, the
 * contacts and the recorded outcome. On one day, milestones come first (in their own order),
 * then contacts, goals and the outcome. Once the approach has ended (afgerond, uitgevallen), the
 * milestones still ahead are left out: they will not happen.
 */
export function timeline(input: TimelineInput): TimelineEntry[] {
  const ended = input.status === 'afgerond' || input.status === 'uitgevallen';
  const past = (date: string) => date <= input.today;
  const entries: (TimelineEntry & { rank: number; tie: string })[] = [];
  MILESTONES.forEach((m, i) => {
    const date = addMonths(input.startDate, m.months);
    if (ended && !past(date)) return;
    entries.push({ kind: 'milestone', date, milestone: m.key, past: past(date), rank: ORDER.milestone, tie: String(i).padStart(2, '0') });
  });
  for (const c of input.contacts) entries.push({ kind: 'contact', date: c.date, contactId: c.id, contactKind: c.kind, past: past(c.date), rank: ORDER.contact, tie: c.id });
  for (const g of input.goals) {
    if (g.status !== 'bereikt' || !g.reachedOn) continue;
    entries.push({ kind: 'goal_reached', date: g.reachedOn, goalId: g.id, title: g.title, domain: g.domain, past: past(g.reachedOn), rank: ORDER.goal_reached, tie: g.id });
  }
  if (input.outcome) entries.push({ kind: 'outcome', date: input.outcome.recordedOn, past: past(input.outcome.recordedOn), rank: ORDER.outcome, tie: '' });
  entries.sort((a, b) => a.date.localeCompare(b.date) || a.rank - b.rank || a.tie.localeCompare(b.tie));
  return entries.map(({ rank: _r, tie: _t, ...entry }) => entry as TimelineEntry);
}

/**
 * Whole percentages of `counts` that add up to exactly 100 (largest remainder; ties to the
 * first listed). All zero gives all zero.
 */
export function wholeShares(counts: readonly number[]): number[] {
  const total = counts.reduce((s, n) => s + n, 0);
  if (total === 0) return counts.map(() => 0);
  const floors = counts.map((n) => Math.floor((n * 100) / total));
  const remainders = counts.map((n, i) => ({ i, r: n * 100 - floors[i] * total }));
  let left = 100 - floors.reduce((s, n) => s + n, 0);
  remainders.sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of remainders) {
    if (left === 0) break;
    floors[i]++;
    left--;
  }
  return floors;
}
