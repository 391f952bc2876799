import { sql } from 'kysely';
import { VersionedCache } from '../../platform/cache';
import type { ServiceContext } from '../../platform/context';
import type { Db } from '../../platform/db/database';
import { localDate } from '../../platform/workdays';

/*
 * The module's aggregates (dashboard, effect monitor, plan summary, fund, MKBA, the approach-wide
 * view) are computed once per version of the data they read and then answered from memory. The
 * database raises a workspace's version in every statement that changes one of the module's rows
 * (migration 109), so a figure is never older than the data: a read first takes the version, then
 * the data, which is at least as new. Figures that depend on the date (months of coaching, this
 * month's fund balance) also carry the day.
 */

/** One cache per database handle: tests and benchmarks open several databases in one process. */
const caches = new WeakMap<object, VersionedCache<unknown>>();
const cacheOf = (db: Db) => {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new VersionedCache<unknown>(400)));
  return cache;
};

/** The version of a workspace's data, or (null) of the whole approach: the highest version and the number of workspaces. */
export async function dataVersion(db: Db, workspaceId: string | null): Promise<string> {
  if (workspaceId) {
    const r = await sql<{ v: string }>`select version::text as v from youth_debt_versions where workspace_id = ${workspaceId}`.execute(db);
    return r.rows[0]?.v ?? '0';
  }
  const r = await sql<{ v: string }>`select coalesce(max(version), 0)::text || '/' || count(*) as v from youth_debt_versions`.execute(db);
  return r.rows[0].v;
}

/** `compute`'s answer for this workspace (null: all) as of the current data version (and day, if `daily`). */
export async function cachedFigures<T>(ctx: ServiceContext, workspaceId: string | null, name: string, compute: () => Promise<T>, options: { daily?: boolean } = {}): Promise<T> {
  const version = await dataVersion(ctx.db, workspaceId);
  const now = new Date();
  const key = JSON.stringify([name, workspaceId, options.daily ? `${localDate(now)}/${now.toISOString().slice(0, 10)}` : null]);
  return cacheOf(ctx.db).get(key, version, compute) as Promise<T>;
}
