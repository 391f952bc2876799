import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, expectHeading, expectNotice, launchBrowser, openPage, signIn } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('API tokens', () => {
  it('shows a new token once, and revokes it after asking', async () => {
    const { page, context, problems } = await openPage(browser);
    await signIn(page, 'professional@demo.dichter.nl');
    await page.getByRole('button', { name: /^Account van/ }).click();
    await page.getByRole('link', { name: 'API-tokens' }).click();
    await expectHeading(page, 'API-tokens');
    await expectAccessible(page, 'tokens (empty)');

    await page.getByLabel('Naam', { exact: true }).fill('Koppeling zaaksysteem');
    await page.getByRole('button', { name: 'Nieuw token maken' }).click();
    const token = await page.getByLabel('Token', { exact: true }).inputValue();
    expect(token.length).toBeGreaterThan(20);
    await expectAccessible(page, 'tokens (new token shown)');
    // The token works against the API.
    const me = await fetch(`${baseUrl()}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);

    await page.getByRole('button', { name: 'Token Koppeling zaaksysteem intrekken' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Intrekken' }).click();
    await expectNotice(page, 'Token "Koppeling zaaksysteem" is ingetrokken.');
    expect(await page.getByRole('row').filter({ hasText: 'Koppeling zaaksysteem' }).innerText()).toMatch(/Ingetrokken op/);
    expect((await fetch(`${baseUrl()}/api/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    expect(problems).toEqual([]);
    await context.close();
  });
});
