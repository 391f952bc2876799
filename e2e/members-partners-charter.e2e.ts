import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SLUG, expectAccessible, expectHeading, expectNotice, launchBrowser, openPage, signIn, unique, type Session } from './helpers';

let browser: Browser;
let session: Session;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  session = await openPage(browser);
  page = session.page;
  await signIn(page);
});
afterAll(async () => {
  await browser?.close();
});

const nav = (name: string) => page.getByRole('navigation', { name: 'Menu van de werkruimte' }).getByRole('link', { name, exact: true });

describe('members', () => {
  it('adds a member and changes the role', async () => {
    await page.goto(`/w/${DEMO_SLUG}`);
    await expectHeading(page, 'Nieuw-West Verbindt');
    await nav('Leden').click();
    await expectHeading(page, 'Leden');
    await expectAccessible(page, 'members');

    const id = unique();
    const name = `Anouk de Wit ${id}`;
    await page.getByLabel('Naam', { exact: true }).fill(name);
    await page.getByLabel('E-mailadres', { exact: true }).fill(`anouk.${id}@gemeente.example`);
    await page.locator('#member-role').selectOption('beleidsadviseur');
    await page.getByRole('button', { name: 'Lid toevoegen' }).click();
    await expectNotice(page, `${name} is toegevoegd als beleidsadviseur.`);
    expect(await page.getByRole('rowheader', { name: new RegExp(name) }).count()).toBe(1);

    await page.getByLabel(`Rol van ${name}`, { exact: true }).selectOption('programmamanager');
    await page.getByRole('button', { name: `Rol van ${name} opslaan` }).click();
    await expectNotice(page, `${name} is nu programmamanager.`);

    // Removing asks first; cancelling keeps the member.
    await page.getByRole('button', { name: `${name} verwijderen` }).click();
    const dialog = page.getByRole('dialog', { name: `${name} verwijderen uit de werkruimte?` });
    await dialog.waitFor();
    await expectAccessible(page, 'members with confirmation dialog');
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    expect(await page.getByRole('rowheader', { name: new RegExp(name) }).count()).toBe(1);
    expect(session.problems).toEqual([]);
  });
});

describe('partners', () => {
  it('adds, edits and deletes a partner, asking before deleting', async () => {
    await nav('Partners').click();
    await expectHeading(page, 'Partners');
    await expectAccessible(page, 'partner list');
    await page.getByRole('link', { name: 'Partner toevoegen' }).click();
    await expectHeading(page, 'Partner toevoegen');

    // Without a name and kind: errors for both.
    await page.getByRole('button', { name: 'Partner toevoegen' }).click();
    await page.locator('.dichter-error-summary').waitFor();
    expect(await page.locator('#partner-name-error').count()).toBe(1);
    await expectAccessible(page, 'partner form with errors');

    const name = `Stichting Buurtkracht ${unique()}`;
    await page.getByLabel('Naam van de organisatie').fill(name);
    await page.getByLabel('Soort organisatie').selectOption('welzijn');
    await page.getByLabel('Website').fill('https://buurtkracht.example');
    await page.getByRole('button', { name: 'Partner toevoegen' }).click();
    await expectHeading(page, 'Partners');
    await expectNotice(page, `${name} is toegevoegd als partner.`);

    await page.getByRole('link', { name }).click();
    await expectHeading(page, `${name} wijzigen`);
    await expectAccessible(page, 'partner edit form');
    await page.getByLabel('Beschrijving').fill('Vrijwilligers die buren helpen met formulieren en geldzaken.');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expectNotice(page, `De gegevens van ${name} zijn opgeslagen.`);

    await page.getByRole('link', { name }).click();
    await expectHeading(page, `${name} wijzigen`);
    await page.getByRole('button', { name: 'Partner verwijderen' }).click();
    const dialog = page.getByRole('dialog', { name: `${name} verwijderen?` });
    await dialog.waitFor();
    await expectAccessible(page, 'partner delete confirmation');
    await dialog.getByRole('button', { name: 'Partner verwijderen' }).click();
    await expectHeading(page, 'Partners');
    await expectNotice(page, `${name} is verwijderd.`);
    expect(await page.getByRole('link', { name }).count()).toBe(0);
    expect(session.problems).toEqual([]);
  });
});

describe('charter', () => {
  it('adds a shared value and a signatory', async () => {
    await nav('Convenant').click();
    await expectHeading(page, 'Convenant');
    await expectAccessible(page, 'charter');

    const value = `Eerlijk delen ${unique()}`;
    await page.getByLabel('Waarde', { exact: true }).fill(value);
    await page.getByLabel('Toelichting').first().fill('Wat we samen verdienen, komt terecht bij wie het nodig heeft.');
    await page.getByRole('button', { name: 'Waarde toevoegen' }).click();
    await expectNotice(page, `De waarde "${value}" is toegevoegd.`);
    expect(await page.getByRole('heading', { level: 3, name: value }).count()).toBe(1);

    // Edit it in place.
    await page.getByRole('button', { name: `Waarde ${value} wijzigen` }).click();
    await page.locator('form').filter({ has: page.getByRole('button', { name: 'Annuleren' }) }).getByLabel('Waarde', { exact: true }).fill(`${value}!`);
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expectNotice(page, `De waarde "${value}!" is opgeslagen.`);

    await page.getByLabel('Partner', { exact: true }).selectOption({ label: 'Brede school De Tuinstad' });
    await page.getByLabel('Naam van de ondertekenaar').fill('Hanneke Smit');
    await page.getByLabel('Functie').fill('directeur');
    await page.getByLabel('Datum van ondertekening').fill('2024-05-01');
    await page.getByRole('button', { name: 'Ondertekening vastleggen' }).click();
    await expectNotice(page, 'De ondertekening door Hanneke Smit is vastgelegd.');
    const row = page.getByRole('row').filter({ hasText: 'Hanneke Smit' });
    expect(await row.innerText()).toMatch(/Brede school De Tuinstad[\s\S]*1 mei 2024/);
    await expectAccessible(page, 'charter after changes');
    expect(session.problems).toEqual([]);
  });
});
