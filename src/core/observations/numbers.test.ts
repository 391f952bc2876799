import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, startDichter, type TestDichter, type TestUser } from '../../../test/harness';
import { migrate, migrateDown } from '../../platform/migrator';
import { migrationSets } from '../../platform/runtime';
import { modules } from '../../modules';
import { migrations } from './migrations';

/** Observation numbers from a sequence per workspace (migration 009), and the way back to the counter it replaced. */
let d: TestDichter;
let beheerder: TestUser;
let slug: string;
let workspaceId: string;
const set = { module: 'observations', migrations };
const report = async () => {
  const res = await d.request({ method: 'POST', url: `/api/w/${slug}/observations`, token: beheerder.token, body: { kind: 'idee', title: 'Een bankje bij de speeltuin', text: '', visibility: 'workspace' } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.number as number;
};

beforeAll(async () => {
  d = await startDichter();
  beheerder = await d.user('Bea Beheerder');
  slug = await createWorkspace(d, beheerder);
  workspaceId = (await d.request({ method: 'GET', url: `/api/w/${slug}`, token: beheerder.token })).body.id;
}, 120_000);
afterAll(() => d?.close());

describe('observation numbers', () => {
  it('numbers a new workspace from 1, each workspace on its own', async () => {
    const other = await createWorkspace(d, beheerder);
    expect([await report(), await report()]).toEqual([1, 2]);
    const res = await d.request({ method: 'POST', url: `/api/w/${other}/observations`, token: beheerder.token, body: { kind: 'idee', title: 'Elders', text: '', visibility: 'workspace' } });
    expect(res.body.number).toBe(1);
    expect(await report()).toBe(3);
  });

  it('never hands out the number of a deleted observation again, also across the migration and back', async () => {
    const db = d.runtime.database.db;
    const last = await report();
    await sql`delete from observations where workspace_id = ${workspaceId} and number = ${last}`.execute(db);
    // Back to the counter: it holds the last number handed out, not the highest one left.
    const back = await migrateDown(db, set, set.migrations.length - set.migrations.findIndex((m) => m.name === '2026_11_29_009_observation_number_sequences'));
    expect(back.at(-1)).toBe('observations/2026_11_29_009_observation_number_sequences');
    const counter = await sql<{ lastNumber: number }>`select last_number from observation_counters where workspace_id = ${workspaceId}`.execute(db);
    expect(counter.rows).toEqual([{ lastNumber: last }]);
    // And forward again: the sequence goes on after the counter.
    await migrate(db, migrationSets(modules));
    expect(await report()).toBe(last + 1);
  });
});
