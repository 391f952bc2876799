import { createHash } from 'node:crypto';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { CamelCasePlugin, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Config } from '../config';
import { acquireDataLock } from './lock';
import { PGliteDialect } from './pglite-driver';

// int8 (counts, bigint cents) as JS numbers on both drivers, as PGlite already does.
// Values beyond 2^53 do not occur: money is stored in cents and counts are small.
pg.types.setTypeParser(20, (value) => Number(value));
// Calendar dates stay 'YYYY-MM-DD' strings: a Date would shift them with the server's time zone.
pg.types.setTypeParser(1082, (value) => value);
const pgliteParsers = { 20: (value: string) => Number(value), 1082: (value: string) => value };

/** The database handle every layer receives. Modules narrow it to their own tables. */
export type Db = Kysely<any>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export interface OpenOptions {
  /** What opens the database, shown to a second process that finds it locked. */
  command: string;
  /** Run PGlite fully in memory (tests); ignored for PostgreSQL. */
  inMemory?: boolean;
}

/** Opens PGlite in the data folder, or PostgreSQL when DATABASE_URL is set. */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>, options: OpenOptions): Promise<Database> {
  const plugins = [new CamelCasePlugin()];
  if (config.databaseUrl) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 10 });
    // The connections for statements marked `parsedOnce`: they plan every call anew. (A SET
    // rather than a startup option, which a connection pooler such as PgBouncer may refuse.)
    const perCall = new pg.Pool({ connectionString: config.databaseUrl, max: 10 });
    perCall.on('connect', (client) => void client.query('set plan_cache_mode = force_custom_plan').catch((err: Error) => console.error(`PostgreSQL refused the plan cache mode for lists: ${err.message}`)));
    // An idle connection that the server drops (a restart, a failover) must not stop dichter:
    // the pool discards it and opens a new one on the next query.
    for (const p of [pool, perCall]) p.on('error', (err) => console.error(`PostgreSQL closed an idle connection: ${err.message}`));
    const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: preparing(pool, perCall) }), plugins });
    await sql`select 1`.execute(db);
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  let release = () => {};
  let pglite: PGlite;
  if (options.inMemory) {
    pglite = new PGlite({ parsers: pgliteParsers });
  } else {
    release = acquireDataLock(config.dataDir, options.command);
    try {
      pglite = new PGlite(path.join(config.dataDir, 'pgdata'), { parsers: pgliteParsers });
      await pglite.waitReady;
    } catch (err) {
      release();
      throw err;
    }
  }
  const db = new Kysely<any>({ dialect: new PGliteDialect(pglite), plugins });
  return {
    db,
    kind: 'pglite',
    async close() {
      await db.destroy();
      await pglite.close();
      release();
    },
  };
}

/**
 * Marks a statement to be prepared once per connection and its plan reused, put in front with
 * `modifyFront(prepared)` (or at the start of raw SQL). For the few hot statements that look
 * rows up by key, whose plan does not depend on the parameters: signing in, the checks and the
 * write of a new observation. PostgreSQL plans each of them in 0.2–0.7 ms, more than it takes
 * to run them (bench/observations.ts, pg_stat_statements). On PGlite the mark is only a comment.
 */
const PREPARED_MARK = '/* prepared */';
export const prepared = sql.raw(PREPARED_MARK);

/**
 * Marks a statement to be prepared once per connection but planned for each call's
 * parameters, at the very start of raw SQL (so `explain …` of it runs as usual): for lists and
 * searches, whose best plan depends on the workspace's size and on how common the kind or
 * status asked for is. One plan for all would be wrong for a big city: under a generic plan
 * the largest workspace's list of its commonest kind and status in one wijk ran about 8 ms
 * against 2 ms planned for its parameters (it filtered 18,000 index entries instead of
 * looking up 128; bench/observations.ts, planChoice). Prepared, PostgreSQL still skips parsing
 * and analysing the statement each call: 0.2–0.9 ms of its CPU per list (planChoice.perCall).
 * Such statements run on connections of their own (plan_cache_mode force_custom_plan); inside
 * a transaction, on the transaction's connection, unprepared. On PGlite the mark is only a
 * comment.
 */
const PARSED_ONCE_MARK = '/* parsed once */';
export const parsedOnce = sql.raw(PARSED_ONCE_MARK);

/**
 * The pool with its connections' query function sending a marked statement as a named
 * prepared statement: `prepared` on the connection at hand (pg prepares it on the first use on
 * each connection; PostgreSQL then plans it for these parameters a few times before it settles
 * on one plan for all), `parsedOnce` on a connection of `perCall` unless a transaction is open.
 */
function preparing(pool: pg.Pool, perCall: pg.Pool) {
  const names = new Map<string, string>();
  const nameOf = (text: string) => {
    let name = names.get(text);
    if (!name) names.set(text, (name = `d${createHash('sha1').update(text).digest('hex').slice(0, 24)}`));
    return name;
  };
  const patched = new WeakSet<pg.PoolClient>();
  const inTransaction = new WeakSet<pg.PoolClient>();
  return {
    Client: pg.Client,
    options: (pool as unknown as { options: object }).options,
    async connect() {
      const client = await pool.connect();
      if (!patched.has(client)) {
        patched.add(client);
        const query = client.query.bind(client) as (...args: unknown[]) => unknown;
        client.query = ((text: unknown, values?: unknown) => {
          if (typeof text !== 'string') return query(text, values);
          if (text.includes(PREPARED_MARK)) return query({ name: nameOf(text), text, values });
          if (text.trimStart().startsWith(PARSED_ONCE_MARK) && !inTransaction.has(client)) return perCall.query({ name: nameOf(text), text, values: values as unknown[] });
          if (/^\s*(begin|start transaction)\b/i.test(text)) inTransaction.add(client);
          else if (/^\s*(commit|rollback)\s*$/i.test(text)) inTransaction.delete(client);
          return query(text, values);
        }) as typeof client.query;
      }
      return client;
    },
    end: async () => void (await Promise.all([pool.end(), perCall.end()])),
  };
}

/**
 * Runs `fn` in a transaction, or inside the caller's when `db` already is one, so services
 * can call each other without nesting transactions. Inside `fn`, use only the handle it gets:
 * on PGlite a query on the outer handle would wait for the transaction to end.
 */
export function transaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

/** A bytea column as a Buffer: PostgreSQL (pg) answers bytea as a Buffer, PGlite as a Uint8Array. */
export const byteaAsBuffer = (data: Uint8Array) => (Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength));
