import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, loadDemo } from '../src/platform/demo';
import { startDichter, type TestDichter } from './harness';
import { snapshot } from './snapshot';

let d: TestDichter;
beforeAll(async () => {
  d = await startDichter();
});
afterAll(() => d?.close());

describe('demo workspace', () => {
  it('loads a programme with members in every role, partners, a signed charter and areas', async () => {
    const first = await loadDemo(d.runtime.context(), d.runtime.registry, () => {});
    expect(first.created).toBe(true);
    const signIn = await d.app.server.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: DEMO.adminEmail, password: DEMO.password } });
    expect(signIn.statusCode).toBe(200);
    const cookie = signIn.cookies.find((c) => c.name === 'dichter_sid')!.value;
    const get = async (url: string) => (await d.app.server.inject({ url: `/api/w/${DEMO.slug}${url}`, cookies: { dichter_sid: cookie } })).json();
    const members = await get('/members');
    expect(new Set(members.items.map((m: { role: string }) => m.role))).toEqual(
      new Set(['beheerder', 'programmamanager', 'professional', 'beleidsadviseur', 'bestuurder', 'partner', 'lezer']),
    );
    expect((await get('/partners')).total).toBeGreaterThanOrEqual(8);
    const charter = await get('/charter');
    expect(charter.values.length).toBeGreaterThanOrEqual(4);
    expect(charter.signatories.length).toBeGreaterThanOrEqual(4);
    const areas = await get('/areas?kind=buurt');
    expect(areas.total).toBeGreaterThan(20);
    expect((await get('/areas?kind=gemeente')).items[0]).toMatchObject({ code: 'GM0363', name: 'Amsterdam' });
    const osdorpOost = (await get('/areas?q=WK036381')).items[0];
    expect((await get(`/areas/${osdorpOost.id}/team`)).members).toMatchObject([{ name: 'Jeroen Bakker', contact: true }, { name: 'Samira El Idrissi', contact: false }]);
  });

  it('is idempotent: loading it again changes nothing', async () => {
    const before = await snapshot(d.runtime.database.db);
    const again = await loadDemo(d.runtime.context(), d.runtime.registry, () => {});
    expect(again.created).toBe(false);
    expect(await snapshot(d.runtime.database.db)).toEqual(before);
  });
});
