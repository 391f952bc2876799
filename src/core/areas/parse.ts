import { parse as parseCsv } from 'csv-parse/sync';
import { CBS_CODE_EXAMPLES, isCbsKind, isValidCbsCode, kindOfCode, type CbsKind } from './codes';
import type { ImportFormat } from './importer';
import type { Reason, ReasonId } from './reasons';

/**
 * Pure parsing of area files: no database, no context. Three formats, told apart by their
 * content: a CBS table as CSV (as R's write.csv or StatLine writes it), a CBS JSON object
 * keyed by region code, and a GeoJSON FeatureCollection with buurt boundaries.
 */

/** A GeoJSON geometry; only (multi)polygons describe an area. */
export interface AreaGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: unknown[];
}

/** One area as a file describes it, before it meets the database. */
export interface ParsedArea {
  /** Row in the file: CSV data rows start at 2 (the header is row 1); JSON entries and features at 1. */
  row: number;
  code: string;
  kind: CbsKind;
  /** Null when the file names no area (CBS JSON): keep the stored name, or use the code. */
  name: string | null;
  /** Undefined when the file has no such figure: keep what is stored. Null: unknown or suppressed. */
  population?: number | null;
  /** Only GeoJSON sets a geometry. */
  geometry?: AreaGeometry;
}

/** A row the parser set aside, and why (a reason id; the importer words it in the reader's language). */
export interface SkippedRow {
  row: number;
  code?: string;
  reason: Reason;
}

export interface ParsedFile {
  format: ImportFormat;
  areas: ParsedArea[];
  skipped: SkippedRow[];
  /** Data rows (or entries, or features) in the file, usable or not. */
  rowCount: number;
  /** GeoJSON: the latest year in which a boundary became valid (`beginGeldigheid`). */
  validFromYear?: number;
}

/** CBS marks suppressed figures with values of −99990 and below (e.g. −99997). */
const SUPPRESSED = -99990;

/** The file cannot be read at all, or holds no usable row; the importer reports it as `area.import_unreadable`. */
export class UnreadableFileError extends Error {
  constructor(public readonly reason: Reason) {
    super(reason.id);
    this.name = 'UnreadableFileError';
  }
}

const unreadable = (id: ReasonId, params?: Reason['params']) => new UnreadableFileError({ id, ...(params ? { params } : {}) });
const because = (id: ReasonId, params?: Reason['params']): Reason => ({ id, ...(params ? { params } : {}) });

/** A trimmed cell, or null for what CBS and R write for "no value": `NA`, empty, `.` (and `x`, secret). */
export function cleanCell(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const value = raw.trim();
  return value === '' || value === 'NA' || value === '.' || value === 'x' ? null : value;
}

/** A number written with a decimal comma (`"2,1"`) or point; null when missing, NaN when not a number. */
export function parseDecimal(raw: string | null | undefined): number | null {
  const value = cleanCell(raw);
  if (value === null) return null;
  const normal = value.replace(/\s/g, '').replace(',', '.');
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normal) ? Number(normal) : Number.NaN;
}

/** Inhabitants as a whole number; suppressed or negative figures become null (unknown). */
export function toPopulation(value: number | null): number | null {
  if (value === null || value <= SUPPRESSED || value < 0) return null;
  return Math.round(value);
}

/** A column name reduced to lowercase letters and digits: `Regioaanduiding.Codering..code.` → `regioaanduidingcoderingcode`. */
export function normaliseHeader(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]/g, '');
}

export interface CsvColumns {
  code: number;
  kind: number | null;
  name: number | null;
  population: number | null;
}

/**
 * Finds the columns by name, loosely, so both R-mangled labels (`Regioaanduiding.Soort.regio..omschrijving.`)
 * and StatLine keys (`SoortRegio_2`) match. Null for a column the file lacks; throws without a code column.
 */
export function findCsvColumns(header: string[]): CsvColumns {
  const names = header.map(normaliseHeader);
  const find = (test: (n: string) => boolean) => {
    const index = names.findIndex(test);
    return index === -1 ? null : index;
  };
  const code = find((n) => n.includes('codering') || n === 'code' || n === 'regiocode' || n === 'statcode');
  if (code === null) throw unreadable('area.unreadable.no_code_column');
  return {
    code,
    kind: find((n) => n.includes('soortregio')),
    name: find((n) => n.startsWith('wijkenenbuurten') || n === 'naam' || n === 'regionaam' || n === 'statnaam'),
    // Not the density column (`…Bevolkingsdichtheid..aantal.inwoners.per.km..`).
    population: find((n) => n.includes('aantalinwoners') && !n.includes('dichtheid') && !n.includes('per')),
  };
}

/** A year of the area division in a file name (`Kerncijfers_wijken_en_buurten_2019.csv` → 2019), or null. */
export function yearFromFileName(fileName: string): number | null {
  const match = /(?:^|[^0-9])((?:19|20)\d{2}|2100)(?![0-9])/.exec(fileName);
  return match ? Number(match[1]) : null;
}

/** Checks a code (upper-cased) against its kind; the problem, quoting the code as written, or null when fine. */
function checkCode(code: string, kind: CbsKind | null, written: string): Reason | null {
  if (!kind) return because('area.skip.not_a_cbs_code', { code: written });
  return isValidCbsCode(kind, code) ? null : because('area.skip.invalid_code', { code: written, kind, example: CBS_CODE_EXAMPLES[kind] });
}

/** Remembers codes seen so far, so a code that appears twice is reported, not imported twice. */
function duplicateGuard() {
  const seen = new Map<string, number>();
  return (code: string, row: number): Reason | null => {
    const first = seen.get(code);
    if (first !== undefined) return because('area.skip.duplicate_code', { firstRow: first });
    seen.set(code, row);
    return null;
  };
}

function detectDelimiter(content: string): ',' | ';' {
  const firstLine = content.slice(0, content.indexOf('\n') === -1 ? undefined : content.indexOf('\n'));
  const count = (ch: string) => firstLine.split(ch).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/** A CBS table as CSV: one row per region, the kind in the "soort regio" column. */
export function parseCbsCsv(content: string): ParsedFile {
  let records: string[][];
  try {
    records = parseCsv(content, { bom: true, delimiter: detectDelimiter(content), relax_column_count: true, skip_empty_lines: true });
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw line ? unreadable('area.unreadable.invalid_csv_near_line', { line }) : unreadable('area.unreadable.invalid_csv');
  }
  const [header, ...rows] = records;
  if (!header || rows.length === 0) throw unreadable('area.unreadable.no_data_rows');
  const columns = findCsvColumns(header);
  const areas: ParsedArea[] = [];
  const skipped: SkippedRow[] = [];
  const isDuplicate = duplicateGuard();

  rows.forEach((cells, index) => {
    const row = index + 2;
    const written = cleanCell(cells[columns.code]);
    if (!written) return skipped.push({ row, reason: because('area.skip.code_missing') });
    const code = written.toUpperCase();
    let kind: CbsKind | null;
    if (columns.kind !== null && cleanCell(cells[columns.kind]) !== null) {
      const soort = cleanCell(cells[columns.kind])!;
      const lower = soort.toLowerCase();
      if (!isCbsKind(lower)) return skipped.push({ row, code, reason: because('area.skip.unknown_kind', { value: soort }) });
      kind = lower;
    } else kind = kindOfCode(code);
    const codeError = checkCode(code, kind, written);
    if (codeError) return skipped.push({ row, code: written, reason: codeError });
    let name: string | null = null;
    if (columns.name !== null) {
      name = cleanCell(cells[columns.name]);
      if (!name) return skipped.push({ row, code, reason: because('area.skip.name_missing') });
    }
    let population: number | null | undefined;
    if (columns.population !== null) {
      const value = parseDecimal(cells[columns.population]);
      if (Number.isNaN(value)) return skipped.push({ row, code, reason: because('area.skip.population_not_a_number', { value: cells[columns.population]!.trim() }) });
      population = toPopulation(value);
    }
    const duplicate = isDuplicate(code, row);
    if (duplicate) return skipped.push({ row, code, reason: duplicate });
    areas.push({ row, code, kind: kind!, name, ...(population !== undefined ? { population } : {}) });
  });
  return { format: 'cbs-csv', areas, skipped, rowCount: rows.length };
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A CBS JSON object keyed by region code (`{"GM0363": {"AantalInwoners_5": 931298, …}}`); it holds no names. */
export function parseCbsJson(data: Record<string, unknown>): ParsedFile {
  const entries = Object.entries(data);
  if (entries.length === 0) throw unreadable('area.unreadable.empty_json_object');
  const areas: ParsedArea[] = [];
  const skipped: SkippedRow[] = [];
  const isDuplicate = duplicateGuard();
  entries.forEach(([key, value], index) => {
    const row = index + 1;
    const code = key.trim().toUpperCase();
    const kind = kindOfCode(code);
    const codeError = checkCode(code, kind, key.trim());
    if (codeError) return skipped.push({ row, code: key.trim(), reason: codeError });
    if (!isPlainObject(value)) return skipped.push({ row, code, reason: because('area.skip.not_an_object') });
    const fields = Object.keys(value);
    const populationKey = fields.find((f) => normaliseHeader(f).startsWith('aantalinwoners'));
    const nameKey = fields.find((f) => ['naam', 'name', 'wijkenenbuurten', 'regionaam', 'statnaam'].includes(normaliseHeader(f)));
    let population: number | null | undefined;
    if (populationKey) {
      const raw = value[populationKey];
      const number = raw == null ? null : typeof raw === 'number' ? raw : parseDecimal(String(raw));
      if (number !== null && !Number.isFinite(number)) return skipped.push({ row, code, reason: because('area.skip.population_not_a_number', { value: String(raw) }) });
      population = toPopulation(number);
    }
    const name = nameKey && typeof value[nameKey] === 'string' ? cleanCell(value[nameKey] as string) : null;
    const duplicate = isDuplicate(code, row);
    if (duplicate) return skipped.push({ row, code, reason: duplicate });
    areas.push({ row, code, kind: kind!, name, ...(population !== undefined ? { population } : {}) });
  });
  return { format: 'cbs-json', areas, skipped, rowCount: entries.length };
}

const GEOJSON_CODE_KEYS = ['cbsCode', 'statcode', 'buurtcode', 'wijkcode', 'gemeentecode'];
const GEOJSON_NAME_KEYS = ['naam', 'statnaam', 'buurtnaam', 'wijknaam', 'gemeentenaam'];

/** The first position of a (multi)polygon, to check that it is lon/lat. */
function firstPosition(geometry: AreaGeometry): unknown {
  let node: unknown = geometry.coordinates;
  while (Array.isArray(node) && Array.isArray(node[0])) node = node[0];
  return node;
}

function checkGeometry(geometry: unknown): Reason | null {
  if (!isPlainObject(geometry)) return because('area.skip.geometry_missing');
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return because('area.skip.geometry_not_polygon', { type: String(geometry.type) });
  if (!Array.isArray(geometry.coordinates) || geometry.coordinates.length === 0) return because('area.skip.geometry_without_coordinates');
  const position = firstPosition(geometry as unknown as AreaGeometry);
  if (!Array.isArray(position) || typeof position[0] !== 'number' || typeof position[1] !== 'number') return because('area.skip.geometry_invalid_coordinates');
  const [lon, lat] = position as number[];
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) return because('area.skip.coordinates_not_wgs84');
  return null;
}

/** A GeoJSON FeatureCollection of area boundaries with a CBS code per feature (`cbsCode`, `statcode`, …). */
export function parseGeoJson(data: Record<string, unknown>): ParsedFile {
  const crs = isPlainObject(data.crs) && isPlainObject(data.crs.properties) ? String(data.crs.properties.name ?? '') : '';
  if (/28992/.test(crs)) throw unreadable('area.unreadable.rd_coordinates');
  if (!Array.isArray(data.features) || data.features.length === 0) throw unreadable('area.unreadable.no_features');
  const areas: ParsedArea[] = [];
  const skipped: SkippedRow[] = [];
  const isDuplicate = duplicateGuard();
  let validFromYear: number | undefined;
  data.features.forEach((feature: unknown, index) => {
    const row = index + 1;
    const properties = isPlainObject(feature) && isPlainObject(feature.properties) ? feature.properties : {};
    const codeKey = GEOJSON_CODE_KEYS.find((k) => typeof properties[k] === 'string' && (properties[k] as string).trim() !== '');
    if (!codeKey) return skipped.push({ row, reason: because('area.skip.feature_without_code') });
    const written = (properties[codeKey] as string).trim();
    const code = written.toUpperCase();
    const codeError = checkCode(code, kindOfCode(code), written);
    if (codeError) return skipped.push({ row, code: written, reason: codeError });
    const geometry = isPlainObject(feature) ? feature.geometry : undefined;
    const geometryError = checkGeometry(geometry);
    if (geometryError) return skipped.push({ row, code, reason: geometryError });
    const nameKey = GEOJSON_NAME_KEYS.find((k) => typeof properties[k] === 'string');
    const duplicate = isDuplicate(code, row);
    if (duplicate) return skipped.push({ row, code, reason: duplicate });
    const validFrom = typeof properties.beginGeldigheid === 'string' ? Number(properties.beginGeldigheid.slice(0, 4)) : Number.NaN;
    if (validFrom >= 1900 && validFrom <= 2100) validFromYear = Math.max(validFromYear ?? validFrom, validFrom);
    const { type, coordinates } = geometry as unknown as AreaGeometry;
    areas.push({ row, code, kind: kindOfCode(code)!, name: nameKey ? cleanCell(properties[nameKey] as string) : null, geometry: { type, coordinates } });
  });
  return { format: 'geojson', areas, skipped, rowCount: data.features.length, ...(validFromYear ? { validFromYear } : {}) };
}

/**
 * Reads an area file, telling the format from its content: a JSON FeatureCollection is
 * GeoJSON, any other JSON object is CBS JSON keyed by code, everything else is CSV.
 * Throws an `UnreadableFileError` when nothing usable is in it.
 */
export function parseAreaFile(content: string): ParsedFile {
  const text = content.replace(/^\uFEFF/, '');
  const start = text.trimStart()[0];
  let parsed: ParsedFile;
  if (start === '{' || start === '[') {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      throw unreadable('area.unreadable.invalid_json');
    }
    if (!isPlainObject(data)) throw unreadable('area.unreadable.json_array');
    if (data.type === 'FeatureCollection') parsed = parseGeoJson(data);
    else if (typeof data.type === 'string') throw unreadable('area.unreadable.geojson_type', { type: data.type });
    else parsed = parseCbsJson(data);
  } else parsed = parseCbsCsv(text);
  if (parsed.areas.length === 0) {
    const first = parsed.skipped[0];
    throw first ? unreadable('area.unreadable.no_usable_row_first', { row: first.row, reason: first.reason }) : unreadable('area.unreadable.no_usable_row');
  }
  return parsed;
}
