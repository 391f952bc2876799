import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addActionLine, addMembers, createWorkspace, startDichter, type TestDichter, type TestUser } from '../../../test/harness';
import { addWorkingDays } from '../../platform/workdays';

let d: TestDichter;
let beheerder: TestUser;
let lineOwner: TestUser;
let professional: TestUser;
let slug: string;
let actionLine: string;
const api = (path: string) => `/api/w/${slug}${path}`;
const req = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown, token = professional.token) => d.request({ method, url: api(path), token, body });

async function observe(body: Record<string, unknown>, token = professional.token) {
  const res = await req('POST', '/observations', { kind: 'signaal', title: 'Lekkage in portiek', text: '', visibility: 'workspace', ...body }, token);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

beforeAll(async () => {
  d = await startDichter();
  beheerder = await d.user('Bea Beheerder');
  lineOwner = await d.user('Olaf Actielijntrekker');
  professional = await d.user('Priya Professional');
  slug = await createWorkspace(d, beheerder);
  await addMembers(d, slug, beheerder, [
    [lineOwner, 'programmamanager'],
    [professional, 'professional'],
  ]);
  actionLine = await addActionLine(d, slug, beheerder, { title: 'Portiekaanpak', code: 'AL-007', ownerUserId: lineOwner.id });
}, 120_000);
afterAll(() => d?.close());

describe('a signal travels', () => {
  let id: string;

  it('lands in the action line owner’s inbox with a due date the workspace’s response time in working days ahead', async () => {
    const created = await observe({ ladderNodeIds: [actionLine], text: 'Het wijkteam ziet al weken water in de portiek.' });
    id = created.id;
    expect(created).toMatchObject({ status: 'nieuw', ownerId: lineOwner.id, routedBy: 'action_line', number: 1 });
    const expected = addWorkingDays(new Date(), 10);
    expect(Math.abs(new Date(created.dueAt).getTime() - expected.getTime())).toBeLessThan(60_000);
    const inbox = await req('GET', '/inbox', undefined, lineOwner.token);
    expect(inbox.body.items.map((i: { id: string }) => i.id)).toContain(id);
    expect((await req('GET', '/inbox', undefined, professional.token)).body.items).toEqual([]);
  });

  it('refuses an illegal step with a clear error, and a step by someone who is not the owner', async () => {
    const illegal = await req('POST', `/observations/${id}/transitions`, { to: 'afgesloten' }, lineOwner.token);
    expect(illegal.status).toBe(409);
    expect(illegal.body.error.id).toBe('observation.illegal_transition');
    expect(illegal.body.error.message).toContain('nieuw');
    const notOwner = await req('POST', `/observations/${id}/transitions`, { to: 'in_behandeling' }, professional.token);
    expect(notOwner.status).toBe(403);
    const noAnswer = await req('POST', `/observations/${id}/transitions`, { to: 'beantwoord' }, lineOwner.token);
    expect(noAnswer.status).toBe(400);
    expect(noAnswer.body.error.fields[0].path).toBe('message');
  });

  it('the owner answers, the reporter sees the answer (not the colleagues’ note) and says it helped; the history lists every step', async () => {
    expect((await req('POST', `/observations/${id}/transitions`, { to: 'in_behandeling', message: 'Woningcorporatie gebeld', internal: true }, lineOwner.token)).status).toBe(200);
    const answered = await req('POST', `/observations/${id}/transitions`, { to: 'beantwoord', message: 'De loodgieter komt donderdag.' }, lineOwner.token);
    expect(answered.status).toBe(200);
    const seen = await req('GET', `/observations/${id}`);
    expect(seen.body.status).toBe('beantwoord');
    expect(seen.body.can.rate).toBe(true);
    const steps = (res: { body: { history: { to: string | null; message: string | null }[] } }) => res.body.history.map((h) => [h.to, h.message]);
    expect(steps(seen)).toEqual([
      ['nieuw', null],
      ['beantwoord', 'De loodgieter komt donderdag.'],
    ]);
    expect(steps(await req('GET', `/observations/${id}`, undefined, lineOwner.token))).toEqual([
      ['nieuw', null],
      ['in_behandeling', 'Woningcorporatie gebeld'],
      ['beantwoord', 'De loodgieter komt donderdag.'],
    ]);
    const rated = await req('POST', `/observations/${id}/satisfaction`, { score: 4, note: 'Snel geregeld' });
    expect(rated.body.satisfaction).toEqual({ score: 4, note: 'Snel geregeld' });
    const closed = await req('POST', `/observations/${id}/transitions`, { to: 'afgesloten' });
    expect(closed.body.status).toBe('afgesloten');
    expect((await req('GET', '/inbox', undefined, lineOwner.token)).body.items).toEqual([]);
  });

  it('keeps the history append-only in the database itself', async () => {
    await expect(d.runtime.database.db.updateTable('observation_events' as never).set({ message: 'anders' } as never).execute()).rejects.toThrow(/append-only/);
  });

  it('routes to the coordinators when no action line owner is known, and forwards to another member', async () => {
    const created = await observe({ kind: 'knelpunt', title: 'Formulier te ingewikkeld' });
    expect(created).toMatchObject({ ownerId: lineOwner.id, routedBy: 'coordinator' });
    const forwarded = await req('POST', `/observations/${created.id}/transitions`, { to: 'doorgezet', message: 'Bea gaat hierover', ownerUserId: beheerder.id }, lineOwner.token);
    expect(forwarded.body).toMatchObject({ status: 'doorgezet', ownerId: beheerder.id, routedBy: 'forwarded' });
    const story = await observe({ kind: 'verhaal', title: 'Buren helpen elkaar' });
    expect(story).toMatchObject({ ownerId: null, dueAt: null });
  });
});

describe('the personal data guard', () => {
  it('refuses to make text with a valid BSN public, and asks to mark it otherwise', async () => {
    const text = 'Meneer met BSN 111222333 kreeg geen antwoord.';
    const pub = await req('POST', '/observations', { kind: 'signaal', title: 'Geen antwoord', text, visibility: 'public' });
    expect(pub.status).toBe(400);
    expect(pub.body.error.id).toBe('observation.personal_data');
    expect(pub.body.error.message).toContain('BSN');
    const unmarked = await req('POST', '/observations', { kind: 'signaal', title: 'Geen antwoord', text, visibility: 'workspace' });
    expect(unmarked.body.error.id).toBe('observation.personal_data_unmarked');
    const marked = await observe({ title: 'Geen antwoord', text, containsPersonalData: true });
    expect(marked.containsPersonalData).toBe(true);
    const publish = await req('PATCH', `/observations/${marked.id}`, { visibility: 'public' }, beheerder.token);
    expect(publish.status).toBe(400);
    const check = await req('POST', '/observations/check-text', { title: '', text: 'Bel 06-12345678 of mail a@b.nl' });
    expect(check.body.hits.map((h: { kind: string }) => h.kind).sort()).toEqual(['email', 'phone']);
  });
});

describe('finding', () => {
  it('searches in Dutch: "wijkteams" finds "wijkteam", with counts per facet', async () => {
    const res = await req('GET', '/observations?q=wijkteams');
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { title: string }) => i.title)).toEqual(['Lekkage in portiek']);
    expect(res.body.total).toBe(1);
    expect(res.body.facets.kind).toEqual([{ value: 'signaal', label: 'Signaal', count: 1 }]);
    const all = await req('GET', '/observations?limit=1');
    expect(all.body.items).toHaveLength(1);
    expect(all.body.total).toBeGreaterThan(2);
    expect(all.body.facets.kind.reduce((n: number, f: { count: number }) => n + f.count, 0)).toBe(all.body.total);
    const byNode = await req('GET', `/observations?ladderNodeId=${actionLine}`);
    expect(byNode.body.total).toBe(1);
  });

  it('filters by tags: every tag asked for must be on the observation', async () => {
    await observe({ kind: 'verhaal', title: 'Buurtkamer vol', tags: ['buurtkamer', 'eenzaamheid'] });
    await observe({ kind: 'verhaal', title: 'Buurtkamer dicht', tags: ['buurtkamer'] });
    const titles = async (tags: string) => (await req('GET', `/observations?tags=${encodeURIComponent(tags)}`)).body.items.map((i: { title: string }) => i.title).sort();
    expect(await titles('buurtkamer')).toEqual(['Buurtkamer dicht', 'Buurtkamer vol']);
    expect(await titles('buurtkamer,eenzaamheid')).toEqual(['Buurtkamer vol']);
    expect(await titles('eenzaamheid,buurtkamer,zomer')).toEqual([]);
  });

  it('hides intern observations from members who are neither reporter, owner nor coordinator', async () => {
    const intern = await observe({ kind: 'verhaal', title: 'Vertrouwelijk gesprek', visibility: 'intern' }, beheerder.token);
    const other = await d.user('Lotte Lezer');
    await d.request({ method: 'POST', url: api('/members'), token: beheerder.token, body: { email: other.email, name: other.name, role: 'lezer' } });
    expect((await req('GET', `/observations/${intern.id}`, undefined, other.token)).status).toBe(404);
    expect((await req('GET', '/observations?q=vertrouwelijk', undefined, other.token)).body.total).toBe(0);
    expect((await req('GET', '/observations?q=vertrouwelijk', undefined, lineOwner.token)).body.total).toBe(1);
    expect((await req('POST', '/observations', { kind: 'idee', title: 'Mag niet', visibility: 'workspace' }, other.token)).status).toBe(403);
  });

  it('exports what the filter selects, as CSV', async () => {
    const res = await d.app.server.inject({ method: 'GET', url: api('/observations/export?format=csv&kind=signaal'), headers: { authorization: `Bearer ${beheerder.token}` } });
    expect(res.statusCode).toBe(200);
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^number,id,kind,title,text,status/);
    expect(lines.slice(1).every((l) => l.split(',')[2] === 'signaal')).toBe(true);
  });
});

describe('residents without an account', () => {
  it('report, follow their report through the private link, see the answer and reopen it', async () => {
    const report = await d.request({ method: 'POST', url: `/api/public/w/${slug}/observations`, body: { title: 'Kapotte lantaarnpaal', text: 'Al een week donker bij de speeltuin', mayPublish: true } });
    expect(report.status, JSON.stringify(report.body)).toBe(201);
    const follow = await d.request({ method: 'GET', url: `/api/public/observations/${report.body.token}` });
    expect(follow.body).toMatchObject({ number: report.body.number, status: 'nieuw', title: 'Kapotte lantaarnpaal' });
    const list = await d.request({ method: 'GET', url: `/api/public/w/${slug}/observations` });
    expect(list.body.items.map((i: { title: string }) => i.title)).toContain('Kapotte lantaarnpaal');
    expect(JSON.stringify(list.body)).not.toMatch(/speeltuin|token|reporter/);
    const found = (await req('GET', '/observations?q=lantaarnpaal', undefined, beheerder.token)).body.items[0];
    await req('POST', `/observations/${found.id}/transitions`, { to: 'in_behandeling', message: 'Intern: monteur gebeld', internal: true }, lineOwner.token);
    await req('POST', `/observations/${found.id}/transitions`, { to: 'beantwoord', message: 'De lamp is vervangen.' }, lineOwner.token);
    const answered = await d.request({ method: 'GET', url: `/api/public/observations/${report.body.token}` });
    expect(answered.body.history.map((h: { message: string | null }) => h.message)).toEqual([null, 'De lamp is vervangen.']);
    const reopened = await d.request({ method: 'POST', url: `/api/public/observations/${report.body.token}/reopen`, body: { message: 'Hij is alweer stuk.' } });
    expect(reopened.body.status).toBe('heropend');
    expect((await req('GET', '/inbox', undefined, lineOwner.token)).body.items.map((i: { id: string }) => i.id)).toContain(found.id);
  });

  it('a public report with personal data is refused when it should be public, and a filled-in spam trap is refused', async () => {
    const pii = await d.request({ method: 'POST', url: `/api/public/w/${slug}/observations`, body: { title: 'Overlast', text: 'Bel mij op 0612345678', mayPublish: true } });
    expect(pii.body.error.id).toBe('observation.personal_data');
    const spam = await d.request({ method: 'POST', url: `/api/public/w/${slug}/observations`, body: { title: 'Koop nu', website: 'http://spam.example' } });
    expect(spam.body.error.id).toBe('observation.spam');
    const bad = await d.request({ method: 'GET', url: '/api/public/observations/verkeerde-link-die-niet-bestaat' });
    expect(bad.status).toBe(404);
  });
});

describe('observations for a learning cycle', () => {
  it('gives the observations of a scope since a date, and overdue ones from before, with the overdue flag — nothing from elsewhere', async () => {
    const { observationsInScope } = await import('./service');
    const { resolveMembership } = await import('../workspaces/service');
    const goal = (await req('GET', '/ladder/nodes?rung=goal', undefined, beheerder.token)).body.items[0].id;
    const line = (await req('POST', '/ladder/nodes', { rung: 'action_line', title: 'Leerlijn', parentIds: [goal], code: 'AL-077' }, beheerder.token)).body.id;
    const recent = await observe({ ladderNodeIds: [line], title: 'Nieuw in de leerlijn' });
    const old = await observe({ ladderNodeIds: [line], title: 'Oud maar verlopen', occurredAt: new Date(Date.now() - 100 * 86_400_000).toISOString() });
    const oldAnswered = await observe({ ladderNodeIds: [line], title: 'Oud en op tijd', occurredAt: new Date(Date.now() - 100 * 86_400_000).toISOString() });
    const elsewhere = await observe({ title: 'Elders gezien' });
    await d.runtime.database.db.updateTable('observations').set({ dueAt: new Date(Date.now() - 86_400_000) }).where('id', '=', old.id).execute();
    const base = { ...d.runtime.context(), actor: { userId: beheerder.id, email: beheerder.email, name: beheerder.name, isAdmin: false, via: 'token' as const } };
    const ctx = { ...base, workspace: (await resolveMembership(base, slug))! };
    const since = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
    const until = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const found = await observationsInScope(ctx, { nodeIds: [line], since, until });
    expect(found.map((o) => [o.title, o.overdue])).toEqual([
      ['Oud maar verlopen', true],
      ['Nieuw in de leerlijn', false],
    ]);
    const ids = found.map((o) => o.id);
    expect(ids).not.toContain(oldAnswered.id);
    expect(ids).not.toContain(elsewhere.id);
    expect(ids).toContain(recent.id);
    // included on request (e.g. a story selected in an MSC round), still only within the scope
    const withStory = await observationsInScope(ctx, { nodeIds: [line], since, until, includeIds: [oldAnswered.id, elsewhere.id] });
    expect(withStory.map((o) => o.id)).toContain(oldAnswered.id);
    expect(withStory.map((o) => o.id)).not.toContain(elsewhere.id);
  });
});

describe('recording in one go', () => {
  const unknown = '0190a000-0000-7000-8000-000000000000';
  const post = (body: Record<string, unknown>) => req('POST', '/observations', { kind: 'signaal', title: 'Lekkage in de kelder', text: '', visibility: 'workspace', ...body });
  const newest = async () => (await req('GET', '/observations?limit=1', undefined, beheerder.token)).body as { total: number; items: { number: number }[] };

  it('stores the observation with its links, first history entry and audit row together, and nothing at all, not even a number, when a check fails', async () => {
    const area = await req('POST', '/areas', { name: 'Kolenkitbuurt', kind: 'buurt', year: 2024 }, beheerder.token);
    expect(area.status, JSON.stringify(area.body)).toBe(201);
    const before = await newest();

    // Area and action line both unknown: the member hears about the area, as when the checks ran one after the other.
    const both = await post({ areaId: unknown, ladderNodeIds: [unknown] });
    expect(both.status).toBe(400);
    expect(both.body.error).toMatchObject({ id: 'observation.area_not_found', fields: [{ path: 'areaId' }] });
    const node = await post({ areaId: area.body.id, ladderNodeIds: [actionLine, unknown] });
    expect(node.status).toBe(400);
    expect(node.body.error).toMatchObject({ id: 'observation.node_not_found', fields: [{ path: 'ladderNodeIds.1' }] });
    expect((await newest()).total).toBe(before.total);

    const created = await observe({ areaId: area.body.id, ladderNodeIds: [actionLine], tags: ['wonen'], text: 'Water in de kelder van het complex.' });
    expect(created).toMatchObject({
      number: before.items[0].number + 1,
      areaName: 'Kolenkitbuurt',
      ownerId: lineOwner.id,
      ownerName: lineOwner.name,
      routedBy: 'action_line',
      reporter: { userId: professional.id, name: professional.name, isResident: false },
      ladderNodes: [{ id: actionLine, code: 'AL-007' }],
      tags: ['wonen'],
    });
    expect(created.history).toEqual([expect.objectContaining({ action: 'created', to: 'nieuw', ownerName: lineOwner.name, actorName: professional.name, at: created.createdAt })]);
    // The answer to the POST is what was stored.
    const read = await req('GET', `/observations/${created.id}`, undefined, beheerder.token);
    for (const field of ['number', 'areaName', 'ownerName', 'dueAt', 'ladderNodes', 'tags', 'history', 'createdAt', 'reporter'] as const) expect(read.body[field]).toEqual(created[field]);
    const audit = await d.request({ url: api(`/audit?entity=observation&entityId=${created.id}`), token: beheerder.token });
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        action: 'create',
        entityLabel: `#${created.number}`,
        actorName: professional.name,
        changes: expect.objectContaining({ number: { before: null, after: created.number }, ownerUserId: { before: null, after: lineOwner.id }, dueAt: { before: null, after: created.dueAt } }),
      }),
    ]);
  });

  it('names the reporter of an idea, which nobody is asked to answer, from their account', async () => {
    const idea = await observe({ kind: 'idee', title: 'Een moestuin op het binnenterrein' });
    expect(idea).toMatchObject({ ownerId: null, ownerName: null, routedBy: null, dueAt: null, reporter: { userId: professional.id, name: professional.name } });
    expect(idea.history).toEqual([expect.objectContaining({ action: 'created', actorName: professional.name, ownerName: null })]);
  });
});
