/**
 * startup: how long `dichter serve` takes until /api/health answers, on a fresh data folder
 * (cold: migrations and demo load) and again on the same folder (warm), and how much memory
 * the server holds; against a bare Fastify hello-world spawned the same way, in the same run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO } from '../src/platform/demo';
import { runLoad, type LoadSummary } from './lib/load';
import { finish, machineInfo } from './lib/machine';
import { freePort, median, ratio, residentMemory, round, table, writeResult } from './lib/util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WARM_STARTS = 3;
const READ_REQUESTS = 2000;
/** The public health route is rate-limited (300 a minute per IP), so fewer of these. */
const HEALTH_REQUESTS = 200;
const START_TIMEOUT_MS = 180_000;

/** The reference: Fastify with the same health route and nothing else. */
const HELLO_WORLD = `
import Fastify from 'fastify';
const app = Fastify();
app.get('/api/health', async () => ({ status: 'ok' }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
process.once('SIGTERM', () => app.close().then(() => process.exit(0)));
`;

type Kind = 'dichter' | 'hello-world';

interface Memory {
  rssMB: number;
  peakRssMB: number;
}

interface Start {
  /** Spawn until the first 200 from GET /api/health. */
  ms: number;
  /** What the server itself logged as its start-up time, if it did. */
  serverReportedMs: number | null;
  memoryAfterStart: Memory | null;
  /** SIGTERM until the process exited. */
  stopMs?: number;
}

interface Server {
  child: ChildProcess;
  port: number;
  output: string[];
  start: Start;
}

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

async function startServer(kind: Kind, dataDir: string): Promise<Server> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DICHTER_DATA: dataDir, DICHTER_DEMO: 'true', DICHTER_LOG_LEVEL: 'warn' };
  // The embedded database is what this measures; each server gets its own data folder.
  delete env.DATABASE_URL;
  delete env.DICHTER_BASE_URL;
  const args = kind === 'dichter' ? [path.join(ROOT, 'bin/dichter.mjs'), 'serve'] : ['--input-type=module', '-e', HELLO_WORLD];
  const output: string[] = [];
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (output.length > 200) output.splice(0, output.length - 200);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exited = false;
  child.once('exit', () => (exited = true));

  const url = `http://127.0.0.1:${port}/api/health`;
  while (!(await healthy(url))) {
    if (exited) throw new Error(`${kind} exited before answering:\n${output.join('\n')}`);
    if (performance.now() - started > START_TIMEOUT_MS) {
      child.kill('SIGKILL');
      throw new Error(`${kind} did not answer within ${START_TIMEOUT_MS} ms:\n${output.join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const ms = round(performance.now() - started, 0);
  const reported = output.map((line) => /gestart in (\d+) ms/.exec(line)).find(Boolean);
  return { child, port, output, start: { ms, serverReportedMs: reported ? Number(reported[1]) : null, memoryAfterStart: residentMemory(child.pid!) } };
}

async function stopServer(server: Server): Promise<number> {
  const started = performance.now();
  if (server.child.exitCode !== null) return 0;
  const exited = new Promise<void>((resolve) => server.child.once('exit', () => resolve()));
  server.child.kill('SIGTERM');
  const timeout = setTimeout(() => server.child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timeout);
  return round(performance.now() - started, 0);
}

/** Signs in as the demo beheerder and creates an API token through the API. */
async function demoToken(base: string): Promise<string> {
  const signIn = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO.adminEmail, password: DEMO.password }),
  });
  if (signIn.status !== 200) throw new Error(`demo sign-in failed: ${signIn.status} ${await signIn.text()}`);
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
  const created = await fetch(`${base}/api/me/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'benchmark' }),
  });
  if (created.status !== 201) throw new Error(`token not created: ${created.status} ${await created.text()}`);
  return ((await created.json()) as { token: string }).token;
}

interface LoadStep {
  url: string;
  requests: number;
  result: LoadSummary;
}

/** An http-read-like load: authenticated workspace reads (dichter) and health checks (both). */
async function loadServer(kind: Kind, server: Server): Promise<LoadStep[]> {
  const base = `http://127.0.0.1:${server.port}`;
  const steps: { path: string; amount: number; headers?: Record<string, string> }[] = [];
  if (kind === 'dichter') {
    const auth = { authorization: `Bearer ${await demoToken(base)}` };
    const ws = `/api/w/${DEMO.slug}`;
    steps.push({ path: `${ws}/`, amount: READ_REQUESTS, headers: auth });
    const areas = await fetch(`${base}${ws}/areas?kind=buurt`, { headers: auth });
    await areas.arrayBuffer();
    steps.push(areas.status === 200 ? { path: `${ws}/areas?kind=buurt`, amount: READ_REQUESTS, headers: auth } : { path: `${ws}/partners`, amount: READ_REQUESTS, headers: auth });
    steps.push({ path: '/api/health', amount: HEALTH_REQUESTS });
  } else {
    // The same number of requests, all to the only route there is.
    steps.push({ path: '/api/health', amount: 2 * READ_REQUESTS + HEALTH_REQUESTS });
  }
  const done: LoadStep[] = [];
  for (const step of steps) {
    const result = await runLoad({ url: `${base}${step.path}`, connections: 16, amount: step.amount, headers: step.headers });
    done.push({ url: step.path, requests: step.amount, result });
  }
  return done;
}

interface Measured {
  cold: Start;
  warm: Start[];
  warmMedianMs: number;
  load: { url: string; requests: number; requestsPerSecond: number; non2xx: number; errors: number; statusCodes: Record<string, number> }[];
  memoryAfterLoad: Memory | null;
}

export async function startup(log: (line: string) => void = console.log) {
  const machine = machineInfo();
  const dirs: Record<Kind, string> = {
    dichter: fs.mkdtempSync(path.join(os.tmpdir(), 'dichter-bench-start-')),
    'hello-world': fs.mkdtempSync(path.join(os.tmpdir(), 'dichter-bench-hello-')),
  };
  const measured: Partial<Record<Kind, Measured>> = {};
  const kinds: Kind[] = ['dichter', 'hello-world'];
  try {
    // Cold: a fresh, empty data folder (migrations + demo load), then the load, then stop.
    for (const kind of kinds) {
      log(`startup: ${kind} cold start…`);
      const server = await startServer(kind, dirs[kind]);
      const load = await loadServer(kind, server);
      const memoryAfterLoad = residentMemory(server.child.pid!);
      server.start.stopMs = await stopServer(server);
      measured[kind] = {
        cold: server.start,
        warm: [],
        warmMedianMs: 0,
        load: load.map((l) => ({
          url: l.url,
          requests: l.requests,
          requestsPerSecond: l.result.requestsPerSecond,
          non2xx: l.result.non2xx,
          errors: l.result.errors,
          statusCodes: l.result.statusCodes,
        })),
        memoryAfterLoad,
      };
    }
    // Warm: the same folder again, alternating dichter and the reference.
    for (let i = 0; i < WARM_STARTS; i++) {
      for (const kind of kinds) {
        log(`startup: ${kind} warm start ${i + 1}/${WARM_STARTS}…`);
        const server = await startServer(kind, dirs[kind]);
        server.start.stopMs = await stopServer(server);
        measured[kind]!.warm.push(server.start);
      }
    }
  } finally {
    for (const dir of Object.values(dirs)) fs.rmSync(dir, { recursive: true, force: true });
  }
  for (const kind of kinds) measured[kind]!.warmMedianMs = median(measured[kind]!.warm.map((s) => s.ms));

  const app = measured.dichter!;
  const ref = measured['hello-world']!;
  const mb = (m: Memory | null | undefined) => m?.rssMB ?? 0;
  const result = {
    benchmark: 'startup',
    description:
      '`node bin/dichter.mjs serve` (embedded PGlite, DICHTER_DEMO=true) from spawn until GET /api/health answers 200: cold on an empty data folder (migrations + demo load), then warm on the same folder; resident memory from /proc/<pid>/status. Reference: a bare Fastify hello-world with the same health route, spawned the same way in the same run. Ratios are dichter ÷ reference.',
    machine: finish(machine),
    databases: ['pglite'],
    settings: {
      warmStarts: WARM_STARTS,
      logLevel: 'warn',
      reference: 'node --input-type=module -e "<Fastify with GET /api/health>"',
      load: `dichter: ${READ_REQUESTS} GET /api/w/<demo>/ + ${READ_REQUESTS} GET of the areas list (partners if areas are absent) with an API token + ${HEALTH_REQUESTS} GET /api/health (rate-limited route); reference: ${2 * READ_REQUESTS + HEALTH_REQUESTS} GET /api/health; 16 connections, autocannon in a child process`,
      note: 'Cold means a fresh data folder, not cold OS or tsx caches. dist/web is not needed and may be absent.',
    },
    dichter: app,
    reference: ref,
    ratio: {
      coldStart: ratio(app.cold.ms, ref.cold.ms),
      warmStartMedian: ratio(app.warmMedianMs, ref.warmMedianMs),
      rssAfterWarmStart: ratio(mb(app.warm.at(-1)?.memoryAfterStart), mb(ref.warm.at(-1)?.memoryAfterStart)),
      rssAfterLoad: ratio(mb(app.memoryAfterLoad), mb(ref.memoryAfterLoad)),
    },
  };
  const file = writeResult('startup', result);

  const rows = (name: string, m: Measured): (string | number | null)[] => [
    name,
    m.cold.ms,
    m.warm.map((s) => s.ms).join(' / '),
    m.warmMedianMs,
    m.cold.memoryAfterStart?.rssMB ?? null,
    m.warm.at(-1)?.memoryAfterStart?.rssMB ?? null,
    m.memoryAfterLoad?.rssMB ?? null,
    m.memoryAfterLoad?.peakRssMB ?? null,
  ];
  log('\nstartup (ms; memory in MB)');
  log(
    table(
      ['', 'cold', 'warm runs', 'warm median', 'RSS cold', 'RSS warm', 'RSS after load', 'peak RSS'],
      [rows('dichter', app), rows('hello-world', ref), ['ratio', result.ratio.coldStart, '', result.ratio.warmStartMedian, '', result.ratio.rssAfterWarmStart, result.ratio.rssAfterLoad, '']],
    ),
  );
  const failures = app.load.concat(ref.load).filter((l) => l.non2xx || l.errors);
  for (const f of failures) log(`WARNING: ${f.url}: ${f.non2xx} non-2xx, ${f.errors} errors (${JSON.stringify(f.statusCodes)})`);
  log(`Written ${path.relative(process.cwd(), file)}`);
  return result;
}
