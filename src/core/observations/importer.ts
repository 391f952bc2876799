import { z } from 'zod';
import type { ServiceContext } from '../../platform/context';
import { DomainError } from '../../platform/errors';
import { format, localiseIssue } from '../../platform/i18n';
import { isoDate, SheetImportError, splitList, type ImportRowError } from '../../platform/imports';
import { readTable, UnreadableTableError } from '../../platform/tables';
import { localDate } from '../../platform/workdays';
import { allAreas } from '../areas/service';
import { allNodeRefs } from '../ladder/service';
import { observationErrors } from './errors';
import { ruleRefsByCode } from './links';
import { observationPolicy as policy } from './policies';
import { createObservationBody, VISIBILITIES } from './schema';
import { guardPersonalData, recordImported, type ImportedObservation } from './service';

/**
 * Observations from a spreadsheet (CSV or XLSX), one per row: for a team that kept its signals
 * and stories in a sheet before dichter, or collected them on paper during a field week. The
 * columns have the names of the export, so an exported sheet imports again; columns the import
 * does not know (number, status, owner and the like) are ignored. Every row becomes a new
 * observation, reported by the importing coordinator, routed and given a due date as if it were
 * recorded by hand. All rows or none: every refused row is reported with its number and reason.
 */

/** The columns read, lower-cased as the header is matched; `kind` and `title` are required. */
export const IMPORT_COLUMNS = ['kind', 'title', 'text', 'visibility', 'containspersonaldata', 'area', 'occurredat', 'tags', 'laddernodes', 'rules'] as const;
type Column = (typeof IMPORT_COLUMNS)[number];
/** More rows than this in one file are refused: split the file. */
export const MAX_IMPORT_ROWS = 20_000;

/** How the columns are named in messages: as the export writes them. */
const SHOWN: Record<Column, string> = {
  kind: 'kind',
  title: 'title',
  text: 'text',
  visibility: 'visibility',
  containspersonaldata: 'containsPersonalData',
  area: 'area',
  occurredat: 'occurredAt',
  tags: 'tags',
  laddernodes: 'ladderNodes',
  rules: 'rules',
};
const COLUMN_OF_FIELD: Record<string, Column> = { kind: 'kind', title: 'title', text: 'text', tags: 'tags' };

const MESSAGES = {
  nl: {
    column: 'Kolom {column}: {message}',
    visibility: 'Kies intern, workspace (of werkruimte) of public (of openbaar), niet "{value}".',
    yesNo: 'Vul ja of nee in, niet "{value}".',
    date: '"{value}" is geen datum; gebruik JJJJ-MM-DD (of DD-MM-JJJJ).',
    area: 'Gebied "{value}" bestaat niet in deze werkruimte (gebruik de naam of de CBS-code).',
    areaAmbiguous: 'Meer gebieden heten "{value}"; gebruik de CBS-code.',
    node: 'Trede "{value}" staat niet op de beleidsladder (gebruik de code of de titel).',
    nodeAmbiguous: 'Meer treden heten "{value}"; gebruik de code.',
    rule: 'Regel "{value}" staat niet in het regelregister.',
    tooMany: 'Het bestand heeft meer dan {max} waarnemingen; splits het in delen.',
  },
  en: {
    column: 'Column {column}: {message}',
    visibility: 'Choose intern, workspace or public, not "{value}".',
    yesNo: 'Fill in yes or no, not "{value}".',
    date: '"{value}" is not a date; use YYYY-MM-DD (or DD-MM-YYYY).',
    area: 'Area "{value}" does not exist in this workspace (use its name or CBS code).',
    areaAmbiguous: 'More than one area is called "{value}"; use the CBS code.',
    node: 'Node "{value}" is not on the policy ladder (use its code or title).',
    nodeAmbiguous: 'More than one node is called "{value}"; use the code.',
    rule: 'Rule "{value}" is not in the rule register.',
    tooMany: 'The file has more than {max} observations; split it into parts.',
  },
} as const;

/** A row is checked with the field schemas of `POST /observations`. */
const rowSchema = createObservationBody.pick({ kind: true, title: true, text: true, tags: true });

const lower = (s: string) => s.trim().toLowerCase();
const VISIBILITY_OF: Record<string, (typeof VISIBILITIES)[number]> = { intern: 'intern', workspace: 'workspace', werkruimte: 'workspace', public: 'public', openbaar: 'public' };
const YES = ['ja', 'yes', 'true', 'waar', '1'];
const NO = ['', 'nee', 'no', 'false', 'onwaar', '0'];

/** When it happened: empty is now; a date alone is noon of that day, or now when that is still to come. */
function occurredAt(cell: string): Date | null {
  if (!cell) return new Date();
  const day = isoDate(cell);
  if (/^\d{4}-\d{2}-\d{2}$/.test(day)) {
    const at = new Date(`${day}T12:00:00Z`);
    if (Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== day) return null;
    return at.getTime() > Date.now() && day <= localDate(new Date()) ? new Date() : at;
  }
  const at = z.iso.datetime({ offset: true }).safeParse(cell).success ? new Date(cell) : null;
  return at && !Number.isNaN(at.getTime()) ? at : null;
}

/** Finds references by a key: one match is found, several are ambiguous. */
function lookup<T>(entries: Iterable<[string, T]>) {
  const found = new Map<string, T[]>();
  for (const [key, value] of entries) found.set(lower(key), [...(found.get(lower(key)) ?? []), value]);
  return (key: string) => found.get(lower(key)) ?? [];
}

/** Reads the sheet and checks every row; throws `observation.import_failed` with every refused row, or records them all. */
export async function importObservations(ctx: ServiceContext, read: () => Promise<{ data: Buffer; fileName: string }>) {
  policy.authorize(ctx, 'observation.import');
  // The upload is read only once the member may import.
  const file = await read();
  let sheet;
  try {
    sheet = await readTable(file.data, file.fileName, IMPORT_COLUMNS, { required: ['kind', 'title'] });
  } catch (err) {
    if (err instanceof UnreadableTableError) throw new DomainError('observation.import_unreadable', {}, [{ path: 'file', message: 'observation.import_unreadable' }]);
    throw err;
  }
  const m = MESSAGES[ctx.locale];
  const fail = (errors: ImportRowError[], row: number, column: Column, message: string) => errors.push({ row, message: format(m.column, { column: SHOWN[column], message }) });
  if (sheet.rows.length > MAX_IMPORT_ROWS) throw new SheetImportError('observation.import_failed', [{ row: sheet.rows[MAX_IMPORT_ROWS].row, message: format(m.tooMany, { max: MAX_IMPORT_ROWS.toLocaleString(ctx.locale) }) }]);
  const has = new Set(sheet.columns);

  const ruleCodes = has.has('rules') ? sheet.rows.flatMap((r) => splitList(r.cells.rules)) : [];
  const [areas, nodes, rules] = await Promise.all([has.has('area') ? allAreas(ctx) : [], has.has('laddernodes') ? allNodeRefs(ctx) : [], ruleRefsByCode(ctx, ruleCodes)]);
  // An area by its CBS code (the newest division that has it), else by its name.
  const areaByCode = new Map([...areas].sort((a, b) => a.year - b.year).flatMap((a) => (a.code ? [[lower(a.code), a.id] as const] : [])));
  const areasByName = lookup(areas.map((a) => [a.name, a.id]));
  const nodeByCode = new Map(nodes.flatMap((n) => (n.code ? [[lower(n.code), n] as const] : [])));
  const nodesByTitle = lookup(nodes.map((n) => [n.title, n]));
  const ruleByCode = new Map(rules.map((r) => [r.code, r]));

  const errors: ImportRowError[] = [];
  const planned: ImportedObservation[] = [];
  for (const { row, cells } of sheet.rows) {
    const before = errors.length;
    const parsed = rowSchema.safeParse({
      kind: lower(cells.kind ?? ''),
      title: cells.title ?? '',
      text: cells.text ?? '',
      tags: (cells.tags ?? '').split(/[;,]/).map((t) => t.trim()).filter(Boolean),
    });
    if (!parsed.success) {
      const said = new Set<string>();
      for (const issue of parsed.error.issues) {
        const column = COLUMN_OF_FIELD[String(issue.path[0])] ?? 'title';
        if (said.has(column)) continue;
        said.add(column);
        fail(errors, row, column, localiseIssue(issue as Parameters<typeof localiseIssue>[0], ctx.locale, observationErrors).message);
      }
    }
    const visibility = VISIBILITY_OF[lower(cells.visibility || 'workspace')];
    if (!visibility) fail(errors, row, 'visibility', format(m.visibility, { value: cells.visibility ?? '' }));
    const marked = lower(cells.containspersonaldata ?? '');
    if (!YES.includes(marked) && !NO.includes(marked)) fail(errors, row, 'containspersonaldata', format(m.yesNo, { value: cells.containspersonaldata ?? '' }));
    const at = occurredAt(cells.occurredat ?? '');
    if (!at) fail(errors, row, 'occurredat', format(m.date, { value: cells.occurredat ?? '' }));
    else if (at.getTime() > Date.now() + 60_000) fail(errors, row, 'occurredat', observationErrors['observation.occurred_in_future'][ctx.locale]);

    let areaId: string | null = null;
    const areaCell = cells.area ?? '';
    if (areaCell) {
      const named = [...new Set(areasByName(areaCell))];
      const found = areaByCode.get(lower(areaCell)) ?? (named.length === 1 ? named[0] : undefined);
      if (found) areaId = found;
      else fail(errors, row, 'area', format(named.length > 1 ? m.areaAmbiguous : m.area, { value: areaCell }));
    }
    const linkedNodes: ImportedObservation['nodes'] = [];
    for (const ref of splitList(cells.laddernodes)) {
      const titled = nodesByTitle(ref);
      const node = nodeByCode.get(lower(ref)) ?? (titled.length === 1 ? titled[0] : undefined);
      if (node) linkedNodes.push(node);
      else fail(errors, row, 'laddernodes', format(titled.length > 1 ? m.nodeAmbiguous : m.node, { value: ref }));
    }
    const linkedRules: ImportedObservation['rules'] = [];
    for (const code of splitList(cells.rules)) {
      const rule = ruleByCode.get(code);
      if (rule) linkedRules.push(rule);
      else fail(errors, row, 'rules', format(m.rule, { value: code }));
    }
    if (!parsed.success || errors.length > before) continue;

    const containsPersonalData = YES.includes(marked);
    try {
      guardPersonalData(ctx, parsed.data, visibility, containsPersonalData);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      const column = err.id === 'observation.personal_data' ? 'visibility' : 'containspersonaldata';
      fail(errors, row, column, format(observationErrors[err.id][ctx.locale], err.params));
      continue;
    }
    planned.push({
      row,
      kind: parsed.data.kind,
      title: parsed.data.title,
      text: parsed.data.text,
      areaId,
      occurredAt: at!,
      visibility,
      containsPersonalData,
      tags: [...new Set(parsed.data.tags ?? [])],
      nodes: [...new Map(linkedNodes.map((n) => [n.id, n])).values()],
      rules: [...new Map(linkedRules.map((r) => [r.id, r])).values()],
    });
  }
  if (errors.length) throw new SheetImportError('observation.import_failed', errors);
  return recordImported(ctx, planned, file.fileName);
}
