import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, DEMO_SLUG, demoUser, expectAccessible, expectHeading, expectNotice, launchBrowser, openPage, signIn, unique, type Session } from './helpers';

const CBS = '/work/shared/data/cbs';
const fixture = path.join(import.meta.dirname, 'fixtures', 'Kerncijfers_wijken_en_buurten_2019.csv');

let browser: Browser;
let session: Session;
let page: Page;
const slug = `gebieden-${unique()}`;

beforeAll(async () => {
  browser = await launchBrowser();
  // A fresh workspace, so the import creates what the report counts.
  const call = await apiSession();
  const created = await call('POST', '/api/workspaces', { name: `Gebieden proef ${slug}`, slug });
  if (created.status !== 201) throw new Error(`could not create workspace: ${JSON.stringify(created.body)}`);
  session = await openPage(browser);
  page = session.page;
  await signIn(page);
});
afterAll(async () => {
  await browser?.close();
});

describe('areas', () => {
  it('explains how to import when there are no areas yet', async () => {
    await page.goto(`/w/${slug}/gebieden`);
    await expectHeading(page, 'Gebieden');
    await page.getByRole('heading', { name: 'Nog geen gebieden' }).waitFor();
    expect(await page.locator('pre').innerText()).toContain(`npx dichter import areas --workspace ${slug}`);
    await expectAccessible(page, 'empty area list');
  });

  it('imports a CBS CSV file and shows the report', async () => {
    await page.getByRole('link', { name: 'Gebieden importeren' }).click();
    await expectHeading(page, 'Gebieden importeren');
    await expectAccessible(page, 'import form');

    // No file chosen: a field error and a summary.
    await page.getByRole('button', { name: 'Importeren' }).click();
    await page.locator('#import-file-error').waitFor();
    await expectAccessible(page, 'import form with an error');

    await page.getByLabel('Bestand').setInputFiles(fixture);
    await page.getByRole('button', { name: 'Importeren' }).click();
    await page.getByRole('heading', { name: 'De import is klaar' }).waitFor();
    const report = await page.locator('#import-report').locator('..').innerText();
    expect(report).toMatch(/cbs-csv/);
    expect(report).toMatch(/Nieuw\s*10/);
    // The country row is not an area: it is listed as skipped, with the reason.
    const skipped = page.getByRole('table', { name: /Regels die niet zijn geïmporteerd/ });
    expect(await skipped.getByRole('row').count()).toBeGreaterThan(1);
    expect(await skipped.innerText()).toMatch(/NL00/);
    await expectAccessible(page, 'import report');
  });

  it('lists areas filtered by kind, with detail pages', async () => {
    await page.getByRole('link', { name: 'Bekijk de gebieden van 2019' }).click();
    await expectHeading(page, 'Gebieden');
    await page.getByLabel('Soort gebied').selectOption('buurt');
    await page.getByRole('button', { name: 'Filteren' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'gebieden gevonden' }).innerText()).toBe('7 gebieden gevonden');
    expect(page.url()).toContain('soort=buurt');
    expect(await page.getByRole('rowheader').allInnerTexts()).toContain('Kop Zeedijk');
    await expectAccessible(page, 'area list filtered by kind');

    await page.getByRole('link', { name: 'Kop Zeedijk' }).click();
    await expectHeading(page, 'Kop Zeedijk');
    expect(await page.locator('dl').innerText()).toMatch(/BU03630000[\s\S]*Burgwallen-Oude Zijde/);
    await expectAccessible(page, 'area detail');

    // The buurt's team: whoever is put in it as contact answers signals from the buurt.
    const team = page.getByRole('region', { name: 'Gebiedsteam' });
    await team.getByText('Dit gebied heeft nog geen eigen team.').waitFor();
    await team.getByRole('checkbox').first().check();
    await team.getByLabel('Aanspreekpunt').selectOption({ index: 1 });
    await team.getByRole('button', { name: 'Team opslaan' }).click();
    await expectNotice(page, 'Het gebiedsteam van Kop Zeedijk is opgeslagen.');
    await team.getByText('(aanspreekpunt)').waitFor();
    await expectAccessible(page, 'area detail with its team');
  });

  it('adds a street by hand inside a neighbourhood', async () => {
    await page.goto(`/w/${slug}/gebieden/nieuw`);
    await expectHeading(page, 'Gebied toevoegen');
    await page.getByLabel('Naam', { exact: true }).fill('Zeedijk');
    await page.getByLabel('Jaar', { exact: true }).fill('2019');
    await page.getByLabel('Zoek op naam of code').fill('Kop Zee');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByRole('radio', { name: /Kop Zeedijk/ }).check();
    await expectAccessible(page, 'new area form');
    await page.getByRole('button', { name: 'Gebied toevoegen' }).click();
    await expectHeading(page, 'Zeedijk');
    await expectNotice(page, 'Zeedijk is toegevoegd.');
    expect(await page.locator('dl').innerText()).toMatch(/Straat[\s\S]*Kop Zeedijk/);
  });

  it('draws the boundaries as a map with a table beside it', async () => {
    const geojson = path.join(CBS, 'buurten.geojson');
    const keyed = path.join(CBS, 'stripped_filtered_data_2024.json');
    if (!fs.existsSync(geojson) || !fs.existsSync(keyed)) {
      console.warn(`SKIPPED map check: ${geojson} or ${keyed} is missing`);
      return;
    }
    // Without boundaries the map explains how to import them.
    await page.goto(`/w/${slug}/gebieden/kaart?soort=buurt&jaar=2019`);
    await expectHeading(page, 'Kaart van de gebieden');
    await page.getByRole('heading', { name: 'Nog geen grenzen' }).waitFor();
    await expectAccessible(page, 'empty map');

    const call = await apiSession();
    const wijken = await call('POST', `/api/w/${slug}/areas/import`, { fileName: 'stripped_filtered_data_2024.json', content: fs.readFileSync(keyed, 'utf8'), year: 2024 });
    expect(wijken.status, JSON.stringify(wijken.body).slice(0, 300)).toBe(200);
    const buurten = await call<{ created: number; updated: number }>('POST', `/api/w/${slug}/areas/import`, { fileName: 'buurten.geojson', content: fs.readFileSync(geojson, 'utf8'), year: 2024 });
    expect(buurten.status, JSON.stringify(buurten.body).slice(0, 300)).toBe(200);

    await page.goto(`/w/${slug}/gebieden/kaart?soort=buurt&jaar=2024`);
    await expectHeading(page, 'Kaart van de gebieden');
    const areas = page.locator('svg a.dichter-map__area');
    await areas.first().waitFor();
    const count = await areas.count();
    expect(count).toBeGreaterThan(500);
    const label = await areas.first().getAttribute('aria-label');
    expect(label).toMatch(/\(BU0363[A-Z0-9]+\)$/);
    // Each area is a link, reachable by keyboard, with the same areas in the table.
    await areas.first().focus();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(label);
    const tableRows = await page.getByRole('table', { name: /Kaart: buurten in 2024/ }).locator('tbody tr').count();
    expect(tableRows).toBe(count);
    await expectAccessible(page, 'map');
    await page.keyboard.press('Enter');
    await expectHeading(page, label!.replace(/ \(BU.*\)$/, ''));
    expect(session.problems).toEqual([]);
  });

  it('shows a lezer the areas, without adding or importing', async () => {
    const reader = await openPage(browser);
    try {
      await signIn(reader.page, demoUser('lezer'));
      await reader.page.goto(`/w/${DEMO_SLUG}/gebieden`);
      await expectHeading(reader.page, 'Gebieden');
      await reader.page.getByRole('status').filter({ hasText: 'gebieden gevonden' }).waitFor();
      expect(await reader.page.getByRole('link', { name: 'Kaart bekijken' }).count()).toBe(1);
      expect(await reader.page.getByRole('link', { name: 'Gebied toevoegen' }).count()).toBe(0);
      expect(await reader.page.getByRole('link', { name: 'Gebieden importeren' }).count()).toBe(0);
      await reader.page.goto(`/w/${DEMO_SLUG}/gebieden/import`);
      await expectHeading(reader.page, 'Pagina niet gevonden');
      expect(reader.problems).toEqual([]);
    } finally {
      await reader.context.close();
    }
  });
});
