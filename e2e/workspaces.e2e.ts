import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectHeading, expectNotice, launchBrowser, openPage, signIn, unique } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('a new workspace', () => {
  it('suggests a slug, shows field errors with a summary, and opens the new workspace', async () => {
    const { page, context, problems } = await openPage(browser);
    await signIn(page);
    await page.getByRole('link', { name: 'Nieuwe werkruimte' }).first().click();
    await expectHeading(page, 'Nieuwe werkruimte');
    await expectAccessible(page, 'new workspace form');

    const name = `Wijkaanpak Woensel ${unique()}`;
    await page.getByLabel('Naam', { exact: true }).fill(name);
    const slugField = page.getByLabel('Webadres (slug)');
    expect(await slugField.inputValue()).toMatch(/^wijkaanpak-woensel-[a-z0-9]+$/);

    // An invalid slug: message beside the field, summary at the top with a link to it.
    await slugField.fill('Niet Goed!');
    await page.getByRole('button', { name: 'Werkruimte aanmaken' }).click();
    const summary = page.locator('.dichter-error-summary');
    await summary.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('dichter-error-summary'))).toBe(true);
    expect(await summary.innerText()).toMatch(/Er is iets niet goed ingevuld/);
    const summaryLink = summary.getByRole('link', { name: /Webadres \(slug\): Gebruik 3 tot 50 kleine letters/ });
    expect(await summaryLink.count()).toBe(1);
    expect(await slugField.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await slugField.getAttribute('aria-describedby')) ?? '';
    expect(describedBy).toContain('ws-slug-error');
    expect(await page.locator('#ws-slug-error').innerText()).toMatch(/kleine letters, cijfers en losse streepjes/);
    await expectAccessible(page, 'new workspace form with errors');
    await summaryLink.click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ws-slug');

    const slug = `woensel-${unique()}`;
    await slugField.fill(slug);
    await page.getByLabel('Reactietermijn voor waarnemingen').fill('5');
    await page.getByRole('button', { name: 'Werkruimte aanmaken' }).click();
    await expectHeading(page, name);
    expect(page.url()).toMatch(new RegExp(`/w/${slug}$`));
    await expectNotice(page, /is aangemaakt/);
    expect(await page.title()).toBe(`${name} – dichter`);
    await expectAccessible(page, 'new workspace overview');

    // Settings of the new workspace.
    await page.getByRole('navigation', { name: 'Menu van de werkruimte' }).getByRole('link', { name: 'Instellingen' }).click();
    await expectHeading(page, 'Instellingen');
    expect(await page.getByLabel('Reactietermijn voor waarnemingen').inputValue()).toBe('5');
    await page.getByLabel('Korte beschrijving').fill('Samen met bewoners werken aan een veilige, schone wijk.');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expectNotice(page, 'De instellingen zijn opgeslagen.');
    await expectAccessible(page, 'settings');
    expect(problems).toEqual([]);
    await context.close();
  });
});
