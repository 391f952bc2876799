import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, startDichter, type TestDichter, type TestUser } from '../../../test/harness';
import type { ServiceContext } from '../../platform/context';
import { newId } from '../../platform/ids';
import { winAnsi } from '../../platform/document';
import { buildDossier, renderDossierHtml, renderDossierPdf } from './dossier';
import { addCalendarDays, localDate } from '../../platform/workdays';

let d: TestDichter;
let owner: TestUser;
let professional: TestUser;
let colleague: TestUser;
let slug: string;
let wsId: string;
let ruleId: string;
let otherRuleId: string;
let oldRuleId: string;
let signal: { id: string; number: number };
const api = (path: string) => `/api/w/${slug}${path}`;
const req = (method: 'GET' | 'POST', path: string, body?: unknown, token = owner.token) => d.request({ method, url: api(path), token, body });
const daysAgo = (n: number) => addCalendarDays(localDate(new Date()), -n);
const EXPLANATION = 'De wachttijd van acht weken liet de huurschuld verder oplopen; daarom direct een betalingsregeling getroffen.';
const HOSTILE = 'Escaping proberen: <script>alert("x")</script> & meer dan tien tekens.';

/** The text of an uncompressed PDF: the hex strings of its TJ operators, one line each, joined by spaces. */
function pdfText(pdf: Buffer) {
  const source = pdf.toString('latin1');
  const lines = [...source.matchAll(/\[([^\]]*)\] TJ/g)].map((m) =>
    [...m[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1], 'hex').toString('latin1')).join(''),
  );
  return lines.join(' ').replace(/\s+/g, ' ');
}

async function memberContext(user: TestUser): Promise<ServiceContext> {
  const actor = { userId: user.id, email: user.email, name: user.name, isAdmin: false, via: 'token' as const };
  const workspace = await d.app.registry.tenancy({ ...d.cli, actor }, slug);
  return { ...d.cli, actor, workspace: workspace! };
}

/** Deviations straight into the table: hundreds in one statement. */
async function bulkDeviations(rule: string, count: number, dayOf: (i: number) => number, reporters: string[]) {
  const rows = Array.from({ length: count }, (_, i) => ({
    workspaceId: wsId,
    id: newId(),
    ruleId: rule,
    occurredOn: daysAgo(dayOf(i)),
    areaId: null,
    situation: `Huishouden met een betalingsachterstand, situatie ${i + 1}.`,
    explanation: `Uitleg ${i + 1}: de regel hielp hier niet omdat de termijn te lang was voor dit huishouden.`,
    insteadDone: i % 2 ? 'Direct een betalingsregeling getroffen met de verhuurder.' : '',
    expectedBenefit: 'Geen huisuitzetting.',
    reporterUserId: reporters[i % reporters.length],
    status: 'vastgelegd',
    followUpOn: daysAgo(dayOf(i) - 42),
    outcome: i % 3 === 0 ? 'helped' : null,
    outcomeNote: i % 3 === 0 ? 'Huur weer op orde.' : null,
  }));
  await d.runtime.database.db.insertInto('deviations').values(rows).execute();
}

beforeAll(async () => {
  d = await startDichter();
  owner = await d.user('Bas Beleidsadviseur');
  professional = await d.user('Priya Professional');
  colleague = await d.user('Karim Collega');
  slug = await createWorkspace(d, owner, undefined, 'Gemeente Voorbeeld');
  for (const u of [professional, colleague]) expect((await req('POST', '/members', { email: u.email, name: u.name, role: 'professional' })).status).toBe(201);
  wsId = (await memberContext(owner)).workspace!.id;

  const created = await req('POST', '/rules', {
    code: 'SH-07/b',
    title: 'Acht weken wachttijd schuldhulp',
    kind: 'werkinstructie',
    level: 'gemeente',
    domain: 'schulden',
    intent: 'Zorgen dat schuldhulp terechtkomt bij wie haar écht nodig heeft, zonder onnodige wachttijd.',
    ownerUserId: owner.id,
    sourceUrl: 'https://example.org/regels/sh-07',
    validFrom: '2024-01-01',
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  ruleId = created.body.id;
  otherRuleId = (await req('POST', '/rules', { code: 'SH-08', title: 'Andere regel', kind: 'protocol', level: 'gemeente', domain: 'schulden', intent: 'Een andere bedoeling voor de vergelijking.' })).body.id;

  const obs = await req('POST', '/observations', { kind: 'signaal', title: 'Huurachterstanden lopen op in Oost', text: 'Steeds meer huishoudens melden zich te laat.' }, professional.token);
  expect(obs.status, JSON.stringify(obs.body)).toBe(201);
  signal = { id: obs.body.id, number: obs.body.number };

  const dev = await req('POST', `/rules/${ruleId}/deviations`, { occurredOn: daysAgo(3), situation: 'Jongere met een huurachterstand van drie maanden.', explanation: EXPLANATION, insteadDone: 'Meteen een regeling met de verhuurder.', expectedBenefit: 'Geen ontruiming.', observationIds: [signal.id] }, professional.token);
  expect(dev.status, JSON.stringify(dev.body)).toBe(201);
  const hostile = await req('POST', `/rules/${ruleId}/deviations`, { occurredOn: daysAgo(2), situation: 'Een situatie in algemene termen beschreven.', explanation: HOSTILE }, colleague.token);
  expect(hostile.status, JSON.stringify(hostile.body)).toBe(201);
  const review = await req('POST', `/rules/${ruleId}/reviews`, { decision: 'escalate', escalatedTo: 'rijk', rationale: 'De wachttijd is landelijk voorgeschreven en moet daar veranderen.', deviationIds: [dev.body.id], observationIds: [signal.id], decidedOn: daysAgo(1) });
  expect(review.status, JSON.stringify(review.body)).toBe(201);
  expect((await req('POST', `/rules/${ruleId}/tests`, { testedOn: daysAgo(400), moment: 'na_invoering', participants: 'Vier consulenten van het schuldhulpteam', findings: 'De wachttijd is in de praktijk niet haalbaar voor jongeren.', verdict: 'werkbaar_met_aanpassing' })).status).toBe(201);

  // History over two years: 300 deviations for this rule, and a busier other rule in some quarters.
  await bulkDeviations(ruleId, 300, (i) => 5 + ((i * 7) % 720), [professional.id, colleague.id]);
  await bulkDeviations(otherRuleId, 120, (i) => 5 + ((i * 3) % 200), [colleague.id]);
  // One rule that was under pressure a year ago only, one without deviations that sorts first.
  oldRuleId = (await req('POST', '/rules', { code: 'ZZ-01', title: 'Oude regel', kind: 'protocol', level: 'rijk', domain: 'wonen', intent: 'Een regel die vorig jaar knelde.' })).body.id;
  await bulkDeviations(oldRuleId, 40, (i) => 400 + i * 2, [professional.id]);
  expect((await req('POST', '/rules', { code: 'AA-01', title: 'Rustige regel', kind: 'protocol', level: 'rijk', domain: 'wonen', intent: 'Een regel waar niemand van afwijkt.' })).status).toBe(201);
}, 180_000);
afterAll(() => d?.close());

describe('the rule dossier', () => {
  it('is a standalone, escaped HTML page with every deviation, the signals, the ranking and the decision, without reporter names', async () => {
    const res = await d.app.server.inject({ url: api(`/rules/${ruleId}/dossier?format=html`), headers: { authorization: `Bearer ${owner.token}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(res.headers['content-disposition']).toMatch(/^inline; filename="dossier-SH-07_b\.html"/);
    const html = res.body;
    expect(html).toMatch(/^<!doctype html>\n<html lang="nl">/);
    expect(html).toContain('<h1>SH-07/b Acht weken wachttijd schuldhulp</h1>');
    expect(html).toContain('Gemeente Voorbeeld');
    expect(html).toContain('écht nodig');
    expect(html).toContain(EXPLANATION);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; meer');
    expect(html).not.toMatch(/<script|<link|\ssrc=|url\(/i);
    expect(html).toContain('Uitleg 300: de regel hielp hier niet');
    expect(html.match(/<article aria-labelledby="A\d+">/g)).toHaveLength(302);
    expect(html).toContain(`#${signal.number}`);
    expect(html).toContain('Huurachterstanden lopen op in Oost');
    expect(html).toContain('Opschalen naar rijk');
    expect(html).toContain('De wachttijd is landelijk voorgeschreven');
    expect(html).toContain('Vier consulenten van het schuldhulpteam');
    expect(html).toMatch(/<caption>Rangschikking en aantallen per kwartaal/);
    expect(html).toContain('<th scope="col">Kwartaal</th>');
    expect(html).toContain('<a href="https://example.org/regels/sh-07">');
    for (const name of [professional.name, colleague.name, professional.email]) expect(html).not.toContain(name);
    expect(html).toContain('alleen als aantallen');
    expect(html).toContain('302 afwijkingen, vastgelegd door 2 verschillende professionals.');
    expect(html.match(/<tr><th scope="row">\d{4} K[1-4]<\/th>/g)).toHaveLength(8);
  });

  it('lists the signals reported about the rule itself, and counts them in their quarter', async () => {
    const before = await buildDossier(await memberContext(owner), otherRuleId);
    const obs = await req('POST', '/observations', { kind: 'signaal', title: 'Andere regel knelt bij jongeren', text: 'Zonder afwijking gemeld, direct over de regel.', visibility: 'workspace', ruleIds: [otherRuleId] }, professional.token);
    expect(obs.status, JSON.stringify(obs.body)).toBe(201);
    const after = await buildDossier(await memberContext(owner), otherRuleId);
    expect(after.signals).toContainEqual(expect.objectContaining({ number: obs.body.number, title: 'Andere regel knelt bij jongeren', deviations: [] }));
    expect(after.summary.signals).toBe(before.summary.signals + 1);
    const current = after.ranking.length - 1;
    expect(after.ranking[current].signals).toBe(before.ranking[current].signals + 1);
  });

  it('ranks the rule per quarter as the pressure list does', async () => {
    const ctx = await memberContext(owner);
    const data = await buildDossier(ctx, ruleId);
    expect(data.ranking).toHaveLength(8);
    expect(data.ranking.reduce((n, q) => n + q.deviations, 0)).toBeGreaterThan(250);
    const rules = (await req('GET', '/rules')).body.items as { id: string; code: string }[];
    expect(rules).toHaveLength(4);
    for (const rule of rules) {
      const ranking = rule.id === ruleId ? data.ranking : (await buildDossier(ctx, rule.id)).ranking;
      for (const q of ranking) {
        const pressure = await req('GET', `/rules/pressure?from=${q.from}&to=${q.to}`);
        expect(pressure.status).toBe(200);
        const mine = pressure.body.items.find((i: { ruleId: string }) => i.ruleId === rule.id);
        expect([rule.code, q.label, q.rank, q.deviations, q.previousDeviations, q.of]).toEqual([rule.code, q.label, mine.rank, mine.deviations, mine.previousDeviations, pressure.body.total]);
      }
    }
    expect(data.decisions[0]).toMatchObject({ decision: 'escalate', escalatedTo: 'rijk', evidenceDeviations: ['A301'], evidenceSignals: [{ number: signal.number }] });
  });

  it('is a PDF with the same content, page numbers, title and language', async () => {
    const res = await d.app.server.inject({ url: api(`/rules/${ruleId}/dossier?format=pdf`), headers: { authorization: `Bearer ${professional.token}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="dossier-SH-07_b\.pdf"/);
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const pdf = await renderDossierPdf(await buildDossier(await memberContext(professional), ruleId), { compress: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/Lang (nl)');
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    const text = pdfText(pdf);
    expect(text).toContain(EXPLANATION);
    expect(text).toContain('Uitleg 17: de regel hielp hier niet');
    expect(text).toContain(winAnsi('Zorgen dat schuldhulp terechtkomt bij wie haar écht nodig heeft'));
    expect(text).toContain('Huurachterstanden lopen op in Oost');
    expect(text).toMatch(/pagina 1 van (\d+)/);
    const pages = Number(/pagina 1 van (\d+)/.exec(text)![1]);
    expect(pages).toBeGreaterThan(20);
    expect(text).toContain(`pagina ${pages} van ${pages}`);
    expect(text).not.toContain(professional.name);
  });

  it('builds the dossier of a rule with 300 deviations well within the time', async () => {
    const ctx = await memberContext(owner);
    const times: Record<string, number> = {};
    let t = performance.now();
    const data = await buildDossier(ctx, ruleId);
    times.data = performance.now() - t;
    t = performance.now();
    renderDossierHtml(data);
    times.html = performance.now() - t;
    t = performance.now();
    await renderDossierPdf(data);
    times.pdf = performance.now() - t;
    console.log(`dossier with ${data.deviations.length} deviations: data ${times.data.toFixed(0)} ms, html ${times.html.toFixed(0)} ms, pdf ${times.pdf.toFixed(0)} ms`);
    expect(times.data + times.html).toBeLessThan(3000);
    expect(times.data + times.pdf).toBeLessThan(3000);
  });

  it('is 404 for an unknown rule and 400 for an unknown format', async () => {
    expect((await req('GET', `/rules/${newId()}/dossier`)).status).toBe(404);
    expect((await req('GET', `/rules/${ruleId}/dossier?format=docx`)).status).toBe(400);
  });

  it('numbers deviations recorded at the same moment for the same day in the order they were made', async () => {
    const tied = (await req('POST', '/rules', { code: 'GL-01', title: 'Gelijktijdig vastgelegd', kind: 'protocol', level: 'gemeente', domain: 'schulden', intent: 'Vijf afwijkingen in één keer vastgelegd.' })).body.id;
    // one statement: the same day and the same created_at for all five
    await bulkDeviations(tied, 5, () => 4, [professional.id]);
    const data = await buildDossier(await memberContext(owner), tied);
    expect(data.deviations.map((x) => [x.number, x.situation])).toEqual(
      [5, 4, 3, 2, 1].map((n) => [`A${n}`, `Huishouden met een betalingsachterstand, situatie ${n}.`]),
    );
  });

  it('keeps text the standard fonts cannot show readable', () => {
    expect(winAnsi('Één café – „quote” €5 💥 Łódź')).toBe('Één café – „quote” €5 ? ?ódz');
  });
});
