import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SLUG, expectAccessible, expectHeading, launchBrowser, openPage, signIn } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('on a phone (375 × 667)', () => {
  it('fits the screen, stays accessible, and hides the menu behind a button', async () => {
    const { page, context, problems } = await openPage(browser, { viewport: { width: 375, height: 667 } });
    await signIn(page);
    await expectAccessible(page, 'phone: workspace list');

    const pages: [string, string][] = [
      ['', 'Nieuw-West Verbindt'],
      ['convenant', 'Convenant'],
      ['partners', 'Partners'],
      ['gebieden', 'Gebieden'],
      ['leden', 'Leden'],
      ['instellingen', 'Instellingen'],
      ['audit', 'Auditlog'],
    ];
    for (const [path, heading] of pages) {
      await page.goto(`/w/${DEMO_SLUG}${path ? `/${path}` : ''}`);
      await expectHeading(page, heading);
      // Nothing wider than the screen but scrollable table regions.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `horizontal overflow on ${heading}`).toBeLessThanOrEqual(0);
      await expectAccessible(page, `phone: ${heading}`);
    }

    // The workspace menu is behind a menu button that works with the keyboard.
    const menu = page.getByRole('button', { name: 'Menu', exact: true });
    const nav = page.getByRole('navigation', { name: 'Menu van de werkruimte' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.getByRole('link', { name: 'Partners' }).isVisible()).toBe(false);
    await menu.focus();
    await page.keyboard.press('Enter');
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await expectAccessible(page, 'phone: open menu');
    // Overzicht, Mijn inbox, then Convenant
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Mijn inbox');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Convenant');
    await page.keyboard.press('Enter');
    await expectHeading(page, 'Convenant');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(problems).toEqual([]);
    await context.close();
  });
});
