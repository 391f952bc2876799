/**
 * http-read: the app's list endpoint against a bare Fastify route that runs the same SQL on
 * the same database handle, in the same process and the same run. The ratio app/bare is
 * what the app's pipeline costs (auth, tenancy check, validation, serialization, headers).
 */
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import type { CompiledQuery } from 'kysely';
import { type ServiceContext } from '../src/platform/context';
import { buildApp, type App } from '../src/platform/http/app';
import type { Runtime } from '../src/platform/runtime';
import { modules } from '../src/modules';
import { runLoad, type LoadSummary } from './lib/load';
import { finish, machineInfo } from './lib/machine';
import { captureSql } from './lib/sql-capture';
import { listen, startBenchApp } from './lib/app';
import { envSeconds, ratio, table, writeResult } from './lib/util';
import { seedReadData, type SeededData } from './lib/seed';

const CONNECTION_LEVELS = [1, 16, 64];

interface Level {
  connections: number;
  /** Which server was loaded first at this level (alternates between levels). */
  order: ('app' | 'bare')[];
  app: LoadSummary;
  bare: LoadSummary;
  /** app ÷ bare. Throughput below 1 and latency above 1 mean the app is slower. */
  ratio: { requestsPerSecond: number | null; latencyMeanMs: number | null; latencyP50: number | null; latencyP90: number | null; latencyP99: number | null };
}

export interface HttpReadRun {
  database: 'pglite' | 'postgres';
  data: SeededData;
  app: { method: 'GET'; route: string; url: string; statusCode: number; responseBytes: number; items: number; total: number; queriesPerRequest: number };
  bare: { method: 'GET'; route: string; statusCode: number; responseBytes: number; items: number; total: number; queriesPerRequest: number };
  /** The endpoint's own SQL, replayed verbatim by the bare route (auth and tenancy queries excluded). */
  sql: { sql: string; parameters: readonly unknown[] }[];
  /** What the app runs on top for every scoped request (token and tenancy look-ups). */
  platformSql: string[];
  levels: Level[];
  /** Errors, timeouts and non-2xx responses over all measured runs; must be 0. */
  failures: number;
}

interface Setup {
  runtime: Runtime;
  app: App;
  bare: FastifyInstance;
  appUrl: string;
  bareUrl: string;
  token: string;
  route: string;
  data: SeededData;
  sql: CompiledQuery[];
  platformSql: CompiledQuery[];
  appQueries: number;
  drop?: () => Promise<void>;
  tmp: string;
}

async function inject(app: App, url: string, token: string, method: 'GET' | 'POST' = 'GET', body?: unknown) {
  const res = await app.server.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(body !== undefined ? { payload: body as never } : {}) });
  return { status: res.statusCode, body: res.body };
}

async function setUp(kind: 'pglite' | 'postgres', log: (line: string) => void): Promise<Setup> {
  const { config, runtime, app, cli, actor, token, tmp, drop } = await startBenchApp(kind, 'http');
  try {
    const slug = 'bench-amsterdam';
    const created = await inject(app, '/api/workspaces', token, 'POST', { name: 'Benchmark Amsterdam', slug });
    if (created.status !== 201) throw new Error(`workspace not created: ${created.status} ${created.body}`);
    const scope = await app.registry.tenancy({ ...cli, actor }, slug);
    if (!scope) throw new Error('workspace not found after creating it');

    const started = performance.now();
    const data = await seedReadData({ app, ctx: { ...cli, actor, workspace: scope }, slug, token });
    log(`  ${kind}: ${data.description} (${Math.round(performance.now() - started)} ms)`);

    // The endpoint's SQL: run the request once through a copy of the app whose database
    // handle records queries, and drop the queries every scoped request makes (token and
    // tenancy: what GET /api/w/:workspace/nav runs, which has no queries of its own).
    const capture = captureSql(runtime.database.db);
    const probe = await buildApp({ config, database: { ...runtime.database, db: capture.db }, modules, events: runtime.events });
    await inject(probe, `/api/w/${slug}/nav`, token); // touches the token, so later requests do not
    capture.take();
    const nav = await inject(probe, `/api/w/${slug}/nav`, token);
    const common = capture.take();
    const probed = await inject(probe, data.url, token);
    const all = capture.take();
    await probe.server.close();
    if (nav.status !== 200 || probed.status !== 200) throw new Error(`probe requests failed: nav ${nav.status}, ${data.url} ${probed.status} ${probed.body.slice(0, 300)}`);
    const prefixMatches = common.every((q, i) => all[i]?.sql === q.sql);
    if (!prefixMatches || all.length <= common.length) throw new Error(`cannot isolate the endpoint's SQL:\n${all.map((q) => q.sql).join('\n')}`);
    const sql = all.slice(common.length);

    const db = runtime.database.db;
    const bare = Fastify();
    // The endpoint's queries, sent together as its repository does (rows and count in
    // Promise.all); no auth, tenancy, validation, response schema, audit or security headers.
    bare.get('/bare', async () => {
      const [rows, count] = await Promise.all(sql.map((query) => db.executeQuery(query)));
      const n = (count?.rows[0] as { n?: unknown } | undefined)?.n;
      return { items: rows.rows, total: n !== undefined ? Number(n) : rows.rows.length };
    });

    const appUrl = await listen(app.server);
    const bareUrl = await listen(bare);
    return { runtime, app, bare, appUrl, bareUrl, token, route: data.route, data, sql, platformSql: common, appQueries: all.length, drop, tmp };
  } catch (err) {
    await drop?.().catch(() => {});
    throw err;
  }
}

async function tearDown(s: Setup) {
  await s.bare.close();
  await s.app.server.close();
  await s.runtime.close();
  await s.drop?.();
  fs.rmSync(s.tmp, { recursive: true, force: true });
}

async function fetchOnce(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers });
  const text = await res.text();
  let items = -1;
  let total = -1;
  try {
    const body = JSON.parse(text) as { items?: unknown[]; total?: number };
    items = Array.isArray(body.items) ? body.items.length : -1;
    total = body.total ?? -1;
  } catch {
    /* not JSON */
  }
  return { status: res.status, bytes: Buffer.byteLength(text), items, total, text };
}

async function measure(kind: 'pglite' | 'postgres', seconds: number, warmup: number, log: (line: string) => void): Promise<HttpReadRun> {
  log(`http-read on ${kind}: setting up…`);
  const s = await setUp(kind, log);
  try {
    const auth = { authorization: `Bearer ${s.token}` };
    const appTarget = `${s.appUrl}${s.data.url}`;
    const bareTarget = `${s.bareUrl}/bare`;
    // Both must answer 200 with the same rows, or the comparison means nothing.
    const appOnce = await fetchOnce(appTarget, auth);
    const bareOnce = await fetchOnce(bareTarget);
    if (appOnce.status !== 200) throw new Error(`app answered ${appOnce.status}: ${appOnce.text.slice(0, 300)}`);
    if (bareOnce.status !== 200) throw new Error(`bare route answered ${bareOnce.status}: ${bareOnce.text.slice(0, 300)}`);
    if (appOnce.items !== bareOnce.items || appOnce.items !== s.data.expectedItems || appOnce.total !== bareOnce.total) {
      throw new Error(`answers differ: app ${appOnce.items} items of ${appOnce.total}, bare ${bareOnce.items} of ${bareOnce.total}, expected ${s.data.expectedItems} items`);
    }

    const load = (which: 'app' | 'bare', connections: number, secs: number) =>
      runLoad(which === 'app' ? { url: appTarget, connections, seconds: secs, headers: auth } : { url: bareTarget, connections, seconds: secs });

    log(`  warming up ${warmup} s each…`);
    await load('app', 16, warmup);
    await load('bare', 16, warmup);

    const levels: Level[] = [];
    for (const [i, connections] of CONNECTION_LEVELS.entries()) {
      const order: ('app' | 'bare')[] = i % 2 === 0 ? ['app', 'bare'] : ['bare', 'app'];
      const results: Partial<Record<'app' | 'bare', LoadSummary>> = {};
      for (const which of order) {
        log(`  ${connections} connection(s): ${which} for ${seconds} s…`);
        results[which] = await load(which, connections, seconds);
      }
      const app = results.app!;
      const bare = results.bare!;
      levels.push({
        connections,
        order,
        app,
        bare,
        ratio: {
          requestsPerSecond: ratio(app.requestsPerSecond, bare.requestsPerSecond),
          latencyMeanMs: ratio(app.latencyMs.mean, bare.latencyMs.mean),
          latencyP50: ratio(app.latencyMs.p50, bare.latencyMs.p50),
          latencyP90: ratio(app.latencyMs.p90, bare.latencyMs.p90),
          latencyP99: ratio(app.latencyMs.p99, bare.latencyMs.p99),
        },
      });
    }
    const failures = levels.reduce((n, l) => n + l.app.errors + l.app.non2xx + l.bare.errors + l.bare.non2xx, 0);
    return {
      database: kind,
      data: s.data,
      app: { method: 'GET', route: s.route, url: s.data.url, statusCode: appOnce.status, responseBytes: appOnce.bytes, items: appOnce.items, total: appOnce.total, queriesPerRequest: s.appQueries },
      bare: { method: 'GET', route: '/bare', statusCode: bareOnce.status, responseBytes: bareOnce.bytes, items: bareOnce.items, total: bareOnce.total, queriesPerRequest: s.sql.length },
      sql: s.sql.map((q) => ({ sql: q.sql, parameters: q.parameters })),
      platformSql: s.platformSql.map((q) => q.sql),
      levels,
      failures,
    };
  } finally {
    await tearDown(s);
  }
}

export async function httpRead(log: (line: string) => void = console.log) {
  const seconds = envSeconds('BENCH_SECONDS', 10);
  const warmup = envSeconds('BENCH_WARMUP_SECONDS', 3);
  const kinds: ('pglite' | 'postgres')[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
  const machine = machineInfo();
  const runs: HttpReadRun[] = [];
  for (const kind of kinds) runs.push(await measure(kind, seconds, warmup, log));

  const result = {
    benchmark: 'http-read',
    description:
      'A workspace read endpoint of the real app (token auth, tenancy check, zod validation and serialization, security headers) against a bare Fastify route running the identical SQL on the same database handle, same process, same run. Ratios are app ÷ bare.',
    machine: finish(machine),
    databases: kinds,
    settings: {
      secondsPerMeasurement: seconds,
      warmupSeconds: warmup,
      connections: CONNECTION_LEVELS,
      loadGenerator: 'autocannon 8 (programmatic), in a separate child process; servers on 127.0.0.1 in the benchmark process',
      latencyNote: 'autocannon records latency in whole milliseconds (HDR histogram, lowest value 1 ms): p50/p90/p99 below a few ms are coarse; mean is the histogram mean.',
      order: 'app and bare alternate which goes first at each connection level',
    },
    runs,
  };
  const file = writeResult('http-read', result);

  for (const run of runs) {
    log(`\nhttp-read (${run.database}): app ${run.app.method} ${run.app.route} [${run.app.items} of ${run.app.total} items, ${run.app.responseBytes} B, ${run.app.queriesPerRequest} queries] vs bare [${run.bare.responseBytes} B, ${run.bare.queriesPerRequest} queries]`);
    log(
      table(
        ['conns', 'app rps', 'bare rps', 'ratio', 'app p50', 'bare p50', 'app p90', 'bare p90', 'app p99', 'bare p99', 'p99 ratio', 'non-2xx/err'],
        run.levels.map((l) => [
          l.connections,
          l.app.requestsPerSecond,
          l.bare.requestsPerSecond,
          l.ratio.requestsPerSecond,
          l.app.latencyMs.p50,
          l.bare.latencyMs.p50,
          l.app.latencyMs.p90,
          l.bare.latencyMs.p90,
          l.app.latencyMs.p99,
          l.bare.latencyMs.p99,
          l.ratio.latencyP99,
          `${l.app.non2xx + l.app.errors}/${l.bare.non2xx + l.bare.errors}`,
        ]),
      ),
    );
    if (run.failures) log(`WARNING: ${run.failures} failed requests — these figures are not valid.`);
  }
  log(`latency in ms; ratio = app ÷ bare. Written ${path.relative(process.cwd(), file)}`);
  return result;
}
