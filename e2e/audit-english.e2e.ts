import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiSession, DEMO_PASSWORD, DEMO_SLUG, demoUser, expectAccessible, expectHeading, launchBrowser, openPage, signIn, submitSignIn, unique } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('audit log', () => {
  it('shows who changed what, named as it was then, with the values before and after', async () => {
    const call = await apiSession();
    // An entry of another module is named by that module ("Waarneming"), not by its raw name.
    const observation = await call<{ number: number }>('POST', `/api/w/${DEMO_SLUG}/observations`, { kind: 'idee', title: `Bankje bij de speeltuin ${unique()}`, text: 'Een bankje erbij voor de ouders.', visibility: 'workspace' });
    expect(observation.status).toBe(201);
    const name = `Huurdersvereniging ${unique()}`;
    const created = await call<{ id: string }>('POST', `/api/w/${DEMO_SLUG}/partners`, { name, type: 'bewonersgroep' });
    expect(created.status).toBe(201);
    expect((await call('PATCH', `/api/w/${DEMO_SLUG}/partners/${created.body.id}`, { type: 'overig' })).status).toBe(200);

    const { page, context, problems } = await openPage(browser);
    await signIn(page);
    await page.goto(`/w/${DEMO_SLUG}/audit`);
    await expectHeading(page, 'Auditlog');
    const table = page.getByRole('table', { name: 'Wijzigingen, nieuwste eerst' });
    await table.waitFor();
    const newest = table.locator('tbody tr').first();
    const text = await newest.innerText();
    expect(text).toMatch(/Demo Beheerder/);
    expect(text).toContain(`Partner '${name}' gewijzigd`);
    expect(text).toMatch(/soort[\s\S]*was: bewonersgroep[\s\S]*wordt: overig/);
    expect(await table.innerText()).toContain(`Partner '${name}' aangemaakt`);
    expect(await table.innerText()).toContain(`Waarneming '#${observation.body.number}' aangemaakt`);
    await expectAccessible(page, 'audit log');

    // Paging: the demo has more than one page of changes by now.
    const next = page.getByRole('button', { name: 'Volgende' });
    if ((await next.count()) && (await next.isEnabled())) {
      await next.click();
      await expect.poll(() => page.url()).toContain('vanaf=25');
      await expectAccessible(page, 'audit log page 2');
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});

/** Waits for the PATCH /api/me that saves the language in the account. */
async function savedLocale(page: Page) {
  const response = await page.waitForResponse((r) => r.url().endsWith('/api/me') && r.request().method() === 'PATCH');
  expect(response.status()).toBe(200);
}

describe('language', () => {
  it('switches to English and remembers it', async () => {
    const { page, context, problems } = await openPage(browser);
    await signIn(page);
    await page.goto(`/w/${DEMO_SLUG}/partners`);
    await expectHeading(page, 'Partners');
    // A signed-in person's choice is saved in their account as well.
    await Promise.all([savedLocale(page), page.getByRole('button', { name: 'Switch to English' }).click()]);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByRole('link', { name: 'Add a partner' }).count()).toBe(1);
    expect(await page.getByRole('navigation', { name: 'Workspace menu' }).innerText()).toMatch(/Overview[\s\S]*Charter[\s\S]*Members[\s\S]*Settings[\s\S]*Audit log/);
    expect(await page.title()).toBe('Partners – Nieuw-West Verbindt – dichter');
    await expectAccessible(page, 'partners in English');

    await page.goto(`/w/${DEMO_SLUG}/leden`);
    await expectHeading(page, 'Members');
    await page.getByRole('columnheader', { name: 'Member since' }).waitFor();
    expect(await page.locator('#member-role option').allInnerTexts()).toContain('Policy adviser');

    // Server messages come back in English too.
    await page.getByRole('button', { name: 'Add a member' }).click();
    await page.locator('.dichter-error-summary').waitFor();
    expect(await page.locator('.dichter-error-summary').innerText()).toMatch(/Some fields need your attention[\s\S]*This field is required/);
    await expectAccessible(page, 'members in English with errors');

    await Promise.all([savedLocale(page), page.getByRole('button', { name: 'Wissel naar Nederlands' }).click()]);
    await expectHeading(page, 'Leden');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('starts in the language saved in the account, unless this device remembers another', async () => {
    const email = demoUser('bestuur');
    const call = await apiSession(email);
    expect((await call('PATCH', '/api/me', { locale: 'en' })).status).toBe(200);
    const { page, context, problems } = await openPage(browser);
    try {
      await page.goto('/inloggen');
      await page.getByLabel('E-mailadres').fill(email);
      await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
      await submitSignIn(page, () => page.getByRole('button', { name: 'Inloggen' }).click());
      await expectHeading(page, 'My workspaces');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      await expectAccessible(page, 'workspaces in the account language');

      // A choice made on this device wins over the account's.
      await page.evaluate(() => localStorage.setItem('dichter.locale', 'nl'));
      await page.reload();
      await expectHeading(page, 'Mijn werkruimtes');
      expect(problems).toEqual([]);
    } finally {
      await call('PATCH', '/api/me', { locale: 'nl' });
      await context.close();
    }
  });
});
