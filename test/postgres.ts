import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A fresh, empty database next to `baseUrl`'s (for tests and benchmarks), and how to drop it. */
export async function freshPostgres(baseUrl: string, prefix = 'dichter_test'): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    name,
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      // A closed pool's connections may still be saying goodbye; forcing them off then surfaces as
      // an unhandled error in the pool's client. Give them up to five seconds to leave on their own.
      for (let i = 0; i < 100; i++) {
        const { rows } = await c.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (rows[0].n === 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
