import { MINIMUM_GROUP, isSmall } from './protect';

/*
 * The effect monitor's questionnaires, as pure rules: the moments (intake and after 6, 12, 18 and
 * 24 months), the life domains scored 1–10 (plus overall wellbeing), due dates, the state of a
 * moment, and the score development — per participant, and across a workspace with small-number
 * protection (no mean of fewer than 5 questionnaires).
 */

/** Months since the start; 0 is the intake. */
export const MOMENTS = [0, 6, 12, 18, 24] as const;
export type Moment = (typeof MOMENTS)[number];
export const RESPONDENTS = ['jongere', 'begeleider'] as const;
export type Respondent = (typeof RESPONDENTS)[number];
/** The life domains of the perspective plan, each scored 1–10. */
export const LIFE_DOMAINS = ['school', 'werk', 'wonen', 'gezondheid', 'financien', 'sociaalNetwerk'] as const;
/** Every score of a questionnaire: the life domains and overall wellbeing (welzijn). */
export const SCORE_KEYS = [...LIFE_DOMAINS, 'welzijn'] as const;
export type ScoreKey = (typeof SCORE_KEYS)[number];
export type Scores = Record<ScoreKey, number>;

/** A moment may be filled in from two weeks before its due date. */
export const OPEN_BEFORE_DAYS = 14;
/** After six weeks past its due date an unfilled moment is late (it can still be filled in). */
export const LATE_AFTER_DAYS = 42;
/** How long a participant's private link works. */
export const LINK_VALID_DAYS = 30;

export type MomentState = 'ingevuld' | 'gepland' | 'open' | 'te_laat';

const utc = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
};
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** `date` (YYYY-MM-DD) plus whole calendar days. */
export const addDays = (date: string, days: number) => iso(utc(date) + days * 86_400_000);

/** `date` (YYYY-MM-DD) plus whole months; a day that the month lacks becomes its last day (31 August + 6 = 28 or 29 February). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return iso(Date.UTC(year, month, Math.min(d, last)));
}

/** The due date of a moment: the start date plus its months. */
export const dueDate = (startDate: string, moment: Moment) => addMonths(startDate, moment);

/** The first day a moment may be filled in. */
export const opensOn = (due: string) => addDays(due, -OPEN_BEFORE_DAYS);

/** Whether a questionnaire of this moment may be filled in on `today`. */
export const mayFillOn = (due: string, today: string) => today >= opensOn(due);

/** gepland (not yet open), open (from two weeks before until six weeks after the due date), te_laat (later), or ingevuld. */
export function momentState(due: string, today: string, filled: boolean): MomentState {
  if (filled) return 'ingevuld';
  if (!mayFillOn(due, today)) return 'gepland';
  return today > addDays(due, LATE_AFTER_DAYS) ? 'te_laat' : 'open';
}

export interface QuestionnaireScores {
  participantId: string;
  moment: Moment;
  respondent: Respondent;
  scores: Scores;
}

/** A mean to one decimal, from whole scores; halves round away from zero, so a fall of 2.25 shows as −2.3 as a rise shows as 2.3. */
export function meanOf(sum: number, n: number) {
  const tenths = Math.round((Math.abs(sum) * 10) / n);
  return sum < 0 ? -tenths / 10 : tenths / 10;
}

/** One participant's scores per respondent and moment, and the change from the intake to the latest moment filled in. */
export function participantDevelopment(rows: readonly QuestionnaireScores[]) {
  return RESPONDENTS.map((respondent) => {
    const own = rows.filter((r) => r.respondent === respondent).sort((a, b) => a.moment - b.moment);
    const intake = own.find((r) => r.moment === 0);
    const latest = own.at(-1);
    const change =
      intake && latest && latest.moment !== 0 ? { until: latest.moment, scores: Object.fromEntries(SCORE_KEYS.map((k) => [k, latest.scores[k] - intake.scores[k]])) as Scores } : null;
    return { respondent, moments: own.map((r) => ({ moment: r.moment, scores: r.scores })), change };
  });
}

export interface ProtectedMean {
  /** The mean to one decimal; null when there are none or the group is too small. */
  mean: number | null;
  /** How many questionnaires (or pairs); null when suppressed. */
  n: number | null;
  suppressed: boolean;
}

const protectedMean = (sum: number, n: number): ProtectedMean => {
  if (n === 0) return { mean: null, n: 0, suppressed: false };
  if (isSmall(n)) return { mean: null, n: null, suppressed: true };
  return { mean: meanOf(sum, n), n, suppressed: false };
};

/**
 * The score development of a workspace: per respondent and moment, the mean score per domain and
 * the mean change since the intake (of the participants with both questionnaires, by the same
 * respondent). A mean of fewer than 5 questionnaires is not shown (small-number protection).
 */
/** One respondent × moment: how many questionnaires, their score sums, and the sums of the change since the same participant's intake. */
export interface MomentGroup {
  respondent: Respondent;
  moment: Moment;
  questionnaires: number;
  sums: Scores;
  /** Questionnaires of this moment whose participant also has an intake by the same respondent. */
  pairs: number;
  changeSums: Scores;
}

const zeroScores = () => Object.fromEntries(SCORE_KEYS.map((k) => [k, 0])) as Scores;

/** The groups of a list of questionnaires (the database computes the same with one GROUP BY). */
export function groupScores(rows: readonly QuestionnaireScores[]): MomentGroup[] {
  const intake = new Map<string, Scores>();
  for (const r of rows) if (r.moment === 0) intake.set(`${r.respondent}:${r.participantId}`, r.scores);
  const groups = new Map<string, MomentGroup>();
  for (const r of rows) {
    const key = `${r.respondent}:${r.moment}`;
    const g = groups.get(key) ?? { respondent: r.respondent, moment: r.moment, questionnaires: 0, sums: zeroScores(), pairs: 0, changeSums: zeroScores() };
    g.questionnaires++;
    const base = r.moment === 0 ? undefined : intake.get(`${r.respondent}:${r.participantId}`);
    if (base) g.pairs++;
    for (const k of SCORE_KEYS) {
      g.sums[k] += r.scores[k];
      if (base) g.changeSums[k] += r.scores[k] - base[k];
    }
    groups.set(key, g);
  }
  return [...groups.values()];
}

/** Mean score per domain per respondent and moment, and the change since intake; groups under the minimum stay hidden. */
export function scoreDevelopment(input: readonly QuestionnaireScores[] | { groups: readonly MomentGroup[] }) {
  const groups = 'groups' in input ? input.groups : groupScores(input);
  return {
    minimumGroup: MINIMUM_GROUP,
    respondents: RESPONDENTS.map((respondent) => ({
      respondent,
      moments: MOMENTS.map((moment) => {
        const g = groups.find((x) => x.respondent === respondent && x.moment === moment);
        const n = g?.questionnaires ?? 0;
        return {
          moment,
          questionnaires: isSmall(n) ? null : n,
          domains: SCORE_KEYS.map((domain) => ({
            domain,
            score: protectedMean(g?.sums[domain] ?? 0, n),
            changeSinceIntake: moment === 0 ? null : protectedMean(g?.changeSums[domain] ?? 0, g?.pairs ?? 0),
          })),
        };
      }),
    })),
  };
}
export type ScoreDevelopment = ReturnType<typeof scoreDevelopment>;
