import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, startDichter, type TestDichter, type TestUser } from '../../../test/harness';
import { snapshot } from '../../../test/snapshot';
import { buildApp } from '../../platform/http/app';
import { defineModule, ModuleRegistryError } from '../../platform/module';
import { modules } from '../../modules';
import { dateWindow, titleFrom } from './open311';

/**
 * Open311 GeoReport v2 as a client sees it: list the services, post a request (form-encoded,
 * with api_key), read it back, and the errors in GeoReport's shape. Plus tenant isolation
 * and bad input for these routes, which the OpenAPI-walking tests (built for /api) cannot judge.
 */
let d: TestDichter;
let beheerder: TestUser;
let professional: TestUser;
let lezer: TestUser;
let other: TestUser;
let slugA: string;
let slugB: string;
let areaId: string;

let ipCounter = 0;
/** Each POST from its own address, so the per-IP limit (10 an hour) does not couple the tests. */
async function post311(body: Record<string, unknown> | string, options: { json?: boolean; fmt?: 'json' | 'xml'; ip?: string; contentType?: string } = {}) {
  const json = options.json ?? false;
  const payload = typeof body === 'string' ? body : json ? JSON.stringify(body) : new URLSearchParams(Object.entries(body).map(([k, v]) => [k, String(v)])).toString();
  const res = await d.app.server.inject({
    method: 'POST',
    url: `/open311/v2/requests.${options.fmt ?? 'json'}`,
    remoteAddress: options.ip ?? `10.1.${Math.floor(++ipCounter / 200)}.${ipCounter % 200}`,
    headers: { 'content-type': options.contentType ?? (json ? 'application/json' : 'application/x-www-form-urlencoded') },
    payload,
  });
  return { status: res.statusCode, headers: res.headers, text: res.body, body: res.headers['content-type']?.toString().includes('json') ? JSON.parse(res.body) : res.body };
}
const get311 = (path: string) => d.request({ url: `/open311/v2/${path}` });
const api = (slug: string, path: string) => `/api/w/${slug}${path}`;

function expectGeoError(body: unknown, code: number, pattern?: RegExp) {
  expect(Array.isArray(body), JSON.stringify(body)).toBe(true);
  const list = body as { code: number; description: string }[];
  expect(list.length).toBeGreaterThan(0);
  for (const e of list) expect(e).toEqual({ code, description: expect.any(String) });
  if (pattern) expect(list.map((e) => e.description).join(' | ')).toMatch(pattern);
}

async function observe(slug: string, token: string, body: Record<string, unknown>) {
  const res = await d.request({ method: 'POST', url: api(slug, '/observations'), token, body: { kind: 'signaal', text: '', visibility: 'public', ...body } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; number: number };
}

beforeAll(async () => {
  d = await startDichter();
  beheerder = await d.user('Bea Beheerder');
  professional = await d.user('Priya Professional');
  lezer = await d.user('Lotte Lezer');
  other = await d.user('Olga Anderewijk');
  slugA = await createWorkspace(d, beheerder, 'wijk-a', 'Wijk A');
  slugB = await createWorkspace(d, other, 'wijk-b', 'Wijk B');
  for (const [u, role] of [
    [professional, 'professional'],
    [lezer, 'lezer'],
  ] as const) {
    const res = await d.request({ method: 'POST', url: api(slugA, '/members'), token: beheerder.token, body: { email: u.email, name: u.name, role } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  const area = await d.request({ method: 'POST', url: api(slugA, '/areas'), token: beheerder.token, body: { name: 'Centrum', kind: 'wijk', year: 2024 } });
  expect(area.status, JSON.stringify(area.body)).toBe(201);
  areaId = area.body.id;
}, 120_000);
afterAll(() => d?.close());

describe('an Open311 client', () => {
  let requestId: string;

  it('lists the services: the observation kinds, in Dutch, as JSON and XML', async () => {
    const res = await get311(`services.json?jurisdiction_id=${slugA}`);
    expect(res.status).toBe(200);
    expect(res.body.map((s: { service_code: string }) => s.service_code)).toEqual(['signaal', 'knelpunt', 'idee', 'verhaal', 'succes']);
    expect(res.body[0]).toEqual({
      service_code: 'signaal',
      service_name: 'Signaal',
      description: expect.stringContaining('antwoord'),
      metadata: false,
      type: 'realtime',
      keywords: expect.stringContaining('melding'),
      group: 'Melden',
    });
    const xml = await d.app.server.inject({ url: `/open311/v2/services.xml?jurisdiction_id=${slugA}` });
    expect(xml.statusCode).toBe(200);
    expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(xml.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<services><service><service_code>signaal<\/service_code><service_name>Signaal<\/service_name>/);
    expect(xml.body).toContain('<metadata>false</metadata><type>realtime</type>');
  });

  it('posts a request form-encoded with a member’s api_key; it becomes a routed, public observation without contact details', async () => {
    const res = await post311({
      jurisdiction_id: slugA,
      api_key: professional.token,
      service_code: 'signaal',
      description: 'Losliggende stoeptegel bij de bushalte. Er is al iemand over gestruikeld.',
      lat: '52.3702',
      long: '4.8952',
      address_string: 'Dorpsstraat bij de bushalte',
      email: 'melder@example.org',
      first_name: 'Mila',
      last_name: 'Melder',
      phone: '0612345678',
      'attribute[WHISPER]': 'genegeerd',
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toEqual([{ service_request_id: expect.stringMatching(/^\d+$/), service_notice: expect.any(String), account_id: null }]);
    expect(res.body[0].service_notice).toMatch(/Ontvangen als waarneming #\d+ \(Signaal\)\. Een antwoord volgt uiterlijk .+ openbaar.+Contactgegevens zijn niet bewaard/);
    requestId = res.body[0].service_request_id;

    const found = await d.request({ url: api(slugA, '/observations?q=stoeptegel'), token: beheerder.token });
    expect(found.body.total).toBe(1);
    const obs = (await d.request({ url: api(slugA, `/observations/${found.body.items[0].id}`), token: beheerder.token })).body;
    expect(obs).toMatchObject({
      number: Number(requestId),
      kind: 'signaal',
      title: 'Losliggende stoeptegel bij de bushalte.',
      visibility: 'public',
      containsPersonalData: false,
      source: 'open311',
      point: { lat: 52.3702, lon: 4.8952 },
      ownerId: beheerder.id,
      routedBy: 'coordinator',
      reporter: { userId: professional.id, isResident: false, contact: null },
    });
    expect(obs.text).toBe('Losliggende stoeptegel bij de bushalte. Er is al iemand over gestruikeld.\n\nAdres: Dorpsstraat bij de bushalte');
    expect(obs.dueAt).not.toBeNull();
    expect(JSON.stringify(obs)).not.toMatch(/melder@example|Mila|0612345678|WHISPER|genegeerd/);
    const audit = await d.request({ url: api(slugA, `/audit?entity=observation&entityId=${obs.id}`), token: beheerder.token });
    expect(audit.body.items.map((a: { action: string; actorName: string }) => [a.action, a.actorName])).toEqual([['create', 'Priya Professional']]);
  });

  it('reads the request back by id (a list of one) and finds it in the list, with the title as description, never the text', async () => {
    const one = await get311(`requests/${requestId}.json?jurisdiction_id=${slugA}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual([
      {
        service_request_id: requestId,
        status: 'open',
        service_name: 'Signaal',
        service_code: 'signaal',
        description: 'Losliggende stoeptegel bij de bushalte.',
        agency_responsible: 'Wijk A',
        requested_datetime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
        updated_datetime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
        expected_datetime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
        lat: 52.3702,
        long: 4.8952,
      },
    ]);
    const list = await get311(`requests.json?jurisdiction_id=${slugA}`);
    expect(list.status).toBe(200);
    expect(list.body.map((r: { service_request_id: string }) => r.service_request_id)).toContain(requestId);
    expect(JSON.stringify(list.body)).not.toMatch(/gestruikeld|Dorpsstraat|media_url/);
    const xml = await d.app.server.inject({ url: `/open311/v2/requests/${requestId}.xml?jurisdiction_id=${slugA}` });
    expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(xml.body).toContain(`<service_requests><request><service_request_id>${requestId}</service_request_id><status>open</status>`);
  });

  it('shows an answer as status_notes and the request as closed; internal notes stay out', async () => {
    const found = (await d.request({ url: api(slugA, '/observations?q=stoeptegel'), token: beheerder.token })).body.items[0];
    const step = (body: Record<string, unknown>) => d.request({ method: 'POST', url: api(slugA, `/observations/${found.id}/transitions`), token: beheerder.token, body });
    expect((await step({ to: 'in_behandeling', message: 'Intern: aannemer Jansen gebeld', internal: true })).status).toBe(200);
    const progress = await get311(`requests/${requestId}.json?jurisdiction_id=${slugA}`);
    expect(progress.body[0].status).toBe('open');
    expect(progress.body[0]).not.toHaveProperty('status_notes');
    expect((await step({ to: 'beantwoord', message: 'De tegel is vastgezet.' })).status).toBe(200);
    const answered = await get311(`requests/${requestId}.json?jurisdiction_id=${slugA}`);
    expect(answered.body[0]).toMatchObject({ status: 'closed', status_notes: 'De tegel is vastgezet.' });
    expect(JSON.stringify(answered.body)).not.toContain('Jansen');
    const closed = await get311(`requests.json?jurisdiction_id=${slugA}&status=closed`);
    expect(closed.body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([requestId]);
    const open = await get311(`requests.json?jurisdiction_id=${slugA}&status=open`);
    expect(open.body.map((r: { service_request_id: string }) => r.service_request_id)).not.toContain(requestId);
  });

  it('accepts JSON too, and answers in XML at requests.xml', async () => {
    const res = await post311({ jurisdiction_id: slugA, api_key: professional.token, service_code: 'idee', description: 'Een bankje bij de speeltuin', lat: null, long: null, email: null }, { json: true, fmt: 'xml' });
    expect(res.status, res.text).toBe(201);
    expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(res.text).toMatch(/<service_requests><request><service_request_id>\d+<\/service_request_id><service_notice>Ontvangen als waarneming #\d+ \(Idee\)\. De melding is openbaar.*<\/service_notice><account_id><\/account_id><\/request><\/service_requests>$/);
  });
});

describe('what GET requests shows', () => {
  it('only public observations without personal data; the area name as address', async () => {
    const pub = await observe(slugA, beheerder.token, { kind: 'knelpunt', title: 'Wachtlijst schuldhulp te lang', areaId });
    await observe(slugA, beheerder.token, { title: 'Alleen voor de werkruimte', visibility: 'workspace' });
    await observe(slugA, beheerder.token, { title: 'Intern overleg', visibility: 'intern' });
    await observe(slugA, beheerder.token, { title: 'Over mevrouw met BSN', text: 'BSN 111222333', visibility: 'workspace', containsPersonalData: true });
    const list = (await get311(`requests.json?jurisdiction_id=${slugA}`)).body as { description: string; service_request_id: string; address?: string }[];
    const titles = list.map((r) => r.description);
    expect(titles).toContain('Wachtlijst schuldhulp te lang');
    expect(titles).not.toEqual(expect.arrayContaining(['Alleen voor de werkruimte']));
    expect(titles.join('|')).not.toMatch(/werkruimte|Intern|BSN/);
    expect(list.find((r) => r.service_request_id === String(pub.number))?.address).toBe('Centrum');
    const hidden = await get311(`requests/${pub.number + 1}.json?jurisdiction_id=${slugA}`);
    expect(hidden.status).toBe(404);
    expectGeoError(hidden.body, 404, /open311\.request_not_found/);
  });

  it('filters by service_request_id (other filters ignored), service_code and dates', async () => {
    const all = (await get311(`requests.json?jurisdiction_id=${slugA}`)).body as { service_request_id: string; service_code: string }[];
    const ids = all.slice(0, 2).map((r) => r.service_request_id);
    const byId = await get311(`requests.json?jurisdiction_id=${slugA}&service_request_id=${ids.join(',')}&service_code=succes&start_date=2001-01-01T00:00:00Z`);
    expect(byId.body.map((r: { service_request_id: string }) => r.service_request_id).sort()).toEqual([...ids].sort());
    const ideas = await get311(`requests.json?jurisdiction_id=${slugA}&service_code=idee`);
    expect(ideas.body.length).toBeGreaterThan(0);
    expect(ideas.body.every((r: { service_code: string }) => r.service_code === 'idee')).toBe(true);
    const past = await get311(`requests.json?jurisdiction_id=${slugA}&start_date=2020-01-01T00:00:00Z&end_date=2020-03-01T00:00:00%2B01:00`);
    expect(past.status).toBe(200);
    expect(past.body).toEqual([]);
    const recent = await get311(`requests.json?jurisdiction_id=${slugA}&start_date=${new Date(Date.now() - 3600_000).toISOString()}`);
    expect(recent.body.length).toBe(all.length);
    const tooWide = await get311(`requests.json?jurisdiction_id=${slugA}&start_date=2020-01-01T00:00:00Z&end_date=2020-06-01T00:00:00Z`);
    expect(tooWide.status).toBe(400);
    expectGeoError(tooWide.body, 400, /^end_date: .*90 dagen/);
  });

  it('defaults to the last 90 days and never spans more', () => {
    const now = Date.UTC(2026, 5, 1);
    expect(dateWindow(undefined, undefined, now)).toEqual({ from: new Date(now - 90 * 86_400_000) });
    expect(dateWindow('2026-01-01T00:00:00Z', undefined)).toEqual({ from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') });
    expect(dateWindow(undefined, '2026-04-01')).toEqual({ from: new Date('2026-01-02T00:00:00Z'), to: new Date('2026-04-02T00:00:00Z') });
    expect(() => dateWindow('2026-01-01T00:00:00Z', '2025-12-01T00:00:00Z')).toThrow();
  });

  it('derives a title from the first sentence, at most 200 characters', () => {
    expect(titleFrom('Kapotte lantaarn. Al een week donker.', 'Signaal')).toBe('Kapotte lantaarn.');
    expect(titleFrom('\n  Eerste regel zonder punt\nTweede regel', 'Signaal')).toBe('Eerste regel zonder punt');
    const long = titleFrom(`${'woord '.repeat(60)}einde.`, 'Signaal');
    expect(long.length).toBeLessThanOrEqual(200);
    expect(long.endsWith('woord…')).toBe(true);
    expect(titleFrom('Ok', 'Idee')).toBe('Idee: Ok');
  });
});

describe('personal data on POST', () => {
  it('keeps a request whose text looks personal inside the workspace, marked, and out of GET requests', async () => {
    const res = await post311({ jurisdiction_id: slugA, api_key: professional.token, service_code: 'signaal', description: 'Bewoner belt steeds, bereikbaar op 06-12345678. Graag contact.' });
    expect(res.status, res.text).toBe(201);
    expect(res.body[0].service_notice).toMatch(/persoonsgegevens.*alleen binnen de werkruimte/);
    const id = res.body[0].service_request_id;
    expect((await get311(`requests/${id}.json?jurisdiction_id=${slugA}`)).status).toBe(404);
    const found = (await d.request({ url: api(slugA, '/observations?q=bewoner'), token: beheerder.token })).body.items.find((i: { number: number }) => i.number === Number(id));
    expect(found).toMatchObject({ visibility: 'workspace', containsPersonalData: true });
    expect(JSON.stringify((await get311(`requests.json?jurisdiction_id=${slugA}`)).body)).not.toContain('12345678');
  });
});

describe('authentication and tenant isolation', () => {
  it('refuses a missing or invalid api_key with 403 in GeoReport shape, before looking at the rest', async () => {
    const before = await snapshot(d.runtime.database.db);
    const missing = await post311({ jurisdiction_id: slugA, service_code: 'signaal', description: 'Zonder sleutel' });
    expect(missing.status).toBe(403);
    expectGeoError(missing.body, 403, /api_key.*open311\.invalid_api_key/);
    const invalid = await post311({ jurisdiction_id: slugA, api_key: 'dct_verzonnen', service_code: 'kuil', lat: 'x' });
    expect(invalid.status).toBe(403);
    const bearer = await d.app.server.inject({ method: 'POST', url: '/open311/v2/requests.json', remoteAddress: '10.9.9.1', headers: { authorization: `Bearer ${professional.token}` }, payload: { jurisdiction_id: slugA, service_code: 'signaal', description: 'Met header' } });
    expect(bearer.statusCode).toBe(403);
    const xml = await post311({ jurisdiction_id: slugA, service_code: 'signaal', description: 'x' }, { fmt: 'xml' });
    expect(xml.status).toBe(403);
    expect(xml.text).toMatch(/<errors><error><code>403<\/code><description>Geen geldige api_key/);
    expect(await snapshot(d.runtime.database.db)).toEqual(before);
  });

  it('a token of workspace B cannot post into A (403); a lezer cannot post (403); an unknown jurisdiction is 404', async () => {
    const before = await snapshot(d.runtime.database.db);
    const cross = await post311({ jurisdiction_id: slugA, api_key: other.token, service_code: 'signaal', description: 'Poging van buiten' });
    expect(cross.status).toBe(403);
    expectGeoError(cross.body, 403, /open311\.not_member/);
    const reader = await post311({ jurisdiction_id: slugA, api_key: lezer.token, service_code: 'signaal', description: 'Lezer probeert het' });
    expect(reader.status).toBe(403);
    expectGeoError(reader.body, 403, /auth\.forbidden/);
    const unknown = await post311({ jurisdiction_id: 'bestaat-niet', api_key: professional.token, service_code: 'signaal', description: 'Nergens' });
    expect(unknown.status).toBe(404);
    expectGeoError(unknown.body, 404, /open311\.jurisdiction_not_found/);
    expect(await snapshot(d.runtime.database.db)).toEqual(before);
  });

  it('GET requests of B never shows A’s observations, by list or by number', async () => {
    await observe(slugB, other.token, { title: 'Eigen melding van wijk B' });
    const listB = (await get311(`requests.json?jurisdiction_id=${slugB}`)).body as { description: string; agency_responsible: string }[];
    expect(listB.map((r) => r.description)).toEqual(['Eigen melding van wijk B']);
    expect(listB.every((r) => r.agency_responsible === 'Wijk B')).toBe(true);
    const listA = (await get311(`requests.json?jurisdiction_id=${slugA}`)).body as { service_request_id: string }[];
    const aNumbers = listA.map((r) => r.service_request_id).join(',');
    const byIds = (await get311(`requests.json?jurisdiction_id=${slugB}&service_request_id=${aNumbers}`)).body as { description: string }[];
    expect(byIds.map((r) => r.description)).toEqual(['Eigen melding van wijk B']);
    for (const n of listA.map((r) => r.service_request_id).filter((n) => n !== '1')) expect((await get311(`requests/${n}.json?jurisdiction_id=${slugB}`)).status).toBe(404);
    const unknown = await get311('requests.json?jurisdiction_id=bestaat-niet');
    expect(unknown.status).toBe(404);
    expectGeoError(unknown.body, 404, /open311\.jurisdiction_not_found/);
  });
});

describe('bad input', () => {
  const valid = () => ({ jurisdiction_id: slugA, api_key: professional.token, service_code: 'signaal', description: 'Een geldige melding' });

  it('answers malformed lat, an unknown service_code and a missing jurisdiction_id with 400 in GeoReport shape, storing nothing', async () => {
    const before = await snapshot(d.runtime.database.db);
    const lat = await post311({ ...valid(), lat: 'noord', long: '4.9' });
    expect(lat.status).toBe(400);
    expectGeoError(lat.body, 400, /^lat: /);
    const outside = await post311({ ...valid(), lat: '40.1', long: '4.9' });
    expect(outside.status).toBe(400);
    const half = await post311({ ...valid(), lat: '52.1' });
    expectGeoError(half.body, 400, /long: Geef lat en long allebei/);
    const code = await post311({ ...valid(), service_code: 'kuil' });
    expect(code.status).toBe(400);
    expectGeoError(code.body, 400, /^service_code: Kies een van/);
    const { jurisdiction_id: _j, ...noJurisdiction } = valid();
    const post = await post311(noJurisdiction);
    expect(post.status).toBe(400);
    expectGeoError(post.body, 400, /jurisdiction_id.*verplicht/);
    const empty = await post311({ ...valid(), description: '  <b></b> ' });
    expect(empty.status).toBe(400);
    expectGeoError(empty.body, 400, /^description: /);
    const broken = await post311('{"jurisdiction_id":', { json: true });
    expect(broken.status).toBe(400);
    expectGeoError(broken.body, 400, /request\.malformed/);
    const text = await post311('<service_request/>', { contentType: 'application/xml' });
    expect(text.status).toBe(415);
    expectGeoError(text.body, 415);
    expect(await snapshot(d.runtime.database.db)).toEqual(before);
  });

  it('answers bad query parameters and unknown methods in GeoReport shape', async () => {
    for (const path of ['services.json', 'requests.json', 'requests/1.json']) {
      const res = await get311(path);
      expect(res.status, path).toBe(400);
      expectGeoError(res.body, 400, /jurisdiction_id/);
    }
    for (const q of ['service_code=kuil', 'status=half', 'start_date=gisteren', 'service_request_id=1,x', `service_request_id=${'9'.repeat(40)}`, 'jurisdiction_id=%00']) {
      const res = await get311(`requests.json?jurisdiction_id=${slugA}&${q}`);
      expect([400, 404], q).toContain(res.status);
      expectGeoError(res.body, res.status);
    }
    for (const id of ['abc', '0', '99999999999', '%00']) {
      const res = await get311(`requests/${id}.json?jurisdiction_id=${slugA}`);
      expect(res.status, id).toBe(404);
      expectGeoError(res.body, 404);
    }
    const nothing = await get311(`bestaat-niet.json?jurisdiction_id=${slugA}`);
    expect(nothing.status).toBe(404);
    expectGeoError(nothing.body, 404, /open311\.route_not_found/);
  });

  it('never answers 5xx to generated input from a member (valid api_key), and stores nothing when it refuses', async () => {
    const nasty = fc.constantFrom('', ' ', '%00', '\u0000', 'null', '-1', '0', '1e309', 'NaN', '52,1', "' or 1=1 --", '<script>x</script>', '💥', 'ä'.repeat(300), '9'.repeat(40));
    const value = fc.oneof(nasty, fc.string({ maxLength: 40 }), fc.double().map(String), fc.constantFrom('signaal', 'idee', '52.1', '4.9'), fc.string({ minLength: 4001, maxLength: 4100 }));
    const fields = ['service_code', 'lat', 'long', 'description', 'address_string', 'email', 'phone', 'media_url', 'onbekend'];
    let baseline = await snapshot(d.runtime.database.db);
    await fc.assert(
      fc.asyncProperty(fc.record(Object.fromEntries(fields.map((f) => [f, value])), { requiredKeys: [] }), fc.boolean(), async (extra, json) => {
        const res = await post311({ jurisdiction_id: slugA, api_key: professional.token, ...extra }, { json });
        const where = `${JSON.stringify(extra).slice(0, 300)} → ${res.status} ${res.text.slice(0, 300)}`;
        expect(res.status, where).toBeLessThan(500);
        const now = await snapshot(d.runtime.database.db);
        if (res.status >= 400) {
          expectGeoError(res.body, res.status);
          expect(now, where).toEqual(baseline);
        }
        baseline = now;
      }),
      { numRuns: Number(process.env.BAD_INPUT_RUNS ?? 40) },
    );
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom('service_request_id', 'service_code', 'start_date', 'end_date', 'status', 'onbekend'), value, { maxKeys: 4 }), async (query) => {
        const res = await get311(`requests.json?${new URLSearchParams({ jurisdiction_id: slugA, ...query })}`);
        expect(res.status, JSON.stringify(query)).toBeLessThan(500);
        if (res.status >= 400) expectGeoError(res.body, res.status);
      }),
      { numRuns: Number(process.env.BAD_INPUT_RUNS ?? 40) },
    );
  }, 120_000);

  it('limits POSTs per IP address like the public report form (10 an hour), in GeoReport shape', async () => {
    let last = await post311({ jurisdiction_id: slugA, service_code: 'signaal' }, { ip: '10.99.0.1' });
    for (let i = 0; i < 10; i++) last = await post311({ jurisdiction_id: slugA, service_code: 'signaal' }, { ip: '10.99.0.1' });
    expect(last.status).toBe(429);
    expect(last.headers['retry-after']).toBeDefined();
    expectGeoError(last.body, 429, /request\.rate_limited/);
  });
});

describe('the platform', () => {
  it('documents the Open311 routes in OpenAPI (tag open311, no bearer security; POST takes form or JSON)', async () => {
    const doc = (await d.request({ url: '/api/openapi.json' })).body;
    const post = doc.paths['/open311/v2/requests.json'].post;
    expect(post.tags).toEqual(['open311']);
    expect(post.security).toEqual([]);
    expect(Object.keys(post.requestBody.content).sort()).toEqual(['application/json', 'application/x-www-form-urlencoded']);
    expect(post.requestBody.content['application/json'].schema.properties.api_key.description).toMatch(/API-token/);
    const get = doc.paths['/open311/v2/requests/{service_request_id}.json'].get;
    expect(get.security).toEqual([]);
    expect(get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['service_request_id', 'jurisdiction_id']));
    expect(doc.paths['/open311/v2/services.xml'].get.responses['200'].content).toHaveProperty('text/xml');
  });

  it('refuses a second module declaring the same root route at start-up', async () => {
    const clash = defineModule({ id: 'kloon', rootRoutes: async (app) => void app.get('/open311/v2/services.json', async () => []) });
    await expect(buildApp({ config: d.config, database: d.runtime.database, modules: [...modules, clash] })).rejects.toThrow(ModuleRegistryError);
    await expect(buildApp({ config: d.config, database: d.runtime.database, modules: [...modules, clash] })).rejects.toThrow(/GET \/open311\/v2\/services.json of module 'kloon' is already declared by 'observations'/);
  });
});
