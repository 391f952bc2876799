import { recordAudit } from '../../platform/audit';
import type { ServiceContext } from '../../platform/context';
import { transaction } from '../../platform/db/database';
import { DomainError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { KIND_RANK, kindOfCode, parentCode } from './codes';
import { parseAreaFile, UnreadableFileError, yearFromFileName, type ParsedFile, type SkippedRow } from './parse';
import { areaPolicy as policy } from './policies';
import { describeReason, type ReasonId } from './reasons';
import * as repo from './repository';

export type ImportFormat = 'cbs-csv' | 'cbs-json' | 'geojson';

/** A row the import left out, and why: a stable id, and the reason in the language of the person who imported. */
export interface ImportSkip {
  row: number;
  code?: string;
  reasonId: ReasonId;
  reason: string;
}

export interface ImportReport {
  format: ImportFormat;
  /** The year of the area division the file was imported into. */
  year: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: ImportSkip[];
}

/** The parsed file, or `area.import_unreadable` with the reason in the reader's language. */
function parseOrRefuse(ctx: ServiceContext, content: string): ParsedFile {
  try {
    return parseAreaFile(content);
  } catch (err) {
    if (err instanceof UnreadableFileError) throw new DomainError('area.import_unreadable', {}, [{ path: 'content', message: describeReason(err.reason, ctx.locale) }]);
    throw err;
  }
}

const describeSkip = ({ row, code, reason }: SkippedRow, ctx: ServiceContext): ImportSkip => ({
  row,
  ...(code !== undefined ? { code } : {}),
  reasonId: reason.id,
  reason: describeReason(reason, ctx.locale),
});

/** Areas written per statement: large enough to be fast, small enough for statement limits. */
const BATCH_SIZE = 500;

/**
 * The year of the area division: given, else in the file name (`…_2019.csv`); for GeoJSON
 * (boundaries only) else the latest division already in the workspace, else the latest
 * year in which one of the boundaries became valid.
 */
async function resolveYear(ctx: ServiceContext, workspaceId: string, input: { fileName: string; year?: number }, validFromYear: number | undefined, geo: boolean) {
  const year =
    input.year ?? yearFromFileName(input.fileName) ?? (geo ? ((await repo.latestYear(ctx.db, workspaceId)) ?? validFromYear) : undefined);
  if (!year) throw new DomainError('area.import_year_unknown', {}, [{ path: 'year', message: 'area.import_year_unknown' }]);
  return year;
}

/**
 * Imports a CBS table (CSV or JSON keyed by code) or a GeoJSON file of boundaries into one
 * year's area division of the workspace. Parents come before children and are found by
 * code in the file or already in the database; rows with problems are reported in `skipped`
 * and the rest is imported, all in one transaction. Importing the same file again changes nothing.
 */
export async function importAreaFile(
  ctx: ServiceContext,
  input: { fileName: string; content: string; year?: number },
  onProgress?: (done: number, total: number) => void,
): Promise<ImportReport> {
  const scope = policy.authorize(ctx, 'area.import');
  const parsed = parseOrRefuse(ctx, input.content);
  const geo = parsed.format === 'geojson';
  const year = await resolveYear(ctx, scope.id, input, parsed.validFromYear, geo);
  const areas = [...parsed.areas].sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || a.row - b.row);
  const skipped: SkippedRow[] = [...parsed.skipped];
  const total = parsed.rowCount;
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  onProgress?.(0, total);

  await transaction(ctx.db, async (trx) => {
    const known = new Map<string, repo.CodedArea>((await repo.listCodedAreas(trx, scope.id, year)).map((a) => [a.code, a]));
    // Rows the parser already set aside count as processed; the last batch reaches `total`.
    let done = parsed.skipped.length;
    for (let start = 0; start < areas.length; start += BATCH_SIZE) {
      const batch = areas.slice(start, start + BATCH_SIZE);
      const inserts: repo.NewArea[] = [];
      const updates: repo.AreaImportUpdate[] = [];
      for (const area of batch) {
        const existing = known.get(area.code);
        if (existing && existing.kind !== area.kind) {
          skipped.push({ row: area.row, code: area.code, reason: { id: 'area.skip.code_used_for_other_kind', params: { year, kind: existing.kind } } });
          continue;
        }
        const wanted = parentCode(area.code);
        let parentId: string | null;
        if (!wanted) parentId = existing?.parentId ?? null;
        else if (known.has(wanted)) parentId = known.get(wanted)!.id;
        // Boundaries alone are no reason to refuse an area: without its wijk it is imported without parent.
        else if (geo) parentId = existing?.parentId ?? null;
        else {
          skipped.push({ row: area.row, code: area.code, reason: { id: 'area.skip.parent_missing', params: { kind: kindOfCode(wanted)!, parent: wanted, year } } });
          continue;
        }
        const name = area.name ?? existing?.name ?? area.code;
        const population = area.population !== undefined ? area.population : (existing?.population ?? null);
        if (existing) {
          updates.push({ id: existing.id, name, parentId, population, geometry: area.geometry as never });
        } else {
          const row: repo.NewArea = { workspaceId: scope.id, id: newId(), kind: area.kind, code: area.code, name, year, parentId, population, geometry: (area.geometry as never) ?? null };
          inserts.push(row);
          known.set(area.code, row);
        }
      }
      await repo.insertAreas(trx, inserts);
      const changed = await repo.updateAreas(trx, scope.id, updates, geo);
      created += inserts.length;
      updated += changed.length;
      unchanged += updates.length - changed.length;
      done += batch.length;
      onProgress?.(done, total);
    }
    // One audit row per import, not per area: a national file holds thousands of them.
    if (created + updated > 0) {
      await recordAudit(trx, {
        workspaceId: scope.id,
        actor: ctx.actor,
        entity: 'area_import',
        entityId: newId(),
        label: input.fileName,
        action: 'import',
        after: { fileName: input.fileName, format: parsed.format, year, created, updated, unchanged, skipped: skipped.length },
      });
    }
  });
  skipped.sort((a, b) => a.row - b.row);
  return { format: parsed.format, year, created, updated, unchanged, skipped: skipped.map((s) => describeSkip(s, ctx)) };
}
