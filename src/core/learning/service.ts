import { recordAudit } from '../../platform/audit';
import type { ServiceContext, WorkspaceScope } from '../../platform/context';
import { transaction, type Db } from '../../platform/db/database';
import { DomainError, type FieldError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { areaIdsWithin, areaNames } from '../areas/service';
import { assumptionsOfActionLines, listNodes, nodeRefs, traceNode, updateAssumption } from '../ladder/service';
import type { TraceDown } from '../ladder/schema';
import { listSelected } from '../observations/msc.service';
import { observationRefs, observationsInScope } from '../observations/service';
import { localDate } from '../../platform/workdays';
import { movedMeasurements } from '../indicators/service';
import { deviationRefsForLearning, deviationsForLearning, ruleRefsForLearning } from '../rules/service';
import { listMembers, listPartners } from '../workspaces/service';
import { learningPolicy as policy } from './policies';
import * as repo from './repository';
import {
  COURSE_CHANGES,
  DEFAULT_ROUNDS,
  LONG_OPEN_DAYS,
  type AgendaQuestion,
  type AssumptionUpdateInput,
  type CreateCycleInput,
  type CreateSessionInput,
  type DecisionInput,
  type EvidenceItem,
  type EvidencePack,
  type QuestionView,
  type Scope,
  type ScopeKind,
  type SessionView,
} from './schema';

const within = (ctx: ServiceContext, db: Db): ServiceContext => ({ ...ctx, db });
const fieldError = (id: string, path: string, params: Record<string, string | number> = {}) => new DomainError(id, params, [{ path, message: id }]);
const DAY = 86_400_000;
/** Today in the Netherlands. */
const today = () => localDate(new Date());
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
const iso = (d: Date) => d.toISOString();
const actorId = (ctx: ServiceContext) => (ctx.actor && ctx.actor.via !== 'cli' ? ctx.actor.userId : null);
const audit = (trx: Db, ctx: ServiceContext, scope: WorkspaceScope, entity: string, entityId: string, action: string, after: Record<string, unknown> | null, label?: string, before?: Record<string, unknown> | null) =>
  recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity, entityId, action, after: after ? flat(after) : null, before: before ? flat(before) : null, label });
/** JSON-ish fields as text, so the audit log shows them whole. */
const flat = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Array.isArray(v) || (v && typeof v === 'object' && !(v instanceof Date)) ? JSON.stringify(v) : v]));

async function findOr<K extends Parameters<typeof repo.find>[1]>(db: Db, table: K, scope: WorkspaceScope, id: string, error: string) {
  const row = await repo.find(db, table, scope.id, id);
  if (!row) throw new DomainError(error);
  return row;
}

// Scope: an action line (with its interventions), an area (with the areas inside it), or the workspace

async function checkScope(ctx: ServiceContext, s: Scope, path = 'scope.id') {
  if (s.kind === 'workspace') {
    if (s.id) throw fieldError('learning.scope_id_not_allowed', path);
    return;
  }
  if (!s.id) throw fieldError('learning.scope_id_required', path);
  if (s.kind === 'action_line') {
    const [node] = await nodeRefs(ctx, [s.id]);
    if (!node || node.rung !== 'action_line') throw fieldError('learning.scope_not_action_line', path);
  } else if ((await areaNames(ctx, [s.id])).length === 0) throw fieldError('learning.area_not_found', path);
}

/** Names of the action lines and areas of these scopes. */
async function scopeNames(ctx: ServiceContext, scopes: { scopeKind: string; scopeId: string | null }[]) {
  const lines = scopes.filter((s) => s.scopeKind === 'action_line').map((s) => s.scopeId!);
  const areas = scopes.filter((s) => s.scopeKind === 'area').map((s) => s.scopeId!);
  const [nodes, places] = await Promise.all([lines.length ? nodeRefs(ctx, lines) : [], areas.length ? areaNames(ctx, areas) : []]);
  const names = new Map<string, string>([...nodes.map((n) => [n.id, n.code ? `${n.code} ${n.title}` : n.title] as const), ...places.map((a) => [a.id, a.name] as const)]);
  return (s: { scopeKind: string; scopeId: string | null }) => ({
    kind: s.scopeKind as ScopeKind,
    id: s.scopeId,
    name: s.scopeKind === 'workspace' ? (ctx.locale === 'en' ? 'Whole workspace' : 'Hele werkruimte') : (names.get(s.scopeId!) ?? '?'),
  });
}

interface ScopeFilter {
  nodeIds?: string[];
  areaIds?: string[];
  /** The action lines a session of this scope decides on. */
  actionLineIds: string[];
}

/**
 * What a scope covers. An action line: itself and everything below it on the ladder (its
 * interventions). An area: the area and the areas inside it, and the action lines linked to
 * it. The workspace: everything.
 */
async function scopeFilter(ctx: ServiceContext, s: { scopeKind: string; scopeId: string | null }): Promise<ScopeFilter> {
  if (s.scopeKind === 'action_line') {
    const { down } = await traceNode(ctx, s.scopeId!);
    const ids = new Set<string>([s.scopeId!]);
    const walk = (nodes: TraceDown[]) => nodes.forEach((n) => (ids.add(n.id), walk(n.children)));
    walk(down);
    return { nodeIds: [...ids], actionLineIds: [s.scopeId!] };
  }
  if (s.scopeKind === 'area') {
    const [inside, lines] = await Promise.all([areaIdsWithin(ctx, s.scopeId!), listNodes(ctx, { rung: 'action_line', areaId: s.scopeId!, limit: 500, offset: 0 })]);
    return { areaIds: [...new Set([s.scopeId!, ...inside])], actionLineIds: lines.items.map((n) => n.id) };
  }
  const lines = await listNodes(ctx, { rung: 'action_line', limit: 500, offset: 0 });
  return { actionLineIds: lines.items.map((n) => n.id) };
}

/** The assumptions of the theories of change of these action lines. */
async function assumptionsOf(ctx: ServiceContext, actionLineIds: readonly string[]) {
  const [assumptions, lines] = await Promise.all([assumptionsOfActionLines(ctx, actionLineIds), nodeRefs(ctx, actionLineIds)]);
  const title = new Map(lines.map((n) => [n.id, n.code ? `${n.code} ${n.title}` : n.title]));
  return assumptions.map((a) => ({ id: a.id, actionLineId: a.actionLineId, actionLineTitle: title.get(a.actionLineId) ?? '?', text: a.text, status: a.status, statusDate: a.statusDate }));
}

// Evidence items

/**
 * Checks that every evidence item exists in this workspace and that the member may see it;
 * assumptions must belong to one of `actionLineIds`. Throws a field error at the first that does not.
 */
async function checkEvidence(ctx: ServiceContext, scope: WorkspaceScope, items: readonly EvidenceItem[], path: string, actionLineIds: readonly string[]) {
  if (items.length === 0) return;
  const idsOf = (kind: EvidenceItem['kind']) => items.filter((i) => i.kind === kind).map((i) => i.id);
  const known = new Set<string>();
  const add = (ids: string[]) => ids.forEach((id) => known.add(id));
  if (idsOf('observation').length) add((await observationRefs(ctx, idsOf('observation'))).map((o) => `observation:${o.id}`));
  if (idsOf('deviation').length) add((await deviationRefsForLearning(ctx, idsOf('deviation'))).map((d) => `deviation:${d.id}`));
  if (idsOf('rule').length) add((await ruleRefsForLearning(ctx, idsOf('rule'))).map((r) => `rule:${r.id}`));
  if (idsOf('session').length) add((await repo.where(ctx.db, 'learningSessions', scope.id, 'id', idsOf('session'))).map((s) => `session:${s.id}`));
  if (idsOf('outcome').length) add((await repo.where(ctx.db, 'learningOutcomes', scope.id, 'id', idsOf('outcome'))).map((o) => `outcome:${o.id}`));
  if (idsOf('assumption').length) add((await assumptionsOf(ctx, actionLineIds)).map((a) => `assumption:${a.id}`));
  // measurement: there are no indicators yet, so no measurement can be found
  const missing = items.findIndex((i) => !known.has(`${i.kind}:${i.id}`));
  if (missing >= 0) throw fieldError('learning.evidence_not_found', `${path}.${missing}.id`);
}

/** Labels for evidence items, for reading (board decisions, minutes). Items that can no longer be found keep their kind. */
async function labelEvidence(ctx: ServiceContext, scope: WorkspaceScope, items: readonly EvidenceItem[]) {
  const idsOf = (kind: EvidenceItem['kind']) => items.filter((i) => i.kind === kind).map((i) => i.id);
  const labels = new Map<string, string>();
  const [obs, devs, rules, sessions, outcomes] = await Promise.all([
    idsOf('observation').length ? observationRefs(ctx, idsOf('observation')) : [],
    idsOf('deviation').length ? deviationRefsForLearning(ctx, idsOf('deviation')) : [],
    idsOf('rule').length ? ruleRefsForLearning(ctx, idsOf('rule')) : [],
    repo.where(ctx.db, 'learningSessions', scope.id, 'id', idsOf('session')),
    repo.where(ctx.db, 'learningOutcomes', scope.id, 'id', idsOf('outcome')),
  ]);
  obs.forEach((o) => labels.set(o.id, `#${o.number} ${o.title}`));
  devs.forEach((d) => labels.set(d.id, `${d.occurredOn}: ${d.situation.slice(0, 120)}`));
  rules.forEach((r) => labels.set(r.id, `${r.code} ${r.title}`));
  sessions.forEach((s) => labels.set(s.id, `${s.title} (${s.heldOn})`));
  outcomes.forEach((o) => labels.set(o.id, `${o.socialActor}: ${o.change.slice(0, 120)}`));
  const kindName: Record<EvidenceItem['kind'], string> = { observation: 'Waarneming', deviation: 'Afwijking', assumption: 'Aanname', measurement: 'Meting', session: 'Sessie', outcome: 'Oogst', rule: 'Regel' };
  return items.map((i) => ({ ...i, label: labels.get(i.id) ?? kindName[i.kind] }));
}

// Cycles

async function presentCycles(ctx: ServiceContext, rows: repo.CycleRow[]) {
  const scope = ctx.workspace!;
  const [stats, names] = await Promise.all([repo.cycleStats(ctx.db, scope.id, rows.map((r) => r.id)), scopeNames(ctx, rows)]);
  return rows.map((r) => {
    const s = stats.get(r.id)!;
    return {
      id: r.id,
      title: r.title,
      scope: names(r),
      cadenceWeeks: r.cadenceWeeks,
      startedOn: r.startedOn,
      sessions: s.sessions,
      lastSessionOn: s.lastSessionOn,
      nextSessionDue: addDays(s.lastSessionOn ?? r.startedOn, r.cadenceWeeks * 7),
      openActions: s.openActions,
    };
  });
}

/** The learning cycles of the workspace, by title; filtered by scope. */
export async function listCycles(ctx: ServiceContext, query: { scopeKind?: string; scopeId?: string; limit: number; offset: number }) {
  const scope = policy.authorize(ctx, 'learning.read');
  const { items, total } = await repo.listCycles(ctx.db, scope.id, query);
  return { items: await presentCycles(ctx, items), total, can: { create: policy.can(scope, 'learning.facilitate') } };
}

/** One cycle with its participants and sessions. */
export async function getCycle(ctx: ServiceContext, id: string) {
  const scope = policy.authorize(ctx, 'learning.read');
  const row = await findOr(ctx.db, 'learningCycles', scope, id, 'learning.cycle_not_found');
  const [[summary], participants, sessions] = await Promise.all([presentCycles(ctx, [row]), repo.participantsOf(ctx.db, scope.id, id), repo.sessionsOfCycle(ctx.db, scope.id, id)]);
  return {
    ...summary,
    participants: participants.map(presentParticipant),
    sessionList: sessions.map((s, i) => presentSessionSummary(s, row.title, i + 1)),
    can: { manage: policy.can(scope, 'learning.facilitate') },
  };
}

const presentParticipant = (p: repo.ParticipantRow) => ({ id: p.id, userId: p.userId, partnerId: p.partnerId, name: p.name, guest: !p.userId });

/** Starts a learning cycle for an action line, an area or the whole workspace, with its cadence and participants. */
export async function createCycle(ctx: ServiceContext, input: CreateCycleInput) {
  const scope = policy.authorize(ctx, 'learning.facilitate');
  await checkScope(ctx, input.scope);
  const participants = await checkParticipants(ctx, input.participants ?? []);
  const names = await scopeNames(ctx, [{ scopeKind: input.scope.kind, scopeId: input.scope.id ?? null }]);
  const title = input.title ?? `Leercyclus ${names({ scopeKind: input.scope.kind, scopeId: input.scope.id ?? null }).name}`;
  const row = await transaction(ctx.db, async (trx) => {
    const row = await repo.insert(trx, 'learningCycles', {
      workspaceId: scope.id,
      id: newId(),
      title,
      scopeKind: input.scope.kind,
      scopeId: input.scope.id ?? null,
      cadenceWeeks: input.cadenceWeeks,
      startedOn: input.startedOn ?? today(),
    });
    await repo.insertMany(
      trx,
      'learningParticipants',
      participants.map((p, position) => ({ workspaceId: scope.id, id: newId(), cycleId: row.id, position, ...p })),
    );
    await audit(trx, ctx, scope, 'learning_cycle', row.id, 'create', { ...row, participants: participants.map((p) => p.name).join(', ') });
    return row;
  });
  return getCycle(ctx, row.id);
}

async function checkParticipants(ctx: ServiceContext, input: NonNullable<CreateCycleInput['participants']>) {
  if (input.length === 0) return [];
  const [members, partners] = await Promise.all([listMembers(ctx), listPartners(ctx)]);
  return input.map((p, i) => {
    if (p.partnerId && !partners.some((x) => x.id === p.partnerId)) throw fieldError('learning.partner_not_found', `participants.${i}.partnerId`);
    if (p.userId) {
      const m = members.find((x) => x.userId === p.userId);
      if (!m) throw fieldError('learning.not_member', `participants.${i}.userId`);
      return { userId: m.userId, partnerId: p.partnerId ?? null, name: m.name };
    }
    if (!p.name) throw fieldError('learning.participant_incomplete', `participants.${i}.name`);
    const partner = partners.find((x) => x.id === p.partnerId);
    return { userId: null, partnerId: p.partnerId ?? null, name: partner ? `${p.name} (${partner.name})` : p.name };
  });
}

/** Adds participants to a cycle: members, or guests of partner organisations by name. */
export async function addParticipants(ctx: ServiceContext, cycleId: string, input: NonNullable<CreateCycleInput['participants']>) {
  const scope = policy.authorize(ctx, 'learning.facilitate');
  await findOr(ctx.db, 'learningCycles', scope, cycleId, 'learning.cycle_not_found');
  const participants = await checkParticipants(ctx, input);
  await transaction(ctx.db, async (trx) => {
    const existing = await repo.participantsOf(trx, scope.id, cycleId);
    const rows = participants.map((p, i) => ({ workspaceId: scope.id, id: newId(), cycleId, position: existing.length + i, ...p }));
    await repo.insertMany(trx, 'learningParticipants', rows);
    for (const r of rows) await audit(trx, ctx, scope, 'learning_participant', r.id, 'create', r, r.name);
  });
  return getCycle(ctx, cycleId);
}

// Sessions

const presentSessionSummary = (s: repo.SessionRow, cycleTitle: string, number: number) => ({
  id: s.id,
  cycleId: s.cycleId,
  cycleTitle,
  date: s.heldOn,
  title: s.title,
  kind: s.kind as 'reflection' | 'timeline',
  status: s.status as 'planned' | 'held',
  number,
});

/** Sessions of the workspace (a calendar), newest first; of one cycle or a period. */
export async function listSessions(ctx: ServiceContext, query: { cycleId?: string; from?: string; to?: string; limit: number; offset: number }) {
  const scope = policy.authorize(ctx, 'learning.read');
  const { items, total } = await repo.listSessions(ctx.db, scope.id, query);
  return { items: items.map((s) => presentSessionSummary(s, s.cycleTitle, Number(s.number))), total };
}

/** Plans a session of a cycle on a date, with its rounds ("Wat zagen we? / Wat betekent het? / Wat nu?" unless given). */
export async function createSession(ctx: ServiceContext, cycleId: string, input: CreateSessionInput): Promise<SessionView> {
  const scope = policy.authorize(ctx, 'learning.facilitate');
  const cycle = await findOr(ctx.db, 'learningCycles', scope, cycleId, 'learning.cycle_not_found');
  const id = await transaction(ctx.db, async (trx) => {
    const count = (await repo.sessionsOfCycle(trx, scope.id, cycleId)).length;
    const kind = input.kind ?? 'reflection';
    const row = await repo.insert(trx, 'learningSessions', {
      workspaceId: scope.id,
      id: newId(),
      cycleId,
      heldOn: input.date,
      title: input.title ?? (kind === 'timeline' ? `Tijdlijnworkshop ${cycle.title}` : `Sessie ${count + 1}: ${cycle.title}`),
      kind,
      status: 'planned',
      facilitatorUserId: actorId(ctx),
    });
    const rounds = input.rounds ?? (kind === 'reflection' ? DEFAULT_ROUNDS : []);
    await repo.insertMany(
      trx,
      'learningRounds',
      rounds.map((r, position) => ({ workspaceId: scope.id, id: newId(), sessionId: row.id, position, title: r.title, prompt: r.prompt ?? '', minutesEach: ('minutesEach' in r ? r.minutesEach : undefined) ?? 3 })),
    );
    await audit(trx, ctx, scope, 'learning_session', row.id, 'create', row);
    return row.id;
  });
  return getSession(ctx, id);
}

/** One session: its rounds with every contribution and whose turn it is, insights, decisions, assumption updates, actions and agenda version. */
export async function getSession(ctx: ServiceContext, id: string): Promise<SessionView> {
  const scope = policy.authorize(ctx, 'learning.read');
  const s = await findOr(ctx.db, 'learningSessions', scope, id, 'learning.session_not_found');
  const cycle = (await repo.find(ctx.db, 'learningCycles', scope.id, s.cycleId))!;
  const [sessions, participants, rounds, contributions, insights, decisions, updates, actions, agenda, names, members] = await Promise.all([
    repo.sessionsOfCycle(ctx.db, scope.id, s.cycleId),
    repo.participantsOf(ctx.db, scope.id, s.cycleId),
    repo.roundsOf(ctx.db, scope.id, id),
    repo.contributionsOf(ctx.db, scope.id, id),
    repo.ofSession(ctx.db, 'learningInsights', scope.id, id),
    repo.ofSession(ctx.db, 'learningDecisions', scope.id, id),
    repo.ofSession(ctx.db, 'learningAssumptionUpdates', scope.id, id),
    repo.ofSession(ctx.db, 'learningActions', scope.id, id),
    repo.agendaOf(ctx.db, scope.id, id),
    scopeNames(ctx, [cycle]),
    listMembers(ctx),
  ]);
  const lines = new Map((await nodeRefs(ctx, decisions.map((d) => d.actionLineId))).map((n) => [n.id, n.code ? `${n.code} ${n.title}` : n.title]));
  const nameOf = new Map(participants.map((p) => [p.id, p.name]));
  const memberName = new Map(members.map((m) => [m.userId, m.name]));
  return {
    ...presentSessionSummary(s, cycle.title, sessions.findIndex((x) => x.id === id) + 1),
    scope: names(cycle),
    participants: participants.map(presentParticipant),
    rounds: rounds.map((r) => {
      const said = contributions.filter((c) => c.roundId === r.id);
      return {
        id: r.id,
        position: r.position,
        title: r.title,
        prompt: r.prompt,
        minutesEach: r.minutesEach,
        contributions: said.map((c) => ({ id: c.id, participantId: c.participantId, participantName: nameOf.get(c.participantId) ?? '?', text: c.text })),
        nextParticipantId: participants.find((p) => !said.some((c) => c.participantId === p.id))?.id ?? null,
      };
    }),
    insights: insights.map((i) => ({ id: i.id, text: i.text })),
    decisions: decisions.map((d) => presentDecision(d, lines)),
    assumptionUpdates: updates.map((u) => ({
      id: u.id,
      actionLineId: u.actionLineId,
      assumptionId: u.assumptionId,
      assumptionText: u.assumptionText,
      fromStatus: u.fromStatus as 'untested',
      toStatus: u.toStatus as 'untested',
      rationale: u.rationale,
      evidence: u.evidence,
    })),
    actions: actions.map((a) => presentAction(a, s.heldOn, memberName)),
    agenda: agenda ? presentAgenda(agenda) : null,
    can: { manage: policy.can(scope, 'learning.facilitate') },
  };
}

const presentDecision = (d: repo.DecisionRow, lines: Map<string, string>) => ({
  id: d.id,
  sessionId: d.sessionId,
  actionLineId: d.actionLineId,
  actionLineTitle: lines.get(d.actionLineId) ?? '?',
  decision: d.decision as 'keep',
  rationale: d.rationale,
  evidence: d.evidence,
  createdAt: iso(d.createdAt),
});
const presentAction = (a: repo.ActionRow, sessionDate: string, names: Map<string, string>) => ({
  id: a.id,
  cycleId: a.cycleId,
  sessionId: a.sessionId,
  sessionDate,
  what: a.what,
  whoUserId: a.whoUserId,
  whoName: names.get(a.whoUserId) ?? '?',
  dueOn: a.dueOn,
  status: a.status as 'open' | 'done',
  overdue: a.status === 'open' && a.dueOn < today(),
});
const presentAgenda = (v: repo.AgendaVersionRow) => ({ id: v.id, sessionId: v.sessionId, takenOn: v.takenOn, questions: v.questions });

/** Changes a session's date, title or status; when it is marked held, the learning agenda as it stands is kept with it (if not already). */
export async function updateSession(ctx: ServiceContext, id: string, patch: { date?: string; title?: string; status?: 'planned' | 'held' }) {
  const scope = policy.authorize(ctx, 'learning.facilitate');
  await transaction(ctx.db, async (trx) => {
    const before = await findOr(trx, 'learningSessions', scope, id, 'learning.session_not_found');
    const after = await repo.update(trx, 'learningSessions', scope.id, id, { ...(patch.date ? { heldOn: patch.date } : {}), ...(patch.title ? { title: patch.title } : {}), ...(patch.status ? { status: patch.status } : {}) });
    await audit(trx, ctx, scope, 'learning_session', id, 'update', after, after.title, before);
    if (after.status === 'held' && !(await repo.agendaOf(trx, scope.id, id))) await snapshotAgenda(within(ctx, trx), scope, after);
  });
  return getSession(ctx, id);
}

async function sessionWithCycle(db: Db, scope: WorkspaceScope, id: string) {
  const session = await findOr(db, 'learningSessions', scope, id, 'learning.session_not_found');
  const cycle = (await repo.find(db, 'learningCycles', scope.id, session.cycleId))!;
  return { session, cycle };
}

// Rounds and contributions

/** Adds a round to a session. */
export async function addRound(ctx: ServiceContext, sessionId: string, input: { title: string; prompt?: string; minutesEach?: number }) {
  const scope = policy.authorize(ctx, 'learning.facilitate');
  await transaction(ctx.db, async (trx) => {
    await findOr(trx, 'learningSessions', scope, sessionId, 'learning.session_not_found');
    const position = (await repo.roundsOf(trx, scope.id, sessionId)).length;
    const row = await repo.insert(trx, 'learningRounds', { workspaceId: scope.id, id: newId(), sessionId, position, title: input.title, prompt: input.prompt ?? '', minutesEach: input.minutesEach ?? 3 });
    await audit(trx, ctx, scope, 'learning_round', row.id, 'create', row);
  });
  return getSession(ctx, sessionId);
}

/** The facilitator records what a participant said in a round, in turn. */
export async function addContribution(ctx: ServiceContext, sessionId: string, roundId: string, input: { participantId: string; text: string }) {
  const scope = policy.authorize(ctx, 'learning.facilitate');
  await transaction(ctx.db, async (trx) => {
    const { session } = await sessionWithCycle(trx, scope, sessionId);
    const round = await repo.find(trx, 'learningRounds', scope.id, roundId);
    if (!round || round.sessionId !== sessionId) throw new DomainError('learning.round_not_found');
    const participant = await repo.find(trx, 'learningParticipants', scope.id, input.participantId);
    if (!participant || participant.cycleId !== session.cycleId) throw fieldError('learning.participant_not_found', 'participantId');
    const row = await repo.insert(trx, 'learningContributions', { workspaceId: scope.id, id: newId(), sessionId, roundId, participantId: participant.id, text: input.text, recordedBy: actorId(ctx) });
    await audit(trx, ctx, scope, 'learning_contribution', row.id, 'create', { roundId, participantId: participant.id }, `${round.title} — ${participant.name}`);
  });
  return getSession(ctx, sessionId);
}

/** Records an insight of the session. */
export async function addInsight(ctx: ServiceContext, sessionId: string, input: { text: string }) {
  const scope = policy.authorize(ctx, 'learning.facilitate');
  await transaction(ctx.db, async (trx) => {
    await findOr(trx, 'learningSessions', scope, sessionId, 'learning.session_not_found');
    const row = await repo.insert(trx, 'learningInsights', { workspaceId: scope.id, id: newId(), sessionId, text: input.text });
    await audit(trx, ctx, scope, 'learning_insight', row.id, 'create', row, input.text.slice(0, 200));
  });
  return getSession(ctx, sessionId);
}

// Decisions and assumptions

/**
 * Records the session's decision on an action line in its scope: keep, more, better,
 * different or stop, with the rationale and the evidence it rests on. Doing something
 * different or stopping needs both a rationale and at least one piece of evidence.
 */
export async function recordDecision(ctx: ServiceContext, sessionId: string, input: DecisionInput) {
  const scope = policy.authorize(ctx, 'learning.facilitate');
  const rationale = input.rationale?.trim() ?? '';
  const evidence = input.evidence ?? [];
  if (COURSE_CHANGES.includes(input.decision)) {
    const fields: FieldError[] = [];
    if (!rationale) fields.push({ path: 'rationale', message: 'learning.rationale_required' });
    if (evidence.length === 0) fields.push({ path: 'evidence', message: 'learning.evidence_required' });
    if (fields.length) throw new DomainError(fields[0].message, {}, fields);
  }
  const { cycle } = await sessionWithCycle(ctx.db, scope, sessionId);
  const { actionLineIds } = await scopeFilter(ctx, cycle);
  if (!actionLineIds.includes(input.actionLineId)) throw fieldError('learning.action_line_out_of_scope', 'actionLineId');
  await checkEvidence(ctx, scope, evidence, 'evidence', actionLineIds);
  const row = await transaction(ctx.db, async (trx) => {
    const row = await repo.insert(trx, 'learningDecisions', { workspaceId: scope.id, id: newId(), sessionId, actionLineId: input.actionLineId, decision: input.decision, rationale, evidence, decidedBy: actorId(ctx) });
    await audit(trx, ctx, scope, 'learning_decision', row.id, 'create', row, input.decision);
    return row;
  });
  const lines = new Map((await nodeRefs(ctx, [row.actionLineId])).map((n) => [n.id, n.code ? `${n.code} ${n.title}` : n.title]));
  return presentDecision(row, lines);
}

/**
 * Changes the status of an assumption of a theory of change in scope (e.g. doubtful →
 * refuted) through the ladder, which keeps the history on the link, and records in the
 * session which assumption changed, why and on what evidence.
 */
export async function updateAssumptionInSession(ctx: ServiceContext, sessionId: string, input: AssumptionUpdateInput) {
  const scope = policy.authorize(ctx, 'learning.facilitate');
  const { session, cycle } = await sessionWithCycle(ctx.db, scope, sessionId);
  const { actionLineIds } = await scopeFilter(ctx, cycle);
  const assumption = (await assumptionsOf(ctx, actionLineIds)).find((a) => a.id === input.assumptionId);
  if (!assumption) throw fieldError('learning.assumption_out_of_scope', 'assumptionId');
  const evidence = input.evidence ?? [];
  await checkEvidence(ctx, scope, evidence, 'evidence', actionLineIds);
  await transaction(ctx.db, async (trx) => {
    await updateAssumption(within(ctx, trx), assumption.actionLineId, assumption.id, {
      status: input.status,
      evidence: input.rationale,
      reason: `${session.title} (${session.heldOn}): ${input.rationale}`,
    });
    const row = await repo.insert(trx, 'learningAssumptionUpdates', {
      workspaceId: scope.id,
      id: newId(),
      sessionId,
      actionLineId: assumption.actionLineId,
      assumptionId: assumption.id,
      assumptionText: assumption.text,
      fromStatus: assumption.status,
      toStatus: input.status,
      rationale: input.rationale,
      evidence,
    });
    await audit(trx, ctx, scope, 'learning_assumption_update', row.id, 'create', row, assumption.text.slice(0, 200));
  });
  return getSession(ctx, sessionId);
}

// Actions

async function checkMember(ctx: ServiceContext, userId: string, path: string) {
  const m = (await listMembers(ctx)).find((x) => x.userId === userId);
  if (!m) throw fieldError('learning.not_member', path);
  return m;
}

/** Records an action agreed in the session: what, who, by when. It returns in every next session's evidence until done. */
export async function createAction(ctx: ServiceContext, sessionId: string, input: { what: string; whoUserId: string; dueOn: string }) {
  const scope = policy.authorize(ctx, 'learning.facilitate');
  await checkMember(ctx, input.whoUserId, 'whoUserId');
  await transaction(ctx.db, async (trx) => {
    const session = await findOr(trx, 'learningSessions', scope, sessionId, 'learning.session_not_found');
    const row = await repo.insert(trx, 'learningActions', { workspaceId: scope.id, id: newId(), cycleId: session.cycleId, sessionId, what: input.what, whoUserId: input.whoUserId, dueOn: input.dueOn, status: 'open', doneAt: null });
    await audit(trx, ctx, scope, 'learning_action', row.id, 'create', row, input.what.slice(0, 200));
  });
  return getSession(ctx, sessionId);
}

async function presentActions(ctx: ServiceContext, scope: WorkspaceScope, rows: repo.ActionRow[]) {
  const [sessions, members] = await Promise.all([repo.where(ctx.db, 'learningSessions', scope.id, 'id', [...new Set(rows.map((r) => r.sessionId))]), listMembers(ctx)]);
  const dateOf = new Map(sessions.map((s) => [s.id, s.heldOn]));
  const names = new Map(members.map((m) => [m.userId, m.name]));
  return rows.map((a) => presentAction(a, dateOf.get(a.sessionId) ?? '', names));
}

/** Actions of the workspace or of one cycle, by due date. */
export async function listActions(ctx: ServiceContext, query: { cycleId?: string; status?: string; limit: number; offset: number }) {
  const scope = policy.authorize(ctx, 'learning.read');
  const { items, total } = await repo.listActions(ctx.db, scope.id, query);
  return { items: await presentActions(ctx, scope, items), total };
}

/** Marks an action done (or open again), or changes what, who or when. The person it is assigned to may mark it done too. */
export async function updateAction(ctx: ServiceContext, id: string, patch: { status?: 'open' | 'done'; what?: string; dueOn?: string; whoUserId?: string }) {
  const scope = policy.authorize(ctx, 'learning.read');
  const before = await findOr(ctx.db, 'learningActions', scope, id, 'learning.action_not_found');
  const onlyStatus = Object.keys(patch).every((k) => k === 'status');
  if (!policy.can(scope, 'learning.facilitate') && !(onlyStatus && before.whoUserId === ctx.actor!.userId)) throw new DomainError('auth.forbidden');
  if (patch.whoUserId) await checkMember(ctx, patch.whoUserId, 'whoUserId');
  const after = await transaction(ctx.db, async (trx) => {
    const changes: Partial<repo.ActionRow> = { ...patch, ...(patch.status && patch.status !== before.status ? { doneAt: patch.status === 'done' ? new Date() : null } : {}) };
    const after = Object.keys(changes).length ? await repo.update(trx, 'learningActions', scope.id, id, changes) : before;
    await audit(trx, ctx, scope, 'learning_action', id, 'update', after, after.what.slice(0, 200), before);
    return after;
  });
  return (await presentActions(ctx, scope, [after]))[0];
}

// The learning agenda

const presentQuestion = (q: repo.QuestionRow, on = today()): QuestionView => {
  const daysOpen = Math.max(0, daysBetween(q.openedOn, on));
  return {
    id: q.id,
    cycleId: q.cycleId,
    text: q.text,
    source: q.source,
    ladderNodeId: q.ladderNodeId,
    status: q.status as 'open',
    provisionalAnswer: q.provisionalAnswer,
    openedOn: q.openedOn,
    daysOpen,
    longOpen: q.status === 'open' && daysOpen >= LONG_OPEN_DAYS,
  };
};

/** The learning questions of the workspace or one cycle; questions open a long time are flagged. */
export async function listQuestions(ctx: ServiceContext, query: { cycleId?: string; status?: string; limit: number; offset: number }) {
  const scope = policy.authorize(ctx, 'learning.read');
  const { items, total } = await repo.listQuestions(ctx.db, scope.id, query);
  return { items: items.map((q) => presentQuestion(q)), total };
}

async function checkNode(ctx: ServiceContext, id: string | null | undefined, path: string) {
  if (id && (await nodeRefs(ctx, [id])).length === 0) throw fieldError('learning.node_not_found', path);
}

/** Puts a question on the cycle's learning agenda. */
export async function createQuestion(ctx: ServiceContext, cycleId: string, input: { text: string; source?: string; ladderNodeId?: string | null; openedOn?: string }) {
  const scope = policy.authorize(ctx, 'learning.facilitate');
  await findOr(ctx.db, 'learningCycles', scope, cycleId, 'learning.cycle_not_found');
  await checkNode(ctx, input.ladderNodeId, 'ladderNodeId');
  const row = await transaction(ctx.db, async (trx) => {
    const row = await repo.insert(trx, 'learningQuestions', {
      workspaceId: scope.id,
      id: newId(),
      cycleId,
      text: input.text,
      source: input.source ?? '',
      ladderNodeId: input.ladderNodeId ?? null,
      status: 'open',
      provisionalAnswer: null,
      openedOn: input.openedOn ?? today(),
    });
    await audit(trx, ctx, scope, 'learning_question', row.id, 'create', row, input.text.slice(0, 200));
    return row;
  });
  return presentQuestion(row);
}

/** Revises a question: keeps it, answers it provisionally, or drops it. */
export async function updateQuestion(
  ctx: ServiceContext,
  id: string,
  patch: { text?: string; source?: string; ladderNodeId?: string | null; status?: 'open' | 'provisional' | 'dropped'; provisionalAnswer?: string | null },
) {
  const scope = policy.authorize(ctx, 'learning.facilitate');
  await checkNode(ctx, patch.ladderNodeId, 'ladderNodeId');
  const row = await transaction(ctx.db, async (trx) => {
    const before = await findOr(trx, 'learningQuestions', scope, id, 'learning.question_not_found');
    const after = Object.keys(patch).length ? await repo.update(trx, 'learningQuestions', scope.id, id, patch) : before;
    await audit(trx, ctx, scope, 'learning_question', id, 'update', after, after.text.slice(0, 200), before);
    return after;
  });
  return presentQuestion(row);
}

async function snapshotAgenda(ctx: ServiceContext, scope: WorkspaceScope, session: repo.SessionRow) {
  const { items } = await repo.listQuestions(ctx.db, scope.id, { cycleId: session.cycleId, limit: 10_000, offset: 0 });
  const questions: AgendaQuestion[] = items.map((q) => ({ id: q.id, text: q.text, status: q.status as 'open', provisionalAnswer: q.provisionalAnswer, ladderNodeId: q.ladderNodeId }));
  await repo.deleteAgenda(ctx.db, scope.id, session.id);
  const row = await repo.insert(ctx.db, 'learningAgendaVersions', { workspaceId: scope.id, id: newId(), cycleId: session.cycleId, sessionId: session.id, takenOn: session.heldOn, questions });
  await audit(ctx.db, ctx, scope, 'learning_agenda_version', row.id, 'create', { sessionId: session.id, takenOn: row.takenOn, questions: questions.length }, session.title);
  return row;
}

/** Keeps the learning agenda as it stands now as the session's dated version (replacing an earlier one of the same session). */
export async function keepAgenda(ctx: ServiceContext, sessionId: string) {
  const scope = policy.authorize(ctx, 'learning.facilitate');
  const row = await transaction(ctx.db, async (trx) => snapshotAgenda(within(ctx, trx), scope, await findOr(trx, 'learningSessions', scope, sessionId, 'learning.session_not_found')));
  return presentAgenda(row);
}

/** Compares the learning agenda of two sessions of the same cycle: questions added (new or taken up again), removed (dropped) and changed (status, answer, text, link). */
export async function compareAgenda(ctx: ServiceContext, query: { from: string; to: string }) {
  const scope = policy.authorize(ctx, 'learning.read');
  const version = async (sessionId: string, path: string) => {
    await findOr(ctx.db, 'learningSessions', scope, sessionId, 'learning.session_not_found');
    const v = await repo.agendaOf(ctx.db, scope.id, sessionId);
    if (!v) throw fieldError('learning.agenda_version_not_found', path);
    return v;
  };
  const [from, to] = [await version(query.from, 'from'), await version(query.to, 'to')];
  if (from.cycleId !== to.cycleId) throw fieldError('learning.comparison_other_cycle', 'to');
  // On the agenda: every question not dropped. A question dropped since counts as removed, one taken up again as added.
  const onAgenda = (q: AgendaQuestion) => q.status !== 'dropped';
  const before = new Map(from.questions.filter(onAgenda).map((q) => [q.id, q]));
  const after = new Map(to.questions.filter(onAgenda).map((q) => [q.id, q]));
  const FIELDS = ['text', 'status', 'provisionalAnswer', 'ladderNodeId'] as const;
  const changed = [...after.values()].flatMap((q) => {
    const b = before.get(q.id);
    const fields = b ? FIELDS.filter((f) => (b[f] ?? null) !== (q[f] ?? null)) : [];
    return b && fields.length ? [{ id: q.id, before: b, after: q, fields: [...fields] }] : [];
  });
  const strip = (v: repo.AgendaVersionRow) => ({ id: v.id, sessionId: v.sessionId, takenOn: v.takenOn });
  return {
    from: strip(from),
    to: strip(to),
    added: [...after.values()].filter((q) => !before.has(q.id)),
    removed: [...before.values()].filter((q) => !after.has(q.id)).map((q) => to.questions.find((x) => x.id === q.id) ?? q),
    changed,
    unchanged: [...after.keys()].filter((id) => before.has(id)).length - changed.length,
  };
}

// The evidence pack

/**
 * What a session looks at, assembled for its scope since the previous session of the cycle
 * (or the start of the cycle): new observations and overdue signals and bottlenecks, stories
 * selected in MSC rounds, deviations and rules under pressure, untested and doubtful
 * assumptions, open learning questions, open actions of earlier sessions and outcome
 * statements. Measurements stay empty until the indicators module exists.
 */
export async function evidencePack(ctx: ServiceContext, sessionId: string): Promise<EvidencePack> {
  const scope = policy.authorize(ctx, 'learning.read');
  const { session, cycle } = await sessionWithCycle(ctx.db, scope, sessionId);
  const sessions = await repo.sessionsOfCycle(ctx.db, scope.id, cycle.id);
  const index = sessions.findIndex((s) => s.id === session.id);
  const earlier = sessions.slice(0, index);
  const previous = earlier[earlier.length - 1];
  const since = previous ? addDays(previous.heldOn, 1) : cycle.startedOn;
  const until = session.heldOn < since ? since : session.heldOn;
  const filter = await scopeFilter(ctx, cycle);
  const selected = (await listSelected(ctx, {})).items.filter((s) => {
    const day = localDate(new Date(s.finishedAt));
    return day >= since && day <= until;
  });
  const where = { nodeIds: filter.nodeIds, areaIds: filter.areaIds, since, until };
  const [observations, rules, assumptions, questions, actions, outcomes, names, measurements] = await Promise.all([
    observationsInScope(ctx, { ...where, includeIds: selected.map((s) => s.story.id) }),
    deviationsForLearning(ctx, where),
    assumptionsOf(ctx, filter.actionLineIds),
    repo.listQuestions(ctx.db, scope.id, { cycleId: cycle.id, limit: 500, offset: 0 }),
    repo.openActionsBefore(ctx.db, scope.id, cycle.id, earlier.map((s) => s.id)),
    repo.listOutcomes(ctx.db, scope.id, { scopeKind: cycle.scopeKind, scopeId: cycle.scopeId ?? undefined, since, until, limit: 200, offset: 0 }),
    scopeNames(ctx, [cycle]),
    movedMeasurements(ctx, { nodeIds: filter.nodeIds ?? null, areaIds: filter.areaIds ?? null, since, until }),
  ]);
  const story = new Map(selected.map((s) => [s.story.id, { reason: s.reason, roundName: s.roundName }]));
  return {
    sessionId,
    scope: names(cycle),
    since,
    until,
    observations: observations.map((o) => {
      const day = localDate(new Date(o.occurredAt));
      return { id: o.id, number: o.number, kind: o.kind, title: o.title, status: o.status, occurredAt: o.occurredAt, dueAt: o.dueAt, overdue: o.overdue, isNew: day >= since && day <= until, selectedStory: story.get(o.id) ?? null };
    }),
    deviations: rules.deviations.map(({ areaId: _a, ...d }) => d),
    rulesUnderPressure: rules.rulesUnderPressure,
    assumptions: assumptions.filter((a) => a.status === 'untested' || a.status === 'doubtful'),
    questions: questions.items.filter((q) => q.status !== 'dropped').map((q) => presentQuestion(q)),
    actions: await presentActions(ctx, scope, actions),
    measurements,
    outcomes: outcomes.items.map((o) => ({ id: o.id, socialActor: o.socialActor, change: o.change, happenedOn: o.happenedOn })),
  };
}

// Timeline

async function presentEvents(ctx: ServiceContext, scope: WorkspaceScope, rows: repo.TimelineEventRow[]) {
  const [annotations, names, members] = await Promise.all([repo.where(ctx.db, 'learningTimelineAnnotations', scope.id, 'eventId', rows.map((r) => r.id)), scopeNames(ctx, rows), listMembers(ctx)]);
  const memberName = new Map(members.map((m) => [m.userId, m.name]));
  return rows.map((e) => ({
    id: e.id,
    date: e.happenedOn,
    title: e.title,
    description: e.description,
    scope: names(e),
    sessionId: e.sessionId,
    annotations: annotations
      .filter((a) => a.eventId === e.id)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
      .map((a) => ({ id: a.id, kind: a.kind as 'high', why: a.why, byUserId: a.byUserId, byName: memberName.get(a.byUserId) ?? '?' })),
  }));
}

/** The learning history: dated events, oldest first, with the participants' annotations; of one scope. */
export async function listTimeline(ctx: ServiceContext, query: { scopeKind?: string; scopeId?: string; limit: number; offset: number }) {
  const scope = policy.authorize(ctx, 'learning.read');
  const { items, total } = await repo.listTimeline(ctx.db, scope.id, query);
  return { items: await presentEvents(ctx, scope, items), total };
}

/** Puts an event on the timeline of a scope (optionally as part of a timeline workshop session). */
export async function createTimelineEvent(ctx: ServiceContext, input: { date: string; title: string; description?: string; scope: Scope; sessionId?: string }) {
  const scope = policy.authorize(ctx, 'learning.facilitate');
  await checkScope(ctx, input.scope);
  if (input.sessionId && !(await repo.find(ctx.db, 'learningSessions', scope.id, input.sessionId))) throw fieldError('learning.session_not_found', 'sessionId');
  const row = await transaction(ctx.db, async (trx) => {
    const row = await repo.insert(trx, 'learningTimelineEvents', {
      workspaceId: scope.id,
      id: newId(),
      happenedOn: input.date,
      title: input.title,
      description: input.description ?? '',
      scopeKind: input.scope.kind,
      scopeId: input.scope.id ?? null,
      sessionId: input.sessionId ?? null,
    });
    await audit(trx, ctx, scope, 'learning_timeline_event', row.id, 'create', row);
    return row;
  });
  return (await presentEvents(ctx, scope, [row]))[0];
}

/** A participant marks an event as a high, a low or a learning moment, and says why. */
export async function annotateEvent(ctx: ServiceContext, eventId: string, input: { kind: 'high' | 'low' | 'learning'; why: string }) {
  const scope = policy.authorize(ctx, 'learning.annotate');
  const row = await transaction(ctx.db, async (trx) => {
    const event = await findOr(trx, 'learningTimelineEvents', scope, eventId, 'learning.event_not_found');
    const row = await repo.insert(trx, 'learningTimelineAnnotations', { workspaceId: scope.id, id: newId(), eventId, kind: input.kind, why: input.why, byUserId: ctx.actor!.userId });
    await audit(trx, ctx, scope, 'learning_timeline_annotation', row.id, 'create', row, event.title);
    return event;
  });
  return (await presentEvents(ctx, scope, [row]))[0];
}

// Outcome harvesting

const presentOutcome = (o: repo.OutcomeRow, names: Awaited<ReturnType<typeof scopeNames>>) => ({
  id: o.id,
  scope: names(o),
  socialActor: o.socialActor,
  change: o.change,
  happenedOn: o.happenedOn,
  place: o.place,
  significance: o.significance,
  contribution: o.contribution,
  sources: o.sources,
  substantiation: o.substantiation as 'substantiated',
  substantiationNote: o.substantiationNote,
});

/** Outcome statements, newest first; of one scope. */
export async function listOutcomes(ctx: ServiceContext, query: { scopeKind?: string; scopeId?: string; limit: number; offset: number }) {
  const scope = policy.authorize(ctx, 'learning.read');
  const { items, total } = await repo.listOutcomes(ctx.db, scope.id, query);
  const names = await scopeNames(ctx, items);
  return { items: items.map((o) => presentOutcome(o, names)), total };
}

/** Records an outcome statement: which social actor changed what, when and where; why it matters; how the programme contributed; sources and substantiation. */
export async function createOutcome(
  ctx: ServiceContext,
  input: { scope: Scope; socialActor: string; change: string; happenedOn: string; place: string; significance: string; contribution: string; sources?: string; substantiation?: string; substantiationNote?: string },
) {
  const scope = policy.authorize(ctx, 'learning.facilitate');
  await checkScope(ctx, input.scope);
  const row = await transaction(ctx.db, async (trx) => {
    const row = await repo.insert(trx, 'learningOutcomes', {
      workspaceId: scope.id,
      id: newId(),
      scopeKind: input.scope.kind,
      scopeId: input.scope.id ?? null,
      socialActor: input.socialActor,
      change: input.change,
      happenedOn: input.happenedOn,
      place: input.place,
      significance: input.significance,
      contribution: input.contribution,
      sources: input.sources ?? '',
      substantiation: input.substantiation ?? 'not_substantiated',
      substantiationNote: input.substantiationNote ?? '',
      createdBy: actorId(ctx),
    });
    await audit(trx, ctx, scope, 'learning_outcome', row.id, 'create', row, `${row.socialActor}: ${row.change.slice(0, 150)}`);
    return row;
  });
  return presentOutcome(row, await scopeNames(ctx, [row]));
}

// Board decisions

async function presentBoard(ctx: ServiceContext, scope: WorkspaceScope, rows: repo.BoardDecisionRow[]) {
  const [followUps, nodes, rules] = await Promise.all([
    repo.followUpsOf(ctx.db, scope.id, rows.map((r) => r.id)),
    nodeRefs(ctx, rows.flatMap((r) => r.changedNodeIds)),
    ruleRefsForLearning(ctx, rows.flatMap((r) => r.changedRuleIds)),
  ]);
  const now = today();
  return Promise.all(
    rows.map(async (d) => {
      const mine = followUps.filter((f) => f.boardDecisionId === d.id);
      return {
        id: d.id,
        date: d.decidedOn,
        body: d.body as 'college',
        bodyName: d.bodyName,
        text: d.text,
        evidence: await labelEvidence(ctx, scope, d.evidence),
        changedNodes: nodes.filter((n) => d.changedNodeIds.includes(n.id)).map((n) => ({ id: n.id, title: n.code ? `${n.code} ${n.title}` : n.title })),
        changedRules: rules.filter((r) => d.changedRuleIds.includes(r.id)),
        followUpOn: d.followUpOn,
        followUpDue: d.followUpOn <= now && mine.length === 0,
        followUps: mine.map((f) => ({ id: f.id, date: f.reportedOn, text: f.text, byName: f.byName, evidence: f.evidence })),
      };
    }),
  );
}

/** Board decisions, newest first; `due`: the ones whose follow-up date has passed without a report from practice. */
export async function listBoardDecisions(ctx: ServiceContext, query: { due?: boolean; limit: number; offset: number }) {
  const scope = policy.authorize(ctx, 'learning.read');
  const { items, total } = await repo.listBoardDecisions(ctx.db, scope.id, { ...query, today: today() });
  return { items: await presentBoard(ctx, scope, items), total, can: { create: policy.can(scope, 'learning.board'), followUp: policy.can(scope, 'learning.followUp') } };
}

export async function getBoardDecision(ctx: ServiceContext, id: string) {
  const scope = policy.authorize(ctx, 'learning.read');
  return (await presentBoard(ctx, scope, [await findOr(ctx.db, 'learningBoardDecisions', scope, id, 'learning.board_decision_not_found')]))[0];
}

/** Records a decision of a board (college, wethouder, stuurgroep, ALV) with the evidence it used, what it changes, and when practice reports back. */
export async function createBoardDecision(
  ctx: ServiceContext,
  input: { date: string; body: string; bodyName?: string; text: string; evidence?: EvidenceItem[]; changedNodeIds?: string[]; changedRuleIds?: string[]; followUpOn: string },
) {
  const scope = policy.authorize(ctx, 'learning.board');
  const changedNodeIds = [...new Set(input.changedNodeIds ?? [])];
  const changedRuleIds = [...new Set(input.changedRuleIds ?? [])];
  const nodes = new Set((await nodeRefs(ctx, changedNodeIds)).map((n) => n.id));
  const missingNode = changedNodeIds.findIndex((id) => !nodes.has(id));
  if (missingNode >= 0) throw fieldError('learning.node_not_found', `changedNodeIds.${missingNode}`);
  const rules = new Set((await ruleRefsForLearning(ctx, changedRuleIds)).map((r) => r.id));
  const missingRule = changedRuleIds.findIndex((id) => !rules.has(id));
  if (missingRule >= 0) throw fieldError('learning.rule_not_found', `changedRuleIds.${missingRule}`);
  const evidence = input.evidence ?? [];
  if (evidence.some((e) => e.kind === 'assumption')) await checkEvidence(ctx, scope, evidence, 'evidence', (await scopeFilter(ctx, { scopeKind: 'workspace', scopeId: null })).actionLineIds);
  else await checkEvidence(ctx, scope, evidence, 'evidence', []);
  const row = await transaction(ctx.db, async (trx) => {
    const row = await repo.insert(trx, 'learningBoardDecisions', {
      workspaceId: scope.id,
      id: newId(),
      decidedOn: input.date,
      body: input.body,
      bodyName: input.bodyName ?? '',
      text: input.text,
      evidence,
      changedNodeIds,
      changedRuleIds,
      followUpOn: input.followUpOn,
      createdBy: actorId(ctx),
    });
    await audit(trx, ctx, scope, 'learning_board_decision', row.id, 'create', row, `${row.body} ${row.decidedOn}`);
    return row;
  });
  return (await presentBoard(ctx, scope, [row]))[0];
}

/** Practice reports what it saw after a board decision. */
export async function addFollowUp(ctx: ServiceContext, id: string, input: { date?: string; text: string; evidence?: EvidenceItem[] }) {
  const scope = policy.authorize(ctx, 'learning.followUp');
  const evidence = input.evidence ?? [];
  await checkEvidence(ctx, scope, evidence.filter((e) => e.kind !== 'assumption'), 'evidence', []);
  if (evidence.some((e) => e.kind === 'assumption')) throw fieldError('learning.evidence_not_found', `evidence.${evidence.findIndex((e) => e.kind === 'assumption')}.id`);
  await transaction(ctx.db, async (trx) => {
    const d = await findOr(trx, 'learningBoardDecisions', scope, id, 'learning.board_decision_not_found');
    const row = await repo.insert(trx, 'learningBoardFollowUps', { workspaceId: scope.id, id: newId(), boardDecisionId: d.id, reportedOn: input.date ?? today(), text: input.text, evidence, byUserId: actorId(ctx), byName: ctx.actor?.name ?? '?' });
    await audit(trx, ctx, scope, 'learning_board_follow_up', row.id, 'create', row, `${d.body} ${d.decidedOn}`);
  });
  return getBoardDecision(ctx, id);
}

// Overviews

/** For a board: how often the programme decided to keep, do more, better, differently or stop; the sessions ahead; and, for an action line, its cycle, last decision, open actions, assumptions and questions. */
export async function overview(ctx: ServiceContext, query: { actionLineId?: string }) {
  const scope = policy.authorize(ctx, 'learning.read');
  const [counts, upcoming] = await Promise.all([repo.decisionCounts(ctx.db, scope.id), repo.listSessions(ctx.db, scope.id, { from: today(), limit: 20, offset: 0 })]);
  const decisions = { keep: 0, more: 0, better: 0, different: 0, stop: 0 };
  for (const c of counts) decisions[c.decision as keyof typeof decisions] = Number(c.n);
  let actionLine = null;
  if (query.actionLineId) {
    const [node] = await nodeRefs(ctx, [query.actionLineId]);
    if (!node || node.rung !== 'action_line') throw fieldError('learning.scope_not_action_line', 'actionLineId');
    const cycles = (await repo.listCycles(ctx.db, scope.id, { scopeKind: 'action_line', scopeId: node.id, limit: 100, offset: 0 })).items;
    const cycleIds = cycles.map((c) => c.id);
    const [summaries, last, open, assumptions, questions] = await Promise.all([
      presentCycles(ctx, cycles),
      repo.lastDecisionOf(ctx.db, scope.id, node.id),
      repo.listActions(ctx.db, scope.id, { cycleIds, status: 'open', limit: 200, offset: 0 }),
      assumptionsOf(ctx, [node.id]),
      Promise.all(cycleIds.map((id) => repo.listQuestions(ctx.db, scope.id, { cycleId: id, limit: 500, offset: 0 }))),
    ]);
    const title = node.code ? `${node.code} ${node.title}` : node.title;
    actionLine = {
      id: node.id,
      title,
      cycles: summaries,
      lastDecision: last ? presentDecision(last, new Map([[node.id, title]])) : null,
      openActions: await presentActions(ctx, scope, open.items),
      assumptions: assumptions.map((a) => ({ id: a.id, text: a.text, status: a.status })),
      questions: questions.flatMap((q) => q.items).map((q) => presentQuestion(q)),
    };
  }
  return { decisions, upcoming: upcoming.items.filter((s) => s.status === 'planned').reverse().map((s) => presentSessionSummary(s, s.cycleTitle, Number(s.number))), actionLine };
}
