// Runs one autocannon load with a list of requests (method, path, body) in its own process,
// so the load generator does not share an event loop with the servers it measures.
// Companion of load-worker.ts, which only varies the path.
import autocannon from 'autocannon';
import type { RequestLoad } from './load-requests';

process.once('message', (request: RequestLoad) => {
  const list = request.requests;
  let next = 0;
  const latencies: number[] = [];
  const statusCounts: Record<string, number> = {};
  const instance = autocannon({
    url: request.url,
    connections: request.connections,
    ...(request.amount ? { amount: request.amount } : { duration: request.seconds }),
    headers: request.headers ?? {},
    timeout: 30,
    // One request after the other (all connections share the sequence).
    requests: [
      {
        setupRequest: (req) => {
          const r = list[next++ % list.length];
          return {
            ...req,
            method: r.method,
            path: r.path,
            ...(r.body !== undefined ? { body: r.body } : {}),
            headers: { ...(req.headers as Record<string, string>), ...(r.body !== undefined ? { 'content-type': 'application/json' } : {}) },
          };
        },
      },
    ],
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1;
    if (request.exactLatencies && statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
  });
  instance.then(
    (result) => process.send!({ ok: true, result, ...(request.exactLatencies ? { latencies } : {}) }, () => process.exit(0)),
    (err: unknown) => process.send!({ ok: false, error: String(err) }, () => process.exit(1)),
  );
});
