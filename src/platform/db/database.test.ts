import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase, prepared } from './database';

describe('statements marked as prepared', () => {
  it('are named prepared statements on PostgreSQL, planned once per connection, and plain SQL on PGlite', async () => {
    const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: '' }, { command: 'test', inMemory: true });
    try {
      await database.db.connection().execute(async (conn) => {
        for (const n of [1, 2, 3]) expect((await sql<{ n: number }>`${prepared} select ${n}::int as n`.execute(conn)).rows).toEqual([{ n }]);
        expect((await sql`select 4 as n`.execute(conn)).rows).toEqual([{ n: 4 }]);
        const statements = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(conn);
        // Once, whatever the parameters; the unmarked statement not at all.
        expect(statements.rows.map((r) => r.statement)).toEqual(database.kind === 'postgres' ? ['/* prepared */ select $1::int as n'] : []);
      });
    } finally {
      await database.close();
    }
  });
});
