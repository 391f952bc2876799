import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { kindOfCode, isValidCbsCode } from '../areas/codes';
import { KWB_VARIABLES } from './kwb-variables';
import type { Reason, ReasonId } from './reasons';

/**
 * Pure parsing of indicator files: no database, no context. Four CBS formats and one of the
 * workspace's own, told apart by their content:
 * - `cbs-csv`: a CBS table as CSV, one row per region (R's write.csv with decimal commas,
 *   `NA`, `.` and right-padded codes, or StatLine's with decimal points and padded numbers);
 * - `cbs-odata`: CBS OData `TypedDataSet` JSON, `{"value": [{"WijkenEnBuurten": "BU…", …}]}`;
 * - `cbs-json`: a JSON object keyed by region code, `{"GM0363": {"AantalInwoners_5": …}}`;
 * - `table`: CSV or XLSX with an area code, a period and a value column per indicator.
 * Every format becomes the same thing: columns with figures, and rows of area × period.
 */

export type ImportFormat = 'cbs-csv' | 'cbs-odata' | 'cbs-json' | 'table';

/** A cell: a number, `null` when missing (no row is written: missing is not zero), suppressed, or text that is not a number. */
export type Cell = number | null | 'suppressed' | { invalid: string };

/** A column with (possibly) figures, as the file names it. */
export interface SourceColumn {
  /** The name in the file: `Bevolking.Aantal.inwoners..aantal.`, `AantalInwoners_5`. */
  key: string;
  /** The name reduced for matching across years and formats: no OData suffix, no unit, lowercase letters and digits. */
  stem: string;
  /** A readable title: from the CBS metadata when known, else from the column name. */
  title: string;
  unit: string;
  /** The CBS variable it is (OData key stem, e.g. `AantalInwoners`), when recognised. */
  cbsVariable: string | null;
  /** Whether at least one cell holds a number (or a suppressed figure). */
  numeric: boolean;
}

export interface ParsedRow {
  /** Row in the file: CSV/XLSX data rows start at 2 (the header is row 1); JSON entries at 1. */
  row: number;
  code: string;
  /** The period the row names itself (a period column, OData `Perioden`); null: the file's or the given one. */
  period: string | null;
  /** Aligned with `columns`. */
  cells: Cell[];
}

export interface SkippedRow {
  row: number;
  code?: string;
  reason: Reason;
}

export interface ParsedIndicatorFile {
  format: ImportFormat;
  columns: SourceColumn[];
  rows: ParsedRow[];
  skipped: SkippedRow[];
  /** Data rows (or entries) in the file, usable or not. */
  rowCount: number;
  /** A period the contents name for the whole file (e.g. `MapYear` of the metadata); null when none. */
  period: string | null;
}

/** The file cannot be read at all; the importer reports it as `indicator.import_unreadable`. */
export class UnreadableFileError extends Error {
  constructor(public readonly reason: Reason) {
    super(reason.id);
    this.name = 'UnreadableFileError';
  }
}
const unreadable = (id: ReasonId, params?: Reason['params']) => new UnreadableFileError({ id, ...(params ? { params } : {}) });
const because = (id: ReasonId, params?: Reason['params']): Reason => ({ id, ...(params ? { params } : {}) });

// Values

/** CBS marks suppressed figures with values of −99990 and below (e.g. −99997). */
export const SUPPRESSED_LIMIT = -99990;

/**
 * One cell as a figure. Missing: empty, `NA`, `.` (CBS: unknown), `-` and `?`. Suppressed:
 * `x` (CBS: secret) or a number ≤ −99990. Numbers may have a decimal comma (`"2,1"`), a decimal
 * point, padding spaces, and thousands separators when unambiguous (`1.234.567`, `1 234`).
 */
const PLAIN_NUMBER = /^-?\d+(?:[.,]\d+)?$/;

export function parseCell(raw: unknown): Cell {
  // Most cells of a CBS file: a plain number, with a decimal point or comma.
  if (typeof raw === 'string' && PLAIN_NUMBER.test(raw)) {
    const value = Number(raw.replace(',', '.'));
    return value <= SUPPRESSED_LIMIT ? 'suppressed' : value;
  }
  if (raw == null) return null;
  if (typeof raw === 'number') return Number.isFinite(raw) ? (raw <= SUPPRESSED_LIMIT ? 'suppressed' : raw) : { invalid: String(raw) };
  if (typeof raw === 'boolean' || typeof raw === 'object') return { invalid: JSON.stringify(raw) };
  const text = String(raw).trim();
  if (text === '' || text === 'NA' || text === '.' || text === '-' || text === '?' || text === '..') return null;
  if (text === 'x' || text === 'X') return 'suppressed';
  let normal = text.replace(/[\s\u00a0]/g, '');
  if (/^[-+]?\d{1,3}(\.\d{3}){2,}(,\d+)?$/.test(normal)) normal = normal.replace(/\./g, ''); // 1.234.567(,5)
  if (/^[-+]?\d+,\d+$/.test(normal)) normal = normal.replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normal)) return { invalid: text.slice(0, 60) };
  const value = Number(normal);
  return value <= SUPPRESSED_LIMIT ? 'suppressed' : value;
}

// Periods

export type PeriodType = 'year' | 'quarter' | 'month';

/**
 * A period in dichter's form: `2019`, `2024-Q1` or `2024-03`. Accepts CBS's `2019JJ00`,
 * `2024KW01`, `2024MM03`, and `2024 Q1`, `2024-K1`, `2024/03`, `03-2024`, a date
 * (`2024-03-01`: its month) and a year as a number. Null when it is none of these.
 */
export function normalisePeriod(raw: unknown): string | null {
  if (raw instanceof Date && !Number.isNaN(raw.getTime())) return `${raw.getUTCFullYear()}-${String(raw.getUTCMonth() + 1).padStart(2, '0')}`;
  if (typeof raw === 'number') return Number.isInteger(raw) && raw >= 1900 && raw <= 2100 ? String(raw) : null;
  if (typeof raw !== 'string') return null;
  const text = raw.trim().toUpperCase();
  const valid = (y: number) => y >= 1900 && y <= 2100;
  let m = /^(\d{4})(?:JJ00)?$/.exec(text);
  if (m) return valid(+m[1]) ? m[1] : null;
  m = /^(\d{4})\s*[-/ ]?\s*(?:Q|K|KW)0?([1-4])$/.exec(text);
  if (m) return valid(+m[1]) ? `${m[1]}-Q${m[2]}` : null;
  m = /^(\d{4})\s*(?:MM|[-/])\s*(\d{1,2})(?:[-/]\d{1,2})?$/.exec(text);
  if (m && +m[2] >= 1 && +m[2] <= 12) return valid(+m[1]) ? `${m[1]}-${m[2].padStart(2, '0')}` : null;
  m = /^(\d{1,2})[-/](\d{4})$/.exec(text);
  if (m && +m[1] >= 1 && +m[1] <= 12) return valid(+m[2]) ? `${m[2]}-${m[1].padStart(2, '0')}` : null;
  return null;
}

/** The kind of a normalised period. */
export function periodTypeOf(period: string): PeriodType {
  return period.includes('-Q') ? 'quarter' : period.includes('-') ? 'month' : 'year';
}

/** A year in a file name (`Kerncijfers_wijken_en_buurten_2019.csv` → `2019`), or null. */
export function periodFromFileName(fileName: string): string | null {
  const match = /(?:^|[^0-9])((?:19|20)\d{2})(?![0-9])/.exec(fileName);
  return match ? match[1] : null;
}

/** What a saved mapping is stored under: the file name without year, digits and extension (`kerncijfers-wijken-en-buurten`). */
export function sourceKeyOf(fileName: string): string {
  const base = fileName
    .replace(/\.[a-z0-9]+$/i, '')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return base.slice(0, 100) || 'bestand';
}

// Column names

/** Lowercase letters and digits only: `Regioaanduiding.Codering..code.` → `regioaanduidingcoderingcode`. */
export function normalise(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]/g, '');
}

/** `AantalInwoners` → `aantal-inwoners`, `GemiddeldeWOZWaardeVanWoningen` → `gemiddelde-woz-waarde-van-woningen`. */
export function codeFromStem(stem: string): string {
  const code = stem
    .replace(/^k_/, '')
    .replace(/([a-z])([A-Z0-9])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/([0-9])([A-Za-z])/g, '$1-$2')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // At most 60 characters, cut between words.
  return code.length <= 60 ? code : code.slice(0, 61).replace(/-[^-]*$/, '');
}

interface Variable {
  stem: string;
  title: string;
  unit: string;
  text: boolean;
}
const VARIABLES: Variable[] = KWB_VARIABLES.map(([stem, title, unit, text]) => ({ stem, title, unit, text: text === 1 }));
const BY_STEM = new Map(VARIABLES.map((v) => [normalise(v.stem), v]));
/** Titles that name one variable only (`Nederland` and `Appartement` appear under several groups). */
const BY_TITLE = (() => {
  const count = new Map<string, number>();
  for (const v of VARIABLES) count.set(normalise(v.title), (count.get(normalise(v.title)) ?? 0) + 1);
  return VARIABLES.filter((v) => count.get(normalise(v.title)) === 1 && normalise(v.title).length >= 6)
    .map((v) => ({ key: normalise(v.title), v }))
    .sort((a, b) => b.key.length - a.key.length);
})();
/** The classic short names of the KWB files (`a_inw`), older than the OData keys. */
const SHORT_NAMES: Record<string, string> = {
  ainw: 'AantalInwoners',
  aman: 'Mannen',
  avrouw: 'Vrouwen',
  bevdich: 'Bevolkingsdichtheid',
  awoning: 'Woningvoorraad',
  gwoz: 'GemiddeldeWOZWaardeVanWoningen',
  ahh: 'HuishoudensTotaal',
  ghhgro: 'GemiddeldeHuishoudensgrootte',
  pkoopw: 'Koopwoningen',
  phuurw: 'HuurwoningenTotaal',
  aopp: 'OppervlakteTotaal',
  aoppha: 'OppervlakteTotaal',
  alanha: 'OppervlakteLand',
  awatha: 'OppervlakteWater',
  abedv: 'BedrijfsvestigingenTotaal',
  ginkpi: 'GemiddeldInkomenPerInwoner',
  phhli: 'HuishoudensMetEenLaagInkomen',
};

/** The R-mangled unit at the end of a column name: `..aantal.` → `aantal`, `....` → `%`. */
function splitRName(key: string): { path: string; unit: string } {
  if (/\.\.\.\.$/.test(key)) return { path: key.slice(0, -4).replace(/\.+$/, ''), unit: '%' };
  // R turned "(unit)" into "..unit." and "km²)" into "km..": drop the closing dot, split at the last "..".
  const name = key.endsWith('.') ? key.slice(0, -1) : key;
  const at = name.lastIndexOf('..');
  if (at <= 0) return { path: key, unit: '' };
  const unit = name
    .slice(at + 2)
    .replace(/^\.+|\.+$/g, '')
    .replace(/\./g, ' ')
    .replace(/per km$/, 'per km²')
    .trim();
  return { path: name.slice(0, at).replace(/\.+$/, ''), unit };
}

/**
 * Describes a column: its stem for matching, a title and a unit (from the CBS metadata when
 * the column is a known KWB variable), and which variable it is. `metadata` overrides titles
 * and units by full key (e.g. from an uploaded DataProperties.json).
 */
export function describeColumn(key: string, metadata?: ReadonlyMap<string, { title: string; unit: string }>): Omit<SourceColumn, 'numeric'> {
  const meta = metadata?.get(key);
  const odata = /^(.+?)_\d+$/.exec(key);
  const short = SHORT_NAMES[normalise(key)];
  const known = short ? BY_STEM.get(normalise(short)) : odata ? BY_STEM.get(normalise(odata[1])) : BY_STEM.get(normalise(key));
  if (known || meta) {
    const stem = known ? normalise(known.stem) : normalise(odata ? odata[1] : key);
    return { key, stem, title: meta?.title ?? known!.title, unit: meta?.unit ?? known!.unit, cbsVariable: known?.stem ?? null };
  }
  const { path, unit } = splitRName(key);
  const flat = normalise(path);
  // An R label ends with the StatLine title: `Bevolking.Aantal.inwoners` → "Aantal inwoners".
  const byTitle = key.includes('.') ? BY_TITLE.find((t) => flat.endsWith(t.key) && (!unit || normalise(unit) === normalise(t.v.unit))) : undefined;
  if (byTitle) return { key, stem: normalise(byTitle.v.stem), title: byTitle.v.title, unit: byTitle.v.unit, cbsVariable: byTitle.v.stem };
  const title = path.replace(/[._]+/g, ' ').trim() || key;
  return { key, stem: flat || normalise(key), title, unit, cbsVariable: null };
}

// Which columns are not figures

const CODE_PATTERN = /^(NL\d{2}|GM\d{4}|WK\d{4}[0-9A-Z]{2}|BU\d{4}[0-9A-Z]{4})$/;
const PERIOD_HEADERS = new Set(['periode', 'period', 'perioden', 'jaar', 'year', 'maand', 'month', 'kwartaal', 'quarter', 'datum', 'date']);
const CODE_HEADERS = new Set(['code', 'regiocode', 'statcode', 'gebiedscode', 'gebied', 'area', 'areacode', 'cbscode', 'wijkenenbuurten', 'buurtcode', 'wijkcode', 'gemeentecode']);

/** Columns that describe the region rather than measure it (names, kinds, codes, the R row number, ids). */
function isDescriptive(key: string): boolean {
  const n = normalise(key);
  if (n === '' || n === 'id' || n === 'naam' || n === 'name' || n === 'regionaam' || n === 'statnaam' || n === 'gemeentenaam' || n === 'wijkenenbuurten') return true;
  if (n.startsWith('regioaanduiding') || n.startsWith('gemeentenaam') || n.startsWith('soortregio') || n.startsWith('codering') || n.startsWith('indelingswijziging')) return true;
  const odata = /^(.+?)_\d+$/.exec(key);
  const variable = BY_STEM.get(normalise(odata ? odata[1] : key));
  if (variable && (variable.text || variable.unit === 'code')) return true;
  const { unit } = splitRName(key);
  return ['code', 'naam', 'omschrijving'].includes(normalise(unit));
}

const looksLikeCode = (value: unknown) => typeof value === 'string' && CODE_PATTERN.test(value.trim().toUpperCase());

/** The column holding the area code: the one whose first values look like CBS codes, else one named like it. */
function findCodeColumn(header: string[], sample: unknown[][]): number {
  const scores = header.map((_, i) => sample.filter((r) => looksLikeCode(r[i])).length);
  const best = scores.indexOf(Math.max(...scores));
  if (scores[best]! > 0) return best;
  const byName = header.findIndex((h) => normalise(h).includes('codering') || CODE_HEADERS.has(normalise(h)));
  if (byName === -1) throw unreadable('indicator.unreadable.no_code_column');
  return byName;
}

interface Grid {
  header: string[];
  rows: { row: number; cells: unknown[] }[];
}

/** Rows of cells into columns and rows, for CSV, XLSX and OData alike. */
function fromGrid(format: ImportFormat, grid: Grid, metadata?: ReadonlyMap<string, { title: string; unit: string }>): ParsedIndicatorFile {
  if (grid.rows.length === 0) throw unreadable('indicator.unreadable.no_data_rows');
  const sample = grid.rows.slice(0, 50).map((r) => r.cells);
  const codeAt = findCodeColumn(grid.header, sample);
  const periodAt = grid.header.findIndex((h, i) => i !== codeAt && PERIOD_HEADERS.has(normalise(h)));
  const valueAt = grid.header.map((_, i) => i).filter((i) => i !== codeAt && i !== periodAt && !isDescriptive(grid.header[i]!));
  const columns: SourceColumn[] = valueAt.map((i) => ({ ...describeColumn(grid.header[i]!, metadata), numeric: false }));
  const rows: ParsedRow[] = [];
  const skipped: SkippedRow[] = [];
  for (const { row, cells } of grid.rows) {
    const written = typeof cells[codeAt] === 'string' ? (cells[codeAt] as string).trim() : cells[codeAt] == null ? '' : String(cells[codeAt]);
    if (!written || written === 'NA') {
      skipped.push({ row, reason: because('indicator.skip.code_missing') });
      continue;
    }
    let period: string | null = null;
    if (periodAt !== -1) {
      const raw = cells[periodAt];
      if (raw == null || String(raw).trim() === '') {
        skipped.push({ row, code: written, reason: because('indicator.skip.period_missing') });
        continue;
      }
      period = normalisePeriod(raw);
      if (!period) {
        skipped.push({ row, code: written, reason: because('indicator.skip.period_invalid', { value: String(raw).trim().slice(0, 40) }) });
        continue;
      }
    }
    const parsedCells = valueAt.map((i, c) => {
      const cell = parseCell(cells[i]);
      if (typeof cell === 'number' || cell === 'suppressed') columns[c]!.numeric = true;
      return cell;
    });
    rows.push({ row, code: written.toUpperCase(), period, cells: parsedCells });
  }
  return { format, columns, rows, skipped, rowCount: grid.rows.length, period: null };
}

function detectDelimiter(content: string): string {
  const end = content.indexOf('\n');
  const firstLine = end === -1 ? content : content.slice(0, end);
  const counts = [',', ';', '\t'].map((ch) => [ch, firstLine.split(ch).length - 1] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![0];
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * The records of a well-formed CSV text, read the way csv-parse reads it with the options
 * below (quotes with doubled quotes inside, the line ending of the first record for all, empty
 * lines skipped, rows of any length), about five times as fast; null when the text holds
 * anything else (a stray quote, a lone CR as line ending), which csv-parse then reads or
 * refuses with its own message.
 */
export function splitCsv(content: string, delimiter: string): string[][] | null {
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  const delim = delimiter.charCodeAt(0);
  if (delimiter.length !== 1 || delim === QUOTE || delim === LF || delim === CR) return null;
  const n = text.length;
  const records: string[][] = [];
  /** The line ending of every record: that of the first (0: not seen yet, 1: LF, 2: CRLF). */
  let ending = 0;
  let i = 0;
  let record: string[] = [];
  /** At the end of a record when the character at j is its line ending: its length, else 0. */
  const endAt = (j: number): number => {
    const c = text.charCodeAt(j);
    if (ending === 0) {
      if (c === LF) return (ending = 1);
      if (c === CR && text.charCodeAt(j + 1) === LF) return (ending = 2);
      return c === CR ? -1 : 0;
    }
    if (ending === 1) return c === LF ? 1 : 0;
    return c === CR && text.charCodeAt(j + 1) === LF ? 2 : 0;
  };
  while (i < n) {
    const atStart = record.length === 0;
    if (text.charCodeAt(i) === QUOTE) {
      let value = '';
      let from = i + 1;
      for (;;) {
        const close = text.indexOf('"', from);
        if (close === -1) return null; // not closed
        if (text.charCodeAt(close + 1) === QUOTE) {
          value += text.slice(from, close + 1);
          from = close + 2;
          continue;
        }
        value += text.slice(from, close);
        i = close + 1;
        break;
      }
      record.push(value);
      if (i >= n) break;
      if (text.charCodeAt(i) === delim) {
        i++;
        if (i >= n) record.push('');
        continue;
      }
      const end = endAt(i);
      if (end <= 0) return null; // something after the closing quote
      records.push(record);
      record = [];
      i += end;
      continue;
    }
    let j = i;
    let end = 0;
    for (; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c === delim) break;
      if (c === QUOTE) return null; // a quote inside a field
      if (c === LF || c === CR) {
        end = endAt(j);
        if (end < 0) return null;
        if (end > 0) break;
      }
    }
    if (atStart && end > 0 && j === i) {
      i += end; // an empty line
      continue;
    }
    record.push(text.slice(i, j));
    if (j >= n) break;
    if (end > 0) {
      records.push(record);
      record = [];
      i = j + end;
    } else {
      i = j + 1;
      if (i >= n) record.push('');
    }
  }
  if (record.length) records.push(record);
  return records;
}

/** A CSV file: a CBS table (region per row) or the workspace's own area × period × value table. */
export function parseCsvFile(content: string, metadata?: ReadonlyMap<string, { title: string; unit: string }>): ParsedIndicatorFile {
  let records: string[][];
  try {
    const delimiter = detectDelimiter(content);
    records = splitCsv(content, delimiter) ?? parseCsv(content, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true });
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw line ? unreadable('indicator.unreadable.invalid_csv_near_line', { line }) : unreadable('indicator.unreadable.invalid_csv');
  }
  const [header, ...data] = records;
  if (!header || data.length === 0) throw unreadable('indicator.unreadable.no_data_rows');
  const grid = { header, rows: data.map((cells, i) => ({ row: i + 2, cells })) };
  const hasPeriod = header.some((h) => PERIOD_HEADERS.has(normalise(h)));
  return fromGrid(hasPeriod ? 'table' : 'cbs-csv', grid, metadata);
}

/** An XLSX workbook's first sheet, header in row 1: the workspace's own area × period × value table (or a CBS table saved from Excel). */
export async function parseXlsxFile(data: Buffer): Promise<ParsedIndicatorFile> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw unreadable('indicator.unreadable.invalid_xlsx');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw unreadable('indicator.unreadable.no_data_rows');
  const plain = (v: ExcelJS.CellValue): unknown => {
    if (v && typeof v === 'object' && !(v instanceof Date)) {
      if ('result' in v) return v.result;
      if ('richText' in v) return v.richText.map((t) => t.text).join('');
      if ('text' in v) return v.text;
      return null;
    }
    return v;
  };
  const all: { row: number; cells: unknown[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (r, rowNumber) => {
    const values = (r.values as ExcelJS.CellValue[]).slice(1).map(plain);
    all.push({ row: rowNumber, cells: values });
  });
  const [first, ...rest] = all;
  if (!first || rest.length === 0) throw unreadable('indicator.unreadable.no_data_rows');
  const header = first.cells.map((c) => (c == null ? '' : String(c)));
  const hasPeriod = header.some((h) => PERIOD_HEADERS.has(normalise(h)));
  return fromGrid(hasPeriod ? 'table' : 'cbs-csv', { header, rows: rest }, undefined);
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** CBS OData `TypedDataSet`: `{"value": [{"ID": 0, "WijkenEnBuurten": "BU03630000", "AantalInwoners_5": 1000, …}]}`. */
export function parseODataJson(data: { value: unknown[] }, metadata?: ReadonlyMap<string, { title: string; unit: string }>): ParsedIndicatorFile {
  const records = data.value;
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const record of records) if (isPlainObject(record)) for (const key of Object.keys(record)) if (!seen.has(key)) (seen.add(key), keys.push(key));
  const header = keys;
  const rows = records.map((record, i) => ({ row: i + 1, cells: isPlainObject(record) ? header.map((k) => record[k]) : [] }));
  const parsed = fromGrid('cbs-odata', { header, rows }, metadata);
  // `Perioden` (`2019JJ00`) is the period column when present; fromGrid found it by name.
  return parsed;
}

/** A JSON object keyed by region code: `{"GM0363": {"AantalInwoners_5": 931298, …}}` (no names, no periods). */
export function parseKeyedJson(data: Record<string, unknown>, metadata?: ReadonlyMap<string, { title: string; unit: string }>): ParsedIndicatorFile {
  const entries = Object.entries(data);
  if (entries.length === 0) throw unreadable('indicator.unreadable.no_data_rows');
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const [, value] of entries) if (isPlainObject(value)) for (const key of Object.keys(value)) if (!seen.has(key)) (seen.add(key), keys.push(key));
  const skipped: SkippedRow[] = [];
  const rows: { row: number; cells: unknown[] }[] = [];
  entries.forEach(([code, value], i) => {
    if (!isPlainObject(value)) skipped.push({ row: i + 1, code, reason: because('indicator.skip.not_an_object') });
    else rows.push({ row: i + 1, cells: [code, ...keys.map((k) => value[k])] });
  });
  if (rows.length === 0) throw unreadable('indicator.unreadable.json_shape');
  const parsed = fromGrid('cbs-json', { header: ['code', ...keys], rows }, metadata);
  return { ...parsed, skipped: [...skipped, ...parsed.skipped].sort((a, b) => a.row - b.row), rowCount: entries.length };
}

/**
 * CBS `DataProperties.json` (OData metadata) as titles and units per key, and the year of its
 * area division (`MapYear`), e.g. for the keyed JSON of 2024 whose keys it documents.
 */
export function readDataProperties(content: string): { columns: Map<string, { title: string; unit: string }>; period: string | null } {
  let data: unknown;
  try {
    data = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch {
    throw unreadable('indicator.unreadable.invalid_json');
  }
  const list = Array.isArray(data) ? data : isPlainObject(data) && Array.isArray(data.value) ? data.value : null;
  if (!list) throw unreadable('indicator.unreadable.json_shape');
  const columns = new Map<string, { title: string; unit: string }>();
  let period: string | null = null;
  for (const p of list) {
    if (!isPlainObject(p)) continue;
    if (p.Type === 'GeoDetail' && typeof p.MapYear === 'number') period = normalisePeriod(p.MapYear);
    if (p.Type === 'Topic' && typeof p.Key === 'string') columns.set(p.Key, { title: String(p.Title ?? p.Key).trim(), unit: String(p.Unit ?? '').trim() });
  }
  return { columns, period };
}

const isXlsx = (data: Buffer) => data.length > 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;

/**
 * Reads an indicator file, telling the format from its content. `metadata` is an optional
 * CBS DataProperties.json for titles and units. Throws an `UnreadableFileError` when nothing
 * usable is in it; rows with problems are in `skipped`, cells with problems are the importer's.
 */
export async function parseIndicatorFile(input: { data: Buffer | string; metadata?: string }): Promise<ParsedIndicatorFile> {
  const props = input.metadata ? readDataProperties(input.metadata) : undefined;
  let parsed: ParsedIndicatorFile;
  if (typeof input.data !== 'string' && isXlsx(input.data)) parsed = await parseXlsxFile(input.data);
  else {
    const text = (typeof input.data === 'string' ? input.data : input.data.toString('utf8')).replace(/^\uFEFF/, '');
    const start = text.trimStart()[0];
    if (start === '{' || start === '[') {
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch {
        throw unreadable('indicator.unreadable.invalid_json');
      }
      if (isPlainObject(data) && Array.isArray(data.value)) parsed = parseODataJson(data as { value: unknown[] }, props?.columns);
      else if (isPlainObject(data) && Object.keys(data).some((k) => looksLikeCode(k))) parsed = parseKeyedJson(data, props?.columns);
      else throw unreadable('indicator.unreadable.json_shape');
    } else parsed = parseCsvFile(text, props?.columns);
  }
  if (!parsed.columns.some((c) => c.numeric)) throw unreadable('indicator.unreadable.no_value_columns');
  return { ...parsed, period: parsed.period ?? props?.period ?? null };
}

/** Why a code cannot be an area of the workspace by its form alone (null: it may be one). */
export function codeProblem(code: string): Reason | null {
  if (/^NL\d{2}$/.test(code)) return because('indicator.skip.country', { code });
  const kind = kindOfCode(code);
  if (!kind || !isValidCbsCode(kind, code)) return because('indicator.skip.not_a_cbs_code', { code });
  return null;
}
