import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, DEMO_SLUG, demoUser, DEMO_PASSWORD, expectAccessible, expectHeading, expectNotice, launchBrowser, openPage, signIn, unique, type Session } from './helpers';

/*
 * The member side of observations, as the people who use it: a professional on a phone records a
 * signal, the coordinator answers it from the inbox with a standard answer, the professional rates
 * the answer. Three sign-ins in all (sign-in is rate limited per minute).
 */

type Line = { id: string; code: string | null; title: string };
type Template = { id: string; title: string; body: string };

let browser: Browser;
let professional: Session;
let manager: Session;
let call: Awaited<ReturnType<typeof apiSession>>;
let line: Line;
let templates: Template[];
const run = unique();
const signalTitle = `Lift al weken kapot ${run}`;
let signalPath = '';
const ws = (rest: string) => `/w/${DEMO_SLUG}/${rest}`;

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

beforeAll(async () => {
  browser = await launchBrowser();
  call = await apiSession(demoUser('professional'));
  const lines = await call<{ items: Line[] }>('GET', `/api/w/${DEMO_SLUG}/ladder/nodes?rung=action_line&limit=500`);
  line = lines.body.items.find((n) => n.code === 'AL-024') ?? lines.body.items[0];
  templates = (await call<{ items: Template[] }>('GET', `/api/w/${DEMO_SLUG}/observation-templates`)).body.items;
  professional = await openPage(browser, { viewport: { width: 375, height: 740 } });
  await signIn(professional.page, demoUser('professional'), DEMO_PASSWORD);
  manager = await openPage(browser);
  await signIn(manager.page, demoUser('programmamanager'), DEMO_PASSWORD);
});
afterAll(async () => {
  await browser?.close();
});

describe('observations: record, answer, rate', () => {
  it('a professional on a phone records a signal linked to an action line in under 30 seconds, and sees who answers by when', async () => {
    const page = professional.page;
    // First look: the form passes axe and fits the phone.
    await page.goto(ws('waarnemingen/nieuw'));
    await expectHeading(page, 'Waarneming vastleggen');
    await page.getByRole('option', { name: `${line.code} ${line.title}` }).waitFor({ state: 'attached' });
    await expectAccessible(page, 'entry form (phone)');
    expect(await overflow(page), 'horizontal overflow on the entry form').toBeLessThanOrEqual(0);

    const started = Date.now();
    await page.goto(ws('waarnemingen/nieuw'));
    await expectHeading(page, 'Waarneming vastleggen');
    await page.getByRole('radio', { name: 'Signaal' }).check();
    await page.getByLabel('Titel', { exact: true }).fill(signalTitle);
    await page.getByLabel(/^Beschrijving/).fill('De lift in de flat staat al twee weken stil. Oudere bewoners op de vierde verdieping komen hun huis niet meer uit.');
    await page.getByLabel('Zoek een actielijn').fill(line.code ?? line.title);
    await page.getByLabel('Kies een actielijn').selectOption(line.id);
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await expectHeading(page, signalTitle);
    const elapsed = Date.now() - started;
    expect(elapsed, `recording took ${elapsed} ms`).toBeLessThan(30_000);
    console.info(`observation recorded on a phone in ${elapsed} ms (page load to saved page)`);
    signalPath = new URL(page.url()).pathname;
    expect(signalPath).toMatch(new RegExp(`/w/${DEMO_SLUG}/waarnemingen/[0-9a-f-]{36}$`));

    await expectNotice(page, /^Waarneming vastgelegd als nummer \d+\. Doorgestuurd naar Samira El Idrissi — antwoord uiterlijk \d+ \w+ \d{4}\.$/);
    await page.getByText(/^Doorgestuurd naar Samira El Idrissi — antwoord uiterlijk \d+ \w+ \d{4}\.$/).waitFor();
    const link = page.getByRole('link', { name: `${line.code} ${line.title}` });
    expect(await link.getAttribute('href')).toBe(ws(`ladder/knoop/${line.id}`));
    expect(await page.locator('.utrecht-data-list').innerText()).toMatch(/Eigenaar\s+Samira El Idrissi/);
    expect(await page.locator('.utrecht-data-list').innerText()).toMatch(/Antwoord uiterlijk\s+\d+ \w+ \d{4} \(nog \d+ dagen\)/);
    await expectAccessible(page, 'observation page (phone)');
    expect(await overflow(page), 'horizontal overflow on the observation page').toBeLessThanOrEqual(0);

    // A photo of the situation goes with it, shown as a thumbnail.
    const attachments = page.getByRole('region', { name: 'Bijlagen' });
    const photo = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
    await attachments.getByLabel('Bestand toevoegen').setInputFiles({ name: 'fietsenstalling.png', mimeType: 'image/png', buffer: photo });
    await attachments.getByRole('button', { name: 'Bijlage toevoegen' }).click();
    await expect.poll(() => attachments.getByRole('link', { name: 'fietsenstalling.png (foto openen)' }).isVisible()).toBe(true);
    await expectAccessible(page, 'observation page with a photo (phone)');
  });

  it('warns about a BSN in a public observation and does not save it until the BSN is removed', async () => {
    const page = professional.page;
    const title = `Gesprek bij de voedselbank ${run}`;
    await page.goto(ws('waarnemingen/nieuw'));
    await expectHeading(page, 'Waarneming vastleggen');
    await page.getByRole('radio', { name: 'Verhaal' }).check();
    await page.getByLabel('Titel', { exact: true }).fill(title);
    const text = page.getByLabel(/^Beschrijving/);
    await text.fill('Een vader liet zijn BSN 111222333 zien en vroeg hoe hij zich kon aanmelden.');
    await page.getByRole('radio', { name: 'Openbaar' }).check();
    // Leaving the text field starts the check.
    const warning = page.getByRole('group', { name: 'De tekst lijkt persoonsgegevens te bevatten' });
    await warning.waitFor();
    expect(await warning.innerText()).toMatch(/een BSN in de beschrijving: \W?111222333/);
    await expectAccessible(page, 'entry form with the personal data warning (phone)');

    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('obs-privacy');
    expect(new URL(page.url()).pathname).toBe(ws('waarnemingen/nieuw'));
    const stored = await call<{ total: number }>('GET', `/api/w/${DEMO_SLUG}/observations?q=${encodeURIComponent(`voedselbank ${run}`)}&limit=1`);
    expect(stored.body.total).toBe(0);

    await warning.getByRole('button', { name: 'Gevonden gegevens weghalen' }).click();
    await expect.poll(() => text.inputValue()).toBe('Een vader liet zijn BSN [BSN verwijderd] zien en vroeg hoe hij zich kon aanmelden.');
    await warning.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await expectHeading(page, title);
    expect(await page.locator('.utrecht-data-list').innerText()).toMatch(/Zichtbaarheid\s+Openbaar/);
    expect(await page.locator('section[aria-labelledby=obs-body]').innerText()).toContain('[BSN verwijderd]');
    expect(await page.locator('main').innerText()).not.toContain('111222333');
  });

  it('the coordinator finds the signal in the inbox and answers it with a standard answer', async () => {
    const page = manager.page;
    await page.goto(ws('inbox'));
    await expectHeading(page, 'Mijn inbox');
    await page.getByText(/^\d+ waarnemingen? wachte?n? op uw antwoord\./).waitFor();
    const card = page.locator('.obs-card').filter({ has: page.getByRole('link', { name: signalTitle }) });
    await card.waitFor();
    expect(await card.innerText()).toMatch(/nog \d+ dagen|uiterlijk (vandaag|morgen)/);
    await expectAccessible(page, 'inbox');

    await card.getByRole('link', { name: signalTitle }).click();
    await expectHeading(page, signalTitle);
    await page.getByRole('button', { name: 'Beantwoorden', exact: true }).click();
    const template = templates[0];
    await page.getByLabel('Standaardantwoord invoegen').selectOption({ label: template.title });
    const answer = page.getByLabel('Antwoord', { exact: true });
    await expect.poll(() => answer.inputValue()).toBe(template.body);
    await expectAccessible(page, 'answer form');
    await page.getByRole('button', { name: 'Antwoord versturen' }).click();
    await expectNotice(page, 'De waarneming is nu beantwoord.');
    const history = page.locator('section[aria-labelledby=obs-history]');
    await expect.poll(() => history.innerText()).toMatch(/nieuw\s*→?\s*naar\s+beantwoord/);
    expect(await history.innerText()).toContain(template.body);
    await expectAccessible(page, 'observation page after answering');
  });

  it('the professional sees the answer and says it helped', async () => {
    const page = professional.page;
    await page.goto(signalPath);
    await expectHeading(page, signalTitle);
    const history = page.locator('section[aria-labelledby=obs-history]');
    expect(await history.innerText()).toContain(templates[0].body);
    const rate = page.locator('section[aria-labelledby=obs-rate]');
    await rate.getByRole('radio', { name: '4 – goed' }).check();
    await rate.getByLabel(/^Toelichting/).fill('De monteur kwam de volgende dag.');
    await rate.getByRole('button', { name: 'Versturen' }).click();
    await expectNotice(page, 'Dank u wel. Uw oordeel is opgeslagen.');
    await expect.poll(() => page.locator('.utrecht-data-list').innerText()).toMatch(/Hielp het antwoord\?\s+4 van 5 — De monteur kwam de volgende dag\./);
    expect(await history.innerText()).toContain('Oordeel over het antwoord');

    // The professional's inbox: nothing to answer, and what they reported with its status.
    await page.goto(ws('inbox'));
    await expectHeading(page, 'Mijn inbox');
    await page.getByRole('heading', { name: 'Niets wacht op uw antwoord.' }).waitFor();
    const mine = page.locator('section[aria-labelledby=obs-mine] .obs-card').filter({ has: page.getByRole('link', { name: signalTitle }) });
    expect(await mine.innerText()).toContain('beantwoord');
    await expectAccessible(page, 'inbox (phone)');

    // The list on a phone: cards instead of a table; the professional may not export.
    await page.goto(ws('waarnemingen'));
    await expectHeading(page, 'Waarnemingen');
    await page.locator('.obs-cards .obs-card').first().waitFor();
    expect(await page.locator('table').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'CSV' }).count()).toBe(0);
    expect(await overflow(page), 'horizontal overflow on the list').toBeLessThanOrEqual(0);
    await expectAccessible(page, 'list (phone)');
    expect(professional.problems).toEqual([]);
  });

  it('finds "wijkteam" when searching for "wijkteams", with the filters in the URL', async () => {
    const page = manager.page;
    const title = `Overleg over de buurtkamer ${run}`;
    const created = await call<{ id: string }>('POST', `/api/w/${DEMO_SLUG}/observations`, {
      kind: 'idee',
      title,
      text: 'Het wijkteam wil de buurtkamer ook op zaterdag openen.',
      visibility: 'workspace',
    });
    expect(created.status).toBe(201);
    await page.goto(ws('waarnemingen'));
    await expectHeading(page, 'Waarnemingen');
    await page.getByRole('table').waitFor();
    await expectAccessible(page, 'list');
    expect(await page.getByRole('link', { name: 'CSV' }).count()).toBe(1);

    await page.getByRole('searchbox', { name: 'Zoeken' }).fill(`wijkteams ${run}`);
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('zoek')).toBe(`wijkteams ${run}`);
    await page.getByRole('status').filter({ hasText: '1 waarneming gevonden.' }).waitFor();
    await page.getByRole('link', { name: title }).waitFor();
    expect(decodeURIComponent((await page.getByRole('link', { name: 'CSV' }).getAttribute('href')) ?? '')).toContain(`q=wijkteams+${run}`);

    // A filter with its count, kept in the URL.
    await page.getByRole('searchbox', { name: 'Zoeken' }).fill('wijkteams');
    await page.getByLabel('Soort', { exact: true }).selectOption('idee');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('soort')).toBe('idee');
    await page.getByRole('link', { name: title }).waitFor();
    expect(await page.getByLabel('Soort', { exact: true }).locator('option:checked').innerText()).toMatch(/^Idee \(\d+\)$/);
    await page.reload();
    await page.getByRole('link', { name: title }).waitFor();
    expect(await page.getByRole('searchbox', { name: 'Zoeken' }).inputValue()).toBe('wijkteams');
  });

  it('the coordinator keeps the standard answers', async () => {
    const page = manager.page;
    await page.goto(ws('waarnemingen'));
    await expectHeading(page, 'Waarnemingen');
    await page.getByRole('link', { name: 'Standaardantwoorden' }).click();
    await expectHeading(page, 'Standaardantwoorden');
    await page.locator('.obs-card').first().waitFor();
    await expectAccessible(page, 'standard answers');

    const title = `Bedankt ${run}`;
    const add = page.locator('section[aria-labelledby=obs-templates-add]');
    await add.getByLabel('Titel', { exact: true }).fill(title);
    await add.getByLabel('Tekst', { exact: true }).fill('Dank voor uw signaal. We komen erop terug.');
    await add.getByRole('button', { name: 'Toevoegen' }).click();
    await expectNotice(page, `Standaardantwoord "${title}" toegevoegd.`);
    const card = page.locator('.obs-card').filter({ has: page.getByRole('heading', { name: title }) });
    await card.getByRole('button', { name: `Wijzigen: ${title}` }).click();
    await card.getByLabel('Tekst', { exact: true }).fill('Dank voor uw signaal. We komen er binnen een week op terug.');
    await card.getByRole('button', { name: 'Opslaan' }).click();
    await expectNotice(page, `Standaardantwoord "${title}" opgeslagen.`);
    await card.getByText('binnen een week').waitFor();
    await card.getByRole('button', { name: `Verwijderen: ${title}` }).click();
    const dialog = page.getByRole('dialog', { name: `Standaardantwoord "${title}" verwijderen?` });
    await dialog.waitFor();
    await expectAccessible(page, 'delete confirmation');
    await dialog.getByRole('button', { name: 'Verwijderen' }).click();
    await expectNotice(page, `Standaardantwoord "${title}" verwijderd.`);
    expect(await page.getByRole('heading', { name: title }).count()).toBe(0);
    expect(manager.problems).toEqual([]);
  });

  it('the coordinator imports the team’s old signal list: refused rows first, then every row, routed', async () => {
    const page = manager.page;
    await page.goto(ws('waarnemingen'));
    await expectHeading(page, 'Waarnemingen');
    await page.getByRole('link', { name: 'Importeren uit een spreadsheet' }).click();
    await expectHeading(page, 'Waarnemingen importeren');
    await page.getByRole('table', { name: 'Kolommen van het importbestand' }).waitFor();
    await expectAccessible(page, 'observation import');

    const leak = `Lekkage bergingen ${run}`;
    const sheet = (secondKind: string) =>
      `kind;title;text;ladderNodes;occurredAt\r\nsignaal;${leak};Water in de bergingen onder de flat.;${line.code ?? line.title};03-11-2026\r\n${secondKind};Buurtmoeders starten huiswerkklas ${run};Elke woensdag.;;\r\n`;
    const upload = async (content: string) => {
      await page.getByLabel('Bestand', { exact: true }).setInputFiles({ name: 'signalenlijst.csv', mimeType: 'text/csv', buffer: Buffer.from(content) });
      await page.getByRole('button', { name: 'Importeren', exact: true }).click();
    };
    await upload(sheet('verhaaltje'));
    const refused = page.getByRole('table', { name: 'Rijen met een fout' });
    await refused.waitFor();
    expect(await refused.innerText()).toMatch(/3\s+Kolom kind: /);
    await page.getByText('Er is niets opgeslagen.').waitFor();
    await expectAccessible(page, 'observation import refused rows');

    await upload(sheet('verhaal'));
    await page.getByRole('heading', { level: 2, name: 'Het bestand is ingelezen' }).waitFor();
    const report = await page.locator('#observations-import-report').locator('..').innerText();
    expect(report).toMatch(/Nieuwe waarnemingen\s*2/);
    expect(report).toMatch(/Naar de inbox van een eigenaar\s*1/);
    await expectAccessible(page, 'observation import report');

    await page.getByRole('link', { name: 'Naar de waarnemingen', exact: true }).click();
    await expectHeading(page, 'Waarnemingen');
    await page.getByRole('searchbox', { name: 'Zoeken' }).fill(leak);
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.getByRole('link', { name: leak }).click();
    await page.getByText('Overgenomen uit signalenlijst.csv, rij 2.').waitFor();
    expect(manager.problems).toEqual([]);
  });
});
