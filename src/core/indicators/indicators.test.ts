import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, loadDemoAsBeheerder, startDichter, type TestDichter } from '../../../test/harness';
import { DEMO } from '../../platform/demo';
import type { ReportScope } from '../../platform/report';
import { DEMO_AREA_FILE } from '../areas/seeds';
import { indicatorReportSections } from './report';
import { demoPanel } from './seeds';

let d: TestDichter;
let token: string;
const base = `/api/w/${DEMO.slug}/indicators`;

beforeAll(async () => {
  d = await startDichter();
  token = await loadDemoAsBeheerder(d);
}, 180_000);
afterAll(async () => {
  await d?.close();
});

const get = async (url: string) => d.request({ url, token });

describe('the demo workspace’s indicators (HTTP contract)', () => {
  it('lists the indicators with code, name, unit, formula, ladder links and periods', async () => {
    const res = await get(base);
    expect(res.status).toBe(200);
    const codes = res.body.items.map((i: { code: string }) => i.code);
    expect(codes).toEqual(expect.arrayContaining(['inwoners', 'huishoudens-laag-inkomen', 'bijstand-per-1000', 'jongeren-schulden-begeleiding', 'bezoekers-geldcafe']));
    expect(res.body.items.length).toBeGreaterThanOrEqual(10);
    const inwoners = res.body.items.find((i: { code: string }) => i.code === 'inwoners');
    expect(inwoners).toMatchObject({ name: 'Aantal inwoners', unit: 'aantal', direction: 'neutral', source: 'import', periodType: 'year', formula: null, periods: ['2019', '2024'] });
    expect(inwoners.measurementCount).toBe(77);
    const formula = res.body.items.find((i: { code: string }) => i.code === 'bijstand-per-1000');
    expect(formula).toMatchObject({ source: 'formula', aggregation: 'ratio', formula: { numerator: 'bijstand', denominator: 'inwoners', factor: 1000 }, periods: ['2019'], can: { record: false } });
    expect(res.body.items.find((i: { code: string }) => i.code === 'jongeren-schulden-begeleiding').ladderNodeIds).toHaveLength(1);
  });

  it('gives Amsterdam’s population per year, filtered by area and period', async () => {
    const res = await get(`${base}/inwoners/values?area=GM0363&period=2019`);
    expect(res.body).toEqual({ items: [{ area: 'GM0363', period: '2019', value: 862965, status: 'final' }], total: 1 });
    const both = await get(`${base}/inwoners/values?area=GM0363`);
    expect(both.body.items.map((i: { value: number }) => i.value)).toEqual([862965, 931298]);
    expect((await get(`${base}/inwoners/values?area=GM9999`)).body.error.id).toBe('indicator.area_not_found');
  });

  it('shows a trend, with a composition warning only for composition-sensitive indicators without panel data', async () => {
    const trend = await get(`${base}/inwoners/trend?area=GM0363`);
    expect(trend.body).toMatchObject({ area: { code: 'GM0363', name: 'Amsterdam' }, items: [{ period: '2019', value: 862965 }, { period: '2024', value: 931298 }], compositionWarning: false });
    expect((await get(`${base}/huishoudens-laag-inkomen/trend?area=WK036376`)).body.compositionWarning).toBe(true);
    // Average income has panel data for Slotermeer Zuid, not for its neighbour.
    expect((await get(`${base}/inkomen-per-inwoner/trend?area=BU03637700`)).body.compositionWarning).toBe(false);
    expect((await get(`${base}/inkomen-per-inwoner/trend?area=BU03637702`)).body.compositionWarning).toBe(true);
  });

  it('compares a buurt with the buurten of its wijk: median reference, ranks by direction, distance and attention', async () => {
    const res = await get(`${base}/huishoudens-laag-inkomen/comparison?area=BU03637700&period=2019`);
    expect(res.status).toBe(200);
    const { items, reference } = res.body;
    expect(items.map((i: { area: { code: string } }) => i.area.code).sort()).toEqual(['BU03637700', 'BU03637701', 'BU03637702', 'BU03637703', 'BU03637704', 'BU03637705']);
    const known = items.filter((i: { value: number | null }) => i.value !== null);
    const sorted = known.map((i: { value: number }) => i.value).sort((a: number, b: number) => a - b);
    const mid = sorted.length / 2;
    expect(reference).toEqual({ method: 'median', value: sorted.length % 2 ? sorted[Math.floor(mid)] : (sorted[mid - 1] + sorted[mid]) / 2 });
    // Lower is better: rank 1 has the smallest share of low-income households.
    expect(known[0].rank).toBe(1);
    expect(known[0].value).toBe(sorted[0]);
    for (const i of known) expect(i.distance).toBeCloseTo(i.value - reference.value, 9);
    expect(res.body.compositionWarning).toBe(true);
    const municipality = await get(`${base}/huishoudens-laag-inkomen/comparison?area=BU03637700&period=2019&peers=municipality`);
    expect(municipality.body.items.length).toBe(61);
  });

  it('rolls a ratio indicator up to the wijk as the ratio of the sums, not the mean of the ratios', async () => {
    const [bijstand, inwoners, rolled] = await Promise.all([
      get(`${base}/bijstand/values?period=2019`),
      get(`${base}/inwoners/values?period=2019`),
      get(`${base}/bijstand-per-1000/rollup?area=WK036377&period=2019`),
    ]);
    const inWijk = (items: { area: string; value: number | null }[]) => items.filter((i) => i.area.startsWith('BU036377') && i.value !== null);
    const b = new Map(inWijk(bijstand.body.items).map((i) => [i.area, i.value!]));
    const n = new Map(inWijk(inwoners.body.items).map((i) => [i.area, i.value!]));
    const both = [...b.keys()].filter((k) => n.has(k));
    const ratioOfSums = (both.reduce((s, k) => s + b.get(k)!, 0) / both.reduce((s, k) => s + n.get(k)!, 0)) * 1000;
    const meanOfRatios = both.reduce((s, k) => s + (b.get(k)! / n.get(k)!) * 1000, 0) / both.length;
    expect(rolled.body).toMatchObject({ area: { code: 'WK036377' }, period: '2019', children: both.length, method: 'ratio' });
    expect(rolled.body.value).toBeCloseTo(ratioOfSums, 9);
    expect(Math.abs(rolled.body.value - meanOfRatios)).toBeGreaterThan(0.5);
    const counts = await get(`${base}/inwoners/rollup?area=WK036377&period=2019`);
    expect(counts.body).toMatchObject({ method: 'sum', value: [...n.values()].reduce((s, v) => s + v, 0) });
  });

  it('shows where attention is needed, with counts of every signal and the method explained', async () => {
    const res = await get(`${base}/attention?period=2019`);
    expect(res.status).toBe(200);
    expect(res.body.counts.expected).toBeGreaterThan(0);
    expect(res.body.items.length).toBe(res.body.counts.better + res.body.counts.worse);
    expect(res.body.items.every((i: { attention: string }) => ['better', 'worse'].includes(i.attention))).toBe(true);
    expect(res.body.method).toMatch(/robuuste z-score/);
  });

  it('splits the change of the stored panel into stayers, entry and exit that add up to the change', async () => {
    const res = await get(`${base}/inkomen-per-inwoner/composition?area=BU03637700&period0=2019&period1=2024`);
    expect(res.status).toBe(200);
    const { change, stayers, entry, exit, mean1, mean0 } = res.body;
    expect(stayers + entry + exit).toBeCloseTo(change, 9);
    expect(mean1 - mean0).toBeCloseTo(change, 9);
    // The composition effect of the demo: most of the rise comes from who moved in and out.
    expect(entry + exit).toBeGreaterThan(2 * stayers);
    expect(res.body.counts).toEqual({ stayers: 30, entrants: 12, leavers: 10 });
  });
});

describe('composition preview and panel data', () => {
  it('returns the three terms of a small panel, adding up to the change in the mean', async () => {
    const records = [
      { person: 'a', period: '2019', area: 'BU03637700', value: 10 },
      { person: 'b', period: '2019', area: 'BU03637700', value: 20 },
      { person: 'c', period: '2019', area: 'BU03637700', value: 6 },
      { person: 'a', period: '2024', area: 'BU03637700', value: 12 },
      { person: 'b', period: '2024', area: 'BU03637700', value: 21 },
      { person: 'd', period: '2024', area: 'BU03637700', value: 40 },
    ];
    const res = await d.request({ method: 'POST', url: `${base}/composition-preview`, token, body: { area: 'BU03637700', period0: '2019', period1: '2024', records } });
    expect(res.status).toBe(200);
    // mean0 = 12, mean1 = 24.33…; stayers 15 → 16.5; entry (1/3)(40 − 16.5); exit (1/3)(15 − 6).
    expect(res.body.mean0).toBeCloseTo(12, 9);
    expect(res.body.stayers).toBeCloseTo(1.5, 9);
    expect(res.body.entry).toBeCloseTo((40 - 16.5) / 3, 9);
    expect(res.body.exit).toBeCloseTo(3, 9);
    expect(res.body.stayers + res.body.entry + res.body.exit).toBeCloseTo(res.body.change, 9);
    expect(res.body.change).toBeCloseTo(res.body.mean1 - res.body.mean0, 9);
  });

  it('refuses a panel that is too large, or a period without people, with a clear error', async () => {
    const records = Array.from({ length: 100_001 }, (_, i) => ({ person: `p${i}`, period: '2019', area: 'BU03637700', value: 1 }));
    const big = await d.request({ method: 'POST', url: `${base}/composition-preview`, token, body: { area: 'BU03637700', period0: '2019', period1: '2024', records } });
    expect(big.status).toBe(413);
    expect(big.body.error.id).toBe('indicator.panel_too_large');
    const empty = await d.request({ method: 'POST', url: `${base}/composition-preview`, token, body: { area: 'BU03637700', period0: '2019', period1: '2024', records: records.slice(0, 3) } });
    expect(empty.status).toBe(422);
    expect(empty.body.error.id).toBe('indicator.panel_empty_period');
  });

  it('stores panel data pseudonymously: re-storing changes nothing, and no person id is ever shown', async () => {
    const res = await d.request({ method: 'POST', url: `${base}/inkomen-per-inwoner/panel`, token, body: { records: demoPanel() } });
    expect(res.body).toEqual({ stored: 0, total: demoPanel().length });
    const exported = JSON.stringify(await d.request({ url: `${base}/inkomen-per-inwoner`, token }));
    expect(exported).not.toContain('demo-0001');
  });
});

describe('entering and managing indicators', () => {
  let slug: string;
  let owner: Awaited<ReturnType<TestDichter['user']>>;
  beforeAll(async () => {
    owner = await d.user('Onderzoeker');
    slug = await createWorkspace(d, owner);
    const res = await d.request({ method: 'POST', url: `/api/w/${slug}/areas/import`, token: owner.token, body: { fileName: 'kwb-2019-amsterdam-nieuw-west.csv', content: fs.readFileSync(DEMO_AREA_FILE, 'utf8') } });
    expect(res.status).toBe(200);
  });
  const call = (method: 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'GET', path: string, body?: unknown) => d.request({ method, url: `/api/w/${slug}/indicators${path}`, token: owner.token, body });

  it('computes a formula from entered values, rolls it up as a ratio of sums, and never accepts it as input', async () => {
    expect((await call('POST', '', { code: 'laag', name: 'Huishoudens met laag inkomen (aantal)', unit: 'aantal' })).status).toBe(201);
    expect((await call('POST', '', { code: 'hh', name: 'Huishoudens', unit: 'aantal' })).status).toBe(201);
    const created = await call('POST', '', { code: 'aandeel-laag', name: 'Aandeel huishoudens met laag inkomen', unit: '%', direction: 'lower', source: 'formula', formula: { numerator: 'laag', denominator: 'hh', factor: 100 } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ aggregation: 'ratio', compositionSensitive: true });
    for (const [code, area, value] of [
      ['laag', 'BU03637600', 10],
      ['hh', 'BU03637600', 100],
      ['laag', 'BU03637601', 90],
      ['hh', 'BU03637601', 300],
    ] as const) {
      expect((await call('PUT', `/${code}/values`, { area, period: '2024', value })).status).toBe(200);
    }
    const values = await call('GET', '/aandeel-laag/values?period=2024');
    expect(values.body.items).toEqual([
      { area: 'BU03637600', period: '2024', value: 10, status: 'final' },
      { area: 'BU03637601', period: '2024', value: 30, status: 'final' },
    ]);
    const rolled = await call('GET', '/aandeel-laag/rollup?area=WK036376&period=2024');
    // (10 + 90) / (100 + 300) × 100 = 25, not (10 + 30) / 2 = 20.
    expect(rolled.body).toMatchObject({ value: 25, children: 2, method: 'ratio' });
    const refused = await call('PUT', '/aandeel-laag/values', { area: 'BU03637600', period: '2024', value: 5 });
    expect([refused.status, refused.body.error.id]).toEqual([409, 'indicator.computed']);
  });

  it('stores a suppressed value as suppressed, checks the period against the indicator, and refuses unknown areas', async () => {
    const put = await call('PUT', '/hh/values', { area: 'BU03637700', period: '2024', value: null, status: 'suppressed' });
    expect(put.body).toEqual({ area: 'BU03637700', period: '2024', value: null, status: 'suppressed' });
    expect((await call('GET', '/hh/values?area=BU03637700')).body.items).toEqual([{ area: 'BU03637700', period: '2024', value: null, status: 'suppressed' }]);
    const month = await call('PUT', '/hh/values', { area: 'BU03637700', period: '2024-03', value: 3 });
    expect([month.status, month.body.error.id]).toEqual([400, 'indicator.period_invalid']);
    const noValue = await call('PUT', '/hh/values', { area: 'BU03637700', period: '2024', value: null, status: 'final' });
    expect(noValue.body.error.id).toBe('indicator.value_required');
    const unknown = await call('PUT', '/hh/values', { area: 'BU99999999', period: '2024', value: 3 });
    expect([unknown.status, unknown.body.error.id]).toEqual([404, 'indicator.area_not_found']);
  });

  it('deletes an indicator with measurements only when confirmed, and never one a formula uses', async () => {
    const used = await call('DELETE', '/hh');
    expect([used.status, used.body.error.id]).toEqual([409, 'indicator.used_in_formula']);
    const withValues = await call('DELETE', '/aandeel-laag');
    expect(withValues.status).toBe(204); // a formula has no measurements of its own
    const unconfirmed = await call('DELETE', '/laag');
    expect([unconfirmed.status, unconfirmed.body.error.id]).toEqual([409, 'indicator.has_measurements']);
    expect((await call('DELETE', '/laag?confirm=true')).status).toBe(204);
    expect((await call('GET', '/laag')).status).toBe(404);
  });

  it('imports a file through HTTP (multipart and JSON) and previews the mapping first', async () => {
    const content = 'gebied,periode,Bewoners die zich veilig voelen (%)\nWK036376,2024,71\nWK036377,2024,64,5\n';
    const preview = await call('POST', '/import/preview', { fileName: 'veiligheid.csv', content });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ format: 'table', columns: [{ column: 'Bewoners die zich veilig voelen (%)', indicator: { exists: false }, basis: 'column' }] });
    const boundary = '----dichtertest';
    const payload = [
      `--${boundary}\r\nContent-Disposition: form-data; name="mapping"\r\n\r\nauto\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="veiligheid.csv"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n`,
      `--${boundary}--\r\n`,
    ].join('');
    const res = await d.app.server.inject({
      method: 'POST',
      url: `/api/w/${slug}/indicators/import`,
      payload,
      headers: { authorization: `Bearer ${owner.token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    const report = res.json();
    expect(res.statusCode, res.body).toBe(200);
    expect(report).toMatchObject({ values: { new: 2 }, indicatorsCreated: [expect.any(String)] });
    const again = await call('POST', '/import', { fileName: 'veiligheid.csv', content, mapping: 'auto' });
    expect(again.body.values).toEqual({ new: 0, changed: 0, unchanged: 2, suppressed: 0 });
    const bad = await call('POST', '/import', { fileName: 'veiligheid.csv' });
    expect([bad.status, bad.body.error.id]).toEqual([400, 'request.invalid']);
  });

  it('lets a lezer read but not enter figures', async () => {
    const reader = await d.user('Lezer');
    await d.request({ method: 'POST', url: `/api/w/${slug}/members`, token: owner.token, body: { email: reader.email, name: reader.name, role: 'lezer' } });
    const read = await d.request({ url: `/api/w/${slug}/indicators`, token: reader.token });
    expect(read.status).toBe(200);
    expect(read.body.can).toEqual({ create: false, import: false, record: false });
    const put = await d.request({ method: 'PUT', url: `/api/w/${slug}/indicators/hh/values`, token: reader.token, body: { area: 'BU03637600', period: '2024', value: 1 } });
    expect(put.status).toBe(403);
  });
});

describe('the progress report section', () => {
  const scope: ReportScope = { from: '2019-01-01', to: '2026-12-31', publicOnly: true, areaId: null, actionLineId: null };

  it('shows each indicator with its latest value, a chart with a table and summary, and a warning for composition-sensitive ones', async () => {
    const ws = await d.app.registry.tenancy({ ...d.cli }, DEMO.slug);
    const ctx = { ...d.cli, workspace: { ...ws!, role: 'beheerder' } };
    const blocks = await indicatorReportSections[0]!.build(ctx, scope);
    const charts = blocks.filter((b) => 'chart' in b) as { chart: { title: string; summary: string; svg: string; table: { rows: string[][] } } }[];
    const inwoners = charts.find((c) => c.chart.title.startsWith('Aantal inwoners'))!;
    expect(inwoners.chart.summary).toBe('Aantal inwoners in Amsterdam steeg van 862.965 (2019) naar 931.298 (2024).');
    expect(inwoners.chart.table.rows).toEqual([
      ['2019', '862.965'],
      ['2024', '931.298'],
    ]);
    expect(inwoners.chart.svg).toMatch(/^<svg[^>]+role="img"/);
    expect(inwoners.chart.svg).toContain('<title');
    const warnings = blocks.filter((b) => 'warning' in b) as { warning: string }[];
    expect(warnings.some((w) => w.warning.includes('Huishoudens met een laag inkomen'))).toBe(true);
  });
});
