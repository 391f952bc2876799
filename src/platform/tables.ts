import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/** A flat record for a spreadsheet: one cell per column. */
export type TableRecord = Record<string, string | number | boolean | null | undefined>;

const cellText = (value: TableRecord[string]) => (value === null || value === undefined ? '' : String(value));
/**
 * Text that a spreadsheet would run as a formula (`=`, `+`, `@`, or `-` before anything but a
 * number) gets a leading apostrophe, as OWASP advises against CSV injection; `readTable` takes
 * it off again, so an exported sheet still imports back unchanged.
 */
const FORMULA_START = /^(?:[=+@\t\r]|-(?![\d.]))/;
const defuse = (value: string) => (FORMULA_START.test(value) ? `'${value}` : value);
const undefuse = (value: string) => (value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value);
const csvCell = (raw: string) => {
  const value = defuse(raw);
  return /[",\r\n;]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
};

/** Records as CSV (comma separated, CRLF, UTF-8 with a byte-order mark so Excel reads the accents). */
export function toCsv(columns: readonly string[], records: readonly TableRecord[]): string {
  const lines = [columns.join(','), ...records.map((r) => columns.map((c) => csvCell(cellText(r[c]))).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Records as an XLSX workbook with one sheet, a bold header row and the given wide columns. */
export async function toXlsx(sheetName: string, columns: readonly string[], records: readonly TableRecord[], wide: readonly string[] = []): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'dichter';
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columns.map((c) => ({ header: c, key: c, width: wide.includes(c) ? 60 : 20 }));
  for (const r of records) sheet.addRow(Object.fromEntries(columns.map((c) => [c, r[c] ?? null])));
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// Reading

/** One data row of a table: its number as a spreadsheet shows it (the header is row 1 when it is the first line), and its trimmed cells by column. */
export interface TableRow<C extends string> {
  row: number;
  cells: Partial<Record<C, string>>;
}
export interface Table<C extends string> {
  /** The known columns the header names, in the header's order. */
  columns: C[];
  rows: TableRow<C>[];
}

/** The file is no CSV or XLSX, is empty, or has no header with every required column (`message` says which: empty, columns, xlsx, csv, binary). */
export class UnreadableTableError extends Error {}

/** Rows before the header that may be skipped: a title or blank lines above the column names. */
const HEADER_SEARCH_ROWS = 10;

const isXlsx = (data: Buffer, fileName: string) => fileName.toLowerCase().endsWith('.xlsx') || (data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04);

/** An ExcelJS cell value as text: rich text, hyperlinks and formula results by their text, dates as YYYY-MM-DD. */
function xlsxCellText(value: unknown): string {
  if (value == null) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { text?: unknown; richText?: { text: string }[]; result?: unknown; error?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if (v.text !== undefined) return xlsxCellText(v.text);
    if (v.result !== undefined) return xlsxCellText(v.result);
    if (v.error !== undefined) return String(v.error);
    return '';
  }
  return String(value);
}

async function xlsxRecords(data: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as never);
  } catch {
    throw new UnreadableTableError('xlsx');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableTableError('xlsx');
  const records: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    records[number - 1] = (row.values as unknown[]).slice(1).map(xlsxCellText);
  });
  for (let i = 0; i < records.length; i++) records[i] ??= [];
  return records;
}

/** UTF-8 (with or without byte-order mark); a file that is not valid UTF-8 is read as Windows-1252, as older Excel versions save CSV. */
function decodeText(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return new TextDecoder('windows-1252').decode(data);
  }
}

function csvRecords(data: Buffer): string[][] {
  const text = decodeText(data);
  if (text.includes('\u0000')) throw new UnreadableTableError('binary');
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  // Dutch Excel writes semicolon-separated CSV; the header (column names without commas) tells which.
  const count = (ch: string) => firstLine.split(ch).length - 1;
  const delimiter = count(';') > count(',') ? ';' : ',';
  try {
    return parse(text, { bom: true, delimiter, relax_column_count: true, relax_quotes: false, skip_empty_lines: false }) as string[][];
  } catch {
    throw new UnreadableTableError('csv');
  }
}

/**
 * Reads a table from a spreadsheet: XLSX (the first worksheet) or CSV (UTF-8 with or without
 * BOM, or Windows-1252; comma or semicolon separated). The header is the first row within the
 * first ten that names every `required` column (rows above it, such as a title, are skipped);
 * column names are matched case-insensitively, unknown columns are ignored, cells are trimmed
 * and blank rows skipped.
 */
export async function readTable<C extends string>(data: Buffer, fileName: string, columns: readonly C[], options: { required?: readonly C[] } = {}): Promise<Table<C>> {
  const records = isXlsx(data, fileName) ? await xlsxRecords(data) : csvRecords(data);
  const blank = (cells: readonly unknown[]) => cells.every((c) => String(c ?? '').trim() === '');
  if (records.slice(0, HEADER_SEARCH_ROWS).every(blank)) throw new UnreadableTableError('empty');
  const known = new Set<string>(columns);
  const required = options.required ?? [];
  const positionsIn = (cells: readonly unknown[]) => {
    const positions = new Map<C, number>();
    cells.forEach((cell, i) => {
      const name = String(cell ?? '').trim().toLowerCase();
      if (known.has(name) && !positions.has(name as C)) positions.set(name as C, i);
    });
    return positions;
  };
  // The header: the first row naming every required column (and at least one known column).
  const headerIndex = records.slice(0, HEADER_SEARCH_ROWS).findIndex((cells) => {
    const found = positionsIn(cells);
    return found.size > 0 && required.every((c) => found.has(c));
  });
  if (headerIndex < 0) throw new UnreadableTableError('columns');
  const positions = positionsIn(records[headerIndex]);
  const rows: TableRow<C>[] = [];
  for (let index = headerIndex + 1; index < records.length; index++) {
    const cells = records[index];
    if (blank(cells)) continue; // blank lines are not rows
    const row: TableRow<C> = { row: index + 1, cells: {} };
    for (const [column, i] of positions) row.cells[column] = undefuse(String(cells[i] ?? '').trim());
    rows.push(row);
  }
  return { columns: [...positions.keys()], rows };
}
