import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../platform/workdays';
import { DEMO } from '../../platform/demo';
import { createWorkspace, loadDemoAsBeheerder, startDichter, type TestDichter, type TestUser } from '../../../test/harness';
import { activityValueCents, firstOfMonthAfter, instalmentSchedule, ledgerSummary, monthlyInstalment, type LedgerEntryInput } from './ledger';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('repayment schedule', () => {
  it('repays €3.600 over 18 months in instalments of €200, the first on the first of the next month', () => {
    const schedule = instalmentSchedule(360_000, 18, '2026-11-29');
    expect(schedule).toHaveLength(18);
    expect(new Set(schedule.map((s) => s.amountCents))).toEqual(new Set([20_000]));
    expect(schedule[0]).toEqual({ number: 1, dueDate: '2026-12-01', amountCents: 20_000, cumulativeCents: 20_000 });
    expect(schedule[1].dueDate).toBe('2027-01-01');
    expect(schedule[17]).toEqual({ number: 18, dueDate: '2028-05-01', amountCents: 20_000, cumulativeCents: 360_000 });
  });

  it('spreads cents that do not divide over the first months, so the schedule adds up exactly', () => {
    // 390 000 / 18 = 21 666,67: twelve months of 21 667 and six of 21 666.
    const schedule = instalmentSchedule(390_000, 18, '2026-01-31');
    expect(schedule.map((s) => s.amountCents)).toEqual([...Array(12).fill(21_667), ...Array(6).fill(21_666)]);
    expect(sum(schedule.map((s) => s.amountCents))).toBe(390_000);
    expect(monthlyInstalment(390_000, 18)).toBe(21_667);
    expect(firstOfMonthAfter('2026-12-15', 1)).toBe('2027-01-01');
    expect(firstOfMonthAfter('2026-01-31', 13)).toBe('2027-02-01');
  });
});

describe('counter-performance', () => {
  it('values quarter hours at the hourly rate, rounded half up to whole cents', () => {
    expect(activityValueCents(6, 1200)).toBe(1800); // 1,5 hour at €12,00
    expect(activityValueCents(1, 1201)).toBe(300); // 300,25
    expect(activityValueCents(2, 1201)).toBe(601); // 600,5 rounds up
    expect(activityValueCents(3, 1201)).toBe(901); // 900,75
  });
});

describe('ledger', () => {
  const credit = { amountCents: 360_000, termMonths: 18, grantedDate: '2026-01-15' };

  it('shows credit, paid, valued hours, balance, expected so far and arrears; unconfirmed hours do not count', () => {
    const entries: LedgerEntryInput[] = [
      { kind: 'betaling', date: '2026-02-01', amountCents: 20_000 },
      { kind: 'activiteit', date: '2026-03-10', quarterHours: 8, hourlyRateCents: 1200, confirmed: true },
      { kind: 'activiteit', date: '2026-03-20', quarterHours: 12, hourlyRateCents: 1200, confirmed: false },
    ];
    const s = ledgerSummary(credit, entries, '2026-04-10');
    expect(s).toMatchObject({
      creditCents: 360_000,
      paidCents: 20_000,
      hoursValuedCents: 2_400,
      confirmedQuarterHours: 8,
      unconfirmedQuarterHours: 12,
      balanceCents: 337_600,
      // February, March and April are due by 10 April
      expectedCents: 60_000,
      arrearsCents: 37_600,
    });
    expect(ledgerSummary(credit, [], '2026-01-31')).toMatchObject({ expectedCents: 0, arrearsCents: 0, balanceCents: 360_000 });
  });

  it('never shows arrears below 0 when more was repaid than is due, and lets the balance go below 0 when more was repaid than lent', () => {
    const ahead = ledgerSummary(credit, [{ kind: 'betaling', date: '2026-02-01', amountCents: 100_000 }], '2026-03-01');
    expect(ahead).toMatchObject({ expectedCents: 40_000, arrearsCents: 0, balanceCents: 260_000 });
    const over = ledgerSummary(credit, [{ kind: 'betaling', date: '2026-02-01', amountCents: 360_001 }], '2026-03-01');
    expect(over.balanceCents).toBe(-1);
  });

  it('property: balance = credit − payments − valued hours, exactly; the schedule adds up to the credit', () => {
    const entry = fc.oneof(
      fc.record({ kind: fc.constant('betaling' as const), date: fc.constant('2026-02-01'), amountCents: fc.integer({ min: 1, max: 10_000_000 }) }),
      fc.record({
        kind: fc.constant('activiteit' as const),
        date: fc.constant('2026-02-01'),
        quarterHours: fc.integer({ min: 1, max: 2000 }),
        hourlyRateCents: fc.integer({ min: 0, max: 100_000 }),
        confirmed: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000_000 }), fc.integer({ min: 1, max: 120 }), fc.array(entry, { maxLength: 40 }), fc.integer({ min: 0, max: 130 }), (amount, term, entries, monthsLater) => {
        const c = { amountCents: amount, termMonths: term, grantedDate: '2026-01-15' };
        const s = ledgerSummary(c, entries, firstOfMonthAfter('2026-01-15', monthsLater));
        const paid = sum(entries.map((e) => (e.kind === 'betaling' ? e.amountCents : 0)));
        const valued = sum(entries.map((e) => (e.kind === 'activiteit' && e.confirmed ? activityValueCents(e.quarterHours, e.hourlyRateCents) : 0)));
        expect(s.paidCents).toBe(paid);
        expect(s.hoursValuedCents).toBe(valued);
        expect(s.balanceCents).toBe(amount - paid - valued);
        expect(sum(s.schedule.map((x) => x.amountCents))).toBe(amount);
        const amounts = s.schedule.map((x) => x.amountCents);
        expect(Math.max(...amounts) - Math.min(...amounts)).toBeLessThanOrEqual(1);
        expect(Math.max(...amounts)).toBe(monthlyInstalment(amount, term));
        expect(s.expectedCents).toBe(sum(s.schedule.slice(0, Math.min(term, monthsLater)).map((x) => x.amountCents)));
        expect(s.arrearsCents).toBe(Math.max(0, s.expectedCents - paid - valued));
        for (const v of [s.balanceCents, s.expectedCents, s.arrearsCents]) expect(Number.isSafeInteger(v)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

// The ledger through the API

let d: TestDichter;
let owner: TestUser;
let coach: TestUser;
let counsellor: TestUser;
let slug: string;
let participantId: string;
const req = (method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown, token = owner.token) => d.request({ method, url: `/api/w/${slug}/youth-debt/${path}`, token, body });
async function ok(method: 'POST' | 'PATCH', path: string, body: unknown, token = owner.token, status = method === 'POST' ? 201 : 200) {
  const res = await req(method, path, body, token);
  expect(res.status, `${path} ${JSON.stringify(res.body)}`).toBe(status);
  return res.body;
}
const today = () => localDate(new Date());

beforeAll(async () => {
  d = await startDichter();
  owner = await d.user('Beheerder');
  coach = await d.user('Jongerenbegeleider');
  counsellor = await d.user('Schuldhulpverlener');
  slug = await createWorkspace(d, owner);
  for (const [u, role] of [
    [coach, 'professional'],
    [counsellor, 'partner'],
  ] as const) {
    expect((await d.request({ method: 'POST', url: `/api/w/${slug}/members`, token: owner.token, body: { email: u.email, name: u.name, role } })).status).toBe(201);
  }
  const shop = (await ok('POST', 'creditors', { name: 'Webwinkel' })).id;
  const p = await ok('POST', 'participants', {
    name: 'Daan de Jong',
    birthDate: `${Number(today().slice(0, 4)) - 21}-01-15`,
    coachUserId: coach.id,
    counsellorUserId: counsellor.id,
    monthlyIncomeCents: 110_000,
    vtlbCents: 90_000,
  });
  participantId = p.id;
  await ok('POST', 'debts', { participantId, creditorId: shop, amountCents: 1_000_000 });
}, 120_000);
afterAll(() => d?.close());

describe('ledger through the API', () => {
  it('has nothing to record before the credit is granted, and says why', async () => {
    const before = await req('GET', `participants/${participantId}/ledger`);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ credit: null, totals: null, schedule: [], entries: [], hourlyRateCents: 1200, can: { record: false } });
    const early = await req('POST', `participants/${participantId}/ledger/payments`, { date: today(), amountCents: 1000 });
    expect(early.status).toBe(409);
    expect(early.body.error.id).toBe('youth_debt.no_credit');
  });

  it('records payments and activities valued at the workspace’s hourly rate; only confirmed hours count', async () => {
    const sent = await ok('POST', `participants/${participantId}/settlement/send`, {});
    await ok('POST', `offer-lines/${sent.offer.lines[0].id}/response`, { response: 'akkoord' }, owner.token, 200);
    // The programme raises the hourly rate to €12,50: new activities are valued at that, and keep it.
    await ok('PATCH', 'settings', { hourlyRateCents: 1250 });

    const paid = await ok('POST', `participants/${participantId}/ledger/payments`, { date: today(), amountCents: 20_000 });
    expect(paid.credit).toMatchObject({ amountCents: 360_000, termMonths: 18, monthlyInstalmentCents: 20_000 });
    expect(paid.totals).toMatchObject({ creditCents: 360_000, paidCents: 20_000, balanceCents: 340_000 });
    expect(paid.schedule).toHaveLength(18);

    const recorded = await ok('POST', `participants/${participantId}/ledger/activities`, { date: today(), host: 'Buurthuis De Boeg', description: 'Gastles over schulden op het mbo', quarterHours: 6 }, counsellor.token);
    const activity = recorded.entries.find((e: { kind: string }) => e.kind === 'activiteit');
    expect(activity).toMatchObject({ quarterHours: 6, hourlyRateCents: 1250, valueCents: 1875, confirmed: false, confirmedBy: null });
    expect(recorded.totals).toMatchObject({ hoursValuedCents: 0, unconfirmedQuarterHours: 6, balanceCents: 340_000 });

    // The counsellor is not the coach: she confirms on behalf of the host, by name.
    const notCoach = await req('POST', `ledger-entries/${activity.id}/confirm`, { confirmedBy: 'coach' }, counsellor.token);
    expect(notCoach.status).toBe(403);
    expect(notCoach.body.error.id).toBe('youth_debt.confirm_coach_only');
    const noName = await req('POST', `ledger-entries/${activity.id}/confirm`, { confirmedBy: 'host' }, counsellor.token);
    expect(noName.body.error).toMatchObject({ id: 'youth_debt.confirmer_required', fields: [{ path: 'confirmerName', message: expect.any(String) }] });
    const confirmed = await ok('POST', `ledger-entries/${activity.id}/confirm`, { confirmedBy: 'host', confirmerName: 'Mw. Jansen, coördinator' }, counsellor.token, 200);
    expect(confirmed.entries.find((e: { id: string }) => e.id === activity.id)).toMatchObject({ confirmed: true, confirmedBy: { kind: 'host', name: 'Mw. Jansen, coördinator' }, confirmedDate: today() });
    expect(confirmed.totals).toMatchObject({ hoursValuedCents: 1875, confirmedQuarterHours: 6, unconfirmedQuarterHours: 0, balanceCents: 360_000 - 20_000 - 1875 });
    expect((await req('POST', `ledger-entries/${activity.id}/confirm`, { confirmedBy: 'host', confirmerName: 'Iemand' })).body.error.id).toBe('youth_debt.already_confirmed');

    // The coach confirms as coach, at once.
    const byCoach = await ok('POST', `participants/${participantId}/ledger/activities`, { date: today(), host: 'Voedselbank', description: 'Pakketten inpakken', quarterHours: 9, confirmedBy: 'coach' }, coach.token);
    expect(byCoach.can).toEqual({ record: true, confirmAsCoach: true });
    expect(byCoach.entries.at(-1)).toMatchObject({ valueCents: 2813, confirmed: true, confirmedBy: { kind: 'coach', name: coach.name } }); // 9 × 1250 / 4 = 2812,5
    expect(byCoach.totals.balanceCents).toBe(360_000 - 20_000 - 1875 - 2813);
    const list = await req('GET', `ledger-entries?participantId=${participantId}`);
    expect(list.body.total).toBe(3);
  });

  it('refuses dates before the credit or in the future, personal data in texts, and bad hours — storing nothing', async () => {
    const tomorrow = localDate(new Date(Date.now() + 36 * 3600_000));
    const future = await req('POST', `participants/${participantId}/ledger/payments`, { date: tomorrow, amountCents: 100 });
    expect(future.body.error).toMatchObject({ id: 'youth_debt.entry_date_invalid', fields: [{ path: 'date', message: expect.any(String) }] });
    const before = await req('POST', `participants/${participantId}/ledger/payments`, { date: '2020-01-01', amountCents: 100 });
    expect(before.body.error.id).toBe('youth_debt.entry_date_invalid');
    const phone = await req('POST', `participants/${participantId}/ledger/activities`, { date: today(), host: 'Buurthuis', description: 'Bel 0612345678', quarterHours: 4 });
    expect(phone.body.error.id).toBe('youth_debt.personal_data');
    const half = await req('POST', `participants/${participantId}/ledger/activities`, { date: today(), host: 'Buurthuis', description: 'Koken', quarterHours: 2.5 });
    expect(half.body.error.id).toBe('request.invalid');
    expect(half.body.error.fields[0]).toMatchObject({ path: 'quarterHours', message: expect.stringContaining('kwartier') });
    expect((await req('GET', `ledger-entries?participantId=${participantId}`)).body.total).toBe(3);
  });

  it('shows what is due by the schedule and the arrears, never below 0', async () => {
    // Pretend the credit was granted four months ago: four instalments of €200 are due.
    const granted = firstOfMonthAfter(today(), -4).slice(0, 8) + '10';
    await sql`update youth_debt_credits set granted_date = ${granted}`.execute(d.runtime.database.db);
    const l = (await req('GET', `participants/${participantId}/ledger`)).body;
    const valued = 1875 + 2813;
    expect(l.totals).toMatchObject({ expectedCents: 80_000, paidCents: 20_000, hoursValuedCents: valued, arrearsCents: 80_000 - 20_000 - valued });
    expect(l.schedule[0]).toMatchObject({ number: 1, dueDate: firstOfMonthAfter(granted, 1), amountCents: 20_000 });
    await ok('POST', `participants/${participantId}/ledger/payments`, { date: today(), amountCents: 100_000 });
    const after = (await req('GET', `participants/${participantId}/ledger`)).body;
    expect(after.totals).toMatchObject({ arrearsCents: 0, balanceCents: 360_000 - 120_000 - valued });
  });
});

describe('correcting the ledger', () => {
  it('removes an entry recorded by mistake, recalculates the totals and logs what it held', async () => {
    const before = (await req('GET', `participants/${participantId}/ledger`)).body;
    const mistake = await ok('POST', `participants/${participantId}/ledger/payments`, { date: today(), amountCents: 12_345 });
    const entry = mistake.entries.find((e: { amountCents: number | null }) => e.amountCents === 12_345);
    expect(mistake.totals.paidCents).toBe(before.totals.paidCents + 12_345);
    const removed = await d.request({ method: 'DELETE', url: `/api/w/${slug}/youth-debt/ledger-entries/${entry.id}`, token: counsellor.token });
    expect(removed.status).toBe(200);
    expect(removed.body.totals).toEqual(before.totals);
    expect(removed.body.entries).toHaveLength(before.entries.length);
    const again = await d.request({ method: 'DELETE', url: `/api/w/${slug}/youth-debt/ledger-entries/${entry.id}`, token: counsellor.token });
    expect(again.status).toBe(404);
    expect(again.body.error.id).toBe('youth_debt.ledger_entry_not_found');
    const log = await d.request({ url: `/api/w/${slug}/audit?entity=youth_debt_ledger_entry&entityId=${entry.id}&limit=10`, token: owner.token });
    expect(log.body.items.map((e: { action: string }) => e.action).sort()).toEqual(['create', 'delete']);
  });
});

describe('demo data: offers, a credit and its ledger', () => {
  let demo: TestDichter;
  let token: string;
  beforeAll(async () => {
    demo = await startDichter();
    token = await loadDemoAsBeheerder(demo);
  }, 180_000);
  afterAll(() => demo?.close());

  it('has a granted credit with payments and counter-performance, a refusal with a counter-proposal, and an offer awaiting answers', async () => {
    const get = async (path: string) => (await demo.request({ url: `/api/w/${DEMO.slug}/youth-debt/${path}`, token })).body;
    const lines = (await get('offer-lines?limit=500')).items as { participantId: string; offerStatus: string; response: string | null; payoutCents: number; agreedCents: number | null }[];
    const byParticipant = new Map<string, typeof lines>();
    for (const l of lines) byParticipant.set(l.participantId, [...(byParticipant.get(l.participantId) ?? []), l]);
    expect(byParticipant.size).toBe(3);
    const statuses = [...byParticipant.values()].map((ls) => ls[0].offerStatus).sort();
    expect(statuses).toEqual(['geaccepteerd', 'verstuurd', 'verstuurd']);
    expect(lines.some((l) => l.response === 'geweigerd')).toBe(true);
    expect(lines.some((l) => l.response === 'tegenvoorstel')).toBe(true);
    expect(lines.some((l) => l.response === null)).toBe(true);

    const [grantedId, grantedLines] = [...byParticipant.entries()].find(([, ls]) => ls[0].offerStatus === 'geaccepteerd')!;
    const ledger = await get(`participants/${grantedId}/ledger`);
    expect(ledger.credit.amountCents).toBe(sum(grantedLines.map((l) => l.agreedCents!)));
    expect(sum(ledger.schedule.map((s: { amountCents: number }) => s.amountCents))).toBe(ledger.credit.amountCents);
    expect(ledger.totals.paidCents).toBeGreaterThan(0);
    expect(ledger.totals.hoursValuedCents).toBe(1800 + 3600); // 1,5 and 3 hours at €12,00
    expect(ledger.totals.unconfirmedQuarterHours).toBe(8);
    expect(ledger.totals.arrearsCents).toBeGreaterThan(0);
    expect(ledger.totals.balanceCents).toBe(ledger.totals.creditCents - ledger.totals.paidCents - ledger.totals.hoursValuedCents);
    const debts = (await get(`debts?participantId=${grantedId}`)).items as { status: string }[];
    expect(debts.every((x) => x.status === 'geregeld')).toBe(true);
  });
});
