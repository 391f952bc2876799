import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, DEMO_SLUG, expectAccessible, expectHeading, launchBrowser, openPage, signIn, unique, type Session } from './helpers';

/*
 * Indicators as a municipal research department and a programme team use them: the beheerder
 * opens the indicator list (with where attention is needed), an indicator with its trend and
 * its comparison with peer areas (rank, distance, signal, the method, every chart as a table
 * too), sees the composition warning on an average without panel data and the composition
 * chart of the panel area, imports a file of its own figures twice (the second time nothing
 * changes), and checks the comparison on a phone. One sign-in in the browser, one for the API.
 */

interface Comparison {
  area: { code: string; name: string };
  reference: { value: number | null };
  items: { area: { code: string; name: string }; value: number | null; rank: number | null; attention: string | null }[];
  compositionWarning: boolean;
}
interface Composition {
  change: number;
  stayers: number;
  entry: number;
  exit: number;
  counts: { stayers: number; entrants: number; leavers: number };
}

let browser: Browser;
let session: Session;
let asBeheerder: Awaited<ReturnType<typeof apiSession>>;
const ws = (rest: string) => `/w/${DEMO_SLUG}/${rest}`;
const api = (rest: string) => `/api/w/${DEMO_SLUG}/${rest}`;
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
/** "23,1" → 23.1 */
const dutchNumber = (text: string) => Number(text.replace(/[^\d,+−-]/g, '').replace('−', '-').replace(',', '.'));

// The demo's CBS figures: a share of residents (composition-sensitive, no panel data) and the average income with panel data for Slotermeer Zuid.
const LOW_INCOME = { code: 'huishoudens-laag-inkomen', name: 'Huishoudens met een laag inkomen' };
const INCOME = { code: 'inkomen-per-inwoner', name: 'Gemiddeld inkomen per inwoner' };
const PANEL_AREA = { code: 'BU03637700', name: 'Slotermeer Zuid' };

beforeAll(async () => {
  browser = await launchBrowser();
  asBeheerder = await apiSession();
  session = await openPage(browser);
  await signIn(session.page);
});
afterAll(async () => {
  await browser?.close();
});

describe('indicators: list, trend, comparison, composition and import', () => {
  it('the beheerder opens Indicatoren: the list with units, directions, composition badges and where attention is needed', async () => {
    const page = session.page;
    await page.goto(ws(''));
    await page.getByRole('navigation', { name: 'Menu van de werkruimte' }).getByRole('link', { name: 'Indicatoren', exact: true }).click();
    await expectHeading(page, 'Indicatoren');
    const table = page.getByRole('table', { name: /Indicatoren van deze werkruimte/ });
    const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: LOW_INCOME.name, exact: true }) });
    await expect.poll(() => row.innerText()).toContain('Lager is beter');
    expect(await row.innerText()).toContain('Let op samenstelling');
    expect(await row.innerText()).toContain('%');
    // Population is not composition-sensitive: no badge.
    const population = table.getByRole('row').filter({ has: page.getByRole('link', { name: 'Aantal inwoners', exact: true }) });
    expect(await population.innerText()).not.toContain('Let op samenstelling');
    // Where attention is needed: the counts in a sentence and the areas clearly worse than their peers.
    const attention = page.getByRole('region', { name: 'Waar is aandacht nodig?' });
    await attention.waitFor();
    expect(await attention.innerText()).toMatch(/vergel/);
    await expectAccessible(page, 'indicator list');
    expect(session.problems).toEqual([]);
  });

  it('an indicator shows its trend and the area beside its peers with rank, distance, signal and the method, and warns about composition', async () => {
    const page = session.page;
    await page.getByRole('link', { name: LOW_INCOME.name, exact: true }).click();
    await expectHeading(page, LOW_INCOME.name);

    // Choose the buurt and the peers with the form, by keyboard.
    await page.getByLabel('Gebied', { exact: true }).selectOption(PANEL_AREA.code);
    await page.getByLabel('Vergelijken met').selectOption('siblings');
    await page.getByRole('button', { name: 'Toon', exact: true }).press('Enter');
    await page.waitForURL(/gebied=BU03637700/);

    // The composition warning: no panel data for this share of households.
    const warning = page.getByText('Dit gemiddelde kan veranderen doordat er andere mensen wonen, niet doordat het beter gaat met dezelfde mensen', { exact: false });
    await warning.first().waitFor();

    // The trend: an SVG image with a name, a summary and a table.
    const trend = page.getByRole('region', { name: `Trend in ${PANEL_AREA.name}` });
    const trendImage = trend.getByRole('img', { name: `Lijndiagram: ${LOW_INCOME.name} in ${PANEL_AREA.name} per periode` });
    await trendImage.waitFor();
    expect(await trendImage.evaluate((el) => el.tagName.toLowerCase())).toBe('svg');
    expect(await trend.locator('figcaption').innerText()).toContain(PANEL_AREA.name);

    // The comparison, checked against the API.
    const answer = await asBeheerder<Comparison>('GET', api(`indicators/${LOW_INCOME.code}/comparison?area=${PANEL_AREA.code}&peers=siblings`));
    expect(answer.status).toBe(200);
    expect(answer.body.compositionWarning).toBe(true);
    const mine = answer.body.items.find((i) => i.area.code === PANEL_AREA.code)!;
    const known = answer.body.items.filter((i) => i.value !== null).length;
    expect(mine.rank).not.toBeNull();
    const comparison = page.getByRole('region', { name: new RegExp(`^${PANEL_AREA.name} naast vergelijkbare gebieden`) });
    await comparison.getByRole('img', { name: /Staafdiagram: .* per gebied/ }).waitFor();
    const text = await comparison.innerText();
    expect(text).toContain(`${mine.rank} van ${known}`);
    expect(text).toContain(`plaats ${mine.rank} van ${known}`);
    expect(text).toMatch(/Afstand tot de mediaan/);
    // The areas clearly better or worse are named in the summary.
    for (const item of answer.body.items.filter((i) => i.attention === 'worse')) expect(text).toContain(item.area.name);

    // "Toon als tabel" opens the same figures as a table, by keyboard.
    const summary = comparison.locator('summary', { hasText: 'Toon als tabel' });
    await summary.focus();
    await page.keyboard.press('Enter');
    const table = comparison.getByRole('table', { name: /Staafdiagram/ });
    await table.waitFor();
    expect(await table.getByRole('row').count()).toBe(answer.body.items.length + 1);
    expect(await table.getByRole('row', { name: new RegExp(PANEL_AREA.name) }).innerText()).toContain('(gekozen gebied)');

    // The method, in a disclosure.
    await comparison.locator('summary', { hasText: 'Hoe bepalen we het signaal?' }).click();
    await comparison.getByText(/robuuste z-score/).waitFor();

    // The composition section says why the warning is there.
    const composition = page.getByRole('region', { name: 'Samenstelling: blijvers, instroom en uitstroom' });
    expect(await composition.innerText()).toContain('geen paneelgegevens');

    await trend.locator('summary', { hasText: 'Toon als tabel' }).click();
    await trend.getByRole('table').waitFor();
    await expectAccessible(page, 'indicator page with trend and comparison');
    expect(session.problems).toEqual([]);
  });

  it('the composition chart splits the change in the average income of the panel area into stayers, newcomers and leavers', async () => {
    const page = session.page;
    const answer = await asBeheerder<Composition>('GET', api(`indicators/${INCOME.code}/composition?area=${PANEL_AREA.code}&period0=2019&period1=2024`));
    expect(answer.status).toBe(200);
    const { change, stayers, entry, exit } = answer.body;
    expect(stayers + entry + exit).toBeCloseTo(change, 9);

    await page.goto(ws(`indicatoren/${INCOME.code}`));
    await expectHeading(page, INCOME.name);
    // Choose the panel area and the two periods in the form (a list of periods, or typed when the panel has periods without measurements).
    await page.getByLabel('Gebied', { exact: true }).selectOption(PANEL_AREA.code);
    const setPeriod = async (label: string, value: string) => {
      const field = page.getByLabel(label, { exact: true });
      if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
      else await field.fill(value);
    };
    await setPeriod('Samenstelling: van', '2019');
    await setPeriod('tot', '2024');
    await page.getByRole('button', { name: 'Toon', exact: true }).click();
    await page.waitForURL(/tot=2024/);
    const composition = page.getByRole('region', { name: 'Samenstelling: blijvers, instroom en uitstroom' });
    await composition.getByRole('img', { name: /uitgesplitst in blijvers, instroom en uitstroom/ }).waitFor();
    const caption = await composition.locator('figcaption').innerText();
    expect(caption).toContain(PANEL_AREA.name);
    // The demo panel: most of the rise comes from who moved in and out, not from the stayers.
    expect(caption).toContain('niet doordat het met dezelfde mensen beter of slechter ging');

    await composition.locator('summary', { hasText: 'Toon als tabel' }).click();
    const table = composition.getByRole('table');
    await table.waitFor();
    const cell = async (part: string) => dutchNumber(await table.getByRole('row', { name: new RegExp(`^${part}`) }).getByRole('cell').first().innerText());
    const shown = { stayers: await cell('Blijvers'), entry: await cell('Instroom'), exit: await cell('Uitstroom'), change: await cell('Totale verandering') };
    expect(shown.stayers).toBeCloseTo(stayers, 1);
    expect(shown.entry).toBeCloseTo(entry, 1);
    expect(shown.exit).toBeCloseTo(exit, 1);
    expect(shown.change).toBeCloseTo(change, 1);
    expect(await table.getByRole('row', { name: /^Instroom/ }).innerText()).toContain(String(answer.body.counts.entrants));
    // The formula in plain Dutch beside it.
    expect(await composition.innerText()).toContain('De drie delen tellen precies op tot de verandering van het gemiddelde');
    // This area has panel data: no composition warning here.
    expect(await page.getByText('Dit gemiddelde kan veranderen doordat er andere mensen wonen').count()).toBe(0);
    await expectAccessible(page, 'composition chart');
    expect(session.problems).toEqual([]);
  });

  it('imports a file of its own figures: suggested mapping, the report, a second import that changes nothing, and a column left out by choice', async () => {
    const page = session.page;
    await page.goto(ws('indicatoren'));
    await expectHeading(page, 'Indicatoren');
    await page.getByRole('link', { name: 'Cijfers importeren' }).click();
    await expectHeading(page, 'Cijfers importeren');
    await expectAccessible(page, 'indicator import');

    const column = `tevredenheid_${unique()}`;
    const csv = `gebied,periode,${column}\n${PANEL_AREA.code},2025,7.5\nWK036377,2025,7.1\nBU99999999,2025,6\n`;
    const upload = async () => {
      await page.getByLabel('Bestand', { exact: true }).setInputFiles({ name: 'eigen-cijfers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByRole('button', { name: 'Bestand bekijken' }).click();
      await page.getByRole('heading', { level: 2, name: 'Kolommen koppelen aan indicatoren' }).waitFor();
    };
    await upload();
    const select = page.getByRole('combobox', { name: `Indicator voor kolom ${column}` });
    await select.waitFor();
    expect(await select.locator('option:checked').innerText()).toContain('(nieuw)');
    await expectAccessible(page, 'indicator import mapping');
    await page.getByRole('button', { name: 'Importeren', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Import voltooid' }).waitFor();
    const report = page.locator('#indicators-import-report').locator('..');
    expect(await report.innerText()).toMatch(/Nieuwe waarden\s*2/);
    // The unknown area is listed with its row and reason.
    const skipped = page.getByRole('table', { name: 'Overgeslagen rijen en cellen met de reden' });
    await skipped.waitFor();
    expect(await skipped.innerText()).toContain('BU99999999');
    await expectAccessible(page, 'indicator import report');

    // The same file again: nothing changes.
    await page.getByRole('button', { name: 'Nog een bestand importeren' }).click();
    await upload();
    await page.getByRole('button', { name: 'Importeren', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Import voltooid' }).waitFor();
    await page.getByText('Alle waarden waren al bekend: er is niets veranderd.').waitFor();

    // A file with two columns: one left out by choice. The other becomes a new indicator; the left-out column is reported per row.
    await page.getByRole('button', { name: 'Nog een bestand importeren' }).click();
    const kept = `wachttijd_${unique()}`;
    const left = `notitie_${unique()}`;
    await page.getByLabel('Bestand', { exact: true }).setInputFiles({ name: 'twee-kolommen.csv', mimeType: 'text/csv', buffer: Buffer.from(`gebied,periode,${kept},${left}\n${PANEL_AREA.code},2025-Q2,12,3\n`) });
    await page.getByRole('button', { name: 'Bestand bekijken' }).click();
    await page.getByRole('combobox', { name: `Indicator voor kolom ${left}` }).selectOption({ label: 'Niet importeren' });
    await page.getByText('1 kolommen worden ingelezen.').waitFor();
    const keptCode = await page.getByRole('combobox', { name: `Indicator voor kolom ${kept}` }).inputValue();
    expect(keptCode).toMatch(/^wachttijd-/);
    await page.getByRole('button', { name: 'Importeren', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Import voltooid' }).waitFor();
    const second = await page.locator('#indicators-import-report').locator('..').innerText();
    expect(second).toMatch(/Nieuwe waarden\s*1/);
    expect(second).toContain(keptCode);
    expect(await page.getByRole('table', { name: 'Overgeslagen rijen en cellen met de reden' }).innerText()).toContain('niet aan een indicator gekoppeld');
    const created = await asBeheerder<{ periodType: string; measurementCount: number }>('GET', api(`indicators/${keptCode}`));
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ periodType: 'quarter', measurementCount: 1 });
    expect(session.problems).toEqual([]);
  });

  it('the comparison works on a phone (375 px): no sideways scrolling, the chart fits, zero axe violations', async () => {
    const phone = await openPage(browser, { viewport: { width: 375, height: 812 } });
    try {
      await phone.context.addCookies(await session.context.cookies());
      await phone.page.goto(ws(`indicatoren/${LOW_INCOME.code}?gebied=${PANEL_AREA.code}&vergelijk=siblings`));
      await expectHeading(phone.page, LOW_INCOME.name);
      const comparison = phone.page.getByRole('region', { name: new RegExp(`^${PANEL_AREA.name} naast vergelijkbare gebieden`) });
      const image = comparison.getByRole('img', { name: /Staafdiagram/ });
      await image.waitFor();
      const box = await image.boundingBox();
      expect(box!.width).toBeLessThanOrEqual(375);
      expect(await overflow(phone.page), 'horizontal overflow on the comparison (375 px)').toBeLessThanOrEqual(0);
      await expectAccessible(phone.page, 'comparison on a phone');
      expect(phone.problems).toEqual([]);
    } finally {
      await phone.context.close();
    }
  });
});
