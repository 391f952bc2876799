import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { localDate } from '../../platform/workdays';
import { createWorkspace, startDichter, type TestDichter, type TestUser } from '../../../test/harness';

let d: TestDichter;
let owner: TestUser;
let professional: TestUser;
let slug: string;
let signalled: string;
let quiet: string;
let deviated: string;
const api = (path: string) => `/api/w/${slug}${path}`;
const req = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown, token = owner.token) => d.request({ method, url: api(path), token, body });
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

async function rule(code: string) {
  const res = await req('POST', '/rules', {
    code,
    title: `Regel ${code}`,
    kind: 'werkinstructie',
    level: 'gemeente',
    intent: 'Zorgen dat hulp terechtkomt bij wie het nodig heeft.',
    domain: 'schulden',
    ownerUserId: owner.id,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}
async function observe(title: string, ruleIds: string[], occurred: Date, extra: Record<string, unknown> = {}, token = professional.token) {
  const res = await req('POST', '/observations', { kind: 'signaal', title, visibility: 'workspace', ruleIds, occurredAt: occurred.toISOString(), ...extra }, token);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

beforeAll(async () => {
  d = await startDichter();
  owner = await d.user('Bas Beleidsadviseur');
  professional = await d.user('Priya Professional');
  slug = await createWorkspace(d, owner);
  expect((await req('POST', '/members', { email: professional.email, name: professional.name, role: 'professional' })).status).toBe(201);
  // codes chosen so that the code order is the opposite of the order by linked signals
  signalled = await rule('Z-SIGNALEN');
  quiet = await rule('A-STIL');
  deviated = await rule('M-AFWIJKING');
  await observe('Wachtlijst loopt op', [signalled], daysAgo(15));
  await observe('Gezin valt tussen wal en schip', [signalled], daysAgo(2));
  await observe('Signaal van een jaar geleden', [signalled], daysAgo(200));
  await observe('Vertrouwelijk signaal', [signalled], daysAgo(1), { visibility: 'intern' }, owner.token);
  // one observation linked to a deviation of a rule and to the rule itself counts once
  const both = await observe('Huur niet betaald door wachttijd', [deviated], daysAgo(3));
  const deviation = await req(
    'POST',
    `/rules/${deviated}/deviations`,
    { occurredOn: localDate(daysAgo(3)), situation: 'Jongere met betalingsachterstand bij de huur', explanation: 'De wachttijd liet de schuld verder oplopen.', observationIds: [both] },
    professional.token,
  );
  expect(deviation.status, JSON.stringify(deviation.body)).toBe(201);
}, 120_000);
afterAll(() => d?.close());

describe('rules see the observations that link them', () => {
  it('counts observations that link a rule as its linked signals in the ranking, once each, within the period', async () => {
    const res = await req('GET', '/rules/pressure', undefined, professional.token);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const rows = res.body.items.map((i: { code: string; deviations: number; linkedSignals: number }) => [i.code, i.deviations, i.linkedSignals]);
    expect(rows).toEqual([
      ['M-AFWIJKING', 1, 1],
      // no deviations: more linked signals rank higher than an earlier code; the signal of 200 days ago and the intern one are not counted
      ['Z-SIGNALEN', 0, 2],
      ['A-STIL', 0, 0],
    ]);
    const owners = await req('GET', '/rules/pressure');
    expect(owners.body.items.find((i: { code: string }) => i.code === 'Z-SIGNALEN').linkedSignals).toBe(3);
    const lastYear = await req('GET', `/rules/pressure?from=${localDate(daysAgo(365))}&to=${localDate(daysAgo(100))}`, undefined, professional.token);
    expect(lastYear.body.items.map((i: { code: string; linkedSignals: number }) => [i.code, i.linkedSignals])[0]).toEqual(['Z-SIGNALEN', 1]);
  });

  it('lists the observations that link the rule on its page, newest first, without the ones the member may not see', async () => {
    const res = await req('GET', `/rules/${signalled}`, undefined, professional.token);
    expect(res.status).toBe(200);
    expect(res.body.linkedObservations.total).toBe(3);
    expect(res.body.linkedObservations.items.map((o: { title: string }) => o.title)).toEqual(['Gezin valt tussen wal en schip', 'Wachtlijst loopt op', 'Signaal van een jaar geleden']);
    expect(res.body.linkedObservations.items[0]).toMatchObject({ kind: 'signaal', status: 'nieuw' });
    expect((await req('GET', `/rules/${signalled}`)).body.linkedObservations.total).toBe(4);
    expect((await req('GET', `/rules/${quiet}`)).body.linkedObservations).toEqual({ total: 0, items: [] });
  });

  it('counts them in a review’s later effect: signals before and after the decision', async () => {
    const res = await req('POST', `/rules/${signalled}/reviews`, { decidedOn: localDate(daysAgo(10)), decision: 'adjust', rationale: 'De wachttijd gaat terug naar vier weken.' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    // ten days before (15 days ago) and ten days after (2 and 1 days ago, the intern one included for its owner)
    expect(res.body.reviews[0].effect).toMatchObject({ days: 10, signalsBefore: 1, signalsAfter: 2 });
  });

  it('counts a deviation’s signals in the deviation’s period, however the link was written, and follows a corrected date', async () => {
    const copied = await rule('K-KOPIE');
    const observation = await observe('Signaal bij een afwijking', [], daysAgo(5));
    const deviation = await req('POST', `/rules/${copied}/deviations`, { occurredOn: localDate(daysAgo(5)), situation: 'Gezin met een betalingsachterstand', explanation: 'De termijn paste niet bij dit gezin.' }, professional.token);
    expect(deviation.status, JSON.stringify(deviation.body)).toBe(201);
    const db = d.runtime.database.db;
    // a link written straight into the table, without the deviation's rule and date: the database adds them
    await sql`insert into deviation_observations (workspace_id, deviation_id, observation_id)
      select workspace_id, id, ${observation}::uuid from deviations where id = ${deviation.body.id}::uuid`.execute(db);
    const counts = async (query = '') => {
      const res = await req('GET', `/rules/pressure${query}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const item = res.body.items.find((i: { code: string }) => i.code === 'K-KOPIE');
      return [item.deviations, item.linkedSignals];
    };
    const lastYear = `?from=${localDate(daysAgo(365))}&to=${localDate(daysAgo(100))}`;
    expect(await counts()).toEqual([1, 1]);
    expect(await counts(lastYear)).toEqual([0, 0]);
    // the date corrected in the database: the signal moves with the deviation
    await sql`update deviations set occurred_on = ${localDate(daysAgo(200))}::date where id = ${deviation.body.id}::uuid`.execute(db);
    expect(await counts()).toEqual([0, 0]);
    expect(await counts(lastYear)).toEqual([1, 1]);
  });
});
