import { sql, type Kysely } from 'kysely';
import type { Migration } from './module';

export interface MigrationSet {
  module: string;
  migrations: readonly Migration[];
}

export class DatabaseNewerError extends Error {
  constructor(public readonly unknown: string[]) {
    super(
      `De database is nieuwer dan deze versie van dichter: zij bevat migraties die deze code niet kent (${unknown.join(', ')}). ` +
        'Start de nieuwere versie, of zet een back-up terug.\n' +
        `The database is newer than this version of dichter (unknown migrations: ${unknown.join(', ')}). Run the newer version or restore a backup.`,
    );
    this.name = 'DatabaseNewerError';
  }
}

export interface MigrationReport {
  executed: string[];
  alreadyDone: number;
}

const LOCK_KEY = 7_310_113; // an arbitrary constant shared by every dichter process

/**
 * Runs every module's migrations that have not run yet, in module order, each in its own
 * transaction, and records them. Refuses to touch a database that holds migrations this
 * code does not know. On PostgreSQL an advisory lock keeps two starting processes apart.
 */
export async function migrate(db: Kysely<any>, sets: readonly MigrationSet[], log: (line: string) => void = () => {}): Promise<MigrationReport> {
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${LOCK_KEY})`.execute(conn);
    try {
      await sql`create table if not exists dichter_migrations (
        module text not null,
        name text not null,
        executed_at timestamptz not null default now(),
        primary key (module, name)
      )`.execute(conn);
      const done = await sql<{ module: string; name: string }>`select module, name from dichter_migrations`.execute(conn);
      const known = new Set(sets.flatMap((s) => s.migrations.map((m) => `${s.module}/${m.name}`)));
      const recorded = new Set(done.rows.map((r) => `${r.module}/${r.name}`));
      const unknown = [...recorded].filter((key) => !known.has(key));
      if (unknown.length > 0) throw new DatabaseNewerError(unknown);

      const executed: string[] = [];
      for (const set of sets) {
        for (const migration of set.migrations) {
          const key = `${set.module}/${migration.name}`;
          if (recorded.has(key)) continue;
          await conn.transaction().execute(async (trx) => {
            await migration.up(trx);
            await sql`insert into dichter_migrations (module, name) values (${set.module}, ${migration.name})`.execute(trx);
          });
          executed.push(key);
          log(`migratie uitgevoerd: ${key}`);
        }
      }
      return { executed, alreadyDone: recorded.size };
    } finally {
      await sql`select pg_advisory_unlock(${LOCK_KEY})`.execute(conn);
    }
  });
}

/** Reverts the last `steps` migrations of one module (for development and tests). */
export async function migrateDown(db: Kysely<any>, set: MigrationSet, steps = 1): Promise<string[]> {
  const reverted: string[] = [];
  const done = await sql<{ name: string }>`select name from dichter_migrations where module = ${set.module}`.execute(db);
  const names = new Set(done.rows.map((r) => r.name));
  const applied = set.migrations.filter((m) => names.has(m.name)).reverse().slice(0, steps);
  for (const migration of applied) {
    await db.transaction().execute(async (trx) => {
      await migration.down(trx);
      await sql`delete from dichter_migrations where module = ${set.module} and name = ${migration.name}`.execute(trx);
    });
    reverted.push(`${set.module}/${migration.name}`);
  }
  return reverted;
}
