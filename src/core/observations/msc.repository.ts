import { sql, type ColumnType, type Expression, type Generated, type Kysely, type SqlBool } from 'kysely';
import type { Db } from '../../platform/db/database';
import type { Access } from './repository';

/** Periods are calendar dates in the Netherlands: a story at 00:30 on 1 April belongs to April. */
const LOCAL_DATE = sql<string>`(o.occurred_at at time zone 'Europe/Amsterdam')::date`;

export type DomainRow = { workspaceId: string; id: string; name: string; description: string; active: boolean; createdAt: Date; updatedAt: Date };
export type PeriodRow = { workspaceId: string; id: string; name: string; startDate: string; endDate: string; createdAt: Date; updatedAt: Date };
export type PanelEntry = { userId: string | null; name: string };
export type RoundRow = {
  workspaceId: string;
  id: string;
  periodId: string;
  domainId: string | null;
  name: string;
  heldOn: string;
  panel: PanelEntry[];
  status: string;
  finishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};
export type SelectionRow = {
  workspaceId: string;
  id: string;
  roundId: string;
  observationId: string;
  rank: number;
  reason: string;
  selectedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
};

type Timestamps = { createdAt: Generated<Date>; updatedAt: Generated<Date> };
type Panel = ColumnType<PanelEntry[], string, string>;

interface Tables {
  mscDomains: Omit<DomainRow, 'createdAt' | 'updatedAt'> & Timestamps;
  mscPeriods: Omit<PeriodRow, 'createdAt' | 'updatedAt'> & Timestamps;
  mscStoryDomains: { workspaceId: string; observationId: string; domainId: string };
  mscRounds: Omit<RoundRow, 'createdAt' | 'updatedAt' | 'panel'> & Timestamps & { panel: Panel };
  mscSelections: Omit<SelectionRow, 'createdAt' | 'updatedAt'> & Timestamps;
  // read only: the observations module's table
  observations: {
    workspaceId: string;
    id: string;
    number: number;
    kind: string;
    title: string;
    text: string;
    areaId: string | null;
    occurredAt: Date;
    visibility: string;
    reporterUserId: string | null;
    reporterName: string | null;
    ownerUserId: string | null;
  };
}
const t = (db: Db) => db as Kysely<Tables>;

// Domains of change

export async function listDomains(db: Db, workspaceId: string) {
  return (await t(db)
    .selectFrom('mscDomains as d')
    .selectAll('d')
    .select((eb) => [
      eb.selectFrom('mscStoryDomains as sd').select(eb.fn.countAll<number>().as('n')).where('sd.workspaceId', '=', workspaceId).whereRef('sd.domainId', '=', 'd.id').as('stories'),
      eb.selectFrom('mscRounds as r').select(eb.fn.countAll<number>().as('n')).where('r.workspaceId', '=', workspaceId).whereRef('r.domainId', '=', 'd.id').as('rounds'),
    ])
    .where('d.workspaceId', '=', workspaceId)
    .orderBy('d.active', 'desc')
    .orderBy('d.name')
    .execute()) as (DomainRow & { stories: number | null; rounds: number | null })[];
}
export const findDomain = (db: Db, workspaceId: string, id: string) =>
  t(db).selectFrom('mscDomains').selectAll().where('workspaceId', '=', workspaceId).where('id', '=', id).executeTakeFirst() as Promise<DomainRow | undefined>;
export const findDomainByName = (db: Db, workspaceId: string, name: string) =>
  t(db).selectFrom('mscDomains').selectAll().where('workspaceId', '=', workspaceId).where(sql<SqlBool>`lower(name) = lower(${name})`).executeTakeFirst() as Promise<DomainRow | undefined>;
export const insertDomain = (db: Db, row: Omit<DomainRow, 'createdAt' | 'updatedAt'>) => t(db).insertInto('mscDomains').values(row).returningAll().executeTakeFirstOrThrow() as Promise<DomainRow>;
export const updateDomain = (db: Db, workspaceId: string, id: string, patch: Partial<Pick<DomainRow, 'name' | 'description' | 'active'>>) =>
  t(db).updateTable('mscDomains').set({ ...patch, updatedAt: new Date() }).where('workspaceId', '=', workspaceId).where('id', '=', id).returningAll().executeTakeFirstOrThrow() as Promise<DomainRow>;
export const deleteDomain = (db: Db, workspaceId: string, id: string) => t(db).deleteFrom('mscDomains').where('workspaceId', '=', workspaceId).where('id', '=', id).execute();

/** How many stories and rounds use a domain. */
export async function domainUse(db: Db, workspaceId: string, id: string) {
  const [stories, rounds] = await Promise.all([
    t(db).selectFrom('mscStoryDomains').select((eb) => eb.fn.countAll<number>().as('n')).where('workspaceId', '=', workspaceId).where('domainId', '=', id).executeTakeFirstOrThrow(),
    t(db).selectFrom('mscRounds').select((eb) => eb.fn.countAll<number>().as('n')).where('workspaceId', '=', workspaceId).where('domainId', '=', id).executeTakeFirstOrThrow(),
  ]);
  return { stories: Number(stories.n), rounds: Number(rounds.n) };
}

// Collection periods

export async function listPeriods(db: Db, workspaceId: string, access: Access) {
  return (await t(db)
    .selectFrom('mscPeriods as p')
    .selectAll('p')
    .select((eb) => [
      eb
        .selectFrom('observations as o')
        .select(eb.fn.countAll<number>().as('n'))
        .where(visibleStory(workspaceId, access))
        .where(sql<SqlBool>`${LOCAL_DATE} between p.start_date and p.end_date`)
        .as('stories'),
      eb.selectFrom('mscRounds as r').select(eb.fn.countAll<number>().as('n')).where('r.workspaceId', '=', workspaceId).whereRef('r.periodId', '=', 'p.id').as('rounds'),
    ])
    .where('p.workspaceId', '=', workspaceId)
    .orderBy('p.startDate', 'desc')
    .orderBy('p.name')
    .execute()) as (PeriodRow & { stories: number | null; rounds: number | null })[];
}
export const findPeriod = (db: Db, workspaceId: string, id: string) =>
  t(db).selectFrom('mscPeriods').selectAll().where('workspaceId', '=', workspaceId).where('id', '=', id).executeTakeFirst() as Promise<PeriodRow | undefined>;
export const findPeriodByName = (db: Db, workspaceId: string, name: string) =>
  t(db).selectFrom('mscPeriods').selectAll().where('workspaceId', '=', workspaceId).where(sql<SqlBool>`lower(name) = lower(${name})`).executeTakeFirst() as Promise<PeriodRow | undefined>;
export const insertPeriod = (db: Db, row: Omit<PeriodRow, 'createdAt' | 'updatedAt'>) => t(db).insertInto('mscPeriods').values(row).returningAll().executeTakeFirstOrThrow() as Promise<PeriodRow>;
export const updatePeriod = (db: Db, workspaceId: string, id: string, patch: Partial<Pick<PeriodRow, 'name' | 'startDate' | 'endDate'>>) =>
  t(db).updateTable('mscPeriods').set({ ...patch, updatedAt: new Date() }).where('workspaceId', '=', workspaceId).where('id', '=', id).returningAll().executeTakeFirstOrThrow() as Promise<PeriodRow>;
export const deletePeriod = (db: Db, workspaceId: string, id: string) => t(db).deleteFrom('mscPeriods').where('workspaceId', '=', workspaceId).where('id', '=', id).execute();
export const roundCountOfPeriod = async (db: Db, workspaceId: string, periodId: string) =>
  Number((await t(db).selectFrom('mscRounds').select((eb) => eb.fn.countAll<number>().as('n')).where('workspaceId', '=', workspaceId).where('periodId', '=', periodId).executeTakeFirstOrThrow()).n);

// Stories

export interface StoryRow {
  id: string;
  number: number;
  title: string;
  text: string;
  occurredAt: Date;
  visibility: string;
  areaId: string | null;
  reporterUserId: string | null;
  reporterName: string | null;
  ownerUserId: string | null;
  domainId: string | null;
  domainName: string | null;
}

export interface StoryFilter {
  /** Happened on or after this date (Dutch time). */
  from?: string;
  /** Happened on or before this date (Dutch time). */
  to?: string;
  /** A domain, `none` for stories without one; absent for every story. */
  domainId?: string;
  ids?: readonly string[];
}

/** Stories: observations of kind `verhaal`, with the same visibility rule as the observation list (`intern` only for reporter, owner, coordinators). */
function visibleStory(workspaceId: string, access: Access): Expression<SqlBool> {
  const all = [sql<SqlBool>`o.workspace_id = ${workspaceId}`, sql<SqlBool>`o.kind = 'verhaal'`];
  if (!access.seeIntern) all.push(sql<SqlBool>`(o.visibility <> 'intern' or o.reporter_user_id = ${access.userId} or o.owner_user_id = ${access.userId})`);
  return sql<SqlBool>`(${sql.join(all, sql` and `)})`;
}

function storyQuery(db: Db, workspaceId: string, access: Access, f: StoryFilter) {
  return t(db)
    .selectFrom('observations as o')
    .leftJoin('mscStoryDomains as sd', (j) => j.onRef('sd.observationId', '=', 'o.id').on('sd.workspaceId', '=', workspaceId))
    .leftJoin('mscDomains as d', (j) => j.onRef('d.id', '=', 'sd.domainId').on('d.workspaceId', '=', workspaceId))
    .where((eb) => {
      const all = [visibleStory(workspaceId, access)];
      if (f.from) all.push(sql<SqlBool>`${LOCAL_DATE} >= ${f.from}::date`);
      if (f.to) all.push(sql<SqlBool>`${LOCAL_DATE} <= ${f.to}::date`);
      if (f.domainId === 'none') all.push(eb('sd.domainId', 'is', null));
      else if (f.domainId) all.push(eb('sd.domainId', '=', f.domainId));
      if (f.ids) all.push(f.ids.length ? eb('o.id', 'in', [...f.ids]) : sql<SqlBool>`false`);
      return eb.and(all);
    });
}

const storyColumns = ['o.id', 'o.number', 'o.title', 'o.text', 'o.occurredAt', 'o.visibility', 'o.areaId', 'o.reporterUserId', 'o.reporterName', 'o.ownerUserId', 'sd.domainId', 'd.name as domainName'] as const;

/** A page of stories, oldest first (the order in which a panel reads them). */
export async function listStories(db: Db, workspaceId: string, access: Access, f: StoryFilter, page: { limit: number; offset: number }) {
  const base = storyQuery(db, workspaceId, access, f);
  const [items, total] = await Promise.all([
    base.select(storyColumns).orderBy('o.occurredAt').orderBy('o.number').limit(page.limit).offset(page.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: items as StoryRow[], total: Number(total.n) };
}

export const findStory = async (db: Db, workspaceId: string, access: Access, id: string) =>
  (await storyQuery(db, workspaceId, access, { ids: [id] }).select(storyColumns).executeTakeFirst()) as StoryRow | undefined;

/** Gives a story its domain (null: none). */
export async function setStoryDomain(db: Db, workspaceId: string, observationId: string, domainId: string | null) {
  if (!domainId) {
    await t(db).deleteFrom('mscStoryDomains').where('workspaceId', '=', workspaceId).where('observationId', '=', observationId).execute();
    return;
  }
  await t(db)
    .insertInto('mscStoryDomains')
    .values({ workspaceId, observationId, domainId })
    .onConflict((oc) => oc.columns(['workspaceId', 'observationId']).doUpdateSet({ domainId }))
    .execute();
}

// Selection rounds

export type RoundListRow = RoundRow & { periodName: string; domainName: string | null; selections: number | null };

function roundQuery(db: Db, workspaceId: string) {
  return t(db)
    .selectFrom('mscRounds as r')
    .innerJoin('mscPeriods as p', (j) => j.onRef('p.id', '=', 'r.periodId').on('p.workspaceId', '=', workspaceId))
    .leftJoin('mscDomains as d', (j) => j.onRef('d.id', '=', 'r.domainId').on('d.workspaceId', '=', workspaceId))
    .selectAll('r')
    .select(['p.name as periodName', 'p.startDate as periodStart', 'p.endDate as periodEnd', 'd.name as domainName'])
    .select((eb) => eb.selectFrom('mscSelections as s').select(eb.fn.countAll<number>().as('n')).where('s.workspaceId', '=', workspaceId).whereRef('s.roundId', '=', 'r.id').as('selections'))
    .where('r.workspaceId', '=', workspaceId);
}

/** Rounds, newest first; optionally of one period. */
export const listRounds = async (db: Db, workspaceId: string, periodId?: string) =>
  (await roundQuery(db, workspaceId)
    .$if(!!periodId, (q) => q.where('r.periodId', '=', periodId!))
    .orderBy('r.heldOn', 'desc')
    .orderBy('r.createdAt', 'desc')
    .execute()) as (RoundListRow & { periodStart: string; periodEnd: string })[];

export const findRound = async (db: Db, workspaceId: string, id: string) =>
  (await roundQuery(db, workspaceId).where('r.id', '=', id).executeTakeFirst()) as (RoundListRow & { periodStart: string; periodEnd: string }) | undefined;

/** Locks the round for the rest of the transaction, so two finishes or a finish and a selection never interleave. */
export const lockRound = (db: Db, workspaceId: string, id: string) =>
  t(db).selectFrom('mscRounds').selectAll().where('workspaceId', '=', workspaceId).where('id', '=', id).forUpdate().executeTakeFirst() as Promise<RoundRow | undefined>;

export const insertRound = (db: Db, row: Omit<RoundRow, 'createdAt' | 'updatedAt' | 'finishedAt' | 'status'>) =>
  t(db)
    .insertInto('mscRounds')
    .values({ ...row, panel: JSON.stringify(row.panel), status: 'open', finishedAt: null })
    .returningAll()
    .executeTakeFirstOrThrow() as Promise<RoundRow>;
export const updateRound = (db: Db, workspaceId: string, id: string, patch: Partial<Pick<RoundRow, 'name' | 'heldOn' | 'panel' | 'status' | 'finishedAt'>>) =>
  t(db)
    .updateTable('mscRounds')
    .set({ ...patch, panel: patch.panel === undefined ? undefined : JSON.stringify(patch.panel), updatedAt: new Date() })
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow() as Promise<RoundRow>;
export const deleteRound = (db: Db, workspaceId: string, id: string) => t(db).deleteFrom('mscRounds').where('workspaceId', '=', workspaceId).where('id', '=', id).execute();

// Selections

export const selectionsOf = (db: Db, workspaceId: string, roundId: string) =>
  t(db).selectFrom('mscSelections').selectAll().where('workspaceId', '=', workspaceId).where('roundId', '=', roundId).orderBy('rank').execute() as Promise<SelectionRow[]>;
export const insertSelection = (db: Db, row: Omit<SelectionRow, 'createdAt' | 'updatedAt'>) =>
  t(db).insertInto('mscSelections').values(row).returningAll().executeTakeFirstOrThrow() as Promise<SelectionRow>;
export const updateSelection = (db: Db, workspaceId: string, id: string, patch: Partial<Pick<SelectionRow, 'rank' | 'reason'>>) =>
  t(db).updateTable('mscSelections').set({ ...patch, updatedAt: new Date() }).where('workspaceId', '=', workspaceId).where('id', '=', id).returningAll().executeTakeFirstOrThrow() as Promise<SelectionRow>;
export const deleteSelection = (db: Db, workspaceId: string, id: string) => t(db).deleteFrom('mscSelections').where('workspaceId', '=', workspaceId).where('id', '=', id).execute();

/** The choices of finished rounds: what reports include. Newest round first, then by rank. */
export async function selectedInFinishedRounds(db: Db, workspaceId: string, f: { periodId?: string; domainId?: string }) {
  return (await t(db)
    .selectFrom('mscSelections as s')
    .innerJoin('mscRounds as r', (j) => j.onRef('r.id', '=', 's.roundId').on('r.workspaceId', '=', workspaceId))
    .innerJoin('mscPeriods as p', (j) => j.onRef('p.id', '=', 'r.periodId').on('p.workspaceId', '=', workspaceId))
    .leftJoin('mscDomains as d', (j) => j.onRef('d.id', '=', 'r.domainId').on('d.workspaceId', '=', workspaceId))
    .leftJoin('mscStoryDomains as sd', (j) => j.onRef('sd.observationId', '=', 's.observationId').on('sd.workspaceId', '=', workspaceId))
    .select([
      's.id',
      's.rank',
      's.reason',
      's.observationId',
      'r.id as roundId',
      'r.name as roundName',
      'r.heldOn',
      'r.finishedAt',
      'r.panel',
      'p.id as periodId',
      'p.name as periodName',
      'd.name as roundDomainName',
    ])
    .where('s.workspaceId', '=', workspaceId)
    .where('r.status', '=', 'afgerond')
    .$if(!!f.periodId, (q) => q.where('r.periodId', '=', f.periodId!))
    .$if(!!f.domainId, (q) => q.where((eb) => eb.or([eb('r.domainId', '=', f.domainId!), eb('sd.domainId', '=', f.domainId!)])))
    .orderBy('p.startDate', 'desc')
    .orderBy('r.heldOn', 'desc')
    .orderBy('r.id')
    .orderBy('s.rank')
    .execute()) as {
    id: string;
    rank: number;
    reason: string;
    observationId: string;
    roundId: string;
    roundName: string;
    heldOn: string;
    finishedAt: Date;
    panel: PanelEntry[];
    periodId: string;
    periodName: string;
    roundDomainName: string | null;
  }[];
}
