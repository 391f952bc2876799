/**
 * The workspace's social cost-benefit analysis (MKBA) of the approach: the project alternative
 * (the Jongeren Perspectief Fonds as it ran in this workspace) against the reference alternative
 * (the same young people without it). Quantities come from the workspace's own data, unit values
 * and assumptions are settings with their sources; the lines go to mkba.ts for present values
 * and the sensitivity table. Pure and in whole cents.
 */
import { ACTORS, DEFAULT_DISCOUNT_RATE, type Actor, type LineKind, type MkbaLine } from './mkba';

export interface MkbaAssumptions {
  discountRate: number;
  horizonYears: number;
  coachingPerParticipantYearCents: number;
  executionPerYearCents: number;
  socialAssistancePerYearCents: number;
  /** In the reference alternative: the share of these young people on social assistance. */
  referenceAssistancePercent: number;
  /** In the reference alternative: what creditors would recover of the debts (collection, bailiffs). */
  referenceRecoveryPercent: number;
  /** The share of participants for whom the approach prevents an eviction. */
  evictionAvoidedPercent: number;
  /** Cost of an eviction and the shelter after it (the municipality). */
  evictionCostCents: number;
}

/** Where a unit value comes from, shown beside it. */
export const SOURCES: Record<keyof MkbaAssumptions, string> = {
  discountRate: 'Discontovoet 2,25 % voor MKBA’s vanaf 2021 (werkgroep discontovoet, Rijksoverheid).',
  horizonYears: 'Looptijd van de analyse; de aanpak zelf duurt twee jaar per deelnemer.',
  coachingPerParticipantYearCents: 'Aanname: kosten van een jongerenbegeleider per deelnemer per jaar; vervang door de eigen begroting.',
  executionPerYearCents: 'Aanname: projectleiding, administratie en het werk van de kredietbank per jaar.',
  socialAssistancePerYearCents: 'Een bijstandsuitkering kost een gemeente ongeveer € 14.000 per jaar, inclusief ongeveer € 2.900 uitvoering (2018).',
  referenceAssistancePercent: 'Aanname: aandeel van deze jongeren dat zonder de aanpak in de bijstand zou zitten (Den Haag 2016–2018: 25 van 48 bij de start).',
  referenceRecoveryPercent: 'Aanname: wat schuldeisers zonder regeling zouden innen van de schulden.',
  evictionAvoidedPercent: 'Aanname: aandeel deelnemers bij wie een huisuitzetting wordt voorkomen.',
  evictionCostCents: 'Aanname: kosten van een huisuitzetting en de opvang daarna voor de gemeente.',
};

export const DEFAULT_ASSUMPTIONS: MkbaAssumptions = {
  discountRate: DEFAULT_DISCOUNT_RATE,
  horizonYears: 5,
  coachingPerParticipantYearCents: 300_000,
  executionPerYearCents: 2_500_000,
  socialAssistancePerYearCents: 1_400_000,
  referenceAssistancePercent: 50,
  referenceRecoveryPercent: 10,
  evictionAvoidedPercent: 5,
  evictionCostCents: 2_000_000,
};

/** What the workspace's data says, per participant. */
export interface ParticipantFacts {
  /** Year index of the start, 0 = the year the first participant started. */
  startYear: number;
  /** Months of coaching so far (up to 24). */
  coachingMonths: number;
  debtCents: number;
  /** What the creditors received through the settlement (0 without a credit). */
  paidToCreditorsCents: number;
  /** Credit that did not come back, for participants who finished or dropped out. */
  creditLossCents: number;
  /** Finished without social assistance (outcome recorded as 'nee'). */
  offAssistance: boolean;
}

export interface ModelLine extends MkbaLine {
  /** Which assumption or quantity this line rests on, in words. */
  basis: string;
}

const pct = (cents: number, percent: number) => Math.round((cents * percent) / 100);

/**
 * The lines of the analysis, year by year within the horizon: costs of coaching (per
 * participant-year), execution and credit losses for the municipality; benefits of social
 * assistance avoided (municipality), creditors' recovery above the reference, and evictions
 * avoided (municipality), and for the young people the debt they are relieved of.
 */
export function modelLines(facts: readonly ParticipantFacts[], a: MkbaAssumptions): ModelLine[] {
  const lines: ModelLine[] = [];
  const add = (actor: Actor, kind: LineKind, label: string, year: number, amountCents: number, basis: string) => {
    if (year < a.horizonYears && amountCents > 0) lines.push({ actor, kind, label, year, amountCents, basis });
  };
  const years = Math.max(0, a.horizonYears);
  for (let y = 0; y < years; y++) {
    const started = facts.filter((f) => f.startYear <= y);
    if (started.length === 0) continue;
    // Coaching months that fall in year y: a participant is coached from the start for coachingMonths.
    const months = facts.reduce((s, f) => s + Math.max(0, Math.min(12, f.coachingMonths - 12 * (y - f.startYear))) * (y >= f.startYear ? 1 : 0), 0);
    add('gemeente', 'cost', 'Begeleiding', y, Math.round((months * a.coachingPerParticipantYearCents) / 12), `${months} begeleidingsmaanden × tarief per deelnemerjaar / 12`);
    add('gemeente', 'cost', 'Uitvoering', y, a.executionPerYearCents, 'uitvoering per jaar');
    const newcomers = facts.filter((f) => f.startYear === y);
    const losses = newcomers.reduce((s, f) => s + f.creditLossCents, 0);
    add('gemeente', 'cost', 'Verlies op kredieten', y, losses, 'saneringskrediet dat niet terugkwam (grootboek), in het startjaar');
    const recovered = newcomers.reduce((s, f) => s + Math.max(0, f.paidToCreditorsCents - pct(f.debtCents, a.referenceRecoveryPercent)), 0);
    add('schuldeisers', 'benefit', 'Inning boven de referentie', y, recovered, 'uitbetaald via de regeling min wat schuldeisers zonder regeling zouden innen');
    const relieved = newcomers.reduce((s, f) => s + Math.max(0, f.debtCents - f.paidToCreditorsCents) * (f.paidToCreditorsCents > 0 ? 1 : 0), 0);
    add('jongere', 'benefit', 'Kwijtgescholden schuld', y, relieved, 'schuld min wat schuldeisers via de regeling kregen');
    add('schuldeisers', 'cost', 'Afgeschreven schuld', y, relieved, 'tegenhanger van de kwijtgescholden schuld');
    // From the year after the start (the coaching takes effect), for those who finished off assistance.
    const off = facts.filter((f) => f.offAssistance && f.startYear < y).length;
    const avoided = Math.round((off * a.socialAssistancePerYearCents * a.referenceAssistancePercent) / 100);
    add('gemeente', 'benefit', 'Vermeden bijstand', y, avoided, `${off} deelnemers zonder bijstand × € per jaar × referentieaandeel`);
    const evictions = Math.round((newcomers.length * a.evictionAvoidedPercent * a.evictionCostCents) / 100);
    add('gemeente', 'benefit', 'Vermeden huisuitzetting en opvang', y, evictions, `${newcomers.length} nieuwe deelnemers × aandeel voorkomen × kosten`);
  }
  return lines;
}

export { ACTORS };
