import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, startDichter, type TestDichter, type TestUser } from '../../../test/harness';
import { boundingBox, containsPoint, planarSurface, polygonsOf } from '../areas/geometry';

let d: TestDichter;
let beheerder: TestUser;
let slug: string;
let wijk: string;
let buurt: string;
let street: string;
const api = (path: string) => `/api/w/${slug}${path}`;
const req = (method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown) => d.request({ method, url: api(path), token: beheerder.token, body });
const square = (lon: number, lat: number, size: number) => ({
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
// a wijk of 0.1°, with one buurt of 0.02° in its south-west corner
const IN_BUURT = { lat: 52.36, lon: 4.81 };
const IN_WIJK_ONLY = { lat: 52.42, lon: 4.88 };
const NOWHERE = { lat: 51.5, lon: 5.5 };

async function observe(body: Record<string, unknown>) {
  return req('POST', '/observations', { kind: 'signaal', title: 'Losliggende stoeptegels', visibility: 'workspace', ...body });
}

beforeAll(async () => {
  d = await startDichter();
  beheerder = await d.user('Bea Beheerder');
  slug = await createWorkspace(d, beheerder);
  const content = JSON.stringify({
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', geometry: square(4.8, 52.35, 0.1), properties: { cbsCode: 'WK036399', naam: 'Geuzenveld', beginGeldigheid: '2024-01-01T00:00:00' } },
      { type: 'Feature', geometry: square(4.8, 52.35, 0.02), properties: { cbsCode: 'BU03639901', naam: 'Slotermeer-Noord', beginGeldigheid: '2024-01-01T00:00:00' } },
    ],
  });
  const imported = await req('POST', '/areas/import', { fileName: 'grenzen.geojson', content });
  expect(imported.status, JSON.stringify(imported.body)).toBe(200);
  const areas = (await req('GET', '/areas?limit=100')).body.items as { id: string; code: string | null }[];
  wijk = areas.find((a) => a.code === 'WK036399')!.id;
  buurt = areas.find((a) => a.code === 'BU03639901')!.id;
  const made = await req('POST', '/areas', { name: 'Pieter Calandlaan', kind: 'straat', year: 2024 });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  street = made.body.id;
}, 120_000);
afterAll(() => d?.close());

describe('a point inside an area', () => {
  it('places a point without an area in the smallest area whose boundary holds it', async () => {
    const inBuurt = await observe({ point: IN_BUURT });
    expect(inBuurt.status, JSON.stringify(inBuurt.body)).toBe(201);
    expect(inBuurt.body).toMatchObject({ areaId: buurt, areaName: 'Slotermeer-Noord', point: IN_BUURT });
    expect((await observe({ point: IN_WIJK_ONLY })).body).toMatchObject({ areaId: wijk, areaName: 'Geuzenveld' });
    expect((await observe({ point: NOWHERE })).body).toMatchObject({ areaId: null, point: NOWHERE });
  });

  it('refuses a point outside the chosen area, and accepts one inside it or inside an area within it', async () => {
    const outside = await observe({ areaId: buurt, point: IN_WIJK_ONLY });
    expect(outside.status).toBe(400);
    expect(outside.body.error.id).toBe('observation.point_outside_area');
    expect(outside.body.error.message).toContain('buiten het gekozen gebied');
    expect(outside.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['point']);
    expect((await observe({ areaId: wijk, point: IN_BUURT })).body).toMatchObject({ areaId: wijk });
    // a street without a boundary cannot tell: the reporter's choice stands
    expect((await observe({ areaId: street, point: NOWHERE })).body).toMatchObject({ areaId: street });
  });

  it('checks a moved point against the area it keeps', async () => {
    const o = (await observe({ areaId: buurt, point: IN_BUURT })).body;
    const moved = await req('PATCH', `/observations/${o.id}`, { point: IN_WIJK_ONLY });
    expect(moved.body.error.id).toBe('observation.point_outside_area');
    expect((await req('GET', `/observations/${o.id}`)).body.point).toEqual(IN_BUURT);
    const widened = await req('PATCH', `/observations/${o.id}`, { areaId: wijk, point: IN_WIJK_ONLY });
    expect(widened.body).toMatchObject({ areaId: wijk, point: IN_WIJK_ONLY });
  });

  it('places a resident’s report by the point on the map', async () => {
    const report = await d.request({ method: 'POST', url: `/api/public/w/${slug}/observations`, body: { title: 'Kapotte lantaarnpaal', point: IN_BUURT } });
    expect(report.status, JSON.stringify(report.body)).toBe(201);
    const found = (await req('GET', '/observations?q=lantaarnpaal')).body.items[0];
    expect(found).toMatchObject({ areaId: buurt, areaName: 'Slotermeer-Noord' });
  });
});

describe('plane geometry on GeoJSON', () => {
  const withHole = {
    type: 'Polygon',
    coordinates: [
      [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
      [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]],
    ],
  };
  it('knows inside from outside, holes included, over every polygon of a MultiPolygon', () => {
    const polygons = polygonsOf(withHole);
    expect(containsPoint(polygons, 1, 1)).toBe(true);
    expect(containsPoint(polygons, 5, 5)).toBe(false);
    expect(containsPoint(polygons, 11, 5)).toBe(false);
    const multi = polygonsOf({ type: 'MultiPolygon', coordinates: [withHole.coordinates, square(20, 20, 1).coordinates] });
    expect(containsPoint(multi, 20.5, 20.5)).toBe(true);
    expect(planarSurface(multi)).toBe(100 - 4 + 1);
    expect(boundingBox(multi)).toEqual([0, 0, 21, 21]);
  });
  it('finds nothing in what is not a polygon', () => {
    expect(polygonsOf({ type: 'Point', coordinates: [1, 2] })).toEqual([]);
    expect(polygonsOf(null)).toEqual([]);
  });
});
