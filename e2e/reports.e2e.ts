import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_SLUG, demoUser, expectAccessible, expectHeading, launchBrowser, openPage, signIn, type Session } from './helpers';

/*
 * The progress report as a board member makes it: she opens Rapportage, is told when the period
 * is reversed, chooses the public version, and reads the report in a new tab — a plain page that
 * itself passes axe — then downloads the PDF.
 */

let browser: Browser;
let board: Session;
const ws = (rest: string) => `/w/${DEMO_SLUG}/${rest}`;

beforeAll(async () => {
  browser = await launchBrowser();
  board = await openPage(browser);
  await signIn(board.page, demoUser('bestuur'), DEMO_PASSWORD);
});
afterAll(async () => {
  await browser?.close();
});

describe('progress report', () => {
  it('a board member makes the public report and reads it as a page and a PDF', async () => {
    const page = board.page;
    await page.goto(ws(''));
    await page.getByRole('navigation', { name: 'Menu van de werkruimte' }).getByRole('link', { name: 'Rapportage', exact: true }).click();
    await expectHeading(page, 'Voortgangsrapportage');
    await expectAccessible(page, 'report form');

    await page.getByRole('textbox', { name: 'Van', exact: true }).fill('2026-12-31');
    await page.getByRole('textbox', { name: 'Tot en met', exact: true }).fill('2026-01-01');
    await page.getByRole('button', { name: 'Bekijk als webpagina' }).click();
    await page.getByRole('alert').filter({ hasText: 'De einddatum ligt vóór de begindatum' }).waitFor();
    await expectAccessible(page, 'report form with error');

    await page.getByRole('textbox', { name: 'Van', exact: true }).fill('2020-01-01');
    await page.getByRole('textbox', { name: 'Tot en met', exact: true }).fill(new Date().toISOString().slice(0, 10));
    await page.getByRole('checkbox', { name: /Openbare versie/ }).check();
    const [tab] = await Promise.all([board.context.waitForEvent('page'), page.getByRole('button', { name: 'Bekijk als webpagina' }).click()]);
    await tab.waitForLoadState();
    await expectHeading(tab, 'Voortgangsrapportage (openbare versie)');
    await tab.getByRole('heading', { name: 'Boven water: resultaten en metingen' }).waitFor();
    expect(await tab.locator('svg[role="img"]').count()).toBeGreaterThan(0);
    await expectAccessible(tab, 'public progress report');
    await tab.close();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download als PDF' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^voortgangsrapportage-openbaar-.*\.pdf$/);
    expect(board.problems).toEqual([]);
  }, 90_000);
});
