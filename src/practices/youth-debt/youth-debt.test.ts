import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, startDichter, type TestDichter, type TestUser } from '../../../test/harness';

let d: TestDichter;
let owner: TestUser;
let lezer: TestUser;
let stranger: TestUser;
let slug: string;
const post = (path: string, body: unknown, token = owner.token, headers: Record<string, string> = {}) =>
  d.request({ method: 'POST', url: `/api/w/${slug}/youth-debt/${path}`, token, body, headers });

beforeAll(async () => {
  d = await startDichter();
  owner = await d.user('Beheerder');
  lezer = await d.user('Lezer');
  stranger = await d.user('Buitenstaander');
  slug = await createWorkspace(d, owner);
  const added = await d.request({ method: 'POST', url: `/api/w/${slug}/members`, token: owner.token, body: { email: lezer.email, name: lezer.name, role: 'lezer' } });
  expect(added.status).toBe(201);
}, 120_000);
afterAll(() => d?.close());

describe('offer preview', () => {
  it('pays 72.00 % over 36 months and 36.00 % over the default 18 months', async () => {
    const debts = [{ creditor: 'Zorgverzekeraar', amountCents: 1_000_000, preferential: false }];
    const long = await post('offer-preview', { monthlyCapacityCents: 20_000, termMonths: 36, debts });
    expect(long.status).toBe(200);
    expect(long.body).toEqual({
      availableCents: 720_000,
      paidOutCents: 720_000,
      concurrentPercentage: 72,
      preferentialPercentage: 100,
      payouts: [{ creditor: 'Zorgverzekeraar', payoutCents: 720_000, percentage: 72 }],
    });
    const short = await post('offer-preview', { monthlyCapacityCents: 20_000, debts });
    expect(short.body.concurrentPercentage).toBe(36);
    expect(short.body.payouts[0].payoutCents).toBe(360_000);
  });

  it('gives 30.00 % and 60.00 % with payouts adding up to exactly 360000 cents, in input order', async () => {
    const res = await post('offer-preview', {
      monthlyCapacityCents: 20_000,
      debts: [
        { creditor: 'Telecom', amountCents: 266_667, preferential: false },
        { creditor: 'Belastingdienst', amountCents: 200_000, preferential: true },
        { creditor: 'Energie', amountCents: 266_667, preferential: false },
        { creditor: 'Webwinkel', amountCents: 266_666, preferential: false },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.concurrentPercentage).toBe(30);
    expect(res.body.preferentialPercentage).toBe(60);
    expect(res.body.payouts.map((p: { creditor: string }) => p.creditor)).toEqual(['Telecom', 'Belastingdienst', 'Energie', 'Webwinkel']);
    expect(res.body.payouts.reduce((s: number, p: { payoutCents: number }) => s + p.payoutCents, 0)).toBe(360_000);
  });

  it('may be tried by any member, also a lezer, but not by a stranger', async () => {
    const body = { monthlyCapacityCents: 10_000, debts: [] };
    expect((await post('offer-preview', body, lezer.token)).status).toBe(200);
    const outside = await post('offer-preview', body, stranger.token);
    expect(outside.status).toBe(404);
    expect(outside.body.error.id).toBe('workspace.not_found');
  });

  it('refuses bad input with the module’s own messages, in Dutch and English', async () => {
    const bad = await post('offer-preview', {
      monthlyCapacityCents: -5,
      termMonths: 0,
      preferentialMultiplier: 1.234,
      debts: [{ creditor: ' ', amountCents: 10.5, preferential: false }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.id).toBe('request.invalid');
    const fields = Object.fromEntries(bad.body.error.fields.map((f: { path: string; message: string }) => [f.path, f.message]));
    expect(fields).toMatchObject({
      monthlyCapacityCents: expect.stringContaining('aflossingscapaciteit'),
      termMonths: expect.stringContaining('looptijd'),
      preferentialMultiplier: expect.stringContaining('factor'),
      'debts.0.creditor': expect.stringContaining('schuldeiser'),
      'debts.0.amountCents': expect.stringContaining('hele centen'),
    });
    const tooMany = await post(
      'offer-preview',
      { monthlyCapacityCents: 1, debts: Array.from({ length: 501 }, () => ({ creditor: 'X', amountCents: 1, preferential: false })) },
      owner.token,
      { 'accept-language': 'en' },
    );
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.fields).toEqual([{ path: 'debts', message: 'An offer can contain at most 500 debts.' }]);
    const missing = await post('offer-preview', { debts: [] });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields[0].path).toBe('monthlyCapacityCents');
  });
});

describe('MKBA preview', () => {
  it('values €10,000 a year in years 0, 1 and 2 at 2.25 % at €29,344.70, per actor and in total', async () => {
    const lines = [0, 1, 2].map((year) => ({ actor: 'gemeente', kind: 'benefit', label: 'Bijstand vermeden', amountCents: 1_000_000, year }));
    const res = await post('mkba-preview', { lines: [...lines, { actor: 'gemeente', kind: 'cost', label: 'Coaching', amountCents: 1_000_000, year: 0 }] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ discountRate: 0.0225, benefitsPresentValueCents: 2_934_470, costsPresentValueCents: 1_000_000, presentValueCents: 1_934_470, ratio: 2.93 });
    expect(res.body.byActor.gemeente).toEqual({ benefitsPresentValueCents: 2_934_470, costsPresentValueCents: 1_000_000, presentValueCents: 1_934_470, ratio: 2.93 });
    expect(Object.keys(res.body.byActor).sort()).toEqual(['gemeente', 'jongere', 'rijk', 'schuldeisers']);
    const plain = await post('mkba-preview', { discountRate: 0, lines });
    expect(plain.body.presentValueCents).toBe(3_000_000);
  });

  it('refuses an unknown actor, a rate out of range and a negative year', async () => {
    const res = await post('mkba-preview', { discountRate: 0.5, lines: [{ actor: 'buurman', kind: 'benefit', label: 'x', amountCents: 1, year: -1 }] });
    expect(res.status).toBe(400);
    const paths = res.body.error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['discountRate', 'lines.0.actor', 'lines.0.year']));
  });
});
