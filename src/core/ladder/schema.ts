import { z } from 'zod';
import { paging } from '../../platform/http/schema';

/** The rungs of the policy ladder, top to bottom. */
export const RUNGS = ['value', 'challenge', 'goal', 'action_line', 'intervention'] as const;
export type Rung = (typeof RUNGS)[number];
export const rung = z.enum(RUNGS);
/** The rung directly above, where a node's parents live (none for a value). */
export const rungAbove = (r: Rung): Rung | null => (r === 'value' ? null : RUNGS[RUNGS.indexOf(r) - 1]);

export const PHASES = ['verkennen', 'experimenteren', 'uitvoeren', 'verankeren'] as const;
export const STATUSES = ['gepland', 'lopend', 'gepauzeerd', 'afgerond', 'gestopt'] as const;
export const INTERVENTION_KINDS = ['project', 'maatregel', 'activiteit'] as const;
export const ELEMENT_KINDS = ['activity', 'output', 'outcome', 'impact'] as const;
export const ASSUMPTION_STATUSES = ['untested', 'holds', 'doubtful', 'refuted'] as const;
export const phase = z.enum(PHASES);
export const status = z.enum(STATUSES);
export const interventionKind = z.enum(INTERVENTION_KINDS);
export const elementKind = z.enum(ELEMENT_KINDS);
export const assumptionStatus = z.enum(ASSUMPTION_STATUSES);

const text = (max: number) => z.string().trim().max(max);
/** An empty query parameter (`?rung=`) counts as absent, as HTML forms send it. */
const optionalParam = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/** A code such as `AL-042`: letters, digits, dots, dashes and underscores. */
export const nodeCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u);
const isoDate = z.iso.date();
const ids = (max: number) => z.array(z.uuid()).max(max);

export const nodeParams = z.object({ nodeId: z.uuid() });

/** Fields that only some rungs carry; the service refuses them on other rungs. */
const rungFields = {
  description: text(8000).optional(),
  public: z.boolean().optional(),
  /** Trekker: a member of the workspace (action lines and interventions). */
  ownerUserId: z.uuid().nullable().optional(),
  /** Trekker: a partner organisation (action lines and interventions). */
  ownerPartnerId: z.uuid().nullable().optional(),
  /** Other partner organisations that work on it (action lines and interventions). */
  partnerIds: ids(100).optional(),
  /** Areas it works in (action lines and interventions). */
  areaIds: ids(500).optional(),
  /** Action lines only. */
  phase: phase.nullable().optional(),
  /** Action lines and interventions. */
  status: status.nullable().optional(),
  /** Interventions only. */
  kind: interventionKind.nullable().optional(),
  startDate: isoDate.nullable().optional(),
  endDate: isoDate.nullable().optional(),
  /** Interventions only: budget in euro cents. */
  budgetCents: z.number().int().min(0).max(1e13).nullable().optional(),
};

export const createNodeBody = z
  .object({
    rung,
    title: text(300).min(1),
    /** Nodes on the rung directly above; at least one, except for a value. */
    parentIds: ids(50).default([]),
    code: nodeCode.nullable().optional(),
    ...rungFields,
  })
  .strict();
export type CreateNodeInput = z.infer<typeof createNodeBody>;

export const updateNodeBody = z
  .object({
    title: text(300).min(1).optional(),
    code: nodeCode.nullable().optional(),
    /** Relink: the new set of parents (replaces the old); at least one for a non-value. */
    parentIds: ids(50).optional(),
    ...rungFields,
  })
  .strict();
export type UpdateNodeInput = z.infer<typeof updateNodeBody>;

export const deleteNodeQuery = z
  .object({
    /** What happens to children that would lose their last parent: deleted with it, or hung under `newParentId`. */
    children: optionalParam(z.enum(['delete', 'reparent'])),
    newParentId: optionalParam(z.uuid()),
  })
  .strict();
export type DeleteNodeQuery = z.infer<typeof deleteNodeQuery>;

export const nodeListQuery = z
  .object({
    rung: optionalParam(rung),
    areaId: optionalParam(z.uuid()),
    ownerPartnerId: optionalParam(z.uuid()),
    /** Owner or other partner. */
    partnerId: optionalParam(z.uuid()),
    ownerUserId: optionalParam(z.uuid()),
    phase: optionalParam(phase),
    status: optionalParam(status),
    /** Part of the title or code, case-insensitive. */
    q: optionalParam(text(100)),
    ...paging,
  })
  .strict();
export type NodeListQuery = z.infer<typeof nodeListQuery>;

const nodeRef = z.object({ id: z.uuid(), rung, code: z.string().nullable(), title: z.string() });

export const nodeSummaryView = z.object({
  id: z.uuid(),
  rung,
  code: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  public: z.boolean(),
  /** For a value: the charter value it mirrors. */
  charterValueId: z.uuid().nullable(),
  parentIds: z.array(z.uuid()),
  ownerUserId: z.uuid().nullable(),
  ownerPartnerId: z.uuid().nullable(),
  partnerIds: z.array(z.uuid()),
  areaIds: z.array(z.uuid()),
  phase: phase.nullable(),
  status: status.nullable(),
  kind: interventionKind.nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  budgetCents: z.number().int().nullable(),
  updatedAt: z.string(),
});
export type NodeSummaryView = z.infer<typeof nodeSummaryView>;

export const nodeView = nodeSummaryView.extend({
  parents: z.array(nodeRef),
  children: z.array(nodeRef),
  ownerUserName: z.string().nullable(),
  ownerPartnerName: z.string().nullable(),
  createdAt: z.string(),
  can: z.object({ update: z.boolean(), delete: z.boolean(), editTheory: z.boolean() }),
});
export type NodeView = z.infer<typeof nodeView>;

export const treeQuery = z
  .object({
    /** Only the direct children of this node (e.g. the interventions of an action line). */
    parentId: optionalParam(z.uuid()),
    /** Filters: action lines and interventions that match, shown with the nodes above them. */
    areaId: optionalParam(z.uuid()),
    ownerPartnerId: optionalParam(z.uuid()),
    /** Owner or other partner. */
    partnerId: optionalParam(z.uuid()),
    phase: optionalParam(phase),
  })
  .strict();
export type TreeQuery = z.infer<typeof treeQuery>;

/** What the tree needs of a node: a programme has thousands, so descriptions, dates and budgets stay out. */
export const treeNodeView = z.object({
  id: z.string(),
  rung,
  code: z.string().nullable(),
  title: z.string(),
  public: z.boolean(),
  parentIds: z.array(z.string()),
  ownerPartnerId: z.string().nullable(),
  partnerIds: z.array(z.string()),
  areaIds: z.array(z.string()),
  phase: phase.nullable(),
  status: status.nullable(),
  /** Direct children (with a filter: those that match or have matches below them); for an action line, its interventions. */
  childCount: z.number().int(),
  /** Does the node itself match the filter (always true without one)? */
  matches: z.boolean(),
});
export type TreeNodeView = z.infer<typeof treeNodeView>;

export const treeView = z.object({
  nodes: z.array(treeNodeView),
  /** Nodes in the whole ladder, every rung. */
  total: z.number().int(),
  /** With a filter: the action lines and interventions that match, in the whole ladder. */
  matched: z.number().int().optional(),
  can: z.object({ manage: z.boolean(), import: z.boolean() }),
});

const traceStep = z.object({ id: z.uuid(), rung, title: z.string() });
export type TraceDown = { id: string; rung: Rung; title: string; children: TraceDown[] };
export const traceDown: z.ZodType<TraceDown> = z
  .object({ id: z.uuid(), rung, title: z.string(), get children() {
    return z.array(traceDown);
  } })
  .meta({ id: 'LadderTraceNode' });
export const traceView = z.object({
  /** Each entry is one path from the node up to a value (the node first, the value last). */
  up: z.array(z.array(traceStep)),
  /** The subtree below the node, down to the interventions. */
  down: z.array(traceDown),
});

export const CHECK_PROBLEMS = ['no_parent', 'parent_wrong_rung', 'reaches_no_value', 'value_not_in_charter'] as const;
export const checkView = z.object({
  items: z.array(z.object({ id: z.uuid(), rung, code: z.string().nullable(), title: z.string(), problem: z.enum(CHECK_PROBLEMS) })),
  total: z.number().int(),
});

export const exportQuery = z.object({ format: optionalParam(z.enum(['csv', 'xlsx', 'json'])) }).strict();

export const importResult = z.object({ imported: z.number().int(), created: z.number().int(), updated: z.number().int() });
export const publicLadderQuery = z
  .object({
    /** CBS code of an area, e.g. `WK036305`: nodes in that area or in an area within it. */
    areaCode: optionalParam(z.string().trim().min(1).max(40)),
    areaId: optionalParam(z.uuid()),
  })
  .strict();
const publicNode = z.object({
  id: z.uuid(),
  rung,
  code: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  /** The values this node serves (through the ladder). */
  valueIds: z.array(z.uuid()),
  /** For an intervention: the public action lines it belongs to. */
  actionLineIds: z.array(z.uuid()),
  ownerOrganisation: z.string().nullable(),
  partners: z.array(z.string()),
  areas: z.array(z.object({ code: z.string().nullable(), name: z.string() })),
  phase: phase.nullable(),
  status: status.nullable(),
  kind: interventionKind.nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
});
export const publicLadderView = z.object({
  workspace: z.object({ slug: z.string(), name: z.string() }),
  area: z.object({ code: z.string().nullable(), name: z.string() }).nullable(),
  values: z.array(z.object({ id: z.uuid(), title: z.string(), description: z.string() })),
  actionLines: z.array(publicNode),
  interventions: z.array(publicNode),
});

// Theory of change

export const elementParams = z.object({ elementId: z.uuid() });
export const linkParams = z.object({ linkId: z.uuid() });
export const assumptionParams = z.object({ assumptionId: z.uuid() });

export const elementBody = z.object({ kind: elementKind, title: text(300).min(1), description: text(4000).optional() }).strict();
export const elementPatch = elementBody.partial().strict();
export const linkBody = z.object({ fromElementId: z.uuid(), toElementId: z.uuid() }).strict();
const evidenceLinks = z.array(text(1000).min(1)).max(50);
export const assumptionBody = z
  .object({
    linkId: z.uuid(),
    text: text(2000).min(1),
    status: assumptionStatus.optional(),
    statusDate: isoDate.nullable().optional(),
    evidence: text(8000).optional(),
    evidenceLinks: evidenceLinks.optional(),
  })
  .strict();
export const assumptionPatch = z
  .object({
    text: text(2000).min(1).optional(),
    status: assumptionStatus.optional(),
    /** The day the evidence set the status; today when the status changes without one. */
    statusDate: isoDate.nullable().optional(),
    evidence: text(8000).optional(),
    /** Observations, measurements or session notes (links or references) behind the status. */
    evidenceLinks: evidenceLinks.optional(),
    /** Why the status changed; kept in the history. */
    reason: text(2000).optional(),
  })
  .strict();

export const elementView = z.object({ id: z.uuid(), kind: elementKind, title: z.string(), description: z.string() });
export const historyView = z.object({
  id: z.uuid(),
  status: assumptionStatus,
  statusDate: z.string().nullable(),
  evidence: z.string(),
  evidenceLinks: z.array(z.string()),
  reason: z.string(),
  actorName: z.string().nullable(),
  changedAt: z.string(),
});
export const assumptionView = z.object({
  id: z.uuid(),
  linkId: z.uuid(),
  text: z.string(),
  status: assumptionStatus,
  statusDate: z.string().nullable(),
  evidence: z.string(),
  evidenceLinks: z.array(z.string()),
  /** Oldest first. */
  history: z.array(historyView),
});
export const linkView = z.object({ id: z.uuid(), fromElementId: z.uuid(), toElementId: z.uuid(), assumptions: z.array(assumptionView) });
export const theoryView = z.object({
  actionLine: z.object({ id: z.uuid(), code: z.string().nullable(), title: z.string() }),
  elements: z.array(elementView),
  links: z.array(linkView),
  /** The chains as text lines: the text alternative of the diagram. */
  chains: z.array(z.string()),
  can: z.object({ manage: z.boolean() }),
});
export type TheoryView = z.infer<typeof theoryView>;
