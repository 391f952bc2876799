import { sql, type Kysely } from 'kysely';
import type { Db } from '../../platform/db/database';
import type { AgendaQuestion, EvidenceItem } from './schema';

export type CycleRow = { workspaceId: string; id: string; title: string; scopeKind: string; scopeId: string | null; cadenceWeeks: number; startedOn: string; createdAt: Date; updatedAt: Date };
export type ParticipantRow = { workspaceId: string; id: string; cycleId: string; position: number; userId: string | null; partnerId: string | null; name: string };
export type SessionRow = {
  workspaceId: string;
  id: string;
  cycleId: string;
  heldOn: string;
  title: string;
  kind: string;
  status: string;
  facilitatorUserId: string | null;
  createdAt: Date;
  updatedAt: Date;
};
export type RoundRow = { workspaceId: string; id: string; sessionId: string; position: number; title: string; prompt: string; minutesEach: number };
export type ContributionRow = { workspaceId: string; id: string; sessionId: string; roundId: string; participantId: string; text: string; recordedBy: string | null; createdAt: Date };
export type InsightRow = { workspaceId: string; id: string; sessionId: string; text: string; createdAt: Date };
export type DecisionRow = { workspaceId: string; id: string; sessionId: string; actionLineId: string; decision: string; rationale: string; evidence: EvidenceItem[]; decidedBy: string | null; createdAt: Date };
export type AssumptionUpdateRow = {
  workspaceId: string;
  id: string;
  sessionId: string;
  actionLineId: string;
  assumptionId: string;
  assumptionText: string;
  fromStatus: string;
  toStatus: string;
  rationale: string;
  evidence: EvidenceItem[];
  createdAt: Date;
};
export type ActionRow = { workspaceId: string; id: string; cycleId: string; sessionId: string; what: string; whoUserId: string; dueOn: string; status: string; doneAt: Date | null; createdAt: Date };
export type QuestionRow = {
  workspaceId: string;
  id: string;
  cycleId: string;
  text: string;
  source: string;
  ladderNodeId: string | null;
  status: string;
  provisionalAnswer: string | null;
  openedOn: string;
  createdAt: Date;
  updatedAt: Date;
};
export type AgendaVersionRow = { workspaceId: string; id: string; cycleId: string; sessionId: string; takenOn: string; questions: AgendaQuestion[]; createdAt: Date };
export type TimelineEventRow = { workspaceId: string; id: string; happenedOn: string; title: string; description: string; scopeKind: string; scopeId: string | null; sessionId: string | null; createdAt: Date };
export type AnnotationRow = { workspaceId: string; id: string; eventId: string; kind: string; why: string; byUserId: string; createdAt: Date };
export type OutcomeRow = {
  workspaceId: string;
  id: string;
  scopeKind: string;
  scopeId: string | null;
  socialActor: string;
  change: string;
  happenedOn: string;
  place: string;
  significance: string;
  contribution: string;
  sources: string;
  substantiation: string;
  substantiationNote: string;
  createdBy: string | null;
  createdAt: Date;
};
export type BoardDecisionRow = {
  workspaceId: string;
  id: string;
  decidedOn: string;
  body: string;
  bodyName: string;
  text: string;
  evidence: EvidenceItem[];
  changedNodeIds: string[];
  changedRuleIds: string[];
  followUpOn: string;
  createdBy: string | null;
  createdAt: Date;
};
export type FollowUpRow = { workspaceId: string; id: string; boardDecisionId: string; reportedOn: string; text: string; evidence: EvidenceItem[]; byUserId: string | null; byName: string; createdAt: Date };

type Insert<T> = Omit<T, 'createdAt' | 'updatedAt'>;
interface Tables {
  learningCycles: CycleRow;
  learningParticipants: ParticipantRow;
  learningSessions: SessionRow;
  learningRounds: RoundRow;
  learningContributions: ContributionRow;
  learningInsights: InsightRow;
  learningDecisions: DecisionRow;
  learningAssumptionUpdates: AssumptionUpdateRow;
  learningActions: ActionRow;
  learningQuestions: QuestionRow;
  learningAgendaVersions: AgendaVersionRow;
  learningTimelineEvents: TimelineEventRow;
  learningTimelineAnnotations: AnnotationRow;
  learningOutcomes: OutcomeRow;
  learningBoardDecisions: BoardDecisionRow;
  learningBoardFollowUps: FollowUpRow;
}
type Table = keyof Tables;
const t = (db: Db) => db as unknown as Kysely<Tables>;
/** JSON columns go in as text: the drivers would otherwise send arrays as PostgreSQL arrays. */
const json = (value: unknown) => JSON.stringify(value) as never;
const JSON_COLUMNS = new Set(['evidence', 'questions', 'changedNodeIds', 'changedRuleIds']);
const encode = <T extends object>(row: T) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, JSON_COLUMNS.has(k) ? json(v) : v])) as never;

/** Inserts one row into a table of this module and returns it. */
export const insert = <K extends Table>(db: Db, table: K, row: Insert<Tables[K]>) =>
  t(db).insertInto(table).values(encode(row)).returningAll().executeTakeFirstOrThrow() as unknown as Promise<Tables[K]>;
export const insertMany = async <K extends Table>(db: Db, table: K, rows: Insert<Tables[K]>[]) => {
  if (rows.length) await t(db).insertInto(table).values(rows.map(encode)).execute();
};
/** Finds one row of a table by workspace and id. */
export const find = <K extends Table>(db: Db, table: K, workspaceId: string, id: string) =>
  (db as Kysely<any>).selectFrom(table as string).selectAll().where('workspaceId', '=', workspaceId).where('id', '=', id).executeTakeFirst() as Promise<Tables[K] | undefined>;
export const update = <K extends Table>(db: Db, table: K, workspaceId: string, id: string, patch: Partial<Tables[K]>) =>
  (db as Kysely<any>)
    .updateTable(table as string)
    .set(encode({ ...patch, ...(['learningCycles', 'learningSessions', 'learningQuestions'].includes(table) ? { updatedAt: new Date() } : {}) }))
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow() as Promise<Tables[K]>;
/** Rows of a table whose `column` is one of `values`. */
export const where = <K extends Table>(db: Db, table: K, workspaceId: string, column: string, values: readonly string[]) =>
  values.length === 0
    ? Promise.resolve([] as Tables[K][])
    : ((db as Kysely<any>).selectFrom(table as string).selectAll().where('workspaceId', '=', workspaceId).where(column, 'in', [...values]).execute() as Promise<Tables[K][]>);
export const all = <K extends Table>(db: Db, table: K, workspaceId: string) =>
  (db as Kysely<any>).selectFrom(table as string).selectAll().where('workspaceId', '=', workspaceId).execute() as Promise<Tables[K][]>;

// Cycles and sessions

export async function listCycles(db: Db, workspaceId: string, f: { scopeKind?: string; scopeId?: string; limit: number; offset: number }) {
  const base = t(db)
    .selectFrom('learningCycles')
    .where('workspaceId', '=', workspaceId)
    .$if(!!f.scopeKind, (q) => q.where('scopeKind', '=', f.scopeKind!))
    .$if(!!f.scopeId, (q) => q.where('scopeId', '=', f.scopeId!));
  const [items, total] = await Promise.all([
    base.selectAll().orderBy('title').orderBy('id').limit(f.limit).offset(f.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: items as CycleRow[], total: Number(total.n) };
}

/** Per cycle: number of sessions, the last one's date, open actions. */
export async function cycleStats(db: Db, workspaceId: string, cycleIds: readonly string[]) {
  if (cycleIds.length === 0) return new Map<string, { sessions: number; lastSessionOn: string | null; openActions: number }>();
  const [sessions, actions] = await Promise.all([
    t(db)
      .selectFrom('learningSessions')
      .select(['cycleId', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('heldOn').as('last')])
      .where('workspaceId', '=', workspaceId)
      .where('cycleId', 'in', [...cycleIds])
      .groupBy('cycleId')
      .execute(),
    t(db)
      .selectFrom('learningActions')
      .select(['cycleId', (eb) => eb.fn.countAll<number>().as('n')])
      .where('workspaceId', '=', workspaceId)
      .where('cycleId', 'in', [...cycleIds])
      .where('status', '=', 'open')
      .groupBy('cycleId')
      .execute(),
  ]);
  return new Map(
    cycleIds.map((id) => {
      const s = sessions.find((r) => r.cycleId === id);
      return [id, { sessions: Number(s?.n ?? 0), lastSessionOn: (s?.last as string | null) ?? null, openActions: Number(actions.find((a) => a.cycleId === id)?.n ?? 0) }];
    }),
  );
}

export const participantsOf = (db: Db, workspaceId: string, cycleId: string) =>
  t(db).selectFrom('learningParticipants').selectAll().where('workspaceId', '=', workspaceId).where('cycleId', '=', cycleId).orderBy('position').execute() as Promise<ParticipantRow[]>;

export async function listSessions(db: Db, workspaceId: string, f: { cycleId?: string; from?: string; to?: string; limit: number; offset: number }) {
  const base = t(db)
    .selectFrom('learningSessions as s')
    .innerJoin('learningCycles as c', (j) => j.onRef('c.id', '=', 's.cycleId').on('c.workspaceId', '=', workspaceId))
    .where('s.workspaceId', '=', workspaceId)
    .$if(!!f.cycleId, (q) => q.where('s.cycleId', '=', f.cycleId!))
    .$if(!!f.from, (q) => q.where('s.heldOn', '>=', f.from!))
    .$if(!!f.to, (q) => q.where('s.heldOn', '<=', f.to!));
  const [items, total] = await Promise.all([
    base
      .selectAll('s')
      .select([
        'c.title as cycleTitle',
        sql<number>`(select count(*) from learning_sessions p where p.workspace_id = s.workspace_id and p.cycle_id = s.cycle_id and (p.held_on, p.id) <= (s.held_on, s.id))`.as('number'),
      ])
      .orderBy('s.heldOn', 'desc')
      .orderBy('s.id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: items as (SessionRow & { cycleTitle: string; number: number })[], total: Number(total.n) };
}

export const sessionsOfCycle = (db: Db, workspaceId: string, cycleId: string) =>
  t(db).selectFrom('learningSessions').selectAll().where('workspaceId', '=', workspaceId).where('cycleId', '=', cycleId).orderBy('heldOn').orderBy('id').execute() as Promise<SessionRow[]>;

export const roundsOf = (db: Db, workspaceId: string, sessionId: string) =>
  t(db).selectFrom('learningRounds').selectAll().where('workspaceId', '=', workspaceId).where('sessionId', '=', sessionId).orderBy('position').execute() as Promise<RoundRow[]>;
export const contributionsOf = (db: Db, workspaceId: string, sessionId: string) =>
  t(db).selectFrom('learningContributions').selectAll().where('workspaceId', '=', workspaceId).where('sessionId', '=', sessionId).orderBy('createdAt').orderBy('id').execute() as Promise<ContributionRow[]>;
export const ofSession = <K extends 'learningInsights' | 'learningDecisions' | 'learningAssumptionUpdates' | 'learningActions'>(db: Db, table: K, workspaceId: string, sessionId: string) =>
  (db as Kysely<any>).selectFrom(table as string).selectAll().where('workspaceId', '=', workspaceId).where('sessionId', '=', sessionId).orderBy('createdAt').orderBy('id').execute() as Promise<Tables[K][]>;

// Actions

/** Actions of a cycle that are still open, from sessions before the given one (all sessions when absent). */
export const openActionsBefore = (db: Db, workspaceId: string, cycleId: string, beforeSessionIds: readonly string[]) =>
  beforeSessionIds.length === 0
    ? Promise.resolve([] as ActionRow[])
    : (t(db)
        .selectFrom('learningActions')
        .selectAll()
        .where('workspaceId', '=', workspaceId)
        .where('cycleId', '=', cycleId)
        .where('status', '=', 'open')
        .where('sessionId', 'in', [...beforeSessionIds])
        .orderBy('dueOn')
        .orderBy('id')
        .execute() as Promise<ActionRow[]>);

export async function listActions(db: Db, workspaceId: string, f: { cycleId?: string; cycleIds?: readonly string[]; status?: string; limit: number; offset: number }) {
  const base = t(db)
    .selectFrom('learningActions')
    .where('workspaceId', '=', workspaceId)
    .$if(!!f.cycleId, (q) => q.where('cycleId', '=', f.cycleId!))
    .$if(!!f.cycleIds, (q) => (f.cycleIds!.length ? q.where('cycleId', 'in', [...f.cycleIds!]) : q.where(sql<boolean>`false`)))
    .$if(!!f.status, (q) => q.where('status', '=', f.status!));
  const [items, total] = await Promise.all([
    base.selectAll().orderBy('dueOn').orderBy('id').limit(f.limit).offset(f.offset).execute() as Promise<ActionRow[]>,
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

// Questions and agenda

export async function listQuestions(db: Db, workspaceId: string, f: { cycleId?: string; status?: string; limit: number; offset: number }) {
  const base = t(db)
    .selectFrom('learningQuestions')
    .where('workspaceId', '=', workspaceId)
    .$if(!!f.cycleId, (q) => q.where('cycleId', '=', f.cycleId!))
    .$if(!!f.status, (q) => q.where('status', '=', f.status!));
  const [items, total] = await Promise.all([
    base.selectAll().orderBy('openedOn').orderBy('id').limit(f.limit).offset(f.offset).execute() as Promise<QuestionRow[]>,
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}
export const agendaOf = (db: Db, workspaceId: string, sessionId: string) =>
  t(db).selectFrom('learningAgendaVersions').selectAll().where('workspaceId', '=', workspaceId).where('sessionId', '=', sessionId).executeTakeFirst() as Promise<AgendaVersionRow | undefined>;
export const deleteAgenda = (db: Db, workspaceId: string, sessionId: string) =>
  t(db).deleteFrom('learningAgendaVersions').where('workspaceId', '=', workspaceId).where('sessionId', '=', sessionId).execute();

// Decisions

/** How often each decision was taken in the workspace. */
export const decisionCounts = (db: Db, workspaceId: string) =>
  t(db).selectFrom('learningDecisions').select(['decision', (eb) => eb.fn.countAll<number>().as('n')]).where('workspaceId', '=', workspaceId).groupBy('decision').execute();
export const lastDecisionOf = (db: Db, workspaceId: string, actionLineId: string) =>
  t(db).selectFrom('learningDecisions').selectAll().where('workspaceId', '=', workspaceId).where('actionLineId', '=', actionLineId).orderBy('createdAt', 'desc').orderBy('id', 'desc').executeTakeFirst() as Promise<
    DecisionRow | undefined
  >;

// Timeline, outcomes, board decisions

export async function listTimeline(db: Db, workspaceId: string, f: { scopeKind?: string; scopeId?: string; limit: number; offset: number }) {
  const base = t(db)
    .selectFrom('learningTimelineEvents')
    .where('workspaceId', '=', workspaceId)
    .$if(!!f.scopeKind, (q) => q.where('scopeKind', '=', f.scopeKind!))
    .$if(!!f.scopeId, (q) => q.where('scopeId', '=', f.scopeId!));
  const [items, total] = await Promise.all([
    base.selectAll().orderBy('happenedOn').orderBy('id').limit(f.limit).offset(f.offset).execute() as Promise<TimelineEventRow[]>,
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function listOutcomes(db: Db, workspaceId: string, f: { scopeKind?: string; scopeId?: string; since?: string; until?: string; limit: number; offset: number }) {
  const base = t(db)
    .selectFrom('learningOutcomes')
    .where('workspaceId', '=', workspaceId)
    .$if(!!f.scopeKind, (q) => q.where('scopeKind', '=', f.scopeKind!))
    .$if(!!f.scopeId, (q) => q.where('scopeId', '=', f.scopeId!))
    .$if(!!f.since, (q) => q.where('happenedOn', '>=', f.since!))
    .$if(!!f.until, (q) => q.where('happenedOn', '<=', f.until!));
  const [items, total] = await Promise.all([
    base.selectAll().orderBy('happenedOn', 'desc').orderBy('id').limit(f.limit).offset(f.offset).execute() as Promise<OutcomeRow[]>,
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** Board decisions, newest first; `due`: the follow-up date has passed and nobody reported yet. */
export async function listBoardDecisions(db: Db, workspaceId: string, f: { due?: boolean; today: string; limit: number; offset: number }) {
  const dueExpr = sql<boolean>`(d.follow_up_on <= ${f.today}::date and not exists (select 1 from learning_board_follow_ups u where u.workspace_id = d.workspace_id and u.board_decision_id = d.id))`;
  const base = t(db)
    .selectFrom('learningBoardDecisions as d')
    .where('d.workspaceId', '=', workspaceId)
    .$if(f.due !== undefined, (q) => q.where(f.due ? dueExpr : sql<boolean>`not ${dueExpr}`));
  const [items, total] = await Promise.all([
    base.selectAll('d').orderBy('d.decidedOn', 'desc').orderBy('d.id').limit(f.limit).offset(f.offset).execute() as Promise<BoardDecisionRow[]>,
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}
export const followUpsOf = (db: Db, workspaceId: string, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([] as FollowUpRow[])
    : (t(db).selectFrom('learningBoardFollowUps').selectAll().where('workspaceId', '=', workspaceId).where('boardDecisionId', 'in', [...ids]).orderBy('reportedOn').orderBy('id').execute() as Promise<FollowUpRow[]>);

export const countCycles = async (db: Db, workspaceId: string) =>
  Number((await t(db).selectFrom('learningCycles').select((eb) => eb.fn.countAll<number>().as('n')).where('workspaceId', '=', workspaceId).executeTakeFirstOrThrow()).n);

// The progress report

/** What the learning module tells a progress report about a period: sessions held, decisions, harvest, board decisions, actions and the agenda. */
export async function reportRows(db: Db, workspaceId: string, f: { from: string; to: string; cycleIds: readonly string[] | null }) {
  // With a scope, only the cycles of that action line or area (none: an impossible id keeps `in` valid).
  const cycles = f.cycleIds === null ? null : f.cycleIds.length ? [...f.cycleIds] : ['00000000-0000-0000-0000-000000000000'];
  const sessions = t(db)
    .selectFrom('learningSessions as s')
    .innerJoin('learningCycles as c', (j) => j.onRef('c.id', '=', 's.cycleId').on('c.workspaceId', '=', workspaceId))
    .where('s.workspaceId', '=', workspaceId)
    .where('s.status', '=', 'held')
    .where('s.heldOn', '>=', f.from)
    .where('s.heldOn', '<=', f.to)
    .$if(cycles !== null, (q) => q.where('s.cycleId', 'in', cycles!));
  const sessionIds = sessions.select('s.id');
  const [held, decisions, insights, actions, questions, boardDecisions, events, lastDecisions] = await Promise.all([
    sessions.select(['s.id', 's.heldOn', 's.title', 's.kind', 'c.title as cycleTitle']).orderBy('s.heldOn').execute(),
    t(db).selectFrom('learningDecisions').selectAll().where('workspaceId', '=', workspaceId).where('sessionId', 'in', sessionIds).orderBy('createdAt').execute() as Promise<DecisionRow[]>,
    t(db).selectFrom('learningInsights').selectAll().where('workspaceId', '=', workspaceId).where('sessionId', 'in', sessionIds).orderBy('createdAt').execute() as Promise<InsightRow[]>,
    t(db)
      .selectFrom('learningActions')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('status', '=', 'open')
      .$if(cycles !== null, (q) => q.where('cycleId', 'in', cycles!))
      .orderBy('dueOn')
      .execute() as Promise<ActionRow[]>,
    t(db)
      .selectFrom('learningQuestions')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('status', '!=', 'dropped')
      .$if(cycles !== null, (q) => q.where('cycleId', 'in', cycles!))
      .orderBy('openedOn')
      .execute() as Promise<QuestionRow[]>,
    t(db).selectFrom('learningBoardDecisions').selectAll().where('workspaceId', '=', workspaceId).where('decidedOn', '>=', f.from).where('decidedOn', '<=', f.to).orderBy('decidedOn').execute() as Promise<BoardDecisionRow[]>,
    t(db).selectFrom('learningTimelineEvents').selectAll().where('workspaceId', '=', workspaceId).where('happenedOn', '>=', f.from).where('happenedOn', '<=', f.to).orderBy('happenedOn').execute() as Promise<TimelineEventRow[]>,
    // the latest decision per action line up to the end of the period, however long ago
    t(db)
      .selectFrom('learningDecisions as d')
      .innerJoin('learningSessions as s', (j) => j.onRef('s.id', '=', 'd.sessionId').on('s.workspaceId', '=', workspaceId))
      .distinctOn('d.actionLineId')
      .select(['d.actionLineId', 'd.decision', 's.heldOn'])
      .where('d.workspaceId', '=', workspaceId)
      .where('s.heldOn', '<=', f.to)
      .orderBy('d.actionLineId')
      .orderBy('s.heldOn', 'desc')
      .orderBy('d.createdAt', 'desc')
      .execute(),
  ]);
  const [followUps, annotations] = await Promise.all([
    followUpsOf(db, workspaceId, boardDecisions.map((b) => b.id)),
    where(db, 'learningTimelineAnnotations', workspaceId, 'eventId', events.map((e) => e.id)),
  ]);
  return { held, decisions, insights, actions, questions, boardDecisions, followUps, events, annotations, lastDecisions };
}
