import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, startDichter, type TestDichter, type TestUser } from '../../../test/harness';
import { snapshot } from '../../../test/snapshot';
import { protectedShare, quarterOf } from './feed';
import { DEFAULT_BUDGET, estimateBudget } from './toolkit';

describe('the budget estimate', () => {
  it('adds up the default assumptions in whole cents', () => {
    expect(estimateBudget(DEFAULT_BUDGET)).toEqual({
      participants: 60,
      creditsCents: 24_000_000,
      // two years of credits: they come back over about 18 months
      fundCents: 16_000_000,
      expectedLossesCents: 4_800_000,
      coachingCents: 36_000_000,
      executionCents: 7_500_000,
      totalCostCents: 48_300_000,
      perParticipantCents: 805_000,
      // €483,000 / €14,000 a year of social assistance = 34.5, so 35 participant-years
      breakEvenAssistanceYears: 35,
    });
  });

  it('rounds a loss percentage with decimals once, and copes with no participants', () => {
    expect(estimateBudget({ ...DEFAULT_BUDGET, participantsPerYear: 1, years: 1, averageCreditCents: 333, expectedLossPercent: 12.5 }).expectedLossesCents).toBe(42);
    const none = estimateBudget({ ...DEFAULT_BUDGET, participantsPerYear: 0 });
    expect(none).toMatchObject({ participants: 0, creditsCents: 0, perParticipantCents: 0, totalCostCents: 7_500_000 });
  });
});

let d: TestDichter;
let owner: TestUser;
let professional: TestUser;
let slug: string;
const req = (method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, token = owner.token) => d.request({ method, url: `/api/w/${slug}/${path}`, token, body });

beforeAll(async () => {
  d = await startDichter();
  owner = await d.user('Projectleider');
  professional = await d.user('Jongerenbegeleider');
  slug = await createWorkspace(d, owner);
  const res = await req('POST', 'members', { email: professional.email, name: professional.name, role: 'professional' });
  expect(res.status).toBe(201);
}, 120_000);
afterAll(() => d?.close());

describe('starting the approach from the template', () => {
  it('is refused to a professional and changes nothing', async () => {
    const before = await snapshot(d.runtime.database.db);
    expect((await req('POST', 'youth-debt/toolkit/adopt', undefined, professional.token)).status).toBe(403);
    expect((await req('PUT', 'youth-debt/toolkit/steps/collegebesluit', { doneOn: '2026-11-01' }, professional.token)).status).toBe(403);
    expect(await snapshot(d.runtime.database.db)).toEqual(before);
  });

  it('creates the ladder and the module’s indicators once; a second run creates nothing', async () => {
    const first = await req('GET', 'youth-debt/toolkit');
    expect(first.body.adopted).toBe(false);
    const adopt = await req('POST', 'youth-debt/toolkit/adopt');
    expect(adopt.status, JSON.stringify(adopt.body)).toBe(200);
    expect(adopt.body.created).toEqual({ nodes: 7, indicators: 4 });
    expect(adopt.body.toolkit.adopted).toBe(true);
    // through the core: the action lines hang under the goal, the indicators are the module's
    const lines = await req('GET', 'ladder/nodes?rung=action_line');
    expect(lines.body.items.map((n: { code: string }) => n.code).sort()).toEqual(['JPF-1', 'JPF-2', 'JPF-3', 'JPF-4']);
    const indicator = await req('GET', 'indicators/jpf-welzijn');
    expect(indicator.body).toMatchObject({ source: 'practice', module: 'youth-debt' });
    const again = await req('POST', 'youth-debt/toolkit/adopt');
    expect(again.body.created).toEqual({ nodes: 0, indicators: 0 });
  });

  it('ticks off a step of the decision process with its day and who did it, and reopens it', async () => {
    const done = await req('PUT', 'youth-debt/toolkit/steps/collegebesluit', { doneOn: '2026-11-01', note: 'Besluit B&W 2026/412' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.steps.find((s: { id: string }) => s.id === 'collegebesluit')).toMatchObject({ doneOn: '2026-11-01', doneBy: 'Projectleider', note: 'Besluit B&W 2026/412' });
    const open = await req('PUT', 'youth-debt/toolkit/steps/collegebesluit', { doneOn: null });
    expect(open.body.steps.find((s: { id: string }) => s.id === 'collegebesluit')).toMatchObject({ doneOn: null, doneBy: null, note: 'Besluit B&W 2026/412' });
    expect((await req('PUT', 'youth-debt/toolkit/steps/onbekend', { doneOn: null })).status).toBe(400);
  });

  it('previews the budget for anyone in the workspace', async () => {
    const res = await req('POST', 'youth-debt/toolkit/budget-preview', DEFAULT_BUDGET, professional.token);
    expect(res.status).toBe(200);
    expect(res.body.totalCostCents).toBe(48_300_000);
  });
});

describe('the module feeds the core indicators', () => {
  it('names the quarter and protects small groups', () => {
    expect(quarterOf('2026-11-29')).toBe('2026-Q4');
    expect(quarterOf('2027-01-01')).toBe('2027-Q1');
    expect(protectedShare(2, 3)).toBeNull();
    expect(protectedShare(4, 6)).toBe(66.7);
  });

  it('writes this quarter’s values for the gemeente: active participants and shares of who finished, a small group suppressed', async () => {
    expect((await req('POST', 'areas', { kind: 'gemeente', name: 'Proefgemeente', code: 'GM0599', year: 2026 })).status).toBe(201);
    const outcomes = [
      ['ja', 'ja', 'nee'],
      ['ja', 'nee', 'ja'],
      ['ja', 'nee', 'nee'],
      ['ja', 'nee', 'nee'],
      ['nee', 'ja', 'nee'],
      ['nee', 'nee', 'nee'],
    ];
    for (const [i, [debtFree, inWork, inEducation]] of outcomes.entries()) {
      const p = await req('POST', 'youth-debt/participants', { name: `Deelnemer ${i}`, birthDate: '2003-05-01', startDate: '2024-01-15', status: 'afgerond' });
      expect(p.status, JSON.stringify(p.body)).toBe(201);
      const o = await req('PUT', `youth-debt/participants/${p.body.id}/outcome`, { debtFree, inWork, inEducation, stableHousing: 'ja', socialAssistance: 'nee' });
      expect(o.status, JSON.stringify(o.body)).toBe(200);
    }
    for (const i of [1, 2]) expect((await req('POST', 'youth-debt/participants', { name: `Actief ${i}`, birthDate: '2004-02-01', status: 'actief' })).status).toBe(201);
    const fed = await req('POST', 'youth-debt/indicators/refresh');
    expect(fed.status, JSON.stringify(fed.body)).toBe(200);
    expect(fed.body.area).toBe('GM0599');
    expect(fed.body.values).toEqual([
      { code: 'jpf-actief', value: 2, status: 'final' },
      { code: 'jpf-schuldenvrij', value: 66.7, status: 'final' },
      { code: 'jpf-werk-of-school', value: 50, status: 'final' },
      // nobody filled in a questionnaire of their own: fewer than five, so no figure
      { code: 'jpf-welzijn', value: null, status: 'suppressed' },
    ]);
    const values = await req('GET', `indicators/jpf-schuldenvrij/values?area=GM0599&period=${fed.body.period}`);
    expect(values.body.items).toEqual([{ area: 'GM0599', period: fed.body.period, value: 66.7, status: 'final' }]);
    expect((await req('POST', 'youth-debt/indicators/refresh', undefined, professional.token)).status).toBe(403);
  });
});
