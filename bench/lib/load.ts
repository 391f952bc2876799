import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Result } from 'autocannon';
import { cpuPerRequest, cpuTimeMs } from './cpu';
import { ratio } from './util';

export interface LoadRequest {
  url: string;
  connections: number;
  /** Run for this many seconds… */
  seconds?: number;
  /** …or send exactly this many requests. */
  amount?: number;
  headers?: Record<string, string>;
  /** Paths (with query) requested in turn, one per request, instead of the URL's own path. */
  paths?: string[];
  /** Record every response time and report exact percentiles (`exactLatencyMs`). */
  exactLatencies?: boolean;
}

/** What one load run measured, in the units the result files use. */
export interface LoadSummary {
  connections: number;
  seconds: number;
  requests: number;
  /** Completed requests divided by the run's duration. */
  requestsPerSecond: number;
  latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number };
  bytesPerSecond: number;
  /** Connection errors plus timeouts. Must be 0. */
  errors: number;
  /** Responses outside 200–299. Must be 0. */
  non2xx: number;
  statusCodes: Record<string, number>;
  /** Exact percentiles of every 2xx response time (fractional ms), when requested. */
  exactLatencyMs?: ExactLatency;
  /**
   * CPU ms per completed request, measured around the run: the benchmark's own process (the
   * server under load) and PostgreSQL's processes (null on PGlite, which runs inside the server).
   * Less noisy than the rate on a shared machine: the time it takes, not how much was free.
   */
  cpuMsPerRequest?: { server: number | null; postgres: number | null };
}

export interface ExactLatency {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles of a list of durations in ms. */
export function exactLatency(values: number[]): ExactLatency {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] : 0);
  const mean = sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : 0;
  return { count: sorted.length, mean: round(mean), p50: round(at(50)), p95: round(at(95)), p99: round(at(99)), max: round(sorted[sorted.length - 1] ?? 0) };
}

const worker = fileURLToPath(new URL('./load-worker.ts', import.meta.url));

/** Runs autocannon in a child process (through tsx) and returns its summary. */
export function runLoad(request: LoadRequest): Promise<LoadSummary> {
  return new Promise((resolve, reject) => {
    const child = fork(worker, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let settled = false;
    child.once('message', (message: { ok: boolean; result?: Result; latencies?: number[]; error?: string }) => {
      settled = true;
      if (message.ok && message.result) resolve({ ...summarize(message.result), ...(message.latencies ? { exactLatencyMs: exactLatency(message.latencies) } : {}) });
      else reject(new Error(`load failed: ${message.error}`));
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (!settled) reject(new Error(`load process exited with ${code} before reporting`));
    });
    child.send(request);
  });
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

function summarize(r: Result): LoadSummary {
  const statusCodes = Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]));
  return {
    connections: r.connections,
    seconds: round(r.duration, 3),
    requests: r.requests.total,
    requestsPerSecond: round(r.requests.total / r.duration, 1),
    latencyMs: { mean: round(r.latency.mean), p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
    bytesPerSecond: Math.round(r.throughput.total / r.duration),
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    statusCodes,
  };
}

export type Which = 'app' | 'bare';

/** One number of connections, the app beside its bare reference. */
export interface Level {
  connections: number;
  order: Which[];
  app: LoadSummary;
  bare: LoadSummary;
  /** app ÷ bare, from the exact response times and the throughput. */
  ratio: { requestsPerSecond: number | null; p50: number | null; p95: number | null; p99: number | null };
}

/** Loads the app and its bare reference at each number of connections, taking turns at going first. */
export async function compareLevels(run: (which: Which, connections: number) => Promise<LoadSummary>, levels: readonly number[], log: (line: string) => void, label: string) {
  const out: Level[] = [];
  for (const [i, connections] of levels.entries()) {
    const order: Which[] = i % 2 === 0 ? ['app', 'bare'] : ['bare', 'app'];
    const results: Partial<Record<Which, LoadSummary>> = {};
    for (const which of order) {
      const before = cpuTimeMs();
      const summary = await run(which, connections);
      results[which] = { ...summary, cpuMsPerRequest: cpuPerRequest(before, cpuTimeMs(), summary.requests) };
    }
    const app = results.app!;
    const bare = results.bare!;
    const e = (x: LoadSummary) => x.exactLatencyMs!;
    out.push({
      connections,
      order,
      app,
      bare,
      ratio: { requestsPerSecond: ratio(app.requestsPerSecond, bare.requestsPerSecond), p50: ratio(e(app).p50, e(bare).p50), p95: ratio(e(app).p95, e(bare).p95), p99: ratio(e(app).p99, e(bare).p99) },
    });
    const cpu = (x: LoadSummary) => (x.cpuMsPerRequest?.server == null ? '' : ` cpu ${x.cpuMsPerRequest.server}${x.cpuMsPerRequest.postgres == null ? '' : `+${x.cpuMsPerRequest.postgres}`} ms`);
    log(`  ${label} ×${connections}: app ${app.requestsPerSecond}/s p50 ${e(app).p50} p95 ${e(app).p95} ms${cpu(app)} | bare ${bare.requestsPerSecond}/s p50 ${e(bare).p50} p95 ${e(bare).p95} ms${cpu(bare)}${app.non2xx + app.errors + bare.non2xx + bare.errors ? ' | FAILURES' : ''}`);
  }
  return out;
}
