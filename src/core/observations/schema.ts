import { z } from 'zod';
import { paging } from '../../platform/http/schema';
import { isKnownKind } from './kinds';

/** What can be seen in practice. Signals and bottlenecks are routed to an owner and get a due date. */
export const KINDS = ['verhaal', 'signaal', 'knelpunt', 'idee', 'succes'] as const;
export type Kind = (typeof KINDS)[number];
export const ANSWERED_KINDS: readonly Kind[] = ['signaal', 'knelpunt'];
export const VISIBILITIES = ['intern', 'workspace', 'public'] as const;
export const STATUSES = ['nieuw', 'in_behandeling', 'beantwoord', 'afgesloten', 'heropend', 'doorgezet'] as const;
export type Status = (typeof STATUSES)[number];
/** Statuses in which an observation waits for its owner. */
export const OPEN_STATUSES: readonly Status[] = ['nieuw', 'in_behandeling', 'heropend', 'doorgezet'];
/** The core kinds only: what residents and Open311 clients report. */
export const kind = z.enum(KINDS);
/**
 * A kind a member records: a core kind or one a practice adds through its manifest
 * (GET /observation-kinds lists them); anything else is refused with `observation.unknown_kind`.
 */
export const recordedKind = z
  .string()
  .trim()
  .max(40)
  .refine(isKnownKind, { message: 'observation.unknown_kind' })
  .describe('verhaal, signaal, knelpunt, idee, succes, or a kind a practice adds (GET /observation-kinds)');
/** A kind in an answer: core or practice. */
const shownKind = z.string().describe('verhaal, signaal, knelpunt, idee, succes, or a kind a practice adds (GET /observation-kinds)');
export const visibility = z.enum(VISIBILITIES);
export const status = z.enum(STATUSES);

/** The allowed transitions: from → to. Anything else is `observation.illegal_transition`. */
export const TRANSITIONS: Record<Status, readonly Status[]> = {
  nieuw: ['in_behandeling', 'beantwoord', 'doorgezet'],
  in_behandeling: ['beantwoord', 'doorgezet'],
  doorgezet: ['in_behandeling', 'beantwoord'],
  heropend: ['in_behandeling', 'beantwoord', 'doorgezet'],
  beantwoord: ['afgesloten', 'heropend'],
  afgesloten: ['heropend'],
};

/**
 * Plain text with simple formatting (paragraphs, `- ` lists): anything that looks like HTML
 * is removed, control characters too; the UI renders it as text, never as HTML.
 */
const plainText = (max: number) =>
  z
    .string()
    .max(max)
    .transform((v) =>
      v
        .replace(/<[^>]*>/g, '')
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
        .replace(/\r\n?/g, '\n')
        .trim(),
    );
const line = (min: number, max: number) => z.string().trim().min(min).max(max);
const optionalParam = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
const tag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u);
/** A point somewhere in the Netherlands (WGS84), with some margin. */
export const point = z.object({ lat: z.number().min(50).max(54), lon: z.number().min(2.5).max(7.5) }).strict();

export const observationParams = z.object({ observationId: z.uuid() });

export const createObservationBody = z
  .object({
    kind: recordedKind,
    title: line(3, 200),
    text: plainText(10_000).default(''),
    areaId: z.uuid().nullable().optional(),
    point: point.nullable().optional(),
    /** When it happened; now when absent. Not in the future. */
    occurredAt: z.iso.datetime({ offset: true }).optional(),
    ladderNodeIds: z.array(z.uuid()).max(20).optional(),
    /** Rules of the rule register this is about; a signal or bottleneck goes to the first rule's owner. */
    ruleIds: z.array(z.uuid()).max(20).optional(),
    tags: z.array(tag).max(20).optional(),
    visibility: visibility.default('workspace'),
    /** The reporter confirms that the text holds personal data; it then cannot be public. */
    containsPersonalData: z.boolean().default(false),
  })
  .strict();
export type CreateObservationInput = z.infer<typeof createObservationBody>;

export const updateObservationBody = createObservationBody
  .omit({ kind: true })
  .partial()
  .extend({ title: line(3, 200).optional(), text: plainText(10_000).optional(), visibility: visibility.optional(), containsPersonalData: z.boolean().optional() })
  .strict();
export type UpdateObservationInput = z.infer<typeof updateObservationBody>;

export const transitionBody = z
  .object({
    to: status.exclude(['nieuw']),
    /** The answer (required for beantwoord), the reason (required for doorgezet, heropend), or a note. */
    message: plainText(10_000).optional(),
    /** doorgezet: the member who takes it over. */
    ownerUserId: z.uuid().optional(),
    /** doorgezet: another organisation, when nobody in this workspace takes it over. */
    forwardedTo: line(2, 200).optional(),
    /** A note for colleagues only; the reporter does not see it. Not for answers. */
    internal: z.boolean().default(false),
  })
  .strict();
export type TransitionInput = z.infer<typeof transitionBody>;

export const satisfactionBody = z
  .object({
    /** 1 (did not help at all) … 5 (helped a lot). */
    score: z.number().int().min(1).max(5),
    note: plainText(2000).optional(),
  })
  .strict();

export const checkTextBody = z.object({ title: z.string().max(200).default(''), text: z.string().max(10_000).default('') }).strict();

const boolParam = z.enum(['true', 'false']).transform((v) => v === 'true');

export const listQuery = z
  .object({
    /** Words in Dutch: `wijkteams` finds `wijkteam`. Supports "quoted phrases" and -excluded words. */
    q: optionalParam(z.string().trim().max(200)),
    kind: optionalParam(recordedKind),
    status: optionalParam(status),
    /** This area and every area inside it. */
    areaId: optionalParam(z.uuid()),
    ladderNodeId: optionalParam(z.uuid()),
    /** Observations that link this rule. */
    ruleId: optionalParam(z.uuid()),
    /** `me` or a member's id. */
    ownerId: optionalParam(z.union([z.literal('me'), z.uuid()])),
    /** `me`: what I reported. */
    reporter: optionalParam(z.literal('me')),
    overdue: optionalParam(boolParam),
    /** Happened on or after this date. */
    from: optionalParam(z.iso.date()),
    /** Happened on or before this date. */
    to: optionalParam(z.iso.date()),
    /** Comma-separated; all must be present. */
    tags: optionalParam(z.string().max(400)),
    visibility: optionalParam(visibility),
    ...paging,
    limit: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict();
export type ListQuery = z.infer<typeof listQuery>;

export const exportQuery = listQuery.omit({ limit: true, offset: true }).extend({ format: optionalParam(z.enum(['csv', 'xlsx', 'json'])) }).strict();
export type ExportQuery = z.infer<typeof exportQuery>;

const ladderRef = z.object({ id: z.uuid(), rung: z.string(), code: z.string().nullable(), title: z.string() });
const ruleRef = z.object({ id: z.uuid(), code: z.string(), title: z.string() });

export const observationSummaryView = z.object({
  id: z.uuid(),
  number: z.number().int(),
  kind: shownKind,
  title: z.string(),
  status,
  visibility,
  areaId: z.uuid().nullable(),
  areaName: z.string().nullable(),
  occurredAt: z.string(),
  createdAt: z.string(),
  ownerId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  tags: z.array(z.string()),
  containsPersonalData: z.boolean(),
});
export type ObservationSummaryView = z.infer<typeof observationSummaryView>;

export const historyEntry = z.object({
  id: z.uuid(),
  at: z.string(),
  actorName: z.string(),
  action: z.enum(['created', 'transition', 'satisfaction', 'updated', 'msc_selected']),
  from: status.nullable(),
  to: status.nullable(),
  message: z.string().nullable(),
  ownerName: z.string().nullable(),
  forwardedTo: z.string().nullable(),
  dueAt: z.string().nullable(),
  internal: z.boolean(),
});
export type HistoryEntry = z.infer<typeof historyEntry>;

export const observationView = observationSummaryView.extend({
  text: z.string(),
  point: point.nullable(),
  /** Why this owner: the owner of a linked rule, of a linked action line, a coordinator, forwarded, or taken up by hand. */
  routedBy: z.enum(['rule', 'action_line', 'area_team', 'coordinator', 'forwarded', 'manual']).nullable(),
  forwardedTo: z.string().nullable(),
  reporter: z.object({ userId: z.uuid().nullable(), name: z.string(), isResident: z.boolean(), contact: z.object({ email: z.string().nullable(), phone: z.string().nullable() }).nullable() }),
  source: z.enum(['web', 'api', 'public', 'open311', 'import']),
  ladderNodes: z.array(ladderRef),
  /** Linked rules of the rule register (rules that no longer exist are left out). */
  rules: z.array(ruleRef),
  satisfaction: z.object({ score: z.number().int(), note: z.string().nullable() }).nullable(),
  answeredAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  updatedAt: z.string(),
  history: z.array(historyEntry),
  can: z.object({ transitions: z.array(status), update: z.boolean(), delete: z.boolean(), rate: z.boolean() }),
});
export type ObservationView = z.infer<typeof observationView>;

export const kindsView = z.object({
  items: z.array(z.object({ id: z.string(), label: z.string(), answerable: z.boolean(), /** Added by a practice (not one of the core kinds). */ practice: z.boolean() })),
  total: z.number().int(),
});

const facet = z.array(z.object({ value: z.string(), label: z.string(), count: z.number().int() }));
export const listView = z.object({
  items: z.array(observationSummaryView),
  /** The number of matches; when `totalExact` is false, at least this many (the count stopped there). */
  total: z.number().int(),
  totalExact: z.boolean(),
  /** Counts per kind, status and area (the 50 busiest) and overdue; null when the selection is too big to count (totalExact false): filter to see them. */
  facets: z.object({ kind: facet, status: facet, area: facet, overdue: z.number().int() }).nullable(),
  can: z.object({ create: z.boolean(), export: z.boolean(), import: z.boolean() }),
});

export const inboxView = z.object({
  items: z.array(observationSummaryView),
  total: z.number().int(),
  overdue: z.number().int(),
});

export const personalDataHit = z.object({ kind: z.enum(['bsn', 'iban', 'email', 'phone']), field: z.enum(['title', 'text']), start: z.number().int(), end: z.number().int() });
export const checkTextView = z.object({ hits: z.array(personalDataHit), total: z.number().int() });

export const templateBody = z.object({ title: line(2, 120), body: plainText(10_000).pipe(z.string().min(1)) }).strict();
export const templatePatch = templateBody.partial().strict();
export const templateParams = z.object({ templateId: z.uuid() });
export const templateView = z.object({ id: z.uuid(), title: z.string(), body: z.string(), updatedAt: z.string() });

// The public side: residents without an account

export const publicReportBody = z
  .object({
    kind: kind.default('signaal'),
    title: line(3, 200),
    text: plainText(5000).default(''),
    areaId: z.uuid().nullable().optional(),
    point: point.nullable().optional(),
    name: line(1, 200).optional(),
    email: z.email().max(254).optional(),
    phone: z.string().trim().regex(/^[+0-9 ()-]{8,20}$/).optional(),
    /** May the report (without contact details) appear in the public list? */
    mayPublish: z.boolean().default(false),
    /** Spam trap: a field people do not see; filled in means a bot. */
    website: z.string().max(200).optional(),
  })
  .strict();
export type PublicReportInput = z.infer<typeof publicReportBody>;

export const publicReportCreated = z.object({ number: z.number().int(), status, token: z.string(), followUpPath: z.string() });

export const publicListQuery = z
  .object({ kind: optionalParam(kind), status: optionalParam(status), areaId: optionalParam(z.uuid()), ...paging, limit: z.coerce.number().int().min(1).max(500).default(100) })
  .strict();

/** What the public sees of a public observation: nothing personal. */
export const publicObservationView = z.object({
  number: z.number().int(),
  kind: shownKind,
  title: z.string(),
  status,
  areaId: z.uuid().nullable(),
  areaName: z.string().nullable(),
  point: point.nullable(),
  createdAt: z.string(),
});

export const followUpParams = z.object({ token: z.string().min(20).max(100).regex(/^[A-Za-z0-9_-]+$/) });
export const followUpView = z.object({
  number: z.number().int(),
  workspaceName: z.string(),
  kind: shownKind,
  title: z.string(),
  text: z.string(),
  status,
  createdAt: z.string(),
  dueAt: z.string().nullable(),
  history: z.array(historyEntry.omit({ internal: true, ownerName: true })),
  satisfaction: z.object({ score: z.number().int(), note: z.string().nullable() }).nullable(),
  can: z.object({ reopen: z.boolean(), rate: z.boolean() }),
});
export const reopenBody = z.object({ message: plainText(5000).pipe(z.string().min(3)) }).strict();

/** Retention: how long observations of a kind in a status are kept after they were closed (or last changed). */
export const retentionBody = z
  .object({
    rules: z
      .array(z.object({ kind: recordedKind, status, months: z.number().int().min(1).max(600) }).strict())
      .max(30),
  })
  .strict();
export type RetentionInput = z.infer<typeof retentionBody>;
export const retentionView = z.object({
  items: z.array(z.object({ kind: shownKind, status, months: z.number().int() })),
  total: z.number().int(),
  can: z.object({ manage: z.boolean() }),
});

export const importResult = z.object({
  imported: z.number().int(),
  /** Signals and bottlenecks that went to an owner's inbox. */
  routed: z.number().int(),
  /** The numbers the new observations got, lowest and highest; null for a sheet without rows. */
  numbers: z.object({ first: z.number().int(), last: z.number().int() }).nullable(),
});
