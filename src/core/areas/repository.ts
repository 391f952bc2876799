import { sql, type ColumnType, type Expression, type Generated, type Kysely } from 'kysely';
import type { Db } from '../../platform/db/database';

export interface AreaRow {
  workspaceId: string;
  id: string;
  kind: string;
  code: string | null;
  name: string;
  year: number;
  parentId: string | null;
  population: number | null;
  geometry: Record<string, unknown> | null;
  createdAt: Date;
  updatedAt: Date;
}
export interface TeamMemberRow {
  userId: string;
  contact: boolean;
  createdAt: Date;
}
interface Tables {
  areaTeamMembers: Omit<TeamMemberRow, 'createdAt'> & { workspaceId: string; areaId: string; createdAt: Generated<Date> };
  areas: Omit<AreaRow, 'createdAt' | 'updatedAt' | 'geometry'> & {
    createdAt: Generated<Date>;
    updatedAt: Generated<Date>;
    // Written as JSON text (both drivers then store the same jsonb), read back as an object.
    geometry: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  };
}
const t = (db: Db) => db as Kysely<Tables>;

/** The summary columns of a list: everything but the (bulky) geometry. */
const summaryColumns = ['areas.id', 'areas.code', 'areas.name', 'areas.kind', 'areas.parentId', 'areas.year', 'areas.population'] as const;

// Parents before children, then by code (uncoded areas last), then by name.
const kindRank = sql<number>`case areas.kind when 'gemeente' then 0 when 'wijk' then 1 when 'buurt' then 2 when 'straat' then 3 when 'complex' then 4 else 5 end`;

export interface AreaFilter {
  kind?: string;
  year?: number;
  parentId?: string;
  q?: string;
  limit: number;
  offset: number;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/** A page of a workspace's areas with the total count, in tree order. */
export async function listAreas(db: Db, workspaceId: string, filter: AreaFilter) {
  const base = t(db)
    .selectFrom('areas')
    .where('areas.workspaceId', '=', workspaceId)
    .$if(filter.kind !== undefined, (q) => q.where('areas.kind', '=', filter.kind!))
    .$if(filter.year !== undefined, (q) => q.where('areas.year', '=', filter.year!))
    .$if(filter.parentId !== undefined, (q) => q.where('areas.parentId', '=', filter.parentId!))
    .$if(!!filter.q, (q) => {
      const pattern = `%${escapeLike(filter.q!)}%`;
      return q.where((eb) => eb.or([eb('areas.name', 'ilike', pattern), eb('areas.code', 'ilike', pattern)]));
    });
  const [items, total] = await Promise.all([
    base
      .select(summaryColumns)
      .select(sql<boolean>`areas.geometry is not null`.as('hasGeometry'))
      .orderBy(kindRank)
      .orderBy('areas.code', (o) => o.asc().nullsLast())
      .orderBy('areas.name')
      .orderBy('areas.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export const findArea = (db: Db, workspaceId: string, id: string) =>
  t(db).selectFrom('areas').selectAll().where('workspaceId', '=', workspaceId).where('id', '=', id).executeTakeFirst();

export const findAreaByCode = (db: Db, workspaceId: string, year: number, code: string) =>
  t(db).selectFrom('areas').selectAll().where('workspaceId', '=', workspaceId).where('year', '=', year).where('code', '=', code).executeTakeFirst();

export const countChildren = async (db: Db, workspaceId: string, id: string) =>
  Number(
    (
      await t(db)
        .selectFrom('areas')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('workspaceId', '=', workspaceId)
        .where('parentId', '=', id)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** `up(id, parent_id, depth)`: an area and its ancestors, depth 0 for the area itself (bounded, in case of bad data). */
const ancestorsCte = (workspaceId: string, id: string) => sql`
    with recursive up(id, parent_id, depth) as (
      select id, parent_id, 0 from areas where workspace_id = ${workspaceId} and id = ${id}
      union all
      select a.id, a.parent_id, up.depth + 1
      from areas a join up on a.workspace_id = ${workspaceId} and a.id = up.parent_id
      where up.depth < 100
    )`;

/** The ids of an area and all its ancestors, nearest first (bounded, in case of bad data). */
export async function ancestorIds(db: Db, workspaceId: string, id: string): Promise<string[]> {
  const result = await sql<{ id: string }>`
    ${ancestorsCte(workspaceId, id)}
    select id from up order by depth`.execute(db);
  return result.rows.map((r) => r.id);
}

/** The ids of an area and every area inside it (bounded depth, in case of bad data). */
export async function descendantIds(db: Db, workspaceId: string, id: string): Promise<string[]> {
  const result = await sql<{ ids: string[] }>`select ${descendantIdsSql(workspaceId, id)} as ids`.execute(db);
  return result.rows[0].ids;
}

/**
 * The ids of an area and every area inside it as an SQL expression (uuid[]), for another
 * module's statement: read in that statement instead of a round trip of its own.
 */
export const descendantIdsSql = (workspaceId: string, id: string) =>
  sql<string[]>`array(
    with recursive down(id, depth) as (
      select id, 0 from areas where workspace_id = ${workspaceId} and id = ${id}
      union all
      select a.id, down.depth + 1
      from areas a join down on a.workspace_id = ${workspaceId} and a.parent_id = down.id
      where down.depth < 100
    )
    select id from down)`;

/**
 * The names of the areas whose ids an SQL expression (uuid[]) gives, as a JSON array of
 * `{ id, name }` (unknown ids left out), for another module's statement.
 */
export const namesOfSql = (workspaceId: string, ids: Expression<string[]>) =>
  sql<{ id: string; name: string }[]>`(select coalesce(json_agg(json_build_object('id', a.id, 'name', a.name)), '[]')
    from areas a where a.workspace_id = ${workspaceId} and a.id = any(${ids}))`;

/** Names and codes of these areas. */
export const namesOf = (db: Db, workspaceId: string, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([] as { id: string; name: string; code: string | null }[])
    : t(db).selectFrom('areas').select(['id', 'name', 'code']).where('workspaceId', '=', workspaceId).where('id', 'in', [...ids]).execute();

export const insertArea = (db: Db, row: Omit<AreaRow, 'createdAt' | 'updatedAt'>) =>
  t(db)
    .insertInto('areas')
    .values({ ...row, geometry: row.geometry === null ? null : JSON.stringify(row.geometry) })
    .returningAll()
    .executeTakeFirstOrThrow();

export const updateArea = (db: Db, workspaceId: string, id: string, patch: Partial<Pick<AreaRow, 'name' | 'parentId'>>) =>
  t(db).updateTable('areas').set({ ...patch, updatedAt: new Date() }).where('workspaceId', '=', workspaceId).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

export const deleteArea = (db: Db, workspaceId: string, id: string) => t(db).deleteFrom('areas').where('workspaceId', '=', workspaceId).where('id', '=', id).execute();

/** Areas with a geometry, for a map. */
export const listAreaGeometries = (db: Db, workspaceId: string, filter: { kind?: string; year?: number }) =>
  t(db)
    .selectFrom('areas')
    .select([...summaryColumns, 'areas.geometry'])
    .where('areas.workspaceId', '=', workspaceId)
    .where('areas.geometry', 'is not', null)
    .$if(filter.kind !== undefined, (q) => q.where('areas.kind', '=', filter.kind!))
    .$if(filter.year !== undefined, (q) => q.where('areas.year', '=', filter.year!))
    .orderBy(kindRank)
    .orderBy('areas.code')
    .orderBy('areas.name')
    .execute();

/** What changes when boundaries change: how many areas have one, and the latest change among them. */
export const geometryStamp = async (db: Db, workspaceId: string) => {
  const row = await t(db)
    .selectFrom('areas')
    .select([(eb) => eb.fn.countAll<number>().as('n'), sql<string | null>`max(updated_at)::text`.as('latest')])
    .where('workspaceId', '=', workspaceId)
    .where('geometry', 'is not', null)
    .executeTakeFirstOrThrow();
  return `${Number(row.n)}@${row.latest ?? ''}`;
};

/** Every boundary of the workspace, for placing points (the service keeps them in memory). */
export const allGeometries = (db: Db, workspaceId: string) =>
  t(db).selectFrom('areas').select(['id', 'year', 'geometry']).where('workspaceId', '=', workspaceId).where('geometry', 'is not', null).execute();

/** The years of the workspace's area divisions with their number of areas, newest first. */
export const listYears = (db: Db, workspaceId: string) =>
  t(db)
    .selectFrom('areas')
    .select(['year', (eb) => eb.fn.countAll<number>().as('count')])
    .where('workspaceId', '=', workspaceId)
    .groupBy('year')
    .orderBy('year', 'desc')
    .execute();

export const latestYear = async (db: Db, workspaceId: string): Promise<number | null> => {
  const row = await t(db)
    .selectFrom('areas')
    .select((eb) => eb.fn.max('year').as('year'))
    .where('workspaceId', '=', workspaceId)
    .executeTakeFirst();
  return row?.year == null ? null : Number(row.year);
};

export const exportAreas = (db: Db, workspaceId: string) =>
  t(db).selectFrom('areas').selectAll().where('workspaceId', '=', workspaceId).orderBy(kindRank).orderBy('year').orderBy('code').orderBy('name').execute();

// Import: whole batches at once

export type CodedArea = Pick<AreaRow, 'id' | 'code' | 'kind' | 'name' | 'parentId' | 'population'>;

/** Every coded area of one year's division (without geometry), to match an import against. */
export const listCodedAreas = (db: Db, workspaceId: string, year: number) =>
  t(db)
    .selectFrom('areas')
    .select(['id', 'code', 'kind', 'name', 'parentId', 'population'])
    .where('workspaceId', '=', workspaceId)
    .where('year', '=', year)
    .where('code', 'is not', null)
    .execute() as Promise<(CodedArea & { code: string })[]>;

export type NewArea = Omit<AreaRow, 'createdAt' | 'updatedAt'>;

/** Inserts many areas in one statement; parents may come earlier in the same batch. */
export async function insertAreas(db: Db, rows: NewArea[]): Promise<void> {
  if (rows.length === 0) return;
  await t(db)
    .insertInto('areas')
    .values(rows.map((row) => ({ ...row, geometry: row.geometry === null ? null : JSON.stringify(row.geometry) })))
    .execute();
}

export interface AreaImportUpdate {
  id: string;
  name: string;
  parentId: string | null;
  population: number | null;
  /** Only set when `withGeometry` is passed to `updateAreas`. */
  geometry?: Record<string, unknown> | null;
}

/**
 * Updates many areas in one statement and only where something differs, so an unchanged
 * area keeps its `updated_at`. Returns the ids of the areas that changed.
 */
export async function updateAreas(db: Db, workspaceId: string, rows: AreaImportUpdate[], withGeometry: boolean): Promise<string[]> {
  if (rows.length === 0) return [];
  const values = sql.join(
    rows.map(
      (r) =>
        sql`(${r.id}::uuid, ${r.name}::text, ${r.parentId}::uuid, ${r.population}::integer, ${withGeometry && r.geometry != null ? JSON.stringify(r.geometry) : null}::jsonb)`,
    ),
  );
  const geometrySet = withGeometry ? sql`, geometry = v.geometry` : sql``;
  const geometryDiffers = withGeometry ? sql` or areas.geometry is distinct from v.geometry` : sql``;
  const result = await sql<{ id: string }>`
    update areas
    set name = v.name, parent_id = v.parent_id, population = v.population${geometrySet}, updated_at = now()
    from (values ${values}) as v(id, name, parent_id, population, geometry)
    where areas.workspace_id = ${workspaceId} and areas.id = v.id
      and (areas.name is distinct from v.name or areas.parent_id is distinct from v.parent_id
           or areas.population is distinct from v.population${geometryDiffers})
    returning areas.id`.execute(db);
  return result.rows.map((r) => r.id);
}

// Area teams

/** The team of one area: the contact first, then by how long they have been in it. */
export const teamOf = (db: Db, workspaceId: string, areaId: string): Promise<TeamMemberRow[]> =>
  t(db)
    .selectFrom('areaTeamMembers')
    .select(['userId', 'contact', 'createdAt'])
    .where('workspaceId', '=', workspaceId)
    .where('areaId', '=', areaId)
    .orderBy('contact', 'desc')
    .orderBy('createdAt')
    .orderBy('userId')
    .execute();

/** Replaces an area's team; members who stay keep their `created_at`. */
export async function replaceTeam(db: Db, workspaceId: string, areaId: string, members: readonly { userId: string; contact: boolean }[]) {
  await t(db)
    .deleteFrom('areaTeamMembers')
    .where('workspaceId', '=', workspaceId)
    .where('areaId', '=', areaId)
    .$if(members.length > 0, (q) => q.where('userId', 'not in', members.map((m) => m.userId)))
    .execute();
  // Unset the old contact first: the partial unique index allows one per area at any moment.
  await t(db).updateTable('areaTeamMembers').set({ contact: false }).where('workspaceId', '=', workspaceId).where('areaId', '=', areaId).where('contact', '=', true).execute();
  if (members.length === 0) return;
  await t(db)
    .insertInto('areaTeamMembers')
    .values(members.map((m) => ({ workspaceId, areaId, userId: m.userId, contact: m.contact })))
    .onConflict((oc) => oc.columns(['workspaceId', 'areaId', 'userId']).doUpdateSet({ contact: sql`excluded.contact` }))
    .execute();
}

/**
 * An area's name and code with, walking up from it (buurt, wijk, gemeente), the members of
 * each area's team in the order `teamOwner` ranks them (nearest area first; within a team the
 * contact, then the longest-standing member). One statement; undefined when there is no such area.
 */
export const areaWithTeamsSql = (workspaceId: string, areaId: string) =>
  sql<{ id: string; name: string; code: string | null; team: string[] } | null>`(
    ${ancestorsCte(workspaceId, areaId)}
    select json_build_object('id', a.id, 'name', a.name, 'code', a.code, 'team', array(
        select m.user_id::text
        from up join area_team_members m on m.workspace_id = ${workspaceId} and m.area_id = up.id
        order by up.depth, m.contact desc, m.created_at, m.user_id
      ))
    from areas a where a.workspace_id = ${workspaceId} and a.id = ${areaId})`;

/**
 * Who answers for an area: walking up from the area (buurt, wijk, gemeente), the first area
 * whose team has one of `candidates` (the workspace's current members); within that team the
 * contact, else the longest-standing member. One statement.
 */
export async function teamOwner(db: Db, workspaceId: string, areaId: string, candidates: readonly string[]): Promise<{ userId: string; areaId: string } | null> {
  if (candidates.length === 0) return null;
  const result = await sql<{ userId: string; areaId: string }>`
    with recursive up(id, parent_id, depth) as (
      select id, parent_id, 0 from areas where workspace_id = ${workspaceId} and id = ${areaId}
      union all
      select a.id, a.parent_id, up.depth + 1
      from areas a join up on a.workspace_id = ${workspaceId} and a.id = up.parent_id
      where up.depth < 100
    )
    select m.user_id as "userId", m.area_id as "areaId"
    from up join area_team_members m on m.workspace_id = ${workspaceId} and m.area_id = up.id
    where m.user_id = any(${[...candidates]}::uuid[])
    order by up.depth, m.contact desc, m.created_at, m.user_id
    limit 1`.execute(db);
  return result.rows[0] ?? null;
}
