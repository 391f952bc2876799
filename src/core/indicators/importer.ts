import { recordAudit } from '../../platform/audit';
import type { ServiceContext } from '../../platform/context';
import { transaction } from '../../platform/db/database';
import { DomainError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { AreaDirectory } from './areas';
import { codeFromStem, codeProblem, normalise, parseIndicatorFile, periodFromFileName, periodTypeOf, sourceKeyOf, UnreadableFileError, type ParsedIndicatorFile, type SourceColumn } from './parse';
import { indicatorPolicy as policy } from './policies';
import { describeReason, type Reason } from './reasons';
import * as repo from './repository';
import type { ImportPreviewView, ImportReportView } from './schema';
import { defaultAggregation, defaultCompositionSensitive } from './service';

export interface ImportInput {
  fileName: string;
  data: Buffer | string;
  /** CBS DataProperties.json: titles and units of the keys. */
  metadata?: string;
  /** The period of every figure; else from the file name (`…_2019.csv`), the contents, or a period column. */
  period?: string;
  /** `auto`: suggested mappings, creating indicators that do not exist yet. An object: per column an indicator code (null: leave out). Absent: the saved mapping and existing indicators only. */
  mapping?: 'auto' | Record<string, string | null>;
}

type Basis = ImportPreviewView['columns'][number]['basis'];
interface Plan {
  column: SourceColumn;
  /** Target indicator code, or null: left out. */
  code: string | null;
  name: string;
  unit: string;
  exists: boolean;
  basis: Basis;
  /** Why the column is left out. */
  reason?: Reason;
}

/** Values written per statement: large enough to be fast, small enough for statement limits. */
const BATCH_SIZE = 10_000;
/** The report lists at most this many skipped rows and cells; it counts them all. */
const MAX_SKIPS = 1000;

async function parseOrRefuse(ctx: ServiceContext, input: ImportInput): Promise<ParsedIndicatorFile> {
  try {
    return await parseIndicatorFile({ data: input.data, metadata: input.metadata });
  } catch (err) {
    if (err instanceof UnreadableFileError) throw new DomainError('indicator.import_unreadable', {}, [{ path: 'file', message: describeReason(err.reason, ctx.locale) }]);
    throw err;
  }
}

/** Pairs each column with an indicator: given, saved for this source, an existing indicator, or (auto) a new one from the column. */
function planColumns(parsed: ParsedIndicatorFile, input: ImportInput, existing: readonly repo.IndicatorRow[], saved: Record<string, string | null> | null): Plan[] {
  const byCode = new Map(existing.map((i) => [i.code, i]));
  const byName = new Map(existing.map((i) => [normalise(i.name), i]));
  const taken = new Set(existing.map((i) => i.code));
  const plans: Plan[] = [];
  for (const column of parsed.columns) {
    const none = (basis: Basis, reason: Reason): Plan => ({ column, code: null, name: column.title, unit: column.unit, exists: false, basis, reason });
    if (!column.numeric) {
      plans.push(none('none', { id: 'indicator.column.not_numeric' }));
      continue;
    }
    const target = (row: repo.IndicatorRow, basis: Basis): Plan =>
      row.source === 'formula'
        ? { ...none(basis, { id: 'indicator.column.formula', params: { indicator: row.code } }), code: null }
        : { column, code: row.code, name: row.name, unit: row.unit, exists: true, basis };
    if (input.mapping && input.mapping !== 'auto') {
      const given = input.mapping[column.key] ?? input.mapping[column.stem];
      if (!given) {
        plans.push(none('given', { id: 'indicator.column.not_mapped' }));
        continue;
      }
      const row = byCode.get(given);
      if (!row) throw new DomainError('indicator.mapping_unknown', { code: given }, [{ path: 'mapping', message: 'indicator.mapping_unknown' }]);
      plans.push(target(row, 'given'));
      continue;
    }
    if (saved && column.stem in saved) {
      const code = saved[column.stem];
      const row = code ? byCode.get(code) : undefined;
      if (row) {
        plans.push(target(row, 'saved'));
        continue;
      }
      if (code === null) {
        plans.push(none('saved', { id: 'indicator.column.not_mapped' }));
        continue;
      }
    }
    const suggested = codeFromStem(column.cbsVariable ?? column.title) || codeFromStem(column.key) || 'indicator';
    const match = byCode.get(suggested) ?? byName.get(normalise(column.title));
    if (match) {
      plans.push(target(match, 'existing'));
      continue;
    }
    if (input.mapping !== 'auto') {
      plans.push(none('none', { id: 'indicator.column.not_mapped' }));
      continue;
    }
    let code = suggested;
    for (let n = 2; taken.has(code); n++) code = `${suggested.slice(0, 56).replace(/-+$/, '')}-${n}`;
    taken.add(code);
    plans.push({ column, code, name: column.title.slice(0, 200), unit: column.unit.slice(0, 60), exists: false, basis: column.cbsVariable ? 'cbs' : 'column' });
  }
  return plans;
}

const presentColumn = (p: Plan) => ({
  column: p.column.key,
  title: p.column.title,
  unit: p.column.unit,
  numeric: p.column.numeric,
  indicator: p.code ? { code: p.code, name: p.name, unit: p.unit, exists: p.exists } : null,
  basis: p.basis,
});

function filePeriod(parsed: ParsedIndicatorFile, input: ImportInput): string | null {
  return input.period ?? periodFromFileName(input.fileName) ?? parsed.period;
}

/** What the file holds and how its columns would map, without importing anything. */
export async function previewIndicatorImport(ctx: ServiceContext, input: ImportInput): Promise<ImportPreviewView> {
  const scope = policy.authorize(ctx, 'indicator.manage');
  const parsed = await parseOrRefuse(ctx, input);
  const sourceKey = sourceKeyOf(input.fileName);
  const [existing, saved] = await Promise.all([repo.listIndicators(ctx.db, scope.id), repo.findMapping(ctx.db, scope.id, sourceKey)]);
  const plans = planColumns(parsed, { ...input, mapping: input.mapping ?? 'auto' }, existing, saved);
  return { format: parsed.format, sourceKey, rows: parsed.rowCount, period: filePeriod(parsed, input), columns: plans.map(presentColumn) };
}

/**
 * Imports figures per area and period from a CBS file or the workspace's own table: maps the
 * columns to indicators (and saves the mapping for this source), matches areas by CBS code,
 * stores suppressed figures as suppressed and leaves missing ones out, all in one transaction
 * and in batches. Importing the same file again changes nothing (and writes no audit row).
 */
export async function importIndicatorFile(ctx: ServiceContext, input: ImportInput, onProgress?: (done: number, total: number) => void): Promise<ImportReportView> {
  const scope = policy.authorize(ctx, 'indicator.manage');
  const parsed = await parseOrRefuse(ctx, input);
  const sourceKey = sourceKeyOf(input.fileName);
  const period = filePeriod(parsed, input);
  if (!period && parsed.rows.some((r) => r.period === null)) {
    throw new DomainError('indicator.import_period_unknown', {}, [{ path: 'period', message: 'indicator.import_period_unknown' }]);
  }
  const dir = await AreaDirectory.load(ctx);
  const skipped: { row: number; column?: string; code?: string; reason: Reason }[] = parsed.skipped.map((s) => ({ row: s.row, ...(s.code ? { code: s.code } : {}), reason: s.reason }));
  const values = { new: 0, changed: 0, unchanged: 0, suppressed: 0 };
  const created: string[] = [];
  const periods = new Set<string>();
  const sourceRef = input.fileName.slice(0, 200);
  let plans: Plan[] = [];
  const total = parsed.rows.length;
  onProgress?.(0, total);

  await transaction(ctx.db, async (trx) => {
    const [existing, saved] = await Promise.all([repo.listIndicators(trx, scope.id), repo.findMapping(trx, scope.id, sourceKey)]);
    plans = planColumns(parsed, input, existing, saved);
    const firstPeriod = period ?? parsed.rows.find((r) => r.period)?.period ?? '2000';
    // New indicators from the columns (auto), in one statement.
    const toCreate = plans.filter((p) => p.code && !p.exists);
    const inserted = await repo.insertIndicators(
      trx,
      toCreate.map((p) => ({
        workspaceId: scope.id,
        id: newId(),
        code: p.code!,
        name: p.name || p.code!,
        description: p.column.cbsVariable ? `CBS Kerncijfers wijken en buurten: ${p.column.title}. Bron: CBS.` : `Ingelezen uit kolom "${p.column.key}".`,
        unit: p.unit,
        direction: 'neutral',
        source: 'import',
        periodType: periodTypeOf(firstPeriod),
        compositionSensitive: defaultCompositionSensitive(p.unit, p.name, false),
        aggregation: defaultAggregation(p.unit, p.name, false),
        numeratorCode: null,
        denominatorCode: null,
        factor: null,
        module: null,
      })),
    );
    for (const row of inserted) {
      created.push(row.code);
      existing.push(row);
    }
    const byCode = new Map(existing.map((i) => [i.code, i]));
    const targets = plans.map((p) => (p.code ? byCode.get(p.code)! : null));
    // A column left out is reported on the header row (row 1).
    for (const p of plans) if (p.reason) skipped.push({ row: 1, column: p.column.key, reason: p.reason });

    // Row by row: which rows and cells are imported, and why the others are not.
    const seen = new Map<string, number>();
    const accepted: { index: number; areaId: string; period: string; type: string }[] = [];
    let count = 0;
    for (let index = 0; index < parsed.rows.length; index++) {
      const row = parsed.rows[index]!;
      const rowPeriod = row.period ?? period!;
      const area = dir.resolve(row.code, rowPeriod);
      if (!area) {
        skipped.push({ row: row.row, code: row.code, reason: codeProblem(row.code) ?? { id: 'indicator.skip.unknown_area', params: { code: row.code } } });
        continue;
      }
      const key = `${area.id}|${rowPeriod}`;
      const first = seen.get(key);
      if (first !== undefined) {
        skipped.push({ row: row.row, code: row.code, reason: { id: 'indicator.skip.duplicate_row', params: { firstRow: first } } });
        continue;
      }
      seen.set(key, row.row);
      const type = periodTypeOf(rowPeriod);
      let any = false;
      for (let c = 0; c < row.cells.length; c++) {
        const cell = row.cells[c]!;
        const indicator = targets[c];
        if (!indicator || cell === null) continue;
        if (typeof cell === 'object') {
          skipped.push({ row: row.row, column: plans[c]!.column.key, code: row.code, reason: { id: 'indicator.skip.not_a_number', params: { value: cell.invalid } } });
          continue;
        }
        if (indicator.periodType !== type) {
          skipped.push({ row: row.row, column: plans[c]!.column.key, code: row.code, reason: { id: 'indicator.skip.period_type_mismatch', params: { period: rowPeriod, indicator: indicator.code, periodType: indicator.periodType } } });
          continue;
        }
        periods.add(rowPeriod);
        if (cell === 'suppressed') values.suppressed++;
        count++;
        any = true;
      }
      if (any) accepted.push({ index, areaId: area.id, period: rowPeriod, type });
    }

    // Then column by column, in the order of the key (indicator, area, period), so that the
    // index pages fill one after the other. An indicator created by this import, or one without
    // measurements in a period, gets plain INSERTs there: nothing can be stored to compare with.
    const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    accepted.sort((a, b) => byKey(a.areaId, b.areaId) || byKey(a.period, b.period));
    const columns = targets.flatMap((t, c) => (t ? [c] : [])).sort((a, b) => byKey(targets[a]!.id, targets[b]!.id));
    const createdIds = new Set(existing.filter((i) => created.includes(i.code)).map((i) => i.id));
    const earlier = [...new Set(columns.map((c) => targets[c]!.id))].filter((id) => !createdIds.has(id));
    const filled = await repo.periodsWithMeasurements(trx, scope.id, earlier, [...periods]);
    const recordedBy = ctx.actor?.userId ?? null;
    /** Per `indicatorId|period` written by plain INSERTs only: how many (the summary count). */
    const freshCounts = new Map<string, number>();
    /** Groups meant for plain INSERTs that someone else wrote into meanwhile: upserted and counted afresh. */
    const fellBack = new Set<string>();
    const recount = { indicators: new Set<string>(), periods: new Set<string>() };
    const emptyBatch = (): repo.MeasurementColumns => ({ indicatorIds: [], areaIds: [], periods: [], values: [], statuses: [] });
    let fresh = emptyBatch();
    let other = emptyBatch();
    let written = 0;
    const upsert = async (batch: repo.MeasurementColumns) => {
      const { inserted, updated } = await repo.upsertMeasurementColumns(trx, scope.id, recordedBy, sourceRef, batch);
      values.new += inserted;
      values.changed += updated;
      values.unchanged += batch.indicatorIds.length - inserted - updated;
      if (inserted > 0) {
        for (const id of new Set(batch.indicatorIds)) recount.indicators.add(id);
        for (const p of new Set(batch.periods)) recount.periods.add(p);
      }
    };
    const write = async (batch: repo.MeasurementColumns, plain: boolean) => {
      const inserted = plain ? await repo.insertNewMeasurements(trx, scope.id, recordedBy, sourceRef, batch) : null;
      if (inserted !== null) values.new += inserted;
      else {
        if (plain) {
          // Someone stored some of them meanwhile: compare after all, and count these groups afresh.
          for (let i = 0; i < batch.indicatorIds.length; i++) fellBack.add(`${batch.indicatorIds[i]}|${batch.periods[i]}`);
        }
        await upsert(batch);
      }
      written += batch.indicatorIds.length;
      onProgress?.(Math.min(total - 1, Math.floor((total * written) / Math.max(count, 1))), total);
    };
    // One batch is written while the next is gathered (one statement at a time on the connection).
    let pending: Promise<void> = Promise.resolve();
    const flush = async (which: 'fresh' | 'other') => {
      const batch = which === 'fresh' ? fresh : other;
      if (batch.indicatorIds.length === 0) return;
      if (which === 'fresh') fresh = emptyBatch();
      else other = emptyBatch();
      await pending;
      pending = write(batch, which === 'fresh');
      pending.catch(() => {}); // awaited at the next flush; this only keeps Node from calling it unhandled meanwhile
    };
    for (const c of columns) {
      const indicator = targets[c]!;
      const isNew = createdIds.has(indicator.id);
      /** This indicator's periods: whether written fresh, and how many. */
      const groups = new Map<string, { plain: boolean; n: number }>();
      for (const a of accepted) {
        const cell = parsed.rows[a.index]!.cells[c]!;
        if (cell === null || typeof cell === 'object' || indicator.periodType !== a.type) continue;
        let group = groups.get(a.period);
        if (!group) groups.set(a.period, (group = { plain: isNew || !filled.has(`${indicator.id}|${a.period}`), n: 0 }));
        group.n++;
        const batch = group.plain ? fresh : other;
        batch.indicatorIds.push(indicator.id);
        batch.areaIds.push(a.areaId);
        batch.periods.push(a.period);
        batch.values.push(cell === 'suppressed' ? null : cell);
        batch.statuses.push(cell === 'suppressed' ? 'suppressed' : 'final');
        if (batch.indicatorIds.length >= BATCH_SIZE) await flush(group.plain ? 'fresh' : 'other');
      }
      for (const [p, group] of groups) if (group.plain) freshCounts.set(`${indicator.id}|${p}`, (freshCounts.get(`${indicator.id}|${p}`) ?? 0) + group.n);
    }
    await flush('fresh');
    await flush('other');
    await pending;
    // The summary the list of indicators reads: known for the groups written fresh, counted for the rest.
    const counts = [...freshCounts].map(([group, n]) => ({ group, indicatorId: group.slice(0, group.indexOf('|')), period: group.slice(group.indexOf('|') + 1), n }));
    await repo.setPeriodCounts(trx, scope.id, counts.filter((x) => !fellBack.has(x.group)));
    for (const x of counts.filter((y) => fellBack.has(y.group))) (recount.indicators.add(x.indicatorId), recount.periods.add(x.period));
    if (recount.indicators.size > 0) await repo.refreshPeriodCounts(trx, scope.id, [...recount.indicators], [...recount.periods]);
    onProgress?.(total, total);

    // The mapping, saved per source (by column stem, so next year's keys map themselves).
    const mapping: Record<string, string | null> = {};
    for (const p of plans) if (p.column.numeric && (p.code || p.basis === 'given')) mapping[p.column.stem] = p.code;
    const mappingChanged = Object.keys(mapping).length > 0 && (await repo.saveMapping(trx, scope.id, sourceKey, mapping));

    // One audit row per import, not per value: a national file holds millions of them.
    if (values.new + values.changed > 0 || created.length > 0 || mappingChanged) {
      await recordAudit(trx, {
        workspaceId: scope.id,
        actor: ctx.actor,
        entity: 'indicator_import',
        entityId: newId(),
        label: input.fileName,
        action: 'import',
        after: { fileName: input.fileName, format: parsed.format, sourceKey, periods: [...periods].sort(), indicatorsCreated: created, ...values, skipped: skipped.length },
      });
    }
  });
  skipped.sort((a, b) => a.row - b.row);
  return {
    format: parsed.format,
    sourceKey,
    periods: [...periods].sort(),
    rows: parsed.rowCount,
    columns: plans.map(presentColumn),
    indicatorsCreated: created,
    values,
    skipped: skipped.slice(0, MAX_SKIPS).map((s) => ({ row: s.row, ...(s.column ? { column: s.column } : {}), ...(s.code ? { code: s.code } : {}), reasonId: s.reason.id, reason: describeReason(s.reason, ctx.locale) })),
    skippedTotal: skipped.length,
  };
}
