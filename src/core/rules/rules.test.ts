import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, localDate } from '../../platform/workdays';
import { createWorkspace, startDichter, type TestDichter, type TestUser } from '../../../test/harness';

let d: TestDichter;
let owner: TestUser;
let professional: TestUser;
let colleague: TestUser;
let slug: string;
const api = (path: string) => `/api/w/${slug}${path}`;
const req = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown, token = owner.token) => d.request({ method, url: api(path), token, body });
// dates in the Netherlands, as the service counts them (an hour after midnight UTC is already tomorrow there)
// Calendar days back from today in Amsterdam (not 24-hour steps, which cross midnight across a DST change).
const daysAgo = (n: number) => addCalendarDays(localDate(new Date()), -n);

async function rule(code: string, extra: Record<string, unknown> = {}) {
  const res = await req('POST', '/rules', {
    code,
    title: `Regel ${code}`,
    kind: 'werkinstructie',
    level: 'gemeente',
    intent: 'Zorgen dat hulp terechtkomt bij wie het nodig heeft.',
    domain: 'schulden',
    ownerUserId: owner.id,
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}
async function deviate(ruleId: string, occurredOn: string, token = professional.token) {
  const res = await req('POST', `/rules/${ruleId}/deviations`, { occurredOn, situation: 'Jongere met betalingsachterstand bij de huur', explanation: 'De wachttijd van acht weken liet de schuld verder oplopen.' }, token);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

beforeAll(async () => {
  d = await startDichter();
  owner = await d.user('Bas Beleidsadviseur');
  professional = await d.user('Priya Professional');
  colleague = await d.user('Karim Collega');
  slug = await createWorkspace(d, owner);
  for (const u of [professional, colleague]) {
    const res = await req('POST', '/members', { email: u.email, name: u.name, role: 'professional' });
    expect(res.status).toBe(201);
  }
}, 120_000);
afterAll(() => d?.close());

describe('comply or explain', () => {
  let waiting: string;

  it('refuses a deviation without an explanation with a field error; with one it is stored and reaches the rule owner', async () => {
    const id = await rule('SH-01');
    const missing = await req('POST', `/rules/${id}/deviations`, { situation: 'Jongere met een schuld bij de zorgverzekeraar' }, professional.token);
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields.map((f: { path: string }) => f.path)).toContain('explanation');
    const stored = await deviate(id, daysAgo(1));
    expect(stored).toMatchObject({ status: 'vastgelegd', ruleCode: 'SH-01', reporterName: 'Priya Professional' });
    const inbox = await req('GET', '/rules/inbox');
    expect(inbox.body.items.map((i: { reason: string; deviation: { id: string } }) => [i.reason, i.deviation.id])).toContainEqual(['owner', stored.id]);
  });

  it('keeps personal data out of deviations', async () => {
    const id = await rule('SH-02');
    const res = await req('POST', `/rules/${id}/deviations`, { situation: 'Meneer met BSN 111222333 kwam langs', explanation: 'De regel hielp hier niet omdat de termijn te kort was.' }, professional.token);
    expect(res.status).toBe(400);
    expect(res.body.error.id).toBe('deviation.personal_data');
    expect(res.body.error.fields[0].path).toBe('situation');
  });

  it('under "ask first" a deviation waits for approval; the decision and its reason are in its history', async () => {
    const id = await rule('SH-03', { mandate: 'ask_first', approverUserIds: [colleague.id] });
    const asked = await deviate(id, daysAgo(0));
    waiting = asked.id;
    expect(asked).toMatchObject({ status: 'wacht_op_akkoord', can: { approve: false } });
    expect((await req('POST', `/rules/${id}/deviations/${asked.id}/decision`, { approve: true, reason: 'Ik ben geen fiatteur' })).status).toBe(403);
    const inbox = await req('GET', '/rules/inbox', undefined, colleague.token);
    expect(inbox.body.items.map((i: { reason: string }) => i.reason)).toEqual(['approve']);
    const decided = await req('POST', `/rules/${id}/deviations/${asked.id}/decision`, { approve: true, reason: 'Past binnen de bedoeling; doe het.' }, colleague.token);
    expect(decided.body.status).toBe('akkoord');
    expect(decided.body.history.map((h: { action: string; message: string | null; actorName: string }) => [h.action, h.message, h.actorName])).toEqual([
      ['asked', null, 'Priya Professional'],
      ['approved', 'Past binnen de bedoeling; doe het.', 'Karim Collega'],
    ]);
    const again = await req('POST', `/rules/${id}/deviations/${asked.id}/decision`, { approve: false, reason: 'Toch niet' }, colleague.token);
    expect(again.status).toBe(409);
  });

  it('the professional records the outcome once', async () => {
    const id = (await req('GET', '/rules?q=SH-03')).body.items[0].id;
    const done = await req('POST', `/rules/${id}/deviations/${waiting}/outcome`, { outcome: 'helped', note: 'Huur is weer op orde.' }, professional.token);
    expect(done.body).toMatchObject({ outcome: 'helped', can: { recordOutcome: false } });
    expect((await req('POST', `/rules/${id}/deviations/${waiting}/outcome`, { outcome: 'harmed' }, professional.token)).status).toBe(409);
  });
});

describe('rules under pressure', () => {
  it('ranks three rules with 10, 3 and 0 deviations in the period, with the trend against the period before', async () => {
    const a = await rule('PR-A', { domain: 'wonen' });
    const b = await rule('PR-B', { domain: 'wonen' });
    const c = await rule('PR-C', { domain: 'wonen' });
    for (let i = 0; i < 10; i++) await deviate(a, daysAgo(i + 1));
    for (let i = 0; i < 3; i++) await deviate(b, daysAgo(i + 2));
    // the period before: b had more then, c had some
    for (let i = 0; i < 5; i++) await deviate(b, daysAgo(40 + i));
    await deviate(c, daysAgo(45));
    const res = await req('GET', `/rules/pressure?from=${daysAgo(29)}&to=${daysAgo(0)}&domain=wonen`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { code: string; deviations: number; previousDeviations: number; trend: string; rank: number }) => [i.code, i.deviations, i.previousDeviations, i.trend, i.rank])).toEqual([
      ['PR-A', 10, 0, 'up', 1],
      ['PR-B', 3, 5, 'down', 2],
      ['PR-C', 0, 1, 'down', 3],
    ]);
    expect(res.body.previousTo).toBe(daysAgo(30));
  });

  it('shows a review decision "adjust" on the rule with its evidence, and its effect', async () => {
    const id = (await req('GET', '/rules?q=PR-A')).body.items[0].id;
    const evidence = (await req('GET', `/rules/${id}/deviations?limit=3`)).body.items.map((x: { id: string }) => x.id);
    const notOwner = await req('POST', `/rules/${id}/reviews`, { decision: 'adjust', rationale: 'Wachttijd moet korter voor jongeren.' }, professional.token);
    expect(notOwner.status).toBe(403);
    const res = await req('POST', `/rules/${id}/reviews`, { decision: 'adjust', rationale: 'Wachttijd moet korter voor jongeren met huurschuld.', deviationIds: evidence, decidedOn: daysAgo(5) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.reviews[0]).toMatchObject({ decision: 'adjust', deviationIds: evidence, decidedByName: 'Bas Beleidsadviseur', effect: { days: 5, deviationsBefore: 5, deviationsAfter: 5 } });
    const escalate = await req('POST', `/rules/${id}/reviews`, { decision: 'escalate', rationale: 'Dit is landelijk geregeld en moet daar veranderen.' });
    expect(escalate.body.error.fields[0].path).toBe('escalatedTo');
  });

  it('shows the rule load of the workspace', async () => {
    const res = await req('GET', '/rules/load');
    expect(res.body.activeRules).toBe(6);
    expect(res.body.activeByDomainAndLevel).toContainEqual({ domain: 'wonen', level: 'gemeente', count: 3 });
    expect(res.body.deviationsPerRule[0]).toMatchObject({ code: 'PR-A', count: 10 });
  });
});

describe('deviations for a learning cycle', () => {
  it('gives the deviations linked to an action line or its interventions in a period, with the rules under pressure there — nothing from elsewhere', async () => {
    const { deviationsForLearning } = await import('./service');
    const { resolveMembership } = await import('../workspaces/service');
    const node = async (rung: string, title: string, parentIds: string[]) => (await req('POST', '/ladder/nodes', { rung, title, parentIds })).body.id as string;
    const goal = await node('goal', 'Snelle hulp', [await node('challenge', 'Schulden', [await node('value', 'Vertrouwen', [])])]);
    const line = await node('action_line', 'Geen wachtlijst', [goal]);
    const other = await node('action_line', 'Andere lijn', [goal]);
    const id = await rule('LC-01');
    const linked = async (nodeId: string, occurredOn: string) =>
      (await req('POST', `/rules/${id}/deviations`, { occurredOn, situation: 'Jongere direct geholpen', explanation: 'De wachttijd liet de schuld verder oplopen.', ladderNodeIds: [nodeId] }, professional.token)).body.id as string;
    const inScope = await linked(line, daysAgo(3));
    const before = await linked(line, daysAgo(20));
    const elsewhere = await linked(other, daysAgo(3));
    const base = { ...d.runtime.context(), actor: { userId: owner.id, email: owner.email, name: owner.name, isAdmin: false, via: 'token' as const } };
    const ctx = { ...base, workspace: (await resolveMembership(base, slug))! };
    const res = await deviationsForLearning(ctx, { nodeIds: [line], since: daysAgo(10), until: daysAgo(0) });
    expect(res.deviations.map((x) => x.id)).toEqual([inScope]);
    expect(res.deviations.map((x) => x.id)).not.toContain(elsewhere);
    // the period of the same length before holds the older deviation
    expect(res.rulesUnderPressure).toEqual([{ ruleId: id, code: 'LC-01', title: 'Regel LC-01', deviations: 1, previousDeviations: 1 }]);
    expect(before).toBeTruthy();
    const none = await deviationsForLearning(ctx, { nodeIds: [], since: daysAgo(10), until: daysAgo(0) });
    expect(none.deviations).toEqual([]);
  });
});
