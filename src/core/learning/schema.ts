import { z } from 'zod';
import { paging } from '../../platform/http/schema';

export const SCOPE_KINDS = ['action_line', 'area', 'workspace'] as const;
export const DECISIONS = ['keep', 'more', 'better', 'different', 'stop'] as const;
/** Decisions that change course: they need a rationale and at least one piece of evidence. */
export const COURSE_CHANGES: readonly Decision[] = ['different', 'stop'];
export const EVIDENCE_KINDS = ['observation', 'deviation', 'assumption', 'measurement', 'session', 'outcome', 'rule'] as const;
export const ASSUMPTION_STATUSES = ['untested', 'holds', 'doubtful', 'refuted'] as const;
export const QUESTION_STATUSES = ['open', 'provisional', 'dropped'] as const;
export const ANNOTATION_KINDS = ['high', 'low', 'learning'] as const;
export const BOARD_BODIES = ['college', 'wethouder', 'stuurgroep', 'alv', 'other'] as const;
export const SUBSTANTIATIONS = ['not_substantiated', 'substantiated', 'partly', 'disputed'] as const;
/** The usual three rounds of a reflective session. */
export const DEFAULT_ROUNDS = [
  { title: 'Wat zagen we?', prompt: 'Ieder vertelt wat hij of zij de afgelopen periode zag in de praktijk.' },
  { title: 'Wat betekent het?', prompt: 'Wat zegt dit over onze aanpak en onze aannames?' },
  { title: 'Wat nu?', prompt: 'Wat doen we meer, beter of anders — of houden we op?' },
] as const;
/** A question open this many days or longer is flagged on the agenda. */
export const LONG_OPEN_DAYS = 120;

export type Decision = (typeof DECISIONS)[number];
export type ScopeKind = (typeof SCOPE_KINDS)[number];

const line = (min: number, max: number) => z.string().trim().min(min).max(max);
const text = (max: number) => z.string().trim().max(max);
const isoDate = z.iso.date();
const optionalParam = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

export const idParams = z.object({ id: z.uuid() });
export const roundParams = z.object({ id: z.uuid(), roundId: z.uuid() });

export const scope = z
  .object({
    kind: z.enum(SCOPE_KINDS),
    /** The action line (ladder node) or area; absent for the whole workspace. */
    id: z.uuid().optional(),
  })
  .strict();
export type Scope = z.infer<typeof scope>;

export const evidenceItem = z.object({ kind: z.enum(EVIDENCE_KINDS), id: z.uuid() }).strict();
export type EvidenceItem = z.infer<typeof evidenceItem>;

export const participantInput = z
  .object({
    /** A member of the workspace… */
    userId: z.uuid().optional(),
    /** …or a guest, by name, optionally of a partner organisation. */
    name: line(1, 200).optional(),
    partnerId: z.uuid().optional(),
  })
  .strict();

export const createCycleBody = z
  .object({
    scope,
    cadenceWeeks: z.number().int().min(1).max(52),
    title: line(2, 300).optional(),
    /** First day of the cycle; today when absent. The first session's evidence starts here. */
    startedOn: isoDate.optional(),
    participants: z.array(participantInput).max(100).optional(),
  })
  .strict();
export type CreateCycleInput = z.infer<typeof createCycleBody>;

export const cycleListQuery = z.object({ scopeKind: optionalParam(z.enum(SCOPE_KINDS)), scopeId: optionalParam(z.uuid()), ...paging }).strict();

const participantView = z.object({ id: z.uuid(), userId: z.uuid().nullable(), partnerId: z.uuid().nullable(), name: z.string(), guest: z.boolean() });
const scopeView = z.object({ kind: z.enum(SCOPE_KINDS), id: z.uuid().nullable(), name: z.string() });
export const cycleSummaryView = z.object({
  id: z.uuid(),
  title: z.string(),
  scope: scopeView,
  cadenceWeeks: z.number().int(),
  startedOn: z.string(),
  sessions: z.number().int(),
  lastSessionOn: z.string().nullable(),
  /** The last session plus the cadence: when the next session is due. */
  nextSessionDue: z.string(),
  openActions: z.number().int(),
});
export const sessionSummaryView = z.object({
  id: z.uuid(),
  cycleId: z.uuid(),
  cycleTitle: z.string(),
  date: z.string(),
  title: z.string(),
  kind: z.enum(['reflection', 'timeline']),
  status: z.enum(['planned', 'held']),
  number: z.number().int(),
});
export const cycleView = cycleSummaryView.extend({
  participants: z.array(participantView),
  sessionList: z.array(sessionSummaryView),
  can: z.object({ manage: z.boolean() }),
});

export const createSessionBody = z
  .object({
    date: isoDate,
    title: line(2, 300).optional(),
    /** reflection (rounds; default) or timeline (a timeline workshop). */
    kind: z.enum(['reflection', 'timeline']).optional(),
    /** The rounds; "Wat zagen we? / Wat betekent het? / Wat nu?" when absent. */
    rounds: z.array(z.object({ title: line(2, 200), prompt: text(2000).optional(), minutesEach: z.number().int().min(1).max(60).optional() }).strict()).max(12).optional(),
  })
  .strict();
export type CreateSessionInput = z.infer<typeof createSessionBody>;

export const updateSessionBody = z.object({ date: isoDate.optional(), title: line(2, 300).optional(), status: z.enum(['planned', 'held']).optional() }).strict();
export const sessionListQuery = z.object({ cycleId: optionalParam(z.uuid()), from: optionalParam(isoDate), to: optionalParam(isoDate), ...paging }).strict();

export const roundBody = z.object({ title: line(2, 200), prompt: text(2000).optional(), minutesEach: z.number().int().min(1).max(60).optional() }).strict();
export const contributionBody = z.object({ participantId: z.uuid(), text: line(1, 8000) }).strict();
export const insightBody = z.object({ text: line(3, 4000) }).strict();

export const decisionBody = z
  .object({
    actionLineId: z.uuid(),
    decision: z.enum(DECISIONS),
    /** Why. Required for different and stop. */
    rationale: text(8000).optional(),
    /** The evidence it rests on. At least one item for different and stop. */
    evidence: z.array(evidenceItem).max(100).optional(),
  })
  .strict();
export type DecisionInput = z.infer<typeof decisionBody>;

export const assumptionUpdateBody = z
  .object({
    assumptionId: z.uuid(),
    status: z.enum(ASSUMPTION_STATUSES),
    /** Why the status changes: what the session saw. */
    rationale: line(3, 4000),
    evidence: z.array(evidenceItem).max(100).optional(),
  })
  .strict();
export type AssumptionUpdateInput = z.infer<typeof assumptionUpdateBody>;

export const actionBody = z.object({ what: line(3, 2000), whoUserId: z.uuid(), dueOn: isoDate }).strict();
export const actionPatch = z.object({ status: z.enum(['open', 'done']).optional(), what: line(3, 2000).optional(), dueOn: isoDate.optional(), whoUserId: z.uuid().optional() }).strict();
export const actionListQuery = z.object({ cycleId: optionalParam(z.uuid()), status: optionalParam(z.enum(['open', 'done'])), ...paging }).strict();

export const questionBody = z
  .object({
    text: line(5, 2000),
    source: text(500).optional(),
    /** The challenge or action line the question is about. */
    ladderNodeId: z.uuid().nullable().optional(),
  })
  .strict();
export const questionPatch = z
  .object({
    text: line(5, 2000).optional(),
    source: text(500).optional(),
    ladderNodeId: z.uuid().nullable().optional(),
    status: z.enum(QUESTION_STATUSES).optional(),
    provisionalAnswer: text(8000).nullable().optional(),
  })
  .strict();
export const questionListQuery = z.object({ cycleId: optionalParam(z.uuid()), status: optionalParam(z.enum(QUESTION_STATUSES)), ...paging }).strict();
export const questionView = z.object({
  id: z.uuid(),
  cycleId: z.uuid(),
  text: z.string(),
  source: z.string(),
  ladderNodeId: z.uuid().nullable(),
  status: z.enum(QUESTION_STATUSES),
  provisionalAnswer: z.string().nullable(),
  openedOn: z.string(),
  /** Open for LONG_OPEN_DAYS days or more. */
  longOpen: z.boolean(),
  daysOpen: z.number().int(),
});
export type QuestionView = z.infer<typeof questionView>;

export const agendaQuestion = z.object({ id: z.uuid(), text: z.string(), status: z.enum(QUESTION_STATUSES), provisionalAnswer: z.string().nullable(), ladderNodeId: z.uuid().nullable() });
export type AgendaQuestion = z.infer<typeof agendaQuestion>;
export const agendaVersionView = z.object({ id: z.uuid(), sessionId: z.uuid(), takenOn: z.string(), questions: z.array(agendaQuestion) });
export const compareQuery = z.object({ from: z.uuid(), to: z.uuid() }).strict();
export const agendaComparison = z.object({
  from: agendaVersionView.omit({ questions: true }),
  to: agendaVersionView.omit({ questions: true }),
  added: z.array(agendaQuestion),
  removed: z.array(agendaQuestion),
  changed: z.array(z.object({ id: z.uuid(), before: agendaQuestion, after: agendaQuestion, fields: z.array(z.string()) })),
  unchanged: z.number().int(),
});

const actionView = z.object({
  id: z.uuid(),
  cycleId: z.uuid(),
  sessionId: z.uuid(),
  sessionDate: z.string(),
  what: z.string(),
  whoUserId: z.uuid(),
  whoName: z.string(),
  dueOn: z.string(),
  status: z.enum(['open', 'done']),
  overdue: z.boolean(),
});
export { actionView };

export const decisionView = z.object({
  id: z.uuid(),
  sessionId: z.uuid(),
  actionLineId: z.uuid(),
  actionLineTitle: z.string(),
  decision: z.enum(DECISIONS),
  rationale: z.string(),
  evidence: z.array(evidenceItem),
  createdAt: z.string(),
});
const assumptionUpdateView = z.object({
  id: z.uuid(),
  actionLineId: z.uuid(),
  assumptionId: z.uuid(),
  assumptionText: z.string(),
  fromStatus: z.enum(ASSUMPTION_STATUSES),
  toStatus: z.enum(ASSUMPTION_STATUSES),
  rationale: z.string(),
  evidence: z.array(evidenceItem),
});

export const sessionView = sessionSummaryView.extend({
  scope: scopeView,
  participants: z.array(participantView),
  rounds: z.array(
    z.object({
      id: z.uuid(),
      position: z.number().int(),
      title: z.string(),
      prompt: z.string(),
      minutesEach: z.number().int(),
      contributions: z.array(z.object({ id: z.uuid(), participantId: z.uuid(), participantName: z.string(), text: z.string() })),
      /** Whose turn it is: the first participant without a contribution in this round. */
      nextParticipantId: z.uuid().nullable(),
    }),
  ),
  insights: z.array(z.object({ id: z.uuid(), text: z.string() })),
  decisions: z.array(decisionView),
  assumptionUpdates: z.array(assumptionUpdateView),
  actions: z.array(actionView),
  agenda: agendaVersionView.nullable(),
  can: z.object({ manage: z.boolean() }),
});
export type SessionView = z.infer<typeof sessionView>;

// The evidence pack

export const evidencePack = z.object({
  sessionId: z.uuid(),
  scope: scopeView,
  /** From the previous session of the cycle (or the start of the cycle) up to this session. */
  since: z.string(),
  until: z.string(),
  /** New observations since, and overdue signals and bottlenecks; selected MSC stories flagged. */
  observations: z.array(
    z.object({
      id: z.uuid(),
      number: z.number().int(),
      kind: z.string(),
      title: z.string(),
      status: z.string(),
      occurredAt: z.string(),
      dueAt: z.string().nullable(),
      overdue: z.boolean(),
      isNew: z.boolean(),
      /** Chosen in a Most Significant Change round, with the reason. */
      selectedStory: z.object({ reason: z.string(), roundName: z.string() }).nullable(),
    }),
  ),
  deviations: z.array(z.object({ id: z.uuid(), ruleId: z.uuid(), ruleCode: z.string(), ruleTitle: z.string(), occurredOn: z.string(), situation: z.string(), explanation: z.string(), outcome: z.string().nullable() })),
  /** Rules with deviations in scope, against the period of the same length before. */
  rulesUnderPressure: z.array(z.object({ ruleId: z.uuid(), code: z.string(), title: z.string(), deviations: z.number().int(), previousDeviations: z.number().int() })),
  /** Assumptions of the theories of change in scope that are untested or doubtful. */
  assumptions: z.array(z.object({ id: z.uuid(), actionLineId: z.uuid(), actionLineTitle: z.string(), text: z.string(), status: z.enum(ASSUMPTION_STATUSES), statusDate: z.string().nullable() })),
  questions: z.array(questionView),
  /** Open actions of earlier sessions of this cycle. */
  actions: z.array(actionView),
  /** Values recorded in the period that moved 10 % or more from the previous period (indicators linked to the scope's ladder nodes, or in its areas). */
  measurements: z.array(z.object({ id: z.uuid(), indicator: z.string(), area: z.string().nullable(), from: z.number(), to: z.number(), change: z.number() })),
  outcomes: z.array(z.object({ id: z.uuid(), socialActor: z.string(), change: z.string(), happenedOn: z.string() })),
});
export type EvidencePack = z.infer<typeof evidencePack>;

// Timeline, outcomes, board decisions

export const timelineBody = z.object({ date: isoDate, title: line(2, 300), description: text(4000).optional(), scope, sessionId: z.uuid().optional() }).strict();
export const annotationBody = z.object({ kind: z.enum(ANNOTATION_KINDS), why: line(3, 4000) }).strict();
export const timelineQuery = z.object({ scopeKind: optionalParam(z.enum(SCOPE_KINDS)), scopeId: optionalParam(z.uuid()), ...paging }).strict();
export const timelineEventView = z.object({
  id: z.uuid(),
  date: z.string(),
  title: z.string(),
  description: z.string(),
  scope: scopeView,
  sessionId: z.uuid().nullable(),
  annotations: z.array(z.object({ id: z.uuid(), kind: z.enum(ANNOTATION_KINDS), why: z.string(), byUserId: z.uuid(), byName: z.string() })),
});

export const outcomeBody = z
  .object({
    scope,
    socialActor: line(2, 500),
    change: line(5, 4000),
    happenedOn: isoDate,
    place: line(2, 500),
    significance: line(5, 4000),
    contribution: line(5, 4000),
    sources: text(4000).optional(),
    substantiation: z.enum(SUBSTANTIATIONS).optional(),
    substantiationNote: text(4000).optional(),
  })
  .strict();
export const outcomeView = z.object({
  id: z.uuid(),
  scope: scopeView,
  socialActor: z.string(),
  change: z.string(),
  happenedOn: z.string(),
  place: z.string(),
  significance: z.string(),
  contribution: z.string(),
  sources: z.string(),
  substantiation: z.enum(SUBSTANTIATIONS),
  substantiationNote: z.string(),
});
export const outcomeListQuery = z.object({ scopeKind: optionalParam(z.enum(SCOPE_KINDS)), scopeId: optionalParam(z.uuid()), ...paging }).strict();

export const boardDecisionBody = z
  .object({
    date: isoDate,
    body: z.enum(BOARD_BODIES),
    /** For body "other": which board. */
    bodyName: text(200).optional(),
    text: line(5, 8000),
    evidence: z.array(evidenceItem).max(200).optional(),
    changedNodeIds: z.array(z.uuid()).max(100).optional(),
    changedRuleIds: z.array(z.uuid()).max(100).optional(),
    followUpOn: isoDate,
  })
  .strict();
export const followUpBody = z.object({ date: isoDate.optional(), text: line(5, 8000), evidence: z.array(evidenceItem).max(100).optional() }).strict();
export const boardListQuery = z.object({ due: optionalParam(z.enum(['true', 'false']).transform((v) => v === 'true')), ...paging }).strict();
const evidenceRef = evidenceItem.extend({ label: z.string() });
export const boardDecisionView = z.object({
  id: z.uuid(),
  date: z.string(),
  body: z.enum(BOARD_BODIES),
  bodyName: z.string(),
  text: z.string(),
  evidence: z.array(evidenceRef),
  changedNodes: z.array(z.object({ id: z.uuid(), title: z.string() })),
  changedRules: z.array(z.object({ id: z.uuid(), code: z.string(), title: z.string() })),
  followUpOn: z.string(),
  /** The follow-up date has passed and practice has not reported yet. */
  followUpDue: z.boolean(),
  followUps: z.array(z.object({ id: z.uuid(), date: z.string(), text: z.string(), byName: z.string(), evidence: z.array(evidenceItem) })),
});

export const overviewQuery = z.object({ actionLineId: optionalParam(z.uuid()) }).strict();
export const overviewView = z.object({
  /** How often each decision was taken: a board sees that the programme learns. */
  decisions: z.object({ keep: z.number().int(), more: z.number().int(), better: z.number().int(), different: z.number().int(), stop: z.number().int() }),
  upcoming: z.array(sessionSummaryView),
  actionLine: z
    .object({
      id: z.uuid(),
      title: z.string(),
      cycles: z.array(cycleSummaryView),
      lastDecision: decisionView.nullable(),
      openActions: z.array(actionView),
      assumptions: z.array(z.object({ id: z.uuid(), text: z.string(), status: z.enum(ASSUMPTION_STATUSES) })),
      questions: z.array(questionView),
    })
    .nullable(),
});

export const minutesQuery = z.object({ format: optionalParam(z.enum(['html', 'pdf'])), part: optionalParam(z.enum(['minutes', 'evidence'])) }).strict();
