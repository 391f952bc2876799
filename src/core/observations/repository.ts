import { sql, type Expression, type ExpressionBuilder, type Generated, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { auditInsert, type AuditEntry } from '../../platform/audit';
import { byteaAsBuffer, parsedOnce, prepared, type Db } from '../../platform/db/database';

export type ObservationRow = {
  workspaceId: string;
  id: string;
  number: number;
  kind: string;
  title: string;
  text: string;
  areaId: string | null;
  lat: number | null;
  lon: number | null;
  occurredAt: Date;
  visibility: string;
  containsPersonalData: boolean;
  tags: string[];
  status: string;
  ownerUserId: string | null;
  routedBy: string | null;
  forwardedTo: string | null;
  dueAt: Date | null;
  reporterUserId: string | null;
  reporterName: string | null;
  reporterEmail: string | null;
  reporterPhone: string | null;
  accessTokenHash: string | null;
  source: string;
  satisfaction: number | null;
  satisfactionNote: string | null;
  answeredAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};
export type NewObservation = Omit<ObservationRow, 'createdAt' | 'updatedAt' | 'tags' | 'number'> & Partial<Pick<ObservationRow, 'number' | 'createdAt' | 'updatedAt'>>;
export type ObservationPatch = Partial<Omit<ObservationRow, 'workspaceId' | 'id' | 'number' | 'createdAt' | 'tags'>>;
export type EventRow = {
  workspaceId: string;
  id: string;
  observationId: string;
  at: Date;
  actorUserId: string | null;
  actorName: string;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  message: string | null;
  ownerUserId: string | null;
  forwardedTo: string | null;
  dueAt: Date | null;
  internal: boolean;
};
export type TemplateRow = { workspaceId: string; id: string; title: string; body: string; createdAt: Date; updatedAt: Date };

interface Tables {
  observations: Omit<ObservationRow, 'createdAt' | 'updatedAt' | 'tags'> & { createdAt: Generated<Date>; updatedAt: Generated<Date>; tags: Generated<string[]>; search: Generated<string> };
  observationNodes: { workspaceId: string; observationId: string; nodeId: string };
  observationRules: { workspaceId: string; observationId: string; ruleId: string };
  observationEvents: Omit<EventRow, 'at'> & { at: Generated<Date> };
  observationTemplates: Omit<TemplateRow, 'createdAt' | 'updatedAt'> & { createdAt: Generated<Date>; updatedAt: Generated<Date> };
  observationRetentionRules: RetentionRule & { workspaceId: string };
}
const t = (db: Db) => db as Kysely<Tables>;

// Writing

/**
 * The next number in this workspace, as SQL for the statement that writes the observation:
 * `observation_number` (migration 009) takes it from the workspace's own sequence, so the
 * number costs no round trip and no lock. A number whose statement fails stays unused: the
 * numbers can have a gap, never a duplicate.
 */
const nextNumberSql = (workspaceId: string) => sql<number>`observation_number(${workspaceId}::uuid)`;

/** The next number in this workspace, for a caller that needs it before writing (the demo seeds). */
export async function nextNumber(db: Db, workspaceId: string) {
  return (await sql<{ number: number }>`select ${nextNumberSql(workspaceId)} as number`.execute(db)).rows[0].number;
}

/** Writes an observation; without a number it takes the workspace's next one. */
export async function insertObservation(db: Db, row: NewObservation, tags: readonly string[]) {
  return (await t(db)
    .insertInto('observations')
    .values({ ...row, number: row.number ?? nextNumberSql(row.workspaceId), tags: tagsValue(tags) })
    .returningAll()
    .executeTakeFirstOrThrow()) as unknown as ObservationRow;
}

const observationColumns = [
  'workspaceId', 'id', 'number', 'kind', 'title', 'text', 'areaId', 'lat', 'lon', 'occurredAt', 'visibility', 'containsPersonalData', 'tags', 'status', 'ownerUserId',
  'routedBy', 'forwardedTo', 'dueAt', 'reporterUserId', 'reporterName', 'reporterEmail', 'reporterPhone', 'accessTokenHash', 'source', 'satisfaction',
  'satisfactionNote', 'answeredAt', 'closedAt', 'createdAt', 'updatedAt',
] as const satisfies readonly (keyof ObservationRow)[];

/**
 * A new observation with its ladder and rule links, its first history entry and its audit row,
 * in one statement (data-modifying WITH queries): atomic like a transaction, one round trip
 * instead of six. The entry's time is the statement's `now()`, the observation's `createdAt`.
 */
export async function insertNewObservation(
  db: Db,
  w: { row: Omit<NewObservation, 'number'>; tags: readonly string[]; nodeIds: readonly string[]; ruleIds: readonly string[]; event: Omit<EventRow, 'at'>; audit: AuditEntry },
): Promise<{ row: ObservationRow; event: EventRow }> {
  const { workspaceId, id: observationId } = w.row;
  // The rows of each table go in through its own INSERT; the WITH only puts them in one statement.
  let q = t(db).with('o', (qc) => qc.insertInto('observations').values({ ...w.row, number: nextNumberSql(workspaceId), tags: tagsValue(w.tags) }).returning(observationColumns));
  const nodeIds = [...new Set(w.nodeIds)];
  const ruleIds = [...new Set(w.ruleIds)];
  if (nodeIds.length) q = q.with('n', (qc) => qc.insertInto('observationNodes').values(nodeIds.map((nodeId) => ({ workspaceId, observationId, nodeId })))) as unknown as typeof q;
  if (ruleIds.length) q = q.with('r', (qc) => qc.insertInto('observationRules').values(ruleIds.map((ruleId) => ({ workspaceId, observationId, ruleId })))) as unknown as typeof q;
  q = q.with('e', (qc) => qc.insertInto('observationEvents').values(w.event)) as unknown as typeof q;
  // Built without the handle's plugins: they act once, on the whole statement. The number is
  // the one this statement took: the audit row's label ('#12') and its change read it from o.
  const taken = sql<number>`(select number from o)`;
  const audit = auditInsert(db.withoutPlugins(), w.audit, {
    label: sql<string>`'#' || ${taken}`,
    changes: (changes) => sql`${changes} || jsonb_build_object('number', jsonb_build_object('before', null, 'after', ${taken}))`,
  });
  if (audit) q = q.with('a', () => audit as never) as unknown as typeof q;
  const row = (await q.selectFrom('o').selectAll().modifyFront(prepared).executeTakeFirstOrThrow()) as unknown as ObservationRow;
  return { row, event: { ...w.event, at: row.createdAt } };
}

/** Numbers for `count` new observations of the workspace, taken in one statement, lowest first. */
export async function takeNumbers(db: Db, workspaceId: string, count: number): Promise<number[]> {
  if (count === 0) return [];
  const { rows } = await sql<{ number: number }>`select ${nextNumberSql(workspaceId)} as number from generate_series(1, ${count})`.execute(db);
  return rows.map((r) => Number(r.number)).sort((a, b) => a - b);
}

/** Rows per statement of `insertNumberedObservations`: well below PostgreSQL's 65,535 parameters. */
const ROWS_PER_STATEMENT = 500;

/**
 * Many new observations that have their numbers already (an import), with their links and
 * first history entries: one statement per 500 observations instead of one each.
 */
export async function insertNumberedObservations(
  db: Db,
  items: readonly { row: NewObservation & { number: number }; tags: readonly string[]; nodeIds: readonly string[]; ruleIds: readonly string[]; event: Omit<EventRow, 'at'> }[],
) {
  for (let i = 0; i < items.length; i += ROWS_PER_STATEMENT) {
    const chunk = items.slice(i, i + ROWS_PER_STATEMENT);
    const links = <K extends 'nodeId' | 'ruleId'>(key: K, ids: (c: (typeof chunk)[number]) => readonly string[]) =>
      chunk.flatMap((c) => [...new Set(ids(c))].map((id) => ({ workspaceId: c.row.workspaceId, observationId: c.row.id, [key]: id }) as { workspaceId: string; observationId: string } & Record<K, string>));
    const nodes = links('nodeId', (c) => c.nodeIds);
    const rules = links('ruleId', (c) => c.ruleIds);
    let q = t(db).with('o', (qc) => qc.insertInto('observations').values(chunk.map((c) => ({ ...c.row, tags: tagsValue(c.tags) }))).returning('id'));
    if (nodes.length) q = q.with('n', (qc) => qc.insertInto('observationNodes').values(nodes)) as unknown as typeof q;
    if (rules.length) q = q.with('r', (qc) => qc.insertInto('observationRules').values(rules)) as unknown as typeof q;
    q = q.with('e', (qc) => qc.insertInto('observationEvents').values(chunk.map((c) => c.event))) as unknown as typeof q;
    await q.selectFrom('o').select((eb) => eb.fn.countAll().as('n')).execute();
  }
}

// Tags are validated by the schema (letters, digits, spaces, dashes), but go in as parameters anyway.
const tagsValue = (tags: readonly string[]) => (tags.length ? sql<string[]>`array[${sql.join([...tags])}]::text[]` : sql<string[]>`'{}'::text[]`);

export const updateObservation = async (db: Db, workspaceId: string, id: string, patch: ObservationPatch, tags?: readonly string[]) =>
  (await t(db)
    .updateTable('observations')
    .set({ ...patch, ...(tags ? { tags: tagsValue(tags) } : {}), updatedAt: new Date() })
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()) as unknown as ObservationRow;

export const deleteObservations = async (db: Db, workspaceId: string, ids: readonly string[]) => {
  if (ids.length) await t(db).deleteFrom('observations').where('workspaceId', '=', workspaceId).where('id', 'in', [...ids]).execute();
};

/** Links a new observation to ladder nodes. */
export async function addNodes(db: Db, workspaceId: string, observationId: string, nodeIds: readonly string[]) {
  if (nodeIds.length) await t(db).insertInto('observationNodes').values([...new Set(nodeIds)].map((nodeId) => ({ workspaceId, observationId, nodeId }))).execute();
}

export async function replaceNodes(db: Db, workspaceId: string, observationId: string, nodeIds: readonly string[]) {
  await t(db).deleteFrom('observationNodes').where('workspaceId', '=', workspaceId).where('observationId', '=', observationId).execute();
  await addNodes(db, workspaceId, observationId, nodeIds);
}

/** Links a new observation to rules (ids checked by the service through the rule directory). */
export async function addRules(db: Db, workspaceId: string, observationId: string, ruleIds: readonly string[]) {
  if (ruleIds.length) await t(db).insertInto('observationRules').values([...new Set(ruleIds)].map((ruleId) => ({ workspaceId, observationId, ruleId }))).execute();
}

/** Replaces the rules an observation links. */
export async function replaceRules(db: Db, workspaceId: string, observationId: string, ruleIds: readonly string[]) {
  await t(db).deleteFrom('observationRules').where('workspaceId', '=', workspaceId).where('observationId', '=', observationId).execute();
  await addRules(db, workspaceId, observationId, ruleIds);
}

export const insertEvent = (db: Db, row: Omit<EventRow, 'at'> & { at?: Date }) => t(db).insertInto('observationEvents').values(row).returningAll().executeTakeFirstOrThrow() as Promise<EventRow>;

// Reading

/**
 * SQL expressions, other modules' look-ups among them, read in one statement: one round trip
 * instead of one each (the checks of a new observation).
 */
export async function readTogether<T extends Record<string, Expression<unknown>>>(db: Db, wanted: T): Promise<{ [K in keyof T]: T[K] extends Expression<infer V> ? V : never }> {
  return (await db.selectNoFrom(Object.entries(wanted).map(([key, value]) => sql`${value}`.as(key))).modifyFront(prepared).executeTakeFirstOrThrow()) as never;
}

export const findObservation = async (db: Db, workspaceId: string, id: string) =>
  (await t(db).selectFrom('observations').selectAll().where('workspaceId', '=', workspaceId).where('id', '=', id).executeTakeFirst()) as unknown as ObservationRow | undefined;

/** Several observations by id in one statement (ids not found are left out). */
export const findObservations = async (db: Db, workspaceId: string, ids: readonly string[]) =>
  ids.length ? ((await t(db).selectFrom('observations').selectAll().where('workspaceId', '=', workspaceId).where('id', '=', sql<string>`any(${[...ids]}::uuid[])`).execute()) as unknown as ObservationRow[]) : [];

export const findByTokenHash = async (db: Db, hash: string) =>
  (await t(db).selectFrom('observations').selectAll().where('accessTokenHash', '=', hash).executeTakeFirst()) as unknown as ObservationRow | undefined;

export const nodeIdsOf = async (db: Db, workspaceId: string, observationId: string) =>
  (await t(db).selectFrom('observationNodes').select('nodeId').where('workspaceId', '=', workspaceId).where('observationId', '=', observationId).execute()).map((r) => r.nodeId);

export const ruleIdsOf = async (db: Db, workspaceId: string, observationId: string) =>
  (await t(db).selectFrom('observationRules').select('ruleId').where('workspaceId', '=', workspaceId).where('observationId', '=', observationId).orderBy('ruleId').execute()).map((r) => r.ruleId);

export const eventsOf = (db: Db, workspaceId: string, observationId: string) =>
  t(db).selectFrom('observationEvents').selectAll().where('workspaceId', '=', workspaceId).where('observationId', '=', observationId).orderBy('at').orderBy('id').execute() as Promise<EventRow[]>;

/** The whole history of a workspace's observations, for `dichter export`. */
export const allEvents = (db: Db, workspaceId: string) =>
  t(db).selectFrom('observationEvents').selectAll().where('workspaceId', '=', workspaceId).orderBy('observationId').orderBy('at').orderBy('id').execute() as Promise<EventRow[]>;

/** Who may see what: `intern` only for the reporter, the owner and (with `seeIntern`) coordinators. */
export interface Access {
  userId: string;
  seeIntern: boolean;
}

export interface Filter {
  q?: string;
  kind?: string;
  status?: string;
  /** The area and everything inside it: an array of ids in SQL, from the areas module. */
  areaIds?: RawBuilder<string[]>;
  ladderNodeId?: string;
  ruleId?: string;
  ownerId?: string;
  reporterId?: string;
  overdue?: boolean;
  from?: string;
  to?: string;
  tags?: readonly string[];
  visibility?: string;
}

const OPEN = ['nieuw', 'in_behandeling', 'heropend', 'doorgezet'];
const isOverdue = sql<boolean>`(observations.due_at is not null and observations.due_at < now() and observations.status in ('nieuw', 'in_behandeling', 'heropend', 'doorgezet'))`;

/**
 * Full-text search within one workspace, through observations_workspace_words_idx (migration
 * 008): every lexeme of a row is indexed as '<workspace uuid> <word>', and the query's lexemes
 * are rewritten the same way, so GIN reads only this workspace's list for each word; the match
 * implies the workspace (no separate workspace_id condition, which would make PostgreSQL AND a
 * bitmap of the whole workspace with the words). `numnode > 0`: a query of stop words only
 * finds nothing.
 */
const searchMatch = (workspaceId: string, q: string) =>
  sql<SqlBool>`(observation_workspace_words(observations.workspace_id, observations.search) @@ observation_workspace_query(${workspaceId}::uuid, websearch_to_tsquery('dutch', ${q})) and numnode(websearch_to_tsquery('dutch', ${q})) > 0)`;

/**
 * The same search as a plain condition on the row's own words, for a walk through the
 * workspace's rows in another index (observations_created_idx): evaluated per row, it costs a
 * fraction of rewriting every lexeme of the row as searchMatch's expression does (EXPLAIN
 * ANALYZE, largest workspace, common word: 7 ms → under 1 ms for a page).
 */
const plainSearchMatch = (q: string) => sql<SqlBool>`(observations.search @@ websearch_to_tsquery('dutch', ${q}) and numnode(websearch_to_tsquery('dutch', ${q})) > 0)`;

/** `words`: search through observations_workspace_words_idx ('indexed'), or check each row of the workspace ('plain'). */
function where(eb: ExpressionBuilder<Tables, 'observations'>, workspaceId: string, access: Access, f: Filter, words: 'indexed' | 'plain' = 'indexed'): Expression<SqlBool> {
  // Searching through the index, the search condition pins the workspace (see searchMatch).
  const all: Expression<SqlBool>[] =
    f.q && words === 'indexed' ? [searchMatch(workspaceId, f.q)] : [eb('observations.workspaceId', '=', workspaceId), ...(f.q ? [plainSearchMatch(f.q)] : [])];
  if (!access.seeIntern)
    all.push(eb.or([eb('observations.visibility', '<>', 'intern'), eb('observations.reporterUserId', '=', access.userId), eb('observations.ownerUserId', '=', access.userId)]));
  if (f.kind) all.push(eb('observations.kind', '=', f.kind));
  if (f.status) all.push(eb('observations.status', '=', f.status));
  if (f.visibility) all.push(eb('observations.visibility', '=', f.visibility));
  if (f.areaIds) all.push(sql<SqlBool>`observations.area_id = any(${f.areaIds})`);
  if (f.ownerId) all.push(eb('observations.ownerUserId', '=', f.ownerId));
  if (f.reporterId) all.push(eb('observations.reporterUserId', '=', f.reporterId));
  if (f.overdue !== undefined) all.push(f.overdue ? isOverdue : sql<SqlBool>`not ${isOverdue}`);
  if (f.from) all.push(sql<SqlBool>`observations.occurred_at >= ${f.from}::date`);
  if (f.to) all.push(sql<SqlBool>`observations.occurred_at < ${f.to}::date + 1`);
  // One parameter however many tags: one statement text, so one prepared statement (parsedOnce).
  if (f.tags?.length) all.push(sql<SqlBool>`observations.tags @> ${[...f.tags]}::text[]`);
  if (f.ladderNodeId)
    all.push(
      eb.exists(
        eb
          .selectFrom('observationNodes as n')
          .select('n.nodeId')
          .whereRef('n.observationId', '=', 'observations.id')
          .where('n.workspaceId', '=', workspaceId)
          .where('n.nodeId', '=', f.ladderNodeId),
      ),
    );
  if (f.ruleId)
    all.push(
      eb.exists(
        eb
          .selectFrom('observationRules as r')
          .select('r.ruleId')
          .whereRef('r.observationId', '=', 'observations.id')
          .where('r.workspaceId', '=', workspaceId)
          .where('r.ruleId', '=', f.ruleId),
      ),
    );
  return eb.and(all);
}

const summaryColumns = [
  'observations.id',
  'observations.number',
  'observations.kind',
  'observations.title',
  'observations.status',
  'observations.visibility',
  'observations.areaId',
  'observations.occurredAt',
  'observations.createdAt',
  'observations.ownerUserId',
  'observations.dueAt',
  'observations.tags',
  'observations.containsPersonalData',
] as const;
export type SummaryRow = Pick<ObservationRow, 'id' | 'number' | 'kind' | 'title' | 'status' | 'visibility' | 'areaId' | 'occurredAt' | 'createdAt' | 'ownerUserId' | 'dueAt' | 'tags' | 'containsPersonalData'> & {
  overdue: boolean;
};

/**
 * A page of observations, newest first; when searching and `rank` is set, best match first.
 * Ranking reads every match, so the service ranks only selections within its count cap;
 * a bigger selection is shown newest first, walking observations_created_idx (the explicit
 * workspace condition lets the planner take it) until the page is full.
 */
export async function listObservations(db: Db, workspaceId: string, access: Access, f: Filter, page: { limit: number; offset: number; rank?: boolean }) {
  return (await pageQuery(db, workspaceId, access, f, page, !!f.q && page.rank !== false).execute()) as unknown as SummaryRow[];
}

const rankOf = (q: string) => sql<number>`ts_rank(observations.search, websearch_to_tsquery('dutch', ${q}))`;

function pageQuery(db: Db, workspaceId: string, access: Access, f: Filter, page: { limit: number; offset: number }, ranked: boolean) {
  let q = t(db)
    .selectFrom('observations')
    .select(summaryColumns)
    .select(isOverdue.as('overdue'))
    .where((eb) => where(eb, workspaceId, access, f, ranked ? 'indexed' : 'plain'));
  if (ranked) q = q.select(rankOf(f.q!).as('rank')).orderBy(rankOf(f.q!), 'desc');
  return q.orderBy('observations.createdAt', 'desc').orderBy('observations.id', 'desc').limit(page.limit).offset(page.offset);
}

/** Counts per kind, status and area of the selection, its total and how many are overdue: one pass. */
const facetQuery = (db: Db, workspaceId: string, access: Access, f: Filter) =>
  t(db)
    .selectFrom('observations')
    .select([
      'observations.kind',
      'observations.status',
      'observations.areaId',
      sql<number>`grouping(observations.kind, observations.status, observations.area_id)`.as('g'),
      (eb) => eb.fn.countAll<number>().as('n'),
      sql<number>`count(*) filter (where ${isOverdue})`.as('overdue'),
    ])
    .where((eb) => where(eb, workspaceId, access, f))
    .groupBy(sql`grouping sets ((observations.kind), (observations.status), (observations.area_id), ())`);

type FacetRow = { kind: string; status: string; areaId: string | null; g: number; n: number; overdue: number };
export type Facets = ReturnType<typeof foldFacets>;

function foldFacets(rows: readonly FacetRow[]) {
  const out = { total: 0, overdue: 0, kind: [] as { value: string; count: number }[], status: [] as { value: string; count: number }[], area: [] as { value: string; count: number }[] };
  for (const r of rows) {
    const n = Number(r.n);
    // grouping() is a bit mask: 1 = area rolled up, 2 = status, 4 = kind
    switch (Number(r.g)) {
      case 7:
        out.total = n;
        out.overdue = Number(r.overdue);
        break;
      case 3:
        out.kind.push({ value: r.kind, count: n });
        break;
      case 5:
        out.status.push({ value: r.status, count: n });
        break;
      case 6:
        if (r.areaId) out.area.push({ value: r.areaId, count: n });
        break;
    }
  }
  for (const list of [out.kind, out.status]) list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  // Areas by id on a tie, in the order of the uuids themselves (lowercase hex: as listPage picks them).
  out.area.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  // The list shows the AREA_FACETS areas with most observations (and names only those: a big
  // city's whole list has 600+).
  out.area = out.area.slice(0, AREA_FACETS);
  return out;
}

/**
 * The names a list shows, read in its statement from the modules that hold them: each turns
 * an SQL expression of ids (uuid[]) into an SQL expression of a JSON array.
 */
export interface ListNames {
  areas: (ids: Expression<string[]>) => Expression<{ id: string; name: string }[]>;
  /** Which of these users are members, with their names. */
  members: (userIds: Expression<string[]>) => Expression<{ userId: string; name: string | null }[]>;
}

/** A summary row as json_agg gives it: timestamps as text. */
type JsonSummaryRow = Omit<SummaryRow, 'occurredAt' | 'createdAt' | 'dueAt'> & { occurredAt: string; createdAt: string; dueAt: string | null; rank?: number };

/**
 * What a list shows, in one statement: how many observations the selection holds, counted no
 * further than `cap + 1`; a page of them; and, when they are no more than `cap`, the counts per
 * kind, status and area (`facets`, else null). Within the cap a search shows the best match
 * first; beyond it the newest first, walking observations_created_idx (the explicit workspace
 * condition lets the planner take it) until the page is full, because ranking reads every match.
 * Counting stops at the cap, so a common word in a big city (33,000 matches) costs what 1,000
 * cost. Whether the count stayed within the cap is decided inside the statement (a one-time
 * filter on each branch), so the branch not taken reads nothing. The names the list shows
 * come along (`names`), so a list is one round trip. Parsed once per connection, planned for
 * each call (`parsedOnce`): its best plan depends on the workspace and the filters' values.
 */
export async function listPage(db: Db, workspaceId: string, access: Access, filter: Filter, page: { limit: number; offset: number }, cap: number, names: ListNames) {
  // The area's ids are read once, for the count, the page and the facets.
  const areas = filter.areaIds ? sql`area_ids as (select ${filter.areaIds} as ids),` : sql``;
  const f: Filter = filter.areaIds ? { ...filter, areaIds: sql<string[]>`(select ids from area_ids)::uuid[]` } : filter;
  // The parts are built without the handle's plugins and become one statement, which the
  // plugins (CamelCasePlugin) then transform as a whole, once.
  const parts = db.withoutPlugins();
  const counting = t(parts)
    .selectFrom('observations')
    .where((eb) => where(eb, workspaceId, access, f))
    .limit(cap + 1);
  const within = sql<SqlBool>`(select n from counted) <= ${cap}`;
  const newest = pageQuery(parts, workspaceId, access, f, page, false);
  let search = sql``;
  let items: Expression<unknown> = newest;
  let facets: Expression<unknown> = facetQuery(parts, workspaceId, access, f).where(within);
  if (f.q) {
    // Within the cap the matches are read once (through the search index), then ranked and
    // counted per facet from memory; beyond it the newest come from observations_created_idx.
    const matches = t(parts)
      .selectFrom('observations')
      .select(summaryColumns)
      .select(isOverdue.as('overdue'))
      .select('observations.search')
      .where((eb) => where(eb, workspaceId, access, f))
      .where(within);
    search = sql`matches as materialized (${matches}),`;
    items = sql`(select id, number, kind, title, status, visibility, area_id, occurred_at, created_at, owner_user_id, due_at, tags, contains_personal_data, overdue,
          ts_rank(search, websearch_to_tsquery('dutch', ${f.q})) as rank
        from matches order by rank desc, created_at desc, id desc limit ${page.limit} offset ${page.offset})
      union all (${newest.select(sql<number>`null::real`.as('rank')).where(sql<SqlBool>`not ${within}`)})`;
    facets = sql`select kind, status, area_id, grouping(kind, status, area_id) as g, count(*) as n, count(*) filter (where overdue) as overdue
      from matches group by grouping sets ((kind), (status), (area_id), ())`;
  }
  const order = f.q ? sql`rank desc nulls last, created_at desc, id desc` : sql`created_at desc, id desc`;
  // Names: of the page's areas and owners, and of the areas the facets show (the AREA_FACETS
  // busiest, in foldFacets' order).
  const row = (
    await sql<{ counted: number; items: JsonSummaryRow[]; facets: FacetRow[] | null; areaNames: { id: string; name: string }[]; ownerNames: { userId: string; name: string | null }[] }>`
      ${parsedOnce} with ${areas} counted as (select count(*)::int as n from (${counting}) as selection),
        ${search}
        page as (${items}),
        facets as (${facets})
      select (select n from counted) as counted,
        coalesce((select json_agg(page order by ${order}) from page), '[]') as items,
        (select json_agg(facets) from facets) as facets,
        ${names.areas(sql<string[]>`array(
          select area_id from page where area_id is not null
          union
          select * from (select area_id from facets where g = 6 and area_id is not null order by n desc, area_id limit ${AREA_FACETS}) as shown)`)} as area_names,
        ${names.members(sql<string[]>`array(select owner_user_id from page where owner_user_id is not null)`)} as owner_names`.execute(db)
  ).rows[0];
  const counted = Number(row.counted);
  return {
    counted,
    items: row.items.map(({ rank: _rank, ...r }): SummaryRow => ({ ...r, occurredAt: new Date(r.occurredAt), createdAt: new Date(r.createdAt), dueAt: r.dueAt === null ? null : new Date(r.dueAt) })),
    facets: counted <= cap ? foldFacets(row.facets ?? []) : null,
    areaNames: row.areaNames,
    ownerNames: row.ownerNames,
  };
}

/** How many areas a list's facets hold (the busiest first): as many as the list shows. */
export const AREA_FACETS = 50;

/** What awaits this member's answer: overdue first, then by due date. */
export async function inbox(db: Db, workspaceId: string, userId: string) {
  return (await t(db)
    .selectFrom('observations')
    .select(summaryColumns)
    .select(isOverdue.as('overdue'))
    .where('workspaceId', '=', workspaceId)
    .where('ownerUserId', '=', userId)
    .where('status', 'in', OPEN)
    .orderBy('dueAt', (o) => o.asc().nullsLast())
    .orderBy('createdAt')
    .limit(500)
    .execute()) as unknown as SummaryRow[];
}

/** Every matching observation with all its columns, for export (oldest first). */
export const exportRows = async (db: Db, workspaceId: string, access: Access, f: Filter) =>
  (await t(db)
    .selectFrom('observations')
    .selectAll('observations')
    .where((eb) => where(eb, workspaceId, access, f))
    .orderBy('number')
    .execute()) as unknown as ObservationRow[];

export const nodeLinksOf = (db: Db, workspaceId: string, observationIds: readonly string[]) =>
  observationIds.length === 0
    ? Promise.resolve([] as { observationId: string; nodeId: string }[])
    : t(db).selectFrom('observationNodes').select(['observationId', 'nodeId']).where('workspaceId', '=', workspaceId).where('observationId', 'in', [...observationIds]).execute();

export const ruleLinksOf = (db: Db, workspaceId: string, observationIds: readonly string[]) =>
  observationIds.length === 0
    ? Promise.resolve([] as { observationId: string; ruleId: string }[])
    : t(db).selectFrom('observationRules').select(['observationId', 'ruleId']).where('workspaceId', '=', workspaceId).where('observationId', 'in', [...observationIds]).execute();

/**
 * Which observations link these rules (all rules of the workspace when `ruleIds` is absent),
 * happened within the days `from`–`to` (dates in the Netherlands; any time without a period)
 * and may be seen with `access`: one statement, from the rule index.
 */
export async function observationsLinkedToRules(db: Db, workspaceId: string, access: Access, ruleIds: readonly string[] | undefined, period?: { from: string; to: string }) {
  if (ruleIds && ruleIds.length === 0) return [] as { ruleId: string; observationId: string; kind: string; occurredOn: string }[];
  return (await t(db)
    .selectFrom('observationRules as r')
    .innerJoin('observations', (j) => j.onRef('observations.workspaceId', '=', 'r.workspaceId').onRef('observations.id', '=', 'r.observationId'))
    .select(['r.ruleId', 'r.observationId', 'observations.kind', sql<string>`to_char((observations.occurred_at at time zone 'Europe/Amsterdam')::date, 'YYYY-MM-DD')`.as('occurredOn')])
    .where('r.workspaceId', '=', workspaceId)
    .$if(!!ruleIds, (q) => q.where('r.ruleId', '=', sql<string>`any(${[...ruleIds!]}::uuid[])`))
    .$if(!!period, (q) =>
      q
        .where('observations.occurredAt', '>=', sql<Date>`(${period!.from}::date)::timestamp at time zone 'Europe/Amsterdam'`)
        .where('observations.occurredAt', '<', sql<Date>`(${period!.to}::date + 1)::timestamp at time zone 'Europe/Amsterdam'`),
    )
    .$if(!access.seeIntern, (q) =>
      q.where((eb) => eb.or([eb('observations.visibility', '<>', 'intern'), eb('observations.reporterUserId', '=', access.userId), eb('observations.ownerUserId', '=', access.userId)])),
    )
    .orderBy('r.ruleId')
    .orderBy('observations.occurredAt')
    .execute()) as { ruleId: string; observationId: string; kind: string; occurredOn: string }[];
}

// The public side

export async function publicList(db: Db, workspaceId: string, f: { kind?: string; status?: string; areaIds?: readonly string[] }, page: { limit: number; offset: number }) {
  const base = t(db)
    .selectFrom('observations')
    .where('workspaceId', '=', workspaceId)
    .where('visibility', '=', 'public')
    .where('containsPersonalData', '=', false)
    .$if(!!f.kind, (q) => q.where('kind', '=', f.kind!))
    .$if(!!f.status, (q) => q.where('status', '=', f.status!))
    .$if(!!f.areaIds, (q) => (f.areaIds!.length ? q.where('areaId', 'in', [...f.areaIds!]) : q.where(sql<SqlBool>`false`)));
  const [items, total] = await Promise.all([
    base.select(['number', 'kind', 'title', 'status', 'areaId', 'lat', 'lon', 'createdAt']).orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

// Standard answers

export const listTemplates = (db: Db, workspaceId: string) =>
  t(db).selectFrom('observationTemplates').selectAll().where('workspaceId', '=', workspaceId).orderBy('title').execute() as Promise<TemplateRow[]>;
export const findTemplate = (db: Db, workspaceId: string, id: string) =>
  t(db).selectFrom('observationTemplates').selectAll().where('workspaceId', '=', workspaceId).where('id', '=', id).executeTakeFirst() as Promise<TemplateRow | undefined>;
export const findTemplateByTitle = (db: Db, workspaceId: string, title: string) =>
  t(db).selectFrom('observationTemplates').selectAll().where('workspaceId', '=', workspaceId).where('title', '=', title).executeTakeFirst() as Promise<TemplateRow | undefined>;
export const insertTemplate = (db: Db, row: Omit<TemplateRow, 'createdAt' | 'updatedAt'>) =>
  t(db).insertInto('observationTemplates').values(row).returningAll().executeTakeFirstOrThrow() as Promise<TemplateRow>;
export const updateTemplate = (db: Db, workspaceId: string, id: string, patch: Partial<Pick<TemplateRow, 'title' | 'body'>>) =>
  t(db).updateTable('observationTemplates').set({ ...patch, updatedAt: new Date() }).where('workspaceId', '=', workspaceId).where('id', '=', id).returningAll().executeTakeFirstOrThrow() as Promise<TemplateRow>;
export const deleteTemplate = (db: Db, workspaceId: string, id: string) => t(db).deleteFrom('observationTemplates').where('workspaceId', '=', workspaceId).where('id', '=', id).execute();

// Retention

export type RetentionRule = { kind: string; status: string; months: number };

export const listRetentionRules = (db: Db, workspaceId: string) =>
  t(db).selectFrom('observationRetentionRules').select(['kind', 'status', 'months']).where('workspaceId', '=', workspaceId).orderBy('kind').orderBy('status').execute() as Promise<RetentionRule[]>;

export async function replaceRetentionRules(db: Db, workspaceId: string, rules: readonly RetentionRule[]) {
  await t(db).deleteFrom('observationRetentionRules').where('workspaceId', '=', workspaceId).execute();
  if (rules.length) await t(db).insertInto('observationRetentionRules').values(rules.map((r) => ({ workspaceId, ...r }))).execute();
}

/** Observations past their retention, over all workspaces: the moment they were closed (or last changed) plus the rule's months. */
export const expiredObservations = (db: Db, limit: number) =>
  t(db)
    .selectFrom('observations as o')
    .innerJoin('observationRetentionRules as r', (j) => j.onRef('r.workspaceId', '=', 'o.workspaceId').onRef('r.kind', '=', 'o.kind').onRef('r.status', '=', 'o.status'))
    .select(['o.workspaceId', 'o.id', 'o.number', 'o.kind', 'o.status', 'r.months'])
    .where(sql<SqlBool>`coalesce(o.closed_at, o.updated_at) < now() - make_interval(months => r.months)`)
    .orderBy('o.workspaceId')
    .limit(limit)
    .execute();

// Attachments

export type AttachmentMeta = {
  workspaceId: string;
  id: string;
  observationId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedBy: string | null;
  createdAt: Date;
};
export type AttachmentRow = AttachmentMeta & { data: Buffer };
interface AttachmentTables {
  observations: { workspaceId: string; id: string };
  observationAttachments: Omit<AttachmentRow, 'createdAt'> & { createdAt: Generated<Date> };
}
const attachments = (db: Db) => db as Kysely<AttachmentTables>;
const attachmentMetaColumns = ['workspaceId', 'id', 'observationId', 'fileName', 'contentType', 'sizeBytes', 'uploadedBy', 'createdAt'] as const;

/** Locks the observation for the rest of the transaction, so two uploads cannot both pass the count check. */
export const lockObservation = async (db: Db, workspaceId: string, id: string) =>
  !!(await attachments(db).selectFrom('observations').select('id').where('workspaceId', '=', workspaceId).where('id', '=', id).forUpdate().executeTakeFirst());

export const countAttachments = async (db: Db, workspaceId: string, observationId: string) =>
  Number(
    (await attachments(db).selectFrom('observationAttachments').select((eb) => eb.fn.countAll<number>().as('n')).where('workspaceId', '=', workspaceId).where('observationId', '=', observationId).executeTakeFirstOrThrow()).n,
  );

export const insertAttachment = (db: Db, row: Omit<AttachmentRow, 'createdAt'>) =>
  attachments(db).insertInto('observationAttachments').values(row).returning(attachmentMetaColumns).executeTakeFirstOrThrow() as Promise<AttachmentMeta>;

/** The attachments of an observation without their bytes, oldest first. */
export const listAttachments = (db: Db, workspaceId: string, observationId: string) =>
  attachments(db)
    .selectFrom('observationAttachments')
    .select(attachmentMetaColumns)
    .where('workspaceId', '=', workspaceId)
    .where('observationId', '=', observationId)
    .orderBy('createdAt')
    .orderBy('id')
    .execute() as Promise<AttachmentMeta[]>;

export const findAttachment = (db: Db, workspaceId: string, observationId: string, id: string) =>
  attachments(db)
    .selectFrom('observationAttachments')
    .select(attachmentMetaColumns)
    .where('workspaceId', '=', workspaceId)
    .where('observationId', '=', observationId)
    .where('id', '=', id)
    .executeTakeFirst() as Promise<AttachmentMeta | undefined>;

/** One attachment with its bytes. */
export async function findAttachmentWithData(db: Db, workspaceId: string, observationId: string, id: string): Promise<AttachmentRow | undefined> {
  const row = await attachments(db).selectFrom('observationAttachments').selectAll().where('workspaceId', '=', workspaceId).where('observationId', '=', observationId).where('id', '=', id).executeTakeFirst();
  return row && { ...(row as AttachmentRow), data: byteaAsBuffer(row.data) };
}

export const deleteAttachment = (db: Db, workspaceId: string, id: string) => attachments(db).deleteFrom('observationAttachments').where('workspaceId', '=', workspaceId).where('id', '=', id).execute();

// Open311

/**
 * Public observations for the Open311 GeoReport v2 list, newest first: only visibility
 * `public` and not marked as holding personal data, like the public list.
 */
export async function open311Requests(
  db: Db,
  workspaceId: string,
  f: { numbers?: readonly number[]; kinds?: readonly string[]; statuses?: readonly string[]; from?: Date; to?: Date },
  limit: number,
) {
  return t(db)
    .selectFrom('observations')
    .select(['id', 'number', 'kind', 'title', 'status', 'areaId', 'lat', 'lon', 'dueAt', 'createdAt', 'updatedAt'])
    .where('workspaceId', '=', workspaceId)
    .where('visibility', '=', 'public')
    .where('containsPersonalData', '=', false)
    .$if(!!f.numbers, (q) => q.where('number', 'in', [...f.numbers!]))
    .$if(!!f.kinds, (q) => q.where('kind', 'in', [...f.kinds!]))
    .$if(!!f.statuses, (q) => q.where('status', 'in', [...f.statuses!]))
    .$if(!!f.from, (q) => q.where('createdAt', '>=', f.from!))
    .$if(!!f.to, (q) => q.where('createdAt', '<', f.to!))
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** The latest answer per observation: the message of its last non-internal step to `beantwoord`. */
export async function latestAnswers(db: Db, workspaceId: string, observationIds: readonly string[]) {
  if (observationIds.length === 0) return [] as { observationId: string; message: string | null }[];
  return t(db)
    .selectFrom('observationEvents')
    .distinctOn('observationId')
    .select(['observationId', 'message'])
    .where('workspaceId', '=', workspaceId)
    .where('observationId', 'in', [...observationIds])
    .where('toStatus', '=', 'beantwoord')
    .where('internal', '=', false)
    .where('message', 'is not', null)
    .orderBy('observationId')
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Records where an observation came from (e.g. `open311`), leaving its updated time alone. */
export async function setSource(db: Db, workspaceId: string, id: string, source: string) {
  await t(db).updateTable('observations').set({ source }).where('workspaceId', '=', workspaceId).where('id', '=', id).execute();
}

/**
 * For learning cycles: observations in a scope (linked to one of `nodeIds`, or in one of
 * `areaIds`, or the whole workspace when both are absent) that occurred in the period, are
 * overdue now, or are among `includeIds` (e.g. stories selected in an MSC round). Overdue
 * first, then newest; at most `limit`.
 */
export async function inScopeForLearning(
  db: Db,
  workspaceId: string,
  access: Access,
  f: { nodeIds?: readonly string[]; areaIds?: readonly string[]; since: string; until: string; includeIds?: readonly string[]; limit: number },
) {
  return (await t(db)
    .selectFrom('observations')
    .select(summaryColumns)
    .select(isOverdue.as('overdue'))
    .where((eb) => {
      const all: Expression<SqlBool>[] = [eb('observations.workspaceId', '=', workspaceId)];
      if (!access.seeIntern)
        all.push(eb.or([eb('observations.visibility', '<>', 'intern'), eb('observations.reporterUserId', '=', access.userId), eb('observations.ownerUserId', '=', access.userId)]));
      if (f.areaIds) all.push(f.areaIds.length ? eb('observations.areaId', 'in', [...f.areaIds]) : sql<SqlBool>`false`);
      if (f.nodeIds)
        all.push(
          f.nodeIds.length
            ? eb.exists(eb.selectFrom('observationNodes as n').select('n.nodeId').whereRef('n.observationId', '=', 'observations.id').where('n.workspaceId', '=', workspaceId).where('n.nodeId', 'in', [...f.nodeIds]))
            : sql<SqlBool>`false`,
        );
      const when: Expression<SqlBool>[] = [sql<SqlBool>`(observations.occurred_at >= ${f.since}::date and observations.occurred_at < ${f.until}::date + 1)`, isOverdue];
      if (f.includeIds?.length) when.push(eb('observations.id', 'in', [...f.includeIds]));
      all.push(eb.or(when));
      return eb.and(all);
    })
    .orderBy(isOverdue, 'desc')
    .orderBy('observations.occurredAt', 'desc')
    .orderBy('observations.id', 'desc')
    .limit(f.limit)
    .execute()) as unknown as SummaryRow[];
}

/** For the progress report: what was reported in a period that awaits an answer, and how it was answered. */
export async function answerStats(db: Db, workspaceId: string, f: { from: string; to: string; areaIds: readonly string[] | null }) {
  const rows = await t(db)
    .selectFrom('observations')
    .where('workspaceId', '=', workspaceId)
    .where('dueAt', 'is not', null)
    .where(sql<SqlBool>`(occurred_at at time zone 'Europe/Amsterdam')::date between ${f.from}::date and ${f.to}::date`)
    .$if(f.areaIds !== null, (q) => q.where('areaId', 'in', f.areaIds!.length ? [...f.areaIds!] : ['00000000-0000-0000-0000-000000000000']))
    .select((eb) => [
      'kind',
      eb.fn.countAll<number>().as('total'),
      sql<number>`count(answered_at)`.as('answered'),
      sql<number>`count(*) filter (where answered_at <= due_at)`.as('onTime'),
      sql<number>`count(*) filter (where answered_at is null and due_at < now())`.as('overdue'),
      sql<number>`count(satisfaction)`.as('rated'),
      sql<number | null>`avg(satisfaction)`.as('satisfaction'),
    ])
    .groupBy('kind')
    .orderBy('kind')
    .execute();
  return rows.map((r) => ({ kind: r.kind, total: Number(r.total), answered: Number(r.answered), onTime: Number(r.onTime), overdue: Number(r.overdue), rated: Number(r.rated), satisfaction: r.satisfaction === null ? null : Number(r.satisfaction) }));
}
