import { sql } from 'kysely';
import type { Db } from '../src/platform/db/database';

/** Bookkeeping that legitimately changes on reads (token last use, session expiry). */
const VOLATILE = new Set(['api_tokens', 'sessions']);

/** A fingerprint of every row of every table, to prove a request stored nothing. */
export async function snapshot(db: Db): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const result: Record<string, string> = {};
  for (const { name } of tables.rows) {
    if (VOLATILE.has(name)) continue;
    const row = await sql<{ fp: string | null; n: number }>`
      select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as fp, count(*)::int as n from ${sql.table(name)} t`.execute(db);
    result[name] = `${row.rows[0].n}:${row.rows[0].fp}`;
  }
  return result;
}
