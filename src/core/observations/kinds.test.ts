import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, startDichter, type TestDichter, type TestUser } from '../../../test/harness';
import { platformErrors } from '../../platform/errors';
import { buildRegistry, defineModule } from '../../platform/module';
import { modules } from '../../modules';
import { registerPracticeKinds } from './kinds';

/** A practice as a test builds it: it only adds two kinds of observation through its manifest. */
const neighbourhoodWatch = defineModule({
  id: 'buurtpreventie',
  observationKinds: [
    { id: 'buurtschouw', label: { nl: 'Buurtschouw', en: 'Neighbourhood walk' }, answerable: true },
    { id: 'compliment', label: { nl: 'Compliment', en: 'Compliment' }, answerable: false },
  ],
});

let d: TestDichter;
let beheerder: TestUser;
let slug: string;
const api = (path: string) => `/api/w/${slug}${path}`;
const req = (method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) => d.request({ method, url: api(path), token: beheerder.token, body });

beforeAll(async () => {
  d = await startDichter({ modules: [...modules, neighbourhoodWatch] });
  beheerder = await d.user('Bea Beheerder');
  slug = await createWorkspace(d, beheerder);
}, 120_000);
afterAll(() => d?.close());

describe('kinds a practice adds through its manifest', () => {
  it('are offered beside the core kinds, with their Dutch names', async () => {
    const res = await req('GET', '/observation-kinds');
    expect(res.status).toBe(200);
    expect(res.body.items.map((k: { id: string; label: string; answerable: boolean; practice: boolean }) => [k.id, k.label, k.answerable, k.practice])).toEqual([
      ['verhaal', 'Verhaal', false, false],
      ['signaal', 'Signaal', true, false],
      ['knelpunt', 'Knelpunt', true, false],
      ['idee', 'Idee', false, false],
      ['succes', 'Succes', false, false],
      ['buurtschouw', 'Buurtschouw', true, true],
      ['compliment', 'Compliment', false, true],
    ]);
  });

  it('are recorded, answered when the practice says so, and found by kind with their name in the facets', async () => {
    const walk = await req('POST', '/observations', { kind: 'buurtschouw', title: 'Schouw Slotermeer: drie kapotte lantaarns', visibility: 'public' });
    expect(walk.status, JSON.stringify(walk.body)).toBe(201);
    expect(walk.body).toMatchObject({ kind: 'buurtschouw', ownerId: beheerder.id, routedBy: 'coordinator' });
    expect(walk.body.dueAt).not.toBeNull();
    const thanks = await req('POST', '/observations', { kind: 'compliment', title: 'Veegploeg was er snel bij', visibility: 'workspace' });
    expect(thanks.body).toMatchObject({ kind: 'compliment', ownerId: null, dueAt: null });
    const list = await req('GET', '/observations?kind=buurtschouw');
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([walk.body.id]);
    expect((await req('GET', '/observations')).body.facets.kind).toContainEqual({ value: 'buurtschouw', label: 'Buurtschouw', count: 1 });
    expect((await req('PUT', '/observation-retention', { rules: [{ kind: 'compliment', status: 'nieuw', months: 12 }] })).status).toBe(200);
  });

  it('refuses a kind nobody added, at the edge, with a field error', async () => {
    const res = await req('POST', '/observations', { kind: 'klacht', title: 'Onbekende soort', visibility: 'workspace' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ path: 'kind', message: expect.stringContaining('Deze soort waarneming kent deze werkruimte niet') }]);
    expect((await req('GET', '/observations?kind=klacht')).status).toBe(400);
  });

  it('stay out of Open311, whose services are the core kinds, while the public list shows them', async () => {
    const open311 = await d.request({ method: 'GET', url: `/open311/v2/requests.json?jurisdiction_id=${slug}` });
    expect(open311.status, JSON.stringify(open311.body)).toBe(200);
    expect(open311.body).toEqual([]);
    const pub = await d.request({ method: 'GET', url: `/api/public/w/${slug}/observations` });
    expect(pub.body.items.map((i: { kind: string }) => i.kind)).toEqual(['buurtschouw']);
  });

  it('fail at start-up when two modules add the same kind, or a practice takes a core kind’s id', () => {
    const twin = defineModule({ id: 'twin', observationKinds: [{ id: 'buurtschouw', label: { nl: 'Schouw', en: 'Walk' }, answerable: false }] });
    expect(() => buildRegistry([...modules, neighbourhoodWatch, twin], platformErrors)).toThrow(/buurtschouw.*already added by 'buurtpreventie'/);
    expect(() => buildRegistry([...modules, defineModule({ id: 'bad', observationKinds: [{ id: 'Klacht!', label: { nl: 'x', en: 'x' }, answerable: false }] })], platformErrors)).toThrow(/lowercase/);
    expect(() => registerPracticeKinds([{ id: 'signaal', label: { nl: 'Signaal', en: 'Signal' }, answerable: true, module: 'bad' }])).toThrow(/core kinds/);
  });
});
