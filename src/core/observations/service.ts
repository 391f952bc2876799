import { createHash, randomBytes } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import { recordAudit, recordAudits } from '../../platform/audit';
import type { Actor, ServiceContext, WorkspaceScope } from '../../platform/context';
import { transaction, type Db } from '../../platform/db/database';
import { DomainError } from '../../platform/errors';
import { format } from '../../platform/i18n';
import { newId } from '../../platform/ids';
import { areaContainsPoint, areaIdsWithin, areaIdsWithinSql, areaNames, areaNamesSql, areaTeamOwner, areaWithTeamsSql, smallestAreaContaining } from '../areas/service';
import { nodeRefs, nodeRefsSql } from '../ladder/service';
import { findWorkspaceByIdForPublicPage, findWorkspaceForPublicPage, getWorkspace, listMembers, memberNamesSql, membersAndResponseDaysSql } from '../workspaces/service';
import { isAnsweredKind, listPracticeKinds, practiceKindLabel } from './kinds';
import { ruleRefs, type LinkedRuleRef } from './links';
import type { ReportedEvent, TransitionedEvent } from './mail';
import { observationPolicy as policy } from './policies';
import { findPersonalData } from '../../platform/privacy';
import * as repo from './repository';
import {
  OPEN_STATUSES,
  TRANSITIONS,
  type CreateObservationInput,
  type HistoryEntry,
  type Kind,
  type ListQuery,
  type ObservationSummaryView,
  type ObservationView,
  type PublicReportInput,
  type Status,
  type TransitionInput,
  type UpdateObservationInput,
} from './schema';
import { addWorkingDays } from '../../platform/workdays';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const within = (ctx: ServiceContext, db: Db): ServiceContext => ({ ...ctx, db });
const fieldError = (id: string, path: string, params: Record<string, string | number> = {}) => new DomainError(id, params, [{ path, message: id }]);
const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** The acting resident on the public form, and the reader of public pages. */
const PUBLIC_ACTOR: Actor = { userId: '00000000-0000-0000-0000-000000000000', email: '', name: 'bewoner', isAdmin: false, via: 'system' };

// A new observation has no number yet: the statement that writes it takes one (and fills it in).
type AuditedRow = Pick<repo.ObservationRow, 'id' | 'kind' | 'status' | 'visibility' | 'areaId' | 'ownerUserId' | 'dueAt' | 'containsPersonalData'> & { number?: number };
/** What goes into the audit log of an observation: its course, never its text or contact details. */
const auditFields = (row: AuditedRow) => ({
  number: row.number,
  kind: row.kind,
  status: row.status,
  visibility: row.visibility,
  areaId: row.areaId,
  ownerUserId: row.ownerUserId,
  dueAt: row.dueAt,
  containsPersonalData: row.containsPersonalData,
});
const auditEntry = (ctx: ServiceContext, scope: { id: string }, action: string, before: AuditedRow | null, after: AuditedRow | null) => ({
  workspaceId: scope.id,
  actor: ctx.actor,
  entity: 'observation',
  entityId: (after ?? before)!.id,
  label: (after ?? before)!.number === undefined ? undefined : `#${(after ?? before)!.number}`,
  action,
  before: before ? auditFields(before) : null,
  after: after ? auditFields(after) : null,
});
const audit = (trx: Db, ctx: ServiceContext, scope: { id: string }, action: string, before: repo.ObservationRow | null, after: repo.ObservationRow | null) =>
  recordAudit(trx, auditEntry(ctx, scope, action, before, after));

// Personal data

const KIND_LABELS: Record<string, { nl: string; en: string }> = {
  bsn: { nl: 'een BSN', en: 'a citizen service number' },
  iban: { nl: 'een IBAN', en: 'an IBAN' },
  email: { nl: 'een e-mailadres', en: 'an e-mail address' },
  phone: { nl: 'een telefoonnummer', en: 'a phone number' },
};

/** Where the title and text look like they hold personal data (BSN, IBAN, e-mail address, phone number). */
export function personalDataIn(input: { title?: string; text?: string }) {
  return (['title', 'text'] as const).flatMap((field) => findPersonalData(input[field] ?? '').map((h) => ({ kind: h.kind, field, start: h.start, end: h.end })));
}

/**
 * The guard: personal-data-looking text never becomes public, and otherwise needs the
 * reporter's confirmation that the observation holds personal data.
 */
export function guardPersonalData(ctx: ServiceContext, input: { title?: string; text?: string }, visibility: string, marked: boolean) {
  const hits = personalDataIn(input);
  if (visibility === 'public' && marked) throw fieldError('observation.personal_data', 'visibility', { kinds: kindsOf(ctx, ['']) });
  if (hits.length === 0) return;
  const kinds = kindsOf(ctx, hits.map((h) => h.kind));
  const fields = [...new Set(hits.map((h) => h.field))].map((path) => ({ path, message: visibility === 'public' ? 'observation.personal_data' : 'observation.personal_data_unmarked' }));
  if (visibility === 'public') throw new DomainError('observation.personal_data', { kinds }, fields);
  if (!marked) throw new DomainError('observation.personal_data_unmarked', { kinds }, fields);
}
const kindsOf = (ctx: ServiceContext, kinds: string[]) =>
  [...new Set(kinds)]
    .map((k) => KIND_LABELS[k]?.[ctx.locale] ?? (ctx.locale === 'en' ? 'personal data' : 'persoonsgegevens'))
    .join(', ');

/** For the entry form: the personal data the guard would flag, before saving. */
export function checkText(ctx: ServiceContext, input: { title: string; text: string }) {
  policy.authorize(ctx, 'observation.create');
  const hits = personalDataIn(input);
  return { hits, total: hits.length };
}

// Routing and due dates

interface Route {
  ownerUserId: string | null;
  routedBy: 'rule' | 'action_line' | 'area_team' | 'coordinator' | null;
  dueAt: Date | null;
}

/**
 * Signals and bottlenecks get an owner: the owner of a linked rule (the first linked rule a
 * member owns), else of a linked action line, else the area's team (the contact of the
 * nearest area with a team, walking up from buurt to wijk to gemeente), else the workspace's
 * coordinators (a programme manager, else a beheerder); and a due date the workspace's
 * response time in working days ahead (Dutch public holidays skipped). A rule owned by a
 * partner organisation only has nobody in the workspace to answer, so routing goes on.
 */
async function routeFor(
  ctx: ServiceContext,
  kind: string,
  areaId: string | null,
  { members, responseDays }: Team,
  nodes: Awaited<ReturnType<typeof nodeRefs>>,
  rules: readonly LinkedRuleRef[] = [],
  /** The teams of the area and the areas above it, in `areaTeamOwner`'s order, when already read. */
  teams?: readonly string[],
): Promise<Route> {
  if (!isAnsweredKind(kind)) return { ownerUserId: null, routedBy: null, dueAt: null };
  const memberIds = new Set(members.map((m) => m.userId));
  const dueAt = addWorkingDays(new Date(), responseDays);
  const rule = rules.find((r) => r.ownerUserId && memberIds.has(r.ownerUserId));
  if (rule) return { ownerUserId: rule.ownerUserId, routedBy: 'rule', dueAt };
  const line = nodes.find((n) => n.rung === 'action_line' && n.ownerUserId && memberIds.has(n.ownerUserId));
  if (line) return { ownerUserId: line.ownerUserId, routedBy: 'action_line', dueAt };
  const team = !areaId ? null : teams ? (teams.find((userId) => memberIds.has(userId)) ?? null) : await areaTeamOwner(ctx, areaId, [...memberIds]);
  if (team) return { ownerUserId: team, routedBy: 'area_team', dueAt };
  const byRole = (role: string) => members.filter((m) => m.role === role).sort((a, b) => a.since.localeCompare(b.since))[0];
  const coordinator = byRole('programmamanager') ?? byRole('beheerder');
  return { ownerUserId: coordinator?.userId ?? null, routedBy: coordinator ? 'coordinator' : null, dueAt };
}

/** The chosen area, or `observation.area_not_found`. */
async function checkArea(ctx: ServiceContext, areaId: string | null | undefined) {
  if (areaId && (await areaNames(ctx, [areaId])).length === 0) throw fieldError('observation.area_not_found', 'areaId');
}

/**
 * Where it happened: an area, a point inside an area, or a point alone. A point without an
 * area gets the smallest area whose boundary holds it; a point outside the chosen area is
 * refused (`observation.point_outside_area`) when the area's boundaries can tell. The area
 * itself has been checked.
 */
async function placeOfChecked(ctx: ServiceContext, areaId: string | null | undefined, point: { lat: number; lon: number } | null | undefined) {
  if (!point) return areaId ?? null;
  if (!areaId) return smallestAreaContaining(ctx, point);
  if ((await areaContainsPoint(ctx, areaId, point)) === false) throw fieldError('observation.point_outside_area', 'point');
  return areaId;
}

async function placeOf(ctx: ServiceContext, areaId: string | null | undefined, point: { lat: number; lon: number } | null | undefined) {
  await checkArea(ctx, areaId);
  return placeOfChecked(ctx, areaId, point);
}

type Team = NonNullable<Read<ReturnType<typeof membersAndResponseDaysSql>>>;
type Read<E> = E extends RawBuilder<infer T> ? T : never;

/**
 * What a new observation is checked and routed against, read in one statement from the
 * modules that own it: the area with the teams of it and the areas above it (for routing to
 * an area team without reading more), the ladder nodes, and with `withMembers` the members
 * with the workspace's response time. Then the point, when one is given. The errors come in
 * the order of the form: area, point, ladder nodes.
 */
async function readForNew(ctx: ServiceContext, areaId: string | null | undefined, point: { lat: number; lon: number } | null | undefined, nodeIds: readonly string[], withMembers: boolean) {
  const found =
    areaId || nodeIds.length || withMembers
      ? await repo.readTogether(ctx.db, {
          area: areaId ? areaWithTeamsSql(ctx, areaId) : sql<null>`null`,
          nodes: nodeIds.length ? nodeRefsSql(ctx, nodeIds) : sql<never[]>`'[]'::json`,
          team: withMembers ? membersAndResponseDaysSql(ctx) : sql<null>`null`,
        })
      : { area: null, nodes: [], team: null };
  if (areaId && !found.area) throw fieldError('observation.area_not_found', 'areaId');
  const placed = await placeOfChecked(ctx, areaId, point);
  requireFound(nodeIds, found.nodes, 'observation.node_not_found', 'ladderNodeIds');
  if (withMembers && !found.team) throw new DomainError('workspace.not_found');
  // A point alone was placed in an area that was not read: its teams are read when routing.
  const area = placed === areaId ? found.area : null;
  return { areaId: placed, names: area ? [area] : undefined, teams: area?.team, nodes: found.nodes, team: found.team };
}

/**
 * Waits for look-ups that do not depend on each other, asked at once, and throws the first
 * failure in the order given: the error a member sees is the one the checks one after the
 * other would have given.
 */
async function inOrder<T extends readonly unknown[]>(pending: { readonly [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(pending);
  for (const s of settled) if (s.status === 'rejected') throw s.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

/** Refuses the first id that was not found, naming it by its place in the field. */
function requireFound(ids: readonly string[], found: readonly { id: string }[], error: string, field: string) {
  const missing = ids.findIndex((id) => !found.some((f) => f.id === id));
  if (missing >= 0) throw fieldError(error, `${field}.${missing}`);
}

async function checkNodes(ctx: ServiceContext, ids: readonly string[]) {
  requireFound(ids, await nodeRefs(ctx, ids), 'observation.node_not_found', 'ladderNodeIds');
}

/** The linked rules, checked through the rule directory: an id that is no rule of this workspace is `observation.unknown_rule`. */
async function checkRules(ctx: ServiceContext, ids: readonly string[]) {
  const found = await ruleRefs(ctx, ids);
  requireFound(ids, found, 'observation.unknown_rule', 'ruleIds');
  return found;
}

function occurredAt(value: string | undefined) {
  const at = value ? new Date(value) : new Date();
  // a minute of clock difference between phone and server is fine
  if (at.getTime() > Date.now() + 60_000) throw fieldError('observation.occurred_in_future', 'occurredAt');
  return at;
}

// Recording

/** Records an observation from a member (web form or API); signals and bottlenecks are routed. */
export async function createObservation(ctx: ServiceContext, input: CreateObservationInput): Promise<ObservationView> {
  const scope = policy.authorize(ctx, 'observation.create');
  guardPersonalData(ctx, input, input.visibility, input.containsPersonalData);
  const at = occurredAt(input.occurredAt);
  const nodeIds = [...new Set(input.ladderNodeIds ?? [])];
  const ruleIds = [...new Set(input.ruleIds ?? [])];
  const answered = isAnsweredKind(input.kind);
  const actor = ctx.actor!;
  // A story, idea or success is not routed: its view names only the reporter. A member signed
  // in through the platform (token or session) is that reporter, with the name just read from
  // their account, so the members need not be read; anyone else is looked up as before.
  const signedIn = actor.via === 'token' || actor.via === 'session';
  const [place, rules] = await inOrder([readForNew(ctx, input.areaId, input.point, nodeIds, answered || !signedIn), checkRules(ctx, ruleIds)] as const);
  const { team, nodes } = place;
  const route = team ? await routeFor(ctx, input.kind, place.areaId, team, nodes, rules, place.teams) : { ownerUserId: null, routedBy: null, dueAt: null };
  const fresh: repo.NewObservation = {
    ...emptyRow(scope.id, input.kind, input.title),
    text: input.text,
    areaId: place.areaId,
    lat: input.point?.lat ?? null,
    lon: input.point?.lon ?? null,
    occurredAt: at,
    visibility: input.visibility,
    containsPersonalData: input.containsPersonalData,
    ...route,
    reporterUserId: ctx.actor!.userId,
    source: ctx.actor!.via === 'token' ? 'api' : 'web',
  };
  // The observation with its number, its links, its history and its audit row: one statement, so one round trip.
  const { row, event: created } = await repo.insertNewObservation(ctx.db, {
    row: fresh,
    tags: input.tags ?? [],
    nodeIds,
    ruleIds,
    event: event(ctx, fresh, { action: 'created', toStatus: fresh.status, ownerUserId: fresh.ownerUserId, dueAt: fresh.dueAt }),
    audit: auditEntry(ctx, scope, 'create', null, fresh),
  });
  ctx.events.emit('observation.created', { workspaceId: scope.id, id: row.id, kind: row.kind, ownerUserId: row.ownerUserId });
  // Everything the view shows is at hand: present it without reading it back.
  return present(ctx, ctx.db, scope, row, { members: team?.members ?? [{ userId: actor.userId, name: actor.name }], areas: place.names, events: [created], nodes, rules });
}

/** A row of a spreadsheet import, checked and with its area, ladder nodes and rules found: what `recordImported` writes. */
export interface ImportedObservation {
  /** The row in the sheet (the header is row 1), named in the first history entry. */
  row: number;
  kind: string;
  title: string;
  text: string;
  areaId: string | null;
  occurredAt: Date;
  visibility: CreateObservationInput['visibility'];
  containsPersonalData: boolean;
  tags: string[];
  nodes: Awaited<ReturnType<typeof nodeRefs>>;
  rules: LinkedRuleRef[];
}

const IMPORTED_FROM = { nl: 'Overgenomen uit {file}, rij {row}.', en: 'Imported from {file}, row {row}.' };

/**
 * Records the checked rows of an import as new observations, all in one transaction: each is
 * reported by the importing member, numbered, routed and given a due date as if it had been
 * recorded by hand, with a first history entry that names the file and row, and an audit row.
 * They are written 500 to a statement, so a sheet of thousands takes seconds.
 */
export async function recordImported(ctx: ServiceContext, rows: readonly ImportedObservation[], fileName: string) {
  const scope = policy.authorize(ctx, 'observation.import');
  const created = await transaction(ctx.db, async (trx) => {
    const inner: ServiceContext = { ...ctx, db: trx };
    const { team } = await repo.readTogether(trx, { team: membersAndResponseDaysSql(inner) });
    if (!team) throw new DomainError('workspace.not_found');
    const memberIds = team.members.map((m) => m.userId);
    // The area team that answers for an area, read once per area.
    const teamsOf = new Map<string, string[]>();
    const numbers = await repo.takeNumbers(trx, scope.id, rows.length);
    const items = [];
    for (const [i, r] of rows.entries()) {
      let teams: string[] | undefined;
      if (r.areaId && isAnsweredKind(r.kind)) {
        teams = teamsOf.get(r.areaId);
        if (!teams) {
          const owner = await areaTeamOwner(inner, r.areaId, memberIds);
          teamsOf.set(r.areaId, (teams = owner ? [owner] : []));
        }
      }
      const route = await routeFor(inner, r.kind, r.areaId, team, r.nodes, r.rules, teams);
      const fresh = {
        ...emptyRow(scope.id, r.kind, r.title),
        number: numbers[i],
        text: r.text,
        areaId: r.areaId,
        occurredAt: r.occurredAt,
        visibility: r.visibility,
        containsPersonalData: r.containsPersonalData,
        ...route,
        reporterUserId: ctx.actor!.userId,
        source: 'import',
      };
      const message = format(IMPORTED_FROM[ctx.locale], { file: fileName, row: r.row });
      items.push({
        row: fresh,
        tags: r.tags,
        nodeIds: r.nodes.map((n) => n.id),
        ruleIds: r.rules.map((x) => x.id),
        event: event(ctx, fresh, { action: 'created', toStatus: fresh.status, ownerUserId: fresh.ownerUserId, dueAt: fresh.dueAt, message }),
      });
    }
    await repo.insertNumberedObservations(trx, items);
    await recordAudits(trx, items.map((item) => auditEntry(ctx, scope, 'create', null, item.row)));
    return items.map((item) => item.row);
  });
  for (const row of created) ctx.events.emit('observation.created', { workspaceId: scope.id, id: row.id, kind: row.kind, ownerUserId: row.ownerUserId });
  return {
    imported: created.length,
    routed: created.filter((r) => r.ownerUserId).length,
    numbers: created.length ? { first: created[0].number, last: created[created.length - 1].number } : null,
  };
}

function emptyRow(workspaceId: string, kind: string, title: string): repo.NewObservation {
  return {
    workspaceId,
    id: newId(),
    kind,
    title,
    text: '',
    areaId: null,
    lat: null,
    lon: null,
    occurredAt: new Date(),
    visibility: 'workspace',
    containsPersonalData: false,
    status: 'nieuw',
    ownerUserId: null,
    routedBy: null,
    forwardedTo: null,
    dueAt: null,
    reporterUserId: null,
    reporterName: null,
    reporterEmail: null,
    reporterPhone: null,
    accessTokenHash: null,
    source: 'web',
    satisfaction: null,
    satisfactionNote: null,
    answeredAt: null,
    closedAt: null,
  };
}

function event(ctx: ServiceContext, row: Pick<repo.ObservationRow, 'workspaceId' | 'id'>, fields: Partial<repo.EventRow> & { action: string }): Omit<repo.EventRow, 'at'> {
  return {
    workspaceId: row.workspaceId,
    id: newId(),
    observationId: row.id,
    actorUserId: ctx.actor?.via === 'system' && ctx.actor.userId === PUBLIC_ACTOR.userId ? null : (ctx.actor?.userId ?? null),
    actorName: ctx.actor?.name ?? '?',
    fromStatus: null,
    toStatus: null,
    message: null,
    ownerUserId: null,
    forwardedTo: null,
    dueAt: null,
    internal: false,
    ...fields,
  };
}

// Reading

const access = (ctx: ServiceContext, scope: WorkspaceScope): repo.Access => ({ userId: ctx.actor!.userId, seeIntern: policy.can(scope, 'observation.seeIntern') });
const canSee = (ctx: ServiceContext, scope: WorkspaceScope, row: repo.ObservationRow) =>
  row.visibility !== 'intern' || policy.can(scope, 'observation.seeIntern') || row.reporterUserId === ctx.actor!.userId || row.ownerUserId === ctx.actor!.userId;

export async function findVisible(ctx: ServiceContext, db: Db, scope: WorkspaceScope, id: string) {
  const row = await repo.findObservation(db, scope.id, id);
  if (!row || !canSee(ctx, scope, row)) throw new DomainError('observation.not_found');
  return row;
}

/** For other modules: these observations' number, kind, title and status, if the member may see them (others are left out). */
export async function observationRefs(ctx: ServiceContext, ids: readonly string[]) {
  const scope = policy.authorize(ctx, 'observation.read');
  const rows = await repo.findObservations(ctx.db, scope.id, [...new Set(ids)]);
  return rows
    .filter((r) => canSee(ctx, scope, r))
    .map((r) => ({ id: r.id, number: r.number, kind: r.kind as Kind, title: r.title, status: r.status as Status, occurredAt: r.occurredAt.toISOString() }));
}

/** One observation with its links, its whole history and the steps the member may take. */
export async function getObservation(ctx: ServiceContext, id: string): Promise<ObservationView> {
  const scope = policy.authorize(ctx, 'observation.read');
  return present(ctx, ctx.db, scope, await findVisible(ctx, ctx.db, scope, id));
}

/** Members by id with their names: what presenting an observation needs of them. */
type Members = readonly { userId: string; name: string }[];

async function namesFor(ctx: ServiceContext, db: Db, areaIds: (string | null)[], known?: Members, knownAreas?: { id: string; name: string }[]) {
  const c = within(ctx, db);
  const [members, areas] = await Promise.all([known ?? listMembers(c), knownAreas ?? areaNames(c, areaIds.filter((a): a is string => !!a))]);
  return { member: new Map(members.map((m) => [m.userId, m.name])), area: new Map(areas.map((a) => [a.id, a.name])) };
}

function presentSummary(row: repo.SummaryRow, names: Awaited<ReturnType<typeof namesFor>>): ObservationSummaryView {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind as Kind,
    title: row.title,
    status: row.status as Status,
    visibility: row.visibility as ObservationSummaryView['visibility'],
    areaId: row.areaId,
    areaName: row.areaId ? (names.area.get(row.areaId) ?? null) : null,
    occurredAt: row.occurredAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    ownerId: row.ownerUserId,
    ownerName: row.ownerUserId ? (names.member.get(row.ownerUserId) ?? null) : null,
    dueAt: iso(row.dueAt),
    overdue: !!row.overdue,
    tags: row.tags,
    containsPersonalData: row.containsPersonalData,
  };
}

const isOverdue = (row: repo.ObservationRow) => !!row.dueAt && row.dueAt.getTime() < Date.now() && OPEN_STATUSES.includes(row.status as Status);

function presentEvent(e: repo.EventRow, names: Map<string, string>): HistoryEntry {
  return {
    id: e.id,
    at: e.at.toISOString(),
    actorName: e.actorName,
    action: e.action as HistoryEntry['action'],
    from: e.fromStatus as Status | null,
    to: e.toStatus as Status | null,
    message: e.message,
    ownerName: e.ownerUserId ? (names.get(e.ownerUserId) ?? null) : null,
    forwardedTo: e.forwardedTo,
    dueAt: iso(e.dueAt),
    internal: e.internal,
  };
}

/** The transitions this member may take now (the table, narrowed to their part). */
function allowedTransitions(ctx: ServiceContext, scope: WorkspaceScope, row: repo.ObservationRow): Status[] {
  const me = ctx.actor!.userId;
  const coordinator = policy.can(scope, 'observation.coordinate');
  const owner = row.ownerUserId === me;
  const reporter = row.reporterUserId === me;
  return TRANSITIONS[row.status as Status].filter((to) => {
    if (to === 'heropend') return reporter || coordinator;
    if (to === 'afgesloten') return reporter || owner || coordinator;
    return owner || coordinator;
  });
}

/** What a caller that just wrote an observation already holds, so presenting it reads nothing twice. */
interface Known {
  members: Members;
  /** The names of the observation's area, when already read. */
  areas?: { id: string; name: string }[];
  events: repo.EventRow[];
  nodes: Awaited<ReturnType<typeof nodeRefs>>;
  rules: LinkedRuleRef[];
}

async function present(ctx: ServiceContext, db: Db, scope: WorkspaceScope, row: repo.ObservationRow, known?: Known): Promise<ObservationView> {
  const links = async () => {
    const [nodeIds, ruleIds] = await Promise.all([repo.nodeIdsOf(db, scope.id, row.id), repo.ruleIdsOf(db, scope.id, row.id)]);
    return Promise.all([nodeRefs(within(ctx, db), nodeIds), ruleRefs(within(ctx, db), ruleIds)]);
  };
  const [names, events, [nodes, rules]] = await Promise.all([
    namesFor(ctx, db, [row.areaId], known?.members, known?.areas),
    known?.events ?? repo.eventsOf(db, scope.id, row.id),
    known ? ([known.nodes, known.rules] as const) : links(),
  ]);
  const coordinator = policy.can(scope, 'observation.coordinate');
  const isReporter = row.reporterUserId === ctx.actor!.userId;
  const isResident = !row.reporterUserId;
  const showContact = isResident && (coordinator || row.ownerUserId === ctx.actor!.userId);
  return {
    ...presentSummary({ ...row, overdue: isOverdue(row) }, names),
    text: row.text,
    point: row.lat !== null && row.lon !== null ? { lat: row.lat, lon: row.lon } : null,
    routedBy: row.routedBy as ObservationView['routedBy'],
    forwardedTo: row.forwardedTo,
    reporter: {
      userId: row.reporterUserId,
      name: row.reporterUserId ? (names.member.get(row.reporterUserId) ?? '?') : (row.reporterName ?? (ctx.locale === 'en' ? 'resident' : 'bewoner')),
      isResident,
      contact: showContact ? { email: row.reporterEmail, phone: row.reporterPhone } : null,
    },
    source: row.source as ObservationView['source'],
    ladderNodes: nodes.map((n) => ({ id: n.id, rung: n.rung, code: n.code, title: n.title })),
    rules: rules.map((r) => ({ id: r.id, code: r.code, title: r.title })),
    satisfaction: row.satisfaction ? { score: row.satisfaction, note: row.satisfactionNote } : null,
    answeredAt: iso(row.answeredAt),
    closedAt: iso(row.closedAt),
    updatedAt: row.updatedAt.toISOString(),
    // notes for colleagues stay out of the reporter's sight, unless they also own or coordinate it
    history: events.filter((e) => !e.internal || !isReporter || coordinator || row.ownerUserId === ctx.actor!.userId).map((e) => presentEvent(e, names.member)),
    can: {
      transitions: allowedTransitions(ctx, scope, row),
      update: coordinator || (isReporter && row.status === 'nieuw'),
      delete: policy.can(scope, 'observation.delete'),
      rate: isReporter && (row.status === 'beantwoord' || row.status === 'afgesloten'),
    },
  };
}

async function filterOf(ctx: ServiceContext, query: Omit<ListQuery, 'limit' | 'offset'>): Promise<repo.Filter> {
  const me = ctx.actor!.userId;
  return {
    q: query.q,
    kind: query.kind,
    status: query.status,
    areaIds: query.areaId ? areaIdsWithinSql(ctx, query.areaId) : undefined,
    ladderNodeId: query.ladderNodeId,
    ruleId: query.ruleId,
    ownerId: query.ownerId === 'me' ? me : query.ownerId,
    reporterId: query.reporter === 'me' ? me : undefined,
    overdue: query.overdue,
    from: query.from,
    to: query.to,
    tags: query.tags
      ?.split(',')
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean),
    visibility: query.visibility,
  };
}

const KIND_NAMES: Record<Kind, { nl: string; en: string }> = {
  verhaal: { nl: 'Verhaal', en: 'Story' },
  signaal: { nl: 'Signaal', en: 'Signal' },
  knelpunt: { nl: 'Knelpunt', en: 'Bottleneck' },
  idee: { nl: 'Idee', en: 'Idea' },
  succes: { nl: 'Succes', en: 'Success' },
};
const STATUS_NAMES: Record<Status, { nl: string; en: string }> = {
  nieuw: { nl: 'nieuw', en: 'new' },
  in_behandeling: { nl: 'in behandeling', en: 'in progress' },
  beantwoord: { nl: 'beantwoord', en: 'answered' },
  afgesloten: { nl: 'afgesloten', en: 'closed' },
  heropend: { nl: 'heropend', en: 'reopened' },
  doorgezet: { nl: 'doorgezet', en: 'forwarded' },
};
export const kindName = (kind: string, locale: 'nl' | 'en') => KIND_NAMES[kind as Kind]?.[locale] ?? practiceKindLabel(kind, locale) ?? kind;

/** The kinds a member can record: the core's five, then those the practices add, each with its name and whether it is answered. */
export function listKinds(ctx: ServiceContext) {
  policy.authorize(ctx, 'observation.read');
  const items = [
    ...(Object.keys(KIND_NAMES) as Kind[]).map((id) => ({ id, label: KIND_NAMES[id][ctx.locale], answerable: isAnsweredKind(id), practice: false })),
    ...listPracticeKinds().map((k) => ({ id: k.id, label: k.label[ctx.locale], answerable: k.answerable, practice: true })),
  ];
  return { items, total: items.length };
}
export const statusName = (status: string, locale: 'nl' | 'en') => STATUS_NAMES[status as Status]?.[locale] ?? status;

/** A page of observations the member may see, with counts per kind, status and area of the whole selection. */
/**
 * Up to how many observations a list counts per facet (and, searching, ranks by relevance).
 * Beyond it the list says "more than 5,000", shows the newest first and leaves the facet counts
 * out until a filter narrows it down: exact counts over a big city's whole history cost a read
 * of every row (tens of thousands), on every page and every keystroke. Filters alone are
 * counted in an index (cheap per row); a search must read each matching row, so it stops
 * sooner (bench/observations.ts: a common word in the largest city, 33,000 matches, cost
 * 26 ms a request counting to 5,000).
 */
export const COUNT_CAP = 5000;
export const SEARCH_COUNT_CAP = 1000;

export async function listObservations(ctx: ServiceContext, query: ListQuery) {
  const scope = policy.authorize(ctx, 'observation.read');
  const filter = await filterOf(ctx, query);
  const who = access(ctx, scope);
  const cap = filter.q ? SEARCH_COUNT_CAP : COUNT_CAP;
  const { items, facets, areaNames, ownerNames } = await repo.listPage(ctx.db, scope.id, who, filter, query, cap, {
    areas: (ids) => areaNamesSql(ctx, ids),
    members: (ids) => memberNamesSql(ctx, ids),
  });
  const names = { member: new Map(ownerNames.map((m) => [m.userId, m.name ?? '?'])), area: new Map(areaNames.map((a) => [a.id, a.name])) };
  return {
    items: items.map((row) => presentSummary(row, names)),
    total: facets?.total ?? cap,
    totalExact: !!facets,
    facets: facets && {
      kind: facets.kind.map((f) => ({ ...f, label: kindName(f.value, ctx.locale) })),
      status: facets.status.map((f) => ({ ...f, label: statusName(f.value, ctx.locale) })),
      area: facets.area.slice(0, 50).map((f) => ({ ...f, label: names.area.get(f.value) ?? '?' })),
      overdue: facets.overdue,
    },
    can: { create: policy.can(scope, 'observation.create'), export: policy.can(scope, 'observation.export'), import: policy.can(scope, 'observation.import') },
  };
}

/** What awaits the member's answer, overdue first. */
export async function inbox(ctx: ServiceContext) {
  const scope = policy.authorize(ctx, 'observation.read');
  const rows = await repo.inbox(ctx.db, scope.id, ctx.actor!.userId);
  const names = await namesFor(ctx, ctx.db, rows.map((r) => r.areaId));
  const items = rows.map((r) => presentSummary(r, names)).sort((a, b) => Number(b.overdue) - Number(a.overdue));
  return { items, total: items.length, overdue: items.filter((i) => i.overdue).length };
}

/**
 * For other modules (the rules register): which observations the member may see link these
 * rules (every rule of the workspace when `ruleIds` is absent) and happened within the days
 * `from`–`to` (dates in the Netherlands; any time without a period), per link, oldest first.
 * One statement, however many rules.
 */
export async function observationsLinkedToRules(ctx: ServiceContext, ruleIds: readonly string[] | undefined, period?: { from: string; to: string }) {
  const scope = policy.authorize(ctx, 'observation.read');
  const rows = await repo.observationsLinkedToRules(ctx.db, scope.id, access(ctx, scope), ruleIds && [...new Set(ruleIds)], period);
  return rows.map((r) => ({ ruleId: r.ruleId, observationId: r.observationId, kind: r.kind as Kind, occurredOn: r.occurredOn }));
}

// The course of an observation

/** Takes one step in the status table, with the answer, reason or note; every step becomes a history entry. */
export async function transition(ctx: ServiceContext, id: string, input: TransitionInput): Promise<ObservationView> {
  const scope = policy.authorize(ctx, 'observation.read');
  const row = await transaction(ctx.db, async (trx) => {
    const before = await findVisible(ctx, trx, scope, id);
    const from = before.status as Status;
    if (!TRANSITIONS[from].includes(input.to)) {
      throw new DomainError('observation.illegal_transition', {
        from: statusName(from, ctx.locale),
        to: statusName(input.to, ctx.locale),
        allowed: TRANSITIONS[from].map((s) => statusName(s, ctx.locale)).join(', '),
      });
    }
    if (!allowedTransitions(ctx, scope, before).includes(input.to)) throw new DomainError('observation.transition_not_allowed');
    const message = input.message?.trim() || null;
    if (!message && ['beantwoord', 'doorgezet', 'heropend'].includes(input.to)) throw fieldError('observation.message_required', 'message');
    const now = new Date();
    const patch: repo.ObservationPatch = { status: input.to };
    let newOwner: string | null = null;
    if (input.to === 'doorgezet') {
      if (!input.ownerUserId && !input.forwardedTo) throw fieldError('observation.forward_target_required', 'ownerUserId');
      if (input.ownerUserId) {
        const members = await listMembers(within(ctx, trx));
        if (!members.some((m) => m.userId === input.ownerUserId)) throw fieldError('observation.owner_not_member', 'ownerUserId');
        newOwner = input.ownerUserId;
        Object.assign(patch, { ownerUserId: newOwner, routedBy: 'forwarded' });
      }
      patch.forwardedTo = input.forwardedTo ?? null;
    }
    if (input.to === 'in_behandeling' && !before.ownerUserId) Object.assign(patch, { ownerUserId: ctx.actor!.userId, routedBy: 'manual' });
    if (input.to === 'beantwoord') patch.answeredAt = now;
    if (input.to === 'afgesloten') patch.closedAt = now;
    if (input.to === 'heropend') {
      Object.assign(patch, { answeredAt: null, closedAt: null });
      if (isAnsweredKind(before.kind)) patch.dueAt = addWorkingDays(now, (await getWorkspace(within(ctx, trx))).responseDays);
    }
    const after = await repo.updateObservation(trx, scope.id, id, patch);
    await repo.insertEvent(
      trx,
      event(ctx, after, {
        action: 'transition',
        fromStatus: from,
        toStatus: input.to,
        message,
        ownerUserId: newOwner ?? (patch.ownerUserId as string | undefined) ?? null,
        forwardedTo: patch.forwardedTo ?? null,
        dueAt: patch.dueAt ?? null,
        // an answer is for the reporter; never hidden
        internal: input.to === 'beantwoord' || input.to === 'heropend' ? false : input.internal,
      }),
    );
    await audit(trx, ctx, scope, 'transition', before, after);
    return after;
  });
  ctx.events.emit('observation.transitioned', { workspaceId: scope.id, id, to: input.to } satisfies TransitionedEvent);
  return present(ctx, ctx.db, scope, row);
}

/** Changes what was recorded (the reporter while it is new, or a coordinator); the guard applies again. */
export async function updateObservation(ctx: ServiceContext, id: string, input: UpdateObservationInput): Promise<ObservationView> {
  const scope = policy.authorize(ctx, 'observation.read');
  const row = await transaction(ctx.db, async (trx) => {
    const before = await findVisible(ctx, trx, scope, id);
    const view = await present(ctx, trx, scope, before);
    if (!view.can.update) throw new DomainError('auth.forbidden');
    const next = { title: input.title ?? before.title, text: input.text ?? before.text };
    const visibility = input.visibility ?? before.visibility;
    const marked = input.containsPersonalData ?? before.containsPersonalData;
    guardPersonalData(ctx, next, visibility, marked);
    // A new point or area is checked together with what stays: a point must lie in its area.
    const placeChanges = input.areaId !== undefined || input.point !== undefined;
    const point = input.point !== undefined ? input.point : before.lat !== null && before.lon !== null ? { lat: before.lat, lon: before.lon } : null;
    const areaId = placeChanges ? await placeOf(within(ctx, trx), input.areaId !== undefined ? input.areaId : before.areaId, point) : before.areaId;
    if (input.ladderNodeIds) {
      await checkNodes(within(ctx, trx), input.ladderNodeIds);
      await repo.replaceNodes(trx, scope.id, id, [...new Set(input.ladderNodeIds)]);
    }
    if (input.ruleIds) {
      await checkRules(within(ctx, trx), input.ruleIds);
      await repo.replaceRules(trx, scope.id, id, [...new Set(input.ruleIds)]);
    }
    const patch: repo.ObservationPatch = { ...next, visibility, containsPersonalData: marked };
    if (placeChanges) patch.areaId = areaId;
    if (input.point !== undefined) Object.assign(patch, { lat: input.point?.lat ?? null, lon: input.point?.lon ?? null });
    if (input.occurredAt !== undefined) patch.occurredAt = occurredAt(input.occurredAt);
    const after = await repo.updateObservation(trx, scope.id, id, patch, input.tags);
    await repo.insertEvent(trx, event(ctx, after, { action: 'updated', internal: true }));
    await audit(trx, ctx, scope, 'update', before, after);
    return after;
  });
  return present(ctx, ctx.db, scope, row);
}

/** Removes an observation with its history (beheerder only; recorded in the audit log). */
export async function deleteObservation(ctx: ServiceContext, id: string) {
  const scope = policy.authorize(ctx, 'observation.delete');
  await transaction(ctx.db, async (trx) => {
    const before = await findVisible(ctx, trx, scope, id);
    await repo.deleteObservations(trx, scope.id, [id]);
    await audit(trx, ctx, scope, 'delete', before, null);
  });
}

async function saveSatisfaction(ctx: ServiceContext, trx: Db, scope: { id: string }, before: repo.ObservationRow, input: { score: number; note?: string }) {
  if (before.status !== 'beantwoord' && before.status !== 'afgesloten') throw new DomainError('observation.rate_not_allowed');
  const after = await repo.updateObservation(trx, scope.id, before.id, { satisfaction: input.score, satisfactionNote: input.note?.trim() || null });
  await repo.insertEvent(trx, event(ctx, after, { action: 'satisfaction', message: `${input.score}/5${input.note ? ` — ${input.note}` : ''}` }));
  await audit(trx, ctx, scope, 'rate', before, after);
  return after;
}

/** The reporter says whether the answer helped (1–5, with an optional note). */
export async function rate(ctx: ServiceContext, id: string, input: { score: number; note?: string }): Promise<ObservationView> {
  const scope = policy.authorize(ctx, 'observation.read');
  const row = await transaction(ctx.db, async (trx) => {
    const before = await findVisible(ctx, trx, scope, id);
    if (before.reporterUserId !== ctx.actor!.userId) throw new DomainError('auth.forbidden');
    return saveSatisfaction(ctx, trx, scope, before, input);
  });
  return present(ctx, ctx.db, scope, row);
}

// Standard answers

const presentTemplate = (t: repo.TemplateRow) => ({ id: t.id, title: t.title, body: t.body, updatedAt: t.updatedAt.toISOString() });

export async function listTemplates(ctx: ServiceContext) {
  const scope = policy.authorize(ctx, 'observation.read');
  const items = (await repo.listTemplates(ctx.db, scope.id)).map(presentTemplate);
  return { items, total: items.length, can: { manage: policy.can(scope, 'template.manage') } };
}

export async function createTemplate(ctx: ServiceContext, input: { title: string; body: string }) {
  const scope = policy.authorize(ctx, 'template.manage');
  return transaction(ctx.db, async (trx) => {
    if (await repo.findTemplateByTitle(trx, scope.id, input.title)) throw fieldError('observation.template_taken', 'title');
    const row = await repo.insertTemplate(trx, { workspaceId: scope.id, id: newId(), ...input });
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'observation_template', entityId: row.id, label: row.title, action: 'create', after: row });
    return presentTemplate(row);
  });
}

export async function updateTemplate(ctx: ServiceContext, id: string, patch: { title?: string; body?: string }) {
  const scope = policy.authorize(ctx, 'template.manage');
  return transaction(ctx.db, async (trx) => {
    const before = await repo.findTemplate(trx, scope.id, id);
    if (!before) throw new DomainError('observation.template_not_found');
    if (patch.title && patch.title !== before.title && (await repo.findTemplateByTitle(trx, scope.id, patch.title))) throw fieldError('observation.template_taken', 'title');
    const after = await repo.updateTemplate(trx, scope.id, id, patch);
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'observation_template', entityId: id, label: after.title, action: 'update', before, after });
    return presentTemplate(after);
  });
}

export async function deleteTemplate(ctx: ServiceContext, id: string) {
  const scope = policy.authorize(ctx, 'template.manage');
  await transaction(ctx.db, async (trx) => {
    const before = await repo.findTemplate(trx, scope.id, id);
    if (!before) throw new DomainError('observation.template_not_found');
    await repo.deleteTemplate(trx, scope.id, id);
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'observation_template', entityId: id, label: before.title, action: 'delete', before });
  });
}

// Export

/** The columns of an export, in order (CSV and XLSX). */
export const EXPORT_COLUMNS = [
  'number',
  'id',
  'kind',
  'title',
  'text',
  'status',
  'visibility',
  'containsPersonalData',
  'area',
  'lat',
  'lon',
  'occurredAt',
  'createdAt',
  'owner',
  'dueAt',
  'answeredAt',
  'closedAt',
  'reporter',
  'source',
  'satisfaction',
  'tags',
  'ladderNodes',
  'rules',
] as const;

/** Every observation matching the filter that the member may see, as flat records (no contact details). */
export async function exportRecords(ctx: ServiceContext, query: Omit<ListQuery, 'limit' | 'offset'>) {
  const scope = policy.authorize(ctx, 'observation.export');
  const filter = await filterOf(ctx, query);
  const rows = await repo.exportRows(ctx.db, scope.id, access(ctx, scope), filter);
  const [names, links, ruleLinks] = await Promise.all([
    namesFor(ctx, ctx.db, rows.map((r) => r.areaId)),
    repo.nodeLinksOf(ctx.db, scope.id, rows.map((r) => r.id)),
    repo.ruleLinksOf(ctx.db, scope.id, rows.map((r) => r.id)),
  ]);
  const nodes = new Map((await nodeRefs(ctx, links.map((l) => l.nodeId))).map((n) => [n.id, n.code ?? n.title]));
  const nodesOf = new Map<string, string[]>();
  for (const l of links) nodesOf.set(l.observationId, [...(nodesOf.get(l.observationId) ?? []), nodes.get(l.nodeId) ?? l.nodeId]);
  // rules by code; a rule that no longer exists is left out
  const rules = new Map((await ruleRefs(ctx, ruleLinks.map((l) => l.ruleId))).map((r) => [r.id, r.code]));
  const rulesOf = new Map<string, string[]>();
  for (const l of ruleLinks) if (rules.has(l.ruleId)) rulesOf.set(l.observationId, [...(rulesOf.get(l.observationId) ?? []), rules.get(l.ruleId)!]);
  return rows.map((r) => ({
    number: r.number,
    id: r.id,
    kind: r.kind,
    title: r.title,
    text: r.text,
    status: r.status,
    visibility: r.visibility,
    containsPersonalData: r.containsPersonalData,
    area: r.areaId ? (names.area.get(r.areaId) ?? '') : '',
    lat: r.lat,
    lon: r.lon,
    occurredAt: r.occurredAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    owner: r.ownerUserId ? (names.member.get(r.ownerUserId) ?? '') : '',
    dueAt: iso(r.dueAt),
    answeredAt: iso(r.answeredAt),
    closedAt: iso(r.closedAt),
    reporter: r.reporterUserId ? (names.member.get(r.reporterUserId) ?? '') : 'bewoner',
    source: r.source,
    satisfaction: r.satisfaction,
    tags: r.tags.join(';'),
    ladderNodes: (nodesOf.get(r.id) ?? []).join(';'),
    rules: (rulesOf.get(r.id) ?? []).join(';'),
  }));
}

// The public side: residents without an account

/** A reader's context for a workspace's public side: no member, only the role lezer. */
function publicContext(base: ServiceContext, ws: Omit<WorkspaceScope, 'role'>, name = PUBLIC_ACTOR.name) {
  const scope: WorkspaceScope = { ...ws, role: 'lezer' };
  return { ctx: { ...base, actor: { ...PUBLIC_ACTOR, name }, workspace: scope } as ServiceContext, scope };
}

async function publicScope(base: ServiceContext, slug: string) {
  const ws = await findWorkspaceForPublicPage({ ...base, actor: PUBLIC_ACTOR }, slug);
  if (!ws) throw new DomainError('workspace.not_found');
  return publicContext(base, ws);
}

/**
 * A resident reports without an account. The report is routed like a member's; the resident
 * gets a private link (the token is shown once and stored only as a hash) to follow it,
 * reopen it and say whether the answer helped.
 */
export async function publicReport(base: ServiceContext, slug: string, input: PublicReportInput) {
  if (input.website) throw new DomainError('observation.spam');
  const { ctx, scope } = await publicScope(base, slug);
  const visibility = input.mayPublish ? 'public' : 'workspace';
  const hits = personalDataIn(input);
  // A resident cannot be asked to confirm afterwards: personal data is marked and kept out of public view.
  if (hits.length && input.mayPublish) guardPersonalData(ctx, input, 'public', false);
  const { areaId, teams, team } = await readForNew(ctx, input.areaId, input.point, [], true);
  const route = await routeFor(ctx, input.kind, areaId, team!, [], [], teams);
  const token = randomBytes(24).toString('base64url');
  const row = await transaction(ctx.db, async (trx) => {
    const row = await repo.insertObservation(
      trx,
      {
        ...emptyRow(scope.id, input.kind, input.title),
        text: input.text,
        areaId,
        lat: input.point?.lat ?? null,
        lon: input.point?.lon ?? null,
        visibility,
        containsPersonalData: hits.length > 0,
        ...route,
        reporterName: input.name ?? null,
        reporterEmail: input.email ?? null,
        reporterPhone: input.phone ?? null,
        accessTokenHash: sha256(token),
        source: 'public',
      },
      [],
    );
    await repo.insertEvent(trx, event(ctx, row, { action: 'created', toStatus: row.status, ownerUserId: row.ownerUserId, dueAt: row.dueAt }));
    await audit(trx, ctx, scope, 'create', null, row);
    return row;
  });
  ctx.events.emit('observation.created', { workspaceId: scope.id, id: row.id, kind: row.kind, ownerUserId: row.ownerUserId });
  ctx.events.emit('observation.reported', { workspaceId: scope.id, id: row.id, token } satisfies ReportedEvent);
  return { number: row.number, status: row.status as Status, token, followUpPath: `/melding/${token}` };
}

/** Public observations of a workspace, without anything personal: number, date, kind, title, area, status. */
export async function publicList(base: ServiceContext, slug: string, query: { kind?: string; status?: string; areaId?: string; limit: number; offset: number }) {
  const { ctx, scope } = await publicScope(base, slug);
  const areaIds = query.areaId ? await areaIdsWithin(ctx, query.areaId) : undefined;
  const { items, total } = await repo.publicList(ctx.db, scope.id, { kind: query.kind, status: query.status, areaIds }, query);
  const areas = new Map((await areaNames(ctx, items.map((i) => i.areaId).filter((a): a is string => !!a))).map((a) => [a.id, a.name]));
  return {
    workspaceName: scope.name,
    items: items.map((i) => ({
      number: i.number,
      kind: i.kind as Kind,
      title: i.title,
      status: i.status as Status,
      areaId: i.areaId,
      areaName: i.areaId ? (areas.get(i.areaId) ?? null) : null,
      point: i.lat !== null && i.lon !== null ? { lat: i.lat, lon: i.lon } : null,
      createdAt: i.createdAt.toISOString(),
    })),
    total,
  };
}

async function byToken(base: ServiceContext, token: string) {
  const row = await repo.findByTokenHash(base.db, sha256(token));
  const ws = row && (await findWorkspaceByIdForPublicPage(base, row.workspaceId));
  if (!row || !ws) throw new DomainError('observation.link_not_found');
  return { row, ...publicContext(base, ws, row.reporterName ?? PUBLIC_ACTOR.name) };
}

function presentFollowUp(ctx: ServiceContext, scope: WorkspaceScope, row: repo.ObservationRow, events: repo.EventRow[]) {
  return {
    number: row.number,
    workspaceName: scope.name,
    kind: row.kind as Kind,
    title: row.title,
    text: row.text,
    status: row.status as Status,
    createdAt: row.createdAt.toISOString(),
    dueAt: iso(row.dueAt),
    history: events
      .filter((e) => !e.internal && e.action !== 'updated')
      .map((e) => {
        const { internal: _internal, ownerName: _owner, ...entry } = presentEvent(e, new Map());
        return entry;
      }),
    satisfaction: row.satisfaction ? { score: row.satisfaction, note: row.satisfactionNote } : null,
    can: { reopen: TRANSITIONS[row.status as Status].includes('heropend'), rate: row.status === 'beantwoord' || row.status === 'afgesloten' },
  };
}

/** The resident's view of their own report through the private link: every answer, no internal notes. */
export async function followUp(base: ServiceContext, token: string) {
  const { row, ctx, scope } = await byToken(base, token);
  return presentFollowUp(ctx, scope, row, await repo.eventsOf(ctx.db, scope.id, row.id));
}

/** The resident reopens their report because the answer did not solve it; it gets a new due date. */
export async function reopenByToken(base: ServiceContext, token: string, message: string) {
  const { row, ctx, scope } = await byToken(base, token);
  const after = await transaction(ctx.db, async (trx) => {
    const before = (await repo.findObservation(trx, scope.id, row.id))!;
    if (!TRANSITIONS[before.status as Status].includes('heropend')) {
      throw new DomainError('observation.illegal_transition', { from: statusName(before.status, ctx.locale), to: statusName('heropend', ctx.locale), allowed: TRANSITIONS[before.status as Status].map((s) => statusName(s, ctx.locale)).join(', ') });
    }
    const dueAt = isAnsweredKind(before.kind) ? addWorkingDays(new Date(), (await getWorkspace(within(ctx, trx))).responseDays) : before.dueAt;
    const after = await repo.updateObservation(trx, scope.id, row.id, { status: 'heropend', answeredAt: null, closedAt: null, dueAt });
    await repo.insertEvent(trx, event(ctx, after, { action: 'transition', fromStatus: before.status, toStatus: 'heropend', message, dueAt }));
    await audit(trx, ctx, scope, 'transition', before, after);
    return after;
  });
  return presentFollowUp(ctx, scope, after, await repo.eventsOf(ctx.db, scope.id, row.id));
}

/** The resident says whether the answer helped. */
export async function rateByToken(base: ServiceContext, token: string, input: { score: number; note?: string }) {
  const { row, ctx, scope } = await byToken(base, token);
  const after = await transaction(ctx.db, (trx) => saveSatisfaction(ctx, trx, scope, row, input));
  return presentFollowUp(ctx, scope, after, await repo.eventsOf(ctx.db, scope.id, row.id));
}

/**
 * For learning cycles (the evidence pack of a session): the observations of a scope — linked
 * to one of `nodeIds` (an action line and its interventions), or in one of `areaIds`, or the
 * whole workspace when both are absent — that occurred between `since` and `until` (dates,
 * inclusive), are overdue now, or are among `includeIds`. Only what the member may see;
 * overdue first, then newest; at most 500.
 */
export async function observationsInScope(ctx: ServiceContext, f: { nodeIds?: readonly string[]; areaIds?: readonly string[]; since: string; until: string; includeIds?: readonly string[] }) {
  const scope = policy.authorize(ctx, 'observation.read');
  const rows = await repo.inScopeForLearning(ctx.db, scope.id, access(ctx, scope), { ...f, limit: 500 });
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    kind: r.kind as Kind,
    title: r.title,
    status: r.status as Status,
    areaId: r.areaId,
    occurredAt: r.occurredAt.toISOString(),
    dueAt: iso(r.dueAt),
    overdue: !!r.overdue,
  }));
}
