import type { RawBuilder } from 'kysely';
import { recordAudit } from '../../platform/audit';
import { type Actor, type ServiceContext, type WorkspaceScope } from '../../platform/context';
import { VersionedCache } from '../../platform/cache';
import { transaction, type Db } from '../../platform/db/database';
import { DomainError, type FieldError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { allAreas } from '../areas/service';
import { addCharterValue, deleteCharterValue, listCharterValues, listMembers, listPartners, findWorkspaceForPublicPage, updateCharterValue } from '../workspaces/service';
import { theoryChains } from './chains';
import { theoryDiagramSvg } from './diagram';
import { ladderPolicy as policy } from './policies';
import * as repo from './repository';
import {
  ASSUMPTION_STATUSES,
  RUNGS,
  rungAbove,
  type CreateNodeInput,
  type DeleteNodeQuery,
  type NodeListQuery,
  type TreeNodeView,
  type TreeQuery,
  type NodeSummaryView,
  type NodeView,
  type Rung,
  type TheoryView,
  type TraceDown,
  type UpdateNodeInput,
} from './schema';
import { localDate } from '../../platform/workdays';

const iso = (d: Date) => d.toISOString();
const within = (ctx: ServiceContext, db: Db): ServiceContext => ({ ...ctx, db });
const fieldError = (id: string, path: string, params: Record<string, string | number> = {}) => new DomainError(id, params, [{ path, message: id }]);

interface Relations {
  parents: Map<string, string[]>;
  areas: Map<string, string[]>;
  partners: Map<string, string[]>;
}
const group = (pairs: { key: string; value: string }[]) => {
  const map = new Map<string, string[]>();
  for (const { key, value } of pairs) map.set(key, [...(map.get(key) ?? []), value]);
  return map;
};

async function relationsOf(db: Db, workspaceId: string, ids?: readonly string[]): Promise<Relations> {
  const [links, areas, partners] = await Promise.all([
    ids ? repo.linksOfChildren(db, workspaceId, ids) : repo.allLinks(db, workspaceId),
    repo.relationsOf(db, workspaceId, 'areas', ids),
    repo.relationsOf(db, workspaceId, 'partners', ids),
  ]);
  return {
    parents: group(links.map((l) => ({ key: l.childId, value: l.parentId }))),
    areas: group(areas.map((a) => ({ key: a.nodeId, value: a.otherId }))),
    partners: group(partners.map((p) => ({ key: p.nodeId, value: p.otherId }))),
  };
}

function presentSummary(row: repo.NodeRow, rel: Relations): NodeSummaryView {
  return {
    id: row.id,
    rung: row.rung as Rung,
    code: row.code,
    title: row.title,
    description: row.description,
    public: row.public,
    charterValueId: row.charterValueId,
    parentIds: rel.parents.get(row.id) ?? [],
    ownerUserId: row.ownerUserId,
    ownerPartnerId: row.ownerPartnerId,
    partnerIds: rel.partners.get(row.id) ?? [],
    areaIds: rel.areas.get(row.id) ?? [],
    phase: row.phase as NodeSummaryView['phase'],
    status: row.status as NodeSummaryView['status'],
    kind: row.kind as NodeSummaryView['kind'],
    startDate: row.startDate,
    endDate: row.endDate,
    budgetCents: row.budgetCents == null ? null : Number(row.budgetCents),
    updatedAt: iso(row.updatedAt),
  };
}

const ref = (n: repo.NodeRow) => ({ id: n.id, rung: n.rung as Rung, code: n.code, title: n.title });

async function presentNode(ctx: ServiceContext, db: Db, row: repo.NodeRow): Promise<NodeView> {
  const scope = ctx.workspace!;
  const rel = await relationsOf(db, scope.id, [row.id]);
  const childLinks = await repo.linksOfParents(db, scope.id, [row.id]);
  const [parents, children] = await Promise.all([repo.findNodes(db, scope.id, rel.parents.get(row.id) ?? []), repo.findNodes(db, scope.id, childLinks.map((l) => l.childId))]);
  const inner = within(ctx, db);
  const ownerUserName = row.ownerUserId ? ((await listMembers(inner)).find((m) => m.userId === row.ownerUserId)?.name ?? null) : null;
  const ownerPartnerName = row.ownerPartnerId ? ((await listPartners(inner)).find((p) => p.id === row.ownerPartnerId)?.name ?? null) : null;
  const manage = policy.can(scope, 'ladder.manage');
  const byRungThenCode = (a: repo.NodeRow, b: repo.NodeRow) => (a.code ?? '\uffff').localeCompare(b.code ?? '\uffff') || a.title.localeCompare(b.title);
  return {
    ...presentSummary(row, rel),
    parents: parents.sort(byRungThenCode).map(ref),
    children: children.sort(byRungThenCode).map(ref),
    ownerUserName,
    ownerPartnerName,
    createdAt: iso(row.createdAt),
    can: { update: manage, delete: manage, editTheory: row.rung === 'action_line' && policy.can(scope, 'theory.manage') },
  };
}

// Values: the ladder's values ARE the charter's values

/**
 * Gives every charter value its value node on the ladder (same title and description), so
 * challenges can hang below it. The charter stays the source: a value is added, renamed or
 * removed there, or through the ladder, which then changes the charter too. A value node
 * whose charter value was removed elsewhere stays (its challenges would lose their parent)
 * and shows up in the check as `value_not_in_charter`.
 */
async function syncValuesWithCharter(ctx: ServiceContext, trx: Db, scope: WorkspaceScope) {
  const charter = await listCharterValues(within(ctx, trx));
  const nodes = await repo.listNodes(trx, scope.id, { rung: 'value', limit: 10_000, offset: 0 });
  const byCharterId = new Map(nodes.items.filter((n) => n.charterValueId).map((n) => [n.charterValueId!, n]));
  for (const value of charter) {
    const node = byCharterId.get(value.id);
    if (!node) {
      const row = await repo.insertNode(trx, { ...emptyNode(scope.id, 'value', value.title), description: value.description, public: true, charterValueId: value.id });
      await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'ladder_node', entityId: row.id, action: 'create', after: row });
    } else if (node.title !== value.title || node.description !== value.description) {
      const after = await repo.updateNode(trx, scope.id, node.id, { title: value.title, description: value.description });
      await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'ladder_node', entityId: node.id, action: 'update', before: node, after });
    }
  }
}

/** Makes sure the ladder shows every charter value; writes only when the charter changed since. */
async function ensureValues(ctx: ServiceContext, scope: WorkspaceScope) {
  await transaction(ctx.db, (trx) => syncValuesWithCharter(ctx, trx, scope));
}

function emptyNode(workspaceId: string, rung: Rung, title: string): repo.NewNode {
  return {
    workspaceId,
    id: newId(),
    rung,
    code: null,
    title,
    description: '',
    public: false,
    charterValueId: null,
    ownerUserId: null,
    ownerPartnerId: null,
    phase: null,
    status: null,
    kind: null,
    startDate: null,
    endDate: null,
    budgetCents: null,
  };
}

// Reading

/** A page of ladder nodes, most recently changed first, filtered by rung, area, owner, partner, phase, status or text. */
export async function listNodes(ctx: ServiceContext, query: NodeListQuery) {
  const scope = policy.authorize(ctx, 'ladder.read');
  await ensureValues(ctx, scope);
  const { items, total } = await repo.listNodes(ctx.db, scope.id, query);
  const rel = await relationsOf(ctx.db, scope.id, items.map((i) => i.id));
  return { items: items.map((row) => presentSummary(row, rel)), total };
}

/** One node with its parents, children, owner names and what the member may do with it. */
export async function getNode(ctx: ServiceContext, id: string): Promise<NodeView> {
  const scope = policy.authorize(ctx, 'ladder.read');
  const row = await repo.findNode(ctx.db, scope.id, id);
  if (!row) throw new DomainError('ladder.node_not_found');
  return presentNode(ctx, ctx.db, row);
}

/**
 * The ladder down to the action lines, or (`parentId`) the direct children of one node, such as
 * the interventions of an action line, each with its number of children. With filters, only the
 * matching action lines and interventions and the nodes above them.
 */
export async function getTree(ctx: ServiceContext, query: TreeQuery = {}) {
  const scope = policy.authorize(ctx, 'ladder.read');
  const { parentId, ...filter } = query;
  if (parentId === undefined) await ensureValues(ctx, scope);
  // the version first: data read after it is at least as new, so a cached tree is never older than its version
  const version = await repo.ladderVersion(ctx.db, scope.id);
  const key = JSON.stringify([scope.id, parentId ?? null, filter.areaId ?? null, filter.ownerPartnerId ?? null, filter.partnerId ?? null, filter.phase ?? null]);
  const tree = await trees.get(key, version, () => readTree(ctx.db, scope.id, parentId, filter));
  return { ...tree, can: { manage: policy.can(scope, 'ladder.manage'), import: policy.can(scope, 'ladder.import') } };
}

/** Trees as last read, per workspace, branch and filter; any change to the ladder raises its version. */
const trees = new VersionedCache<Awaited<ReturnType<typeof readTree>>>(200);

async function readTree(db: Db, workspaceId: string, parentId: string | undefined, filter: repo.TreeFilter) {
  if (parentId !== undefined && !(await repo.findNode(db, workspaceId, parentId))) throw new DomainError('ladder.node_not_found');
  const [nodes, counts] = await Promise.all([repo.treeNodes(db, workspaceId, parentId, filter), repo.countNodes(db, workspaceId, filter)]);
  return {
    nodes: nodes.map((n) => ({ ...n, rung: n.rung as Rung, phase: n.phase as TreeNodeView['phase'], status: n.status as TreeNodeView['status'] })),
    total: counts.total,
    ...(counts.matched === null ? {} : { matched: counts.matched }),
  };
}

/** For a node: every path up to a value, and the subtree below it down to the interventions. */
export async function traceNode(ctx: ServiceContext, id: string) {
  const scope = policy.authorize(ctx, 'ladder.read');
  const node = await repo.findNode(ctx.db, scope.id, id);
  if (!node) throw new DomainError('ladder.node_not_found');
  const [paths, down] = await Promise.all([repo.pathsUp(ctx.db, scope.id, id), repo.linksDown(ctx.db, scope.id, id)]);
  const ids = new Set([...paths.flat(), ...down.map((l) => l.childId)]);
  const nodes = new Map((await repo.findNodes(ctx.db, scope.id, [...ids])).map((n) => [n.id, n]));
  nodes.set(node.id, node);
  const step = (nid: string) => ({ id: nid, rung: nodes.get(nid)!.rung as Rung, title: nodes.get(nid)!.title });
  // Only paths that end at a value count: a broken branch is what the check reports.
  const up = paths.filter((p) => nodes.get(p[p.length - 1])?.rung === 'value').map((p) => p.map(step));
  const childrenOf = group(down.map((l) => ({ key: l.parentId, value: l.childId })));
  const build = (nid: string, depth: number): TraceDown => ({
    ...step(nid),
    children: depth > 6 ? [] : (childrenOf.get(nid) ?? []).sort((a, b) => (nodes.get(a)!.code ?? '').localeCompare(nodes.get(b)!.code ?? '')).map((c) => build(c, depth + 1)),
  });
  return { up, down: build(id, 0).children };
}

/** Nodes that break the ladder's rules (e.g. after an import) and nodes, such as interventions, that reach no value. */
export async function checkLadder(ctx: ServiceContext) {
  const scope = policy.authorize(ctx, 'ladder.read');
  await ensureValues(ctx, scope);
  const [problems, charter, values] = await Promise.all([
    repo.ruleBreakers(ctx.db, scope.id),
    listCharterValues(ctx),
    repo.listNodes(ctx.db, scope.id, { rung: 'value', limit: 10_000, offset: 0 }),
  ]);
  const inCharter = new Set(charter.map((c) => c.id));
  const found = [
    ...problems,
    ...values.items.filter((v) => !v.charterValueId || !inCharter.has(v.charterValueId)).map((v) => ({ id: v.id, problem: 'value_not_in_charter' })),
  ];
  const nodes = new Map((await repo.findNodes(ctx.db, scope.id, [...new Set(found.map((p) => p.id))])).map((n) => [n.id, n]));
  const items = found
    .filter((p) => nodes.has(p.id))
    .map((p) => ({ ...ref(nodes.get(p.id)!), problem: p.problem as 'no_parent' }))
    .sort((a, b) => RUNGS.indexOf(a.rung) - RUNGS.indexOf(b.rung) || (a.code ?? '').localeCompare(b.code ?? '') || a.title.localeCompare(b.title));
  return { items, total: items.length };
}

// Writing nodes

type NodeFields = Omit<UpdateNodeInput, 'title' | 'code' | 'parentIds'>;
const ACTION_OR_INTERVENTION: readonly Rung[] = ['action_line', 'intervention'];
/** Which optional fields a rung carries; the rest are refused, so nothing is silently dropped. */
const FIELDS_FOR: Record<keyof NodeFields, readonly Rung[]> = {
  description: RUNGS,
  public: RUNGS,
  ownerUserId: ACTION_OR_INTERVENTION,
  ownerPartnerId: ACTION_OR_INTERVENTION,
  partnerIds: ACTION_OR_INTERVENTION,
  areaIds: ACTION_OR_INTERVENTION,
  phase: ['action_line'],
  status: ACTION_OR_INTERVENTION,
  kind: ['intervention'],
  startDate: ACTION_OR_INTERVENTION,
  endDate: ACTION_OR_INTERVENTION,
  budgetCents: ['intervention'],
};

/** Resolves areas, partners and members once per request, as other modules' services show them. */
async function lookups(ctx: ServiceContext) {
  const [partners, members, areas] = await Promise.all([listPartners(ctx), listMembers(ctx), allAreas(ctx)]);
  return { partners, members, areas };
}

async function validateFields(ctx: ServiceContext, nodeRung: Rung, input: NodeFields, before?: repo.NodeRow) {
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(input) as [keyof NodeFields, unknown][]) {
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
    if (FIELDS_FOR[key] && !FIELDS_FOR[key].includes(nodeRung)) errors.push({ path: key, message: 'ladder.field_not_for_rung' });
  }
  if (errors.length) throw new DomainError('ladder.field_not_for_rung', {}, errors);
  const wanted = input.ownerUserId || input.ownerPartnerId || input.partnerIds?.length || input.areaIds?.length;
  if (wanted) {
    const { partners, members, areas } = await lookups(ctx);
    const partnerIds = new Set(partners.map((p) => p.id));
    if (input.ownerUserId && !members.some((m) => m.userId === input.ownerUserId)) throw fieldError('ladder.owner_not_member', 'ownerUserId');
    if (input.ownerPartnerId && !partnerIds.has(input.ownerPartnerId)) throw fieldError('ladder.partner_not_found', 'ownerPartnerId');
    const badPartner = (input.partnerIds ?? []).findIndex((id) => !partnerIds.has(id));
    if (badPartner >= 0) throw fieldError('ladder.partner_not_found', `partnerIds.${badPartner}`);
    const areaIds = new Set(areas.map((a) => a.id));
    const badArea = (input.areaIds ?? []).findIndex((id) => !areaIds.has(id));
    if (badArea >= 0) throw fieldError('ladder.area_not_found', `areaIds.${badArea}`);
  }
  const start = input.startDate !== undefined ? input.startDate : (before?.startDate ?? null);
  const end = input.endDate !== undefined ? input.endDate : (before?.endDate ?? null);
  if (start && end && end < start) throw fieldError('ladder.period_invalid', 'endDate');
}

/** Checks that the parents exist and sit on the rung directly above; a non-value needs at least one. */
async function validateParents(trx: Db, workspaceId: string, nodeRung: Rung, parentIds: readonly string[], selfId?: string) {
  const above = rungAbove(nodeRung);
  const unique = [...new Set(parentIds)];
  if (above === null) {
    if (unique.length) throw fieldError('ladder.parent_wrong_rung', 'parentIds.0');
    return unique;
  }
  if (unique.length === 0) throw fieldError('ladder.orphan', 'parentIds');
  const found = new Map((await repo.findNodes(trx, workspaceId, unique)).map((n) => [n.id, n]));
  unique.forEach((id, i) => {
    const parent = found.get(id);
    // A missing parent is what `ladder.orphan` is about: the node would hang below nothing.
    if (!parent || id === selfId) throw new DomainError('ladder.orphan', {}, [{ path: `parentIds.${i}`, message: 'ladder.parent_not_found' }]);
    if (parent.rung !== above) throw new DomainError('ladder.orphan', {}, [{ path: `parentIds.${i}`, message: 'ladder.parent_wrong_rung' }]);
  });
  return unique;
}

async function assertCodeFree(trx: Db, workspaceId: string, code: string | null | undefined, exceptId?: string) {
  if (!code) return;
  const other = await repo.findNodeByCode(trx, workspaceId, code);
  if (other && other.id !== exceptId) throw fieldError('ladder.code_taken', 'code');
}

function columnsFrom(input: NodeFields): repo.NodePatch {
  const patch: repo.NodePatch = {};
  for (const key of ['description', 'public', 'ownerUserId', 'ownerPartnerId', 'phase', 'status', 'kind', 'startDate', 'endDate', 'budgetCents'] as const) {
    if (input[key] !== undefined) (patch as Record<string, unknown>)[key] = input[key];
  }
  return patch;
}

/**
 * Adds a node to the ladder under one or more parents on the rung directly above. A value is
 * a charter value: adding one here adds it to the charter as well.
 */
export async function createNode(ctx: ServiceContext, input: CreateNodeInput): Promise<NodeView> {
  const scope = policy.authorize(ctx, 'ladder.manage');
  await validateFields(ctx, input.rung, input);
  return transaction(ctx.db, async (trx) => {
    const parentIds = await validateParents(trx, scope.id, input.rung, input.parentIds);
    await assertCodeFree(trx, scope.id, input.code);
    let charterValueId: string | null = null;
    if (input.rung === 'value') {
      await syncValuesWithCharter(ctx, trx, scope);
      const charter = await listCharterValues(within(ctx, trx));
      if (charter.some((c) => c.title.toLowerCase() === input.title.toLowerCase())) throw fieldError('ladder.value_in_charter', 'title');
      charterValueId = (await addCharterValue(within(ctx, trx), { title: input.title, description: input.description ?? '' })).id;
    }
    const row = await repo.insertNode(trx, {
      ...emptyNode(scope.id, input.rung, input.title),
      ...columnsFrom(input),
      code: input.code ?? null,
      // Values are shared by the whole alliance and always shown on the public page.
      public: input.rung === 'value' ? true : (input.public ?? false),
      charterValueId,
    });
    await repo.addLinks(trx, scope.id, parentIds.map((parentId) => ({ childId: row.id, parentId })));
    if (input.areaIds?.length) await repo.replaceRelations(trx, scope.id, 'areas', [{ nodeId: row.id, ids: input.areaIds }]);
    if (input.partnerIds?.length) await repo.replaceRelations(trx, scope.id, 'partners', [{ nodeId: row.id, ids: input.partnerIds }]);
    await recordAudit(trx, {
      workspaceId: scope.id,
      actor: ctx.actor,
      entity: 'ladder_node',
      entityId: row.id,
      action: 'create',
      after: { ...row, parentIds, areaIds: input.areaIds ?? [], partnerIds: input.partnerIds ?? [] },
    });
    return presentNode(ctx, trx, row);
  });
}

/** Changes a node's fields, or relinks it to other parents (at least one stays, on the rung above). */
export async function updateNode(ctx: ServiceContext, id: string, input: UpdateNodeInput): Promise<NodeView> {
  const scope = policy.authorize(ctx, 'ladder.manage');
  const existing = await repo.findNode(ctx.db, scope.id, id);
  if (!existing) throw new DomainError('ladder.node_not_found');
  await validateFields(ctx, existing.rung as Rung, input, existing);
  return transaction(ctx.db, async (trx) => {
    const before = await repo.findNode(trx, scope.id, id);
    if (!before) throw new DomainError('ladder.node_not_found');
    const nodeRung = before.rung as Rung;
    const relBefore = await relationsOf(trx, scope.id, [id]);
    const beforeRel = { parentIds: relBefore.parents.get(id) ?? [], areaIds: relBefore.areas.get(id) ?? [], partnerIds: relBefore.partners.get(id) ?? [] };
    let parentIds = beforeRel.parentIds;
    if (input.parentIds !== undefined) {
      parentIds = await validateParents(trx, scope.id, nodeRung, input.parentIds, id);
      await repo.replaceParents(trx, scope.id, [{ childId: id, parentIds }]);
    }
    if (input.code !== undefined) await assertCodeFree(trx, scope.id, input.code, id);
    if (input.areaIds !== undefined) await repo.replaceRelations(trx, scope.id, 'areas', [{ nodeId: id, ids: input.areaIds }]);
    if (input.partnerIds !== undefined) await repo.replaceRelations(trx, scope.id, 'partners', [{ nodeId: id, ids: input.partnerIds }]);
    const patch: repo.NodePatch = { ...columnsFrom(input), ...(input.title !== undefined ? { title: input.title } : {}), ...(input.code !== undefined ? { code: input.code } : {}) };
    if (nodeRung === 'value') {
      delete patch.public;
      if (before.charterValueId && (patch.title !== undefined || patch.description !== undefined)) {
        await updateCharterValue(within(ctx, trx), before.charterValueId, {
          ...(patch.title !== undefined ? { title: patch.title } : {}),
          ...(patch.description !== undefined ? { description: patch.description } : {}),
        }).catch((err) => Promise.reject(err.id === 'charter.value_exists' ? fieldError('ladder.value_in_charter', 'title') : err));
      }
    }
    const after = Object.keys(patch).length || input.parentIds || input.areaIds || input.partnerIds ? await repo.updateNode(trx, scope.id, id, patch) : before;
    const afterRel = { parentIds, areaIds: input.areaIds ? [...new Set(input.areaIds)].sort() : beforeRel.areaIds, partnerIds: input.partnerIds ? [...new Set(input.partnerIds)].sort() : beforeRel.partnerIds };
    await recordAudit(trx, {
      workspaceId: scope.id,
      actor: ctx.actor,
      entity: 'ladder_node',
      entityId: id,
      action: 'update',
      before: { ...before, ...beforeRel, parentIds: [...beforeRel.parentIds].sort(), updatedAt: undefined },
      after: { ...after, ...afterRel, parentIds: [...parentIds].sort(), updatedAt: undefined },
    });
    return presentNode(ctx, trx, after);
  });
}

/**
 * Deletes a node with its theory of change. Children that would lose their last parent are
 * refused (`ladder.would_orphan`) unless the request says what happens: `delete` removes them
 * too (and so on down), `reparent` hangs them under `newParentId` (on the deleted node's rung).
 * Deleting a value removes it from the charter as well.
 */
export async function deleteNode(ctx: ServiceContext, id: string, options: DeleteNodeQuery = {}): Promise<void> {
  const scope = policy.authorize(ctx, 'ladder.manage');
  await transaction(ctx.db, async (trx) => {
    const node = await repo.findNode(trx, scope.id, id);
    if (!node) throw new DomainError('ladder.node_not_found');
    const links = await repo.allLinks(trx, scope.id);
    const parentsOf = group(links.map((l) => ({ key: l.childId, value: l.parentId })));
    const childrenOf = group(links.map((l) => ({ key: l.parentId, value: l.childId })));
    const orphansOf = (gone: Set<string>) =>
      [...new Set([...gone].flatMap((g) => childrenOf.get(g) ?? []))].filter((c) => !gone.has(c) && (parentsOf.get(c) ?? []).every((p) => gone.has(p)));
    const gone = new Set([id]);
    let orphans = orphansOf(gone);
    if (orphans.length && options.children === 'delete') {
      while (orphans.length) {
        orphans.forEach((o) => gone.add(o));
        orphans = orphansOf(gone);
      }
    } else if (orphans.length && options.children === 'reparent') {
      const target = options.newParentId ? await repo.findNode(trx, scope.id, options.newParentId) : undefined;
      if (!target || target.rung !== node.rung || target.id === id) throw fieldError('ladder.new_parent_invalid', 'newParentId');
      await repo.addLinks(trx, scope.id, orphans.map((childId) => ({ childId, parentId: target.id })));
      for (const childId of orphans) {
        await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'ladder_node', entityId: childId, action: 'relink', after: { addedParentId: target.id, removedParentId: id } });
      }
    } else if (orphans.length) {
      throw new DomainError('ladder.would_orphan', {}, orphans.slice(0, 50).map((o) => ({ path: `children.${o}`, message: 'ladder.would_orphan' })));
    }
    const rows = await repo.findNodes(trx, scope.id, [...gone]);
    await repo.deleteNodes(trx, scope.id, [...gone]);
    for (const row of rows) {
      await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'ladder_node', entityId: row.id, action: 'delete', before: { ...row, parentIds: parentsOf.get(row.id) ?? [] } });
      if (row.rung === 'value' && row.charterValueId) {
        await deleteCharterValue(within(ctx, trx), row.charterValueId).catch((err) => (err.id === 'charter.value_not_found' ? null : Promise.reject(err)));
      }
    }
  });
}

// Public page

/** The anonymous reader of the public page: a lezer of the workspace, who is shown only what is public. */
const PUBLIC_READER: Actor = { userId: '00000000-0000-0000-0000-000000000000', email: '', name: 'openbare pagina', isAdmin: false, via: 'system' };

/**
 * The public ladder of a workspace, for residents without an account: the values, and the
 * public action lines and interventions (optionally in one area or the areas within it) with
 * owner organisation, partners, areas, phase and status. Owner persons, descriptions of
 * non-public nodes, budgets and anything non-public never leave this function.
 */
export async function publicLadder(base: ServiceContext, slug: string, filter: { areaCode?: string; areaId?: string }) {
  const reader: ServiceContext = { ...base, actor: PUBLIC_READER };
  const scope = await findWorkspaceForPublicPage(reader, slug);
  if (!scope) throw new DomainError('workspace.not_found');
  const ctx: ServiceContext = { ...reader, workspace: { ...scope, role: 'lezer' } };
  const [nodes, rel, partners, areas, charter] = await Promise.all([
    repo.allNodes(ctx.db, scope.id),
    relationsOf(ctx.db, scope.id),
    listPartners(ctx),
    allAreas(ctx),
    listCharterValues(ctx),
  ]);
  const areaById = new Map(areas.map((a) => [a.id, a]));
  let areaSet: Set<string> | null = null;
  let area: { code: string | null; name: string } | null = null;
  if (filter.areaId || filter.areaCode) {
    const chosen = filter.areaId
      ? areaById.get(filter.areaId)
      : areas.filter((a) => a.code?.toLowerCase() === filter.areaCode!.toLowerCase()).sort((a, b) => b.year - a.year)[0];
    if (!chosen) throw new DomainError('area.not_found');
    area = { code: chosen.code, name: chosen.name };
    // The area and every area within it: a wijk's page shows what happens in its buurten.
    areaSet = new Set([chosen.id]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const a of areas) if (a.parentId && areaSet.has(a.parentId) && !areaSet.has(a.id)) areaSet.add(a.id), (grew = true);
    }
  }
  const partnerName = new Map(partners.map((p) => [p.id, p.name]));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const valueOf = new Map<string, Set<string>>();
  const valuesReached = (id: string, depth = 0): Set<string> => {
    const known = valueOf.get(id);
    if (known) return known;
    const node = byId.get(id);
    const result = new Set<string>();
    if (node?.rung === 'value') result.add(id);
    else if (depth < 8) for (const p of rel.parents.get(id) ?? []) for (const v of valuesReached(p, depth + 1)) result.add(v);
    valueOf.set(id, result);
    return result;
  };
  const inCharter = new Set(charter.map((c) => c.id));
  const values = nodes.filter((n) => n.rung === 'value' && n.charterValueId && inCharter.has(n.charterValueId));
  const shownValues = new Set(values.map((v) => v.id));
  const visible = (n: repo.NodeRow) => n.public && (!areaSet || (rel.areas.get(n.id) ?? []).some((a) => areaSet!.has(a)));
  const actionLines = nodes.filter((n) => n.rung === 'action_line' && visible(n));
  const interventions = nodes.filter((n) => n.rung === 'intervention' && visible(n));
  const publicActionLines = new Set(nodes.filter((n) => n.rung === 'action_line' && n.public).map((n) => n.id));
  const present = (n: repo.NodeRow) => ({
    id: n.id,
    rung: n.rung as Rung,
    code: n.code,
    title: n.title,
    description: n.description,
    valueIds: [...valuesReached(n.id)].filter((v) => shownValues.has(v)),
    actionLineIds: (rel.parents.get(n.id) ?? []).filter((p) => publicActionLines.has(p)),
    ownerOrganisation: n.ownerPartnerId ? (partnerName.get(n.ownerPartnerId) ?? null) : null,
    partners: (rel.partners.get(n.id) ?? []).map((p) => partnerName.get(p)).filter((p): p is string => !!p),
    areas: (rel.areas.get(n.id) ?? []).map((a) => areaById.get(a)).filter((a) => !!a).map((a) => ({ code: a!.code, name: a!.name })),
    phase: n.phase as NodeSummaryView['phase'],
    status: n.status as NodeSummaryView['status'],
    kind: n.kind as NodeSummaryView['kind'],
    startDate: n.startDate,
    endDate: n.endDate,
  });
  return {
    workspace: { slug: scope.slug, name: scope.name },
    area,
    values: values.map((v) => ({ id: v.id, title: v.title, description: v.description })),
    actionLines: actionLines.map(present),
    interventions: interventions.map(present),
  };
}

// Theory of change

async function actionLine(ctx: ServiceContext, db: Db, scope: WorkspaceScope, nodeId: string) {
  const node = await repo.findNode(db, scope.id, nodeId);
  if (!node) throw new DomainError('ladder.node_not_found');
  if (node.rung !== 'action_line') throw new DomainError('theory.not_action_line');
  return node;
}

const presentElement = (e: repo.ElementRow) => ({ id: e.id, kind: e.kind as TheoryView['elements'][number]['kind'], title: e.title, description: e.description });
const presentHistory = (h: repo.HistoryRow) => ({
  id: h.id,
  status: h.status as 'untested',
  statusDate: h.statusDate,
  evidence: h.evidence,
  evidenceLinks: h.evidenceLinks ?? [],
  reason: h.reason,
  actorName: h.actorName,
  changedAt: iso(h.changedAt),
});
const presentAssumption = (a: repo.AssumptionRow, history: repo.HistoryRow[]) => ({
  id: a.id,
  linkId: a.linkId,
  text: a.text,
  status: a.status as 'untested',
  statusDate: a.statusDate,
  evidence: a.evidence,
  evidenceLinks: a.evidenceLinks ?? [],
  history: history.filter((h) => h.assumptionId === a.id).map(presentHistory),
});

/** The theory of change of an action line: elements, links, assumptions with their status history, and the chains as text. */
export async function getTheory(ctx: ServiceContext, nodeId: string): Promise<TheoryView> {
  const scope = policy.authorize(ctx, 'ladder.read');
  const node = await actionLine(ctx, ctx.db, scope, nodeId);
  const [elements, links, assumptions, history] = await Promise.all([
    repo.elementsOf(ctx.db, scope.id, nodeId),
    repo.tocLinksOf(ctx.db, scope.id, nodeId),
    repo.assumptionsOf(ctx.db, scope.id, nodeId),
    repo.historyOf(ctx.db, scope.id, nodeId),
  ]);
  return {
    actionLine: { id: node.id, code: node.code, title: node.title },
    elements: elements.map(presentElement),
    links: links.map((l) => ({ id: l.id, fromElementId: l.fromElementId, toElementId: l.toElementId, assumptions: assumptions.filter((a) => a.linkId === l.id).map((a) => presentAssumption(a, history)) })),
    chains: theoryChains(elements, links, assumptions, ctx.locale),
    can: { manage: policy.can(scope, 'theory.manage') },
  };
}

/** The theory of change of an action line as an SVG diagram (laid out by elkjs), with the chains as its text description. */
export async function theoryDiagram(ctx: ServiceContext, nodeId: string): Promise<string> {
  return theoryDiagramSvg(await getTheory(ctx, nodeId), ctx.locale);
}

/** Runs a change to an action line's theory in one transaction and marks the action line as changed. */
async function changeTheory<T>(ctx: ServiceContext, nodeId: string, fn: (trx: Db, scope: WorkspaceScope) => Promise<T>): Promise<T> {
  const scope = policy.authorize(ctx, 'theory.manage');
  return transaction(ctx.db, async (trx) => {
    await actionLine(ctx, trx, scope, nodeId);
    const result = await fn(trx, scope);
    await repo.touchNode(trx, scope.id, nodeId);
    return result;
  });
}

type ElementInput = { kind: 'activity' | 'output' | 'outcome' | 'impact'; title: string; description?: string };

export async function addElement(ctx: ServiceContext, nodeId: string, input: ElementInput) {
  return changeTheory(ctx, nodeId, async (trx, scope) => {
    const row = await repo.insertElement(trx, { workspaceId: scope.id, id: newId(), nodeId, kind: input.kind, title: input.title, description: input.description ?? '' });
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'theory_element', entityId: row.id, action: 'create', after: row });
    return presentElement(row);
  });
}

export async function updateElement(ctx: ServiceContext, nodeId: string, id: string, patch: Partial<ElementInput>) {
  return changeTheory(ctx, nodeId, async (trx, scope) => {
    const before = await repo.findElement(trx, scope.id, nodeId, id);
    if (!before) throw new DomainError('theory.element_not_found');
    const after = Object.keys(patch).length ? await repo.updateElement(trx, scope.id, id, patch) : before;
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'theory_element', entityId: id, action: 'update', before, after });
    return presentElement(after);
  });
}

/** Deletes an element with its links and their assumptions. */
export async function deleteElement(ctx: ServiceContext, nodeId: string, id: string) {
  await changeTheory(ctx, nodeId, async (trx, scope) => {
    const before = await repo.findElement(trx, scope.id, nodeId, id);
    if (!before) throw new DomainError('theory.element_not_found');
    await repo.deleteElement(trx, scope.id, id);
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'theory_element', entityId: id, action: 'delete', before });
  });
}

/** Links two elements of the same action line (cause → effect). */
export async function addLink(ctx: ServiceContext, nodeId: string, input: { fromElementId: string; toElementId: string }) {
  return changeTheory(ctx, nodeId, async (trx, scope) => {
    if (input.fromElementId === input.toElementId) throw fieldError('theory.link_self', 'toElementId');
    if (!(await repo.findElement(trx, scope.id, nodeId, input.fromElementId))) throw fieldError('theory.element_not_found', 'fromElementId');
    if (!(await repo.findElement(trx, scope.id, nodeId, input.toElementId))) throw fieldError('theory.element_not_found', 'toElementId');
    if (await repo.findTocLinkByPair(trx, scope.id, input.fromElementId, input.toElementId)) throw new DomainError('theory.link_exists');
    const row = await repo.insertTocLink(trx, { workspaceId: scope.id, id: newId(), nodeId, ...input });
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'theory_link', entityId: row.id, action: 'create', after: row });
    return { id: row.id, fromElementId: row.fromElementId, toElementId: row.toElementId, assumptions: [] };
  });
}

export async function deleteLink(ctx: ServiceContext, nodeId: string, id: string) {
  await changeTheory(ctx, nodeId, async (trx, scope) => {
    const before = await repo.findTocLink(trx, scope.id, nodeId, id);
    if (!before) throw new DomainError('theory.link_not_found');
    await repo.deleteTocLink(trx, scope.id, id);
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'theory_link', entityId: id, action: 'delete', before });
  });
}

type AssumptionStatus = 'untested' | 'holds' | 'doubtful' | 'refuted';
interface AssumptionInput {
  linkId: string;
  text: string;
  status?: AssumptionStatus;
  statusDate?: string | null;
  evidence?: string;
  evidenceLinks?: string[];
}
const today = () => localDate(new Date());

async function appendHistory(ctx: ServiceContext, trx: Db, scope: WorkspaceScope, a: repo.AssumptionRow, reason: string) {
  await repo.insertHistory(trx, {
    workspaceId: scope.id,
    id: newId(),
    assumptionId: a.id,
    status: a.status,
    statusDate: a.statusDate,
    evidence: a.evidence,
    evidenceLinks: a.evidenceLinks ?? [],
    reason,
    actorId: ctx.actor && ctx.actor.via !== 'cli' ? ctx.actor.userId : null,
    actorName: ctx.actor?.name ?? null,
  });
}

/** Adds an assumption to a link; its first status is the start of its history. */
export async function addAssumption(ctx: ServiceContext, nodeId: string, input: AssumptionInput) {
  return changeTheory(ctx, nodeId, async (trx, scope) => {
    if (!(await repo.findTocLink(trx, scope.id, nodeId, input.linkId))) throw fieldError('theory.link_not_found', 'linkId');
    const status = input.status ?? 'untested';
    const row = await repo.insertAssumption(trx, {
      workspaceId: scope.id,
      id: newId(),
      linkId: input.linkId,
      text: input.text,
      status,
      statusDate: input.statusDate ?? (status === 'untested' ? null : today()),
      evidence: input.evidence ?? '',
      evidenceLinks: input.evidenceLinks ?? [],
    });
    await appendHistory(ctx, trx, scope, row, '');
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'theory_assumption', entityId: row.id, label: row.text.slice(0, 200), action: 'create', after: row });
    return presentAssumption(row, await repo.historyOf(trx, scope.id, nodeId));
  });
}

/**
 * Changes an assumption. A change of status, status date or evidence appends a row to its
 * history (who, when, why), so a learning cycle can see how the thinking moved.
 */
export async function updateAssumption(ctx: ServiceContext, nodeId: string, id: string, patch: Partial<Omit<AssumptionInput, 'linkId'>> & { reason?: string }) {
  return changeTheory(ctx, nodeId, async (trx, scope) => {
    const before = await repo.findAssumption(trx, scope.id, nodeId, id);
    if (!before) throw new DomainError('theory.assumption_not_found');
    const { reason, ...fields } = patch;
    const statusChanged = fields.status !== undefined && fields.status !== before.status;
    const changes = { ...fields, ...(statusChanged && fields.statusDate === undefined ? { statusDate: today() } : {}) };
    const after = Object.keys(changes).length ? await repo.updateAssumption(trx, scope.id, id, changes) : before;
    const tracked = (a: repo.AssumptionRow) => JSON.stringify([a.status, a.statusDate, a.evidence, a.evidenceLinks]);
    if (tracked(before) !== tracked(after) || reason) await appendHistory(ctx, trx, scope, after, reason ?? '');
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'theory_assumption', entityId: id, label: after.text.slice(0, 200), action: 'update', before, after });
    return presentAssumption(after, await repo.historyOf(trx, scope.id, nodeId));
  });
}

export async function deleteAssumption(ctx: ServiceContext, nodeId: string, id: string) {
  await changeTheory(ctx, nodeId, async (trx, scope) => {
    const before = await repo.findAssumption(trx, scope.id, nodeId, id);
    if (!before) throw new DomainError('theory.assumption_not_found');
    await repo.deleteAssumption(trx, scope.id, id);
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'theory_assumption', entityId: id, label: before.text.slice(0, 200), action: 'delete', before });
  });
}

/**
 * For other modules, to read within their own statement: these nodes' rung, code, title and
 * owner (unknown ids are left out), as an SQL expression (a JSON array).
 */
export function nodeRefsSql(ctx: ServiceContext, ids: readonly string[]) {
  const scope = policy.authorize(ctx, 'ladder.read');
  return repo.nodeRefsSql(scope.id, [...new Set(ids)]) as RawBuilder<{ id: string; rung: Rung; code: string | null; title: string; ownerUserId: string | null; ownerPartnerId: string | null }[]>;
}

/** For other modules: these nodes' rung, code, title and owner (unknown ids are left out). */
export async function nodeRefs(ctx: ServiceContext, ids: readonly string[]) {
  const found = nodeRefsSql(ctx, ids);
  if (ids.length === 0) return [];
  return (await ctx.db.selectNoFrom(found.as('nodes')).executeTakeFirstOrThrow()).nodes;
}

/** For other modules: every node of the workspace's ladder with its rung, code, title and owner (for finding nodes by code or title). */
export async function allNodeRefs(ctx: ServiceContext) {
  const scope = policy.authorize(ctx, 'ladder.read');
  return (await repo.allNodes(ctx.db, scope.id)).map((n) => ({ id: n.id, rung: n.rung as Rung, code: n.code, title: n.title, ownerUserId: n.ownerUserId, ownerPartnerId: n.ownerPartnerId }));
}

/** For other modules: the assumptions of these action lines' theories of change, with status and date, in one query. */
export async function assumptionsOfActionLines(ctx: ServiceContext, actionLineIds: readonly string[]) {
  const scope = policy.authorize(ctx, 'ladder.read');
  const rows = await repo.assumptionsOfNodes(ctx.db, scope.id, [...new Set(actionLineIds)]);
  return rows.map((a) => ({ id: a.id, actionLineId: a.nodeId, linkId: a.linkId, text: a.text, status: a.status as (typeof ASSUMPTION_STATUSES)[number], statusDate: a.statusDate }));
}

export { lookups, syncValuesWithCharter, emptyNode, relationsOf, presentSummary };
