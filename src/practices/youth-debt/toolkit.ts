/**
 * The adoption toolkit of the Jongeren Perspectief Fonds approach: what a municipality sets up
 * when it starts (a ladder, indicators, the steps of its decision process) and a budget
 * estimate for the council proposal. Pure: content and arithmetic only, in whole cents.
 */

/** The ladder the approach starts from, by code; parents are codes of the rung above. */
export const TEMPLATE_LADDER = [
  {
    code: 'JPF-W',
    rung: 'value',
    title: 'Jongeren verdienen een schone lei',
    description: 'Schulden op jonge leeftijd mogen geen levenslange achterstand worden. We geven jongeren een tweede kans en vragen er iets voor terug.',
    parent: null,
  },
  {
    code: 'JPF-O',
    rung: 'challenge',
    title: 'Jongeren met problematische schulden komen niet vooruit',
    description: 'Schulden blokkeren school, werk en wonen; de gewone schuldhulp past slecht bij jongeren van 18 tot en met 27.',
    parent: 'JPF-W',
  },
  {
    code: 'JPF-D',
    rung: 'goal',
    title: 'Binnen twee jaar schuldenvrij, met perspectief op school, werk en wonen',
    description: 'Deelnemers zijn na de schuldregeling van hun schulden af en hebben na twee jaar begeleiding een plek op school of werk en een stabiele woonsituatie.',
    parent: 'JPF-O',
  },
  {
    code: 'JPF-1',
    rung: 'action_line',
    title: 'Schuldregeling met saneringskrediet',
    description: 'Eén voorstel aan alle schuldeisers, betaald uit het fonds; de jongere lost het krediet af aan de gemeente.',
    parent: 'JPF-D',
  },
  {
    code: 'JPF-2',
    rung: 'action_line',
    title: 'Aflossen in geld of met een maatschappelijke tegenprestatie',
    description: 'Uren vrijwilligerswerk of voorlichting over schulden tellen tegen het uurtarief van de gemeente mee als aflossing.',
    parent: 'JPF-D',
  },
  {
    code: 'JPF-3',
    rung: 'action_line',
    title: 'Twee jaar begeleiding met een perspectiefplan',
    description: 'Een jongerenbegeleider en een schuldhulpverlener werken samen aan doelen op school, werk, wonen, gezondheid, financiën en sociaal netwerk.',
    parent: 'JPF-D',
  },
  {
    code: 'JPF-4',
    rung: 'action_line',
    title: 'Effectmonitor en maatschappelijke kosten-batenanalyse',
    description: 'Vragenlijsten bij de start en na 6, 12, 18 en 24 maanden, en een MKBA die laat zien wie wat wint.',
    parent: 'JPF-D',
  },
] as const;

/** Indicators the module feeds, linked to the goal (source `practice`, module `youth-debt`). */
export const TEMPLATE_INDICATORS = [
  { code: 'jpf-actief', name: 'Actieve deelnemers Jongeren Perspectief Fonds', unit: 'deelnemers', direction: 'neutral', aggregation: 'sum' },
  { code: 'jpf-schuldenvrij', name: 'Afgeronde deelnemers die schuldenvrij zijn', unit: '%', direction: 'higher', aggregation: 'mean' },
  { code: 'jpf-werk-of-school', name: 'Afgeronde deelnemers met werk of opleiding', unit: '%', direction: 'higher', aggregation: 'mean' },
  { code: 'jpf-welzijn', name: 'Gemiddeld welzijn van deelnemers (1–10)', unit: 'cijfer', direction: 'higher', aggregation: 'mean' },
] as const;

/** The steps of a municipality's decision process, in order. */
export const STEPS = [
  { id: 'verkenning', title: 'Verkenning', description: 'Breng in beeld hoeveel jongeren van 18 tot en met 27 problematische schulden hebben en hoe de schuldhulp hen nu bereikt.' },
  { id: 'partners', title: 'Partners gevonden', description: 'Kredietbank of schuldhulpverlening, jongerenwerk en organisaties waar jongeren hun tegenprestatie kunnen doen.' },
  { id: 'begroting', title: 'Begroting gemaakt', description: 'Het fonds voor saneringskredieten, de begeleiding en de uitvoering; de raming hieronder is een begin.' },
  { id: 'collegebesluit', title: 'Collegebesluit', description: 'Het college stemt in met de aanpak, het fonds en de uitvoeringsregels.' },
  { id: 'raad', title: 'Raad geïnformeerd of besluit over het fonds', description: 'Raadsinformatiebrief, of een begrotingswijziging als het fonds nieuw geld vraagt.' },
  { id: 'regels', title: 'Uitvoeringsregels vastgesteld', description: 'Wie komt in aanmerking, looptijd, factor voor preferente schuldeisers, uurtarief van de tegenprestatie.' },
  { id: 'schuldeisers', title: 'Afspraken met schuldeisers', description: 'Standaardbrief en reactietermijn; afspraken met de grote schuldeisers zoals Belastingdienst, CJIB en zorgverzekeraars.' },
  { id: 'begeleiders', title: 'Begeleiders geworven en ingewerkt', description: 'Jongerenbegeleiders en schuldhulpverleners die samen een caseload dragen.' },
  { id: 'monitor', title: 'Effectmonitor en MKBA ingericht', description: 'Vragenlijstmomenten, indicatoren en de eenheidsprijzen van de MKBA afgesproken.' },
  { id: 'start', title: 'Eerste deelnemers aangemeld', description: 'De aanpak loopt: de eerste jongeren zijn aangemeld en hebben een begeleider.' },
] as const;
export type StepId = (typeof STEPS)[number]['id'];
export const STEP_IDS = STEPS.map((s) => s.id) as [StepId, ...StepId[]];

export interface BudgetInput {
  /** New participants each year. */
  participantsPerYear: number;
  /** How many years the estimate covers. */
  years: number;
  /** The settlement credit per participant on average. */
  averageCreditCents: number;
  /** Share of the credit that is expected not to come back (in money or hours), in percent. */
  expectedLossPercent: number;
  /** Coaching cost per participant per year. */
  coachingPerParticipantYearCents: number;
  /** Years of coaching per participant (the approach: two). */
  coachingYears: number;
  /** Project management, administration and the credit bank's work, per year. */
  executionPerYearCents: number;
}

/** Assumptions to start from; every municipality changes them to its own figures. */
export const DEFAULT_BUDGET: BudgetInput = {
  participantsPerYear: 20,
  years: 3,
  averageCreditCents: 400_000,
  expectedLossPercent: 20,
  coachingPerParticipantYearCents: 300_000,
  coachingYears: 2,
  executionPerYearCents: 2_500_000,
};

/** Social assistance per recipient per year including execution (2018), for the break-even line. */
export const SOCIAL_ASSISTANCE_PER_YEAR_CENTS = 1_400_000;

export interface BudgetEstimate {
  participants: number;
  /** All credits granted over the period. */
  creditsCents: number;
  /**
   * The fund the municipality must have available: credits go out at once and come back in
   * instalments and hours over about 18 months, so the fund carries the credits of two years
   * of participants (or fewer years, when the estimate is shorter).
   */
  fundCents: number;
  expectedLossesCents: number;
  coachingCents: number;
  executionCents: number;
  /** Expected losses + coaching + execution: what the approach costs (the credits themselves come back). */
  totalCostCents: number;
  perParticipantCents: number;
  /** Participant-years out of social assistance that pay for the total cost. */
  breakEvenAssistanceYears: number;
}

/** Half away from zero, exactly, for a non-negative numerator. */
const divRound = (num: bigint, den: bigint) => (2n * num + den) / (2n * den);

/** The budget estimate for a council proposal, in whole cents (each part rounded once). */
export function estimateBudget(input: BudgetInput): BudgetEstimate {
  const participants = input.participantsPerYear * input.years;
  const credit = BigInt(input.averageCreditCents);
  const creditsCents = BigInt(participants) * credit;
  const fundCents = BigInt(input.participantsPerYear * Math.min(2, input.years)) * credit;
  // percent with up to two decimals, as hundredths of a percent
  const lossHundredths = BigInt(Math.round(input.expectedLossPercent * 100));
  const expectedLossesCents = divRound(creditsCents * lossHundredths, 10_000n);
  const coachingCents = BigInt(participants * input.coachingYears) * BigInt(input.coachingPerParticipantYearCents);
  const executionCents = BigInt(input.years) * BigInt(input.executionPerYearCents);
  const total = expectedLossesCents + coachingCents + executionCents;
  return {
    participants,
    creditsCents: Number(creditsCents),
    fundCents: Number(fundCents),
    expectedLossesCents: Number(expectedLossesCents),
    coachingCents: Number(coachingCents),
    executionCents: Number(executionCents),
    totalCostCents: Number(total),
    perParticipantCents: participants === 0 ? 0 : Number(divRound(total, BigInt(participants))),
    breakEvenAssistanceYears: Number((total + BigInt(SOCIAL_ASSISTANCE_PER_YEAR_CENTS) - 1n) / BigInt(SOCIAL_ASSISTANCE_PER_YEAR_CENTS)),
  };
}
