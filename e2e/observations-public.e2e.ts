import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, baseUrl, DEMO_SLUG, expectAccessible, expectHeading, launchBrowser, openPage, unique, type Session } from './helpers';

/**
 * Residents without an account: report, follow the report through the private link, and see
 * the public list with its map. Every report here counts toward the limit of 10 per hour from
 * 127.0.0.1, so this file sends two (one refused, one accepted).
 */
let browser: Browser;
let session: Session;
let page: Page;
const id = unique();
const reporter = { name: `Fatima Testbewoner ${id}`, email: `bewoner.${id}@example.org`, phone: '020 555 1234' };
const title = `Lantaarnpaal kapot ${id}`;
let followUpUrl = '';
let reportNumber = '';
let call: Awaited<ReturnType<typeof apiSession>>;

/** axe at desktop width and at 375 px (a small phone), on the same state of the page. */
async function expectAccessibleAtBothWidths(p: Page, label: string) {
  await expectAccessible(p, `${label} (desktop)`);
  await p.setViewportSize({ width: 375, height: 800 });
  try {
    await expectAccessible(p, `${label} (375 px)`);
  } finally {
    await p.setViewportSize({ width: 1280, height: 900 });
  }
}

/** Square boundaries for the demo's wijken and buurten (the demo has names, not boundaries): a wijk a square, its buurten a grid inside. */
function demoBoundaries() {
  const csv = fs.readFileSync(path.join(import.meta.dirname, '..', 'src/core/areas/data/kwb-2019-amsterdam-nieuw-west.csv'), 'utf8');
  const codes = [...csv.matchAll(/"((?:WK|BU)\d{6,8})\s*"/g)].map((m) => m[1]!);
  const wijken = codes.filter((c) => c.startsWith('WK'));
  const square = (lon: number, lat: number, w: number, h: number) => ({
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [lon + w, lat],
        [lon + w, lat + h],
        [lon, lat + h],
        [lon, lat],
      ],
    ],
  });
  const size = 0.02;
  const features: unknown[] = [];
  wijken.forEach((wijk, i) => {
    const lon = 4.74 + (i % 4) * size;
    const lat = 52.4 - Math.floor(i / 4) * size;
    features.push({ type: 'Feature', properties: { statcode: wijk }, geometry: square(lon, lat, size, size) });
    const buurten = codes.filter((c) => c.startsWith('BU') && c.slice(2, 8) === wijk.slice(2, 8));
    const cols = Math.ceil(Math.sqrt(buurten.length));
    const rows = Math.ceil(buurten.length / cols);
    buurten.forEach((buurt, j) => {
      const w = size / cols;
      const h = size / rows;
      features.push({ type: 'Feature', properties: { statcode: buurt }, geometry: square(lon + (j % cols) * w, lat + Math.floor(j / cols) * h, w, h) });
    });
  });
  return JSON.stringify({ type: 'FeatureCollection', features });
}

beforeAll(async () => {
  browser = await launchBrowser();
  // Set-up, not the journey: give the demo's areas boundaries so the map has shapes to draw.
  call = await apiSession();
  const imported = await call<{ updated: number; unchanged: number }>('POST', `/api/w/${DEMO_SLUG}/areas/import`, { fileName: 'grenzen.geojson', content: demoBoundaries(), year: 2019 });
  expect(imported.status, JSON.stringify(imported.body).slice(0, 300)).toBe(200);
  expect(imported.body.updated + imported.body.unchanged).toBe(75);
  session = await openPage(browser);
  page = session.page;
});
afterAll(async () => {
  await browser?.close();
});

describe('residents report without an account', () => {
  it('links to reporting and the public reports from the public page', async () => {
    await page.goto(`/openbaar/${DEMO_SLUG}`);
    await expectHeading(page, /Wat er gebeurt/);
    await page.getByRole('navigation', { name: 'Meldingen' }).getByRole('link', { name: 'Meldingen uit de buurt bekijken' }).waitFor();
    await expectAccessible(page, 'public page with the links to reports');
    await page.getByRole('navigation', { name: 'Meldingen' }).getByRole('link', { name: 'Iets melden' }).click();
    await expectHeading(page, /^Iets melden bij /);
    expect(new URL(page.url()).pathname).toBe(`/openbaar/${DEMO_SLUG}/melden`);
  });

  it('shows an accessible form that explains what is wrong when it is sent empty, without sending it', async () => {
    await page.getByRole('radio', { name: 'Er is iets mis' }).waitFor();
    for (const kind of ['Iets loopt vast', 'Ik heb een idee', 'Een mooi verhaal', 'Dit ging goed']) expect(await page.getByRole('radio', { name: kind }).count()).toBe(1);
    expect(await page.getByText('nooit openbaar gemaakt').count()).toBe(1);
    // The spam trap: labelled, out of the tab order, hidden from screen readers.
    const trap = page.locator('#report-website');
    expect(await trap.getAttribute('tabindex')).toBe('-1');
    expect(await trap.getAttribute('autocomplete')).toBe('off');
    expect(await page.getByLabel('Laat dit veld leeg').count()).toBe(1);
    expect(await page.locator('[aria-hidden="true"]:has(#report-website)').count()).toBe(1);
    await expectAccessibleAtBothWidths(page, 'empty report form');

    await page.getByRole('button', { name: 'Melding versturen' }).click();
    const summary = page.locator('.dichter-error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(/Kies wat voor melding het is[\s\S]*minstens 3 tekens/);
    expect(await page.locator('#report-title').getAttribute('aria-invalid')).toBe('true');
    await expectAccessibleAtBothWidths(page, 'report form with errors');
  });

  it('refuses a BSN in a report for the public list, and says how to fix it', async () => {
    await page.getByRole('radio', { name: 'Er is iets mis' }).check();
    await page.getByLabel('Waar gaat het over?').fill(title);
    await page.getByLabel(/Vertel wat er aan de hand is/).fill('De buurman met BSN 111222333 zegt dat het al een week donker is.');
    await page.getByLabel(/In welke buurt/).selectOption({ label: 'Buurt 3' });
    await page.getByLabel(/Mag uw melding/).check();
    await page.getByRole('button', { name: 'Melding versturen' }).click();
    const summary = page.locator('.dichter-error-summary');
    await expect.poll(() => summary.innerText(), { timeout: 15_000 }).toMatch(/BSN/);
    const text = await summary.innerText();
    expect(text).toMatch(/Haal telefoonnummers, e-mailadressen, BSN of IBAN uit de tekst/);
    expect(text).toMatch(/vinkje/);
    expect(await page.locator('#report-text').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#report-public').getAttribute('aria-invalid')).toBe('true');
    await expectAccessibleAtBothWidths(page, 'report form refused for personal data');
  });

  it('sends the report and shows the number and the private link to keep', async () => {
    await page.getByLabel(/Vertel wat er aan de hand is/).fill('Het is al een week donker bij het speelveld.');
    await page.getByLabel(/Uw naam/).fill(reporter.name);
    await page.getByLabel(/Uw e-mailadres/).fill(reporter.email);
    await page.getByLabel(/Uw telefoonnummer/).fill(reporter.phone);
    await page.getByRole('button', { name: 'Melding versturen' }).click();
    await page.getByRole('heading', { name: 'Uw melding is verstuurd' }).waitFor();
    const number = (await page.getByText(/Uw meldingnummer is \d+\./).innerText()).match(/\d+/)![0];
    reportNumber = number;
    await page.getByRole('heading', { name: 'Bewaar deze link: hiermee volgt u uw melding' }).waitFor();
    followUpUrl = await page.getByLabel('Uw persoonlijke link').inputValue();
    expect(followUpUrl).toMatch(new RegExp(`^${baseUrl()}/melding/[A-Za-z0-9_-]{20,}$`));
    expect(await page.getByText(/U liet een e-mailadres achter/).count()).toBe(1);
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
    await page.getByRole('button', { name: 'Link kopiëren' }).click();
    await expect.poll(() => page.locator('.dichter-public-copy-status').innerText()).toMatch(/gekopieerd|Kopiëren lukte niet/);
    await expectAccessibleAtBothWidths(page, 'report sent');
  });

  it('follows the report through the private link: status nieuw, without passing the link on', async () => {
    const visitor = await openPage(browser);
    try {
      const res = await visitor.page.goto(followUpUrl);
      expect(res?.headers()['referrer-policy']).toBe('no-referrer');
      await expectHeading(visitor.page, `Melding ${reportNumber}: ${title}`);
      expect(await visitor.page.getByText(/Status: Nieuw/).count()).toBeGreaterThan(0);
      expect(await visitor.page.getByText('Het is al een week donker bij het speelveld.').count()).toBe(1);
      await visitor.page.getByRole('heading', { name: 'Wat er tot nu toe gebeurde' }).waitFor();
      expect(await visitor.page.getByText('Melding ontvangen').count()).toBe(1);
      expect(await visitor.page.locator('head meta[name="referrer"]').getAttribute('content')).toBe('no-referrer');
      // Nothing answered yet: nothing to reopen or rate.
      expect(await visitor.page.getByRole('button', { name: 'Heropenen' }).count()).toBe(0);
      expect(await visitor.page.getByRole('heading', { name: 'Hielp het antwoord?' }).count()).toBe(0);
      for (const link of await visitor.page.locator('a[href^="http"]').all()) expect(await link.getAttribute('rel')).toMatch(/noreferrer/);
      await expectAccessibleAtBothWidths(visitor.page, 'follow-up page');
      expect(visitor.problems).toEqual([]);
    } finally {
      await visitor.context.close();
    }
  });

  it('shows the answer, and lets the resident say whether it helped and reopen the report', async () => {
    // A coordinator answers (set-up through the API).
    const found = await call<{ items: { id: string; title: string }[] }>('GET', `/api/w/${DEMO_SLUG}/observations?q=${encodeURIComponent(title)}`);
    const observation = found.body.items.find((o) => o.title === title)!;
    expect(observation).toBeTruthy();
    const answered = await call('POST', `/api/w/${DEMO_SLUG}/observations/${observation.id}/transitions`, { to: 'beantwoord', message: 'De lamp wordt donderdag vervangen.' });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);

    const visitor = await openPage(browser);
    const p = visitor.page;
    try {
      await p.goto(followUpUrl);
      await expectHeading(p, `Melding ${reportNumber}: ${title}`);
      expect(await p.getByText(/Status: Beantwoord/).count()).toBeGreaterThan(0);
      expect(await p.getByText('De lamp wordt donderdag vervangen.').count()).toBe(1);
      await p.getByRole('heading', { name: 'Hielp het antwoord?' }).waitFor();

      // Sent without a score or a reason: the forms say what is missing.
      await p.getByRole('button', { name: 'Beoordeling versturen' }).click();
      await p.getByText('Kies een cijfer van 1 tot 5.').first().waitFor();
      await p.getByRole('button', { name: 'Heropenen' }).click();
      await p.getByText(/Schrijf kort waarom het niet is opgelost/).first().waitFor();
      await expectAccessibleAtBothWidths(p, 'follow-up page with forms and errors');

      await p.getByRole('radio', { name: '2 – een beetje' }).check();
      await p.getByLabel(/Wilt u er iets over kwijt/).fill('Het duurt lang.');
      await p.getByRole('button', { name: 'Beoordeling versturen' }).click();
      await p.getByText('U gaf eerder een 2 van 5.').waitFor();

      await p.getByLabel('Waarom is het niet opgelost?').fill('Het is nog steeds donker.');
      await p.getByRole('button', { name: 'Heropenen' }).click();
      await expect.poll(() => p.getByText(/Status: Heropend/).count()).toBeGreaterThan(0);
      expect(await p.getByText('Het is nog steeds donker.').count()).toBe(1);
      expect(await p.getByRole('button', { name: 'Heropenen' }).count()).toBe(0);
      await expectAccessible(p, 'follow-up page after reopening');
      expect(visitor.problems).toEqual([]);
    } finally {
      await visitor.context.close();
    }
  });

  it('says kindly that a wrong link does not work', async () => {
    const visitor = await openPage(browser);
    try {
      await visitor.page.goto('/melding/dezelinkbestaatnietenklopt-niet');
      await expectHeading(visitor.page, 'Deze link klopt niet (meer)');
      await expectAccessible(visitor.page, 'unknown follow-up link');
    } finally {
      await visitor.context.close();
    }
  });

  it('lists the report publicly without the name or contact details, filtered through the address', async () => {
    const visitor = await openPage(browser);
    const p = visitor.page;
    try {
      await p.goto(`/openbaar/${DEMO_SLUG}/meldingen`);
      await expectHeading(p, /^Meldingen in /);
      const table = p.getByRole('table', { name: 'Openbare meldingen', exact: true });
      await table.getByRole('rowheader', { name: title }).waitFor();
      const row = table.getByRole('row').filter({ hasText: title });
      expect(await row.innerText()).toMatch(new RegExp(`${reportNumber}[\\s\\S]*Er is iets mis[\\s\\S]*Buurt 3[\\s\\S]*Heropend`));
      const html = await p.content();
      for (const secret of [reporter.name, reporter.email, reporter.phone, 'speelveld']) expect(html).not.toContain(secret);

      await p.getByLabel('Soort', { exact: true }).selectOption('signaal');
      await p.getByLabel('Status', { exact: true }).selectOption('heropend');
      await p.getByRole('button', { name: 'Filteren' }).click();
      await expect.poll(() => new URL(p.url()).searchParams.toString()).toBe('soort=signaal&status=heropend');
      await table.getByRole('rowheader', { name: title }).waitFor();
      await expect.poll(async () => (await table.locator('tbody tr').allInnerTexts()).every((r) => /Er is iets mis/.test(r) && /Heropend/.test(r))).toBe(true);

      // The map: the buurten as shapes, shaded, with the same numbers in a table beside it.
      const map = p.locator('#public-map').locator('..').locator('svg[role="img"]');
      await map.locator('path').first().waitFor();
      expect(await map.locator('path').count()).toBe(61);
      expect(await map.getAttribute('aria-labelledby')).toBeTruthy();
      const counts = p.getByRole('table', { name: 'Aantal openbare meldingen per buurt' });
      const buurt3 = counts.getByRole('row').filter({ has: p.getByRole('rowheader', { name: 'Buurt 3', exact: true }) });
      expect(Number(await buurt3.locator('td').innerText())).toBeGreaterThanOrEqual(1);
      expect(await map.locator('text').count()).toBeGreaterThan(0);
      await expectAccessibleAtBothWidths(p, 'public list and map');

      // Per wijk: the 14 wijken of Nieuw-West.
      await p.getByRole('link', { name: 'wijk', exact: true }).click();
      await expect.poll(() => new URL(p.url()).searchParams.get('kaart')).toBe('wijk');
      await expect.poll(() => map.locator('path').count()).toBe(14);
      await p.getByRole('table', { name: 'Aantal openbare meldingen per wijk' }).getByRole('rowheader', { name: 'Slotermeer-Noordoost' }).waitFor();
      await expectAccessible(p, 'public map per wijk');

      // An area in the counts table filters the list to it.
      await p.getByRole('table', { name: 'Aantal openbare meldingen per wijk' }).getByRole('link', { name: 'Slotermeer-Noordoost' }).click();
      await expect.poll(() => new URL(p.url()).searchParams.get('buurt')).toMatch(/^[0-9a-f-]{36}$/);
      await table.getByRole('rowheader', { name: title }).waitFor();
      expect(visitor.problems).toEqual([]);
    } finally {
      await visitor.context.close();
    }
  });

  it('keeps contact details out of the public API as well', async () => {
    const res = await fetch(`${baseUrl()}/api/public/w/${DEMO_SLUG}/observations?limit=500`);
    const text = await res.text();
    expect(text).toContain(title);
    for (const secret of [reporter.name, reporter.email, reporter.phone, 'speelveld']) expect(text).not.toContain(secret);
    expect(session.problems).toEqual([]);
  });
});
