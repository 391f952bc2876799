import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, DEMO_SLUG, expectAccessible, expectHeading, expectNotice, launchBrowser, openPage, signIn, unique, type Session } from './helpers';

/*
 * A municipality starts the Jongeren Perspectief Fonds: the project leader puts the template's
 * ladder and indicators in a fresh workspace, ticks off the college decision and makes a first
 * budget estimate for the council proposal, by keyboard where it matters.
 */

let browser: Browser;
let s: Session;
let page: Page;
const slug = `jpf-${unique()}`;
const norm = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  browser = await launchBrowser();
  const call = await apiSession();
  const created = await call('POST', '/api/workspaces', { name: `Gemeente ${slug}`, slug });
  if (created.status !== 201) throw new Error(`could not create workspace: ${JSON.stringify(created.body)}`);
  s = await openPage(browser);
  page = s.page;
  await signIn(page);
});
afterAll(async () => {
  await browser?.close();
});

describe('youth debt: adopting the approach', () => {
  it('creates the ladder and indicators from the template once', async () => {
    await page.goto(`/w/${slug}/schuldenaanpak`);
    await page.getByRole('link', { name: 'De aanpak invoeren' }).click();
    await expectHeading(page, 'De aanpak invoeren');
    const template = page.getByRole('region', { name: 'Sjabloon: ladder en indicatoren' });
    await expect.poll(() => template.getByText('nog niet aangemaakt').count()).toBe(11);
    await expectAccessible(page, 'toolkit before adopting');
    await template.getByRole('button', { name: 'Aanpak starten vanuit het sjabloon' }).click();
    await expectNotice(page, 'Aangemaakt: 7 onderdelen van de ladder en 4 indicatoren.');
    await template.getByText(/Het sjabloon staat helemaal in deze werkruimte/).waitFor();
    expect(await template.getByText('nog niet aangemaakt').count()).toBe(0);
    // No areas in this fresh workspace: updating the indicators says what to do first.
    await template.getByRole('button', { name: 'Indicatoren nu bijwerken' }).click();
    await expectNotice(page, /de werkruimte heeft nog geen gemeente/);
  });

  it('ticks off the college decision with its date and reopens it', async () => {
    const step = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: '4. Collegebesluit' }) });
    await step.getByLabel('Afgerond op').fill('2026-11-03');
    await step.getByLabel(/Notitie/).fill('B&W 2026/412');
    await step.getByRole('button', { name: 'Stap opslaan' }).click();
    await expectNotice(page, 'Stap "Collegebesluit" is opgeslagen.');
    await expect.poll(async () => norm(await step.innerText())).toMatch(/Afgerond op 3 november 2026 door .+\. B&W 2026\/412/);
    await expectAccessible(page, 'toolkit with a step done');
    await step.getByRole('button', { name: 'Weer openzetten' }).click();
    await expect.poll(async () => norm(await step.innerText())).toMatch(/Nog open\./);
  });

  it('estimates the budget from the assumptions, and names a wrongly typed amount at its field', async () => {
    const budget = page.getByRole('region', { name: 'Begroting' });
    await budget.getByRole('button', { name: 'Raming berekenen' }).click();
    await expect.poll(async () => norm(await budget.getByRole('status').innerText())).toMatch(/Kosten van de aanpak\s*€ 483\.000,00/);
    expect(norm(await budget.getByRole('status').innerText())).toMatch(/samen 35 jaar geen bijstand/);
    await budget.getByLabel('Gemiddeld saneringskrediet per deelnemer').fill('vierduizend');
    await budget.getByRole('button', { name: 'Raming berekenen' }).click();
    await page.locator('#yd-budget-averageCreditCents-error').waitFor();
    await expectAccessible(page, 'budget with an error');
  });

  it('records the fund’s starting capital and shows it month by month', async () => {
    await page.goto(`/w/${slug}/schuldenaanpak`);
    const fund = page.getByRole('region', { name: 'Revolverend fonds' });
    await fund.getByText(/Er is nog niets in of uit het fonds gegaan/).waitFor();
    await fund.getByLabel('Startkapitaal', { exact: true }).fill('100.000');
    await fund.getByLabel('Datum van het startkapitaal').fill('2026-11-02');
    await fund.getByRole('button', { name: 'Fonds opslaan' }).click();
    await expectNotice(page, 'De gegevens van het fonds zijn opgeslagen.');
    const table = fund.getByRole('table', { name: 'Het fonds per maand, nieuwste eerst' });
    await expect.poll(async () => norm(await table.locator('tbody tr').last().innerText())).toMatch(/^november 2026 € 100\.000,00/);
    expect(norm(await fund.locator('p').nth(1).innerText())).toMatch(/^Saldo nu € 100\.000,00\./);
    await expectAccessible(page, 'overview with the fund');
  });
});

describe('youth debt: the social cost-benefit analysis', () => {
  it('shows the demo municipality who gains what, the sensitivity and the assumptions with their sources', async () => {
    await page.goto(`/w/${DEMO_SLUG}/schuldenaanpak`);
    await page.getByRole('link', { name: 'Naar de MKBA' }).click();
    await expectHeading(page, 'Maatschappelijke kosten-batenanalyse');
    await expect.poll(async () => norm(await page.getByText(/^Contante waarde bij/).innerText())).toMatch(/^Contante waarde bij 2,25 % discontovoet: baten € [\d.]+,\d\d, kosten € [\d.]+,\d\d, saldo -?€ ?-?[\d.]+,\d\d\./);
    const actors = page.getByRole('region', { name: 'Saldo per actor' }).getByRole('table');
    expect((await actors.getByRole('rowheader').allInnerTexts()).map(norm)).toEqual(['Jongeren', 'Gemeente', 'Rijk', 'Schuldeisers', 'Totaal']);
    expect(await page.getByRole('region', { name: 'Gevoeligheid' }).getByRole('row').count()).toBe(8);
    await page.getByLabel('Bijstand per uitkering per jaar').waitFor();
    await expectAccessible(page, 'MKBA page');
  });
});

