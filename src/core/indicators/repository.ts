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

/** Inserts several indicators in one statement (an import may create a hundred); returned in the order given. */
export async function insertIndicators(db: Db, rows: readonly NewIndicator[]): Promise<IndicatorRow[]> {
  if (rows.length === 0) return [];
  const stored = await t(db).insertInto('indicators').values([...rows]).returningAll().execute();
  const byId = new Map(stored.map((r) => [r.id, r]));
  return rows.map((r) => byId.get(r.id)!);
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
 * Measurements to write as aligned arrays, one per field (no object per value: an import
 * writes millions). Write them in key order (indicator, area, period): the index pages are then
 * filled one after the other instead of at a hundred places at once (about 2.5× faster).
 */
export interface MeasurementColumns {
  indicatorIds: string[];
  areaIds: string[];
  periods: string[];
  values: (number | null)[];
  statuses: string[];
}

const byKey = (a: MeasurementWrite, b: MeasurementWrite) =>
  a.indicatorId < b.indicatorId ? -1 : a.indicatorId > b.indicatorId ? 1 : a.areaId < b.areaId ? -1 : a.areaId > b.areaId ? 1 : a.period < b.period ? -1 : a.period > b.period ? 1 : 0;

/**
 * Inserts or updates measurements; a row whose value and status are already stored is left
 * alone (so a re-import writes nothing). Returns how many were new and how many changed.
 */
export async function upsertMeasurements(db: Db, workspaceId: string, recordedBy: string | null, rows: readonly MeasurementWrite[]): Promise<{ inserted: number; updated: number }> {
  const total = { inserted: 0, updated: 0 };
  const bySource = new Map<string | null, MeasurementWrite[]>();
  for (const r of rows) bySource.set(r.sourceRef, [...(bySource.get(r.sourceRef) ?? []), r]);
  for (const [sourceRef, list] of bySource) {
    list.sort(byKey);
    const columns: MeasurementColumns = { indicatorIds: list.map((r) => r.indicatorId), areaIds: list.map((r) => r.areaId), periods: list.map((r) => r.period), values: list.map((r) => r.value), statuses: list.map((r) => r.status) };
    const { inserted, updated } = await upsertMeasurementColumns(db, workspaceId, recordedBy, sourceRef, columns);
    total.inserted += inserted;
    total.updated += updated;
  }
  return total;
}

const PLAIN = /^(?!null$)[0-9a-z-]+$/i;

/**
 * An array parameter, joined here into its literal when no element needs quoting (uuids,
 * periods such as `2024-Q1`, statuses, numbers): the driver's general array quoting costs about
 * as much as all the rest of an import's JavaScript. Anything else goes to the driver as it is.
 */
function arrayParam(items: readonly (string | number | null)[]): string | readonly (string | number | null)[] {
  let out = '{';
  for (let i = 0; i < items.length; i++) {
    const v = items[i];
    if (typeof v === 'string' && !PLAIN.test(v)) return items;
    out += (i ? ',' : '') + (v === null ? 'NULL' : v);
  }
  return `${out}}`;
}

const unnestColumns = (rows: MeasurementColumns) =>
  sql`unnest(${arrayParam(rows.indicatorIds)}::uuid[], ${arrayParam(rows.areaIds)}::uuid[], ${arrayParam(rows.periods)}::text[], ${arrayParam(rows.values)}::float8[], ${arrayParam(rows.statuses)}::text[]) as r(indicator_id, area_id, period, value, status)`;

/**
 * Inserts or updates measurements in one statement, leaving alone those whose value and
 * status are already stored. The stored ones are looked up first (a read, no lock), so a
 * re-import does not lock and rewrite every row only to find it unchanged. Returns how many
 * were new and how many changed.
 */
export async function upsertMeasurementColumns(db: Db, workspaceId: string, recordedBy: string | null, sourceRef: string | null, rows: MeasurementColumns): Promise<{ inserted: number; updated: number }> {
  if (rows.indicatorIds.length === 0) return { inserted: 0, updated: 0 };
  // Counted in SQL: only two numbers come back, not a row per value.
  const result = await sql<{ inserted: number; written: number }>`
    with written as (
    insert into measurements as m (workspace_id, indicator_id, area_id, period, value, status, source_ref, recorded_by)
    select ${workspaceId}::uuid, r.indicator_id, r.area_id, r.period, r.value, r.status, ${sourceRef}::text, ${recordedBy}::uuid
    from ${unnestColumns(rows)}
    -- A lateral look-up with a limit: one index probe per row, whatever the planner estimates.
    left join lateral (
      select s.value, s.status from measurements s
      where s.workspace_id = ${workspaceId}::uuid and s.indicator_id = r.indicator_id and s.area_id = r.area_id and s.period = r.period
      limit 1) s on true
    where s.status is null or s.status <> r.status or s.value is distinct from r.value
    on conflict (workspace_id, indicator_id, area_id, period) do update
      set value = excluded.value, status = excluded.status, source_ref = excluded.source_ref, recorded_by = excluded.recorded_by, recorded_at = now()
      where m.value is distinct from excluded.value or m.status is distinct from excluded.status
    returning (xmax = 0) as inserted)
    select count(*) filter (where inserted)::int as inserted, count(*)::int as written from written`.execute(db);
  const { inserted, written } = result.rows[0];
  return { inserted: Number(inserted), updated: Number(written) - Number(inserted) };
}

/**
 * Inserts measurements that cannot exist yet (of an indicator, in a period, without any): a
 * plain INSERT, without looking for a stored row first. Returns how many were written, or null
 * when one did exist after all (written by someone else meanwhile): then nothing of this call
 * is written, and the caller upserts instead.
 */
export async function insertNewMeasurements(db: Db, workspaceId: string, recordedBy: string | null, sourceRef: string | null, rows: MeasurementColumns): Promise<number | null> {
  if (rows.indicatorIds.length === 0) return 0;
  const insert = sql`
    insert into measurements (workspace_id, indicator_id, area_id, period, value, status, source_ref, recorded_by)
    select ${workspaceId}::uuid, r.indicator_id, r.area_id, r.period, r.value, r.status, ${sourceRef}::text, ${recordedBy}::uuid
    from ${unnestColumns(rows)}`;
  const duplicate = (err: unknown) => {
    const e = err as { code?: string; constraint?: string };
    return e.code === '23505' && (e.constraint === undefined || e.constraint === 'measurements_pkey');
  };
  // In a transaction, a savepoint keeps the failed INSERT from aborting the caller's work.
  if (!db.isTransaction) {
    try {
      return Number((await insert.execute(db)).numAffectedRows ?? 0);
    } catch (err) {
      if (duplicate(err)) return null;
      throw err;
    }
  }
  await sql`savepoint new_measurements`.execute(db);
  try {
    const written = Number((await insert.execute(db)).numAffectedRows ?? 0);
    await sql`release savepoint new_measurements`.execute(db);
    return written;
  } catch (err) {
    if (!duplicate(err)) throw err;
    await sql`rollback to savepoint new_measurements`.execute(db);
    await sql`release savepoint new_measurements`.execute(db);
    return null;
  }
}

/** Of these indicators and periods, the pairs that hold at least one measurement, as `indicatorId|period`. */
export async function periodsWithMeasurements(db: Db, workspaceId: string, indicatorIds: readonly string[], periods: readonly string[]): Promise<Set<string>> {
  if (indicatorIds.length === 0 || periods.length === 0) return new Set();
  const { rows } = await sql<{ indicatorId: string; period: string }>`
    select i.id as indicator_id, p.period from unnest(${[...indicatorIds]}::uuid[]) as i(id) cross join unnest(${[...periods]}::text[]) as p(period)
    where exists (select 1 from measurements m where m.workspace_id = ${workspaceId}::uuid and m.indicator_id = i.id and m.period = p.period)`.execute(db);
  return new Set(rows.map((r) => `${r.indicatorId}|${r.period}`));
}

/** Sets the summary count of measurements for indicators and periods whose every measurement the caller just wrote (none were there before). */
export async function setPeriodCounts(db: Db, workspaceId: string, counts: readonly { indicatorId: string; period: string; n: number }[]) {
  if (counts.length === 0) return;
  await sql`
    insert into indicator_periods (workspace_id, indicator_id, period, measurements)
    select ${workspaceId}::uuid, c.indicator_id, c.period, c.n
    from unnest(${counts.map((c) => c.indicatorId)}::uuid[], ${counts.map((c) => c.period)}::text[], ${counts.map((c) => c.n)}::int[]) as c(indicator_id, period, n)
    on conflict (workspace_id, indicator_id, period) do update set measurements = excluded.measurements`.execute(db);
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
