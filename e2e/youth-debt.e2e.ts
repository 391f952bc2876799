import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
      await expect.poll(() => coach.page.getByText('omdat u de jongerenbegeleider of schuldhulpverlener van deze deelnemer bent').isVisible()).toBe(true);
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
      expect(await section.getByRole('table').count()).toBe(6);
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
