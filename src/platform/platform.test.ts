import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { diffFields } from './audit';
import { ConfigError, loadConfig } from './config';
import { openDatabase } from './db/database';
import { acquireDataLock, DatabaseLockedError } from './db/lock';
import { platformErrors } from './errors';
import { buildApp } from './http/app';
import { localeFromHeader } from './i18n';
import { DatabaseNewerError, migrate } from './migrator';
import { buildRegistry, defineModule, ModuleRegistryError } from './module';
import workspaces from '../core/workspaces/manifest';

describe('configuration from the environment', () => {
  it('has defaults that run dichter embedded on port 8080', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 8080, database: 'pglite', theme: 'voorbeeld', demo: true, baseUrl: 'http://localhost:8080' });
    expect(config.dataDir).toBe(path.resolve('./data'));
  });

  it('switches to PostgreSQL with DATABASE_URL and then loads no demo unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' })).toMatchObject({ database: 'postgres', demo: false });
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db', DICHTER_DEMO: 'true' }).demo).toBe(true);
  });

  it('names every bad value in one clear message', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'tachtig', DICHTER_THEME: 'paars', DATABASE_URL: 'mysql://x', DICHTER_OIDC_ISSUER: 'https://login.gemeente.nl', DICHTER_OIDC_CLIENT_SECRET: 'geheim' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PORT="tachtig"/);
    expect(problems).toMatch(/DICHTER_THEME="paars": kies uit: voorbeeld, rijkshuisstijl/);
    expect(problems).toMatch(/DATABASE_URL="mysql:\/\/x": moet beginnen met postgres:\/\//);
    expect(problems).toMatch(/DICHTER_OIDC_CLIENT_ID: ontbreekt/);
    expect(problems).not.toContain('geheim');
  });
});

describe('language from Accept-Language', () => {
  it('is Dutch unless English is preferred', () => {
    expect(localeFromHeader(undefined)).toBe('nl');
    expect(localeFromHeader('de-DE,de;q=0.9')).toBe('nl');
    expect(localeFromHeader('en-US,en;q=0.9,nl;q=0.8')).toBe('en');
    expect(localeFromHeader('nl-NL,en;q=0.5')).toBe('nl');
  });
});

describe('audit diff', () => {
  it('records only changed fields, and never secrets in clear', () => {
    expect(diffFields({ name: 'A', days: 10, passwordHash: 'x' }, { name: 'A', days: 5, passwordHash: 'y' })).toEqual({
      days: { before: 10, after: 5 },
      passwordHash: { before: '***', after: '***' },
    });
  });
});

describe('migrator', () => {
  const tables = (module: string, names: string[]) => ({
    module,
    migrations: names.map((name) => ({
      name,
      up: async (db: any) => {
        await sql`create table ${sql.table(`${module}_${name.slice(-1)}`)} (id int)`.execute(db);
      },
      down: async (db: any) => {
        await sql`drop table ${sql.table(`${module}_${name.slice(-1)}`)}`.execute(db);
      },
    })),
  });

  it('runs each module’s migrations once, in order, and refuses a database newer than the code', async () => {
    const database = await openDatabase({ dataDir: '' }, { command: 'test', inMemory: true });
    try {
      const first = await migrate(database.db, [tables('alpha', ['2026_01_01_001_a', '2026_01_01_002_b'])]);
      expect(first.executed).toEqual(['alpha/2026_01_01_001_a', 'alpha/2026_01_01_002_b']);
      const second = await migrate(database.db, [tables('alpha', ['2026_01_01_001_a', '2026_01_01_002_b'])]);
      expect(second.executed).toEqual([]);
      await expect(migrate(database.db, [tables('alpha', ['2026_01_01_001_a'])])).rejects.toBeInstanceOf(DatabaseNewerError);
    } finally {
      await database.close();
    }
  });

  it('rolls a failing migration back completely', async () => {
    const database = await openDatabase({ dataDir: '' }, { command: 'test', inMemory: true });
    try {
      const broken = {
        module: 'beta',
        migrations: [
          {
            name: '2026_01_01_001_broken',
            up: async (db: any) => {
              await sql`create table beta_half (id int)`.execute(db);
              await sql`select * from bestaat_niet`.execute(db);
            },
            down: async () => {},
          },
        ],
      };
      await expect(migrate(database.db, [broken])).rejects.toThrow();
      const exists = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_name = 'beta_half'`.execute(database.db);
      expect(exists.rows[0].n).toBe(0);
    } finally {
      await database.close();
    }
  });
});

describe('module registry', () => {
  it('fails at start-up on a duplicate module id, nav path or error id', () => {
    const other = defineModule({ id: 'extra', nav: [{ path: 'partners', label: 'x' }] });
    expect(() => buildRegistry([workspaces, defineModule({ id: 'workspaces' })], platformErrors)).toThrow(/module id 'workspaces' is registered twice/);
    expect(() => buildRegistry([workspaces, other], platformErrors)).toThrow(/nav path 'partners' of module 'extra' is already used by 'workspaces'/);
    expect(() => buildRegistry([workspaces, defineModule({ id: 'extra', errors: { 'member.exists': platformErrors['auth.required'] } })], platformErrors)).toThrow(ModuleRegistryError);
    expect(() => buildRegistry([defineModule({ id: 'alleen' })], platformErrors)).toThrow(/tenancy/);
  });

  it('fails at start-up on a route another module already declared', async () => {
    const clash: FastifyPluginAsync = async (app) => {
      app.get('/partners', async () => ({}));
    };
    const database = await openDatabase({ dataDir: '' }, { command: 'test', inMemory: true });
    try {
      await expect(
        buildApp({ config: loadConfig({ DICHTER_LOG_LEVEL: 'silent' }), database, modules: [workspaces, defineModule({ id: 'botsing', routes: clash })] }),
      ).rejects.toThrow(/route GET \/api\/w\/:workspace\/partners of module 'botsing' is already declared by 'workspaces'/);
    } finally {
      await database.close();
    }
  });
});

describe('embedded database lock', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  it('lets one process hold the data folder and takes over a lock left by a dead process', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dichter-lock-'));
    dirs.push(dir);
    // A lock held by a live process (our parent) is refused with a clear message.
    fs.writeFileSync(path.join(dir, 'dichter.lock'), JSON.stringify({ pid: process.ppid, command: 'serve', port: 8080, startedAt: 'nu' }));
    expect(() => acquireDataLock(dir, 'migrate')).toThrow(DatabaseLockedError);
    expect(() => acquireDataLock(dir, 'migrate')).toThrow(/in gebruik door een ander proces \(pid \d+, 'serve', poort 8080/);
    // A lock of a process that no longer runs is stale.
    fs.writeFileSync(path.join(dir, 'dichter.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, command: 'serve', startedAt: 'toen' }));
    const release = acquireDataLock(dir, 'migrate');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'dichter.lock'), 'utf8')).pid).toBe(process.pid);
    release();
    expect(fs.existsSync(path.join(dir, 'dichter.lock'))).toBe(false);
  });
});

describe('spreadsheet files', () => {
  it('keeps formulas from running when a CSV is opened, and reads the same text back', async () => {
    const { toCsv, readTable } = await import('./tables');
    const records = [{ a: '=HYPERLINK("http://x")', b: '-5' }, { a: '+31 20 1234567', b: '- een opsomming' }];
    const csv = toCsv(['a', 'b'], records);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain(',-5');
    expect(csv).toContain("'- een opsomming");
    const table = await readTable(Buffer.from(csv), 'x.csv', ['a', 'b']);
    expect(table.rows.map((r) => r.cells)).toEqual(records);
  });
});
