import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { DEMO } from '../../platform/demo';
import { chromiumPath } from '../../platform/document';
import { loadDemoAsBeheerder, startDichter, type TestDichter } from '../../../test/harness';

let d: TestDichter;
let token: string;
const report = (query: string, t = token) => d.request({ url: `/api/w/${DEMO.slug}/reports/progress?${query}`, token: t });
const period = `from=2020-01-01&to=${new Date().toISOString().slice(0, 10)}`;

beforeAll(async () => {
  d = await startDichter();
  token = await loadDemoAsBeheerder(d);
}, 240_000);
afterAll(() => d?.close());

describe('progress report', () => {
  it('renders the iceberg with the plan, stories, a chart, decisions and the agenda as one printable page', async () => {
    const res = await report(period);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    const html = res.body as string;
    expect(html).toContain('<html lang="nl">');
    for (const heading of ['Het plan', 'Onder water', 'Boven water', 'Besluiten, regels en de leeragenda', 'Verhalen uit de praktijk', 'Besluiten per actielijn', 'De leeragenda', 'Samenwerking en gedeelde waarden']) {
      expect(html, heading).toContain(heading);
    }
    // the plan shows each action line's last decision, with its date
    expect(html).toContain('Actielijnen: fase en laatste besluit');
    expect(html).toMatch(/(Goed zo|Meer doen|Beter doen|Anders doen|Stoppen) \(\d{1,2} [a-z]+ \d{4}\)/);
    expect(html).toMatch(/<svg[^>]+role="img"/);
    expect(html).toContain('class="story"');
    // numbers next to the stories, with the guard against the performance paradox
    expect(html).toMatch(/<p class="warning">Let op bij [^<]+: dit is een gemiddelde of aandeel/);
    // a chart always comes with its figures as a table
    expect(html).toMatch(/<figure>.*<table>/s);
    expect(html).not.toMatch(/<script/i);
  });

  it('leaves out of the public version what is not public', async () => {
    const stories = (await d.request({ url: `/api/w/${DEMO.slug}/observations?kind=verhaal&limit=500`, token })).body.items as { title: string; visibility: string }[];
    const publicTitles = new Set(stories.filter((s) => s.visibility === 'public').map((s) => escape(s.title)));
    const storiesIn = (html: string) => [...html.matchAll(/<article class="story"><h4>(.*?)<\/h4>/g)].map((m) => m[1]);
    const internal = (await report(period)).body as string;
    const open = (await report(`${period}&public=true`)).body as string;
    expect(open).toContain('Voortgangsrapportage (openbare versie)');
    expect(storiesIn(internal).length).toBeGreaterThan(0);
    expect(storiesIn(open).length).toBeGreaterThan(0);
    for (const t of storiesIn(open)) expect(publicTitles, t).toContain(t);
    for (const internalOnly of ['Open acties', 'De leeragenda', 'Tijdlijn: hoogte- en dieptepunten']) {
      expect(internal).toContain(internalOnly);
      expect(open).not.toContain(internalOnly);
    }
    // no member names in the public version
    const members = (await d.request({ url: `/api/w/${DEMO.slug}/members`, token })).body.items as { name: string }[];
    for (const m of members) expect(open, m.name).not.toContain(escape(m.name));
  });

  it('narrows to an action line and refuses a reversed period or an unknown scope without a 500', async () => {
    const lines = (await d.request({ url: `/api/w/${DEMO.slug}/ladder/nodes?rung=action_line&limit=5`, token })).body.items as { id: string; title: string }[];
    const narrowed = await report(`${period}&actionLineId=${lines[0].id}`);
    expect(narrowed.status).toBe(200);
    expect(narrowed.body).toContain(escape(lines[0].title));
    expect(narrowed.body).not.toContain(escape(lines[1].title));
    const reversed = await report('from=2026-05-01&to=2026-01-01');
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.id).toBe('report.period_reversed');
    const unknown = await report('areaId=00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.id).toBe('report.area_not_found');
  });

  it.runIf(fs.existsSync(chromiumPath()))('prints a PDF with Chromium', async () => {
    const res = await d.app.server.inject({ url: `/api/w/${DEMO.slug}/reports/progress?${period}&format=pdf`, headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.rawPayload.length).toBeGreaterThan(20_000);
  }, 60_000);

  it('says clearly when no Chromium is there to print a PDF', async () => {
    const before = process.env.DICHTER_CHROMIUM;
    process.env.DICHTER_CHROMIUM = '/nonexistent/chromium';
    try {
      const res = await report(`${period}&format=pdf`);
      expect(res.status).toBe(503);
      expect(res.body.error.id).toBe('document.pdf_unavailable');
      expect(res.body.error.message).toMatch(/Chromium/);
    } finally {
      if (before === undefined) delete process.env.DICHTER_CHROMIUM;
      else process.env.DICHTER_CHROMIUM = before;
    }
  });
});

const escape = (t: string) => t.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
