import { sql, type ColumnType, type Expression, type Generated, type Kysely } from 'kysely';
import type { Db } from '../../platform/db/database';

export type NodeRow = {
  workspaceId: string;
  id: string;
  rung: string;
  code: string | null;
  title: string;
  description: string;
  public: boolean;
  charterValueId: string | null;
  ownerUserId: string | null;
  ownerPartnerId: string | null;
  phase: string | null;
  status: string | null;
  kind: string | null;
  /** 'YYYY-MM-DD' (dates are read as strings on both drivers). */
  startDate: string | null;
  endDate: string | null;
  budgetCents: number | null;
  createdAt: Date;
  updatedAt: Date;
};
export type NewNode = Omit<NodeRow, 'createdAt' | 'updatedAt'>;
export type NodePatch = Partial<Omit<NodeRow, 'workspaceId' | 'id' | 'rung' | 'createdAt' | 'updatedAt'>>;
export type LinkRow = {
  workspaceId: string;
  childId: string;
  parentId: string;
};
export type ElementRow = {
  workspaceId: string;
  id: string;
  nodeId: string;
  kind: string;
  title: string;
  description: string;
  createdAt: Date;
};
export type TocLinkRow = {
  workspaceId: string;
  id: string;
  nodeId: string;
  fromElementId: string;
  toElementId: string;
  createdAt: Date;
};
export type AssumptionRow = {
  workspaceId: string;
  id: string;
  linkId: string;
  text: string;
  status: string;
  statusDate: string | null;
  evidence: string;
  evidenceLinks: string[];
  createdAt: Date;
  updatedAt: Date;
};
export type HistoryRow = {
  workspaceId: string;
  id: string;
  assumptionId: string;
  status: string;
  statusDate: string | null;
  evidence: string;
  evidenceLinks: string[];
  reason: string;
  actorId: string | null;
  actorName: string | null;
  changedAt: Date;
};

type Json = ColumnType<string[], string, string>;
interface Tables {
  ladderNodes: Omit<NodeRow, 'createdAt' | 'updatedAt'> & { createdAt: Generated<Date>; updatedAt: Generated<Date> };
  ladderLinks: LinkRow;
  ladderNodeAreas: { workspaceId: string; nodeId: string; areaId: string };
  ladderNodePartners: { workspaceId: string; nodeId: string; partnerId: string };
  ladderTocElements: Omit<ElementRow, 'createdAt'> & { createdAt: Generated<Date> };
  ladderTocLinks: Omit<TocLinkRow, 'createdAt'> & { createdAt: Generated<Date> };
  ladderTocAssumptions: Omit<AssumptionRow, 'createdAt' | 'updatedAt' | 'evidenceLinks'> & { createdAt: Generated<Date>; updatedAt: Generated<Date>; evidenceLinks: Json };
  ladderTocAssumptionHistory: Omit<HistoryRow, 'changedAt' | 'evidenceLinks'> & { changedAt: Generated<Date>; evidenceLinks: Json };
}
const t = (db: Db) => db as Kysely<Tables>;

type Relation = 'areas' | 'partners';
const relationTable = { areas: 'ladderNodeAreas', partners: 'ladderNodePartners' } as const;
const relationColumn = { areas: 'areaId', partners: 'partnerId' } as const;

/** The rung's place on the ladder (value 0 … intervention 4), for ordering and the rule check. */
const rankOf = (column: string) =>
  sql<number>`case ${sql.ref(column)} when 'value' then 0 when 'challenge' then 1 when 'goal' then 2 when 'action_line' then 3 else 4 end`;
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

// Nodes

export interface NodeConditions {
  rung?: string;
  areaId?: string;
  ownerPartnerId?: string;
  partnerId?: string;
  ownerUserId?: string;
  phase?: string;
  status?: string;
  q?: string;
}
export interface NodeFilter extends NodeConditions {
  limit: number;
  offset: number;
}

/**
 * `= any(array(subquery))`: the ids are collected once and then looked up (by primary key), so
 * the plan stays linear even when the planner has no statistics (PGlite never analyzes) and
 * would otherwise guess one row and rescan a semi-join for every node.
 */
const anyOf = (ids: Expression<unknown>) => sql<string>`any(array(${ids}))`;

/** The nodes in an area, or with a partner (as co-partner). */
const relatedNodes = (db: Db, workspaceId: string, relation: Relation, otherId: string) =>
  (t(db) as Kysely<any>).selectFrom(relationTable[relation]).select('nodeId').where('workspaceId', '=', workspaceId).where(relationColumn[relation], '=', otherId);

/** The nodes of the workspace that meet every given condition (a query to select from). */
function nodesWhere(db: Db, workspaceId: string, filter: NodeConditions) {
  return t(db)
    .selectFrom('ladderNodes')
    .where('ladderNodes.workspaceId', '=', workspaceId)
    .$if(filter.rung !== undefined, (q) => q.where('ladderNodes.rung', '=', filter.rung!))
    .$if(filter.ownerPartnerId !== undefined, (q) => q.where('ladderNodes.ownerPartnerId', '=', filter.ownerPartnerId!))
    .$if(filter.ownerUserId !== undefined, (q) => q.where('ladderNodes.ownerUserId', '=', filter.ownerUserId!))
    .$if(filter.phase !== undefined, (q) => q.where('ladderNodes.phase', '=', filter.phase!))
    .$if(filter.status !== undefined, (q) => q.where('ladderNodes.status', '=', filter.status!))
    .$if(filter.areaId !== undefined, (q) => q.where('ladderNodes.id', '=', anyOf(relatedNodes(db, workspaceId, 'areas', filter.areaId!))))
    .$if(filter.partnerId !== undefined, (q) =>
      q.where((eb) => eb.or([eb('ladderNodes.ownerPartnerId', '=', filter.partnerId!), eb('ladderNodes.id', '=', anyOf(relatedNodes(db, workspaceId, 'partners', filter.partnerId!)))])),
    )
    .$if(!!filter.q, (q) => {
      const pattern = `%${escapeLike(filter.q!)}%`;
      return q.where((eb) => eb.or([eb('ladderNodes.title', 'ilike', pattern), eb('ladderNodes.code', 'ilike', pattern)]));
    });
}

/** A page of nodes with the total count, most recently changed first. */
export async function listNodes(db: Db, workspaceId: string, filter: NodeFilter) {
  const base = nodesWhere(db, workspaceId, filter);
  const [items, total] = await Promise.all([
    base.selectAll('ladderNodes').orderBy('ladderNodes.updatedAt', 'desc').orderBy('ladderNodes.id', 'desc').limit(filter.limit).offset(filter.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: items as NodeRow[], total: Number(total.n) };
}

// The tree (one statement each, however large the ladder)

/** The workspace's ladder version: the database raises it with every change to nodes, links, areas or partners of nodes. */
export async function ladderVersion(db: Db, workspaceId: string): Promise<string> {
  const row = await sql<{ version: string }>`select version::text as version from ladder_versions where workspace_id = ${workspaceId}`.execute(db);
  return row.rows[0]?.version ?? '0';
}

/** What the tree filters on; only action lines and interventions can match. */
export type TreeFilter = Pick<NodeConditions, 'areaId' | 'ownerPartnerId' | 'partnerId' | 'phase'>;
const isFiltered = (f: TreeFilter) => !!(f.areaId || f.ownerPartnerId || f.partnerId || f.phase);

export interface TreeRow {
  id: string;
  rung: string;
  code: string | null;
  title: string;
  public: boolean;
  ownerPartnerId: string | null;
  phase: string | null;
  status: string | null;
  parentIds: string[];
  areaIds: string[];
  partnerIds: string[];
  /** Direct children (with a filter: those kept). */
  childCount: number;
  /** Does the node itself meet the filter (always, without one)? */
  matches: boolean;
}

/** The action lines and interventions that meet the filter. */
const matching = (db: Db, workspaceId: string, filter: TreeFilter) =>
  nodesWhere(db, workspaceId, filter).select('ladderNodes.id').where('ladderNodes.rung', 'in', ['action_line', 'intervention']);

/**
 * The ladder down to the action lines (their interventions stay out), or the direct children of
 * `parentId`, each with its parents, areas, partners and number of children.
 *
 * With a filter, only the matches and the nodes above them: a recursive walk up the links from
 * the matches collects every link below a kept node, and one aggregate over those links gives
 * each kept node its number of kept children. Each kept node is then looked up by primary key
 * (the lateral `limit 1`), so no step depends on the planner's guess of how many rows there are.
 */
export async function treeNodes(db: Db, workspaceId: string, parentId: string | undefined, filter: TreeFilter): Promise<TreeRow[]> {
  const columns = sql`n.id, n.rung, n.code, n.title, n.public, n.owner_partner_id, n.phase, n.status,
    array(select l.parent_id from ladder_links l where l.workspace_id = ${workspaceId} and l.child_id = n.id order by l.parent_id) as parent_ids,
    array(select a.area_id from ladder_node_areas a where a.workspace_id = ${workspaceId} and a.node_id = n.id order by a.area_id) as area_ids,
    array(select p.partner_id from ladder_node_partners p where p.workspace_id = ${workspaceId} and p.node_id = n.id order by p.partner_id) as partner_ids`;
  const shown = parentId
    ? sql`n.id = ${anyOf(sql`select child_id from ladder_links where workspace_id = ${workspaceId} and parent_id = ${parentId}`)}`
    : sql`n.rung in ('value', 'challenge', 'goal', 'action_line')`;
  const order = sql`order by ${rankOf('n.rung')}, n.code nulls last, n.title, n.id`;
  const result = isFiltered(filter)
    ? await sql<TreeRow>`
        with recursive matched as (${matching(db, workspaceId, filter)}),
        up(child_id, parent_id) as (
          select child_id, parent_id from ladder_links where workspace_id = ${workspaceId} and child_id = ${anyOf(sql`select id from matched`)}
          union
          select l.child_id, l.parent_id from up join ladder_links l on l.workspace_id = ${workspaceId} and l.child_id = up.parent_id
        ),
        kept(id, child_count, matches) as (
          select id, count(child_id)::int, bool_or(child_id is null)
          from (select parent_id as id, child_id from up union all select id, null from matched) k
          group by id
        )
        select ${columns}, k.child_count, k.matches
        from kept k cross join lateral (select * from ladder_nodes where workspace_id = ${workspaceId} and id = k.id limit 1) n
        where ${shown}
        ${order}`.execute(db)
    : await sql<TreeRow>`
        select ${columns},
          (select count(*) from ladder_links c where c.workspace_id = ${workspaceId} and c.parent_id = n.id)::int as child_count,
          true as matches
        from ladder_nodes n
        where n.workspace_id = ${workspaceId} and ${shown}
        ${order}`.execute(db);
  return result.rows;
}

/** How many nodes the ladder has, and (with a filter) how many action lines and interventions match. */
export async function countNodes(db: Db, workspaceId: string, filter: TreeFilter) {
  const row = await t(db)
    .selectFrom('ladderNodes')
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      isFiltered(filter) ? eb.selectFrom(matching(db, workspaceId, filter).as('m')).select(eb.fn.countAll<number>().as('n')).as('matched') : eb.lit(null).as('matched'),
    ])
    .where('workspaceId', '=', workspaceId)
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), matched: row.matched === null ? null : Number(row.matched) };
}

/** Every node of the workspace, top rung first, then by code and title. */
export const allNodes = (db: Db, workspaceId: string) =>
  t(db)
    .selectFrom('ladderNodes')
    .selectAll()
    .where('workspaceId', '=', workspaceId)
    .orderBy(rankOf('ladder_nodes.rung'))
    .orderBy('code', (o) => o.asc().nullsLast())
    .orderBy('title')
    .orderBy('id')
    .execute() as Promise<NodeRow[]>;

export const findNode = (db: Db, workspaceId: string, id: string) =>
  t(db).selectFrom('ladderNodes').selectAll().where('workspaceId', '=', workspaceId).where('id', '=', id).executeTakeFirst() as Promise<NodeRow | undefined>;

export const findNodes = (db: Db, workspaceId: string, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([] as NodeRow[])
    : (t(db).selectFrom('ladderNodes').selectAll().where('workspaceId', '=', workspaceId).where('id', 'in', [...ids]).execute() as Promise<NodeRow[]>);

/** These nodes' rung, code, title and owners as an SQL expression (a JSON array; unknown ids left out). */
export const nodeRefsSql = (workspaceId: string, ids: readonly string[]) =>
  sql<{ id: string; rung: string; code: string | null; title: string; ownerUserId: string | null; ownerPartnerId: string | null }[]>`(
    select coalesce(json_agg(json_build_object('id', n.id, 'rung', n.rung, 'code', n.code, 'title', n.title, 'ownerUserId', n.owner_user_id, 'ownerPartnerId', n.owner_partner_id)), '[]')
    from ladder_nodes n where n.workspace_id = ${workspaceId} and n.id = any(${[...ids]}::uuid[]))`;

export const findNodeByCode = (db: Db, workspaceId: string, code: string) =>
  t(db).selectFrom('ladderNodes').selectAll().where('workspaceId', '=', workspaceId).where('code', '=', code).executeTakeFirst() as Promise<NodeRow | undefined>;

export const insertNodes = async (db: Db, rows: NewNode[]) => {
  if (rows.length) await t(db).insertInto('ladderNodes').values(rows).execute();
};

export const insertNode = (db: Db, row: NewNode) => t(db).insertInto('ladderNodes').values(row).returningAll().executeTakeFirstOrThrow() as Promise<NodeRow>;

export const updateNode = (db: Db, workspaceId: string, id: string, patch: NodePatch) =>
  t(db)
    .updateTable('ladderNodes')
    .set({ ...patch, updatedAt: new Date() })
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow() as Promise<NodeRow>;

/** Marks a node as changed (its theory of change changed), so recent work comes first in lists. */
export const touchNode = (db: Db, workspaceId: string, id: string) =>
  t(db).updateTable('ladderNodes').set({ updatedAt: new Date() }).where('workspaceId', '=', workspaceId).where('id', '=', id).execute();

export const deleteNodes = async (db: Db, workspaceId: string, ids: readonly string[]) => {
  if (ids.length) await t(db).deleteFrom('ladderNodes').where('workspaceId', '=', workspaceId).where('id', 'in', [...ids]).execute();
};

// Links, areas, partners of nodes

export const allLinks = (db: Db, workspaceId: string) =>
  t(db).selectFrom('ladderLinks').select(['childId', 'parentId']).where('workspaceId', '=', workspaceId).orderBy('childId').orderBy('parentId').execute();

export const linksOfChildren = (db: Db, workspaceId: string, childIds: readonly string[]) =>
  childIds.length === 0
    ? Promise.resolve([] as { childId: string; parentId: string }[])
    : t(db).selectFrom('ladderLinks').select(['childId', 'parentId']).where('workspaceId', '=', workspaceId).where('childId', 'in', [...childIds]).execute();

export const linksOfParents = (db: Db, workspaceId: string, parentIds: readonly string[]) =>
  parentIds.length === 0
    ? Promise.resolve([] as { childId: string; parentId: string }[])
    : t(db).selectFrom('ladderLinks').select(['childId', 'parentId']).where('workspaceId', '=', workspaceId).where('parentId', 'in', [...parentIds]).execute();

/** Replaces the parents of the given children (one statement each way). */
export async function replaceParents(db: Db, workspaceId: string, links: { childId: string; parentIds: readonly string[] }[]) {
  if (links.length === 0) return;
  await t(db).deleteFrom('ladderLinks').where('workspaceId', '=', workspaceId).where('childId', 'in', links.map((l) => l.childId)).execute();
  await addLinks(db, workspaceId, links.flatMap((l) => l.parentIds.map((parentId) => ({ childId: l.childId, parentId }))));
}

export async function addLinks(db: Db, workspaceId: string, links: { childId: string; parentId: string }[]) {
  if (links.length === 0) return;
  await t(db)
    .insertInto('ladderLinks')
    .values(links.map((l) => ({ workspaceId, ...l })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The area or partner ids of the given nodes (all nodes when `nodeIds` is absent). */
export async function relationsOf(db: Db, workspaceId: string, relation: Relation, nodeIds?: readonly string[]): Promise<{ nodeId: string; otherId: string }[]> {
  if (nodeIds && nodeIds.length === 0) return [];
  const table = relationTable[relation];
  const rows = await (t(db) as Kysely<any>)
    .selectFrom(table)
    .select(['nodeId', `${relationColumn[relation]} as otherId`])
    .where('workspaceId', '=', workspaceId)
    .$if(!!nodeIds, (q) => q.where('nodeId', 'in', [...nodeIds!]))
    .orderBy('nodeId')
    .orderBy('otherId')
    .execute();
  return rows as { nodeId: string; otherId: string }[];
}

/** Replaces the area or partner ids of the given nodes. */
export async function replaceRelations(db: Db, workspaceId: string, relation: Relation, sets: { nodeId: string; ids: readonly string[] }[]) {
  if (sets.length === 0) return;
  const table = relationTable[relation];
  const column = relationColumn[relation];
  await (t(db) as Kysely<any>).deleteFrom(table).where('workspaceId', '=', workspaceId).where('nodeId', 'in', sets.map((s) => s.nodeId)).execute();
  const rows = sets.flatMap((s) => [...new Set(s.ids)].map((id) => ({ workspaceId, nodeId: s.nodeId, [column]: id })));
  if (rows.length) await (t(db) as Kysely<any>).insertInto(table).values(rows).execute();
}

// Traceability (recursive queries: one statement however deep or wide the ladder)

/** Every path from the node up to a node without parents, as arrays of ids (node first). */
export async function pathsUp(db: Db, workspaceId: string, id: string): Promise<string[][]> {
  const result = await sql<{ path: string[] }>`
    with recursive up(node_id, path) as (
      select id, array[id] from ladder_nodes where workspace_id = ${workspaceId} and id = ${id}
      union all
      select l.parent_id, up.path || l.parent_id
      from up join ladder_links l on l.workspace_id = ${workspaceId} and l.child_id = up.node_id
      where not l.parent_id = any(up.path) and cardinality(up.path) < 10
    )
    select up.path from up
    where not exists (select 1 from ladder_links l where l.workspace_id = ${workspaceId} and l.child_id = up.node_id)
    order by up.path`.execute(db);
  return result.rows.map((r) => r.path);
}

/** The links of the subtree below a node (parent → child), each once. */
export async function linksDown(db: Db, workspaceId: string, id: string): Promise<{ parentId: string; childId: string }[]> {
  const result = await sql<{ parentId: string; childId: string }>`
    with recursive down(parent_id, child_id, depth) as (
      select parent_id, child_id, 1 from ladder_links where workspace_id = ${workspaceId} and parent_id = ${id}
      union
      select l.parent_id, l.child_id, down.depth + 1
      from down join ladder_links l on l.workspace_id = ${workspaceId} and l.parent_id = down.child_id
      where down.depth < 10
    )
    select distinct parent_id, child_id from down`.execute(db);
  return result.rows;
}

/** All nodes below the given ones (not the given ones themselves). */
export async function descendantIds(db: Db, workspaceId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const result = await sql<{ id: string }>`
    with recursive down(id, depth) as (
      select child_id, 1 from ladder_links where workspace_id = ${workspaceId} and parent_id in (${sql.join([...ids])})
      union
      select l.child_id, down.depth + 1 from down join ladder_links l on l.workspace_id = ${workspaceId} and l.parent_id = down.id
      where down.depth < 10
    )
    select distinct id from down`.execute(db);
  return result.rows.map((r) => r.id);
}

/**
 * Nodes breaking the ladder's rules: non-values without parents or with parents on another rung,
 * and nodes that reach no value. Set-based: the workspace's nodes and links are read once into
 * CTEs (materialized: hash joins, whatever the planner guesses about their size), the walk down
 * from the values runs once, and each node is checked against its parents' rungs in one pass.
 */
export async function ruleBreakers(db: Db, workspaceId: string) {
  const result = await sql<{ id: string; problem: string }>`
    with recursive nodes as materialized (
      select id, ${rankOf('rung')} as rank from ladder_nodes where workspace_id = ${workspaceId}
    ),
    links as materialized (
      select child_id, parent_id from ladder_links where workspace_id = ${workspaceId}
    ),
    reach(id) as (
      select id from nodes where rank = 0
      union
      select l.child_id from reach join links l on l.parent_id = reach.id
    ),
    parent_ranks as (
      select l.child_id as id, min(p.rank) as lowest, max(p.rank) as highest from links l join nodes p on p.id = l.parent_id group by l.child_id
    ),
    checked as materialized (
      select n.id, n.rank, pr.lowest, pr.highest, n.id in (select id from reach) as reached
      from nodes n left join parent_ranks pr on pr.id = n.id
    )
    select id, 'no_parent' as problem from checked where rank > 0 and lowest is null
    union all
    select id, 'parent_wrong_rung' from checked where lowest <> rank - 1 or highest <> rank - 1
    union all
    select id, 'reaches_no_value' from checked where rank > 0 and not reached`.execute(db);
  return result.rows;
}

// Theory of change

export const elementsOf = (db: Db, workspaceId: string, nodeId: string) =>
  t(db)
    .selectFrom('ladderTocElements')
    .selectAll()
    .where('workspaceId', '=', workspaceId)
    .where('nodeId', '=', nodeId)
    .orderBy(sql`case kind when 'activity' then 0 when 'output' then 1 when 'outcome' then 2 else 3 end`)
    .orderBy('createdAt')
    .orderBy('id')
    .execute() as Promise<ElementRow[]>;

export const tocLinksOf = (db: Db, workspaceId: string, nodeId: string) =>
  t(db).selectFrom('ladderTocLinks').selectAll().where('workspaceId', '=', workspaceId).where('nodeId', '=', nodeId).orderBy('createdAt').orderBy('id').execute() as Promise<TocLinkRow[]>;

export const assumptionsOf = (db: Db, workspaceId: string, nodeId: string) =>
  t(db)
    .selectFrom('ladderTocAssumptions as a')
    .innerJoin('ladderTocLinks as l', (j) => j.onRef('l.workspaceId', '=', 'a.workspaceId').onRef('l.id', '=', 'a.linkId'))
    .selectAll('a')
    .where('a.workspaceId', '=', workspaceId)
    .where('l.nodeId', '=', nodeId)
    .orderBy('a.createdAt')
    .orderBy('a.id')
    .execute() as Promise<AssumptionRow[]>;

/** The assumptions on the theories of change of several action lines, each with its action line, in one statement. */
export const assumptionsOfNodes = (db: Db, workspaceId: string, nodeIds: readonly string[]) =>
  nodeIds.length
    ? (t(db)
        .selectFrom('ladderTocAssumptions as a')
        .innerJoin('ladderTocLinks as l', (j) => j.onRef('l.workspaceId', '=', 'a.workspaceId').onRef('l.id', '=', 'a.linkId'))
        .selectAll('a')
        .select('l.nodeId')
        .where('a.workspaceId', '=', workspaceId)
        .where('l.nodeId', '=', sql<string>`any(${[...nodeIds]}::uuid[])`)
        .orderBy('l.nodeId')
        .orderBy('a.createdAt')
        .orderBy('a.id')
        .execute() as Promise<(AssumptionRow & { nodeId: string })[]>)
    : Promise.resolve([]);

export const historyOf = (db: Db, workspaceId: string, nodeId: string) =>
  t(db)
    .selectFrom('ladderTocAssumptionHistory as h')
    .innerJoin('ladderTocAssumptions as a', (j) => j.onRef('a.workspaceId', '=', 'h.workspaceId').onRef('a.id', '=', 'h.assumptionId'))
    .innerJoin('ladderTocLinks as l', (j) => j.onRef('l.workspaceId', '=', 'a.workspaceId').onRef('l.id', '=', 'a.linkId'))
    .selectAll('h')
    .where('h.workspaceId', '=', workspaceId)
    .where('l.nodeId', '=', nodeId)
    .orderBy('h.changedAt')
    .orderBy('h.id')
    .execute() as Promise<HistoryRow[]>;

export const findElement = (db: Db, workspaceId: string, nodeId: string, id: string) =>
  t(db).selectFrom('ladderTocElements').selectAll().where('workspaceId', '=', workspaceId).where('nodeId', '=', nodeId).where('id', '=', id).executeTakeFirst() as Promise<
    ElementRow | undefined
  >;
export const insertElement = (db: Db, row: Omit<ElementRow, 'createdAt'>) => t(db).insertInto('ladderTocElements').values(row).returningAll().executeTakeFirstOrThrow() as Promise<ElementRow>;
export const updateElement = (db: Db, workspaceId: string, id: string, patch: Partial<Pick<ElementRow, 'kind' | 'title' | 'description'>>) =>
  t(db).updateTable('ladderTocElements').set(patch).where('workspaceId', '=', workspaceId).where('id', '=', id).returningAll().executeTakeFirstOrThrow() as Promise<ElementRow>;
export const deleteElement = (db: Db, workspaceId: string, id: string) => t(db).deleteFrom('ladderTocElements').where('workspaceId', '=', workspaceId).where('id', '=', id).execute();

export const findTocLink = (db: Db, workspaceId: string, nodeId: string, id: string) =>
  t(db).selectFrom('ladderTocLinks').selectAll().where('workspaceId', '=', workspaceId).where('nodeId', '=', nodeId).where('id', '=', id).executeTakeFirst() as Promise<TocLinkRow | undefined>;
export const findTocLinkByPair = (db: Db, workspaceId: string, fromId: string, toId: string) =>
  t(db).selectFrom('ladderTocLinks').selectAll().where('workspaceId', '=', workspaceId).where('fromElementId', '=', fromId).where('toElementId', '=', toId).executeTakeFirst();
export const insertTocLink = (db: Db, row: Omit<TocLinkRow, 'createdAt'>) => t(db).insertInto('ladderTocLinks').values(row).returningAll().executeTakeFirstOrThrow() as Promise<TocLinkRow>;
export const deleteTocLink = (db: Db, workspaceId: string, id: string) => t(db).deleteFrom('ladderTocLinks').where('workspaceId', '=', workspaceId).where('id', '=', id).execute();

export const findAssumption = (db: Db, workspaceId: string, nodeId: string, id: string) =>
  t(db)
    .selectFrom('ladderTocAssumptions as a')
    .innerJoin('ladderTocLinks as l', (j) => j.onRef('l.workspaceId', '=', 'a.workspaceId').onRef('l.id', '=', 'a.linkId'))
    .selectAll('a')
    .where('a.workspaceId', '=', workspaceId)
    .where('l.nodeId', '=', nodeId)
    .where('a.id', '=', id)
    .executeTakeFirst() as Promise<AssumptionRow | undefined>;
export const insertAssumption = (db: Db, row: Omit<AssumptionRow, 'createdAt' | 'updatedAt'>) =>
  t(db)
    .insertInto('ladderTocAssumptions')
    .values({ ...row, evidenceLinks: JSON.stringify(row.evidenceLinks) })
    .returningAll()
    .executeTakeFirstOrThrow() as Promise<AssumptionRow>;
export const updateAssumption = (db: Db, workspaceId: string, id: string, patch: Partial<Pick<AssumptionRow, 'text' | 'status' | 'statusDate' | 'evidence' | 'evidenceLinks'>>) =>
  t(db)
    .updateTable('ladderTocAssumptions')
    .set({ ...patch, evidenceLinks: patch.evidenceLinks === undefined ? undefined : JSON.stringify(patch.evidenceLinks), updatedAt: new Date() })
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow() as Promise<AssumptionRow>;
export const deleteAssumption = (db: Db, workspaceId: string, id: string) => t(db).deleteFrom('ladderTocAssumptions').where('workspaceId', '=', workspaceId).where('id', '=', id).execute();
export const insertHistory = (db: Db, row: Omit<HistoryRow, 'changedAt'>) =>
  t(db)
    .insertInto('ladderTocAssumptionHistory')
    .values({ ...row, evidenceLinks: JSON.stringify(row.evidenceLinks) })
    .execute();

/** Action lines that have any theory-of-change element (for exports and seeds). */
export const exportTheory = async (db: Db, workspaceId: string) => ({
  elements: await t(db).selectFrom('ladderTocElements').selectAll().where('workspaceId', '=', workspaceId).orderBy('nodeId').orderBy('createdAt').orderBy('id').execute(),
  links: await t(db).selectFrom('ladderTocLinks').selectAll().where('workspaceId', '=', workspaceId).orderBy('nodeId').orderBy('createdAt').orderBy('id').execute(),
  assumptions: await t(db).selectFrom('ladderTocAssumptions').selectAll().where('workspaceId', '=', workspaceId).orderBy('createdAt').orderBy('id').execute(),
  history: await t(db).selectFrom('ladderTocAssumptionHistory').selectAll().where('workspaceId', '=', workspaceId).orderBy('changedAt').orderBy('id').execute(),
});
