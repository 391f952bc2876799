// Minimal types for the parts of autocannon's programmatic API the benchmarks use
// (autocannon ships no types and @types/autocannon is not a dependency).
declare module 'autocannon' {
  interface Histogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
    p50: number;
    p90: number;
    p97_5: number;
    p99: number;
    [percentile: string]: number;
  }

  export interface Result {
    url: string;
    connections: number;
    /** Seconds. */
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    resets: number;
    '2xx': number;
    statusCodeStats: Record<string, { count: number }>;
    /** Milliseconds. */
    latency: Histogram & { totalCount: number };
    /** Per-second samples of completed requests; `total` counts all of them. */
    requests: Histogram & { sent: number };
    /** Per-second samples of bytes received; `total` counts all of them. */
    throughput: Histogram;
  }

  export interface Options {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    headers?: Record<string, string>;
    method?: string;
    timeout?: number;
    pipelining?: number;
    /** Request sequence per connection; setupRequest may change the path of each request. */
    requests?: { setupRequest?: (request: { path?: string; [key: string]: unknown }) => { path?: string; [key: string]: unknown } }[];
  }

  interface Instance extends Promise<Result> {
    stop?: () => void;
    /** Every response: status code, body bytes and latency in (fractional) milliseconds. */
    on(event: 'response', listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): Instance;
  }

  function autocannon(options: Options): Instance;
  export default autocannon;
}
