import { sql, type ColumnType, type Generated, type Kysely } from 'kysely';
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

const rungRank = sql<number>`case ladder_nodes.rung when 'value' then 0 when 'challenge' then 1 when 'goal' then 2 when 'action_line' then 3 else 4 end`;
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

// Nodes

export interface NodeFilter {
  rung?: string;
  areaId?: string;
  ownerPartnerId?: string;
  partnerId?: string;
  ownerUserId?: string;
  phase?: string;
  status?: string;
  q?: string;
  limit: number;
  offset: number;
}

/** A page of nodes with the total count, most recently changed first. */
export async function listNodes(db: Db, workspaceId: string, filter: NodeFilter) {
  const base = t(db)
    .selectFrom('ladderNodes')
    .where('ladderNodes.workspaceId', '=', workspaceId)
    .$if(filter.rung !== undefined, (q) => q.where('ladderNodes.rung', '=', filter.rung!))
    .$if(filter.ownerPartnerId !== undefined, (q) => q.where('ladderNodes.ownerPartnerId', '=', filter.ownerPartnerId!))
    .$if(filter.ownerUserId !== undefined, (q) => q.where('ladderNodes.ownerUserId', '=', filter.ownerUserId!))
    .$if(filter.phase !== undefined, (q) => q.where('ladderNodes.phase', '=', filter.phase!))
    .$if(filter.status !== undefined, (q) => q.where('ladderNodes.status', '=', filter.status!))
    .$if(filter.areaId !== undefined, (q) =>
      q.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('ladderNodeAreas as na')
            .select('na.nodeId')
            .whereRef('na.nodeId', '=', 'ladderNodes.id')
            .where('na.workspaceId', '=', workspaceId)
            .where('na.areaId', '=', filter.areaId!),
        ),
      ),
    )
    .$if(filter.partnerId !== undefined, (q) =>
      q.where((eb) =>
        eb.or([
          eb('ladderNodes.ownerPartnerId', '=', filter.partnerId!),
          eb.exists(
            eb
              .selectFrom('ladderNodePartners as np')
              .select('np.nodeId')
              .whereRef('np.nodeId', '=', 'ladderNodes.id')
              .where('np.workspaceId', '=', workspaceId)
              .where('np.partnerId', '=', filter.partnerId!),
          ),
        ]),
      ),
    )
    .$if(!!filter.q, (q) => {
      const pattern = `%${escapeLike(filter.q!)}%`;
      return q.where((eb) => eb.or([eb('ladderNodes.title', 'ilike', pattern), eb('ladderNodes.code', 'ilike', pattern)]));
    });
  const [items, total] = await Promise.all([
    base.selectAll('ladderNodes').orderBy('ladderNodes.updatedAt', 'desc').orderBy('ladderNodes.id', 'desc').limit(filter.limit).offset(filter.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: items as NodeRow[], total: Number(total.n) };
}

/** Every node of the workspace, top rung first, then by code and title. */
/** Every node with only the columns the tree shows, in ladder order. */
export const treeNodes = (db: Db, workspaceId: string) =>
  t(db)
    .selectFrom('ladderNodes')
    .select(['id', 'rung', 'code', 'title', 'public', 'ownerPartnerId', 'phase', 'status'])
    .where('workspaceId', '=', workspaceId)
    .orderBy(rungRank)
    .orderBy('code', (o) => o.asc().nullsLast())
    .orderBy('title')
    .orderBy('id')
    .execute();

export const allNodes = (db: Db, workspaceId: string) =>
  t(db)
    .selectFrom('ladderNodes')
    .selectAll()
    .where('workspaceId', '=', workspaceId)
    .orderBy(rungRank)
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

type Relation = 'areas' | 'partners';
const relationTable = { areas: 'ladderNodeAreas', partners: 'ladderNodePartners' } as const;
const relationColumn = { areas: 'areaId', partners: 'partnerId' } as const;

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

/** Nodes breaking the ladder's rules: non-values without parents or with parents on another rung, and nodes that reach no value. */
export async function ruleBreakers(db: Db, workspaceId: string) {
  const result = await sql<{ id: string; problem: string }>`
    with recursive reach(id) as (
      select id from ladder_nodes where workspace_id = ${workspaceId} and rung = 'value'
      union
      select l.child_id from reach join ladder_links l on l.workspace_id = ${workspaceId} and l.parent_id = reach.id
    ),
    rank(rung, r) as (values ('value', 0), ('challenge', 1), ('goal', 2), ('action_line', 3), ('intervention', 4))
    select n.id, 'no_parent' as problem from ladder_nodes n
      where n.workspace_id = ${workspaceId} and n.rung <> 'value'
        and not exists (select 1 from ladder_links l where l.workspace_id = n.workspace_id and l.child_id = n.id)
    union all
    select distinct n.id, 'parent_wrong_rung' from ladder_nodes n
      join ladder_links l on l.workspace_id = n.workspace_id and l.child_id = n.id
      join ladder_nodes p on p.workspace_id = l.workspace_id and p.id = l.parent_id
      join rank rc on rc.rung = n.rung join rank rp on rp.rung = p.rung
      where n.workspace_id = ${workspaceId} and rp.r <> rc.r - 1
    union all
    select n.id, 'reaches_no_value' from ladder_nodes n
      where n.workspace_id = ${workspaceId} and n.rung <> 'value' and n.id not in (select id from reach)`.execute(db);
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
