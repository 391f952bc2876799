import { sql, type Generated, type Kysely } from 'kysely';
import type { Db } from '../../platform/db/database';

export interface IndicatorRow {
  workspaceId: string;
  id: string;
  code: string;
  name: string;
  description: string;
  unit: string;
  direction: string;
  source: string;
  periodType: string;
  compositionSensitive: boolean;
  aggregation: string;
  numeratorCode: string | null;
  denominatorCode: string | null;
  factor: number | null;
  module: string | null;
  createdAt: Date;
  updatedAt: Date;
}
export type NewIndicator = Omit<IndicatorRow, 'createdAt' | 'updatedAt'>;

export interface MeasurementRow {
  indicatorId: string;
  areaId: string;
  period: string;
  value: number | null;
  status: string;
}

interface Tables {
  indicators: Omit<IndicatorRow, 'createdAt' | 'updatedAt'> & { createdAt: Generated<Date>; updatedAt: Generated<Date> };
  indicatorLadderNodes: { workspaceId: string; indicatorId: string; nodeId: string };
  measurements: MeasurementRow & { workspaceId: string; sourceRef: string | null; recordedBy: string | null; recordedAt: Generated<Date> };
  indicatorPeriods: { workspaceId: string; indicatorId: string; period: string; measurements: number };
  indicatorMappings: { workspaceId: string; sourceKey: string; mapping: string; updatedAt: Generated<Date> };
  indicatorPanelRecords: { workspaceId: string; indicatorId: string; person: string; period: string; areaId: string; value: number };
}
const t = (db: Db) => db as Kysely<Tables>;

// Indicators

export const listIndicators = (db: Db, workspaceId: string) => t(db).selectFrom('indicators').selectAll().where('workspaceId', '=', workspaceId).orderBy('code').execute();

export const findIndicator = (db: Db, workspaceId: string, code: string) =>
  t(db).selectFrom('indicators').selectAll().where('workspaceId', '=', workspaceId).where('code', '=', code).executeTakeFirst();

export const findIndicatorById = (db: Db, workspaceId: string, id: string) =>
  t(db).selectFrom('indicators').selectAll().where('workspaceId', '=', workspaceId).where('id', '=', id).executeTakeFirst();

export async function insertIndicator(db: Db, row: NewIndicator): Promise<IndicatorRow> {
  return t(db).insertInto('indicators').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateIndicator(db: Db, workspaceId: string, id: string, changes: Partial<NewIndicator>): Promise<IndicatorRow> {
  return t(db)
    .updateTable('indicators')
    .set({ ...changes, updatedAt: sql`now()` as never })
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Deletes an indicator with its measurements (which have no foreign key, for the import rate). */
export async function deleteIndicator(db: Db, workspaceId: string, id: string) {
  await t(db).deleteFrom('measurements').where('workspaceId', '=', workspaceId).where('indicatorId', '=', id).execute();
  await t(db).deleteFrom('indicators').where('workspaceId', '=', workspaceId).where('id', '=', id).execute();
}

/** Formula indicators that use this code as numerator or denominator. */
export const formulasUsing = (db: Db, workspaceId: string, code: string) =>
  t(db)
    .selectFrom('indicators')
    .select(['code', 'name'])
    .where('workspaceId', '=', workspaceId)
    .where((eb) => eb.or([eb('numeratorCode', '=', code), eb('denominatorCode', '=', code)]))
    .execute();

export async function ladderNodesOf(db: Db, workspaceId: string): Promise<Map<string, string[]>> {
  const rows = await t(db).selectFrom('indicatorLadderNodes').select(['indicatorId', 'nodeId']).where('workspaceId', '=', workspaceId).orderBy('nodeId').execute();
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.indicatorId, [...(map.get(r.indicatorId) ?? []), r.nodeId]);
  return map;
}

export async function setLadderNodes(db: Db, workspaceId: string, indicatorId: string, nodeIds: readonly string[]) {
  await t(db).deleteFrom('indicatorLadderNodes').where('workspaceId', '=', workspaceId).where('indicatorId', '=', indicatorId).execute();
  if (nodeIds.length) await t(db).insertInto('indicatorLadderNodes').values(nodeIds.map((nodeId) => ({ workspaceId, indicatorId, nodeId }))).execute();
}

/** Per indicator and period: how many measurements (from the summary kept by every write). */
export const periodCounts = (db: Db, workspaceId: string) =>
  t(db)
    .selectFrom('indicatorPeriods')
    .select(['indicatorId', 'period', 'measurements as n'])
    .where('workspaceId', '=', workspaceId)
    .orderBy('period')
    .execute();

/**
 * Recounts the measurements of these indicators in these periods (all periods when absent)
 * into the summary the list of indicators reads. Call after writing measurements, in the same
 * transaction; after bulk SQL outside the module, call it for the workspace's indicators.
 */
export async function refreshPeriodCounts(db: Db, workspaceId: string, indicatorIds: readonly string[], periods?: readonly string[]) {
  if (indicatorIds.length === 0 || periods?.length === 0) return;
  const ids = [...indicatorIds];
  await t(db)
    .deleteFrom('indicatorPeriods')
    .where('workspaceId', '=', workspaceId)
    .where('indicatorId', '=', sql<string>`any(${ids}::uuid[])`)
    .$if(periods !== undefined, (q) => q.where('period', '=', sql<string>`any(${[...periods!]}::text[])`))
    .execute();
  await sql`
    insert into indicator_periods (workspace_id, indicator_id, period, measurements)
    select workspace_id, indicator_id, period, count(*)::int from measurements
    where workspace_id = ${workspaceId}::uuid and indicator_id = any(${ids}::uuid[]) ${periods ? sql`and period = any(${[...periods]}::text[])` : sql``}
    group by workspace_id, indicator_id, period`.execute(db);
}

export async function countMeasurements(db: Db, workspaceId: string, indicatorId: string): Promise<number> {
  const row = await t(db).selectFrom('measurements').select((eb) => eb.fn.countAll<number>().as('n')).where('workspaceId', '=', workspaceId).where('indicatorId', '=', indicatorId).executeTakeFirstOrThrow();
  return Number(row.n);
}

// Measurements

export interface MeasurementFilter {
  areaIds?: readonly string[];
  period?: string;
  periods?: readonly string[];
}

/** Measurements of these indicators, optionally for some areas and one period; ordered by period, then area. */
export function selectMeasurements(db: Db, workspaceId: string, indicatorIds: readonly string[], filter: MeasurementFilter = {}): Promise<MeasurementRow[]> {
  if (indicatorIds.length === 0 || filter.areaIds?.length === 0 || filter.periods?.length === 0) return Promise.resolve([]);
  return t(db)
    .selectFrom('measurements')
    .select(['indicatorId', 'areaId', 'period', 'value', 'status'])
    .where('workspaceId', '=', workspaceId)
    .where('indicatorId', '=', sql<string>`any(${[...indicatorIds]}::uuid[])`)
    .$if(filter.areaIds !== undefined, (q) => q.where('areaId', '=', sql<string>`any(${[...filter.areaIds!]}::uuid[])`))
    .$if(filter.period !== undefined, (q) => q.where('period', '=', filter.period!))
    .$if(filter.periods !== undefined, (q) => q.where('period', '=', sql<string>`any(${[...filter.periods!]}::text[])`))
    .orderBy('period')
    .orderBy('areaId')
    .execute();
}

/** The latest period with a measurement of this indicator (of any of these indicators, for a formula). */
export async function latestPeriod(db: Db, workspaceId: string, indicatorIds: readonly string[]): Promise<string | null> {
  const row = await t(db)
    .selectFrom('measurements')
    .select((eb) => eb.fn.max('period').as('period'))
    .where('workspaceId', '=', workspaceId)
    .where('indicatorId', '=', sql<string>`any(${[...indicatorIds]}::uuid[])`)
    .executeTakeFirst();
  return (row?.period as string | null) ?? null;
}

export interface MeasurementWrite extends MeasurementRow {
  sourceRef: string | null;
}

/**
 * Inserts or updates measurements in one statement; a row whose value and status are
 * already stored is left alone (so a re-import writes nothing). Returns how many were new and
 * how many changed.
 */
export async function upsertMeasurements(db: Db, workspaceId: string, recordedBy: string | null, rows: readonly MeasurementWrite[]): Promise<{ inserted: number; updated: number }> {
  if (rows.length === 0) return { inserted: 0, updated: 0 };
  // In key order: the index pages are then touched once each, not at random (about twice as fast).
  rows = [...rows].sort((a, b) => (a.indicatorId < b.indicatorId ? -1 : a.indicatorId > b.indicatorId ? 1 : a.areaId < b.areaId ? -1 : a.areaId > b.areaId ? 1 : a.period < b.period ? -1 : 1));
  // Counted in SQL: only two numbers come back, not a row per value.
  const result = await sql<{ inserted: number; written: number }>`
    with written as (
    insert into measurements as m (workspace_id, indicator_id, area_id, period, value, status, source_ref, recorded_by)
    select ${workspaceId}::uuid, r.indicator_id, r.area_id, r.period, r.value, r.status, r.source_ref, ${recordedBy}::uuid
    from unnest(${rows.map((r) => r.indicatorId)}::uuid[], ${rows.map((r) => r.areaId)}::uuid[], ${rows.map((r) => r.period)}::text[],
                ${rows.map((r) => r.value)}::float8[], ${rows.map((r) => r.status)}::text[], ${rows.map((r) => r.sourceRef)}::text[])
         as r(indicator_id, area_id, period, value, status, source_ref)
    on conflict (workspace_id, indicator_id, area_id, period) do update
      set value = excluded.value, status = excluded.status, source_ref = excluded.source_ref, recorded_by = excluded.recorded_by, recorded_at = now()
      where m.value is distinct from excluded.value or m.status is distinct from excluded.status
    returning (xmax = 0) as inserted)
    select count(*) filter (where inserted)::int as inserted, count(*)::int as written from written`.execute(db);
  const { inserted, written } = result.rows[0];
  return { inserted: Number(inserted), updated: Number(written) - Number(inserted) };
}

export const findMeasurement = (db: Db, workspaceId: string, indicatorId: string, areaId: string, period: string) =>
  t(db)
    .selectFrom('measurements')
    .select(['indicatorId', 'areaId', 'period', 'value', 'status', 'sourceRef'])
    .where('workspaceId', '=', workspaceId)
    .where('indicatorId', '=', indicatorId)
    .where('areaId', '=', areaId)
    .where('period', '=', period)
    .executeTakeFirst();

/** Everything of the workspace, for `dichter export`. */
export const exportMeasurements = (db: Db, workspaceId: string) =>
  t(db)
    .selectFrom('measurements')
    .innerJoin('indicators', (j) => j.onRef('indicators.workspaceId', '=', 'measurements.workspaceId').onRef('indicators.id', '=', 'measurements.indicatorId'))
    .select(['indicators.code as indicator', 'measurements.areaId', 'measurements.period', 'measurements.value', 'measurements.status', 'measurements.sourceRef', 'measurements.recordedAt'])
    .where('measurements.workspaceId', '=', workspaceId)
    .orderBy('indicators.code')
    .orderBy('measurements.period')
    .orderBy('measurements.areaId')
    .execute();

// Mappings

export async function findMapping(db: Db, workspaceId: string, sourceKey: string): Promise<Record<string, string | null> | null> {
  const row = await t(db).selectFrom('indicatorMappings').select('mapping').where('workspaceId', '=', workspaceId).where('sourceKey', '=', sourceKey).executeTakeFirst();
  if (!row) return null;
  return (typeof row.mapping === 'string' ? JSON.parse(row.mapping) : row.mapping) as Record<string, string | null>;
}

/** Saves the mapping; true when it changed. */
export async function saveMapping(db: Db, workspaceId: string, sourceKey: string, mapping: Record<string, string | null>): Promise<boolean> {
  const before = await findMapping(db, workspaceId, sourceKey);
  const merged = { ...before, ...mapping };
  if (before && JSON.stringify(Object.entries(before).sort()) === JSON.stringify(Object.entries(merged).sort())) return false;
  const json = JSON.stringify(merged);
  await t(db)
    .insertInto('indicatorMappings')
    .values({ workspaceId, sourceKey, mapping: sql`${json}::jsonb` as never })
    .onConflict((oc) => oc.columns(['workspaceId', 'sourceKey']).doUpdateSet({ mapping: sql`${json}::jsonb` as never, updatedAt: sql`now()` as never }))
    .execute();
  return true;
}

export const exportMappings = (db: Db, workspaceId: string) => t(db).selectFrom('indicatorMappings').select(['sourceKey', 'mapping', 'updatedAt']).where('workspaceId', '=', workspaceId).orderBy('sourceKey').execute();

// Panel data

export interface PanelRow {
  person: string;
  period: string;
  areaId: string;
  value: number;
}

/** Stores panel records (a person's value in a period replaces the earlier one); returns how many were new or changed. */
export async function upsertPanel(db: Db, workspaceId: string, indicatorId: string, rows: readonly PanelRow[]): Promise<number> {
  let stored = 0;
  for (let start = 0; start < rows.length; start += 10_000) {
    const batch = rows.slice(start, start + 10_000);
    const result = await sql`
      insert into indicator_panel_records as p (workspace_id, indicator_id, person, period, area_id, value)
      select ${workspaceId}::uuid, ${indicatorId}::uuid, r.person, r.period, r.area_id, r.value
      from unnest(${batch.map((r) => r.person)}::text[], ${batch.map((r) => r.period)}::text[], ${batch.map((r) => r.areaId)}::uuid[], ${batch.map((r) => r.value)}::float8[])
           as r(person, period, area_id, value)
      on conflict (workspace_id, indicator_id, person, period) do update set area_id = excluded.area_id, value = excluded.value
        where p.area_id is distinct from excluded.area_id or p.value is distinct from excluded.value`.execute(db);
    stored += Number(result.numAffectedRows ?? 0);
  }
  return stored;
}

/** The panel records of these periods (in any area: who moved out lives elsewhere in the later period). */
export const panelRecords = (db: Db, workspaceId: string, indicatorId: string, periods: readonly string[]) =>
  t(db)
    .selectFrom('indicatorPanelRecords')
    .select(['person', 'period', 'areaId', 'value'])
    .where('workspaceId', '=', workspaceId)
    .where('indicatorId', '=', indicatorId)
    .where('period', '=', sql<string>`any(${[...periods]}::text[])`)
    .execute();

export async function countPanel(db: Db, workspaceId: string, indicatorId: string): Promise<number> {
  const row = await t(db).selectFrom('indicatorPanelRecords').select((eb) => eb.fn.countAll<number>().as('n')).where('workspaceId', '=', workspaceId).where('indicatorId', '=', indicatorId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The periods with panel data, per indicator, oldest first. */
export async function panelPeriods(db: Db, workspaceId: string): Promise<Map<string, string[]>> {
  const rows = await t(db).selectFrom('indicatorPanelRecords').select(['indicatorId', 'period']).distinct().where('workspaceId', '=', workspaceId).orderBy('indicatorId').orderBy('period').execute();
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.indicatorId, [...(out.get(r.indicatorId) ?? []), r.period]);
  return out;
}

/** Indicators with panel data in these areas (or anywhere when `areaIds` is absent). */
export async function indicatorsWithPanel(db: Db, workspaceId: string, areaIds?: readonly string[]): Promise<Set<string>> {
  if (areaIds?.length === 0) return new Set();
  const rows = await t(db)
    .selectFrom('indicatorPanelRecords')
    .select('indicatorId')
    .distinct()
    .where('workspaceId', '=', workspaceId)
    .$if(areaIds !== undefined, (q) => q.where('areaId', '=', sql<string>`any(${[...areaIds!]}::uuid[])`))
    .execute();
  return new Set(rows.map((r) => r.indicatorId));
}

/**
 * For learning sessions: values recorded in a period that moved at least `threshold` (relative)
 * from the previous period's value of the same indicator and area; the largest moves first.
 * `indicatorIds`/`areaIds` null: no restriction.
 */
export async function movedValues(
  db: Db,
  workspaceId: string,
  f: { indicatorIds: readonly string[] | null; areaIds: readonly string[] | null; since: string; until: string; threshold: number; limit: number },
) {
  if (f.indicatorIds?.length === 0 || f.areaIds?.length === 0) return [];
  const { rows } = await sql<{ indicatorId: string; areaId: string; period: string; previousPeriod: string; value: number; previous: number }>`
    with fresh as (
      select m.indicator_id, m.area_id, m.period, m.value from measurements m
      where m.workspace_id = ${workspaceId} and m.status <> 'suppressed'
        and m.recorded_at >= ${f.since}::date and m.recorded_at < ${f.until}::date + 1
        ${f.indicatorIds ? sql`and m.indicator_id = any(${[...f.indicatorIds]}::uuid[])` : sql``}
        ${f.areaIds ? sql`and m.area_id = any(${[...f.areaIds]}::uuid[])` : sql``}
      limit 20000
    ), paired as (
      select f.*, p.period as previous_period, p.value as previous from fresh f
      cross join lateral (
        select p.period, p.value from measurements p
        where p.workspace_id = ${workspaceId} and p.indicator_id = f.indicator_id and p.area_id = f.area_id and p.period < f.period and p.status <> 'suppressed'
        order by p.period desc limit 1
      ) p
    )
    select indicator_id, area_id, period, previous_period, value, previous from paired
    where previous <> 0 and abs(value - previous) / abs(previous) >= ${f.threshold}
    order by abs(value - previous) / abs(previous) desc
    limit ${f.limit}`.execute(db);
  return rows.map((r) => ({ ...r, value: Number(r.value), previous: Number(r.previous) }));
}

/** The indicators linked to any of these ladder nodes. */
export const indicatorIdsOfNodes = async (db: Db, workspaceId: string, nodeIds: readonly string[]) =>
  nodeIds.length === 0
    ? []
    : (await t(db).selectFrom('indicatorLadderNodes').select('indicatorId').distinct().where('workspaceId', '=', workspaceId).where('nodeId', 'in', [...nodeIds]).execute()).map((r) => r.indicatorId);
