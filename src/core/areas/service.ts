import { recordAudit } from '../../platform/audit';
import type { Expression } from 'kysely';
import type { ServiceContext } from '../../platform/context';
import { transaction, type Db } from '../../platform/db/database';
import { DomainError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { AreaUseDefinition } from '../../platform/module';
import { isCbsKind, isValidCbsCode, parentCode } from './codes';
import { boundingBox, containsPoint, planarSurface, polygonsOf } from './geometry';
import { areaPolicy as policy } from './policies';
import * as repo from './repository';
import { listMembers } from '../workspaces/service';
import type { AreaGeoJsonQuery, AreaKind, AreaListQuery, AreaListView, AreaSummaryView, AreaTeamInput, AreaTeamView, AreaView, CreateAreaInput, UpdateAreaInput } from './schema';

const iso = (d: Date) => d.toISOString();

type SummaryRow = Pick<repo.AreaRow, 'id' | 'code' | 'name' | 'kind' | 'parentId' | 'year' | 'population'> & { hasGeometry?: boolean; geometry?: unknown };

function presentSummary(row: SummaryRow): AreaSummaryView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind as AreaKind,
    parentId: row.parentId,
    year: row.year,
    population: row.population,
    hasGeometry: row.hasGeometry ?? row.geometry != null,
  };
}

async function presentArea(ctx: ServiceContext, db: Db, row: repo.AreaRow): Promise<AreaView> {
  const scope = ctx.workspace!;
  const [parent, childCount] = await Promise.all([row.parentId ? repo.findArea(db, scope.id, row.parentId) : undefined, repo.countChildren(db, scope.id, row.id)]);
  const manage = policy.can(scope, 'area.manage');
  return {
    ...presentSummary(row),
    geometry: row.geometry,
    parent: parent ? { id: parent.id, code: parent.code, name: parent.name, kind: parent.kind as AreaKind } : null,
    childCount,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    // An area with sub-areas cannot be deleted; the screen need not offer it.
    can: { update: manage, delete: manage && childCount === 0 },
  };
}

/**
 * A page of the workspace's areas, parents before children, filtered by kind, year, parent or
 * a search text; with whether the member may add and import areas.
 */
export async function listAreas(ctx: ServiceContext, query: AreaListQuery): Promise<AreaListView> {
  const scope = policy.authorize(ctx, 'area.read');
  const { items, total } = await repo.listAreas(ctx.db, scope.id, query);
  const may = policy.abilities(ctx, ['area.manage', 'area.import']);
  return { items: items.map(presentSummary), total, can: { create: may['area.manage'], import: may['area.import'] } };
}

/** For other modules: every area of the workspace (id, code, name, parent, year), read in pages of 500. */
export async function allAreas(ctx: ServiceContext) {
  const items: { id: string; code: string | null; name: string; parentId: string | null; year: number }[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await listAreas(ctx, { limit: 500, offset });
    items.push(...page.items);
    if (page.items.length < 500 || offset + 500 >= page.total) break;
  }
  return items;
}

/** One area with its parent, its number of sub-areas and what the member may do with it. */
export async function getArea(ctx: ServiceContext, id: string): Promise<AreaView> {
  const scope = policy.authorize(ctx, 'area.read');
  const row = await repo.findArea(ctx.db, scope.id, id);
  if (!row) throw new DomainError('area.not_found');
  return presentArea(ctx, ctx.db, row);
}

const codeFormatError = () => new DomainError('area.code_format', {}, [{ path: 'code', message: 'area.code_format' }]);
const parentNotFound = () => new DomainError('area.parent_not_found', {}, [{ path: 'parentId', message: 'area.parent_not_found' }]);

/**
 * Adds an area by hand, e.g. a street or a housing complex. A CBS code must fit the kind and
 * be free in that year; without a parent, a coded area gets the parent its code names.
 */
export async function createArea(ctx: ServiceContext, input: CreateAreaInput): Promise<AreaView> {
  const scope = policy.authorize(ctx, 'area.manage');
  const rawCode = input.code?.trim() || null;
  const code = rawCode && isCbsKind(input.kind) ? rawCode.toUpperCase() : rawCode;
  if (code && isCbsKind(input.kind) && !isValidCbsCode(input.kind, code)) throw codeFormatError();
  return transaction(ctx.db, async (trx) => {
    if (code && (await repo.findAreaByCode(trx, scope.id, input.year, code))) throw new DomainError('area.code_taken', {}, [{ path: 'code', message: 'area.code_taken' }]);
    let parentId: string | null = null;
    if (input.parentId) {
      if (!(await repo.findArea(trx, scope.id, input.parentId))) throw parentNotFound();
      parentId = input.parentId;
    } else if (input.parentId === undefined && code) {
      const derived = parentCode(code);
      parentId = derived ? ((await repo.findAreaByCode(trx, scope.id, input.year, derived))?.id ?? null) : null;
    }
    const row = await repo.insertArea(trx, { workspaceId: scope.id, id: newId(), kind: input.kind, code, name: input.name, year: input.year, parentId, population: null, geometry: null });
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'area', entityId: row.id, action: 'create', after: row });
    return presentArea(ctx, trx, row);
  });
}

/** Renames an area or moves it under another parent; an area can never end up below itself. */
export async function updateArea(ctx: ServiceContext, id: string, patch: UpdateAreaInput): Promise<AreaView> {
  const scope = policy.authorize(ctx, 'area.manage');
  return transaction(ctx.db, async (trx) => {
    const before = await repo.findArea(trx, scope.id, id);
    if (!before) throw new DomainError('area.not_found');
    if (patch.parentId) {
      if (!(await repo.findArea(trx, scope.id, patch.parentId))) throw parentNotFound();
      if ((await repo.ancestorIds(trx, scope.id, patch.parentId)).includes(id)) throw new DomainError('area.cycle', {}, [{ path: 'parentId', message: 'area.cycle' }]);
    }
    const changes = {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.parentId !== undefined ? { parentId: patch.parentId } : {}),
    };
    if (Object.keys(changes).length === 0) return presentArea(ctx, trx, before);
    const after = await repo.updateArea(trx, scope.id, id, changes);
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'area', entityId: id, action: 'update', before, after });
    return presentArea(ctx, trx, after);
  });
}

let areaUses: readonly AreaUseDefinition[] = [];
/** Where the modules use areas (set again on every start, like the observation kinds). */
export const registerAreaUses = (uses: readonly AreaUseDefinition[]) => {
  areaUses = uses;
};

/**
 * Deletes an area that nothing lies in any more: no areas below it, and no records of any module
 * (observations, measurements, participants …); otherwise 409 naming what still uses it.
 */
export async function deleteArea(ctx: ServiceContext, id: string): Promise<void> {
  const scope = policy.authorize(ctx, 'area.manage');
  await transaction(ctx.db, async (trx) => {
    const before = await repo.findArea(trx, scope.id, id);
    if (!before) throw new DomainError('area.not_found');
    if ((await repo.countChildren(trx, scope.id, id)) > 0) throw new DomainError('area.has_children');
    const used: string[] = [];
    for (const use of areaUses) {
      const n = await use.count(trx, scope.id, id);
      if (n > 0) used.push(`${use.label[ctx.locale]} (${n.toLocaleString(ctx.locale === 'nl' ? 'nl-NL' : 'en-GB')})`);
    }
    if (used.length) throw new DomainError('area.in_use', { uses: used.join(', ') });
    await repo.deleteArea(trx, scope.id, id);
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'area', entityId: id, action: 'delete', before });
  });
}

/** The areas that have a boundary, as a GeoJSON FeatureCollection for a map. */
export async function areasAsGeoJson(ctx: ServiceContext, query: AreaGeoJsonQuery) {
  const scope = policy.authorize(ctx, 'area.read');
  const rows = await repo.listAreaGeometries(ctx.db, scope.id, query);
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((row) => ({
      type: 'Feature' as const,
      id: row.id,
      geometry: row.geometry,
      properties: { id: row.id, code: row.code, name: row.name, kind: row.kind, year: row.year, population: row.population },
    })),
  };
}

/** The years of the workspace's area divisions and how many areas each holds, newest first. */
export async function listAreaYears(ctx: ServiceContext) {
  const scope = policy.authorize(ctx, 'area.read');
  const items = (await repo.listYears(ctx.db, scope.id)).map((r) => ({ year: Number(r.year), count: Number(r.count) }));
  return { items, total: items.length };
}

/** Every area of the workspace, geometry included (for `dichter export`). */
export async function exportAreas(ctx: ServiceContext) {
  const scope = policy.authorize(ctx, 'area.read');
  return { areas: await repo.exportAreas(ctx.db, scope.id) };
}

/** For other modules: an area and every area inside it (empty when it does not exist here). */
export async function areaIdsWithin(ctx: ServiceContext, id: string): Promise<string[]> {
  const scope = policy.authorize(ctx, 'area.read');
  return repo.descendantIds(ctx.db, scope.id, id);
}

/**
 * For other modules: an area and every area inside it as an SQL expression (an array of ids,
 * empty when the area does not exist here), to use in their own statement (one round trip).
 */
export function areaIdsWithinSql(ctx: ServiceContext, id: string) {
  const scope = policy.authorize(ctx, 'area.read');
  return repo.descendantIdsSql(scope.id, id);
}

// Placing a point

interface Shape {
  id: string;
  year: number;
  polygons: ReturnType<typeof polygonsOf>;
  box: [number, number, number, number];
  surface: number;
}
/**
 * The boundaries of a workspace in memory, parsed once, with the stamp they were read at: a
 * cheap query tells whether they changed (an import, a deletion). A few workspaces at a time.
 */
const shapeCache = new Map<string, { stamp: string; shapes: Shape[] }>();
const SHAPE_CACHE_WORKSPACES = 20;

async function shapesOf(db: Db, workspaceId: string): Promise<Shape[]> {
  const stamp = await repo.geometryStamp(db, workspaceId);
  const cached = shapeCache.get(workspaceId);
  if (cached?.stamp === stamp) return cached.shapes;
  const shapes = (await repo.allGeometries(db, workspaceId)).map((r) => {
    const polygons = polygonsOf(r.geometry);
    return { id: r.id, year: r.year, polygons, box: boundingBox(polygons), surface: planarSurface(polygons) };
  });
  shapeCache.delete(workspaceId);
  shapeCache.set(workspaceId, { stamp, shapes });
  if (shapeCache.size > SHAPE_CACHE_WORKSPACES) shapeCache.delete(shapeCache.keys().next().value!);
  return shapes;
}

const holds = (s: Shape, lat: number, lon: number) => lon >= s.box[0] && lon <= s.box[2] && lat >= s.box[1] && lat <= s.box[3] && containsPoint(s.polygons, lon, lat);

/**
 * For other modules: the smallest area whose boundary holds the point (WGS84), the newest
 * division first when boundaries are equal; null when no area with a boundary holds it.
 */
export async function smallestAreaContaining(ctx: ServiceContext, point: { lat: number; lon: number }): Promise<string | null> {
  const scope = policy.authorize(ctx, 'area.read');
  const found = (await shapesOf(ctx.db, scope.id)).filter((s) => holds(s, point.lat, point.lon));
  found.sort((a, b) => a.surface - b.surface || b.year - a.year);
  return found[0]?.id ?? null;
}

/**
 * For other modules: whether the point lies in the area, judged by its boundary or else by the
 * boundaries of the areas inside it (a municipality without one, whose neighbourhoods have
 * them). Null when neither the area nor anything inside it has a boundary: nobody can tell.
 */
export async function areaContainsPoint(ctx: ServiceContext, areaId: string, point: { lat: number; lon: number }): Promise<boolean | null> {
  const scope = policy.authorize(ctx, 'area.read');
  const [shapes, within] = await Promise.all([shapesOf(ctx.db, scope.id), repo.descendantIds(ctx.db, scope.id, areaId)]);
  const ids = new Set(within);
  const own = shapes.find((s) => s.id === areaId);
  const judged = own ? [own] : shapes.filter((s) => ids.has(s.id));
  if (judged.length === 0) return null;
  return judged.some((s) => holds(s, point.lat, point.lon));
}

/**
 * For other modules, to read within their own statement (routing a new observation): the
 * area's name and code, and everyone on the teams of the area and the areas above it, in the
 * order in which `areaTeamOwner` takes them, so the first who is still a member is its answer.
 * An SQL expression (a JSON object), null when there is no such area.
 */
export function areaWithTeamsSql(ctx: ServiceContext, areaId: string) {
  const scope = policy.authorize(ctx, 'area.read');
  return repo.areaWithTeamsSql(scope.id, areaId);
}

/**
 * For other modules: the names of the areas whose ids an SQL expression (uuid[]) gives, as an
 * SQL expression (a JSON array of `{ id, name }`, unknown ids left out), to read within their
 * own statement.
 */
export function areaNamesSql(ctx: ServiceContext, ids: Expression<string[]>) {
  const scope = policy.authorize(ctx, 'area.read');
  return repo.namesOfSql(scope.id, ids);
}

/** For other modules: names and codes of areas by id (unknown ids are left out). */
export async function areaNames(ctx: ServiceContext, ids: readonly string[]) {
  const scope = policy.authorize(ctx, 'area.read');
  return repo.namesOf(ctx.db, scope.id, [...new Set(ids)]);
}

// Area teams

/** The team that works in an area, with its contact first; or, when it has none, whose team answers for it. */
export async function getAreaTeam(ctx: ServiceContext, areaId: string): Promise<AreaTeamView> {
  const scope = policy.authorize(ctx, 'area.read');
  const area = await repo.findArea(ctx.db, scope.id, areaId);
  if (!area) throw new DomainError('area.not_found');
  const [team, members] = await Promise.all([repo.teamOf(ctx.db, scope.id, areaId), listMembers(ctx)]);
  const names = new Map(members.map((m) => [m.userId, m.name]));
  const current = team.filter((m) => names.has(m.userId));
  let inheritedFrom: AreaTeamView['inheritedFrom'] = null;
  if (current.length === 0 && area.parentId) {
    const owner = await repo.teamOwner(ctx.db, scope.id, area.parentId, [...names.keys()]);
    const from = owner && (await repo.findArea(ctx.db, scope.id, owner.areaId));
    if (from) inheritedFrom = { id: from.id, name: from.name };
  }
  return {
    areaId,
    members: current.map((m) => ({ userId: m.userId, name: names.get(m.userId)!, contact: m.contact, since: iso(m.createdAt) })),
    inheritedFrom,
    can: { update: policy.can(scope, 'area.manage') },
  };
}

/** Sets who works in an area and who of them is the contact (at most one); everyone must be a member of the workspace. */
export async function setAreaTeam(ctx: ServiceContext, areaId: string, input: AreaTeamInput): Promise<AreaTeamView> {
  const scope = policy.authorize(ctx, 'area.manage');
  const field = (id: string, path: string) => new DomainError(id, {}, [{ path, message: id }]);
  const seen = new Set<string>();
  input.members.forEach((m, i) => {
    if (seen.has(m.userId)) throw field('area.team_duplicate', `members.${i}.userId`);
    seen.add(m.userId);
  });
  const contacts = input.members.flatMap((m, i) => (m.contact ? [i] : []));
  if (contacts.length > 1) throw field('area.team_two_contacts', `members.${contacts[1]}.contact`);
  const memberIds = new Set((await listMembers(ctx)).map((m) => m.userId));
  const stranger = input.members.findIndex((m) => !memberIds.has(m.userId));
  if (stranger >= 0) throw field('area.team_not_member', `members.${stranger}.userId`);
  await transaction(ctx.db, async (trx) => {
    const area = await repo.findArea(trx, scope.id, areaId);
    if (!area) throw new DomainError('area.not_found');
    const before = await repo.teamOf(trx, scope.id, areaId);
    await repo.replaceTeam(trx, scope.id, areaId, input.members);
    const shape = (list: readonly { userId: string; contact: boolean }[]) => ({ members: list.map((m) => ({ userId: m.userId, contact: m.contact })) });
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'area_team', entityId: areaId, label: area.name, action: 'update', before: shape(before), after: shape(input.members) });
  });
  return getAreaTeam(ctx, areaId);
}

/**
 * For routing (the observations module): the member who answers for an area, that is the
 * contact (else the longest-standing member) of the nearest area with a team, walking up from
 * `areaId`. Only `candidates` count (the caller passes the workspace's current members).
 */
export async function areaTeamOwner(ctx: ServiceContext, areaId: string, candidates: readonly string[]): Promise<string | null> {
  const scope = policy.authorize(ctx, 'area.read');
  return (await repo.teamOwner(ctx.db, scope.id, areaId, candidates))?.userId ?? null;
}
