import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, startDichter, type TestDichter, type TestUser } from '../../../test/harness';
import { DEMO_AREA_FILE } from './seeds';

/** The wijken and buurten of a workspace for its public pages: no sign-in, only that workspace, only the CBS division. */
let d: TestDichter;
let owner: TestUser;
let ws: string;
let other: string;

const square = (lon: number, lat: number, size = 0.01) => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon, lat],
      [lon + size, lat],
      [lon + size, lat + size],
      [lon, lat + size],
      [lon, lat],
    ],
  ],
});

async function importFile(slug: string, fileName: string, content: string, year?: number) {
  const res = await d.request({ method: 'POST', url: `/api/w/${slug}/areas/import`, token: owner.token, body: { fileName, content, ...(year ? { year } : {}) } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

beforeAll(async () => {
  d = await startDichter();
  owner = await d.user('Beheerder Openbaar');
  ws = await createWorkspace(d, owner);
  other = await createWorkspace(d, owner);
  await importFile(ws, 'kwb-2019-amsterdam-nieuw-west.csv', await readFile(DEMO_AREA_FILE, 'utf8'));
  // Boundaries for one wijk and two of its buurten; a street of the workspace's own stays private.
  const boundaries = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { statcode: 'WK036376', statnaam: 'Slotermeer-Noordoost' }, geometry: square(4.8, 52.38, 0.02) },
      { type: 'Feature', properties: { statcode: 'BU03637600', statnaam: 'Buurt 3' }, geometry: square(4.8, 52.38) },
      { type: 'Feature', properties: { statcode: 'BU03637601', statnaam: 'Buurt 2' }, geometry: square(4.81, 52.38) },
    ],
  };
  await importFile(ws, 'grenzen.geojson', JSON.stringify(boundaries), 2019);
  const street = await d.request({ method: 'POST', url: `/api/w/${ws}/areas`, token: owner.token, body: { name: 'Geheime straat', kind: 'straat', year: 2019 } });
  expect(street.status, JSON.stringify(street.body)).toBe(201);
  // The other workspace has a buurt of its own, with a boundary.
  await importFile(other, 'andere.geojson', JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { statcode: 'BU03638000', statnaam: 'Elders' }, geometry: square(4.9, 52.3) }] }), 2019);
}, 120_000);
afterAll(() => d?.close());

describe('GET /api/public/w/:workspace/areas.geojson', () => {
  it('answers without signing in, with the boundaries of that workspace only', async () => {
    const res = await d.request({ url: `/api/public/w/${ws}/areas.geojson` });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.type).toBe('FeatureCollection');
    const codes = res.body.features.map((f: { properties: { code: string } }) => f.properties.code).sort();
    expect(codes).toEqual(['BU03637600', 'BU03637601', 'WK036376']);
    expect(res.body.features[0]).toMatchObject({ type: 'Feature', geometry: { type: 'Polygon' } });
    const elsewhere = await d.request({ url: `/api/public/w/${other}/areas.geojson` });
    expect(elsewhere.body.features.map((f: { properties: { code: string } }) => f.properties.code)).toEqual(['BU03638000']);
  });

  it('filters by kind and year', async () => {
    const buurten = await d.request({ url: `/api/public/w/${ws}/areas.geojson?kind=buurt` });
    expect(buurten.body.features.map((f: { properties: { kind: string } }) => f.properties.kind)).toEqual(['buurt', 'buurt']);
    const wijken = await d.request({ url: `/api/public/w/${ws}/areas.geojson?kind=wijk&year=2019` });
    expect(wijken.body.features.map((f: { properties: { name: string } }) => f.properties.name)).toEqual(['Slotermeer-Noordoost']);
    expect((await d.request({ url: `/api/public/w/${ws}/areas.geojson?year=2018` })).body.features).toEqual([]);
  });

  it('refuses kinds that are not public and unknown parameters', async () => {
    for (const query of ['kind=straat', 'kind=gemeente', 'year=abc', 'onbekend=1']) {
      const res = await d.request({ url: `/api/public/w/${ws}/areas.geojson?${query}` });
      expect(res.status, query).toBe(400);
      expect(res.body.error.id).toBe('request.invalid');
    }
  });

  it('says 404 workspace.not_found for an unknown workspace', async () => {
    const res = await d.request({ url: '/api/public/w/bestaat-niet/areas.geojson' });
    expect(res.status).toBe(404);
    expect(res.body.error.id).toBe('workspace.not_found');
  });

  it('is documented as public in the API description', async () => {
    const doc = (await d.request({ url: '/api/openapi.json' })).body;
    const op = doc.paths['/api/public/w/{workspace}/areas.geojson'].get;
    expect(op.security).toEqual([]);
    expect(op.tags).toEqual(['gebieden']);
  });
});

describe('GET /api/public/w/:workspace/areas', () => {
  it('lists the buurten with their wijk, also those without a boundary, without signing in', async () => {
    const res = await d.request({ url: `/api/public/w/${ws}/areas?limit=500` });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.year).toBe(2019);
    expect(res.body.total).toBe(61);
    expect(res.body.items.every((a: { kind: string }) => a.kind === 'buurt')).toBe(true);
    expect(Object.keys(res.body.items[0]).sort()).toEqual(['code', 'id', 'kind', 'name', 'parentId', 'population', 'year']);
    const wijken = await d.request({ url: `/api/public/w/${ws}/areas?kind=wijk` });
    expect(wijken.body.total).toBe(14);
    const wijk = wijken.body.items.find((a: { code: string }) => a.code === 'WK036376');
    expect(res.body.items.filter((a: { parentId: string }) => a.parentId === wijk.id).map((a: { code: string }) => a.code)).toEqual(['BU03637600', 'BU03637601']);
    expect(JSON.stringify(res.body)).not.toContain('Geheime straat');
  });

  it('shows another workspace nothing of this one', async () => {
    const res = await d.request({ url: `/api/public/w/${other}/areas` });
    expect(res.body.items.map((a: { name: string }) => a.name)).toEqual(['Elders']);
    const empty = await createWorkspace(d, owner);
    expect((await d.request({ url: `/api/public/w/${empty}/areas` })).body).toEqual({ items: [], total: 0, year: null });
    expect((await d.request({ url: `/api/public/w/${empty}/areas.geojson` })).body).toEqual({ type: 'FeatureCollection', features: [] });
    expect((await d.request({ url: '/api/public/w/bestaat-niet/areas' })).status).toBe(404);
  });
});
