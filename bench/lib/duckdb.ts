import type { CompiledQuery } from 'kysely';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

/** DuckDB in-process, as the reference an analyst would reach for: a file in the temp folder. */
export async function openDuckDb(file: string): Promise<{ conn: DuckDBConnection; version: string; close: () => void }> {
  const instance = await DuckDBInstance.create(file);
  const conn = await instance.connect();
  const version = String((await conn.runAndReadAll('select version() as v')).getRowObjects()[0].v);
  return {
    conn,
    version,
    close: () => {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

/** A value as a DuckDB SQL literal (strings quoted, arrays as list literals). */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return `'${value.toISOString()}'`;
  return `'${String(value).replace(/'/g, "''")}'`;
}

/**
 * A query the app ran on PostgreSQL, for DuckDB: the placeholders ($1, $2 …) replaced by
 * literals of their parameters. Casts (`::uuid[]`), `= any(…)` and quoted identifiers are
 * understood by DuckDB as written.
 */
export function forDuckDb(q: CompiledQuery): string {
  return q.sql.replace(/\$(\d+)/g, (_m, n: string) => literal(q.parameters[Number(n) - 1]));
}

/** Runs a statement and returns its rows as plain objects. */
export async function duckRows(conn: DuckDBConnection, text: string): Promise<Record<string, unknown>[]> {
  return (await conn.runAndReadAll(text)).getRowObjectsJS() as Record<string, unknown>[];
}
