import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, startDichter, type TestDichter, type TestUser } from '../../../test/harness';

let d: TestDichter;
let owner: TestUser;
let slug: string;

beforeAll(async () => {
  d = await startDichter();
  owner = await d.user('Anouk Beheerder');
  slug = await createWorkspace(d, owner, 'samen-slotermeer', 'Samen Slotermeer');
});
afterAll(() => d?.close());

const as = (user: TestUser) => ({
  get: (url: string) => d.request({ url: `/api/w/${slug}${url}`, token: user.token }),
  post: (url: string, body: unknown) => d.request({ method: 'POST', url: `/api/w/${slug}${url}`, token: user.token, body }),
  patch: (url: string, body: unknown) => d.request({ method: 'PATCH', url: `/api/w/${slug}${url}`, token: user.token, body }),
  del: (url: string) => d.request({ method: 'DELETE', url: `/api/w/${slug}${url}`, token: user.token }),
});

async function memberWithRole(role: string) {
  const user = await d.user(`Lid ${role}`);
  const res = await as(owner).post('/members', { email: user.email, name: user.name, role });
  expect(res.status).toBe(201);
  return user;
}

describe('workspace', () => {
  it('is created with the creator as beheerder and sensible defaults', async () => {
    const res = await d.request({ url: `/api/w/${slug}`, token: owner.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ slug, name: 'Samen Slotermeer', role: 'beheerder', responseDays: 10, defaultLocale: 'nl', theme: 'voorbeeld' });
    expect(res.body.can).toEqual({ update: true, manageMembers: true, managePartners: true, manageCharter: true, readAudit: true });
  });

  it('refuses a slug that is taken with 409 and a field message', async () => {
    const res = await d.request({ method: 'POST', url: '/api/workspaces', token: owner.token, body: { name: 'Nog een', slug } });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ id: 'workspace.slug_taken', fields: [{ path: 'slug' }] });
  });

  it('asks for sign-in without credentials (401) and rejects a revoked token', async () => {
    expect((await d.request({ url: '/api/workspaces' })).status).toBe(401);
    const user = await d.user();
    const list = await d.request({ url: '/api/me/tokens', token: user.token });
    await d.request({ method: 'DELETE', url: `/api/me/tokens/${list.body.items[0].id}`, token: user.token });
    const after = await d.request({ url: '/api/workspaces', token: user.token });
    expect(after.status).toBe(401);
    expect(after.body.error.id).toBe('auth.invalid_token');
  });

  it('lets only the beheerder change settings, and records the change in the audit log', async () => {
    const pm = await memberWithRole('programmamanager');
    expect((await as(pm).patch('/', { responseDays: 5 })).status).toBe(403);
    const res = await as(owner).patch('/', { responseDays: 5, description: 'Gebiedsprogramma' });
    expect(res.status).toBe(200);
    expect(res.body.responseDays).toBe(5);
    const audit = await as(owner).get('/audit?entity=workspace');
    expect(audit.body.items[0]).toMatchObject({ action: 'update', actorName: 'Anouk Beheerder', changes: { responseDays: { before: 10, after: 5 } } });
    expect((await as(pm).get('/audit')).status).toBe(403);
  });

  it('lists the workspaces a person belongs to, each with their own role', async () => {
    const user = await d.user();
    await as(owner).post('/members', { email: user.email, name: user.name, role: 'bestuurder' });
    const own = await createWorkspace(d, user, 'eigen-werkruimte');
    const res = await d.request({ url: '/api/workspaces', token: user.token });
    expect(res.body.items.map((w: { slug: string; role: string }) => [w.slug, w.role]).sort()).toEqual([
      [own, 'beheerder'],
      [slug, 'bestuurder'],
    ]);
  });
});

describe('members', () => {
  it('adds a person by e-mail with a role, once', async () => {
    const res = await as(owner).post('/members', { email: 'Wijkagent@Example.org', name: 'Wijkagent', role: 'partner' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email: 'wijkagent@example.org', role: 'partner' });
    const again = await as(owner).post('/members', { email: 'wijkagent@example.org', name: 'Wijkagent', role: 'lezer' });
    expect(again.status).toBe(409);
    expect(again.body.error.id).toBe('member.exists');
  });

  it('shows e-mail addresses only to beheerders', async () => {
    const reader = await memberWithRole('lezer');
    const asReader = await as(reader).get('/members');
    expect(asReader.status).toBe(200);
    expect(asReader.body.items.every((m: { email: string | null }) => m.email === null)).toBe(true);
    const asOwner = await as(owner).get('/members');
    expect(asOwner.body.items.find((m: { userId: string }) => m.userId === reader.id).email).toBe(reader.email);
  });

  it('always keeps one beheerder', async () => {
    const res = await as(owner).patch(`/members/${owner.id}`, { role: 'lezer' });
    expect(res.status).toBe(409);
    expect(res.body.error.id).toBe('member.last_beheerder');
    expect((await as(owner).del(`/members/${owner.id}`)).status).toBe(409);
  });

  it('changes a role and removes a member; a non-beheerder may not', async () => {
    const pro = await memberWithRole('professional');
    expect((await as(pro).patch(`/members/${pro.id}`, { role: 'beheerder' })).status).toBe(403);
    const changed = await as(owner).patch(`/members/${pro.id}`, { role: 'beleidsadviseur' });
    expect(changed.body.role).toBe('beleidsadviseur');
    expect((await as(owner).del(`/members/${pro.id}`)).status).toBe(204);
    expect((await d.request({ url: `/api/w/${slug}`, token: pro.token })).status).toBe(404);
    expect((await as(owner).del(`/members/${pro.id}`)).status).toBe(404);
  });
});

describe('partners', () => {
  it('registers, edits and removes a partner organisation', async () => {
    const created = await as(owner).post('/partners', { name: 'Woonstichting West', type: 'corporatie', website: 'https://example.org' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Woonstichting West', type: 'corporatie', signedCharter: false });
    const dup = await as(owner).post('/partners', { name: 'woonstichting west', type: 'corporatie' });
    expect(dup.status).toBe(409);
    const edited = await as(owner).patch(`/partners/${created.body.id}`, { type: 'bedrijf' });
    expect(edited.body.type).toBe('bedrijf');
    expect((await as(owner).del(`/partners/${created.body.id}`)).status).toBe(204);
    // The audit log still says which partner it was, after it is gone.
    const audit = await as(owner).get(`/audit?entity=partner&entityId=${created.body.id}`);
    expect(audit.body.items.map((e: { action: string; entityLabel: string }) => [e.action, e.entityLabel])).toEqual([
      ['delete', 'Woonstichting West'],
      ['update', 'Woonstichting West'],
      ['create', 'Woonstichting West'],
    ]);
    expect((await as(owner).get(`/partners/${created.body.id}`)).status).toBe(404);
  });

  it('rejects an unknown partner type with a field message listing the options', async () => {
    const res = await as(owner).post('/partners', { name: 'X', type: 'ngo' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0]).toMatchObject({ path: 'type', message: expect.stringContaining('corporatie') });
  });

  it('lets a lezer read but not change partners', async () => {
    const reader = await memberWithRole('lezer');
    expect((await as(reader).get('/partners')).status).toBe(200);
    expect((await as(reader).post('/partners', { name: 'Nieuw', type: 'overig' })).status).toBe(403);
  });
});

describe('charter', () => {
  it('records shared values and who signed it, for which partner', async () => {
    const partner = (await as(owner).post('/partners', { name: 'Buurtteam', type: 'welzijn' })).body;
    const v1 = await as(owner).post('/charter/values', { title: 'Bewoners aan zet', description: 'Wat bewoners zien is het vertrekpunt.' });
    const v2 = await as(owner).post('/charter/values', { title: 'Samen leren' });
    expect([v1.status, v2.status]).toEqual([201, 201]);
    expect(v2.body.position).toBe(v1.body.position + 1);
    const sig = await as(owner).post('/charter/signatories', { partnerId: partner.id, personName: 'M. Ouali', personRole: 'teamleider', signedOn: '2024-02-12' });
    expect(sig.status).toBe(201);
    const charter = await as(owner).get('/charter');
    expect(charter.body.values.map((v: { title: string }) => v.title)).toEqual(['Bewoners aan zet', 'Samen leren']);
    expect(charter.body.signatories[0]).toMatchObject({ partnerName: 'Buurtteam', personName: 'M. Ouali', signedOn: '2024-02-12' });
    expect((await as(owner).get('/partners')).body.items.find((p: { id: string }) => p.id === partner.id).signedCharter).toBe(true);
    // A partner that signed cannot silently disappear.
    const del = await as(owner).del(`/partners/${partner.id}`);
    expect(del.status).toBe(409);
    expect(del.body.error.id).toBe('partner.signed_charter');
  });

  it('refuses a duplicate value, a signing date in the future and an unknown partner', async () => {
    await as(owner).post('/charter/values', { title: 'Vertrouwen' });
    expect((await as(owner).post('/charter/values', { title: 'vertrouwen' })).status).toBe(409);
    const future = await as(owner).post('/charter/signatories', { personName: 'X', signedOn: '2999-01-01' });
    expect(future.status).toBe(400);
    expect(future.body.error.fields[0].path).toBe('signedOn');
    const unknown = await as(owner).post('/charter/signatories', { personName: 'X', signedOn: '2024-01-01', partnerId: '0190a3c4-0000-7000-8000-000000000000' });
    expect(unknown.status).toBe(404);
    const badDate = await as(owner).post('/charter/signatories', { personName: 'X', signedOn: '12-02-2024' });
    expect(badDate.status).toBe(400);
  });
});
