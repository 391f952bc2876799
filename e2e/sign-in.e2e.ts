import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoUser, expectAccessible, expectHeading, launchBrowser, openPage, submitSignIn } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Presses Tab until the element with this id has focus (at most `max` times). */
async function tabTo(page: import('playwright-core').Page, id: string, max = 15) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((want) => document.activeElement?.id === want, id)) return i + 1;
  }
  throw new Error(`could not reach #${id} with Tab`);
}

describe('signing in', () => {
  it('works with the keyboard alone, and explains a wrong password', async () => {
    const { page, context, problems } = await openPage(browser);
    await page.goto('/');
    // Not signed in: the app sends you to the sign-in page.
    await expectHeading(page, 'Inloggen');
    expect(await page.title()).toBe('Inloggen – dichter');
    await expectAccessible(page, 'sign-in page');

    // The skip link is the first tab stop.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Direct naar de inhoud');

    // A wrong password: an error summary takes focus, and the page stays accessible.
    await tabTo(page, 'sign-in-email');
    await page.keyboard.type(demoUser('beheerder'));
    await page.keyboard.press('Tab');
    await page.keyboard.type('niet-het-goede-wachtwoord');
    // Enter in the password field submits (again after waiting, if the real sign-in limit answers first).
    expect(await submitSignIn(page, () => page.locator('#sign-in-password').press('Enter'))).toBe(401);
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('dichter-error-summary'))).toBe(true);
    expect(await page.locator('.dichter-error-summary').innerText()).toMatch(/Dat is niet gelukt/);
    await expectAccessible(page, 'sign-in page with an error');

    // Now the right password, still by keyboard.
    await page.keyboard.press('Tab');
    await tabTo(page, 'sign-in-password');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(DEMO_PASSWORD);
    await submitSignIn(page, () => page.locator('#sign-in-password').press('Enter'));
    await expectHeading(page, 'Mijn werkruimtes');
    expect(await page.getByRole('link', { name: 'Nieuw-West Verbindt' }).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'workspace list');

    // Focus moved to the new page's heading.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    // Signing out from the account menu returns to the sign-in page.
    await page.getByRole('button', { name: /^Account van Demo Beheerder/ }).click();
    await expectAccessible(page, 'open account menu');
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await expectHeading(page, 'Inloggen');
    expect(await page.locator('.dichter-notice-area').innerText()).toMatch('U bent uitgelogd.');
    await page.goto('/w/nieuw-west-verbindt');
    await expectHeading(page, 'Inloggen');
    expect(problems).toEqual([]);
    await context.close();
  });
});
