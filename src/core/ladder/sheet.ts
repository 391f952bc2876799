import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { toCsv, toXlsx } from '../../platform/tables';

/** The columns of the ladder template, in order (CSV and XLSX). */
export const SHEET_COLUMNS = ['rung', 'code', 'title', 'parent_codes', 'owner', 'partners', 'areas', 'phase', 'public'] as const;
export type SheetColumn = (typeof SHEET_COLUMNS)[number];
export type SheetRecord = Record<SheetColumn, string>;

export interface SheetRow {
  /** Row number as a spreadsheet shows it: the header is row 1, the first data row 2. */
  row: number;
  cells: Partial<Record<SheetColumn, string>>;
}
export interface Sheet {
  columns: SheetColumn[];
  rows: SheetRow[];
}

export class UnreadableSheetError extends Error {}

const isXlsx = (data: Buffer, fileName: string) => fileName.toLowerCase().endsWith('.xlsx') || (data[0] === 0x50 && data[1] === 0x4b);

function toSheet(records: string[][]): Sheet {
  const [header, ...rest] = records;
  if (!header) throw new UnreadableSheetError('empty');
  const names = header.map((h) => String(h ?? '').trim().toLowerCase());
  if (!names.includes('rung') || !names.includes('title')) throw new UnreadableSheetError('columns');
  const columns = names.filter((n): n is SheetColumn => (SHEET_COLUMNS as readonly string[]).includes(n));
  const rows: SheetRow[] = [];
  rest.forEach((cells, index) => {
    if (cells.every((c) => String(c ?? '').trim() === '')) return; // blank lines are not rows
    const row: SheetRow = { row: index + 2, cells: {} };
    names.forEach((name, i) => {
      if ((SHEET_COLUMNS as readonly string[]).includes(name)) row.cells[name as SheetColumn] = String(cells[i] ?? '').trim();
    });
    rows.push(row);
  });
  return { columns, rows };
}

/** Reads a ladder sheet: XLSX (first worksheet) or CSV (comma or semicolon separated, UTF-8). */
export async function readSheet(data: Buffer, fileName: string): Promise<Sheet> {
  if (isXlsx(data, fileName)) {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(data as never);
    } catch {
      throw new UnreadableSheetError('xlsx');
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new UnreadableSheetError('xlsx');
    const records: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, number) => {
      const values = (row.values as unknown[]).slice(1).map(cellText);
      records[number - 1] = values;
    });
    for (let i = 0; i < records.length; i++) records[i] ??= [];
    return toSheet(records);
  }
  const text = data.toString('utf8');
  if (text.includes('\u0000')) throw new UnreadableSheetError('binary');
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  // Dutch Excel writes semicolon-separated CSV; lists inside a cell then need quotes.
  const delimiter = firstLine.includes(',') ? ',' : firstLine.includes(';') ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: false });
  } catch {
    throw new UnreadableSheetError('csv');
  }
  return toSheet(records);
}

function cellText(value: unknown): string {
  if (value == null) return '';
  if (typeof value === 'object') {
    const v = value as { text?: unknown; richText?: { text: string }[]; result?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if (v.text !== undefined) return String(v.text);
    if (v.result !== undefined) return String(v.result);
    if (value instanceof Date) return value.toISOString().slice(0, 10);
  }
  return String(value);
}

/** The ladder as CSV in the template's columns. */
export const writeCsv = (records: SheetRecord[]): string => toCsv(SHEET_COLUMNS, records);

/** The ladder as an XLSX workbook with one sheet in the template's columns. */
export const writeXlsx = (records: SheetRecord[]): Promise<Buffer> => toXlsx('beleidsladder', SHEET_COLUMNS, records, ['title']);

/** Splits a list cell (`a; b;c`) into its trimmed, non-empty parts. */
export const splitList = (cell: string | undefined) =>
  (cell ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
