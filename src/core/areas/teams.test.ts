import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, startDichter, type TestDichter, type TestUser } from '../../../test/harness';
import { snapshot } from '../../../test/snapshot';

/** A wijkteam answers for its wijk and the buurten in it; a signal from there reaches its contact. */
let d: TestDichter;
let beheerder: TestUser;
let wijkContact: TestUser;
let wijkMember: TestUser;
let professional: TestUser;
let outsider: TestUser;
let slug: string;
let wijk: string;
let buurt: string;
let otherBuurt: string;
const api = (path: string) => `/api/w/${slug}${path}`;
const req = (method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, token = beheerder.token) => d.request({ method, url: api(path), token, body });

async function area(body: Record<string, unknown>) {
  const res = await req('POST', '/areas', { year: 2026, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

beforeAll(async () => {
  d = await startDichter();
  beheerder = await d.user('Bea Beheerder');
  wijkContact = await d.user('Wim Wijkcoördinator');
  wijkMember = await d.user('Wendy Wijkteam');
  professional = await d.user('Priya Professional');
  outsider = await d.user('Otto Buitenstaander');
  slug = await createWorkspace(d, beheerder);
  for (const u of [wijkContact, wijkMember, professional]) {
    const res = await req('POST', '/members', { email: u.email, name: u.name, role: 'professional' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  wijk = await area({ kind: 'wijk', name: 'Slotervaart' });
  buurt = await area({ kind: 'buurt', name: 'Slotervaart Noord', parentId: wijk });
  otherBuurt = await area({ kind: 'buurt', name: 'Elders', parentId: null });
}, 120_000);
afterAll(() => d?.close());

describe('the team of an area', () => {
  it('is set by the beheerder, contact first, and shown on the buurten below as the team that answers', async () => {
    const res = await req('PUT', `/areas/${wijk}/team`, { members: [{ userId: wijkMember.id }, { userId: wijkContact.id, contact: true }] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.members.map((m: { name: string; contact: boolean }) => [m.name, m.contact])).toEqual([
      ['Wim Wijkcoördinator', true],
      ['Wendy Wijkteam', false],
    ]);
    const below = await req('GET', `/areas/${buurt}/team`, undefined, professional.token);
    expect(below.status).toBe(200);
    expect(below.body).toMatchObject({ members: [], inheritedFrom: { id: wijk, name: 'Slotervaart' }, can: { update: false } });
  });

  it('refuses someone who is not a member, two contacts or a professional setting it, and changes nothing', async () => {
    const before = await snapshot(d.runtime.database.db);
    const stranger = await req('PUT', `/areas/${wijk}/team`, { members: [{ userId: wijkContact.id }, { userId: outsider.id }] });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error).toMatchObject({ id: 'area.team_not_member', fields: [{ path: 'members.1.userId' }] });
    const two = await req('PUT', `/areas/${wijk}/team`, { members: [{ userId: wijkContact.id, contact: true }, { userId: wijkMember.id, contact: true }] });
    expect(two.status).toBe(400);
    expect(two.body.error.id).toBe('area.team_two_contacts');
    expect((await req('PUT', `/areas/${wijk}/team`, { members: [] }, professional.token)).status).toBe(403);
    expect(await snapshot(d.runtime.database.db)).toEqual(before);
  });
});

describe('routing a signal by area', () => {
  it('sends a signal from a buurt without an action line to the contact of its wijk’s team, and one from elsewhere to the coordinators', async () => {
    const signal = async (areaId: string) => {
      const res = await req('POST', '/observations', { kind: 'signaal', title: 'Portiekdeur kapot', text: '', areaId, visibility: 'workspace' }, professional.token);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body;
    };
    expect(await signal(buurt)).toMatchObject({ ownerId: wijkContact.id, routedBy: 'area_team' });
    expect(await signal(otherBuurt)).toMatchObject({ ownerId: beheerder.id, routedBy: 'coordinator' });
    const inbox = await req('GET', '/inbox', undefined, wijkContact.token);
    expect(inbox.body.items.map((i: { title: string }) => i.title)).toEqual(['Portiekdeur kapot']);
  });

  it('goes to the longest-standing team member when the team has no contact, and skips someone who left the workspace', async () => {
    expect((await req('PUT', `/areas/${wijk}/team`, { members: [{ userId: wijkContact.id }] })).status).toBe(200);
    expect((await req('PUT', `/areas/${wijk}/team`, { members: [{ userId: wijkMember.id }, { userId: wijkContact.id }] })).status).toBe(200);
    const first = await req('POST', '/observations', { kind: 'knelpunt', title: 'Wachtlijst schuldhulp', text: '', areaId: buurt, visibility: 'workspace' }, professional.token);
    expect(first.body).toMatchObject({ ownerId: wijkContact.id, routedBy: 'area_team' });
    expect((await d.request({ method: 'DELETE', url: api(`/members/${wijkContact.id}`), token: beheerder.token })).status).toBe(204);
    const next = await req('POST', '/observations', { kind: 'knelpunt', title: 'Wachtlijst schuldhulp 2', text: '', areaId: buurt, visibility: 'workspace' }, professional.token);
    expect(next.body).toMatchObject({ ownerId: wijkMember.id, routedBy: 'area_team' });
    expect((await req('GET', `/areas/${wijk}/team`)).body.members.map((m: { name: string }) => m.name)).toEqual(['Wendy Wijkteam']);
  });
});
