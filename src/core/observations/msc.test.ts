import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, startDichter, type TestDichter, type TestUser } from '../../../test/harness';
import { localDate } from '../../platform/workdays';

/*
 * Most Significant Change: domains, periods, the domain of a story, a selection round with its
 * panel, the choices with reasons, finishing (the storytellers are told) and what reports include.
 */

let d: TestDichter;
let beheerder: TestUser;
let adviseur: TestUser;
let professional: TestUser;
let outsider: TestUser;
let slug: string;
let outsiderSlug: string;
const api = (path: string, ws = slug) => `/api/w/${ws}${path}`;
const req = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown, token = beheerder.token) => d.request({ method, url: api(path), token, body });

async function ok(res: Promise<{ status: number; body: any }>, status = 200) {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body;
}

async function story(title: string, occurredAt: string, extra: Record<string, unknown> = {}, token = professional.token) {
  return (await ok(req('POST', '/observations', { kind: 'verhaal', title, text: `Het verhaal van ${title.toLowerCase()}.`, occurredAt, ...extra }, token), 201)) as { id: string; number: number };
}

const ids = (list: { id: string }[]) => list.map((i) => i.id).sort();

let meedoen: string;
let bestaan: string;
let q1: string;
let q2: string;
const s: Record<string, { id: string; number: number }> = {};

beforeAll(async () => {
  d = await startDichter();
  beheerder = await d.user('Bea Beheerder');
  adviseur = await d.user('Ali Adviseur');
  professional = await d.user('Priya Professional');
  outsider = await d.user('Otto Buitenstaander');
  slug = await createWorkspace(d, beheerder);
  outsiderSlug = await createWorkspace(d, outsider);
  for (const [u, role] of [
    [adviseur, 'beleidsadviseur'],
    [professional, 'professional'],
  ] as const) {
    await ok(d.request({ method: 'POST', url: api('/members'), token: beheerder.token, body: { email: u.email, name: u.name, role } }), 201);
  }
}, 120_000);
afterAll(() => d?.close());

describe('domains and periods', () => {
  it('coordinators add domains of change and collection periods; names are unique; the end lies after the start', async () => {
    meedoen = (await ok(req('POST', '/msc/domains', { name: 'Meedoen en ontmoeten', description: 'Bewoners vinden elkaar.' }), 201)).id;
    bestaan = (await ok(req('POST', '/msc/domains', { name: 'Bestaanszekerheid' }), 201)).id;
    const taken = await req('POST', '/msc/domains', { name: 'bestaanszekerheid' });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ id: 'msc.domain_taken', fields: [{ path: 'name' }] });
    expect((await req('POST', '/msc/domains', { name: 'Mag niet' }, professional.token)).status).toBe(403);

    q1 = (await ok(req('POST', '/msc/periods', { name: 'Eerste kwartaal 2026', startDate: '2026-01-01', endDate: '2026-03-31' }), 201)).id;
    q2 = (await ok(req('POST', '/msc/periods', { name: 'Tweede kwartaal 2026', startDate: '2026-04-01', endDate: '2026-06-30' }), 201)).id;
    const backwards = await req('POST', '/msc/periods', { name: 'Achterstevoren', startDate: '2026-05-01', endDate: '2026-04-01' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error).toMatchObject({ id: 'msc.period_dates', fields: [{ path: 'endDate' }] });

    const list = await ok(req('GET', '/msc/domains', undefined, professional.token));
    expect(list.items.map((i: { name: string }) => i.name)).toEqual(['Bestaanszekerheid', 'Meedoen en ontmoeten']);
    expect(list.can).toEqual({ manage: false });
    expect((await ok(req('GET', '/msc/periods'))).can).toEqual({ manage: true });
  });

  it('a story gets a domain from its storyteller or a coordinator, not from another member', async () => {
    s.koken = await story('Buren koken voor elkaar', '2026-02-10T18:00:00+01:00');
    s.baan = await story('Jongere heeft weer een baan', '2026-03-05T10:00:00+01:00');
    s.straat = await story('Straatfeest', '2026-05-20T15:00:00+02:00');
    // 23:30 UTC on 31 March is 1 April in the Netherlands: the second quarter
    s.grens = await story('Laat op de avond', '2026-03-31T23:30:00Z');
    s.intern = await story('Vertrouwelijk verhaal', '2026-02-11T09:00:00+01:00', { visibility: 'intern' }, beheerder.token);
    s.signaal = (await ok(req('POST', '/observations', { kind: 'signaal', title: 'Lekkage', occurredAt: '2026-02-12T09:00:00+01:00' }, professional.token), 201)) as { id: string; number: number };

    const mine = await ok(req('PUT', `/msc/stories/${s.koken.id}/domain`, { domainId: meedoen }, professional.token));
    expect(mine).toMatchObject({ domainId: meedoen, domainName: 'Meedoen en ontmoeten', storyteller: 'Priya Professional', can: { classify: true } });
    await ok(req('PUT', `/msc/stories/${s.straat.id}/domain`, { domainId: meedoen }));
    await ok(req('PUT', `/msc/stories/${s.baan.id}/domain`, { domainId: bestaan }));
    await ok(req('PUT', `/msc/stories/${s.grens.id}/domain`, { domainId: meedoen }));
    const notMine = await req('PUT', `/msc/stories/${s.intern.id}/domain`, { domainId: meedoen }, professional.token);
    expect(notMine.status).toBe(404); // an intern story of someone else is not there for her
    expect((await req('PUT', `/msc/stories/${s.signaal.id}/domain`, { domainId: meedoen })).body.error.id).toBe('msc.story_not_found');
    const othersStory = await story('Verhaal van de beheerder', '2026-05-02T12:00:00+02:00', {}, beheerder.token);
    const forbidden = await req('PUT', `/msc/stories/${othersStory.id}/domain`, { domainId: meedoen }, professional.token);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.id).toBe('msc.classify_not_allowed');

    const unassigned = await ok(req('GET', `/msc/stories?periodId=${q1}&domainId=none`));
    expect(ids(unassigned.items)).toEqual([s.intern.id]);
    const q1Stories = await ok(req('GET', `/msc/stories?periodId=${q1}`, undefined, professional.token));
    expect(ids(q1Stories.items)).toEqual(ids([s.koken, s.baan]));
  });
});

describe('a selection round', () => {
  let byDomain: string;
  let all: string;
  let kokenChoice: string;

  it('only coordinators open a round; panel members by id must be members', async () => {
    const refused = await req('POST', '/msc/rounds', { periodId: q1, name: 'Mag niet', heldOn: '2026-04-10' }, professional.token);
    expect(refused.status).toBe(403);
    const stranger = await req('POST', '/msc/rounds', { periodId: q1, name: 'Panel', heldOn: '2026-04-10', panel: [{ userId: outsider.id }] });
    expect(stranger.body.error).toMatchObject({ id: 'msc.panel_not_member', fields: [{ path: 'panel.0.userId' }] });

    const round = await ok(req('POST', '/msc/rounds', { periodId: q1, domainId: meedoen, name: 'Panel meedoen Q1', heldOn: '2026-04-10', panel: [{ userId: adviseur.id }, { name: 'Fatima (bewoner)' }] }), 201);
    byDomain = round.id;
    expect(round).toMatchObject({ status: 'open', periodName: 'Eerste kwartaal 2026', domainName: 'Meedoen en ontmoeten', panel: [{ userId: adviseur.id, name: 'Ali Adviseur' }, { userId: null, name: 'Fatima (bewoner)' }] });
    // only the period's stories of the domain: not the second quarter's, not the one of 1 April (Dutch time), not a signal
    expect(ids(round.candidates)).toEqual([s.koken.id]);
    expect(round.candidates[0].text).toBe('Het verhaal van buren koken voor elkaar.');

    all = (await ok(req('POST', '/msc/rounds', { periodId: q1, name: 'Panel Q1', heldOn: '2026-04-12' }), 201)).id;
    const asCoordinator = await ok(req('GET', `/msc/rounds/${all}`));
    expect(ids(asCoordinator.candidates)).toEqual(ids([s.koken, s.baan, s.intern]));
    const asAdviser = await ok(req('GET', `/msc/rounds/${all}`, undefined, adviseur.token));
    expect(ids(asAdviser.candidates)).toEqual(ids([s.koken, s.baan]));
    expect(asAdviser.can).toEqual({ update: false, select: true, finish: false, delete: false });
    expect((await ok(req('GET', `/msc/rounds/${all}`, undefined, professional.token))).can.select).toBe(false);
  });

  it('the panel chooses with a rank and a reason; the reason is required, ranks are unique, only candidates can be chosen', async () => {
    const noReason = await req('POST', `/msc/rounds/${all}/selections`, { observationId: s.koken.id, rank: 1, reason: '  ' }, adviseur.token);
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['reason']);
    const outside = await req('POST', `/msc/rounds/${all}/selections`, { observationId: s.straat.id, rank: 1, reason: 'Mooi verhaal' }, adviseur.token);
    expect(outside.status).toBe(400);
    expect(outside.body.error).toMatchObject({ id: 'msc.not_candidate', fields: [{ path: 'observationId' }] });
    expect(outside.body.error.message).toContain('Eerste kwartaal 2026');
    const otherDomain = await req('POST', `/msc/rounds/${byDomain}/selections`, { observationId: s.baan.id, rank: 1, reason: 'Werk!' }, adviseur.token);
    expect(otherDomain.body.error.id).toBe('msc.not_candidate');
    expect((await req('POST', `/msc/rounds/${all}/selections`, { observationId: s.koken.id, rank: 1, reason: 'Mag niet' }, professional.token)).status).toBe(403);

    const first = await ok(req('POST', `/msc/rounds/${all}/selections`, { observationId: s.koken.id, rank: 1, reason: 'Bewoners deden het zelf.' }, adviseur.token), 201);
    kokenChoice = first.selections[0].id;
    expect(first.candidates.find((c: { id: string }) => c.id === s.koken.id).selectionId).toBe(kokenChoice);
    const sameRank = await req('POST', `/msc/rounds/${all}/selections`, { observationId: s.baan.id, rank: 1, reason: 'Ook goed' }, adviseur.token);
    expect(sameRank.status).toBe(409);
    expect(sameRank.body.error).toMatchObject({ id: 'msc.rank_taken', fields: [{ path: 'rank' }] });
    const twice = await req('POST', `/msc/rounds/${all}/selections`, { observationId: s.koken.id, rank: 3, reason: 'Nog eens' }, adviseur.token);
    expect(twice.body.error.id).toBe('msc.already_selected');
    await ok(req('POST', `/msc/rounds/${all}/selections`, { observationId: s.baan.id, rank: 2, reason: 'Schuldhulp en werk samen.' }, adviseur.token), 201);
    const changed = await ok(req('PATCH', `/msc/rounds/${all}/selections/${kokenChoice}`, { reason: 'Bewoners deden het zelf, over grenzen heen.' }, adviseur.token));
    expect(changed.selections.map((x: { rank: number; reason: string; story: { id: string } }) => [x.rank, x.story.id, x.reason])).toEqual([
      [1, s.koken.id, 'Bewoners deden het zelf, over grenzen heen.'],
      [2, s.baan.id, 'Schuldhulp en werk samen.'],
    ]);
    expect((await req('PATCH', `/msc/rounds/${all}/selections/${kokenChoice}`, { rank: 2 }, adviseur.token)).body.error.id).toBe('msc.rank_taken');
  });

  it('finishing tells the storytellers why their story was chosen; the round is then fixed', async () => {
    expect((await req('PATCH', `/msc/rounds/${all}`, { status: 'afgerond' }, adviseur.token)).status).toBe(403);
    expect((await req('PATCH', `/msc/rounds/${byDomain}`, { status: 'afgerond' })).body.error.id).toBe('msc.round_empty');
    const finished = await ok(req('PATCH', `/msc/rounds/${all}`, { status: 'afgerond' }));
    expect(finished).toMatchObject({ status: 'afgerond', can: { update: false, select: false, finish: false, delete: false } });
    expect(finished.finishedAt).toBeTruthy();

    const seen = await ok(req('GET', `/observations/${s.koken.id}`, undefined, professional.token));
    const entry = seen.history.find((h: { action: string }) => h.action === 'msc_selected');
    expect(entry).toMatchObject({ actorName: 'Bea Beheerder', internal: false });
    expect(entry.message).toMatch(/^Gekozen als meest betekenisvolle verhaal in ronde "Panel Q1" \(Eerste kwartaal 2026; plaats 1 van 2\)\. Reden: Bewoners deden het zelf, over grenzen heen\.$/);

    const late = await req('POST', `/msc/rounds/${all}/selections`, { observationId: s.intern.id, rank: 3, reason: 'Te laat' });
    expect(late.status).toBe(409);
    expect(late.body.error.id).toBe('msc.round_finished');
    expect((await req('DELETE', `/msc/rounds/${all}/selections/${kokenChoice}`)).status).toBe(409);
    expect((await req('PATCH', `/msc/rounds/${all}`, { name: 'Anders' })).status).toBe(409);
    expect((await req('DELETE', `/msc/rounds/${all}`)).status).toBe(409);
  });

  it('lists the chosen stories of finished rounds with their reasons, for reports', async () => {
    await ok(req('POST', `/msc/rounds/${byDomain}/selections`, { observationId: s.koken.id, rank: 1, reason: 'Nog open' }, adviseur.token), 201);
    const selected = await ok(req('GET', `/msc/selected?periodId=${q1}`, undefined, professional.token));
    expect(selected.items.map((i: { rank: number; roundName: string; story: { title: string }; reason: string }) => [i.rank, i.roundName, i.story.title, i.reason])).toEqual([
      [1, 'Panel Q1', 'Buren koken voor elkaar', 'Bewoners deden het zelf, over grenzen heen.'],
      [2, 'Panel Q1', 'Jongere heeft weer een baan', 'Schuldhulp en werk samen.'],
    ]);
    expect((await ok(req('GET', `/msc/selected?periodId=${q2}`))).total).toBe(0);
    expect((await ok(req('GET', `/msc/selected?domainId=${bestaan}`))).items.map((i: { story: { id: string } }) => i.story.id)).toEqual([s.baan.id]);
    const rounds = await ok(req('GET', `/msc/rounds?periodId=${q1}`));
    expect(rounds.items.map((r: { name: string; status: string; selections: number }) => [r.name, r.status, r.selections])).toEqual([
      ['Panel Q1', 'afgerond', 2],
      ['Panel meedoen Q1', 'open', 1],
    ]);
  });

  it('keeps what rounds use: a domain or period in use cannot go, and period dates are fixed', async () => {
    const inUse = await req('DELETE', `/msc/domains/${meedoen}`);
    expect(inUse.status).toBe(409);
    expect(inUse.body.error.id).toBe('msc.domain_in_use');
    expect((await req('PATCH', `/msc/periods/${q1}`, { endDate: '2026-04-30' })).body.error.id).toBe('msc.period_in_use');
    expect((await ok(req('PATCH', `/msc/periods/${q1}`, { name: 'Q1 2026' }))).name).toBe('Q1 2026');
    expect((await req('DELETE', `/msc/periods/${q1}`)).status).toBe(409);
    const spare = await ok(req('POST', '/msc/domains', { name: 'Tijdelijk' }), 201);
    await ok(req('PATCH', `/msc/domains/${spare.id}`, { active: false }));
    expect((await req('PUT', `/msc/stories/${s.straat.id}/domain`, { domainId: spare.id })).body.error.id).toBe('msc.domain_inactive');
    expect((await req('DELETE', `/msc/domains/${spare.id}`)).status).toBe(204);
    expect((await req('DELETE', `/msc/rounds/${byDomain}`)).status).toBe(204);
    const audit = await ok(req('GET', '/audit?entity=msc_round'));
    expect(audit.items.map((a: { action: string }) => a.action).sort()).toEqual(['create', 'create', 'delete', 'finish']);
  });
});

describe('residents', () => {
  it('a resident who told a story reads the panel’s reason through the private link', async () => {
    const report = await ok(d.request({ method: 'POST', url: `/api/public/w/${slug}/observations`, body: { kind: 'verhaal', title: 'Mijn buurvrouw hielp mij', text: 'Zonder haar was ik verhuisd.' } }), 201);
    const found = await ok(req('GET', '/msc/stories?domainId=none'));
    const id = found.items.find((i: { title: string }) => i.title === 'Mijn buurvrouw hielp mij').id;
    const today = localDate(new Date());
    const period = await ok(req('POST', '/msc/periods', { name: 'Nu', startDate: '2026-01-01', endDate: today > '2026-12-31' ? today : '2026-12-31' }), 201);
    const round = await ok(req('POST', '/msc/rounds', { periodId: period.id, name: 'Bewonersronde', heldOn: today, panel: [{ name: 'Buurtpanel' }] }), 201);
    await ok(req('POST', `/msc/rounds/${round.id}/selections`, { observationId: id, rank: 1, reason: 'Burenhulp houdt mensen in de wijk.' }), 201);
    await ok(req('PATCH', `/msc/rounds/${round.id}`, { status: 'afgerond' }));
    const follow = await ok(d.request({ method: 'GET', url: `/api/public/observations/${report.token}` }));
    expect(follow.history.map((h: { action: string; message: string | null }) => [h.action, h.message])).toContainEqual([
      'msc_selected',
      'Gekozen als meest betekenisvolle verhaal in ronde "Bewonersronde" (Nu; plaats 1 van 1). Reden: Burenhulp houdt mensen in de wijk.',
    ]);
  });
});

describe('access', () => {
  it('another workspace finds nothing of this one', async () => {
    const rounds = await ok(req('GET', '/msc/rounds'));
    const roundId = rounds.items[0].id;
    expect((await d.request({ url: api(`/msc/rounds/${roundId}`), token: outsider.token })).status).toBe(404);
    const own = await d.request({ url: api(`/msc/rounds/${roundId}`, outsiderSlug), token: outsider.token });
    expect(own.status).toBe(404);
    expect(own.body.error.id).toBe('msc.round_not_found');
    const put = await d.request({ method: 'PUT', url: api(`/msc/stories/${s.koken.id}/domain`, outsiderSlug), token: outsider.token, body: { domainId: null } });
    expect(put.body.error.id).toBe('msc.story_not_found');
    expect((await d.request({ url: api('/msc/selected', outsiderSlug), token: outsider.token })).body).toEqual({ items: [], total: 0 });
    const addToMine = await d.request({ method: 'POST', url: api('/msc/rounds', outsiderSlug), token: outsider.token, body: { periodId: q1, name: 'Lenen', heldOn: '2026-04-01' } });
    expect(addToMine.status).toBe(404);
    expect(addToMine.body.error.id).toBe('msc.period_not_found');
  });
});
