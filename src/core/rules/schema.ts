import { z } from 'zod';
import { paging } from '../../platform/http/schema';

export const RULE_KINDS = ['wet', 'amvb_regeling', 'beleidsregel', 'werkinstructie', 'protocol', 'productcode'] as const;
export const LEVELS = ['rijk', 'provincie', 'gemeente', 'organisatie'] as const;
export const DOMAINS = ['jeugd', 'wmo', 'schulden', 'werk_inkomen', 'wonen', 'veiligheid', 'openbare_ruimte', 'onderwijs', 'gezondheid', 'overig'] as const;
export const MANDATES = ['explain_afterwards', 'ask_first'] as const;
export const VERDICTS = ['werkbaar', 'werkbaar_met_aanpassing', 'niet_werkbaar'] as const;
export const TEST_MOMENTS = ['voor_vaststelling', 'na_invoering'] as const;
export const DEVIATION_STATUSES = ['vastgelegd', 'wacht_op_akkoord', 'akkoord', 'afgewezen'] as const;
export const OUTCOMES = ['helped', 'no_difference', 'harmed'] as const;
export const DECISIONS = ['keep', 'adjust', 'abolish', 'escalate'] as const;
export const ruleKind = z.enum(RULE_KINDS);
export const level = z.enum(LEVELS);
export const domain = z.enum(DOMAINS);
export const mandate = z.enum(MANDATES);
export const outcome = z.enum(OUTCOMES);
export const decision = z.enum(DECISIONS);
export const deviationStatus = z.enum(DEVIATION_STATUSES);

const line = (min: number, max: number) => z.string().trim().min(min).max(max);
const text = (max: number) => z.string().trim().max(max);
const optionalParam = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
const isoDate = z.iso.date();

/** A rule's code, e.g. `PW-12.3` or a product code `45A21`. */
export const ruleCode = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ./_-]*$/u);

export const ruleParams = z.object({ ruleId: z.uuid() });
export const deviationParams = z.object({ ruleId: z.uuid(), deviationId: z.uuid() });

const ruleFields = {
  code: ruleCode,
  title: line(2, 300),
  kind: ruleKind,
  level,
  /** The bedoeling: what the rule is meant to achieve. Required: deviations are judged against it. */
  intent: line(10, 4000),
  domain,
  ownerUserId: z.uuid().nullable().optional(),
  ownerPartnerId: z.uuid().nullable().optional(),
  sourceUrl: z.url({ protocol: /^https?$/ }).max(1000).nullable().optional(),
  validFrom: isoDate.nullable().optional(),
  validTo: isoDate.nullable().optional(),
  areaIds: z.array(z.uuid()).max(500).optional(),
  ladderNodeIds: z.array(z.uuid()).max(50).optional(),
  /** explain_afterwards (default): deviate and explain; ask_first: a member with the mandate approves first. */
  mandate: mandate.optional(),
  /** Members who may approve deviations under ask_first; the coordinators when empty. */
  approverUserIds: z.array(z.uuid()).max(50).optional(),
};
export const createRuleBody = z.object(ruleFields).strict();
export type CreateRuleInput = z.infer<typeof createRuleBody>;
export const updateRuleBody = z.object(ruleFields).partial().strict();
export type UpdateRuleInput = z.infer<typeof updateRuleBody>;

export const ruleListQuery = z
  .object({
    q: optionalParam(text(200)),
    kind: optionalParam(ruleKind),
    level: optionalParam(level),
    domain: optionalParam(domain),
    /** Only rules valid today. */
    active: optionalParam(z.enum(['true', 'false']).transform((v) => v === 'true')),
    ...paging,
  })
  .strict();
export type RuleListQuery = z.infer<typeof ruleListQuery>;

export const ruleSummaryView = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  kind: ruleKind,
  level,
  domain,
  intent: z.string(),
  mandate,
  ownerUserId: z.uuid().nullable(),
  ownerPartnerId: z.uuid().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  active: z.boolean(),
  deviationCount: z.number().int(),
  updatedAt: z.string(),
});
export type RuleSummaryView = z.infer<typeof ruleSummaryView>;

export const testBody = z
  .object({ testedOn: isoDate, moment: z.enum(TEST_MOMENTS), participants: line(2, 2000), findings: line(2, 8000), verdict: z.enum(VERDICTS) })
  .strict();
export const testView = testBody.extend({ id: z.uuid(), createdAt: z.string() });

export const reviewBody = z
  .object({
    decidedOn: isoDate.optional(),
    decision,
    rationale: line(10, 8000),
    /** escalate: the level that owns the rule. */
    escalatedTo: level.optional(),
    /** The deviations the decision rests on. */
    deviationIds: z.array(z.uuid()).max(500).optional(),
    /** The observations (signals, stories) it rests on. */
    observationIds: z.array(z.uuid()).max(500).optional(),
  })
  .strict();
export type ReviewInput = z.infer<typeof reviewBody>;

const effect = z.object({
  /** Days before and after the decision that are compared (as many as have passed since, up to 180). */
  days: z.number().int(),
  deviationsBefore: z.number().int(),
  deviationsAfter: z.number().int(),
  signalsBefore: z.number().int(),
  signalsAfter: z.number().int(),
});
export const reviewView = z.object({
  id: z.uuid(),
  decidedOn: z.string(),
  decision,
  rationale: z.string(),
  escalatedTo: level.nullable(),
  deviationIds: z.array(z.uuid()),
  observationIds: z.array(z.uuid()),
  decidedByName: z.string(),
  createdAt: z.string(),
  /** The decision's later effect: fewer deviations? fewer signals (observations linked to its deviations or to the rule)? */
  effect,
});

export const ruleView = ruleSummaryView.extend({
  sourceUrl: z.string().nullable(),
  ownerName: z.string().nullable(),
  ownerPartnerName: z.string().nullable(),
  areas: z.array(z.object({ id: z.uuid(), name: z.string() })),
  ladderNodes: z.array(z.object({ id: z.uuid(), rung: z.string(), code: z.string().nullable(), title: z.string() })),
  approvers: z.array(z.object({ userId: z.uuid(), name: z.string() })),
  tests: z.array(testView),
  reviews: z.array(reviewView),
  /** Observations (signals, stories…) that link this rule and the member may see: how many, and the newest 20. */
  linkedObservations: z.object({
    total: z.number().int(),
    items: z.array(z.object({ id: z.uuid(), number: z.number().int(), kind: z.string(), title: z.string(), status: z.string(), occurredAt: z.string() })),
  }),
  createdAt: z.string(),
  can: z.object({ update: z.boolean(), delete: z.boolean(), review: z.boolean(), deviate: z.boolean() }),
});
export type RuleView = z.infer<typeof ruleView>;

// Deviations

export const deviationBody = z
  .object({
    /** When it happened; today when absent. */
    occurredOn: isoDate.optional(),
    areaId: z.uuid().nullable().optional(),
    /** The situation in general terms: no names, no BSN, no contact details. */
    situation: line(10, 4000),
    /** Why the rule did not serve its intent here. Required. */
    explanation: line(10, 4000),
    insteadDone: text(4000).optional(),
    expectedBenefit: text(4000).optional(),
    observationIds: z.array(z.uuid()).max(20).optional(),
    ladderNodeIds: z.array(z.uuid()).max(20).optional(),
    /** When to record the outcome; six weeks ahead when absent. */
    followUpOn: isoDate.optional(),
  })
  .strict();
export type DeviationInput = z.infer<typeof deviationBody>;

export const approvalBody = z.object({ approve: z.boolean(), reason: line(3, 4000) }).strict();
export const outcomeBody = z.object({ outcome, note: text(4000).optional() }).strict();

export const deviationHistoryEntry = z.object({ id: z.uuid(), at: z.string(), actorName: z.string(), action: z.string(), message: z.string().nullable() });
export const deviationView = z.object({
  id: z.uuid(),
  ruleId: z.uuid(),
  ruleCode: z.string(),
  ruleTitle: z.string(),
  occurredOn: z.string(),
  areaId: z.uuid().nullable(),
  areaName: z.string().nullable(),
  situation: z.string(),
  explanation: z.string(),
  insteadDone: z.string(),
  expectedBenefit: z.string(),
  reporterName: z.string(),
  status: deviationStatus,
  followUpOn: z.string(),
  outcome: outcome.nullable(),
  outcomeNote: z.string().nullable(),
  observationIds: z.array(z.uuid()),
  ladderNodeIds: z.array(z.uuid()),
  createdAt: z.string(),
  history: z.array(deviationHistoryEntry),
  can: z.object({ approve: z.boolean(), recordOutcome: z.boolean() }),
});
export type DeviationView = z.infer<typeof deviationView>;

export const deviationListQuery = z
  .object({
    status: optionalParam(deviationStatus),
    from: optionalParam(isoDate),
    to: optionalParam(isoDate),
    ...paging,
  })
  .strict();

// Pressure

export const pressureQuery = z
  .object({
    /** First day of the period; 90 days before `to` when absent. */
    from: optionalParam(isoDate),
    /** Last day of the period; today when absent. */
    to: optionalParam(isoDate),
    domain: optionalParam(domain),
    level: optionalParam(level),
    limit: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict();
export type PressureQuery = z.infer<typeof pressureQuery>;

export const pressureItem = z.object({
  ruleId: z.uuid(),
  code: z.string(),
  title: z.string(),
  kind: ruleKind,
  level,
  domain,
  /** Deviations that happened in the period. */
  deviations: z.number().int(),
  /** Deviations in the period of the same length just before. */
  previousDeviations: z.number().int(),
  /** up, down or flat against the previous period. */
  trend: z.enum(['up', 'down', 'flat']),
  /** Of the deviations in the period with a recorded outcome: the share that helped (0–1); null without outcomes. */
  helpedShare: z.number().nullable(),
  /** Distinct observations linked to the period's deviations, or linking the rule itself and happened in the period. */
  linkedSignals: z.number().int(),
  areas: z.number().int(),
  /** Different professionals who deviated. */
  professionals: z.number().int(),
  rank: z.number().int(),
});
export const pressureView = z.object({
  from: z.string(),
  to: z.string(),
  previousFrom: z.string(),
  previousTo: z.string(),
  items: z.array(pressureItem),
  total: z.number().int(),
});

export const loadView = z.object({
  activeByDomainAndLevel: z.array(z.object({ domain, level, count: z.number().int() })),
  newPerYear: z.array(z.object({ year: z.number().int(), count: z.number().int() })),
  deviationsPerRule: z.array(z.object({ ruleId: z.uuid(), code: z.string(), title: z.string(), count: z.number().int() })),
  activeRules: z.number().int(),
});

export const dossierQuery = z.object({ format: optionalParam(z.enum(['html', 'pdf'])) }).strict();
export const exportQuery = z.object({ format: optionalParam(z.enum(['csv', 'xlsx', 'json'])) }).strict();

/** The columns of the rule sheet (CSV/XLSX), import and export alike. */
export const SHEET_COLUMNS = ['code', 'title', 'kind', 'level', 'domain', 'intent', 'owner', 'source_url', 'valid_from', 'valid_to', 'mandate'] as const;
