import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, startDichter, type TestDichter, type TestUser } from '../../../test/harness';
import { sql } from 'kysely';
import * as auth from '../../platform/auth/service';
import { DEMO_AREA_FILE } from './seeds';

let d: TestDichter;
let owner: TestUser;
let ws: string;
let lezerToken: string;
const url = (rest: string) => `/api/w/${ws}${rest}`;
/** The real CBS file lives outside the project (see /work/shared/data/cbs/SOURCE.md). */
const CBS_2019 = path.resolve('..', 'shared/data/cbs/Kerncijfers_wijken_en_buurten_2019.csv');

/** Adds a member with a role through the API and gives them an API token. */
async function memberWithToken(role: string) {
  const res = await d.request({ method: 'POST', url: url('/members'), token: owner.token, body: { email: `${role}.${randomUUID().slice(0, 8)}@example.org`, name: `Een ${role}`, role } });
  expect(res.status).toBe(201);
  const { userId, email, name } = res.body;
  const token = await auth.createToken({ ...d.cli, actor: { userId, email, name, isAdmin: false, via: 'cli' } }, 'test');
  return token.token;
}

async function areaByCode(code: string) {
  const res = await d.request({ url: url(`/areas?q=${code}`), token: owner.token });
  return res.body.items.find((a: { code: string }) => a.code === code);
}

beforeAll(async () => {
  d = await startDichter();
  owner = await d.user('Beheerder Gebieden');
  ws = await createWorkspace(d, owner);
  lezerToken = await memberWithToken('lezer');
  const content = await readFile(DEMO_AREA_FILE, 'utf8');
  const res = await d.request({ method: 'POST', url: url('/areas/import'), token: owner.token, body: { fileName: 'kwb-2019-amsterdam-nieuw-west.csv', content } });
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ format: 'cbs-csv', year: 2019, created: 76, updated: 0, unchanged: 0, skipped: [] });
});
afterAll(async () => {
  await d?.close();
});

describe('GET /areas', () => {
  it('lists the buurten with id, code, name, kind and parent', async () => {
    const res = await d.request({ url: url('/areas?kind=buurt&limit=500'), token: lezerToken });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(61);
    expect(res.body.items).toHaveLength(61);
    expect(res.body.items.every((a: { kind: string }) => a.kind === 'buurt')).toBe(true);
    expect(Object.keys(res.body.items[0]).sort()).toEqual(['code', 'hasGeometry', 'id', 'kind', 'name', 'parentId', 'population', 'year']);
    expect(res.body.items[0]).toMatchObject({ code: 'BU03637600', name: 'Buurt 3', year: 2019, population: 6160, hasGeometry: false });
  });

  it('tells a beheerder they may add and import areas, and a lezer that they may not', async () => {
    const asOwner = await d.request({ url: url('/areas?limit=1'), token: owner.token });
    expect(asOwner.status).toBe(200);
    expect(asOwner.body.can).toEqual({ create: true, import: true });
    const asReader = await d.request({ url: url('/areas?limit=1'), token: lezerToken });
    expect(asReader.status).toBe(200);
    expect(asReader.body.can).toEqual({ create: false, import: false });
    expect(asReader.body.total).toBe(asOwner.body.total);
  });

  it('puts the gemeente first, then wijken and buurten by code, a page at a time', async () => {
    const res = await d.request({ url: url('/areas?limit=3&offset=0'), token: owner.token });
    expect(res.body.total).toBe(76);
    expect(res.body.items.map((a: { code: string }) => a.code)).toEqual(['GM0363', 'WK036376', 'WK036377']);
  });

  it('finds areas by part of their name, regardless of case', async () => {
    const res = await d.request({ url: url('/areas?q=osdorp&kind=wijk'), token: owner.token });
    expect(res.body.items.map((a: { name: string }) => a.name)).toEqual(['Osdorp-Oost', 'Osdorp-Midden']);
  });

  it('lists the wijken below a gemeente, and treats empty filters as absent', async () => {
    const amsterdam = await areaByCode('GM0363');
    const res = await d.request({ url: url(`/areas?parentId=${amsterdam.id}&kind=&year=`), token: owner.token });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(14);
  });

  it('answers 400 with a field error for an unknown kind', async () => {
    const res = await d.request({ url: url('/areas?kind=land'), token: owner.token });
    expect(res.status).toBe(400);
    expect(res.body.error.id).toBe('request.invalid');
    expect(res.body.error.fields).toEqual([{ path: 'query.kind', message: expect.stringContaining('gemeente, wijk, buurt, straat, complex, gebied') }]);
  });

  it('answers 401 without an account and 404 to someone outside the workspace', async () => {
    expect((await d.request({ url: url('/areas') })).status).toBe(401);
    const stranger = await d.user();
    const res = await d.request({ url: url('/areas'), token: stranger.token });
    expect(res.status).toBe(404);
    expect(res.body.error.id).toBe('workspace.not_found');
  });
});

describe('GET /areas/:areaId', () => {
  it('shows a wijk with its gemeente, its number of buurten and what the member may do', async () => {
    const geuzenveld = await areaByCode('WK036378');
    const res = await d.request({ url: url(`/areas/${geuzenveld.id}`), token: owner.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code: 'WK036378', name: 'Geuzenveld', kind: 'wijk', population: 16260, geometry: null, parent: { code: 'GM0363', name: 'Amsterdam', kind: 'gemeente' } });
    expect(res.body.childCount).toBeGreaterThan(0);
    expect(res.body.can).toEqual({ update: true, delete: false });
    const asReader = await d.request({ url: url(`/areas/${geuzenveld.id}`), token: lezerToken });
    expect(asReader.body.can).toEqual({ update: false, delete: false });
  });

  it('answers 404 for an area that does not exist, and 400 for an id that is no uuid', async () => {
    const res = await d.request({ url: url(`/areas/${randomUUID()}`), token: owner.token });
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ id: 'area.not_found', message: 'Dit gebied bestaat niet in deze werkruimte.' });
    expect((await d.request({ url: url('/areas/geen-id'), token: owner.token })).status).toBe(400);
  });
});

describe('adding, changing and deleting areas by hand', () => {
  it('adds a street under a buurt', async () => {
    const buurt = await areaByCode('BU03637600');
    const res = await d.request({ method: 'POST', url: url('/areas'), token: owner.token, body: { name: 'Burgemeester de Vlugtlaan', kind: 'straat', parentId: buurt.id, year: 2019 } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'straat', code: null, parent: { id: buurt.id }, childCount: 0, can: { update: true, delete: true } });
  });

  it('derives the parent of a coded area from its code', async () => {
    const res = await d.request({ method: 'POST', url: url('/areas'), token: owner.token, body: { name: 'Nieuwe buurt', kind: 'buurt', code: 'bu03637699', year: 2019 } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ code: 'BU03637699', parent: { code: 'WK036376' } });
  });

  it('refuses a code that is taken in that year (409) or does not fit the kind (400)', async () => {
    const taken = await d.request({ method: 'POST', url: url('/areas'), token: owner.token, body: { name: 'Dubbel', kind: 'wijk', code: 'WK036378', year: 2019 } });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ id: 'area.code_taken', fields: [{ path: 'code' }] });
    const wrong = await d.request({ method: 'POST', url: url('/areas'), token: owner.token, body: { name: 'Fout', kind: 'buurt', code: 'WK036378', year: 2019 } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ id: 'area.code_format', fields: [{ path: 'code' }] });
  });

  it('refuses a parent that does not exist, and missing fields, with field errors', async () => {
    const res = await d.request({ method: 'POST', url: url('/areas'), token: owner.token, body: { name: 'Complex 12', kind: 'complex', parentId: randomUUID(), year: 2019 } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ id: 'area.parent_not_found', fields: [{ path: 'parentId', message: 'Het bovenliggende gebied bestaat niet in deze werkruimte.' }] });
    const empty = await d.request({ method: 'POST', url: url('/areas'), token: owner.token, body: { kind: 'wijk' } });
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['name', 'year']);
  });

  it('renames an area, and refuses to move a gemeente below one of its own buurten (409)', async () => {
    const amsterdam = await areaByCode('GM0363');
    const buurt = await areaByCode('BU03637601');
    const renamed = await d.request({ method: 'PATCH', url: url(`/areas/${buurt.id}`), token: owner.token, body: { name: 'Slotermeer Noord' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Slotermeer Noord');
    const cycle = await d.request({ method: 'PATCH', url: url(`/areas/${amsterdam.id}`), token: owner.token, body: { parentId: buurt.id } });
    expect(cycle.status).toBe(409);
    expect(cycle.body.error.id).toBe('area.cycle');
    const self = await d.request({ method: 'PATCH', url: url(`/areas/${amsterdam.id}`), token: owner.token, body: { parentId: amsterdam.id } });
    expect(self.status).toBe(409);
  });

  it('refuses to delete a wijk that still has buurten (409), and deletes an empty one (204)', async () => {
    const wijk = await areaByCode('WK036383');
    const res = await d.request({ method: 'DELETE', url: url(`/areas/${wijk.id}`), token: owner.token });
    expect(res.status).toBe(409);
    expect(res.body.error.id).toBe('area.has_children');
    const straat = await d.request({ method: 'POST', url: url('/areas'), token: owner.token, body: { name: 'Tijdelijk', kind: 'gebied', year: 2019 } });
    const gone = await d.request({ method: 'DELETE', url: url(`/areas/${straat.body.id}`), token: owner.token });
    expect(gone.status).toBe(204);
    expect((await d.request({ url: url(`/areas/${straat.body.id}`), token: owner.token })).status).toBe(404);
  });

  it('refuses to delete an area that observations still lie in (409, naming them), and deletes it once they moved', async () => {
    const area = (await d.request({ method: 'POST', url: url('/areas'), token: owner.token, body: { name: 'Bouwterrein', kind: 'gebied', year: 2019 } })).body;
    const other = (await d.request({ method: 'POST', url: url('/areas'), token: owner.token, body: { name: 'Bouwterrein Zuid', kind: 'gebied', year: 2019 } })).body;
    const observation = await d.request({ method: 'POST', url: url('/observations'), token: owner.token, body: { kind: 'idee', title: 'Moestuin op het bouwterrein', text: 'Tot de bouw begint.', areaId: area.id, visibility: 'workspace' } });
    expect(observation.status).toBe(201);
    const refused = await d.request({ method: 'DELETE', url: url(`/areas/${area.id}`), token: owner.token });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ id: 'area.in_use', message: expect.stringContaining('Dit gebied wordt nog gebruikt: waarnemingen (1).') });
    const en = await d.request({ method: 'DELETE', url: url(`/areas/${area.id}`), token: owner.token, headers: { 'accept-language': 'en' } });
    expect(en.body.error.message).toContain('This area is still in use: observations (1).');
    expect((await d.request({ url: url(`/areas/${area.id}`), token: owner.token })).status).toBe(200);

    const moved = await d.request({ method: 'PATCH', url: url(`/observations/${observation.body.id}`), token: owner.token, body: { areaId: other.id } });
    expect(moved.status).toBe(200);
    expect((await d.request({ method: 'DELETE', url: url(`/areas/${area.id}`), token: owner.token })).status).toBe(204);
  });

  it('knows every table of another module that holds an area id, so none is left pointing at a deleted area', async () => {
    const { rows } = await sql<{ table: string }>`select table_name as table from information_schema.columns where column_name = 'area_id' and table_schema = current_schema() order by 1`.execute(d.runtime.database.db);
    const declared = new Set(d.runtime.registry.areaUses.map((u) => `${u.table}.${u.column}`));
    const own = ['area_team_members'];
    expect(rows.length).toBeGreaterThan(own.length);
    expect(rows.map((r) => r.table).filter((t) => !own.includes(t) && !declared.has(`${t}.area_id`))).toEqual([]);
  });

  it('lets a lezer read but not change areas (403)', async () => {
    const res = await d.request({ method: 'POST', url: url('/areas'), token: lezerToken, body: { name: 'Mag niet', kind: 'gebied', year: 2019 } });
    expect(res.status).toBe(403);
    expect(res.body.error.id).toBe('auth.forbidden');
  });
});

describe('POST /areas/import', () => {
  it('refuses a lezer (403)', async () => {
    const res = await d.request({ method: 'POST', url: url('/areas/import'), token: lezerToken, body: { fileName: 'x_2019.csv', content: 'a,b\n1,2\n' } });
    expect(res.status).toBe(403);
    expect(res.body.error.id).toBe('auth.forbidden');
  });

  it('explains in Dutch why a file cannot be read (400), and in English when asked', async () => {
    const body = { fileName: 'lijst_2019.csv', content: 'naam,inwoners\nAmsterdam,1\n' };
    const res = await d.request({ method: 'POST', url: url('/areas/import'), token: owner.token, body });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ id: 'area.import_unreadable', fields: [{ path: 'content', message: expect.stringContaining('CBS-code') }] });
    const en = await d.request({ method: 'POST', url: url('/areas/import'), token: owner.token, headers: { 'accept-language': 'en' }, body });
    expect(en.body.error).toMatchObject({ message: expect.stringContaining('could not be read'), fields: [{ path: 'content', message: expect.stringContaining('no column with the CBS code') }] });
  });

  it.skipIf(!existsSync(CBS_2019))('reports skipped rows with a stable id and the reason in the language asked for', async () => {
    const other = await createWorkspace(d, owner);
    const res = await d.request({
      method: 'POST',
      url: `/api/w/${other}/areas/import`,
      token: owner.token,
      headers: { 'accept-language': 'en' },
      body: { fileName: 'Kerncijfers_wijken_en_buurten_2019.csv', content: await readFile(CBS_2019, 'utf8') },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ format: 'cbs-csv', year: 2019, created: 579 });
    expect(res.body.skipped).toEqual([{ row: 2, code: 'NL00', reasonId: 'area.skip.unknown_kind', reason: 'unknown kind of region "Land"' }]);
  });

  it('asks for the year when the file name has none (400), in English when asked', async () => {
    const res = await d.request({
      method: 'POST',
      url: url('/areas/import'),
      token: owner.token,
      headers: { 'accept-language': 'en' },
      body: { fileName: 'wijken.csv', content: '"Regioaanduiding.Codering..code."\n"GM0363"\n' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ id: 'area.import_year_unknown', message: expect.stringContaining('The year of the area division is unknown') });
  });

  it('validates the request body', async () => {
    const res = await d.request({ method: 'POST', url: url('/areas/import'), token: owner.token, body: { fileName: '', content: '', year: 1800 } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['content', 'fileName', 'year']);
  });

  it('adds boundaries that then show on the map', async () => {
    const content = JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { cbsCode: 'BU03637600', naam: 'Buurt 3' }, geometry: { type: 'Polygon', coordinates: [[[4.8, 52.38], [4.81, 52.38], [4.81, 52.39], [4.8, 52.38]]] } }],
    });
    const res = await d.request({ method: 'POST', url: url('/areas/import'), token: owner.token, body: { fileName: 'grenzen.geojson', content, year: 2019 } });
    expect(res.body).toMatchObject({ format: 'geojson', created: 0, updated: 1, unchanged: 0 });
    const map = await d.request({ url: url('/areas/geojson?year=2019'), token: lezerToken });
    expect(map.status).toBe(200);
    expect(map.body.type).toBe('FeatureCollection');
    expect(map.body.features).toHaveLength(1);
    expect(map.body.features[0]).toMatchObject({ type: 'Feature', geometry: { type: 'Polygon' }, properties: { code: 'BU03637600', name: 'Buurt 3', kind: 'buurt', population: 6160 } });
  });
});

describe('GET /areas/years', () => {
  it('lists the years of the area divisions with their number of areas', async () => {
    const res = await d.request({ url: url('/areas/years'), token: lezerToken });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0].year).toBe(2019);
    expect(res.body.items[0].count).toBeGreaterThanOrEqual(76);
  });
});

describe('the API description', () => {
  it('documents the area routes under the tag gebieden', async () => {
    const res = await d.request({ url: '/api/openapi.json' });
    expect(res.status).toBe(200);
    expect(res.body.paths['/api/w/{workspace}/areas'].get.tags).toEqual(['gebieden']);
    expect(res.body.paths['/api/w/{workspace}/areas/import'].post).toBeDefined();
  });
});
