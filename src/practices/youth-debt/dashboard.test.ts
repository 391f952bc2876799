import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../platform/demo';
import { createWorkspace, loadDemoAsBeheerder, startDichter, type TestDichter, type TestUser } from '../../../test/harness';

let d: TestDichter;
let demoToken: string;
let admin: TestUser;
let owner: TestUser;
let reader: TestUser;
let slugBig: string;
let slugSmall: string;
const yearsAgo = (n: number, months = 0) => {
  const t = new Date();
  t.setUTCFullYear(t.getUTCFullYear() - n);
  t.setUTCMonth(t.getUTCMonth() - months);
  return t.toISOString().slice(0, 10);
};
type Cell = { value: number | null; suppressed: boolean };

async function participant(slug: string, status: string, debtsCents: number[], creditorId: string) {
  const res = await d.request({
    method: 'POST',
    url: `/api/w/${slug}/youth-debt/participants`,
    token: owner.token,
    body: { name: 'Deelnemer', birthDate: yearsAgo(21), status, ...(status === 'uitgevallen' ? { leavingReason: 'Verhuisd naar een andere gemeente' } : {}) },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  for (const amountCents of debtsCents) {
    const debt = await d.request({ method: 'POST', url: `/api/w/${slug}/youth-debt/debts`, token: owner.token, body: { participantId: res.body.id, creditorId, amountCents } });
    expect(debt.status, JSON.stringify(debt.body)).toBe(201);
  }
}

async function creditor(slug: string) {
  const res = await d.request({ method: 'POST', url: `/api/w/${slug}/youth-debt/creditors`, token: owner.token, body: { name: 'Zorgverzekeraar', address: 'Postbus 1, 1000 AA Amsterdam' } });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

beforeAll(async () => {
  d = await startDichter();
  demoToken = await loadDemoAsBeheerder(d);
  admin = await d.user('Beheerder installatie', { admin: true });
  owner = await d.user('Projectleider');
  reader = await d.user('Lezer');
  slugBig = await createWorkspace(d, owner);
  slugSmall = await createWorkspace(d, owner);
  expect((await d.request({ method: 'POST', url: `/api/w/${slugBig}/members`, token: owner.token, body: { email: reader.email, name: reader.name, role: 'lezer' } })).status).toBe(201);
  // The big workspace: 10 actief, 6 afgerond, 3 uitgevallen (a small group); the small one: 3 participants in all.
  const big = await creditor(slugBig);
  for (let i = 0; i < 10; i++) await participant(slugBig, 'actief', [100_000 + i * 1_000], big);
  for (let i = 0; i < 6; i++) await participant(slugBig, 'afgerond', [50_000, 25_000], big);
  for (let i = 0; i < 3; i++) await participant(slugBig, 'uitgevallen', [70_000], big);
  const small = await creditor(slugSmall);
  for (let i = 0; i < 3; i++) await participant(slugSmall, 'actief', [40_000], small);
}, 240_000);
afterAll(() => d?.close());

describe('dashboard', () => {
  it('shows the demo workspace in figures only: statuses with reasons for leaving, debts, ages, quarters and coach load', async () => {
    const res = await d.request({ url: `/api/w/${DEMO.slug}/youth-debt/dashboard`, token: demoToken });
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body.participants).toBe(60);
    expect(body.byStatus.map((s: { participants: number }) => s.participants)).toEqual([8, 10, 26, 11, 5]);
    expect(body.leavingReasons.reduce((s: number, r: { participants: number }) => s + r.participants, 0)).toBe(5);
    // The debts add up to what the participant list shows.
    const list = await d.request({ url: `/api/w/${DEMO.slug}/youth-debt/participants?limit=500`, token: demoToken });
    const total = list.body.items.reduce((s: number, p: { debtTotalCents: number }) => s + p.debtTotalCents, 0);
    expect(body.debtTotals.totalCents).toBe(total);
    expect(body.debts.reduce((s: number, g: { amountCents: number }) => s + g.amountCents, 0)).toBe(total);
    expect(body.debtTotals.participantsWithDebts).toBe(60);
    const sorted = list.body.items.map((p: { debtTotalCents: number }) => p.debtTotalCents).sort((a: number, b: number) => a - b);
    expect(body.debtTotals.medianCents).toBe(Math.round((sorted[29] + sorted[30]) / 2));
    expect(body.newPerQuarter.reduce((s: number, q: { participants: number }) => s + q.participants, 0)).toBe(60);
    expect(body.ageAtStart.reduce((s: number, a: { participants: number }) => s + a.participants, 0)).toBe(60);
    const running = 8 + 10 + 26;
    expect(body.coachLoad.reduce((s: number, l: { participants: number }) => s + l.participants, 0) + body.runningWithoutCoach).toBe(running);
    // No names, no participant numbers.
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/JPF-\d/);
    for (const p of list.body.items.slice(0, 5)) expect(text).not.toContain(p.id);
  });

  it('may be read by a lezer, who may not see the participants themselves', async () => {
    const res = await d.request({ url: `/api/w/${slugBig}/youth-debt/dashboard`, token: reader.token });
    expect(res.status).toBe(200);
    expect(res.body.byStatus.find((s: { status: string }) => s.status === 'uitgevallen').participants).toBe(3);
    expect(res.body.leavingReasons).toEqual([{ reason: 'Verhuisd naar een andere gemeente', participants: 3 }]);
    expect(res.body.debts.find((g: { status: string; kind: string }) => g.status === 'open' && g.kind === 'concurrent')).toMatchObject({ debts: 25, amountCents: 10 * 100_000 + 45 * 1_000 + 6 * 75_000 + 3 * 70_000, participants: 19 });
    expect((await d.request({ url: `/api/w/${slugBig}/youth-debt/participants`, token: reader.token })).status).toBe(403);
    expect((await d.request({ url: `/api/w/${slugBig}/youth-debt/dashboard`, token: demoToken })).status).toBe(404);
  });
});

describe('approach-wide view', () => {
  const approach = (token = admin.token) => d.request({ url: '/api/youth-debt/approach', token });

  it('is only for administrators of the installation', async () => {
    expect((await approach(owner.token)).status).toBe(403);
    expect((await d.request({ url: '/api/youth-debt/approach' })).status).toBe(401);
  });

  it('The approach-wide view hides groups of fewer than 5 participants', async () => {
    const res = await approach();
    expect(res.status).toBe(200);
    expect(res.body.minimumGroup).toBe(5);
    const bySlug = (slug: string) => res.body.items.find((w: { workspaceSlug: string }) => w.workspaceSlug === slug);
    const big = bySlug(slugBig);
    const small = bySlug(slugSmall);
    const demo = bySlug(DEMO.slug);
    expect(big && small && demo).toBeTruthy();
    const status = (w: { byStatus: { status: string; participants: Cell }[] }, s: string) => w.byStatus.find((x) => x.status === s)!.participants;

    // A workspace of 3 participants shows nothing about them.
    expect(small.participants).toEqual({ value: null, suppressed: true });
    expect(status(small, 'actief')).toEqual({ value: null, suppressed: true });
    expect(small.debtTotals.totalCents).toEqual({ value: null, suppressed: true });
    expect(small.debtTotals.medianCents).toEqual({ value: null, suppressed: true });
    // The small workspace's 3 would be the approach total minus the other workspaces: the next
    // smallest workspace total (the big one's 19) is hidden too; the demo's 60 stays.
    expect(big.participants).toEqual({ value: null, suppressed: true });
    expect(demo.participants).toEqual({ value: 60, suppressed: false });
    expect(res.body.total.participants).toEqual({ value: 60 + 19 + 3, suppressed: false });
    // 3 uitgevallen in the big workspace: hidden, and a second status there too.
    expect(status(big, 'uitgevallen')).toEqual({ value: null, suppressed: true });
    expect(big.byStatus.filter((s: { participants: Cell }) => s.participants.suppressed).length).toBeGreaterThanOrEqual(2);
    // Its 10 actief protect the small workspace's 3 actief in the column total; its 6 afgerond are not needed and stay.
    expect(status(big, 'actief')).toEqual({ value: null, suppressed: true });
    expect(status(big, 'afgerond')).toEqual({ value: 6, suppressed: false });

    // Nowhere a figure of 1 to 4 participants; no line with its total shown has exactly one hidden figure.
    const rows = [...res.body.items, res.body.total];
    for (const w of rows) for (const s of w.byStatus) if (!s.participants.suppressed) expect(s.participants.value === 0 || s.participants.value >= 5).toBe(true);
    for (const w of rows) {
      const hidden = w.byStatus.filter((s: { participants: Cell }) => s.participants.suppressed).length;
      if (!w.participants.suppressed) expect(hidden).not.toBe(1);
    }
    for (const st of ['aanmelding', 'intake', 'actief', 'afgerond', 'uitgevallen']) {
      const column = res.body.items.map((w: { byStatus: { status: string; participants: Cell }[] }) => status(w, st));
      if (!status(res.body.total, st).suppressed) expect(column.filter((c: Cell) => c.suppressed).length).not.toBe(1);
    }
    const totals = res.body.items.map((w: { participants: Cell }) => w.participants);
    if (!res.body.total.participants.suppressed) expect(totals.filter((c: Cell) => c.suppressed).length).not.toBe(1);
    // No names or numbers of participants travel.
    expect(JSON.stringify(res.body)).not.toMatch(/JPF-\d|Deelnemer|Verhuisd/);
  });
});

describe('progress report', () => {
  it('adds the section "Schuldenaanpak jongeren" with participants by status, settled debts and the total debt', async () => {
    const res = await d.request({ url: `/api/w/${DEMO.slug}/reports/progress?from=2020-01-01`, token: demoToken });
    expect(res.status).toBe(200);
    const html = res.body as string;
    expect(html).toContain('Schuldenaanpak jongeren');
    expect(html).toContain('Aan de aanpak doen 60 jongeren mee');
    expect(html).toContain('Geregeld met schuldeisers');
    expect(html).toContain('Totale schuld in de aanpak');
    // What followed: goals and outcomes, wellbeing by moment, and the fund (internal only).
    expect(html).toMatch(/In de perspectiefplannen staan \d+ doelen; \d+ daarvan zijn bereikt\./);
    expect(html).toContain('Uitkomsten bij afronding');
    expect(html).toMatch(/<td>Intake<\/td><td>\d+<\/td><td>\d+,\d<\/td>/);
    expect(html).toContain('Revolverend fonds tot en met deze maand');
    const pub = await d.request({ url: `/api/w/${DEMO.slug}/reports/progress?from=2020-01-01&public=true`, token: demoToken });
    expect(pub.body).toContain('Uitkomsten bij afronding');
    expect(pub.body).not.toContain('Revolverend fonds');
  });

  it('hides groups of fewer than 5 in the public version', async () => {
    const full = await d.request({ url: `/api/w/${slugBig}/reports/progress?from=2020-01-01`, token: owner.token });
    expect(full.body).toMatch(/<td>Uitgevallen<\/td><td>3<\/td>/);
    const pub = await d.request({ url: `/api/w/${slugBig}/reports/progress?from=2020-01-01&public=true`, token: owner.token });
    expect(pub.status).toBe(200);
    const html = pub.body as string;
    expect(html).toContain('Schuldenaanpak jongeren');
    expect(html).toMatch(/<td>Uitgevallen<\/td><td>minder dan 5<\/td>/);
    expect(html).not.toMatch(/<td>Uitgevallen<\/td><td>3<\/td>/);
    // A second status is hidden too: otherwise 19 − 10 − 6 gives the 3 away.
    expect((html.match(/minder dan 5/g) ?? []).length).toBeGreaterThanOrEqual(2);
  });
});

describe('figures follow every change', () => {
  // The aggregates are kept in memory per version of the workspace's data; the database raises
  // the version in every statement that changes the module's rows, whichever path made it.
  it('the dashboard, plan summary and approach-wide view show a change at once, also one made outside the API', async () => {
    const slug = await createWorkspace(d, owner);
    const dash = async () => (await d.request({ url: `/api/w/${slug}/youth-debt/dashboard`, token: owner.token })).body;
    const approachTotal = async () => (await d.request({ url: '/api/youth-debt/approach', token: admin.token })).body.total.participants.value as number;
    const c = await creditor(slug);
    for (let i = 0; i < 5; i++) await participant(slug, 'actief', [10_000], c);
    const before = await approachTotal();
    expect((await dash()).participants).toBe(5);
    expect((await dash()).debtTotals.totalCents).toBe(50_000);

    await participant(slug, 'intake', [20_000], c);
    expect((await dash()).participants).toBe(6);
    expect((await dash()).byStatus.find((s: { status: string }) => s.status === 'intake').participants).toBe(1);
    expect(await approachTotal()).toBe(before + 1);
    // A new name (in another module's table) shows at once too.
    expect((await d.request({ method: 'PATCH', url: `/api/w/${slug}`, token: owner.token, body: { name: 'Schuldenaanpak Zaanstad' } })).status).toBe(200);
    const items = (await d.request({ url: '/api/youth-debt/approach', token: admin.token })).body.items as { workspaceSlug: string; workspaceName: string }[];
    expect(items.find((w) => w.workspaceSlug === slug)?.workspaceName).toBe('Schuldenaanpak Zaanstad');

    // Another process (or a person with psql) changes the data: no stale figures.
    const db = d.runtime.database.db;
    const ws = await sql<{ id: string }>`select id from workspaces where slug = ${slug}`.execute(db);
    await sql`update youth_debt_debts set amount_cents = amount_cents * 2 where workspace_id = ${ws.rows[0].id}`.execute(db);
    expect((await dash()).debtTotals.totalCents).toBe(140_000);
    await sql`delete from youth_debt_debts where workspace_id = ${ws.rows[0].id} and amount_cents = 40000`.execute(db);
    expect((await dash()).debtTotals.totalCents).toBe(100_000);

    const summary = async () => (await d.request({ url: `/api/w/${slug}/youth-debt/plan-summary`, token: owner.token })).body.goalTotals.goals.value;
    expect(await summary()).toBe(0);
    const id = (await sql<{ id: string }>`select id from youth_debt_participants where workspace_id = ${ws.rows[0].id} limit 1`.execute(db)).rows[0].id;
    for (const domain of ['school', 'werk', 'wonen', 'gezondheid', 'financien']) {
      const goal = await d.request({ method: 'POST', url: `/api/w/${slug}/youth-debt/goals`, token: owner.token, body: { participantId: id, domain, title: `Doel ${domain}` } });
      expect(goal.status, JSON.stringify(goal.body)).toBe(201);
    }
    // Five goals of one participant: a group of one, so the total is hidden rather than stale.
    expect(await summary()).toBeNull();
  });
});
