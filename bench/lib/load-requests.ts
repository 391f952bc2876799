import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Result } from 'autocannon';
import { exactLatency, type LoadSummary } from './load';

/** One request of a sequence: a POST with a JSON body, or any other method and path. */
export interface SequencedRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Path with query, e.g. `/api/w/x/observations`. */
  path: string;
  /** A JSON text, sent with `content-type: application/json`. */
  body?: string;
}

export interface RequestLoad {
  /** Base URL (scheme, host, port). */
  url: string;
  connections: number;
  seconds?: number;
  amount?: number;
  headers?: Record<string, string>;
  /** Sent in turn, one per request (all connections share the sequence). */
  requests: SequencedRequest[];
  exactLatencies?: boolean;
}

const worker = fileURLToPath(new URL('./load-requests-worker.ts', import.meta.url));
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Like runLoad, but every request may have its own method, path and body (for example
 * POSTs of distinct observations). Same summary as runLoad.
 */
export function runRequestLoad(request: RequestLoad): Promise<LoadSummary> {
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
