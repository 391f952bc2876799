import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../platform/workdays';
import { createWorkspace, startDichter, type TestDichter, type TestUser } from '../../../test/harness';
import { DEFAULT_LETTER_TEMPLATE, fillTemplate, letterValues, PLACEHOLDER_NAMES, renderLetter, templateProblems } from './letters';

let d: TestDichter;
let owner: TestUser;
let coach: TestUser;
let counsellor: TestUser;
let reader: TestUser;
let slug: string;
const req = (method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown, token = owner.token) => d.request({ method, url: `/api/w/${slug}/youth-debt/${path}`, token, body });
async function ok(method: 'POST' | 'PATCH', path: string, body: unknown, token = owner.token, status = method === 'POST' ? 201 : 200) {
  const res = await req(method, path, body, token);
  expect(res.status, `${path} ${JSON.stringify(res.body)}`).toBe(status);
  return res.body;
}
const yearsAgo = (years: number) => `${Number(localDate(new Date()).slice(0, 4)) - years}-01-15`;
const norm = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

let participantId: string;
let shop: string;
let agency: string;
let debtIds: Record<string, string> = {};

beforeAll(async () => {
  d = await startDichter();
  owner = await d.user('Beheerder');
  coach = await d.user('Jongerenbegeleider');
  counsellor = await d.user('Schuldhulpverlener');
  reader = await d.user('Lezer');
  slug = await createWorkspace(d, owner, undefined, 'Jongerenfonds Zuid');
  for (const [u, role] of [
    [coach, 'professional'],
    [counsellor, 'partner'],
    [reader, 'lezer'],
  ] as const) {
    expect((await d.request({ method: 'POST', url: `/api/w/${slug}/members`, token: owner.token, body: { email: u.email, name: u.name, role } })).status).toBe(201);
  }
  const tax = (await ok('POST', 'creditors', { name: 'Belastingdienst', address: 'Postbus 100\n6400 AC Heerlen', preferential: true })).id;
  shop = (await ok('POST', 'creditors', { name: 'Webwinkel', address: 'Havenstraat 12\n1013 AB Amsterdam' })).id;
  // A name that would break the HTML if it were not escaped.
  agency = (await ok('POST', 'creditors', { name: 'Incasso <b>"Haan"</b> & Zn', address: 'Postbus 1\n1000 AA Amsterdam' })).id;
  participantId = (
    await ok('POST', 'participants', {
      name: 'Daan de Jong',
      birthDate: yearsAgo(21),
      coachUserId: coach.id,
      counsellorUserId: counsellor.id,
      status: 'actief',
      monthlyIncomeCents: 110_000,
      vtlbCents: 90_000,
    })
  ).id;
  for (const [key, creditorId, amountCents] of [
    ['shop', shop, 500_000],
    ['agency', agency, 300_000],
    ['tax', tax, 200_000],
  ] as const) {
    debtIds[key] = (await ok('POST', 'debts', { participantId, creditorId, amountCents })).id;
  }
}, 120_000);
afterAll(() => d?.close());

const debtStatuses = async () => Object.fromEntries((await req('GET', `debts?participantId=${participantId}`)).body.items.map((x: { id: string; status: string }) => [x.id, x.status]));

describe('offer letters: the template', () => {
  it('knows its placeholders, finds unknown ones and stray braces', () => {
    expect(templateProblems(DEFAULT_LETTER_TEMPLATE)).toEqual({ unknown: [], malformed: false });
    for (const name of PLACEHOLDER_NAMES) expect(templateProblems(`{{ ${name} }}`).unknown).toEqual([]);
    expect(templateProblems('Beste {{naam}}, {{schuldeiser}} {{ bedrag }}')).toEqual({ unknown: ['naam', 'bedrag'], malformed: false });
    expect(templateProblems('Beste {{schuldeiser}')).toEqual({ unknown: [], malformed: true });
  });

  it('fills the figures the Dutch way and escapes whatever a name or address holds', () => {
    const input = {
      workspaceName: 'Fonds & Co',
      creditorName: '<script>alert(1)</script>',
      creditorAddress: 'Postbus 1\n1000 AA Amsterdam',
      participantName: 'Daan "de" Jong',
      participantNumber: 'JPF-0001',
      reference: 'JPF-0001/1-1',
      debtCents: 123_456,
      payoutCents: 37_037,
      percentage: 30,
      termMonths: 18,
      sentDate: '2026-11-29',
      template: DEFAULT_LETTER_TEMPLATE,
    };
    const values = letterValues(input);
    expect(norm(values.schuldbedrag)).toBe('€ 1.234,56');
    expect(norm(values.percentage)).toBe('30,00 %');
    expect(values.datum).toBe('29 november 2026');
    expect(values.reactietermijn).toBe('29 december 2026');
    expect(values.adres).toBe('Postbus 1, 1000 AA Amsterdam');
    expect(fillTemplate('{{schuldeiser}} krijgt {{ aanbod }}', values)).toBe(`<script>alert(1)</script> krijgt ${values.aanbod}`);
    const html = renderLetter(input);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Daan &quot;de&quot; Jong');
    expect(html).toContain('Fonds &amp; Co');
  });
});

describe('sending the offer', () => {
  it('refuses without income or debts, with an error that says what to do first', async () => {
    const bare = await ok('POST', 'participants', { name: 'Sanne Visser', birthDate: yearsAgo(20), coachUserId: coach.id });
    const noIncome = await req('POST', `participants/${bare.id}/settlement/send`, {});
    expect(noIncome.status).toBe(409);
    expect(noIncome.body.error.id).toBe('youth_debt.offer_no_income');
    await ok('PATCH', `participants/${bare.id}`, { monthlyIncomeCents: 100_000, vtlbCents: 90_000 });
    const noDebts = await req('POST', `participants/${bare.id}/settlement/send`, {});
    expect(noDebts.body.error.id).toBe('youth_debt.offer_no_debts');
    expect((await req('GET', `participants/${bare.id}/settlement`)).body).toMatchObject({ offer: null, credit: null, earlier: [] });
  });

  it('freezes the offer per creditor and puts the debts on voorgesteld', async () => {
    const before = await req('GET', `participants/${participantId}/settlement`);
    expect(before.body).toMatchObject({ offer: null, credit: null, can: { send: true, respond: false, readLetters: false } });
    const sent = await ok('POST', `participants/${participantId}/settlement/send`, {});
    expect(sent.offer).toMatchObject({ version: 1, status: 'verstuurd', termMonths: 18, monthlyCapacityCents: 20_000, availableCents: 360_000, paidOutCents: 360_000, awaiting: 3 });
    expect(sent.offer.lines.map((l: { creditorName: string; debtCents: number; payoutCents: number; percentage: number; reference: string }) => [l.creditorName, l.debtCents, l.payoutCents, l.percentage, l.reference])).toEqual([
      ['Webwinkel', 500_000, 150_000, 30, 'JPF-0001/1-1'],
      ['Incasso <b>"Haan"</b> & Zn', 300_000, 90_000, 30, 'JPF-0001/1-2'],
      ['Belastingdienst', 200_000, 120_000, 60, 'JPF-0001/1-3'],
    ]);
    expect(Object.values(await debtStatuses())).toEqual(['voorgesteld', 'voorgesteld', 'voorgesteld']);
    // The coach sees the letters; the programme (who sent it) does not: the letters name the participant.
    expect((await req('GET', `participants/${participantId}/settlement`, undefined, coach.token)).body.can).toEqual({ send: true, respond: true, readLetters: true });
    expect((await req('GET', `participants/${participantId}/settlement`, undefined, reader.token)).status).toBe(403);
  });

  it('keeps a letter that went out unchanged when the debt or the creditor’s address changes later', async () => {
    await ok('PATCH', `debts/${debtIds.shop}`, { amountCents: 999_999 });
    await ok('PATCH', `creditors/${shop}`, { address: 'Nieuw adres 1\n9999 ZZ Ergens' });
    const lines = (await req('GET', `offer-lines?participantId=${participantId}`)).body.items;
    expect(lines[0]).toMatchObject({ creditorName: 'Webwinkel', debtCents: 500_000, payoutCents: 150_000, creditorAddress: 'Havenstraat 12\n1013 AB Amsterdam' });
    const letter = await req('GET', `offer-lines/${lines[0].id}/letter`, undefined, coach.token);
    expect(norm(letter.body)).toContain('€ 5.000,00');
    expect(letter.body).toContain('Havenstraat 12');
    expect(letter.body).not.toContain('Nieuw adres');
    await ok('PATCH', `debts/${debtIds.shop}`, { amountCents: 500_000 });
  });
});

describe('letters per creditor', () => {
  it('gives the coach and counsellor a Dutch letter that names the participant, with the figures, escaped', async () => {
    const lines = (await req('GET', `offer-lines?participantId=${participantId}`)).body.items;
    for (const who of [coach, counsellor]) {
      const res = await req('GET', `offer-lines/${lines[1].id}/letter`, undefined, who.token);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['content-disposition']).toMatch(/^inline; filename="voorstel-jpf-0001-1-2-incasso-b-haan-b-zn\.html"$/);
      const html = norm(res.body);
      expect(html).toContain('<html lang="nl">');
      expect(html).toContain('Namens Daan de Jong (ons kenmerk JPF-0001)');
      expect(html).toContain('Uw vordering bedraagt € 3.000,00. Wij bieden u € 900,00, dat is 30,00 % van uw vordering');
      expect(html).toContain('Incasso &lt;b&gt;&quot;Haan&quot;&lt;/b&gt; &amp; Zn');
      expect(html).not.toContain('<b>"Haan"</b>');
      expect(html).toContain('Jongerenfonds Zuid');
    }
  });

  it('refuses the letter to anyone who may not see the name, and logs every reading', async () => {
    const lines = (await req('GET', `offer-lines?participantId=${participantId}`)).body.items;
    const refused = await req('GET', `offer-lines/${lines[0].id}/letter`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.id).toBe('youth_debt.personal_not_allowed');
    expect(JSON.stringify(refused.body)).not.toContain('Daan');
    const log = await d.request({ url: `/api/w/${slug}/audit?entity=youth_debt_participant&entityId=${participantId}&limit=100`, token: owner.token });
    const reads = log.body.items.filter((e: { action: string }) => e.action === 'read_letter');
    // one in the frozen-letter test, two here (coach and counsellor)
    expect(reads.map((e: { actorName: string }) => e.actorName).sort()).toEqual([coach.name, coach.name, counsellor.name].sort());
    expect(JSON.stringify(log.body)).not.toContain('Daan');
  });

  it('makes a PDF with Chromium, and says so clearly (503) when Chromium is missing', async () => {
    const lines = (await req('GET', `offer-lines?participantId=${participantId}`)).body.items;
    const pdf = await d.app.server.inject({ url: `/api/w/${slug}/youth-debt/offer-lines/${lines[2].id}/letter?format=pdf`, headers: { authorization: `Bearer ${coach.token}` } });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/^attachment; filename="voorstel-jpf-0001-1-3-belastingdienst\.pdf"$/);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const saved = process.env.DICHTER_CHROMIUM;
    process.env.DICHTER_CHROMIUM = '/nergens/chromium';
    try {
      const missing = await req('GET', `offer-lines/${lines[2].id}/letter?format=pdf`, undefined, coach.token);
      expect(missing.status).toBe(503);
      expect(missing.body.error.id).toBe('document.pdf_unavailable');
    } finally {
      if (saved === undefined) delete process.env.DICHTER_CHROMIUM;
      else process.env.DICHTER_CHROMIUM = saved;
    }
  }, 60_000);

  it('takes an edited template from the settings, refuses unknown placeholders by name, and freezes the template per offer', async () => {
    const settings = (await req('GET', 'settings')).body;
    expect(settings).toMatchObject({ hourlyRateCents: 1200, letterTemplateIsDefault: true, letterTemplate: DEFAULT_LETTER_TEMPLATE });
    expect((await req('PATCH', 'settings', { letterTemplate: 'Hallo {{schuldeiser}}' }, coach.token)).status).toBe(403);
    const unknown = await req('PATCH', 'settings', { letterTemplate: 'Beste {{schuldeiser}},\n\nVoor {{naam}} bieden wij {{bedrag}}.' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ id: 'youth_debt.template_placeholder_unknown', fields: [{ path: 'letterTemplate', message: expect.stringContaining('{{naam}}, {{bedrag}}') }] });
    expect(unknown.body.error.message).toContain('{{deelnemernummer}}');
    const malformed = await req('PATCH', 'settings', { letterTemplate: 'Beste {{schuldeiser}' });
    expect(malformed.body.error.id).toBe('youth_debt.template_malformed');

    const own = 'Aan {{schuldeiser}},\n\nVoor {{deelnemer}} ({{deelnemernummer}}) bieden wij {{aanbod}} ({{percentage}}).\nReageer vóór {{reactietermijn}}.';
    expect(await ok('PATCH', 'settings', { letterTemplate: own })).toMatchObject({ letterTemplate: own, letterTemplateIsDefault: false, termMonths: 18 });
    // The letter that already went out keeps its text.
    const v1 = (await req('GET', `offer-lines?participantId=${participantId}`)).body.items;
    expect(norm((await req('GET', `offer-lines/${v1[0].id}/letter`, undefined, coach.token)).body)).toContain('Namens Daan de Jong');

    // A new offer (version 2) replaces the open one and uses the new template.
    const sent = await ok('POST', `participants/${participantId}/settlement/send`, {});
    expect(sent.offer).toMatchObject({ version: 2, status: 'verstuurd' });
    expect(sent.earlier).toEqual([expect.objectContaining({ version: 1, status: 'vervangen' })]);
    const letter = norm((await req('GET', `offer-lines/${sent.offer.lines[0].id}/letter`, undefined, coach.token)).body);
    expect(letter).toContain('Voor Daan de Jong (JPF-0001) bieden wij € 1.500,00 (30,00 %).');
    const replaced = await req('POST', `offer-lines/${v1[0].id}/response`, { response: 'akkoord' });
    expect(replaced.status).toBe(409);
    expect(replaced.body.error.id).toBe('youth_debt.offer_replaced');

    expect(await ok('PATCH', 'settings', { letterTemplate: null })).toMatchObject({ letterTemplateIsDefault: true, letterTemplate: DEFAULT_LETTER_TEMPLATE });
  });
});

describe('creditor responses and the credit', () => {
  const lines = async () => (await req('GET', `participants/${participantId}/settlement`)).body.offer.lines as { id: string; debtId: string; creditorName: string; payoutCents: number }[];

  it('records a refusal with its reason and a counter-proposal with its amount; the debts follow', async () => {
    const [webshop, incasso] = await lines();
    const noReason = await req('POST', `offer-lines/${webshop.id}/response`, { response: 'geweigerd' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error).toMatchObject({ id: 'youth_debt.response_reason_required', fields: [{ path: 'reason', message: expect.any(String) }] });
    const phone = await req('POST', `offer-lines/${webshop.id}/response`, { response: 'geweigerd', reason: 'Bel terug op 0612345678' });
    expect(phone.body.error.id).toBe('youth_debt.personal_data');
    const noAmount = await req('POST', `offer-lines/${incasso.id}/response`, { response: 'tegenvoorstel' });
    expect(noAmount.body.error.id).toBe('youth_debt.counter_amount_required');

    const refused = await ok('POST', `offer-lines/${webshop.id}/response`, { response: 'geweigerd', reason: 'Wil minstens de helft ontvangen' }, counsellor.token, 200);
    expect(refused.offer).toMatchObject({ refused: 1, accepted: 0, awaiting: 2 });
    expect(refused.offer.lines[0]).toMatchObject({ response: 'geweigerd', responseReason: 'Wil minstens de helft ontvangen', respondedDate: localDate(new Date()) });
    const countered = await ok('POST', `offer-lines/${incasso.id}/response`, { response: 'tegenvoorstel', counterCents: 120_000, reason: 'Vraagt 40 %' }, owner.token, 200);
    expect(countered.offer).toMatchObject({ refused: 1, countered: 1, awaiting: 1 });
    expect(countered.credit).toBeNull();
    const statuses = await debtStatuses();
    expect([statuses[webshop.debtId], statuses[incasso.debtId]]).toEqual(['geweigerd', 'voorgesteld']);
  });

  it('grants the credit when every creditor accepts — the sum of the agreed amounts — and settles the debts', async () => {
    const [webshop, incasso, tax] = await lines();
    await ok('POST', `offer-lines/${tax.id}/response`, { response: 'akkoord' }, owner.token, 200);
    // The counter-proposal taken: €1.200 agreed instead of €900.
    await ok('POST', `offer-lines/${incasso.id}/response`, { response: 'akkoord', agreedCents: 120_000 }, owner.token, 200);
    expect((await req('GET', `participants/${participantId}/settlement`)).body.credit).toBeNull();
    const granted = await ok('POST', `offer-lines/${webshop.id}/response`, { response: 'akkoord' }, owner.token, 200);
    expect(granted.offer).toMatchObject({ status: 'geaccepteerd', accepted: 3, awaiting: 0 });
    // 150 000 + 120 000 + 120 000 = 390 000 over 18 months: 21 666,67 → instalments of 21 667 and 21 666.
    expect(granted.credit).toMatchObject({ amountCents: 390_000, termMonths: 18, monthlyInstalmentCents: 21_667, grantedDate: localDate(new Date()) });
    expect(granted.can).toMatchObject({ send: false, respond: false });
    expect(Object.values(await debtStatuses())).toEqual(['geregeld', 'geregeld', 'geregeld']);

    const late = await req('POST', `offer-lines/${webshop.id}/response`, { response: 'geweigerd', reason: 'Toch niet' });
    expect(late.status).toBe(409);
    expect(late.body.error.id).toBe('youth_debt.credit_already_granted');
    expect((await req('POST', `participants/${participantId}/settlement/send`, {})).body.error.id).toBe('youth_debt.credit_already_granted');

    const log = await d.request({ url: `/api/w/${slug}/audit?entity=youth_debt_credit&limit=10`, token: owner.token });
    expect(log.body.items).toHaveLength(1);
    expect(log.body.items[0]).toMatchObject({ action: 'create', entityLabel: 'JPF-0001 krediet' });
  });
});
