import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from './config';
import type { Actor, ServiceContext } from './context';
import { openDatabase, type Database } from './db/database';
import { annotateDataLock } from './db/lock';
import { loadDemo } from './demo';
import { EventBus } from './events';
import { createMailer, type Mailer } from './mail';
import { buildApp, type App } from './http/app';
import { migrate, type MigrationSet } from './migrator';
import { platformMigrations } from './migrations';
import { buildRegistry, type ModuleManifest, type Registry } from './module';
import { platformErrors } from './errors';
import { purgeExpiredSessions } from './auth/service';

export const WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export function migrationSets(modules: readonly ModuleManifest[]): MigrationSet[] {
  return [{ module: 'platform', migrations: platformMigrations }, ...modules.map((m) => ({ module: m.id, migrations: m.migrations ?? [] }))];
}

export interface Runtime {
  config: Config;
  database: Database;
  registry: Registry;
  events: EventBus;
  /** True when this run created the schema from scratch (a new, empty database). */
  fresh: boolean;
  /** A service context without actor, for the CLI and jobs to build on. */
  context(): ServiceContext;
  /** Sends e-mail when SMTP_URL is set. */
  mailer: Mailer | null;
  close(): Promise<void>;
}

/** Opens the database, checks the modules and brings the schema up to date. */
export async function openRuntime(config: Config, modules: readonly ModuleManifest[], command: string, log: (line: string) => void = () => {}, options: { inMemory?: boolean } = {}): Promise<Runtime> {
  const registry = buildRegistry(modules, platformErrors);
  const database = await openDatabase(config, { command, inMemory: options.inMemory });
  let fresh: boolean;
  try {
    fresh = (await migrate(database.db, migrationSets(modules), log)).alreadyDone === 0;
  } catch (err) {
    await database.close();
    throw err;
  }
  const events = new EventBus((event, err) => log(`event listener for ${event} failed: ${String(err)}`));
  const context = (): ServiceContext => ({ db: database.db, actor: null, locale: 'nl', events });
  const mailer = createMailer(config.smtpUrl, config.smtpFrom);
  for (const m of modules) m.start?.({ events, context, mailer, config, observationKinds: registry.observationKinds, reportSections: registry.reportSections, areaUses: registry.areaUses });
  return { config, database, registry, events, fresh, context, mailer, close: () => database.close() };
}

/** `dichter serve`: migrate, load the demo on first start if configured, and listen. */
export async function serve(config: Config, modules: readonly ModuleManifest[]): Promise<{ app: App; runtime: Runtime }> {
  const started = Date.now();
  const runtime = await openRuntime(config, modules, 'serve', (line) => console.log(line));
  if (config.demo && runtime.fresh) {
    const result = await loadDemo(runtime.context(), runtime.registry, (line) => console.log(`demo: ${line}`));
    if (result.created) console.log('demo: de demowerkruimte is geladen (zie README voor de inloggegevens)');
  }
  const app = await buildApp({ config, database: runtime.database, modules, events: runtime.events, webRoot: WEB_ROOT });
  await app.server.listen({ port: config.port, host: config.host });
  annotateDataLock(config.dataDir, config.port);
  const sweep = setInterval(() => void purgeExpiredSessions(runtime.database.db).catch(() => {}), 3600_000);
  sweep.unref();
  scheduleJobs(runtime, (line) => console.log(line));
  console.log(`dichter draait op ${config.baseUrl} (${runtime.database.kind}; gestart in ${Date.now() - started} ms)`);
  const shutdown = async (signal: string) => {
    console.log(`${signal}: dichter stopt…`);
    await app.server.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  return { app, runtime };
}

/** The system acting in scheduled jobs, as it appears in the audit log. */
export const JOB_ACTOR: Actor = { userId: '00000000-0000-0000-0000-000000000000', email: '', name: 'dichter (automatische taak)', isAdmin: true, via: 'system' };

/** Runs one module job now; returns its summary. */
export async function runJob(runtime: Runtime, name: string): Promise<string> {
  const job = runtime.registry.jobs.find((j) => j.name === name);
  if (!job) throw new Error(`unknown job ${name}`);
  return job.run({ ...runtime.context(), actor: JOB_ACTOR });
}

/** Every module job runs a minute after start, then every `everyHours`; failures are logged, never fatal. */
function scheduleJobs(runtime: Runtime, log: (line: string) => void) {
  for (const job of runtime.registry.jobs) {
    const run = () =>
      void runJob(runtime, job.name).then(
        (summary) => log(`taak ${job.name}: ${summary}`),
        (err) => log(`taak ${job.name} mislukt: ${String(err)}`),
      );
    setTimeout(run, 60_000).unref();
    setInterval(run, job.everyHours * 3600_000).unref();
  }
}
