import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase, parsedOnce, prepared } from './database';

const open = () => openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: '' }, { command: 'test', inMemory: true });

describe('statements marked as prepared', () => {
  it('are named prepared statements on PostgreSQL, planned once per connection, and plain SQL on PGlite', async () => {
    const database = await open();
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

describe('statements marked as parsed once', () => {
  // The statement reports on the session that runs it: its plan cache mode, and how its own
  // prepared statement has been planned so far.
  const own = (n: number) => sql<{ n: number; mode: string; custom: number | null; generic: number | null }>`${parsedOnce} select ${n}::int as n,
    current_setting('plan_cache_mode') as mode,
    (select custom_plans from pg_prepared_statements where statement like '/* parsed once */%') as custom,
    (select generic_plans from pg_prepared_statements where statement like '/* parsed once */%') as generic`;

  it('are prepared on PostgreSQL yet planned for every call, and plain SQL on PGlite', async () => {
    const database = await open();
    try {
      const runs = [];
      // Beyond the 5 custom plans after which PostgreSQL would otherwise try one generic plan.
      for (let n = 1; n <= 8; n++) runs.push((await own(n).execute(database.db)).rows[0]);
      expect(runs.map((r) => r.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      if (database.kind === 'postgres') {
        expect(runs.every((r) => r.mode === 'force_custom_plan' && Number(r.generic) === 0 && Number(r.custom) >= 1)).toBe(true);
        // The connection is reused, so the statement was prepared once and planned per call.
        expect(Number(runs.at(-1)!.custom)).toBeGreaterThan(1);
      } else expect(runs.every((r) => r.custom === null)).toBe(true);
    } finally {
      await database.close();
    }
  });

  it('run inside a transaction on the transaction’s own connection', async () => {
    const database = await open();
    try {
      const seen = await database.db.transaction().execute(async (trx) => {
        await sql`create temp table parsed_once_probe (n int) on commit drop`.execute(trx);
        await sql`insert into parsed_once_probe values (42)`.execute(trx);
        return (await sql<{ n: number }>`${parsedOnce} select n from parsed_once_probe`.execute(trx)).rows;
      });
      expect(seen).toEqual([{ n: 42 }]);
      // After the transaction, the statement goes to its own connections again.
      expect((await own(9).execute(database.db)).rows[0].mode).toBe(database.kind === 'postgres' ? 'force_custom_plan' : 'auto');
    } finally {
      await database.close();
    }
  });
});
