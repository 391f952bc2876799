// Runs one autocannon load in its own process, so the load generator does not share an
// event loop (or, on a 2-core machine, a core) with the servers it measures.
import autocannon from 'autocannon';
import type { LoadRequest } from './load';

process.once('message', (request: LoadRequest) => {
  const paths = request.paths ?? [];
  let next = 0;
  const latencies: number[] = [];
  const instance = autocannon({
    url: request.url,
    connections: request.connections,
    ...(request.amount ? { amount: request.amount } : { duration: request.seconds }),
    headers: request.headers ?? {},
    timeout: 30,
    // One path after the other (all connections share the sequence), so each request asks for another id.
    ...(paths.length ? { requests: [{ setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }) }] } : {}),
  });
  if (request.exactLatencies) instance.on('response', (_client, statusCode, _bytes, responseTime) => statusCode >= 200 && statusCode < 300 && latencies.push(responseTime));
  instance.then(
    (result) => process.send!({ ok: true, result, ...(request.exactLatencies ? { latencies } : {}) }, () => process.exit(0)),
    (err: unknown) => process.send!({ ok: false, error: String(err) }, () => process.exit(1)),
  );
});
