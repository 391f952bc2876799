import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../platform/workdays';
import { createWorkspace, startDichter, type TestDichter, type TestUser } from '../../../test/harness';
import { snapshot } from '../../../test/snapshot';
import { fundSeries, nextMonth } from './fund';

describe('the fund month by month', () => {
  it('runs the balance through every month, also those without movements, and finds the lowest point', () => {
    const series = fundSeries(
      [
        { month: '2026-01', kind: 'kapitaal', cents: 100_000 },
        { month: '2026-01', kind: 'kredieten', cents: -80_000 },
        { month: '2026-03', kind: 'kredieten', cents: -60_000 },
        { month: '2026-04', kind: 'aflossingen', cents: 30_000 },
        { month: '2026-04', kind: 'uren', cents: 1_875 },
        { month: '2026-05', kind: 'resultaatbetalingen', cents: 50_000 },
      ],
      '2026-06',
    );
    expect(series.months.map((m) => [m.month, m.net, m.balance])).toEqual([
      ['2026-01', 20_000, 20_000],
      ['2026-02', 0, 20_000],
      ['2026-03', -60_000, -40_000],
      ['2026-04', 31_875, -8_125],
      ['2026-05', 50_000, 41_875],
      ['2026-06', 0, 41_875],
    ]);
    expect(series.lowest).toEqual({ month: '2026-03', balance: -40_000 });
    expect(series.totals).toEqual({ kapitaal: 100_000, kredieten: -140_000, aflossingen: 30_000, uren: 1_875, resultaatbetalingen: 50_000 });
    expect(series.balance).toBe(41_875);
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(fundSeries([], '2026-06')).toEqual({ months: [], totals: { kapitaal: 0, kredieten: 0, aflossingen: 0, uren: 0, resultaatbetalingen: 0 }, balance: 0, lowest: null });
  });
});

let d: TestDichter;
let owner: TestUser;
let reader: TestUser;
let slug: string;
const req = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', path: string, body?: unknown, token = owner.token) => d.request({ method, url: `/api/w/${slug}/youth-debt/${path}`, token, body });
async function ok(method: 'POST' | 'PATCH' | 'PUT', path: string, body: unknown, status = method === 'POST' ? 201 : 200) {
  const res = await req(method, path, body);
  expect(res.status, `${path} ${JSON.stringify(res.body)}`).toBe(status);
  return res.body;
}

beforeAll(async () => {
  d = await startDichter();
  owner = await d.user('Projectleider');
  reader = await d.user('Lezer');
  slug = await createWorkspace(d, owner);
  expect((await d.request({ method: 'POST', url: `/api/w/${slug}/members`, token: owner.token, body: { email: reader.email, name: reader.name, role: 'lezer' } })).status).toBe(201);
}, 120_000);
afterAll(() => d?.close());

describe('the revolving fund through the API', () => {
  it('starts empty and explains nothing is there yet', async () => {
    const fund = await req('GET', 'fund', undefined, reader.token);
    expect(fund.status).toBe(200);
    expect(fund.body).toMatchObject({ months: [], balance: 0, outstandingCents: 0, can: { manage: false } });
  });

  it('follows the capital, a credit out, a repayment and an outcome payment of the social impact bond', async () => {
    const today = localDate(new Date());
    const month = today.slice(0, 7);
    await ok('PATCH', 'fund', { capitalCents: 1_000_000, capitalDate: today, sibDebtFreeCents: 500_000 });
    const creditor = await ok('POST', 'creditors', { name: 'Webwinkel BV', address: 'Postbus 1, 1000 AA Amsterdam' });
    const p = await ok('POST', 'participants', { name: 'Deelnemer', birthDate: '2003-05-01', status: 'actief', monthlyIncomeCents: 110_000, vtlbCents: 90_000 });
    await ok('POST', 'debts', { participantId: p.id, creditorId: creditor.id, amountCents: 1_000_000 });
    const sent = await ok('POST', `participants/${p.id}/settlement/send`, {});
    await ok('POST', `offer-lines/${sent.offer.lines[0].id}/response`, { response: 'akkoord' }, 200);
    await ok('POST', `participants/${p.id}/ledger/payments`, { date: today, amountCents: 20_000 });
    let fund = (await req('GET', 'fund')).body;
    expect(fund.months.at(-1)).toMatchObject({ month, movements: { kapitaal: 1_000_000, kredieten: -360_000, aflossingen: 20_000 }, balance: 660_000 });
    expect(fund.outstandingCents).toBe(340_000);
    // The participant finishes debt-free: the bond pays for that outcome.
    await ok('PATCH', `participants/${p.id}`, { status: 'afgerond' });
    await ok('PUT', `participants/${p.id}/outcome`, { debtFree: 'ja', inEducation: 'nee', inWork: 'ja', stableHousing: 'ja', socialAssistance: 'nee' });
    fund = (await req('GET', 'fund')).body;
    expect(fund.totals.resultaatbetalingen).toBe(500_000);
    expect(fund.balance).toBe(1_160_000);
  });

  it('lets only the programme change the fund’s figures, and refuses a negative amount without changing anything', async () => {
    const before = await snapshot(d.runtime.database.db);
    expect((await req('PATCH', 'fund', { capitalCents: 5 }, reader.token)).status).toBe(403);
    const bad = await req('PATCH', 'fund', { capitalCents: -1 });
    expect(bad.status).toBe(400);
    expect(await snapshot(d.runtime.database.db)).toEqual(before);
  });
});
