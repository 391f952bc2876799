import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, startDichter, type TestDichter, type TestUser } from '../../../test/harness';
import { snapshot } from '../../../test/snapshot';
import { DEFAULT_ASSUMPTIONS, modelLines, type ParticipantFacts } from './mkba-model';

describe('the workspace MKBA model', () => {
  it('turns two participants into cost and benefit lines per actor and year', () => {
    const one: ParticipantFacts = { startYear: 0, coachingMonths: 24, debtCents: 1_000_000, paidToCreditorsCents: 360_000, creditLossCents: 0, offAssistance: true };
    const lines = modelLines([one, { ...one, offAssistance: false, creditLossCents: 50_000 }], { ...DEFAULT_ASSUMPTIONS, horizonYears: 3 });
    const at = (year: number) => lines.filter((l) => l.year === year).map((l) => [l.actor, l.kind, l.label, l.amountCents]);
    expect(at(0)).toEqual([
      ['gemeente', 'cost', 'Begeleiding', 600_000],
      ['gemeente', 'cost', 'Uitvoering', 2_500_000],
      ['gemeente', 'cost', 'Verlies op kredieten', 50_000],
      // €3.600 each through the settlement against 10 % of €10.000 without it
      ['schuldeisers', 'benefit', 'Inning boven de referentie', 520_000],
      ['jongere', 'benefit', 'Kwijtgescholden schuld', 1_280_000],
      ['schuldeisers', 'cost', 'Afgeschreven schuld', 1_280_000],
      ['gemeente', 'benefit', 'Vermeden huisuitzetting en opvang', 200_000],
    ]);
    // from the year after the start: one finished without social assistance, half of whom would have had it
    expect(at(1)).toEqual([
      ['gemeente', 'cost', 'Begeleiding', 600_000],
      ['gemeente', 'cost', 'Uitvoering', 2_500_000],
      ['gemeente', 'benefit', 'Vermeden bijstand', 700_000],
    ]);
    expect(at(2)).toEqual([
      ['gemeente', 'cost', 'Uitvoering', 2_500_000],
      ['gemeente', 'benefit', 'Vermeden bijstand', 700_000],
    ]);
    expect(lines.every((l) => l.year < 3)).toBe(true);
  });
});

let d: TestDichter;
let owner: TestUser;
let reader: TestUser;
let slug: string;
const req = (method: 'GET' | 'PATCH', path: string, body?: unknown, token = owner.token) => d.request({ method, url: `/api/w/${slug}/youth-debt/${path}`, token, body });

beforeAll(async () => {
  d = await startDichter();
  owner = await d.user('Projectleider');
  reader = await d.user('Lezer');
  slug = await createWorkspace(d, owner);
  expect((await d.request({ method: 'POST', url: `/api/w/${slug}/members`, token: owner.token, body: { email: reader.email, name: reader.name, role: 'lezer' } })).status).toBe(201);
  for (const i of [1, 2]) {
    const p = await d.request({ method: 'POST', url: `/api/w/${slug}/youth-debt/participants`, token: owner.token, body: { name: `Deelnemer ${i}`, birthDate: '2003-05-01', startDate: '2025-03-01', status: 'actief' } });
    expect(p.status, JSON.stringify(p.body)).toBe(201);
  }
}, 120_000);
afterAll(() => d?.close());

describe('the workspace MKBA through the API', () => {
  it('shows every member the analysis with its assumptions and sources, and a sensitivity table', async () => {
    const res = await req('GET', 'mkba', undefined, reader.token);
    expect(res.status).toBe(200);
    expect(res.body.quantities).toMatchObject({ participants: 2, firstYear: 2025 });
    expect(res.body.assumptions.find((a: { key: string }) => a.key === 'socialAssistancePerYearCents')).toMatchObject({ value: 1_400_000, source: expect.stringMatching(/€ 14\.000/) });
    expect(res.body.result.discountRate).toBe(0.0225);
    expect(res.body.sensitivity.map((s: { scenario: string }) => s.scenario)).toEqual(['base', 'rate_low', 'rate_high', 'benefits_low', 'benefits_high', 'costs_low', 'costs_high']);
    expect(res.body.can.manage).toBe(false);
  });

  it('lets the programme change a unit value, which changes the result; others may not', async () => {
    const before = (await req('GET', 'mkba')).body.result.costsPresentValueCents;
    const changed = await req('PATCH', 'mkba/assumptions', { executionPerYearCents: 0 });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.result.costsPresentValueCents).toBeLessThan(before);
    const snap = await snapshot(d.runtime.database.db);
    expect((await req('PATCH', 'mkba/assumptions', { horizonYears: 10 }, reader.token)).status).toBe(403);
    expect((await req('PATCH', 'mkba/assumptions', { discountRate: 0.9 })).status).toBe(400);
    expect(await snapshot(d.runtime.database.db)).toEqual(snap);
  });

  it('prints as an HTML document with the balance per actor', async () => {
    const res = await d.app.server.inject({ method: 'GET', url: `/api/w/${slug}/youth-debt/mkba/document`, headers: { authorization: `Bearer ${owner.token}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toMatch(/<h2>Saldo per actor<\/h2>/);
    expect(res.body).toMatch(/<h2>Gevoeligheid<\/h2>/);
  });
});
