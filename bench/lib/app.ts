import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../../src/platform/config';
import { CLI_ACTOR, type Actor, type ServiceContext } from '../../src/platform/context';
import { buildApp, type App } from '../../src/platform/http/app';
import { openRuntime, type Runtime } from '../../src/platform/runtime';
import * as auth from '../../src/platform/auth/service';
import { modules } from '../../src/modules';
import { freshPostgres } from '../../test/postgres';

export interface BenchApp {
  config: Config;
  runtime: Runtime;
  app: App;
  /** The command-line context, and the benchmark user acting in it. */
  cli: ServiceContext;
  actor: Actor;
  token: string;
  tmp: string;
  drop?: () => Promise<void>;
}

/**
 * The real app on embedded PGlite in a temp folder (as `dichter serve` runs it), or on a
 * fresh PostgreSQL database, with one user and API token.
 */
export async function startBenchApp(kind: 'pglite' | 'postgres', name: string): Promise<BenchApp> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `dichter-bench-${name}-`));
  const pgdb = kind === 'postgres' ? await freshPostgres(process.env.DATABASE_URL!, 'dichter_bench') : undefined;
  try {
    const config = loadConfig({ DICHTER_DATA: tmp, HOST: '127.0.0.1', DICHTER_LOG_LEVEL: 'silent', DICHTER_DEMO: 'false', ...(pgdb ? { DATABASE_URL: pgdb.url } : {}) });
    const runtime = await openRuntime(config, modules, 'bench');
    const app = await buildApp({ config, database: runtime.database, modules, events: runtime.events });
    await app.server.ready();
    const cli: ServiceContext = { ...runtime.context(), actor: CLI_ACTOR };
    const email = `bench.${randomBytes(3).toString('hex')}@example.org`;
    const user = await auth.createUser(cli, { email, name: 'Benchmark', password: 'benchmark-wachtwoord', isAdmin: false });
    const actor: Actor = { userId: user.id, email, name: user.name, isAdmin: false, via: 'cli' };
    const { token } = await auth.createToken({ ...cli, actor }, 'bench');
    return { config, runtime, app, cli, actor, token, tmp, drop: pgdb?.drop };
  } catch (err) {
    await pgdb?.drop().catch(() => {});
    throw err;
  }
}

/** Listens on a free loopback port and returns the base URL. */
export async function listen(server: FastifyInstance) {
  await server.listen({ host: '127.0.0.1', port: 0 });
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no TCP address');
  return `http://127.0.0.1:${address.port}`;
}
