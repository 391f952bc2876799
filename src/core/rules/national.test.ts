import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, startDichter, type TestDichter, type TestUser } from '../../../test/harness';
import { addCalendarDays, localDate } from '../../platform/workdays';

let d: TestDichter;
let admin: TestUser;
let ownerA: TestUser;
let ownerB: TestUser;
let ownerC: TestUser;
let slugA: string;
let slugB: string;
let slugC: string;
const daysAgo = (n: number) => addCalendarDays(localDate(new Date()), -n);
const national = (code: string, query = '', token = admin.token) => d.request({ url: `/api/rules/national/${encodeURIComponent(code)}/pressure${query}`, token });

async function rule(slug: string, owner: TestUser, code: string, level: string) {
  const res = await d.request({
    method: 'POST',
    url: `/api/w/${slug}/rules`,
    token: owner.token,
    body: {
      code,
      title: 'Participatiewet art. 22a: kostendelersnorm',
      kind: 'wet',
      level,
      intent: 'Wie met andere volwassenen een woning deelt, deelt ook de kosten; de bijstand houdt daar rekening mee.',
      domain: 'werk_inkomen',
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}
async function deviate(slug: string, owner: TestUser, ruleId: string, occurredOn: string) {
  const res = await d.request({
    method: 'POST',
    url: `/api/w/${slug}/rules/${ruleId}/deviations`,
    token: owner.token,
    body: { occurredOn, situation: 'Zoon trekt in bij zijn zieke moeder om voor haar te zorgen', explanation: 'Met de kostendelersnorm daalt haar uitkering en kiezen ze voor minder zorg.' },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

beforeAll(async () => {
  d = await startDichter();
  admin = await d.user('Installatiebeheerder', { admin: true });
  ownerA = await d.user('Beheerder Arnhem');
  ownerB = await d.user('Beheerder Breda');
  ownerC = await d.user('Beheerder Capelle');
  slugA = await createWorkspace(d, ownerA, `arnhem-${Date.now()}`, 'Sociaal domein Arnhem');
  slugB = await createWorkspace(d, ownerB, `breda-${Date.now()}`, 'Sociaal domein Breda');
  slugC = await createWorkspace(d, ownerC, `capelle-${Date.now()}`, 'Sociaal domein Capelle');
  const a = await rule(slugA, ownerA, 'PW-22a', 'rijk');
  const b = await rule(slugB, ownerB, 'PW-22a', 'rijk');
  // the same code kept as a local rule is not the national rule
  const c = await rule(slugC, ownerC, 'PW-22a', 'gemeente');
  for (let i = 0; i < 3; i++) await deviate(slugA, ownerA, a, daysAgo(i + 1));
  for (let i = 0; i < 5; i++) await deviate(slugB, ownerB, b, daysAgo(i + 2));
  await deviate(slugB, ownerB, b, daysAgo(100));
  await deviate(slugA, ownerA, a, daysAgo(120));
  await deviate(slugA, ownerA, a, daysAgo(130));
  await deviate(slugC, ownerC, c, daysAgo(1));
}, 120_000);
afterAll(() => d?.close());

describe('national view of a rijk rule', () => {
  it('shows an administrator every workspace with the rule at level rijk, ranked by deviations, with the trend', async () => {
    const res = await national('PW-22a');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ code: 'PW-22a', to: daysAgo(0), from: daysAgo(89), previousTo: daysAgo(90), previousFrom: daysAgo(179), total: 2 });
    expect(res.body.items.map((i: { workspaceSlug: string; deviations: number; previousDeviations: number; trend: string; rank: number }) => [i.workspaceSlug, i.deviations, i.previousDeviations, i.trend, i.rank])).toEqual([
      [slugB, 5, 1, 'up', 1],
      [slugA, 3, 2, 'up', 2],
    ]);
    expect(res.body.items[0]).toMatchObject({ workspaceName: 'Sociaal domein Breda', title: 'Participatiewet art. 22a: kostendelersnorm', helpedShare: null, linkedSignals: 0, professionals: 1 });
  });

  it('takes a period', async () => {
    const res = await national('PW-22a', `?from=${daysAgo(140)}&to=${daysAgo(91)}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { workspaceSlug: string; deviations: number }) => [i.workspaceSlug, i.deviations])).toEqual([
      [slugA, 2],
      [slugB, 1],
    ]);
    const wrong = await national('PW-22a', `?from=${daysAgo(1)}&to=${daysAgo(5)}`);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields[0].path).toBe('from');
  });

  it('gives an empty list for an unknown code', async () => {
    const res = await national('JW-2.3');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ items: [], total: 0 });
  });

  it('refuses a member who is not an administrator of the installation (403), even with bad input', async () => {
    const res = await national('PW-22a', '', ownerA.token);
    expect(res.status).toBe(403);
    expect(res.body.error.id).toBe('auth.forbidden');
    const bad = await national('PW-22a', '?from=gisteren', ownerA.token);
    expect(bad.status).toBe(403);
    expect((await d.request({ url: '/api/rules/national/PW-22a/pressure' })).status).toBe(401);
  });
});
