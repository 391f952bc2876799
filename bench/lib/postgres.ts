import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A fresh, empty database next to DATABASE_URL's, dropped afterwards (as test/harness.ts does). */
export async function freshPostgres(baseUrl: string): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `dichter_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
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
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
