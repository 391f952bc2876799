import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, startDichter, type TestDichter, type TestUser } from '../../../test/harness';
import { COUNT_CAP, SEARCH_COUNT_CAP } from './service';

/** What a big city's list does: more than the count cap, and many reporters at once. */
let d: TestDichter;
let beheerder: TestUser;
let slug: string;
let workspaceId: string;
const api = (path: string) => `/api/w/${slug}${path}`;
const get = async (path: string) => {
  const res = await d.request({ method: 'GET', url: api(path), token: beheerder.token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

beforeAll(async () => {
  d = await startDichter();
  beheerder = await d.user('Bea Beheerder');
  slug = await createWorkspace(d, beheerder);
  workspaceId = (await get('')).id;
  // COUNT_CAP + 10 old stories that mention the wijkteam, and one signal about it from today.
  await sql`
    insert into observations (workspace_id, id, number, kind, title, text, visibility, contains_personal_data, status, source, occurred_at, created_at)
    select ${workspaceId}::uuid, gen_random_uuid(), 100000 + g, 'verhaal', 'Gesprek met het wijkteam ' || g, 'Het wijkteam kwam langs.', 'workspace', false, 'nieuw', 'api',
           now() - interval '1 day' - g * interval '1 minute', now() - interval '1 day' - g * interval '1 minute'
    from generate_series(1, ${COUNT_CAP + 10}) g`.execute(d.runtime.database.db);
  const res = await d.request({ method: 'POST', url: api('/observations'), token: beheerder.token, body: { kind: 'signaal', title: 'Wijkteam onbereikbaar', text: '', visibility: 'workspace' } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}, 120_000);
afterAll(() => d?.close());

describe('a list bigger than the count cap', () => {
  it('says "more than", shows the newest first and leaves the facet counts out', async () => {
    for (const [path, cap] of [
      ['/observations?limit=5', COUNT_CAP],
      ['/observations?q=wijkteams&limit=5', SEARCH_COUNT_CAP],
    ] as const) {
      const body = await get(path);
      expect(body.totalExact, path).toBe(false);
      expect(body.total, path).toBe(cap);
      expect(body.facets, path).toBeNull();
      expect(body.items.map((i: { title: string }) => i.title), path).toEqual([
        'Wijkteam onbereikbaar',
        'Gesprek met het wijkteam 1',
        'Gesprek met het wijkteam 2',
        'Gesprek met het wijkteam 3',
        'Gesprek met het wijkteam 4',
      ]);
    }
  });

  it('counts exactly and ranks the best match first once a filter narrows it down', async () => {
    const body = await get('/observations?q=wijkteams&kind=signaal');
    expect(body.totalExact).toBe(true);
    expect(body.total).toBe(1);
    expect(body.facets.kind).toEqual([{ value: 'signaal', label: 'Signaal', count: 1 }]);
    const page = await get('/observations?q=onbereikbaar%20wijkteam');
    expect(page.totalExact).toBe(true);
    expect(page.items[0].title).toBe('Wijkteam onbereikbaar');
  });
});

describe('many reporters at once', () => {
  it('gives every observation its own number, none lost', async () => {
    const before = (await get('/observations?kind=idee')).total;
    const created = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        d.request({ method: 'POST', url: api('/observations'), token: beheerder.token, body: { kind: 'idee', title: `Idee ${i}`, text: '', visibility: 'workspace' } }),
      ),
    );
    expect(created.map((r) => r.status)).toEqual(Array(24).fill(201));
    const numbers = created.map((r) => r.body.number as number).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(24);
    // nothing failed, so no number was skipped either
    expect(numbers[23] - numbers[0]).toBe(23);
    expect((await get('/observations?kind=idee')).total).toBe(before + 24);
  });
});

describe('searching with the workspace in every word', () => {
  it('finds phrases and words with an apostrophe, and never another workspace’s observations', async () => {
    const other = await createWorkspace(d, beheerder);
    const post = (ws: string, title: string) => d.request({ method: 'POST', url: `/api/w/${ws}/observations`, token: beheerder.token, body: { kind: 'idee', title, text: '', visibility: 'workspace' } });
    expect((await post(other, 'Wijkteam onbereikbaar in de zomer')).status).toBe(201);
    expect((await post(slug, "Buurthuis van d'Oude Stoep")).status).toBe(201);
    const titles = async (q: string) => (await get(`/observations?q=${encodeURIComponent(q)}`)).items.map((i: { title: string }) => i.title);
    expect(await titles('"wijkteam onbereikbaar"')).toEqual(['Wijkteam onbereikbaar']);
    expect(await titles('"onbereikbaar wijkteam"')).toEqual([]);
    expect(await titles("d'Oude Stoep")).toEqual(["Buurthuis van d'Oude Stoep"]);
    expect(await titles('zomer')).toEqual([]);
  });
});

describe('filtering by area', () => {
  it('selects the area and every area inside it, names them and their owners, and finds nothing for an area of another workspace', async () => {
    const area = async (ws: string, name: string, kind: string, parentId?: string) => {
      const res = await d.request({ method: 'POST', url: `/api/w/${ws}/areas`, token: beheerder.token, body: { name, kind, year: 2024, ...(parentId ? { parentId } : {}) } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    const wijk = await area(slug, 'Oosterpark', 'wijk');
    const buurt = await area(slug, 'Dapperbuurt', 'buurt', wijk);
    const elsewhere = await area(slug, 'Westerpark', 'wijk');
    const post = async (title: string, areaId: string) => {
      const res = await d.request({ method: 'POST', url: api('/observations'), token: beheerder.token, body: { kind: 'knelpunt', title, text: '', visibility: 'workspace', areaId } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body;
    };
    const inWijk = await post('Bankje kapot in het park', wijk);
    const inBuurt = await post('Stoep opgebroken', buurt);
    await post('Fietsen in de gracht', elsewhere);
    const body = await get(`/observations?areaId=${wijk}`);
    expect(body.totalExact).toBe(true);
    expect(body.items.map((i: { title: string; areaName: string; ownerName: string | null }) => [i.title, i.areaName, i.ownerName])).toEqual([
      ['Stoep opgebroken', 'Dapperbuurt', inBuurt.ownerName],
      ['Bankje kapot in het park', 'Oosterpark', inWijk.ownerName],
    ]);
    expect(inBuurt.ownerName).toBe('Bea Beheerder');
    expect(body.facets.area.map((a: { label: string; count: number }) => [a.label, a.count]).sort()).toEqual([
      ['Dapperbuurt', 1],
      ['Oosterpark', 1],
    ]);
    expect((await get(`/observations?areaId=${buurt}`)).items.map((i: { title: string }) => i.title)).toEqual(['Stoep opgebroken']);
    const foreign = await area(await createWorkspace(d, beheerder), 'Oosterpark', 'wijk');
    expect(await get(`/observations?areaId=${foreign}`)).toMatchObject({ items: [], total: 0, totalExact: true });
  });
});
