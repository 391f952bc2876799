import { createHash } from 'node:crypto';
import { recordAudit } from '../../platform/audit';
import type { ServiceContext } from '../../platform/context';
import { transaction, type Db } from '../../platform/db/database';
import { DomainError } from '../../platform/errors';
import { newId, UUID_PATTERN } from '../../platform/ids';
import { areaNames } from '../areas/service';
import { nodeRefs } from '../ladder/service';
import { ATTENTION_METHOD, compareWithPeers, decompose, rollUp, type Decomposition, type Direction, type PanelRecord } from './analysis';
import { AreaDirectory, type AreaEntry } from './areas';
import { periodTypeOf } from './parse';
import { indicatorPolicy as policy } from './policies';
import * as repo from './repository';
import {
  MAX_PANEL_RECORDS,
  type CreateIndicatorInput,
  type IndicatorView,
  type PutValueInput,
  type UpdateIndicatorInput,
} from './schema';
import type { z } from 'zod';
import type * as s from './schema';

type Status = 'final' | 'provisional' | 'suppressed';
type Aggregation = 'sum' | 'ratio' | 'mean';

// Defaults from the domain

/** Averages and shares of residents move when people move: composition-sensitive by default. */
export function defaultCompositionSensitive(unit: string, name: string, formula: boolean): boolean {
  const u = unit.toLowerCase();
  const n = name.toLowerCase();
  return formula || u.includes('%') || u.startsWith('per ') || u.includes(' per ') || /^(gemiddeld|gem\.|percentage|aandeel|mediaan)/.test(n);
}

/** Counts add up; averages, shares and rates are averaged (a formula indicator is a ratio of sums). */
export function defaultAggregation(unit: string, name: string, formula: boolean): Aggregation {
  if (formula) return 'ratio';
  const u = unit.toLowerCase();
  if (u.includes('%') || u.includes('per') || u.startsWith('x ') || u === 'km' || /^(gemiddeld|gem\.|percentage|mediaan|afstand)/i.test(name)) return 'mean';
  return 'sum';
}

// Presenting

function formulaOf(row: repo.IndicatorRow) {
  return row.source === 'formula' && row.numeratorCode && row.denominatorCode && row.factor !== null ? { numerator: row.numeratorCode, denominator: row.denominatorCode, factor: row.factor } : null;
}

const refOf = (row: repo.IndicatorRow) => ({ code: row.code, name: row.name, unit: row.unit, direction: row.direction as Direction, compositionSensitive: row.compositionSensitive });

interface Extras {
  ladder: Map<string, string[]>;
  counts: Map<string, { count: number; periods: string[] }>;
  panel: Map<string, string[]>;
}

async function loadExtras(db: Db, workspaceId: string): Promise<Extras> {
  const [ladder, periodRows, panel] = await Promise.all([repo.ladderNodesOf(db, workspaceId), repo.periodCounts(db, workspaceId), repo.panelPeriods(db, workspaceId)]);
  const counts = new Map<string, { count: number; periods: string[] }>();
  for (const r of periodRows) {
    const entry = counts.get(r.indicatorId) ?? { count: 0, periods: [] };
    entry.count += Number(r.n);
    entry.periods.push(r.period);
    counts.set(r.indicatorId, entry);
  }
  return { ladder, counts, panel };
}

function present(ctx: ServiceContext, row: repo.IndicatorRow, extras: Extras, all: readonly repo.IndicatorRow[]): IndicatorView {
  const formula = formulaOf(row);
  let count = extras.counts.get(row.id)?.count ?? 0;
  let periods = extras.counts.get(row.id)?.periods ?? [];
  if (formula) {
    // Computed: the periods where numerator and denominator were both measured.
    const num = all.find((i) => i.code === formula.numerator);
    const den = all.find((i) => i.code === formula.denominator);
    const denPeriods = new Set(den ? (extras.counts.get(den.id)?.periods ?? []) : []);
    periods = num ? (extras.counts.get(num.id)?.periods ?? []).filter((p) => denPeriods.has(p)) : [];
    count = 0;
  }
  const manage = policy.can(ctx.workspace, 'indicator.manage');
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    description: row.description,
    unit: row.unit,
    direction: row.direction as Direction,
    source: row.source as IndicatorView['source'],
    periodType: row.periodType as IndicatorView['periodType'],
    compositionSensitive: row.compositionSensitive,
    aggregation: row.aggregation as Aggregation,
    formula,
    module: row.module,
    ladderNodeIds: extras.ladder.get(row.id) ?? [],
    measurementCount: count,
    periods: [...periods].sort(),
    hasPanel: extras.panel.has(row.id),
    panelPeriods: extras.panel.get(row.id) ?? [],
    can: { update: manage, delete: manage, record: policy.can(ctx.workspace, 'indicator.record') && !formula },
  };
}

/** The indicator by code (or id), or `indicator.not_found`. */
export async function findIndicatorRow(db: Db, workspaceId: string, codeOrId: string): Promise<repo.IndicatorRow> {
  const row = UUID_PATTERN.test(codeOrId) ? await repo.findIndicatorById(db, workspaceId, codeOrId) : await repo.findIndicator(db, workspaceId, codeOrId.trim());
  if (!row) throw new DomainError('indicator.not_found');
  return row;
}

// Indicators

/** The workspace's indicators with their links to the ladder, number of measurements and periods. */
export async function listIndicators(ctx: ServiceContext) {
  const scope = policy.authorize(ctx, 'indicator.read');
  const [rows, extras] = await Promise.all([repo.listIndicators(ctx.db, scope.id), loadExtras(ctx.db, scope.id)]);
  const may = policy.abilities(ctx, ['indicator.manage', 'indicator.record']);
  return { items: rows.map((r) => present(ctx, r, extras, rows)), total: rows.length, can: { create: may['indicator.manage'], import: may['indicator.manage'], record: may['indicator.record'] } };
}

/** One indicator. */
export async function getIndicator(ctx: ServiceContext, code: string): Promise<IndicatorView> {
  const scope = policy.authorize(ctx, 'indicator.read');
  const row = await findIndicatorRow(ctx.db, scope.id, code);
  const [rows, extras] = await Promise.all([repo.listIndicators(ctx.db, scope.id), loadExtras(ctx.db, scope.id)]);
  return present(ctx, row, extras, rows);
}

async function checkLadderNodes(ctx: ServiceContext, db: Db, ids: readonly string[] | undefined) {
  if (!ids?.length) return;
  const found = await nodeRefs({ ...ctx, db }, ids);
  if (found.length !== new Set(ids).size) throw new DomainError('indicator.unknown_ladder_node', {}, [{ path: 'ladderNodeIds', message: 'indicator.unknown_ladder_node' }]);
}

async function checkFormula(db: Db, workspaceId: string, code: string, formula: { numerator: string; denominator: string } | null | undefined) {
  if (!formula) return;
  for (const [field, other] of [
    ['numerator', formula.numerator],
    ['denominator', formula.denominator],
  ] as const) {
    if (other === code) throw new DomainError('indicator.formula_nested', {}, [{ path: `formula.${field}`, message: 'indicator.formula_nested' }]);
    const row = await repo.findIndicator(db, workspaceId, other);
    if (!row) throw new DomainError('indicator.formula_unknown', { code: other }, [{ path: `formula.${field}`, message: 'indicator.formula_unknown' }]);
    if (row.source === 'formula') throw new DomainError('indicator.formula_nested', {}, [{ path: `formula.${field}`, message: 'indicator.formula_nested' }]);
  }
}

/** Defines an indicator; a formula indicator (source `formula`) needs a numerator, a denominator and a factor over measured indicators. */
export async function createIndicator(ctx: ServiceContext, input: CreateIndicatorInput): Promise<IndicatorView> {
  const scope = policy.authorize(ctx, 'indicator.manage');
  const source = input.source ?? (input.formula ? 'formula' : 'manual');
  if (source === 'formula' && !input.formula) throw new DomainError('indicator.formula_required', {}, [{ path: 'formula', message: 'indicator.formula_required' }]);
  if (source !== 'formula' && input.formula) throw new DomainError('indicator.formula_unexpected', {}, [{ path: 'formula', message: 'indicator.formula_unexpected' }]);
  const isFormula = source === 'formula';
  if (!isFormula && input.aggregation === 'ratio') throw new DomainError('indicator.formula_required', {}, [{ path: 'aggregation', message: 'indicator.formula_required' }]);
  const unit = input.unit ?? '';
  await checkLadderNodes(ctx, ctx.db, input.ladderNodeIds);
  return transaction(ctx.db, async (trx) => {
    if (await repo.findIndicator(trx, scope.id, input.code)) throw new DomainError('indicator.code_taken', {}, [{ path: 'code', message: 'indicator.code_taken' }]);
    await checkFormula(trx, scope.id, input.code, input.formula);
    const row = await repo.insertIndicator(trx, {
      workspaceId: scope.id,
      id: newId(),
      code: input.code,
      name: input.name,
      description: input.description ?? '',
      unit,
      direction: input.direction ?? 'neutral',
      source,
      periodType: input.periodType ?? 'year',
      compositionSensitive: input.compositionSensitive ?? defaultCompositionSensitive(unit, input.name, isFormula),
      aggregation: isFormula ? 'ratio' : (input.aggregation ?? defaultAggregation(unit, input.name, false)),
      numeratorCode: input.formula?.numerator ?? null,
      denominatorCode: input.formula?.denominator ?? null,
      factor: input.formula?.factor ?? null,
      module: source === 'practice' ? (input.module ?? null) : null,
    });
    if (input.ladderNodeIds?.length) await repo.setLadderNodes(trx, scope.id, row.id, [...new Set(input.ladderNodeIds)]);
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'indicator', entityId: row.id, action: 'create', after: { ...row, ladderNodeIds: input.ladderNodeIds ?? [] } });
    const [rows, extras] = await Promise.all([repo.listIndicators(trx, scope.id), loadExtras(trx, scope.id)]);
    return present(ctx, row, extras, rows);
  });
}

/** Changes an indicator's description, unit, direction, period type, flags, formula or ladder links. */
export async function updateIndicator(ctx: ServiceContext, code: string, patch: UpdateIndicatorInput): Promise<IndicatorView> {
  const scope = policy.authorize(ctx, 'indicator.manage');
  await checkLadderNodes(ctx, ctx.db, patch.ladderNodeIds);
  return transaction(ctx.db, async (trx) => {
    const before = await findIndicatorRow(trx, scope.id, code);
    const isFormula = before.source === 'formula';
    if (!isFormula && patch.formula) throw new DomainError('indicator.formula_unexpected', {}, [{ path: 'formula', message: 'indicator.formula_unexpected' }]);
    if (isFormula && patch.formula === null) throw new DomainError('indicator.formula_required', {}, [{ path: 'formula', message: 'indicator.formula_required' }]);
    if (!isFormula && patch.aggregation === 'ratio') throw new DomainError('indicator.formula_required', {}, [{ path: 'aggregation', message: 'indicator.formula_required' }]);
    await checkFormula(trx, scope.id, before.code, patch.formula);
    if (patch.periodType !== undefined && patch.periodType !== before.periodType && (await repo.countMeasurements(trx, scope.id, before.id)) > 0) {
      throw new DomainError('indicator.period_type_locked', { periodType: before.periodType }, [{ path: 'periodType', message: 'indicator.period_type_locked' }]);
    }
    const changes: Partial<repo.NewIndicator> = {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.unit !== undefined ? { unit: patch.unit } : {}),
      ...(patch.direction !== undefined ? { direction: patch.direction } : {}),
      ...(patch.periodType !== undefined ? { periodType: patch.periodType } : {}),
      ...(patch.compositionSensitive !== undefined ? { compositionSensitive: patch.compositionSensitive } : {}),
      ...(patch.aggregation !== undefined && !isFormula ? { aggregation: patch.aggregation } : {}),
      ...(patch.formula ? { numeratorCode: patch.formula.numerator, denominatorCode: patch.formula.denominator, factor: patch.formula.factor } : {}),
      ...(patch.module !== undefined && before.source === 'practice' ? { module: patch.module } : {}),
    };
    const real = Object.fromEntries(Object.entries(changes).filter(([k, v]) => (before as unknown as Record<string, unknown>)[k] !== v));
    let after = before;
    if (Object.keys(real).length) after = await repo.updateIndicator(trx, scope.id, before.id, real);
    const ladderBefore = (await repo.ladderNodesOf(trx, scope.id)).get(before.id) ?? [];
    const ladderAfter = patch.ladderNodeIds ? [...new Set(patch.ladderNodeIds)].sort() : ladderBefore;
    const ladderChanged = JSON.stringify([...ladderBefore].sort()) !== JSON.stringify(ladderAfter);
    if (ladderChanged) await repo.setLadderNodes(trx, scope.id, before.id, ladderAfter);
    if (Object.keys(real).length || ladderChanged) {
      await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'indicator', entityId: before.id, action: 'update', before: { ...before, ladderNodeIds: ladderBefore }, after: { ...after, ladderNodeIds: ladderAfter } });
    }
    const [rows, extras] = await Promise.all([repo.listIndicators(trx, scope.id), loadExtras(trx, scope.id)]);
    return present(ctx, after, extras, rows);
  });
}

/** Deletes an indicator: without measurements at once, with measurements only when confirmed; never one a formula uses. */
export async function deleteIndicator(ctx: ServiceContext, code: string, confirm: boolean): Promise<void> {
  const scope = policy.authorize(ctx, 'indicator.manage');
  await transaction(ctx.db, async (trx) => {
    const before = await findIndicatorRow(trx, scope.id, code);
    const users = await repo.formulasUsing(trx, scope.id, before.code);
    if (users.length) throw new DomainError('indicator.used_in_formula', { indicator: users[0]!.name });
    const count = await repo.countMeasurements(trx, scope.id, before.id);
    if (count > 0 && !confirm) throw new DomainError('indicator.has_measurements', { count });
    await repo.deleteIndicator(trx, scope.id, before.id);
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'indicator', entityId: before.id, action: 'delete', before: { ...before, measurements: count } });
  });
}

// Values

/** A value of an indicator for an area and period, measured or computed. */
export interface Value {
  areaId: string;
  period: string;
  value: number | null;
  status: Status;
}

/**
 * The values of an indicator: measured ones as stored; a formula's computed per area and
 * period as numerator / denominator × factor (suppressed when either is; none when either is
 * missing or the denominator is 0: missing is not zero).
 */
export async function valuesOf(db: Db, workspaceId: string, row: repo.IndicatorRow, filter: repo.MeasurementFilter = {}): Promise<Value[]> {
  const formula = formulaOf(row);
  if (!formula) return (await repo.selectMeasurements(db, workspaceId, [row.id], filter)).map(({ areaId, period, value, status }) => ({ areaId, period, value, status: status as Status }));
  const [num, den] = await Promise.all([repo.findIndicator(db, workspaceId, formula.numerator), repo.findIndicator(db, workspaceId, formula.denominator)]);
  if (!num || !den) return [];
  const rows = await repo.selectMeasurements(db, workspaceId, [num.id, den.id], filter);
  const denominators = new Map(rows.filter((r) => r.indicatorId === den.id).map((r) => [`${r.areaId}|${r.period}`, r]));
  const out: Value[] = [];
  for (const n of rows) {
    if (n.indicatorId !== num.id) continue;
    const d = denominators.get(`${n.areaId}|${n.period}`);
    if (!d) continue;
    if (n.status === 'suppressed' || d.status === 'suppressed') out.push({ areaId: n.areaId, period: n.period, value: null, status: 'suppressed' });
    else if (d.value !== 0 && n.value !== null && d.value !== null) {
      out.push({ areaId: n.areaId, period: n.period, value: (n.value / d.value) * formula.factor, status: n.status === 'provisional' || d.status === 'provisional' ? 'provisional' : 'final' });
    }
  }
  return out;
}

function areaOrFail(dir: AreaDirectory, code: string, period?: string | null): AreaEntry {
  const area = dir.resolve(code, period);
  if (!area) throw new DomainError('indicator.area_not_found', { code }, [{ path: 'area', message: 'indicator.area_not_found' }]);
  return area;
}

function checkPeriod(row: repo.IndicatorRow, period: string) {
  if (periodTypeOf(period) !== row.periodType) throw new DomainError('indicator.period_invalid', { periodType: row.periodType }, [{ path: 'period', message: 'indicator.period_invalid' }]);
}

/** The values of an indicator per area (CBS code) and period, optionally for one area and/or period. */
export async function listValues(ctx: ServiceContext, code: string, query: z.infer<typeof s.valuesQuery>) {
  const scope = policy.authorize(ctx, 'indicator.read');
  const row = await findIndicatorRow(ctx.db, scope.id, code);
  const dir = await AreaDirectory.knowing(ctx, [query.area]);
  let areaIds: string[] | undefined;
  if (query.area) {
    areaIds = dir.withCode(query.area).map((a) => a.id);
    if (areaIds.length === 0) throw new DomainError('indicator.area_not_found', { code: query.area }, [{ path: 'area', message: 'indicator.area_not_found' }]);
  }
  const values = await valuesOf(ctx.db, scope.id, row, { areaIds, period: query.period });
  const items = values.filter((v) => dir.byId.has(v.areaId)).map((v) => ({ area: dir.label(v.areaId), period: v.period, value: v.value, status: v.status }));
  return { items, total: items.length };
}

/** Enters or corrects one measurement by hand (upsert); suppressed means no value. */
export async function putValue(ctx: ServiceContext, code: string, input: PutValueInput) {
  const scope = policy.authorize(ctx, 'indicator.record');
  const row = await findIndicatorRow(ctx.db, scope.id, code);
  if (row.source === 'formula') throw new DomainError('indicator.computed');
  checkPeriod(row, input.period);
  const status: Status = input.status ?? (input.value === null ? 'suppressed' : 'final');
  if (status !== 'suppressed' && input.value === null) throw new DomainError('indicator.value_required', {}, [{ path: 'value', message: 'indicator.value_required' }]);
  const value = status === 'suppressed' ? null : input.value;
  const dir = await AreaDirectory.knowing(ctx, [input.area]);
  const area = areaOrFail(dir, input.area, input.period);
  return transaction(ctx.db, async (trx) => {
    const before = await repo.findMeasurement(trx, scope.id, row.id, area.id, input.period);
    const { inserted, updated } = await repo.upsertMeasurements(trx, scope.id, ctx.actor?.userId ?? null, [
      { indicatorId: row.id, areaId: area.id, period: input.period, value, status, sourceRef: input.sourceRef ?? before?.sourceRef ?? null },
    ]);
    if (inserted + updated > 0) {
      await repo.refreshPeriodCounts(trx, scope.id, [row.id], [input.period]);
      await recordAudit(trx, {
        workspaceId: scope.id,
        actor: ctx.actor,
        entity: 'measurement',
        entityId: row.id,
        label: `${row.code} ${dir.label(area.id)} ${input.period}`,
        action: inserted ? 'create' : 'update',
        before: before ? { value: before.value, status: before.status } : null,
        after: { area: dir.label(area.id), period: input.period, value, status },
      });
    }
    return { area: dir.label(area.id), period: input.period, value, status };
  });
}

async function hasPanelFor(db: Db, workspaceId: string, row: repo.IndicatorRow, areaIds: readonly string[]) {
  return (await repo.indicatorsWithPanel(db, workspaceId, areaIds)).has(row.id);
}

/** The trend of an indicator in one area (all divisions that carry its code), oldest period first. */
export async function trend(ctx: ServiceContext, code: string, query: z.infer<typeof s.trendQuery>) {
  const scope = policy.authorize(ctx, 'indicator.read');
  const row = await findIndicatorRow(ctx.db, scope.id, code);
  const dir = await AreaDirectory.knowing(ctx, [query.area]);
  const areas = dir.withCode(query.area);
  if (areas.length === 0) throw new DomainError('indicator.area_not_found', { code: query.area }, [{ path: 'area', message: 'indicator.area_not_found' }]);
  const ids = areas.map((a) => a.id);
  const values = await valuesOf(ctx.db, scope.id, row, { areaIds: ids });
  // One value per period: the division of that year first.
  const byPeriod = new Map<string, Value>();
  for (const v of values) {
    const preferred = dir.resolve(query.area, v.period);
    if (!byPeriod.has(v.period) || v.areaId === preferred?.id) byPeriod.set(v.period, v);
  }
  const items = [...byPeriod.values()].sort((a, b) => a.period.localeCompare(b.period)).map((v) => ({ period: v.period, value: v.value, status: v.status }));
  const compositionWarning = row.compositionSensitive && !(await hasPanelFor(ctx.db, scope.id, row, ids));
  return { indicator: refOf(row), area: { code: areas[0]!.code ?? query.area, name: areas[0]!.name }, items, compositionWarning };
}

async function periodOrLatest(db: Db, workspaceId: string, row: repo.IndicatorRow, period: string | undefined): Promise<string> {
  if (period) return period;
  const formula = formulaOf(row);
  const ids = [row.id];
  if (formula) {
    const num = await repo.findIndicator(db, workspaceId, formula.numerator);
    if (num) ids.splice(0, 1, num.id);
  }
  const latest = await repo.latestPeriod(db, workspaceId, ids);
  if (!latest) throw new DomainError('indicator.no_period');
  return latest;
}

/** Peers of an area: the areas with the same parent and kind (siblings), or every area of its kind and year in the gemeente. */
function peersOf(dir: AreaDirectory, area: AreaEntry, peers: 'siblings' | 'municipality'): AreaEntry[] {
  if (peers === 'municipality') {
    const gemeente = dir.municipalityOf(area);
    if (gemeente && gemeente.id !== area.id) return dir.descendants(gemeente.id).filter((a) => a.kind === area.kind && a.year === area.year);
  }
  if (!area.parentId) return [area];
  return dir.children(area.parentId).filter((a) => a.kind === area.kind);
}

/** An area beside its peers for one period: rank, distance from the median and the attention signal (robust z-score). */
export async function comparison(ctx: ServiceContext, code: string, query: z.infer<typeof s.comparisonQuery>) {
  const scope = policy.authorize(ctx, 'indicator.read');
  const row = await findIndicatorRow(ctx.db, scope.id, code);
  const period = await periodOrLatest(ctx.db, scope.id, row, query.period);
  const dir = await AreaDirectory.knowing(ctx, [query.area]);
  const area = areaOrFail(dir, query.area, period);
  const peerMode = query.peers ?? 'siblings';
  const peers = peersOf(dir, area, peerMode);
  const values = await valuesOf(ctx.db, scope.id, row, { areaIds: peers.map((p) => p.id), period });
  const byArea = new Map(values.map((v) => [v.areaId, v]));
  const result = compareWithPeers(
    peers.map((p) => ({ key: p.id, value: byArea.get(p.id)?.value ?? null })),
    row.direction as Direction,
  );
  const items = result.items
    .map((it) => {
      const peer = dir.byId.get(it.key)!;
      return { area: { code: peer.code ?? peer.name, name: peer.name, kind: peer.kind }, value: it.value, status: byArea.get(it.key)?.status ?? null, rank: it.rank, distance: it.distance, z: it.z, attention: it.attention };
    })
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.area.code.localeCompare(b.area.code));
  const compositionWarning = row.compositionSensitive && !(await hasPanelFor(ctx.db, scope.id, row, [area.id]));
  return { indicator: refOf(row), period, area: { code: area.code ?? query.area, name: area.name }, peers: peerMode, reference: { method: 'median' as const, value: result.reference }, items, compositionWarning };
}

/**
 * An area's value rolled up from the areas below it: counts summed, averages averaged, and a
 * formula as Σnumerator / Σdenominator × factor (never the mean of the ratios). Takes the
 * level right below, or the next level down when that one has no figures.
 */
export async function rollupValue(ctx: ServiceContext, code: string, query: z.infer<typeof s.rollupQuery>) {
  const scope = policy.authorize(ctx, 'indicator.read');
  const row = await findIndicatorRow(ctx.db, scope.id, code);
  const period = await periodOrLatest(ctx.db, scope.id, row, query.period);
  const dir = await AreaDirectory.knowing(ctx, [query.area]);
  const area = areaOrFail(dir, query.area, period);
  const method = row.aggregation as Aggregation;
  const formula = formulaOf(row);
  const below = dir.descendants(area.id);
  const levels = new Map<number, AreaEntry[]>();
  const depthOf = (a: AreaEntry) => {
    let d = 0;
    for (let node: AreaEntry | undefined = a; node && node.id !== area.id; node = node.parentId ? dir.byId.get(node.parentId) : undefined) d++;
    return d;
  };
  for (const a of below) levels.set(depthOf(a), [...(levels.get(depthOf(a)) ?? []), a]);

  for (const depth of [...levels.keys()].sort((a, b) => a - b)) {
    const children = levels.get(depth)!;
    const ids = children.map((c) => c.id);
    if (formula && method === 'ratio') {
      const [num, den] = await Promise.all([repo.findIndicator(ctx.db, scope.id, formula.numerator), repo.findIndicator(ctx.db, scope.id, formula.denominator)]);
      if (!num || !den) break;
      const rows = await repo.selectMeasurements(ctx.db, scope.id, [num.id, den.id], { areaIds: ids, period });
      const get = (indicatorId: string, areaId: string) => rows.find((r) => r.indicatorId === indicatorId && r.areaId === areaId)?.value ?? null;
      const pairs = ids.map((id) => ({ n: get(num.id, id), d: get(den.id, id) })).filter((p) => p.n !== null && p.d !== null);
      if (pairs.length === 0) continue;
      const value = rollUp({ method: 'ratio', numerators: pairs.map((p) => p.n), denominators: pairs.map((p) => p.d), factor: formula.factor });
      return { area: { code: area.code ?? query.area, name: area.name }, period, value, children: pairs.length, method };
    }
    const values = (await valuesOf(ctx.db, scope.id, row, { areaIds: ids, period })).filter((v) => v.value !== null);
    if (values.length === 0) continue;
    const value = rollUp({ method: method === 'ratio' ? 'mean' : method, values: values.map((v) => v.value) });
    return { area: { code: area.code ?? query.area, name: area.name }, period, value, children: values.length, method };
  }
  return { area: { code: area.code ?? query.area, name: area.name }, period, value: null, children: 0, method };
}

/**
 * Where attention is needed: for every indicator (in the given period, else its latest) each
 * area against the areas with the same parent and kind; the clearly better and clearly worse
 * ones, with counts of every signal so a team also sees where everything is as expected.
 */
export async function attention(ctx: ServiceContext, query: z.infer<typeof s.attentionQuery>) {
  const scope = policy.authorize(ctx, 'indicator.read');
  const [rows, dir] = await Promise.all([repo.listIndicators(ctx.db, scope.id), AreaDirectory.cached(ctx)]);
  const items: z.infer<typeof s.attentionView>['items'] = [];
  const counts = { better: 0, expected: 0, worse: 0 };
  for (const row of rows) {
    if (row.direction === 'neutral') continue;
    let period: string;
    try {
      period = await periodOrLatest(ctx.db, scope.id, row, query.period);
    } catch {
      continue;
    }
    const values = await valuesOf(ctx.db, scope.id, row, { period });
    const groups = new Map<string, { area: AreaEntry; value: number | null }[]>();
    for (const v of values) {
      const area = dir.byId.get(v.areaId);
      if (!area?.parentId) continue;
      const key = `${area.parentId}|${area.kind}`;
      groups.set(key, [...(groups.get(key) ?? []), { area, value: v.value }]);
    }
    for (const group of groups.values()) {
      if (group.filter((g) => g.value !== null).length < 3) continue;
      const result = compareWithPeers(group.map((g) => ({ key: g.area.id, value: g.value })), row.direction as Direction);
      for (const it of result.items) {
        if (!it.attention) continue;
        counts[it.attention]++;
        if (it.attention === 'expected' || it.value === null) continue;
        const area = dir.byId.get(it.key)!;
        items.push({ indicator: { code: row.code, name: row.name, unit: row.unit }, area: { code: area.code ?? area.name, name: area.name, kind: area.kind }, period, value: it.value, reference: result.reference, z: it.z, attention: it.attention });
      }
    }
  }
  items.sort((a, b) => (a.attention === b.attention ? Math.abs(b.z ?? 0) - Math.abs(a.z ?? 0) : a.attention === 'worse' ? -1 : 1));
  return { items, total: items.length, counts, method: ATTENTION_METHOD[ctx.locale] };
}

// Composition

function tooMany(n: number) {
  if (n > MAX_PANEL_RECORDS) throw new DomainError('indicator.panel_too_large', { max: MAX_PANEL_RECORDS }, [{ path: 'records', message: 'indicator.panel_too_large' }]);
}

/** Splits the change of an area mean in posted panel records into stayers, entry and exit; nothing is stored. */
export function compositionPreview(ctx: ServiceContext, body: z.infer<typeof s.compositionPreviewBody>): Decomposition {
  policy.authorize(ctx, 'indicator.read');
  tooMany(body.records.length);
  const records: PanelRecord[] = body.records.map((r) => ({ person: r.person, period: r.period, area: r.area.toUpperCase(), value: r.value }));
  return decompose(records, body.area.toUpperCase(), body.period0, body.period1);
}

/** A pseudonym for a person id: the same id gives the same pseudonym within a workspace, and it cannot be read back. */
export const pseudonym = (workspaceId: string, person: string) => createHash('sha256').update(`${workspaceId}:${person}`).digest('hex').slice(0, 32);

/** Stores pseudonymous panel records (person ids are hashed; never names) for an indicator's composition analysis. */
export async function storePanel(ctx: ServiceContext, code: string, body: z.infer<typeof s.panelBody>) {
  const scope = policy.authorize(ctx, 'indicator.panel');
  tooMany(body.records.length);
  const row = await findIndicatorRow(ctx.db, scope.id, code);
  const dir = await AreaDirectory.knowing(ctx, [...new Set(body.records.map((r) => r.area))]);
  const rows: repo.PanelRow[] = body.records.map((r) => {
    const area = dir.resolve(r.area, r.period);
    if (!area) throw new DomainError('indicator.panel_unknown_area', { code: r.area }, [{ path: 'records', message: 'indicator.panel_unknown_area' }]);
    return { person: pseudonym(scope.id, r.person), period: r.period, areaId: area.id, value: r.value };
  });
  const seen = new Set<string>();
  for (const r of rows) {
    const key = `${r.person}|${r.period}`;
    if (seen.has(key)) throw new DomainError('indicator.panel_duplicate_person', { person: '…', period: r.period });
    seen.add(key);
  }
  return transaction(ctx.db, async (trx) => {
    const stored = await repo.upsertPanel(trx, scope.id, row.id, rows);
    if (stored > 0) {
      await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'indicator_panel', entityId: row.id, label: row.code, action: 'import', after: { records: rows.length, stored } });
    }
    return { stored, total: await repo.countPanel(trx, scope.id, row.id) };
  });
}

/** The decomposition of an area's change between two periods from the stored panel data. */
export async function composition(ctx: ServiceContext, code: string, query: z.infer<typeof s.compositionQuery>) {
  const scope = policy.authorize(ctx, 'indicator.read');
  const row = await findIndicatorRow(ctx.db, scope.id, code);
  const dir = await AreaDirectory.knowing(ctx, [query.area]);
  const areas = dir.withCode(query.area);
  if (areas.length === 0) throw new DomainError('indicator.area_not_found', { code: query.area }, [{ path: 'area', message: 'indicator.area_not_found' }]);
  const records = (await repo.panelRecords(ctx.db, scope.id, row.id, [query.period0, query.period1])).map((r) => ({ person: r.person, period: r.period, area: dir.label(r.areaId).toUpperCase(), value: r.value }));
  const result = decompose(records, query.area.toUpperCase(), query.period0, query.period1);
  return { ...result, indicator: refOf(row), area: { code: areas[0]!.code ?? query.area, name: areas[0]!.name }, period0: query.period0, period1: query.period1 };
}

// Export

/** Indicators, measurements (by area code), saved mappings, and the number of panel records (never the records), for `dichter export`. */
export async function exportIndicators(ctx: ServiceContext) {
  const scope = policy.authorize(ctx, 'indicator.read');
  const [list, measurements, mappings, dir] = await Promise.all([listIndicators(ctx), repo.exportMeasurements(ctx.db, scope.id), repo.exportMappings(ctx.db, scope.id), AreaDirectory.cached(ctx)]);
  return {
    indicators: list.items.map(({ can: _can, ...i }) => i),
    measurements: measurements.map((m) => ({ indicator: m.indicator, area: dir.label(m.areaId), period: m.period, value: m.value, status: m.status, sourceRef: m.sourceRef, recordedAt: m.recordedAt })),
    mappings,
  };
}

/** A value that moves this much (relative to the previous period's) counts as moved for a learning session. */
export const MOVED_THRESHOLD = 0.1;

/**
 * For learning sessions (the evidence pack): values recorded between `since` and `until` that
 * moved at least 10 % from the previous period, for the indicators linked to these ladder nodes
 * (all indicators when `nodeIds` is null) in these areas (all when null).
 */
export async function movedMeasurements(ctx: ServiceContext, f: { nodeIds: readonly string[] | null; areaIds: readonly string[] | null; since: string; until: string }) {
  const scope = policy.authorize(ctx, 'indicator.read');
  const indicatorIds = f.nodeIds ? await repo.indicatorIdsOfNodes(ctx.db, scope.id, f.nodeIds) : null;
  const moved = await repo.movedValues(ctx.db, scope.id, { indicatorIds, areaIds: f.areaIds, since: f.since, until: f.until, threshold: MOVED_THRESHOLD, limit: 50 });
  if (!moved.length) return [];
  const [indicators, areas] = await Promise.all([repo.listIndicators(ctx.db, scope.id), areaNames(ctx, [...new Set(moved.map((m) => m.areaId))])]);
  const indicatorName = new Map(indicators.map((i) => [i.id, i.name]));
  const areaName = new Map(areas.map((a) => [a.id, a.name]));
  return moved.map((m) => ({
    id: m.indicatorId,
    indicator: `${indicatorName.get(m.indicatorId) ?? '?'} (${m.previousPeriod} → ${m.period})`,
    area: areaName.get(m.areaId) ?? null,
    from: m.previous,
    to: m.value,
    change: m.value - m.previous,
  }));
}
