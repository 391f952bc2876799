// Runs one autocannon load in its own process, so the load generator does not share an
// event loop (or, on a 2-core machine, a core) with the servers it measures.
import autocannon from 'autocannon';
import type { LoadRequest } from './load';

process.once('message', (request: LoadRequest) => {
  autocannon({
    url: request.url,
    connections: request.connections,
    ...(request.amount ? { amount: request.amount } : { duration: request.seconds }),
    headers: request.headers ?? {},
    timeout: 30,
  }).then(
    (result) => process.send!({ ok: true, result }, () => process.exit(0)),
    (err: unknown) => process.send!({ ok: false, error: String(err) }, () => process.exit(1)),
  );
});
