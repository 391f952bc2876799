import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INSTALLATION_ADMIN } from './global-setup';
import { DEMO_PASSWORD, DEMO_SLUG, demoUser, expectAccessible, expectHeading, launchBrowser, openPage, signIn, type Session } from './helpers';

/*
 * The debt counsellor's settlement calculator (Jongeren Perspectief Fonds): she enters the
 * repayment capacity and the debts by keyboard, with euros typed the Dutch way, and reads what
 * each creditor is offered — the example: €3,600 available against €8,000 concurrent and
 * €2,000 preferential debt gives 30,00 % and 60,00 %. Then a mistake, and the page on a phone.
 */

let browser: Browser;
let s: Session;
const page = () => s.page;
const norm = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
const activeId = (p: Page) => p.evaluate(() => document.activeElement?.id ?? '');
const overflow = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const debt = (n: number) => page().getByRole('group', { name: `Schuld ${n}`, exact: true });
const rowTexts = (p: Page) => p.locator('.yd-offer-table tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => (c as HTMLElement).innerText)));

beforeAll(async () => {
  browser = await launchBrowser();
  s = await openPage(browser);
  await signIn(s.page);
});
afterAll(async () => {
  await browser?.close();
});

describe('youth debt: the settlement calculator', () => {
  it('is in the menu and explains what to do before anything is entered', async () => {
    const p = page();
    await p.goto(`/w/${DEMO_SLUG}`);
    await p.getByRole('link', { name: 'Schuldenaanpak jongeren' }).first().click();
    await expectHeading(p, 'Schuldenaanpak jongeren');
    expect(p.url()).toMatch(/\/schuldenaanpak$/);
    await p.getByRole('link', { name: 'Schikkingsvoorstel berekenen' }).click();
    await expectHeading(p, 'Schikkingsvoorstel berekenen');
    expect(p.url()).toMatch(/\/schuldenaanpak\/voorstel-berekenen$/);
    await expect.poll(() => p.getByText('Het voorstel verschijnt hier.').isVisible()).toBe(true);
    await expect.poll(() => p.getByText(/krijgen 2 × het percentage van de concurrente schuldeisers/).isVisible()).toBe(true);
    await expectAccessible(p, 'calculator, empty');
  });

  it('calculates the issue’s example by keyboard: 30,00 % concurrent, 60,00 % preferential, €3.600 in total', async () => {
    const p = page();
    await p.getByLabel('Aflossingscapaciteit per maand (euro)').fill('200,00');
    await expect.poll(() => p.getByLabel('Looptijd (maanden)').inputValue()).toBe('18');
    await debt(1).getByLabel('Schuldeiser').fill('Webwinkel');
    await debt(1).getByLabel('Bedrag (euro)').fill('8.000,00');

    // Add a row with the keyboard: the focus lands in its creditor field.
    await p.getByRole('button', { name: 'Schuld toevoegen' }).focus();
    await p.keyboard.press('Enter');
    await expect.poll(() => debt(2).isVisible()).toBe(true);
    const second = await debt(2).getByLabel('Schuldeiser').getAttribute('id');
    await expect.poll(() => activeId(p)).toBe(second);
    await p.keyboard.type('Belastingdienst');
    await p.keyboard.press('Tab');
    await p.keyboard.type('2.000');
    await p.keyboard.press('Tab');
    await p.keyboard.press('Space');
    expect(await debt(2).getByLabel('Preferent (bijvoorbeeld de Belastingdienst)').isChecked()).toBe(true);

    // A third row, removed again by keyboard: the focus goes back to the row before it.
    await p.getByRole('button', { name: 'Schuld toevoegen' }).press('Enter');
    await expect.poll(() => debt(3).isVisible()).toBe(true);
    await p.getByRole('button', { name: 'Schuld 3 verwijderen' }).press('Enter');
    await expect.poll(() => debt(3).count()).toBe(0);
    await expect.poll(() => activeId(p)).toBe(second);

    await p.getByRole('button', { name: 'Voorstel berekenen' }).click();
    await expect.poll(() => p.locator('.yd-offer-table').isVisible()).toBe(true);
    await expect.poll(() => activeId(p)).toBe('yd-result-title');
    const summary = norm(await p.locator('.yd-result .utrecht-data-list').innerText());
    expect(summary).toContain('€ 3.600,00 (€ 200,00 per maand × 18 maanden)');
    expect(summary).toMatch(/Concurrente schuldeisers krijgen 30,00 %/);
    expect(summary).toMatch(/Preferente schuldeisers krijgen 60,00 %/);
    expect((await rowTexts(p)).map((r) => r.map(norm))).toEqual([
      ['Webwinkel (concurrent)', '€ 8.000,00', '30,00 %', '€ 2.400,00'],
      ['Belastingdienst (preferent)', '€ 2.000,00', '60,00 %', '€ 1.200,00'],
    ]);
    expect(norm(await p.locator('.yd-offer-table tfoot').innerText())).toBe('Totaal € 10.000,00 € 3.600,00');
    await expectAccessible(p, 'calculator with an offer');
  });

  it('splits uneven amounts so the payouts still add up to exactly €3.600,00', async () => {
    const p = page();
    await debt(1).getByLabel('Bedrag (euro)').fill('2.666,67');
    await expect.poll(() => p.getByText('U hebt de invoer gewijzigd.', { exact: false }).isVisible()).toBe(true);
    for (const [n, name, amount] of [
      [3, 'Energie', '2.666,67'],
      [4, 'Telecom', '2.666,66'],
    ] as const) {
      await p.getByRole('button', { name: 'Schuld toevoegen' }).click();
      await debt(n).getByLabel('Schuldeiser').fill(name);
      await debt(n).getByLabel('Bedrag (euro)').fill(amount);
    }
    await p.getByRole('button', { name: 'Voorstel berekenen' }).click();
    await expect.poll(async () => (await rowTexts(p)).length).toBe(4);
    const rows = (await rowTexts(p)).map((r) => r.map(norm));
    expect(rows.map((r) => r[3])).toEqual(['€ 800,00', '€ 1.200,00', '€ 800,00', '€ 800,00']);
    expect(norm(await p.locator('.yd-offer-table tfoot').innerText())).toBe('Totaal € 10.000,00 € 3.600,00');
    expect(await p.getByText('U hebt de invoer gewijzigd.', { exact: false }).count()).toBe(0);
  });

  it('points at a wrongly typed amount without calculating', async () => {
    const p = page();
    await debt(2).getByLabel('Bedrag (euro)').fill('twee');
    await p.getByRole('button', { name: 'Voorstel berekenen' }).click();
    const summary = p.locator('.dichter-error-summary');
    await expect.poll(() => summary.isVisible()).toBe(true);
    const link = summary.getByRole('link', { name: /Schuld 2: Bedrag \(euro\): Vul een bedrag in euro in/ });
    await link.click();
    expect(await activeId(p)).toBe(await debt(2).getByLabel('Bedrag (euro)').getAttribute('id'));
    expect(await debt(2).getByLabel('Bedrag (euro)').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(p, 'calculator with an error');
    await debt(2).getByLabel('Bedrag (euro)').fill('2.000');
    await p.getByRole('button', { name: 'Voorstel berekenen' }).click();
    await expect.poll(() => summary.count()).toBe(0);
  });

  it('works on a phone: no sideways scrolling, no axe violations', async () => {
    const p = page();
    await p.setViewportSize({ width: 375, height: 800 });
    await p.reload();
    await expectHeading(p, 'Schikkingsvoorstel berekenen');
    await p.getByLabel('Aflossingscapaciteit per maand (euro)').fill('200');
    await debt(1).getByLabel('Schuldeiser').fill('Webwinkel');
    await debt(1).getByLabel('Bedrag (euro)').fill('8000');
    await p.getByRole('button', { name: 'Schuld toevoegen' }).click();
    await debt(2).getByLabel('Schuldeiser').fill('Belastingdienst');
    await debt(2).getByLabel('Bedrag (euro)').fill('2000');
    await debt(2).getByLabel('Preferent (bijvoorbeeld de Belastingdienst)').check();
    await p.getByRole('button', { name: 'Voorstel berekenen' }).click();
    // On a phone every creditor is a card with its debt, percentage and payout: nothing to scroll sideways for.
    const cards = p.locator('.yd-offer-card');
    await expect.poll(() => cards.count()).toBe(2);
    expect(await p.locator('.yd-offer-table').count()).toBe(0);
    expect(norm(await cards.nth(0).innerText())).toBe('Webwinkel (concurrent) Schuld € 8.000,00 Percentage 30,00 % Uitkering € 2.400,00');
    expect(norm(await cards.nth(1).innerText())).toBe('Belastingdienst (preferent) Schuld € 2.000,00 Percentage 60,00 % Uitkering € 1.200,00');
    expect(await overflow(p)).toBeLessThanOrEqual(0);
    await expectAccessible(p, 'calculator on a phone');
    expect(s.problems).toEqual([]);
  });
});

describe('youth debt: participants by number, names only for their own coach and counsellor', () => {
  it('shows the beheerder the demo participants by number only, and a participant page with debts and offer', async () => {
    const p = page();
    await p.setViewportSize({ width: 1280, height: 900 });
    await p.goto(`/w/${DEMO_SLUG}/schuldenaanpak`);
    await expectHeading(p, 'Schuldenaanpak jongeren');
    const table = p.getByRole('region', { name: 'Deelnemers, op nummer' });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(60);
    const first = norm(await table.locator('tbody tr').first().innerText());
    expect(first).toMatch(/^JPF-0001 alleen op nummer/);
    expect(await table.getByText('alleen op nummer').count()).toBe(60);
    // The beheerder keeps the settings that every offer uses.
    expect(await p.getByRole('region', { name: 'Instellingen voor schikkingsvoorstellen' }).getByLabel('Looptijd (maanden)').inputValue()).toBe('18');
    await expectAccessible(p, 'youth debt overview');

    await p.getByLabel('Status', { exact: true }).selectOption('uitgevallen');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(5);
    await p.getByLabel('Status', { exact: true }).selectOption('');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(60);

    await table.getByRole('link', { name: 'JPF-0001', exact: true }).click();
    await expectHeading(p, 'JPF-0001');
    await expect.poll(() => p.getByText('Naam, contactgegevens en geboortedatum ziet alleen de eigen jongerenbegeleider').isVisible()).toBe(true);
    await expect.poll(() => p.getByText('u ziet alleen hoeveel het er zijn', { exact: false }).isVisible()).toBe(true);
    const offer = p.getByRole('region', { name: 'Aanbod per schuldeiser' });
    await expect.poll(() => offer.locator('tbody tr').count()).toBeGreaterThan(1);
    await expectAccessible(p, 'participant page (by number)');
  });

  it('shows the coach the names of their own participants', async () => {
    const coach = await openPage(browser);
    try {
      await signIn(coach.page, demoUser('professional'), DEMO_PASSWORD);
      await coach.page.goto(`/w/${DEMO_SLUG}/schuldenaanpak`);
      const table = coach.page.getByRole('region', { name: 'Deelnemers, op nummer' });
      await expect.poll(() => table.locator('tbody tr').count()).toBe(60);
      // Jeroen coaches 50 of the 60; the programme manager the other 10 (JPF-0006, -0012, …).
      expect(await table.getByText('alleen op nummer').count()).toBe(10);
      const row = norm(await table.locator('tbody tr').first().innerText());
      expect(row).not.toMatch(/alleen op nummer/);
      await table.getByRole('link', { name: 'JPF-0001', exact: true }).click();
      await expectHeading(coach.page, /^JPF-0001 – \S+/);
      await expect.poll(() => coach.page.getByText('U ziet de naam en contactgegevens omdat u de jongerenbegeleider of schuldhulpverlener van deze deelnemer bent', { exact: false }).isVisible()).toBe(true);
      await expectAccessible(coach.page, 'participant page (coach)');

      // The coach registers a new participant with the counsellor, then records two debts: the offer follows.
      const p = coach.page;
      await p.getByRole('link', { name: 'Terug naar de deelnemers' }).click();
      await p.getByRole('link', { name: 'Deelnemer aanmelden' }).click();
      await expectHeading(p, 'Deelnemer aanmelden');
      await p.getByLabel('Naam', { exact: true }).fill('Noa Testjongere');
      await p.getByLabel('Geboortedatum').fill('1990-03-01');
      await p.getByLabel('Jongerenbegeleider').selectOption({ label: 'Jeroen Bakker' });
      await p.getByLabel('Schuldhulpverlener').selectOption({ label: 'Kees Hoekstra' });
      await p.getByLabel('Inkomen per maand (euro)').fill('1.100');
      await p.getByLabel('Vrij te laten bedrag per maand (euro)').fill('900,00');
      await p.getByRole('button', { name: 'Aanmelden' }).click();
      // Too old without a recorded exception: the summary links to the field that needs it.
      const summary = p.locator('.dichter-error-summary');
      await expect.poll(() => summary.isVisible()).toBe(true);
      await summary.getByRole('link', { name: /Reden voor een uitzondering op de leeftijd/ }).click();
      expect(await activeId(p)).toBe('yd-p-exception');
      await expectAccessible(p, 'registration with an error');
      await p.getByLabel('Geboortedatum').fill('2004-03-01');
      await p.getByRole('button', { name: 'Aanmelden' }).click();
      await expectHeading(p, 'JPF-0061 – Noa Testjongere');
      await expect.poll(() => p.getByText('Deelnemer JPF-0061 aangemeld.').isVisible()).toBe(true);
      await expect.poll(() => p.getByText('Het voorstel volgt zodra', { exact: false }).count()).toBe(0);

      const record = async (creditor: string, amount: string) => {
        await p.getByLabel('Schuldeiser', { exact: true }).selectOption({ label: creditor });
        await p.getByLabel('Bedrag (euro)').fill(amount);
        await p.getByRole('button', { name: 'Schuld vastleggen' }).click();
        await expect.poll(() => p.getByText(`Schuld bij ${creditor} vastgelegd.`).isVisible()).toBe(true);
      };
      await record('Webwinkel Koopgraag', '8.000,00');
      await record('Belastingdienst', '2.000');
      const offer = p.getByRole('region', { name: 'Aanbod per schuldeiser' });
      await expect.poll(async () => (await offer.locator('tbody tr').allInnerTexts()).map(norm)).toEqual([
        'Webwinkel Koopgraag (concurrent) € 8.000,00 30,00 % € 2.400,00',
        'Belastingdienst (preferent) € 2.000,00 60,00 % € 1.200,00',
      ]);
      await expectAccessible(p, 'participant page with a new offer');

      // The tax office's letter goes with its debt: only the coach and counsellor see it.
      const debts = p.getByRole('region', { name: 'Schulden', exact: true });
      await debts.getByRole('button', { name: 'Documenten (0) bij Belastingdienst' }).click();
      const documents = p.getByRole('region', { name: /^Documenten bij de schuld aan Belastingdienst/ });
      await expect.poll(() => documents.getByText('Er zijn nog geen documenten bij deze schuld.', { exact: false }).isVisible()).toBe(true);
      expect(await p.evaluate(() => document.activeElement?.textContent)).toMatch(/^Documenten bij de schuld aan Belastingdienst/);
      const letter = '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n';
      await documents.getByLabel('Brief of overzicht (foto of pdf)').setInputFiles({ name: 'Aanslag 2025.pdf', mimeType: 'application/pdf', buffer: Buffer.from(letter, 'latin1') });
      await documents.getByRole('button', { name: 'Document toevoegen' }).click();
      await expect.poll(() => documents.getByRole('link', { name: 'Aanslag 2025.pdf (pdf downloaden)' }).isVisible()).toBe(true);
      await expect.poll(() => debts.getByRole('button', { name: 'Documenten (1) bij Belastingdienst' }).isVisible()).toBe(true);
      await expectAccessible(p, 'documents on a debt');

      // The counsellor's figures change: VTLB € 1.000 leaves € 100 a month, so the offer halves.
      expect(await p.getByLabel('Vrij te laten bedrag per maand (euro)').inputValue()).toBe('900,00');
      await p.getByLabel('Vrij te laten bedrag per maand (euro)').fill('1.000');
      await p.getByLabel('Status', { exact: true }).selectOption('actief');
      await p.getByRole('button', { name: 'Opslaan' }).click();
      await expect.poll(() => p.getByText('Status en bedragen opgeslagen.').isVisible()).toBe(true);
      await expect.poll(async () => (await offer.locator('tbody tr').allInnerTexts()).map(norm)).toEqual([
        'Webwinkel Koopgraag (concurrent) € 8.000,00 15,00 % € 1.200,00',
        'Belastingdienst (preferent) € 2.000,00 30,00 % € 600,00',
      ]);
      expect(norm(await p.locator('#yd-details').locator('xpath=..').innerText())).toContain('Aflossingscapaciteit per maand € 100,00');

      await p.setViewportSize({ width: 375, height: 800 });
      expect(await overflow(p)).toBeLessThanOrEqual(0);
      await expectAccessible(p, 'participant page on a phone');
      await p.getByRole('link', { name: 'Terug naar de deelnemers' }).click();
      await expect.poll(() => p.locator('.yd-participant-cards li').count()).toBe(61);
      expect(await overflow(p)).toBeLessThanOrEqual(0);
      await expectAccessible(p, 'participants on a phone');
      expect(coach.problems).toEqual([]);
    } finally {
      await coach.context.close();
    }
  });
});

describe('youth debt: the dashboard', () => {
  it('shows a lezer the approach in figures — charts with their tables, no names or numbers — without a violation', async () => {
    const reader = await openPage(browser);
    try {
      const p = reader.page;
      await signIn(p, demoUser('lezer'), DEMO_PASSWORD);
      await p.goto(`/w/${DEMO_SLUG}/schuldenaanpak`);
      await expectHeading(p, 'Schuldenaanpak jongeren');
      const section = p.locator('section', { has: p.getByRole('heading', { name: 'Dashboard', level: 2 }) });
      await expect.poll(() => section.getByRole('heading', { name: 'Deelnemers naar status', level: 3 }).isVisible()).toBe(true);
      // A lezer does not work on cases: the participants stay closed, the figures do not.
      await expect.poll(() => p.getByText(/De deelnemers en hun schulden zijn alleen te zien/).isVisible()).toBe(true);
      const summary = norm(await section.locator('p').nth(1).innerText());
      expect(summary).toMatch(/^6[01] deelnemers\. Samen \d+ schulden van in totaal € [\d.]+,\d\d; de mediane schuld per deelnemer met schulden is € [\d.]+,\d\d\.$/);
      // Each chart has its summary as caption and the same figures in a table.
      const chart = section.getByRole('img', { name: /^Deelnemers naar status: aanmelding \d+, intake \d+, actief \d+, afgerond \d+, uitgevallen 5\.$/ });
      await expect.poll(() => chart.isVisible()).toBe(true);
      const statusTable = section.getByRole('table', { name: 'Deelnemers naar status' });
      expect((await statusTable.locator('tbody tr').allInnerTexts()).map(norm)).toContain('uitgevallen 5');
      expect(await section.getByRole('img').count()).toBe(3);
      // The effect monitor (its own e2e file) adds two tables, one per respondent, once its figures have loaded.
      await expect.poll(() => section.getByRole('table', { name: /^Cijfers van de begeleiders/ }).isVisible()).toBe(true);
      expect(await section.getByRole('table').count()).toBe(8);
      expect(norm(await section.getByRole('table', { name: 'Uitgevallen deelnemers naar reden' }).innerText())).toMatch(/Reden Deelnemers/);
      const text = await section.innerText();
      expect(text).not.toMatch(/JPF-\d/);
      await expectAccessible(p, 'youth debt dashboard');

      await p.setViewportSize({ width: 375, height: 800 });
      await expectAccessible(p, 'youth debt dashboard on a phone');
      expect(reader.problems).toEqual([]);
    } finally {
      await reader.context.close();
    }
  });
});

describe('youth debt: the perspective plan, contacts, timeline and outcomes', () => {
  it('lets the coach add a goal and tick off a step, refuses a phone number in a contact note at the field, and asks before removing', async () => {
    const coach = await openPage(browser);
    try {
      const p = coach.page;
      await p.setViewportSize({ width: 1280, height: 900 });
      await signIn(p, demoUser('professional'), DEMO_PASSWORD);
      await p.goto(`/w/${DEMO_SLUG}/schuldenaanpak`);
      // The dashboard shows the plans' figures without names or numbers.
      const dashboard = p.locator('section', { has: p.getByRole('heading', { name: 'Dashboard', level: 2 }) });
      await expect.poll(() => dashboard.getByRole('heading', { name: 'Bereikte doelen per levensdomein', level: 3 }).isVisible()).toBe(true);
      await expect.poll(() => dashboard.getByRole('heading', { name: 'Uitkomsten aan het eind', level: 3 }).isVisible()).toBe(true);
      expect(norm(await dashboard.innerText())).toMatch(/Financiën \S+ van \d+ doelen bereikt/);

      await p.getByRole('region', { name: 'Deelnemers, op nummer' }).getByRole('link', { name: 'JPF-0001', exact: true }).click();
      await expectHeading(p, /^JPF-0001 – \S+/);
      const plan = p.getByRole('region', { name: 'Perspectiefplan', exact: true });
      await expect.poll(() => plan.getByRole('heading', { name: 'Financiën', level: 3 }).isVisible()).toBe(true);
      // The timeline starts at the intake on the start date; the coach sees the notes of their own participant.
      const timeline = p.getByRole('list', { name: 'Tijdlijn van de deelnemer' });
      expect(norm(await timeline.locator('li').first().innerText())).toMatch(/^\d{1,2} \S+ \d{4}: Intake$/);
      const contacts = p.getByRole('region', { name: 'Contacten', exact: true });
      await expect.poll(() => contacts.getByText('U ziet de notities omdat u de jongerenbegeleider').isVisible()).toBe(true);
      await expect.poll(() => p.getByRole('region', { name: 'Uitkomsten', exact: true }).getByRole('term').filter({ hasText: 'Schuldenvrij' }).isVisible()).toBe(true);
      await expectAccessible(p, 'participant plan, contacts, timeline and outcomes (coach)');

      // A new goal with two steps; ticking the first makes it 50 %.
      await plan.getByLabel('Levensdomein').selectOption('wonen');
      await plan.getByLabel('Doel', { exact: true }).fill('Een eigen kamer in de buurt');
      await p.locator('#yd-g-steps').fill('Inschrijven als woningzoekende\nReageren op kamers');
      await plan.getByRole('button', { name: 'Doel toevoegen' }).click();
      await expect.poll(() => plan.getByText('Doel ‘Een eigen kamer in de buurt’ toegevoegd.').isVisible()).toBe(true);
      let goal = plan.getByRole('article', { name: 'Een eigen kamer in de buurt' });
      const bar = goal.getByRole('progressbar', { name: 'Voortgang van ‘Een eigen kamer in de buurt’' });
      await expect.poll(() => bar.getAttribute('value')).toBe('0');
      await goal.getByRole('checkbox', { name: /^1\. Inschrijven als woningzoekende/ }).press('Space');
      await expect.poll(() => bar.getAttribute('value')).toBe('50');
      expect(norm(await goal.innerText())).toContain('Voortgang: 50 % (1 van 2 stappen klaar)');
      expect(await goal.getByRole('checkbox', { name: /^1\. Inschrijven als woningzoekende, klaar op / }).isChecked()).toBe(true);

      // Changing the goal: a sharper title and a third step; the step done stays done.
      await goal.getByRole('button', { name: 'Wijzigen' }).click();
      await expect.poll(() => goal.getByRole('heading', { name: 'Doel ‘Een eigen kamer in de buurt’ wijzigen' }).isVisible()).toBe(true);
      await goal.getByLabel('Doel', { exact: true }).fill('Een eigen kamer in Noord');
      await goal.getByLabel('Stappen').fill('Inschrijven als woningzoekende\nReageren op kamers\nHuurtoeslag aanvragen');
      await expectAccessible(p, 'editing a goal');
      await goal.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
      await expect.poll(() => plan.getByText('Doel ‘Een eigen kamer in Noord’ bijgewerkt.').isVisible()).toBe(true);
      goal = plan.getByRole('article', { name: 'Een eigen kamer in Noord' });
      await expect.poll(async () => norm(await goal.innerText())).toContain('Voortgang: 33 % (1 van 3 stappen klaar)');
      expect(await goal.getByRole('checkbox', { name: /^1\. Inschrijven als woningzoekende, klaar op / }).isChecked()).toBe(true);

      // A phone number in the note: refused, with the message at the field, and nothing saved.
      const rows = contacts.getByRole('table').locator('tbody tr');
      const before = await rows.count();
      await contacts.getByLabel('Soort contact').selectOption('telefonisch');
      await p.locator('#yd-c-note').fill('Afgesproken om terug te bellen op 06-12345678.');
      await contacts.getByRole('button', { name: 'Contact vastleggen' }).click();
      await expect.poll(() => p.locator('#yd-c-note').getAttribute('aria-invalid')).toBe('true');
      expect(await p.locator('#yd-c-note-error').innerText()).toMatch(/telefoonnummer/);
      expect(await p.locator('#yd-c-note').getAttribute('aria-describedby')).toContain('yd-c-note-error');
      expect(await rows.count()).toBe(before);
      await expectAccessible(p, 'contact form with a refused note');
      await p.locator('#yd-c-note').fill('Afgesproken om volgende week terug te bellen.');
      await contacts.getByRole('button', { name: 'Contact vastleggen' }).click();
      await expect.poll(() => rows.count()).toBe(before + 1);
      expect(norm(await rows.first().innerText())).toMatch(/telefonisch .*Afgesproken om volgende week terug te bellen\./);

      // The coach adds how long the call took.
      await rows.first().getByRole('button', { name: /^Contact van .* wijzigen$/ }).click();
      await expect.poll(() => contacts.getByRole('heading', { name: /^Contact van .* wijzigen$/ }).isVisible()).toBe(true);
      expect(await p.locator('#yd-ce-note').inputValue()).toBe('Afgesproken om volgende week terug te bellen.');
      await p.locator('#yd-ce-duration').fill('15');
      await expectAccessible(p, 'editing a contact');
      await contacts.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
      await expect.poll(() => contacts.getByText(/^Contact van .* bijgewerkt\.$/).isVisible()).toBe(true);
      await expect.poll(async () => norm(await rows.first().innerText())).toMatch(/telefonisch 15 min\. Afgesproken/);

      // A story from this contact becomes an observation of the workspace; the note is the first draft.
      await rows.first().getByRole('button', { name: /^Een verhaal uit het contact van .* delen$/ }).click();
      await expect.poll(() => contacts.getByRole('heading', { name: /^Verhaal delen uit het contact van / }).isVisible()).toBe(true);
      expect(await p.locator('#yd-s-text').inputValue()).toBe('Afgesproken om volgende week terug te bellen.');
      await p.locator('#yd-s-title').fill('Een vaste belafspraak werkt');
      await p.locator('#yd-s-text').fill('Door een vaste belafspraak op maandag houdt hij het contact vol; de achterstanden lopen niet meer op.');
      await expectAccessible(p, 'sharing a story from a contact');
      await contacts.getByRole('button', { name: 'Verhaal delen' }).click();
      await expect.poll(() => contacts.getByText(/^Verhaal gedeeld als waarneming \d+\.$/).isVisible()).toBe(true);
      await expect.poll(() => rows.first().getByRole('link', { name: 'Gedeeld verhaal bekijken' }).isVisible()).toBe(true);

      // Removing asks first; cancelling keeps it, confirming removes it.
      await rows.first().getByRole('button', { name: /^Contact van .* verwijderen$/ }).click();
      const dialog = p.getByRole('dialog');
      await expect.poll(() => dialog.getByRole('heading', { name: /^Contact van .* verwijderen\?$/ }).isVisible()).toBe(true);
      await expectAccessible(p, 'confirming to remove a contact');
      await dialog.getByRole('button', { name: 'Annuleren' }).click();
      expect(await rows.count()).toBe(before + 1);
      await rows.first().getByRole('button', { name: /^Contact van .* verwijderen$/ }).click();
      await dialog.getByRole('button', { name: 'Contact verwijderen' }).click();
      await expect.poll(() => rows.count()).toBe(before);

      await goal.getByRole('button', { name: 'Verwijderen' }).click();
      await expect.poll(() => dialog.getByRole('heading', { name: 'Doel ‘Een eigen kamer in Noord’ verwijderen?' }).isVisible()).toBe(true);
      await dialog.getByRole('button', { name: 'Doel verwijderen' }).click();
      await expect.poll(() => goal.count()).toBe(0);
      await expect.poll(() => plan.getByText('Doel ‘Een eigen kamer in Noord’ verwijderd.').isVisible()).toBe(true);

      await p.setViewportSize({ width: 375, height: 800 });
      expect(await overflow(p)).toBeLessThanOrEqual(0);
      await expectAccessible(p, 'participant plan on a phone');
      expect(coach.problems).toEqual([]);
    } finally {
      await coach.context.close();
    }
  });

  it('shows the beheerder the plan and the contacts without their notes', async () => {
    const p = page();
    await p.setViewportSize({ width: 1280, height: 900 });
    await p.goto(`/w/${DEMO_SLUG}/schuldenaanpak`);
    await p.getByRole('region', { name: 'Deelnemers, op nummer' }).getByRole('link', { name: 'JPF-0001', exact: true }).click();
    await expectHeading(p, 'JPF-0001');
    const contacts = p.getByRole('region', { name: 'Contacten', exact: true });
    await expect.poll(() => contacts.getByText('De notities bij contacten ziet alleen de eigen jongerenbegeleider').isVisible()).toBe(true);
    await expect.poll(() => contacts.locator('tbody tr').count()).toBeGreaterThan(0);
    const notes = await contacts.locator('tbody tr td:nth-child(4)').allInnerTexts();
    expect(notes.every((n) => n === 'alleen voor begeleider en schuldhulpverlener')).toBe(true);
    // Only the coach and counsellor record contacts: no form for the beheerder.
    expect(await contacts.getByRole('button', { name: 'Contact vastleggen' }).count()).toBe(0);
    await expectAccessible(p, 'participant plan (beheerder)');
  });
});

describe('youth debt: the approach across the country', () => {
  it('shows the foundation (an administrator of the installation) every workspace in figures, and a workspace beheerder only why not', async () => {
    const p = page();
    await p.goto('/aanpak/schuldenaanpak');
    await expectHeading(p, 'Schuldenaanpak jongeren in het hele land');
    await expect.poll(() => p.getByText(/^Alleen beheerders van de installatie zien de aanpak in het hele land/).isVisible()).toBe(true);
    await p.goto(`/w/${DEMO_SLUG}/schuldenaanpak`);
    await expectHeading(p, 'Schuldenaanpak jongeren');
    expect(await p.getByRole('link', { name: 'bekijk de aanpak in het hele land' }).count()).toBe(0);

    const foundation = await openPage(browser);
    try {
      const f = foundation.page;
      await signIn(f, INSTALLATION_ADMIN);
      await f.goto('/aanpak/schuldenaanpak');
      await expectHeading(f, 'Schuldenaanpak jongeren in het hele land');
      const status = f.getByRole('table', { name: 'Deelnemers per werkruimte naar status, en opgeteld' });
      await expect.poll(() => status.locator('tbody tr').count()).toBe(2);
      // The demo's 60 (and whoever earlier steps registered) in five statuses and in total; one workspace, so the sum is the same.
      const first = norm(await status.locator('tbody tr').first().innerText());
      expect(first).toMatch(/^Nieuw-West Verbindt( \d+){6}$/);
      expect(norm(await status.locator('tbody tr').last().innerText())).toBe(first.replace('Nieuw-West Verbindt', 'Alle werkruimtes samen'));
      expect(await f.getByText(/Een cijfer over een groep van minder dan 5 deelnemers tonen we niet/).isVisible()).toBe(true);
      expect(norm(await f.getByRole('table', { name: /^Schulden per werkruimte/ }).innerText())).toMatch(/Nieuw-West Verbindt \d+ € [\d.]+,\d\d € [\d.]+,\d\d/);
      expect(await f.content()).not.toMatch(/JPF-\d/);
      await expectAccessible(f, 'approach across the country');
      expect(foundation.problems).toEqual([]);
    } finally {
      await foundation.context.close();
    }
  });
});

describe('youth debt: offers to creditors, letters, responses and the repayment ledger', () => {
  interface Line {
    participantId: string;
    participantNumber: string;
    offerStatus: string;
    response: string | null;
    creditorName: string;
  }
  const demoLines = async (p: Page): Promise<Line[]> => {
    const res = await p.request.get(`/api/w/${DEMO_SLUG}/youth-debt/offer-lines?limit=500`);
    expect(res.status()).toBe(200);
    return (await res.json()).items;
  };

  it('shows the coach the letters, the credit and the ledger, and records a payment and counter-performance by keyboard', async () => {
    const coach = await openPage(browser);
    try {
      const p = coach.page;
      await signIn(p, demoUser('professional'), DEMO_PASSWORD);
      const granted = (await demoLines(p)).find((l) => l.offerStatus === 'geaccepteerd')!;
      expect(granted).toBeTruthy();
      await p.goto(`/w/${DEMO_SLUG}/schuldenaanpak/deelnemers/${granted.participantId}`);
      await expectHeading(p, new RegExp(`^${granted.participantNumber} – `));
      const name = (await p.getByRole('heading', { level: 1 }).first().innerText()).split(' – ')[1];

      const letters = p.getByRole('region', { name: 'Verstuurd voorstel per schuldeiser' });
      await expect.poll(() => letters.locator('tbody tr').count()).toBeGreaterThan(1);
      const section = p.locator('section', { has: p.getByRole('heading', { name: 'Voorstel aan schuldeisers', level: 2 }) });
      expect(norm(await section.innerText())).toMatch(/Alle schuldeisers gingen akkoord\. Het krediet is verleend op \d+ \w+ \d{4}/);
      // The letter per creditor: HTML to open, PDF to download; the letter names the participant.
      const open = section.getByRole('link', { name: `Brief aan ${granted.creditorName} openen` });
      const href = await open.getAttribute('href');
      expect(await section.getByRole('link', { name: `Brief aan ${granted.creditorName} als PDF` }).getAttribute('href')).toBe(`${href}?format=pdf`);
      const letter = await p.request.get(href!);
      expect(letter.headers()['content-type']).toMatch(/^text\/html/);
      const html = norm(await letter.text());
      expect(html).toContain('Voorstel voor een schuldregeling');
      expect(html).toContain(`Namens ${name} (ons kenmerk ${granted.participantNumber})`);

      // The ledger: arrears because the last instalment is missing, one activity still unconfirmed.
      const ledger = p.locator('section', { has: p.getByRole('heading', { name: 'Aflossing en tegenprestatie', level: 2 }) });
      const totals = () => ledger.locator('.utrecht-data-list').first().innerText().then(norm);
      await expect.poll(totals).toMatch(/Achterstand € [\d.]+,\d\d/);
      expect(await totals()).toMatch(/Nog niet bevestigd 2 uur: telt mee zodra/);
      expect(norm(await ledger.innerText())).toContain('Een uur tegenprestatie is € 12,00 waard. Dat uurtarief is een instelling van de werkruimte');
      await expectAccessible(p, 'participant page with letters, credit and ledger');
      const paidBefore = (await totals()).match(/Betaald (€ [\d.]+,\d\d)/)![1];

      // A payment, typed and sent with Enter.
      await ledger.getByLabel('Bedrag (euro)').fill('25,00');
      await ledger.getByLabel('Bedrag (euro)').press('Enter');
      await expect.poll(() => ledger.getByText('Betaling van € 25,00 vastgelegd.').isVisible()).toBe(true);
      await expect.poll(totals).not.toContain(`Betaald ${paidBefore}`);

      // Hours that are not whole quarters: the summary links to the field.
      await ledger.getByLabel('Organisatie').fill('Voedselbank West');
      await ledger.getByLabel('Wat deed de jongere?').fill('Pakketten inpakken');
      await ledger.getByLabel('Uren', { exact: true }).fill('1,3');
      await ledger.getByRole('button', { name: 'Tegenprestatie vastleggen' }).click();
      const summary = ledger.locator('.dichter-error-summary');
      await expect.poll(() => summary.isVisible()).toBe(true);
      await summary.getByRole('link', { name: /Uren: Vul de uren in per kwartier/ }).click();
      expect(await activeId(p)).toBe('yd-act-hours');
      await expectAccessible(p, 'ledger with an error');
      await p.keyboard.press('Control+A');
      await p.keyboard.type('1,5');
      await ledger.getByLabel('Bevestigd door', { exact: true }).first().selectOption('coach');
      await ledger.getByRole('button', { name: 'Tegenprestatie vastleggen' }).click();
      await expect.poll(() => ledger.getByText('Tegenprestatie vastgelegd.').isVisible()).toBe(true);
      const rows = ledger.getByRole('region', { name: 'Betalingen en tegenprestaties' }).locator('tbody tr');
      await expect.poll(async () => (await rows.allInnerTexts()).map(norm).some((r) => /Pakketten inpakken \(Voedselbank West\).*1,5 uur × € 12,00.*€ 18,00.*door begeleider Jeroen Bakker/.test(r))).toBe(true);

      // The unconfirmed demo activity, confirmed on behalf of the host.
      const confirm = ledger.locator('form', { has: p.getByRole('button', { name: 'Uren bevestigen' }) });
      await confirm.getByLabel('Tegenprestatie').selectOption({ index: 1 });
      await confirm.getByLabel('Bevestigd door').selectOption('host');
      await confirm.getByLabel('Wie van de organisatie bevestigde?').fill('Jongerenwerker Sam');
      await confirm.getByRole('button', { name: 'Uren bevestigen' }).click();
      await expect.poll(() => ledger.getByText('Uren bevestigd: ze tellen nu mee.').isVisible()).toBe(true);
      await expect.poll(totals).not.toMatch(/Nog niet bevestigd/);
      await expectAccessible(p, 'ledger after recording');

      // The payment was a mistake: removed after a confirmation, the totals follow.
      const remove = ledger.getByRole('button', { name: /^De betaling van €\s25,00 op .* verwijderen$/ });
      await remove.click();
      const dialog = p.getByRole('dialog', { name: 'Boeking verwijderen?' });
      await expect.poll(() => dialog.isVisible()).toBe(true);
      await expectAccessible(p, 'remove entry dialog');
      await dialog.getByRole('button', { name: 'Verwijderen' }).click();
      await expect.poll(() => remove.count()).toBe(0);
      await expect.poll(totals).toContain(`Betaald ${paidBefore}`);

      await p.setViewportSize({ width: 375, height: 800 });
      expect(await overflow(p)).toBeLessThanOrEqual(0);
      await expectAccessible(p, 'letters and ledger on a phone');
      await p.setViewportSize({ width: 1280, height: 900 });
      expect(coach.problems).toEqual([]);
    } finally {
      await coach.context.close();
    }
  });

  it('shows the next step after a refusal, asks before sending a new offer, and grants the credit when every creditor accepts', async () => {
    const p = page();
    await p.setViewportSize({ width: 1280, height: 900 });
    const refused = (await demoLines(p)).find((l) => l.response === 'geweigerd' && l.offerStatus === 'verstuurd')!;
    expect(refused).toBeTruthy();
    await p.goto(`/w/${DEMO_SLUG}/schuldenaanpak/deelnemers/${refused.participantId}`);
    await expectHeading(p, refused.participantNumber);
    const section = p.locator('section', { has: p.getByRole('heading', { name: 'Voorstel aan schuldeisers', level: 2 }) });
    await expect.poll(() => section.getByRole('heading', { name: 'Volgende stap' }).isVisible()).toBe(true);
    const next = norm(await section.locator('.utrecht-alert').innerText());
    expect(next).toContain(`${refused.creditorName} weigert: Wil niet minder dan de helft van de vordering ontvangen. Nieuw voorstel doen of verzoek tot dwangakkoord (art. 287a Fw) overwegen.`);
    expect(next).toMatch(/doet een tegenvoorstel van € [\d.]+,\d\d\./);
    // The beheerder is not the coach: no letters, and the page says why.
    expect(await section.getByRole('link', { name: /^Brief aan/ }).count()).toBe(0);
    expect(norm(await section.innerText())).toContain('De brieven noemen de deelnemer bij naam.');
    await expectAccessible(p, 'offer with a refusal');

    // Sending again asks first; Escape cancels and sends nothing.
    await section.getByRole('button', { name: 'Nieuw voorstel versturen' }).click();
    const dialog = p.getByRole('dialog', { name: 'Voorstel versturen?' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(norm(await dialog.innerText())).toContain('Het openstaande voorstel 1 wordt vervangen');
    await expectAccessible(p, 'send offer dialog');
    await p.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(norm(await section.getByRole('status').first().innerText())).toMatch(/^Voorstel 1,/);
    await section.getByRole('button', { name: 'Nieuw voorstel versturen' }).click();
    await dialog.getByRole('button', { name: 'Voorstel versturen' }).click();
    await expect.poll(async () => norm(await section.getByRole('status').first().innerText())).toMatch(/^Voorstel 2, verstuurd op .*: 0 akkoord, 0 geweigerd, 0 tegenvoorstel, \d+ wacht op reactie\.$/);
    expect(norm(await section.innerText())).toMatch(/Eerdere voorstellen: voorstel 1 van .* \(vervangen\)\./);

    // Every creditor accepts, one by one, with the form.
    const form = section.locator('form');
    const options = (await form.getByLabel('Schuldeiser').locator('option').allInnerTexts()).slice(1);
    expect(options.length).toBeGreaterThan(1);
    for (const [i, option] of options.entries()) {
      await form.getByLabel('Schuldeiser').selectOption({ label: option });
      await form.getByLabel('Reactie', { exact: true }).selectOption('akkoord');
      await form.getByRole('button', { name: 'Reactie vastleggen' }).click();
      const creditor = option.replace(/ \(JPF-[^)]*\)$/, '');
      const saved = i === options.length - 1 ? 'Alle schuldeisers zijn akkoord: het krediet is verleend.' : `Reactie van ${creditor} vastgelegd.`;
      await expect.poll(() => section.getByText(saved, { exact: true }).isVisible()).toBe(true);
    }
    await expect.poll(() => section.getByText('Alle schuldeisers zijn akkoord: het krediet is verleend.').isVisible()).toBe(true);
    await expect.poll(() => section.getByRole('heading', { name: 'Krediet', level: 3 }).isVisible()).toBe(true);
    const debts = p.getByRole('region', { name: 'Schulden van deze deelnemer' });
    await expect.poll(async () => (await debts.locator('tbody tr').allInnerTexts()).every((r) => r.includes('geregeld'))).toBe(true);
    const ledger = p.locator('section', { has: p.getByRole('heading', { name: 'Aflossing en tegenprestatie', level: 2 }) });
    await expect.poll(async () => norm(await ledger.innerText())).toMatch(/Achterstand geen/);
    await expect.poll(() => ledger.getByText('Nog geen betalingen of tegenprestaties vastgelegd.').isVisible()).toBe(true);
    await expectAccessible(p, 'credit granted');
  });

  it('lets the programme edit the letter template and the hourly rate, naming an unknown placeholder at the field', async () => {
    const p = page();
    await p.goto(`/w/${DEMO_SLUG}/schuldenaanpak`);
    await expectHeading(p, 'Schuldenaanpak jongeren');
    const settings = p.getByRole('region', { name: 'Instellingen voor schikkingsvoorstellen' });
    const template = settings.getByLabel('Briefsjabloon');
    await expect.poll(async () => (await template.inputValue()).startsWith('Geachte heer, mevrouw,')).toBe(true);
    expect(await settings.getByLabel('Uurtarief maatschappelijke tegenprestatie (euro)').inputValue()).toBe('12,00');
    await template.fill('Beste {{schuldeiser}},\n\nVoor {{naam}} bieden wij {{aanbod}}.');
    await settings.getByRole('button', { name: 'Opslaan' }).last().click();
    const summary = settings.locator('.dichter-error-summary');
    await expect.poll(() => summary.isVisible()).toBe(true);
    await summary.getByRole('link', { name: /Briefsjabloon: .*onbekende plaatshouder: \{\{naam\}\}/ }).click();
    expect(await activeId(p)).toBe('yd-s-template');
    await expectAccessible(p, 'letter settings with an error');
    await template.fill('Beste {{schuldeiser}},\n\nVoor {{deelnemer}} bieden wij {{aanbod}}.');
    await settings.getByLabel('Uurtarief maatschappelijke tegenprestatie (euro)').fill('12,50');
    await settings.getByRole('button', { name: 'Opslaan' }).last().click();
    await expect.poll(() => settings.getByText('Briefsjabloon en uurtarief opgeslagen.').isVisible()).toBe(true);
    // Back to the default, so the demo stays as it was.
    await settings.getByLabel('Standaardsjabloon terugzetten').check();
    await settings.getByLabel('Uurtarief maatschappelijke tegenprestatie (euro)').fill('12,00');
    await settings.getByRole('button', { name: 'Opslaan' }).last().click();
    await expect.poll(async () => (await template.inputValue()).startsWith('Geachte heer, mevrouw,')).toBe(true);
  });
});
