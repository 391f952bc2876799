import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../../platform/runtime';
import { createWorkspace, startDichter, type TestDichter, type TestUser } from '../../../test/harness';

let d: TestDichter;
let beheerder: TestUser;
let slug: string;
const req = (method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, token = beheerder.token) => d.request({ method, url: `/api/w/${slug}${path}`, token, body });

async function closedSignal(title: string) {
  const created = await req('POST', '/observations', { kind: 'signaal', title, visibility: 'workspace' });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  await req('POST', `/observations/${id}/transitions`, { to: 'beantwoord', message: 'Opgelost.' });
  await req('POST', `/observations/${id}/transitions`, { to: 'afgesloten' });
  return id;
}

beforeAll(async () => {
  d = await startDichter();
  beheerder = await d.user('Bea Beheerder');
  slug = await createWorkspace(d, beheerder);
}, 120_000);
afterAll(() => d?.close());

describe('retention', () => {
  it('is a workspace setting only a beheerder changes, one rule per kind and status', async () => {
    expect((await req('GET', '/observation-retention')).body).toMatchObject({ items: [], can: { manage: true } });
    const dup = await req('PUT', '/observation-retention', { rules: [{ kind: 'signaal', status: 'afgesloten', months: 60 }, { kind: 'signaal', status: 'afgesloten', months: 12 }] });
    expect(dup.status).toBe(400);
    expect(dup.body.error.id).toBe('observation.retention_duplicate');
    const set = await req('PUT', '/observation-retention', { rules: [{ kind: 'signaal', status: 'afgesloten', months: 12 }] });
    expect(set.body.items).toEqual([{ kind: 'signaal', status: 'afgesloten', months: 12 }]);
    const pm = await d.user('Piet Programmamanager');
    await req('POST', '/members', { email: pm.email, name: pm.name, role: 'programmamanager' });
    expect((await req('PUT', '/observation-retention', { rules: [] }, pm.token)).status).toBe(403);
  });

  it('the scheduled job deletes what is past its term, records each deletion in the audit log, and keeps the rest', async () => {
    const old = await closedSignal('Oude melding over de brug');
    const recent = await closedSignal('Recente melding over de brug');
    const open = (await req('POST', '/observations', { kind: 'signaal', title: 'Nog open', visibility: 'workspace' })).body.id;
    // closed thirteen months ago
    await sql`update observations set closed_at = now() - interval '13 months' where id = ${old}`.execute(d.runtime.database.db);
    await sql`update observations set updated_at = now() - interval '13 months' where id = ${open}`.execute(d.runtime.database.db);
    const summary = await runJob(d.runtime, 'observations.retention');
    expect(summary).toMatch(/^1 waarneming/);
    expect((await req('GET', `/observations/${old}`)).status).toBe(404);
    expect((await req('GET', `/observations/${recent}`)).status).toBe(200);
    expect((await req('GET', `/observations/${open}`)).status).toBe(200);
    const audit = await req('GET', '/audit?entity=observation&limit=100');
    const entry = audit.body.items.find((a: { entityId: string; action: string }) => a.entityId === old && a.action === 'retention_delete');
    expect(entry, JSON.stringify(audit.body.items.slice(0, 3))).toBeTruthy();
    expect(JSON.stringify(entry)).not.toContain('Oude melding');
  });
});
