/**
 * indicators: the indicators module at national scale, beside DuckDB on the same data in the
 * same run. One national statistics workspace with 14,700 areas (342 gemeenten > ~3,100
 * wijken > buurten), 100 measured indicators (counts summed, shares averaged, ten with ~1 %
 * suppressed figures) and 10 formula indicators (a count per 100 inwoners: ratio of sums),
 * 10 years: 14.7M measurements, generated set-based (INSERT … SELECT FROM generate_series,
 * the value a hash of area, indicator and year) identically in PostgreSQL and in DuckDB, and
 * checked to be the same (counts and sums) before anything is measured.
 *
 * Measures an area comparison (all buurten of the largest gemeente, one indicator and year,
 * ranked), a 10-year trend of one buurt, and the roll-up of a ratio indicator to a gemeente:
 * the real app over HTTP (1 and 16 connections) against a bare Fastify route replaying the
 * request's captured SQL on the same database handle, and the request's measurement queries
 * on PostgreSQL and in DuckDB (exact latencies, in-process). Then the CBS import: an R-written
 * Kerncijfers CSV (quoted decimal commas, NA, `.`, padded codes, mangled names) of every area
 * through the module's importer, first and re-import, against plain multi-row INSERT … ON
 * CONFLICT of the same values in one transaction and DuckDB's read_csv of the same file. And
 * the progress report of the demo workspace as HTML. Targets (issue 7): comparison and trend
 * p95 < 50 ms, within 5× of DuckDB; import ≥ 100,000 values/s; report < 2 s. Reported, never
 * enforced. PostgreSQL runs the full scale; PGlite a tenth of the measurements.
 */
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { CompiledQuery, sql } from 'kysely';
import type { DuckDBConnection } from '@duckdb/node-api';
import { importIndicatorFile } from '../src/core/indicators/importer';
import { loadConfig } from '../src/platform/config';
import type { ServiceContext } from '../src/platform/context';
import { transaction, type Db } from '../src/platform/db/database';
import { loadDemo, DEMO } from '../src/platform/demo';
import { buildApp } from '../src/platform/http/app';
import { newId } from '../src/platform/ids';
import * as auth from '../src/platform/auth/service';
import { modules } from '../src/modules';
import { prng } from './lib/prng';
import { compact, explainAll, explainText } from './lib/explain';
import { compareLevels, exactLatency, runLoad, type ExactLatency, type Level, type LoadSummary, type Which } from './lib/load';
import { finish, machineInfo } from './lib/machine';
import { captureSql } from './lib/sql-capture';
import { listen, startBenchApp, type BenchApp } from './lib/app';
import { duckRows, forDuckDb, openDuckDb } from './lib/duckdb';
import { RESULTS_DIR, envSeconds, ratio, round, stopwatch, table, writeResult } from './lib/util';

type DbKind = 'pglite' | 'postgres';

interface Scale {
  gemeenten: number;
  wijken: number;
  areas: number;
  /** Measured indicators; formula indicators come on top. */
  indicators: number;
  years: number;
}
const FULL: Scale = { gemeenten: 342, wijken: 3100, areas: 14_700, indicators: 100, years: 10 };
/** PGlite: a tenth of the measurements (the same areas, a tenth of the indicators). */
const REDUCED: Scale = { ...FULL, indicators: 10 };
const FORMULAS = 10;
const FIRST_YEAR = 2015;
const PERIOD = '2022';
const CONNECTION_LEVELS = [1, 16];
const EXACT_RUNS = 200;
const REPORT_RUNS = 20;
const TARGET = { comparisonP95Ms: 50, trendP95Ms: 50, duckDbFactor: 5, importValuesPerSecond: 100_000, reportP95Ms: 2000 };
const SEED = 20261129;
const CBS_2019 = '/work/shared/data/cbs/Kerncijfers_wijken_en_buurten_2019.csv';
const IMPORT_FILE = 'Kerncijfers_wijken_en_buurten_2019.csv';
/** Rows per statement of the bare import: 7 parameters a row stays under PostgreSQL's 65,535. */
const BATCH = 9_000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const json = (value: unknown) => JSON.stringify(value);

// Geography

interface Area {
  n: number;
  id: string;
  kind: 'gemeente' | 'wijk' | 'buurt';
  code: string;
  name: string;
  parent: number | null;
  gemeente: number;
}

/**
 * Gemeenten > wijken > buurten with CBS-shaped codes (GM0001, WK000101, BU00010101), sizes
 * Zipf-like by rank (the largest gemeente has ~99 wijken and ~500 buurten, as Amsterdam),
 * exactly `scale.areas` in all. Deterministic (seeded).
 */
export function geography(scale: Scale): Area[] {
  const r = prng(SEED);
  const g = scale.gemeenten;
  const weights = Array.from({ length: g }, (_, i) => 1 / (i + 1) ** 0.85);
  const sum = weights.reduce((a, b) => a + b, 0);
  /** Shares of a total by weight, each within [min, max], summing exactly to the total. */
  const fit = (total: number, min: (i: number) => number, max: (i: number) => number) => {
    const out = weights.map((w, i) => Math.min(max(i), Math.max(min(i), Math.round((total * w) / sum))));
    let diff = total - out.reduce((a, b) => a + b, 0);
    for (let i = 0, idle = 0; diff !== 0 && idle < g; i = (i + 1) % g) {
      if (diff > 0 && out[i] < max(i)) (out[i]++, diff--, (idle = 0));
      else if (diff < 0 && out[i] > min(i)) (out[i]--, diff++, (idle = 0));
      else idle++;
    }
    return out;
  };
  // The largest gemeente as Amsterdam: 99 wijken (the most a code allows), about 500 buurten.
  const wijken = fit(scale.wijken, () => 1, () => 99);
  const buurten = fit(scale.areas - g - scale.wijken, (i) => wijken[i], (i) => Math.min(wijken[i] * 99, 500));
  const areas: Area[] = [];
  const add = (a: Omit<Area, 'n' | 'id'>) => {
    const area = { ...a, n: areas.length, id: newId() };
    areas.push(area);
    return area;
  };
  for (let i = 0; i < g; i++) {
    const gm = add({ kind: 'gemeente', code: `GM${pad(i + 1, 4)}`, name: `Gemeente ${i + 1}`, parent: null, gemeente: i });
    // Buurten over the wijken: one each, the rest at random (a wijk holds at most 99).
    const per = Array.from({ length: wijken[i] }, () => 1);
    for (let left = buurten[i] - wijken[i]; left > 0; ) {
      const k = r.int(wijken[i]);
      if (per[k] < 99) (per[k]++, left--);
    }
    for (let j = 0; j < wijken[i]; j++) {
      const wk = add({ kind: 'wijk', code: `WK${pad(i + 1, 4)}${pad(j)}`, name: `Wijk ${j} van ${gm.name}`, parent: gm.n, gemeente: i });
      for (let k = 0; k < per[j]; k++) add({ kind: 'buurt', code: `BU${pad(i + 1, 4)}${pad(j)}${pad(k)}`, name: `Buurt ${k} van ${wk.name}`, parent: wk.n, gemeente: i });
    }
  }
  if (areas.length !== scale.areas) throw new Error(`geography: ${areas.length} areas, wanted ${scale.areas}`);
  return areas;
}

/** Areas into the areas table (as the areas module stores them), parents first. */
async function insertAreas(db: Db, workspaceId: string, areas: Area[]) {
  const ids = areas.map((a) => newId());
  const rows = areas.map((a, i) => ({ workspace_id: workspaceId, id: ids[i], kind: a.kind, code: a.code, name: a.name, year: 2024, parent_id: a.parent === null ? null : ids[a.parent] }));
  for (let i = 0; i < rows.length; i += 5000) {
    await sql`insert into areas (workspace_id, id, kind, code, name, year, parent_id)
      select * from jsonb_to_recordset(${json(rows.slice(i, i + 5000))}::jsonb) as x(workspace_id uuid, id uuid, kind text, code text, name text, year int, parent_id uuid)`.execute(db);
  }
  return ids;
}

// Indicators and measurements: one formula, written once, run by both engines

interface IndicatorDef {
  k: number;
  id: string;
  code: string;
  name: string;
  unit: string;
  aggregation: 'sum' | 'mean' | 'ratio';
  source: 'import' | 'formula';
  numerator?: string;
  denominator?: string;
  factor?: number;
}

/** k = 0: inwoners; 1–59: counts of inwoners (summed); 60–: shares in % (averaged); k ≡ 7 (mod 10): ~1 % suppressed. */
function indicatorDefs(scale: Scale): IndicatorDef[] {
  const defs: IndicatorDef[] = [];
  const countsEnd = Math.max(2, Math.round(scale.indicators * 0.6));
  for (let k = 0; k < scale.indicators; k++) {
    const count = k < countsEnd;
    defs.push({ k, id: newId(), code: k === 0 ? 'inwoners' : `ind-${pad(k, 3)}`, name: k === 0 ? 'Aantal inwoners' : count ? `Aantal inwoners met kenmerk ${k}` : `Aandeel ${k}`, unit: count ? 'aantal' : '%', aggregation: count ? 'sum' : 'mean', source: 'import' });
  }
  const formulas = Math.min(FORMULAS, countsEnd - 1);
  for (let f = 1; f <= formulas; f++) {
    defs.push({ k: -f, id: newId(), code: `ratio-${pad(f)}`, name: `Inwoners met kenmerk ${f} per 100 inwoners`, unit: 'per 100 inwoners', aggregation: 'ratio', source: 'formula', numerator: defs[f].code, denominator: 'inwoners', factor: 100 });
  }
  return defs;
}

/** A 32-bit hash of area n, indicator k and year y in 64-bit integer arithmetic (no overflow: < 7.4e18), identical in both engines. */
const H = (k: string) => `(((a.n * 7919 + ${k} * 104729 + t.y * 1299709) * 2654435761) % 4294967296)`;
const COUNTS_END = (scale: Scale) => Math.max(2, Math.round(scale.indicators * 0.6));

/**
 * The INSERT … SELECT of one indicator's measurements, the same text for PostgreSQL and
 * DuckDB (only the workspace literal and the table of areas differ by name).
 */
function measurementInsert(scale: Scale, workspaceId: string, k: number) {
  const inwoners = `(200 + ${H('0')} % 4000)`;
  const count = `(${inwoners} * (${H('i.k')} % 50) - (${inwoners} * (${H('i.k')} % 50)) % 100) / 100`;
  const value = `case when i.k = 0 then cast(${inwoners} as float8) when i.k < ${COUNTS_END(scale)} then cast(${count} as float8) else cast(${H('i.k')} % 1000 as float8) / 10 end`;
  const suppressed = `(i.k % 10 = 7 and ${H('i.k')} % 97 = 0)`;
  return `insert into measurements (workspace_id, indicator_id, area_id, period, value, status, source_ref)
    select '${workspaceId}', i.id, a.id, cast(t.y as varchar), case when ${suppressed} then null else ${value} end, case when ${suppressed} then 'suppressed' else 'final' end, 'bench'
    from bench_indicators i cross join bench_areas a cross join generate_series(cast(${FIRST_YEAR} as bigint), cast(${FIRST_YEAR + scale.years - 1} as bigint)) as t(y)
    where i.k = ${k}
    order by a.id, t.y`;
}

const CHECK_SQL = `select count(*) as n, count(value) as nvalue, sum(value) as total, sum(case when status = 'suppressed' then 1 else 0 end) as suppressed,
  sum(case when period = '${PERIOD}' then value else 0 end) as ptotal from measurements where workspace_id = `;

interface Check {
  n: number;
  nvalue: number;
  total: number;
  suppressed: number;
  periodTotal: number;
}
const toCheck = (r: Record<string, unknown>): Check => ({ n: Number(r.n), nvalue: Number(r.nvalue), total: Number(r.total), suppressed: Number(r.suppressed), periodTotal: Number(r.ptotal) });
const sameCheck = (a: Check, b: Check) => a.n === b.n && a.nvalue === b.nvalue && a.suppressed === b.suppressed && Math.abs(a.total - b.total) <= 1e-9 * Math.abs(a.total) && Math.abs(a.periodTotal - b.periodTotal) <= 1e-9 * Math.abs(a.periodTotal);

/** Indicators, areas and measurements in PostgreSQL / PGlite: set-based, the period index dropped during the load. */
async function loadPostgres(db: Db, kind: DbKind, scale: Scale, workspaceId: string, areas: Area[], areaIds: string[], defs: IndicatorDef[], time: <T>(name: string, fn: () => Promise<T>) => Promise<T>, log: (l: string) => void) {
  await time('indicators', async () => {
    const rows = defs.map((d) => ({
      workspace_id: workspaceId,
      id: d.id,
      code: d.code,
      name: d.name,
      unit: d.unit,
      source: d.source,
      aggregation: d.aggregation,
      composition_sensitive: d.unit !== 'aantal',
      numerator_code: d.numerator ?? null,
      denominator_code: d.denominator ?? null,
      factor: d.factor ?? null,
    }));
    await sql`insert into indicators (workspace_id, id, code, name, unit, source, aggregation, composition_sensitive, numerator_code, denominator_code, factor)
      select * from jsonb_to_recordset(${json(rows)}::jsonb) as x(workspace_id uuid, id uuid, code text, name text, unit text, source text, aggregation text, composition_sensitive boolean, numerator_code text, denominator_code text, factor float8)`.execute(db);
  });
  await time('helper tables bench_areas, bench_indicators', async () => {
    await sql`create table bench_areas (n bigint primary key, id uuid not null)`.execute(db);
    await sql`create table bench_indicators (k bigint primary key, id uuid not null)`.execute(db);
    for (let i = 0; i < areas.length; i += 5000) {
      const rows = areas.slice(i, i + 5000).map((a) => ({ n: a.n, id: areaIds[a.n] }));
      await sql`insert into bench_areas select * from jsonb_to_recordset(${json(rows)}::jsonb) as x(n bigint, id uuid)`.execute(db);
    }
    const rows = defs.filter((d) => d.k >= 0).map((d) => ({ k: d.k, id: d.id }));
    await sql`insert into bench_indicators select * from jsonb_to_recordset(${json(rows)}::jsonb) as x(k bigint, id uuid)`.execute(db);
  });
  const secondary = (
    await sql<{ name: string; def: string }>`select c.relname as name, pg_get_indexdef(i.indexrelid) as def from pg_index i join pg_class c on c.oid = i.indexrelid
      where i.indrelid = 'measurements'::regclass and not i.indisprimary and not i.indisunique order by 1`.execute(db)
  ).rows;
  await time(`drop ${secondary.length} secondary index(es)`, async () => {
    for (const ix of secondary) await sql`drop index ${sql.table(ix.name)}`.execute(db);
  });
  const measured = defs.filter((d) => d.k >= 0);
  await time(`measurements (${measured.length} × INSERT … SELECT FROM generate_series)`, async () => {
    for (const d of measured) {
      await sql.raw(measurementInsert(scale, workspaceId, d.k)).execute(db);
      if (d.k % 10 === 9) log(`    ${d.k + 1} of ${measured.length} indicators…`);
    }
  });
  await time(`recreate ${secondary.length} secondary index(es)`, async () => {
    await db.connection().execute(async (conn) => {
      if (kind === 'postgres') await sql`set maintenance_work_mem = '512MB'`.execute(conn);
      for (const ix of secondary) await sql.raw(ix.def).execute(conn);
      if (kind === 'postgres') await sql`reset maintenance_work_mem`.execute(conn);
    });
  });
  await time('vacuum analyze', async () => {
    for (const t of ['measurements', 'indicators', 'areas']) await sql`vacuum analyze ${sql.table(t)}`.execute(db);
  });
  return secondary.map((s) => s.name);
}

/** The same rows in DuckDB: the app's three tables (as PostgreSQL has them, without indexes) and the same INSERT … SELECT. */
async function loadDuckDb(conn: DuckDBConnection, scale: Scale, workspaceId: string, areas: Area[], areaIds: string[], defs: IndicatorDef[], time: <T>(name: string, fn: () => Promise<T>) => Promise<T>) {
  await time('duckdb: tables and helper tables', async () => {
    await conn.run(`create table indicators (workspace_id uuid not null, id uuid not null, code varchar not null, name varchar not null, description varchar not null default '', unit varchar not null default '',
      direction varchar not null default 'neutral', source varchar not null default 'manual', period_type varchar not null default 'year', composition_sensitive boolean not null default false,
      aggregation varchar not null default 'sum', numerator_code varchar, denominator_code varchar, factor double, module varchar, created_at timestamptz default now(), updated_at timestamptz default now())`);
    await conn.run(`create table measurements (workspace_id uuid not null, indicator_id uuid not null, area_id uuid not null, period varchar not null, value double, status varchar not null default 'final',
      source_ref varchar, recorded_by uuid, recorded_at timestamptz default now())`);
    await conn.run('create table bench_areas (n bigint, id uuid)');
    await conn.run('create table bench_indicators (k bigint, id uuid)');
    const values = (rows: string[]) => rows.join(', ');
    for (let i = 0; i < areas.length; i += 5000) await conn.run(`insert into bench_areas values ${values(areas.slice(i, i + 5000).map((a) => `(${a.n}, '${areaIds[a.n]}')`))}`);
    await conn.run(`insert into bench_indicators values ${values(defs.filter((d) => d.k >= 0).map((d) => `(${d.k}, '${d.id}')`))}`);
    const lit = (v: string | number | null | undefined) => (v === null || v === undefined ? 'null' : typeof v === 'number' ? String(v) : `'${v}'`);
    await conn.run(
      `insert into indicators (workspace_id, id, code, name, unit, source, aggregation, composition_sensitive, numerator_code, denominator_code, factor) values ${values(
        defs.map((d) => `('${workspaceId}', '${d.id}', ${lit(d.code)}, ${lit(d.name)}, ${lit(d.unit)}, ${lit(d.source)}, ${lit(d.aggregation)}, ${d.unit !== 'aantal'}, ${lit(d.numerator)}, ${lit(d.denominator)}, ${lit(d.factor)})`),
      )}`,
    );
  });
  await time('duckdb: measurements (the same INSERT … SELECT per indicator)', async () => {
    for (const d of defs.filter((x) => x.k >= 0)) await conn.run(measurementInsert(scale, workspaceId, d.k));
  });
}

// SQL capture and replay

async function probeApp(b: BenchApp) {
  const capture = captureSql(b.runtime.database.db);
  const config = loadConfig({ DICHTER_DATA: b.tmp, HOST: '127.0.0.1', DICHTER_LOG_LEVEL: 'silent', DICHTER_DEMO: 'false' });
  const probe = await buildApp({ config, database: { ...b.runtime.database, db: capture.db }, modules, events: b.runtime.events });
  const headers = { authorization: `Bearer ${b.token}` };
  let platform: CompiledQuery[] | null = null;
  const request = async (slug: string, url: string) => {
    if (!platform) {
      await probe.server.inject({ url: `/api/w/${slug}/nav`, headers });
      capture.take();
      await probe.server.inject({ url: `/api/w/${slug}/nav`, headers });
      platform = capture.take();
    }
    // The first request may load the module's area directory (cached per workspace); the one measured is the second, as the app serves it from then on.
    await probe.server.inject({ url, headers });
    const cold = capture.take().length - platform.length;
    const res = await probe.server.inject({ url, headers });
    const all = capture.take();
    if (!platform.every((q, i) => all[i]?.sql === q.sql) || all.length <= platform.length) throw new Error(`cannot isolate the SQL of ${url}:\n${all.map((q) => q.sql).join('\n')}`);
    return { sql: all.slice(platform.length), cold, status: res.statusCode, body: res.body };
  };
  return { request, close: () => probe.server.close() };
}

/** A plan line with its long id lists shortened: '{0192…,0192…,…}' (500 uuids) → '{0192…, … 500 uuids}'. */
export const shortenPlanLine = (line: string) =>
  line.replace(/'\{([0-9a-f-]{36})(?:,[0-9a-f-]{36}){3,}\}'/g, (m, first: string) => `'{${first}, … ${m.split(',').length} uuids}'`);

/** The kept run's plans with the id lists shortened, as this version writes them. */
const shortenPlans = (run: { database: string; explain?: { measurementPlans: string[][] }[] }) => (run.explain ? { explain: run.explain.map((e) => ({ ...e, measurementPlans: e.measurementPlans.map((p) => p.map(shortenPlanLine)) })) } : {});

const readsMeasurements = (q: CompiledQuery) => /from "measurements"/.test(q.sql);

async function timeRuns(n: number, fn: () => Promise<unknown>): Promise<ExactLatency> {
  for (let i = 0; i < Math.min(20, n); i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return exactLatency(times);
}

async function fetchText(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers });
  const text = await res.text();
  return { status: res.status, text, type: res.headers.get('content-type') ?? '', bytes: Buffer.byteLength(text) };
}

// The CBS file

/** The raw fields of a CSV line as written (quotes kept): the R-written file has no quotes inside fields. */
function splitRaw(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      const end = line.indexOf('"', i + 1);
      out.push(line.slice(i, end + 1));
      i = end + 2;
    } else {
      const end = line.indexOf(',', i);
      out.push(line.slice(i, end === -1 ? line.length : end));
      i = end === -1 ? line.length + 1 : end + 1;
    }
  }
  return out;
}

/**
 * A Kerncijfers wijken en buurten file as CBS users get it (R's write.csv of the 2019 table):
 * the real header of ../shared (mangled column names), one row per area, the descriptive
 * columns padded as in the original, and every figure a figure of the real file as written
 * there (quoted decimal commas, `NA`, `"         ."`), picked per cell by a seeded PRNG.
 * Without ../shared: a header and figures in the same shape, made up.
 */
function cbsFile(areas: Area[], dir: string) {
  const r = prng(SEED + 11);
  let header: string;
  let columns: string[][];
  if (fs.existsSync(CBS_2019)) {
    const lines = fs.readFileSync(CBS_2019, 'utf8').split(/\r?\n/).filter(Boolean);
    header = lines[0];
    const rows = lines.slice(2).map(splitRaw);
    const width = splitRaw(header).length;
    columns = Array.from({ length: width }, (_, c) => rows.map((row) => row[c] ?? 'NA'));
  } else {
    const names = Array.from({ length: 100 }, (_, c) => `"Kenmerk.${c}..aantal."`);
    header = ['""', '"Wijken.en.buurten"', '"Regioaanduiding.Gemeentenaam..naam."', '"Regioaanduiding.Soort.regio..omschrijving."', '"Regioaanduiding.Codering..code."', '"Regioaanduiding.Indelingswijziging.wijken.en.buurten..code."', ...names].join(',');
    columns = Array.from({ length: 106 }, (_, c) => Array.from({ length: 500 }, (_, i) => (c % 3 === 0 ? `"${i % 90},${i % 10}"` : i % 50 === 0 ? 'NA' : String(i * 7))));
  }
  const kindLabel = { gemeente: 'Gemeente  ', wijk: 'Wijk      ', buurt: 'Buurt     ' };
  const gemeenteName = new Map(areas.filter((a) => a.kind === 'gemeente').map((a) => [a.gemeente, a.name]));
  const out = [header];
  for (const a of areas) {
    const cells = [`"${a.n + 1}"`, `"${a.name}"`, `"${gemeenteName.get(a.gemeente)!.padEnd(40)}"`, `"${kindLabel[a.kind]}"`, `"${a.code.padEnd(10)}"`, '"."'];
    for (let c = 6; c < columns.length; c++) cells.push(r.pick(columns[c]));
    out.push(cells.join(','));
  }
  const file = path.join(dir, IMPORT_FILE);
  fs.writeFileSync(file, `${out.join('\n')}\n`);
  return { file, bytes: fs.statSync(file).size, columns: columns.length - 6, rows: areas.length, source: fs.existsSync(CBS_2019) ? path.basename(CBS_2019) : 'made up (no /work/shared)' };
}

/** The reference for the import: the same values as plain multi-row INSERT … ON CONFLICT, 10,000 rows a statement, one transaction. */
async function bareImport(db: Db, workspaceId: string, rows: { indicatorId: string; areaId: string; period: string; value: number | null; status: string }[]) {
  let written = 0;
  await transaction(db, async (trx) => {
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH);
      const res = await sql`insert into measurements as m (workspace_id, indicator_id, area_id, period, value, status, source_ref)
        values ${sql.join(batch.map((x) => sql`(${workspaceId}, ${x.indicatorId}, ${x.areaId}, ${x.period}, ${x.value}, ${x.status}, ${IMPORT_FILE})`))}
        on conflict (workspace_id, indicator_id, area_id, period) do update set value = excluded.value, status = excluded.status
          where m.value is distinct from excluded.value or m.status is distinct from excluded.status`.execute(trx);
      written += Number(res.numAffectedRows ?? 0);
    }
  });
  return written;
}

async function workspace(b: BenchApp, name: string, slug: string) {
  const res = await b.app.server.inject({ method: 'POST', url: '/api/workspaces', headers: { authorization: `Bearer ${b.token}` }, payload: { name, slug } });
  if (res.statusCode !== 201) throw new Error(`workspace ${slug} not created: ${res.statusCode} ${res.body}`);
  return (JSON.parse(res.body) as { id: string }).id;
}

// Measuring

interface QueryMeasurement {
  name: 'comparison' | 'trend' | 'rollup';
  description: string;
  url: string;
  answer: string;
  queriesPerRequest: number;
  /** Queries of the first request, before the module's area directory was cached. */
  queriesFirstRequest: number;
  measurementQueries: number;
  sql: string[];
  duckDbSql: string[];
  levels: Level[];
  /** The request's measurement queries, one after the other, in-process. */
  sqlOnly: { postgres: ExactLatency; duckdb: ExactLatency; postgresOverDuckDb: number | null };
  /** app p95 (1 connection, over HTTP) ÷ DuckDB p95 of the same measurement queries. */
  appOverDuckDb: { p50: number | null; p95: number | null };
}

/**
 * The CBS import into a fresh workspace with the same areas (new ids): the module's importer,
 * first and re-import, against the bare multi-row INSERT of the values it stored and DuckDB's
 * read_csv of the same file.
 */
async function measureImport(b: BenchApp, db: Db, duck: { conn: DuckDBConnection }, areas: Area[], time: <T>(name: string, fn: () => Promise<T>) => Promise<T>, log: (line: string) => void) {
  const importSlug = 'cbs-import';
  const importWs = await workspace(b, 'CBS import', importSlug);
  const importAreaIds = await time('areas of the import workspace', () => insertAreas(db, importWs, areas));
  void importAreaIds;
  const file = cbsFile(areas, b.tmp);
  const data = fs.readFileSync(file.file);
  const tenancyCtx: ServiceContext = { ...b.cli, actor: b.actor };
  const scope = await b.runtime.registry.tenancy(tenancyCtx, importSlug);
  if (!scope) throw new Error('import workspace not found');
  const ctx: ServiceContext = { ...tenancyCtx, workspace: scope };
  const runImport = async () => {
    const t0 = performance.now();
    const report = await importIndicatorFile(ctx, { fileName: IMPORT_FILE, data, mapping: 'auto' });
    return { ms: performance.now() - t0, report };
  };
  const first = await runImport();
  const again = await runImport();
  const written = first.report.values.new + first.report.values.changed;
  const seen = (v: typeof first.report.values) => v.new + v.changed + v.unchanged;
  if (written === 0) throw new Error(`the import wrote nothing: ${json(first.report.values)}`);
  if (again.report.values.new + again.report.values.changed !== 0) throw new Error(`re-importing changed something: ${json(again.report.values)}`);
  log(`  import: ${seen(first.report.values)} values (${first.report.values.suppressed} suppressed) in ${round(first.ms)} ms, re-import ${round(again.ms)} ms (changed nothing); ${first.report.skippedTotal} skipped cells/rows`);

  // The bare reference: the values the import stored, as plain multi-row INSERT … ON CONFLICT into a third workspace.
  const stored = (
    await sql<{ indicatorId: string; areaId: string; period: string; value: number | null; status: string }>`select indicator_id, area_id, period, value, status from measurements where workspace_id = ${importWs} order by indicator_id, area_id, period`.execute(db)
  ).rows;
  const bareWs = await workspace(b, 'CBS import (referentie)', 'cbs-import-referentie');
  const bareFirst = performance.now();
  const bareWritten = await bareImport(db, bareWs, stored);
  const bareFirstMs = performance.now() - bareFirst;
  const bareAgain = performance.now();
  const bareRewritten = await bareImport(db, bareWs, stored);
  const bareAgainMs = performance.now() - bareAgain;
  if (bareWritten !== stored.length || bareRewritten !== 0) throw new Error(`bare import wrote ${bareWritten} then ${bareRewritten} of ${stored.length}`);

  // DuckDB reads the same file: every cell as text, then the figures long (unpivoted) and parsed.
  const duckCsv = performance.now();
  await duck.conn.run(`create table kwb as select * from read_csv('${file.file}', header = true, all_varchar = true, quote = '"', delim = ',')`);
  const firstColumn = String((await duckRows(duck.conn, "describe kwb"))[0].column_name);
  await duck.conn.run(
    `create table kwb_long as select trim("Regioaanduiding.Codering..code.") as code, name as column_name,
       case when trim(value) in ('', '.', 'NA') then null when try_cast(replace(trim(value), ',', '.') as double) <= -99990 then null else try_cast(replace(trim(value), ',', '.') as double) end as value
     from (unpivot (select * exclude ("${firstColumn}", "Wijken.en.buurten", "Regioaanduiding.Gemeentenaam..naam.", "Regioaanduiding.Soort.regio..omschrijving.", "Regioaanduiding.Indelingswijziging.wijken.en.buurten..code.") from kwb)
           on columns(* exclude ("Regioaanduiding.Codering..code.")) into name name value value)
     where try_cast(replace(trim(value), ',', '.') as double) is not null`,
  );
  const [{ n: duckValues }] = await duckRows(duck.conn, 'select count(*) as n from kwb_long');
  const duckCsvMs = performance.now() - duckCsv;

  return {
    file: { ...file, file: path.basename(file.file), period: '2019 (from the file name)' },
    values: first.report.values,
    columnsMapped: first.report.columns.filter((c) => c.indicator).length,
    indicatorsCreated: first.report.indicatorsCreated.length,
    skippedTotal: first.report.skippedTotal,
    first: { ms: round(first.ms), valuesPerSecond: Math.round(seen(first.report.values) / (first.ms / 1000)) },
    reimport: { ms: round(again.ms), values: again.report.values, valuesPerSecond: Math.round(seen(again.report.values) / (again.ms / 1000)) },
    bareInsert: {
      rows: stored.length,
      first: { ms: round(bareFirstMs), valuesPerSecond: Math.round(stored.length / (bareFirstMs / 1000)) },
      again: { ms: round(bareAgainMs), valuesPerSecond: Math.round(stored.length / (bareAgainMs / 1000)), written: bareRewritten },
      method: `the values the import stored, as multi-row INSERT … VALUES … ON CONFLICT DO UPDATE … WHERE distinct, ${BATCH} rows a statement, one transaction, into another workspace (no parsing, no area look-up, no mapping)`,
    },
    duckDbReadCsv: { ms: round(duckCsvMs), values: Number(duckValues), valuesPerSecond: Math.round(Number(duckValues) / (duckCsvMs / 1000)), method: "read_csv(all_varchar) into a table, then UNPIVOT of the figure columns with the decimal comma, NA, '.' and ≤ −99990 handled, into a long table" },
    ratios: { appOverBare: ratio(first.ms / seen(first.report.values), bareFirstMs / stored.length), appOverDuckDb: ratio(first.ms / seen(first.report.values), duckCsvMs / Number(duckValues)) },
  };
}

async function measure(kind: DbKind, scale: Scale, reduced: boolean, seconds: number, warmup: number, log: (line: string) => void) {
  const measuredValues = scale.areas * scale.indicators * scale.years;
  log(`indicators on ${kind}: ${scale.areas} areas × ${scale.indicators} indicators × ${scale.years} years = ${measuredValues} measurements${reduced ? ' (reduced scale)' : ''}; setting up…`);
  const started = performance.now();
  const b = await startBenchApp(kind, 'indicators');
  const db = b.runtime.database.db;
  const bare: FastifyInstance = Fastify();
  const duck = await openDuckDb(path.join(b.tmp, 'bench.duckdb'));
  const { timings, time } = stopwatch(log);
  try {
    const slug = 'cbs-landelijk';
    const wsId = await workspace(b, 'CBS landelijk (statistiek)', slug);
    const areas = geography(scale);
    const areaIds = await time(`areas (${areas.length})`, () => insertAreas(db, wsId, areas));
    const defs = indicatorDefs(scale);
    const dropped = await loadPostgres(db, kind, scale, wsId, areas, areaIds, defs, time, log);
    await loadDuckDb(duck.conn, scale, wsId, areas, areaIds, defs, time);
    const pgCheck = toCheck((await sql.raw<Record<string, unknown>>(`${CHECK_SQL}'${wsId}'`).execute(db)).rows[0]);
    const duckCheck = toCheck((await duckRows(duck.conn, `${CHECK_SQL}'${wsId}'`))[0]);
    if (!sameCheck(pgCheck, duckCheck)) throw new Error(`PostgreSQL and DuckDB hold different data: ${json(pgCheck)} vs ${json(duckCheck)}`);
    if (pgCheck.n !== measuredValues) throw new Error(`expected ${measuredValues} measurements, found ${pgCheck.n}`);
    log(`  same data in both: ${pgCheck.n} measurements, ${pgCheck.suppressed} suppressed, sum ${pgCheck.total}`);
    const setupSeconds = round((performance.now() - started) / 1000, 1);

    // The probes: the largest gemeente, a buurt in it, a ratio indicator and a share.
    const gemeenteOf = (i: number) => areas.filter((a) => a.gemeente === i);
    const largest = gemeenteOf(0);
    const gm = largest[0];
    const buurten = largest.filter((a) => a.kind === 'buurt');
    const buurt = buurten[Math.floor(buurten.length / 2)];
    const wijkCount = largest.filter((a) => a.kind === 'wijk').length;
    const share = defs.find((d) => d.k >= 0 && d.aggregation === 'mean') ?? defs[1];
    const counted = defs.find((d) => d.k === 1)!;
    const formula = defs.find((d) => d.source === 'formula')!;
    const probes = [
      { name: 'comparison' as const, url: `/api/w/${slug}/indicators/${share.code}/comparison?area=${buurt.code}&period=${PERIOD}&peers=municipality`, description: `all ${buurten.length} buurten of the largest gemeente (${gm.code}) for one share (${share.code}, ${PERIOD}), ranked with distance and attention signal` },
      { name: 'trend' as const, url: `/api/w/${slug}/indicators/${counted.code}/trend?area=${buurt.code}`, description: `${scale.years}-year trend of one count (${counted.code}) in buurt ${buurt.code}` },
      { name: 'rollup' as const, url: `/api/w/${slug}/indicators/${formula.code}/rollup?area=${gm.code}&period=${PERIOD}`, description: `ratio indicator ${formula.code} (${formula.numerator} / ${formula.denominator} × ${formula.factor}) rolled up to gemeente ${gm.code} from its ${wijkCount} wijken` },
    ];

    const probe = await probeApp(b);
    const captured = [];
    for (const p of probes) {
      const c = await probe.request(slug, p.url);
      if (c.status !== 200) throw new Error(`${p.url} answered ${c.status}: ${c.body.slice(0, 300)}`);
      const body = JSON.parse(c.body) as Record<string, unknown>;
      const m = c.sql.filter(readsMeasurements);
      if (m.length === 0) throw new Error(`${p.url}: no measurements query among ${c.sql.length}`);
      // Answers checked against DuckDB running the same measurement queries.
      const duckResults = [];
      for (const q of m) duckResults.push(await duckRows(duck.conn, forDuckDb(q)));
      const main = duckResults[duckResults.length - 1];
      let answer: string;
      if (p.name === 'comparison') {
        const items = body.items as { value: number | null; status: string | null; rank: number | null }[];
        const withRow = items.filter((i) => i.status !== null).length;
        if (items.length !== buurten.length || main.length !== withRow) throw new Error(`comparison: ${items.length} items for ${buurten.length} buurten; DuckDB ${main.length} rows`);
        answer = `${items.length} buurten, ${main.length} with a figure, ranks 1–${Math.max(...items.map((i) => i.rank ?? 0))}`;
      } else if (p.name === 'trend') {
        const items = body.items as unknown[];
        if (items.length !== scale.years || main.length !== scale.years) throw new Error(`trend: ${items.length} periods, DuckDB ${main.length}`);
        answer = `${items.length} periods`;
      } else {
        const value = body.value as number;
        const numId = defs.find((d) => d.code === formula.numerator)!.id;
        const sum = (id: string) => main.filter((r) => String(r.indicatorId ?? r.indicator_id) === id && r.value !== null).reduce((n, r) => n + Number(r.value), 0);
        const expected = (sum(numId) / sum(defs[0].id)) * formula.factor!;
        if (!(Math.abs(value - expected) <= 1e-9 * Math.abs(expected))) throw new Error(`rollup: app ${value}, Σnumerator / Σdenominator × factor in DuckDB ${expected}`);
        answer = `${round(value, 3)} from ${body.children as number} wijken (= Σ${formula.numerator} / Σ${formula.denominator} × ${formula.factor} in DuckDB)`;
      }
      const barePath = `/bare/${p.name}`;
      const queries = c.sql;
      bare.get(barePath, async () => {
        const results = [];
        for (const q of queries) results.push(await db.executeQuery(q));
        return { rows: results.filter((_, i) => readsMeasurements(queries[i])).map((r) => r.rows), counts: results.map((r) => r.rows.length) };
      });
      captured.push({ ...p, sql: c.sql, coldQueries: c.cold, measurementSql: m, answer, barePath, bytes: Buffer.byteLength(c.body) });
      log(`  ${p.name}: ${answer}; ${c.sql.length} queries (first request ${c.cold}), ${m.length} on measurements`);
    }
    await probe.close();

    const appUrl = await listen(b.app.server);
    const bareUrl = await listen(bare);
    const headers = { authorization: `Bearer ${b.token}` };
    const results: QueryMeasurement[] = [];
    for (const c of captured) {
      const targets: Record<Which, { url: string; headers?: Record<string, string> }> = { app: { url: `${appUrl}${c.url}`, headers }, bare: { url: `${bareUrl}${c.barePath}` } };
      for (const t of Object.values(targets)) {
        const res = await fetchText(t.url, t.headers);
        if (res.status !== 200) throw new Error(`${t.url}: ${res.status} ${res.text.slice(0, 300)}`);
      }
      await runLoad({ ...targets.app, connections: 16, seconds: warmup });
      await runLoad({ ...targets.bare, connections: 16, seconds: warmup });
      const levels = await compareLevels((which, connections) => runLoad({ ...targets[which], connections, seconds, exactLatencies: true }), CONNECTION_LEVELS, log, c.name);
      const duckSql = c.measurementSql.map(forDuckDb);
      const pgOnly = await timeRuns(EXACT_RUNS, async () => {
        for (const q of c.measurementSql) await db.executeQuery(q);
      });
      const duckOnly = await timeRuns(EXACT_RUNS, async () => {
        for (const text of duckSql) await duck.conn.runAndReadAll(text);
      });
      const app1 = levels[0].app.exactLatencyMs!;
      log(`  ${c.name} measurement SQL in-process: PostgreSQL p50 ${pgOnly.p50} p95 ${pgOnly.p95} ms | DuckDB p50 ${duckOnly.p50} p95 ${duckOnly.p95} ms`);
      results.push({
        name: c.name,
        description: c.description,
        url: c.url.replace(slug, ':workspace'),
        answer: c.answer,
        queriesPerRequest: c.sql.length,
        queriesFirstRequest: c.coldQueries,
        measurementQueries: c.measurementSql.length,
        sql: c.sql.map((q) => compact(q.sql)),
        duckDbSql: duckSql.map((s) => compact(s).replace(/\[('[0-9a-f-]{36}', ){3,}/g, '[… ').slice(0, 400)),
        levels,
        sqlOnly: { postgres: pgOnly, duckdb: duckOnly, postgresOverDuckDb: ratio(pgOnly.p95, duckOnly.p95) },
        appOverDuckDb: { p50: ratio(app1.p50, duckOnly.p50), p95: ratio(app1.p95, duckOnly.p95) },
      });
    }

    // EXPLAIN (ANALYZE, BUFFERS) of every captured query, once, warm; the full plan of the measurement queries.
    const explained = [];
    for (const c of captured) {
      const plans = await explainAll(db, c.sql);
      const measurementPlans = [];
      for (const q of c.measurementSql) measurementPlans.push((await explainText(db, q)).map(shortenPlanLine));
      explained.push({ name: c.name, queries: plans, measurementPlans });
    }

    const importResult = await measureImport(b, db, duck, areas, time, log);

    const settings =
      kind === 'postgres'
        ? Object.fromEntries(
            (
              await sql<{ name: string; setting: string; unit: string | null }>`select name, setting, unit from pg_settings
                where name in ('shared_buffers', 'work_mem', 'effective_cache_size', 'random_page_cost', 'jit', 'max_parallel_workers_per_gather', 'synchronous_commit', 'server_version')`.execute(db)
            ).rows.map((r) => [r.name, r.unit ? `${r.setting} × ${r.unit}` : r.setting]),
          )
        : { server_version: (await sql<{ v: string }>`select version() as v`.execute(db)).rows[0].v };
    const sizes = (
      await sql<{ name: string; bytes: number }>`select c.relname as name, pg_total_relation_size(c.oid) as bytes from pg_class c where c.relname in ('measurements', 'measurements_pkey', 'measurements_period_idx', 'areas') order by 1`.execute(db)
    ).rows;

    await bare.close();
    await b.app.server.close();
    const failures = results.flatMap((m) => m.levels).reduce((n, l) => n + l.app.errors + l.app.non2xx + l.bare.errors + l.bare.non2xx, 0);
    const p95 = (name: string, connections: number) => {
      const e = results.find((m) => m.name === name)!.levels.find((l) => l.connections === connections)!.app.exactLatencyMs!;
      return e.count ? e.p95 : Infinity;
    };
    const duckFactor = (name: string) => results.find((m) => m.name === name)!.appOverDuckDb.p95;
    return {
      database: kind,
      scale: { ...scale, formulaIndicators: defs.length - scale.indicators, measurements: pgCheck.n, reduced, note: reduced ? 'PGlite runs a tenth of the measurements (the same 14,700 areas and 10 years, 10 measured indicators instead of 100: 1.47M): one WASM instance in the server process.' : 'national scale' },
      databaseSettings: settings,
      duckdb: { version: duck.version, storage: 'a database file in the temp folder, default settings (all cores), no indexes (zone maps only), rows in the same key order as inserted into PostgreSQL' },
      setupSeconds,
      data: {
        areas: { total: areas.length, gemeente: areas.filter((a) => a.kind === 'gemeente').length, wijk: areas.filter((a) => a.kind === 'wijk').length, buurt: areas.filter((a) => a.kind === 'buurt').length, largestGemeente: { code: gm.code, wijken: wijkCount, buurten: buurten.length } },
        indicators: { measured: scale.indicators, formula: defs.length - scale.indicators, sum: defs.filter((d) => d.aggregation === 'sum').length, mean: defs.filter((d) => d.aggregation === 'mean').length },
        periods: `${FIRST_YEAR}–${FIRST_YEAR + scale.years - 1}`,
        check: { postgres: pgCheck, duckdb: duckCheck, same: true },
        generator: `value = a hash of (area n, indicator k, year y) in 64-bit integer arithmetic, the same INSERT … SELECT … FROM generate_series text in both engines; inwoners 200–4,199; counts inwoners × (0–49 %) rounded down; shares 0.0–99.9; indicators k ≡ 7 (mod 10) suppressed when the hash ≡ 0 (mod 97); areas and ids from sfc32 seed ${SEED}`,
        sizesMB: Object.fromEntries(sizes.map((x) => [x.name, round(Number(x.bytes) / 1048576, 1)])),
        droppedDuringLoad: dropped,
        loadMs: timings,
      },
      measurements: results,
      explain: explained,
      import: importResult,
      targets: {
        comparisonP95Ms: { target: TARGET.comparisonP95Ms, at1: p95('comparison', 1), at16: p95('comparison', 16), met: p95('comparison', 1) < TARGET.comparisonP95Ms, metAt16: p95('comparison', 16) < TARGET.comparisonP95Ms },
        trendP95Ms: { target: TARGET.trendP95Ms, at1: p95('trend', 1), at16: p95('trend', 16), met: p95('trend', 1) < TARGET.trendP95Ms, metAt16: p95('trend', 16) < TARGET.trendP95Ms },
        rollupP95Ms: { target: null, at1: p95('rollup', 1), at16: p95('rollup', 16), note: 'no latency target in the issue; reported' },
        withinDuckDb: Object.fromEntries(results.map((m) => [m.name, { factor: m.appOverDuckDb.p95, target: TARGET.duckDbFactor, met: (duckFactor(m.name) ?? Infinity) <= TARGET.duckDbFactor }])),
        importValuesPerSecond: { target: TARGET.importValuesPerSecond, first: importResult.first.valuesPerSecond, reimport: importResult.reimport.valuesPerSecond, met: importResult.first.valuesPerSecond >= TARGET.importValuesPerSecond },
      },
      failures,
    };
  } finally {
    await bare.close().catch(() => {});
    await b.app.server.close().catch(() => {});
    duck.close();
    await b.runtime.close();
    await b.drop?.();
    fs.rmSync(b.tmp, { recursive: true, force: true });
  }
}

/** The demo workspace's progress report as HTML, on a fresh app with the demo loaded. */
async function measureReport(kind: DbKind, log: (line: string) => void) {
  const b = await startBenchApp(kind, 'indicators-report');
  try {
    const t0 = performance.now();
    await loadDemo(b.cli, b.runtime.registry, () => {});
    const demoMs = performance.now() - t0;
    const admin = await auth.findUserByEmail(b.runtime.database.db, DEMO.adminEmail);
    if (!admin) throw new Error('demo beheerder not found');
    const { token } = await auth.createToken({ ...b.cli, actor: { userId: admin.id, email: admin.email, name: admin.name, isAdmin: false, via: 'cli' } }, 'bench');
    const base = await listen(b.app.server);
    const url = `${base}/api/w/${DEMO.slug}/reports/progress?format=html`;
    const headers = { authorization: `Bearer ${token}` };
    const firstStarted = performance.now();
    const first = await fetchText(url, headers);
    const firstMs = performance.now() - firstStarted;
    if (first.status !== 200 || !first.type.includes('text/html')) throw new Error(`report: ${first.status} ${first.type} ${first.text.slice(0, 300)}`);
    const times: number[] = [];
    for (let i = 0; i < REPORT_RUNS; i++) {
      const s = performance.now();
      const res = await fetchText(url, headers);
      if (res.status !== 200) throw new Error(`report: ${res.status}`);
      times.push(performance.now() - s);
    }
    const latency = exactLatency(times);
    log(`  progress report (${kind}, demo): first ${round(firstMs)} ms, then p50 ${latency.p50} p95 ${latency.p95} ms over ${REPORT_RUNS}; ${first.bytes} bytes`);
    return {
      database: kind,
      url: `GET /api/w/${DEMO.slug}/reports/progress?format=html`,
      demoLoadMs: round(demoMs),
      bytes: first.bytes,
      charts: (first.text.match(/<svg/g) ?? []).length,
      firstMs: round(firstMs),
      latencyMs: latency,
      target: { p95Ms: TARGET.reportP95Ms, met: latency.p95 < TARGET.reportP95Ms },
    };
  } finally {
    await b.app.server.close().catch(() => {});
    await b.runtime.close();
    await b.drop?.();
    fs.rmSync(b.tmp, { recursive: true, force: true });
  }
}

/**
 * BENCH_INDICATORS_ONLY=import: the import part alone (importer, bare INSERT, DuckDB read_csv) on a
 * fresh database without the 14.7M generated measurements, for iterating on the importer. It writes
 * no results file: its measurements table starts empty, which the full run's does not.
 */
async function measureImportOnly(kind: DbKind, scale: Scale, log: (line: string) => void) {
  const b = await startBenchApp(kind, 'indicators-import');
  const duck = await openDuckDb(path.join(b.tmp, 'bench.duckdb'));
  const { time } = stopwatch(log);
  try {
    const areas = geography(scale);
    const i = await measureImport(b, b.runtime.database.db, duck, areas, time, log);
    log(`\nindicators import only (${kind}): ${areas.length} areas, ${i.file.columns} columns, ${i.file.bytes} bytes; empty measurements table beforehand (no results file written)`);
    log(importTable(i));
    return i;
  } finally {
    duck.close();
    await b.app.server.close().catch(() => {});
    await b.runtime.close();
    await b.drop?.();
    fs.rmSync(b.tmp, { recursive: true, force: true });
  }
}

const importTable = (i: Awaited<ReturnType<typeof measureImport>>) =>
  table(
    ['import', 'values', 'ms', 'values/s'],
    [
      ['importer, first', i.values.new + i.values.changed + i.values.unchanged, i.first.ms, i.first.valuesPerSecond],
      ['importer, re-import', i.reimport.values.unchanged, i.reimport.ms, i.reimport.valuesPerSecond],
      ['bare INSERT, first', i.bareInsert.rows, i.bareInsert.first.ms, i.bareInsert.first.valuesPerSecond],
      ['bare INSERT, again', i.bareInsert.rows, i.bareInsert.again.ms, i.bareInsert.again.valuesPerSecond],
      ['DuckDB read_csv', i.duckDbReadCsv.values, i.duckDbReadCsv.ms, i.duckDbReadCsv.valuesPerSecond],
    ],
  );

export async function indicators(log: (line: string) => void = console.log) {
  const seconds = envSeconds('BENCH_SECONDS', 10);
  const warmup = envSeconds('BENCH_WARMUP_SECONDS', 3);
  const requested = (process.env.BENCH_DATABASES ?? '').split(',').filter(Boolean) as DbKind[];
  const kinds: DbKind[] = requested.length ? requested : process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
  if (kinds.includes('postgres') && !process.env.DATABASE_URL) throw new Error('postgres needs DATABASE_URL');
  // For trying the benchmark out: BENCH_INDICATORS_FRACTION=0.05 keeps 5 % of the areas (gemeenten, wijken and buurten alike).
  const fraction = Number(process.env.BENCH_INDICATORS_FRACTION ?? 1);
  if (!(fraction > 0 && fraction <= 1)) throw new Error('BENCH_INDICATORS_FRACTION must be in (0, 1]');
  const scaleOf = (kind: DbKind): Scale => {
    const base = kind === 'postgres' ? FULL : REDUCED;
    return fraction === 1 ? base : { ...base, gemeenten: Math.max(3, Math.round(base.gemeenten * fraction)), wijken: Math.max(6, Math.round(base.wijken * fraction)), areas: Math.max(30, Math.round(base.areas * fraction)) };
  };
  const only = process.env.BENCH_INDICATORS_ONLY;
  if (only !== undefined && only !== 'import') throw new Error('BENCH_INDICATORS_ONLY can only be "import"');
  if (only === 'import') {
    const imports = [];
    for (const kind of kinds) imports.push({ database: kind, import: await measureImportOnly(kind, scaleOf(kind), log) });
    return { benchmark: 'indicators', only, imports };
  }
  const machine = machineInfo();
  const runs = [];
  const reports = [];
  for (const kind of kinds) {
    const scaled = scaleOf(kind);
    const loadAverage = machineInfo().loadAverage;
    runs.push({ ...(await measure(kind, scaled, kind !== 'postgres' || fraction !== 1, seconds, warmup, log)), loadAverage: { atStart: loadAverage, atEnd: finish(machineInfo()).loadAverageAtEnd } });
    reports.push(await measureReport(kind, log));
  }
  // BENCH_INDICATORS_APPEND=1 keeps the runs of the other databases from the last result file (each run carries its own date and load average).
  const earlier: { runs: { database: string; explain?: { measurementPlans: string[][] }[] }[]; reports: { database: string }[]; machine: { date: string } } | null =
    process.env.BENCH_INDICATORS_APPEND && fs.existsSync(path.join(RESULTS_DIR, 'indicators.json')) ? JSON.parse(fs.readFileSync(path.join(RESULTS_DIR, 'indicators.json'), 'utf8')) : null;
  const kept = earlier ? { runs: earlier.runs.filter((r) => !kinds.includes(r.database as DbKind)).map((r) => ({ ...r, measuredOn: (r as { measuredOn?: string }).measuredOn ?? earlier.machine.date, ...shortenPlans(r) })), reports: earlier.reports.filter((r) => !kinds.includes(r.database as DbKind)) } : { runs: [], reports: [] };

  const result = {
    benchmark: 'indicators',
    description:
      'The indicators module at national scale (PostgreSQL: 14,700 areas × 100 indicators × 10 years = 14.7M measurements, plus 10 formula indicators; PGlite: a tenth), beside DuckDB on the same rows in the same run. Area comparison (all buurten of the largest gemeente, ranked), 10-year trend of one buurt and the roll-up of a ratio indicator to a gemeente through the real app (token, tenancy, zod, area directory, ranking) against a bare Fastify route replaying the request\'s captured SQL on the same database handle, and the request\'s measurement queries in-process on PostgreSQL and DuckDB. The CBS import of an R-written Kerncijfers CSV of every area through the module\'s importer, against plain INSERTs of the same values and DuckDB\'s read_csv. The demo workspace\'s progress report as HTML. Ratios are app ÷ reference.',
    machine: finish(machine),
    databases: [...kept.runs.map((r) => r.database), ...kinds],
    ...(kept.runs.length ? { appendedFrom: `runs of ${kept.runs.map((r) => r.database).join(', ')} kept from an earlier invocation (BENCH_INDICATORS_APPEND=1); see measuredOn and loadAverage of each run` } : {}),
    settings: {
      secondsPerMeasurement: seconds,
      warmupSeconds: warmup,
      connections: CONNECTION_LEVELS,
      exactRuns: EXACT_RUNS,
      reportRuns: REPORT_RUNS,
      targets: TARGET,
      loadGenerator: 'autocannon 8 (programmatic), in a separate child process; servers on 127.0.0.1 in the benchmark process; DuckDB (@duckdb/node-api) in the benchmark process',
      latencyNote:
        'levels: every 2xx response time (fractional ms), nearest-rank percentiles; sqlOnly: the request\'s measurement queries run one after the other in-process, 200 times after 20 warm-up runs (PostgreSQL through the app\'s Kysely handle with parameters; DuckDB with the parameters as literals). Latency targets are judged on the app\'s p95 at 1 connection (met) and reported at 16 (metAt16); "within 5× of DuckDB" is app p95 at 1 connection ÷ DuckDB p95.',
      ...(fraction !== 1 ? { fraction } : {}),
    },
    runs: [...kept.runs, ...runs.map((r) => ({ ...r, measuredOn: machine.date }))],
    reports: [...kept.reports, ...reports],
  };
  const file = writeResult('indicators', result);

  for (const run of runs) {
    log(`\nindicators (${run.database}${run.scale.reduced ? ', reduced scale' : ''}): ${run.scale.measurements} measurements, ${run.data.areas.total} areas; loaded in ${run.setupSeconds} s; DuckDB ${run.duckdb.version}`);
    const e = (x: LoadSummary) => (x.exactLatencyMs!.count ? x.exactLatencyMs! : { p50: null, p95: null, p99: null });
    log(
      table(
        ['query', 'conns', 'app rps', 'app p50', 'app p95', 'app p99', 'bare p95', 'app/bare', 'PG sql p95', 'DuckDB p95', 'app/DuckDB'],
        run.measurements.flatMap((m) => m.levels.map((l) => [m.name, l.connections, l.app.requestsPerSecond, e(l.app).p50, e(l.app).p95, e(l.app).p99, e(l.bare).p95, l.ratio.p95, m.sqlOnly.postgres.p95, m.sqlOnly.duckdb.p95, l.connections === 1 ? m.appOverDuckDb.p95 : null])),
      ),
    );
    log(importTable(run.import));
    const t = run.targets;
    const yes = (b: boolean) => (b ? 'met' : 'NOT met');
    log(
      `targets: comparison p95 ${t.comparisonP95Ms.at1} ms at 1 conn (${yes(t.comparisonP95Ms.met)}), ${t.comparisonP95Ms.at16} at 16; trend p95 ${t.trendP95Ms.at1} ms (${yes(t.trendP95Ms.met)}), ${t.trendP95Ms.at16} at 16; ` +
        `within 5× of DuckDB: ${Object.entries(t.withinDuckDb).map(([k, v]) => `${k} ${v.factor}× (${yes(v.met)})`).join(', ')}; import ${t.importValuesPerSecond.first} values/s (${yes(t.importValuesPerSecond.met)})`,
    );
    if (run.failures) log(`WARNING: ${run.failures} failed requests — these figures are not valid.`);
  }
  for (const r of reports) log(`progress report (${r.database}): p50 ${r.latencyMs.p50} ms, p95 ${r.latencyMs.p95} ms (${r.target.met ? 'met' : 'NOT met'}, target < ${TARGET.reportP95Ms} ms)`);
  log(`latency in ms; ratio = app ÷ reference. Written ${path.relative(process.cwd(), file)}`);
  return result;
}
