import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, baseUrl, DEMO_PASSWORD, DEMO_SLUG, demoUser, expectAccessible, expectHeading, launchBrowser, openPage, signIn } from './helpers';

/*
 * The effect monitor's questionnaire (Jongeren Perspectief Fonds): the coach makes a private link,
 * the young person opens it on a phone (375 × 667) without an account, answers seven questions of
 * 1–10 — one by keyboard — and sees the thank-you; the link then says it was used. The coach sees
 * it filled in on the participant's page, fills in their own questionnaire, makes and revokes a
 * link (after confirming), and every member sees the score development on the dashboard.
 */

let browser: Browser;
const norm = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
const overflow = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const activeId = (p: Page) => p.evaluate(() => document.activeElement?.id ?? '');

type Call = Awaited<ReturnType<typeof apiSession>>;
interface Moment {
  moment: number;
  jongere: { state: string };
  begeleider: { state: string };
}
let coachCall: Call;
/** Two of the coach's running participants, each with a questionnaire for the young person that is due and not filled in. */
const open: { participant: { id: string; number: string }; moment: number }[] = [];
let participant: { id: string; number: string };
let moment: number;
let linkPath = '';
const title = (m: number) => (m === 0 ? 'Vragenlijst bij de start' : `Vragenlijst na ${m} maanden`);
const momentLabel = (m: number) => (m === 0 ? 'Start (intake)' : `Na ${m} maanden`);

beforeAll(async () => {
  browser = await launchBrowser();
  coachCall = await apiSession(demoUser('professional'));
  const list = await coachCall<{ items: { id: string; number: string; status: string; name: string | null }[] }>('GET', `/api/w/${DEMO_SLUG}/youth-debt/participants?status=actief&limit=500`);
  for (const p of list.body.items.filter((x) => x.name !== null)) {
    const q = await coachCall<{ moments: Moment[] }>('GET', `/api/w/${DEMO_SLUG}/youth-debt/participants/${p.id}/questionnaires`);
    const due = q.body.moments.find((m) => m.jongere.state === 'open' || m.jongere.state === 'te_laat');
    if (due) open.push({ participant: p, moment: due.moment });
    if (open.length === 2) break;
  }
  expect(open.length, 'two demo participants with an open questionnaire').toBe(2);
  ({ participant, moment } = open[0]);
  const made = await coachCall<{ path: string }>('POST', `/api/w/${DEMO_SLUG}/youth-debt/participants/${participant.id}/questionnaire-links`, { moment });
  expect(made.status).toBe(201);
  linkPath = made.body.path;
});
afterAll(async () => {
  await browser?.close();
});

describe('youth debt: the young person’s questionnaire on a phone, without an account', () => {
  it('opens the private link at 375 × 667, is filled in by touch and keyboard, and thanks the young person', async () => {
    const phone = await openPage(browser, { viewport: { width: 375, height: 667 } });
    try {
      const p = phone.page;
      await p.goto(linkPath);
      await expectHeading(p, title(moment));
      // No name, no participant number, no sign-in.
      const text = await p.locator('main').innerText();
      expect(text).not.toMatch(/JPF-\d/);
      expect(await p.getByRole('link', { name: 'Inloggen' }).count()).toBeLessThanOrEqual(1);
      expect(await p.getByRole('group').count()).toBe(7);
      expect(await overflow(p)).toBeLessThanOrEqual(0);
      // Each score is a box of at least 44 × 44 px.
      const box = await p.locator('label[for="yd-q-school-7"]').boundingBox();
      expect(box!.width).toBeGreaterThanOrEqual(44);
      expect(box!.height).toBeGreaterThanOrEqual(44);
      await expectAccessible(p, 'questionnaire on a phone');

      // Sending too early points at the first question that needs an answer.
      await p.getByRole('button', { name: 'Versturen' }).click();
      const summary = p.locator('.dichter-error-summary');
      await expect.poll(() => summary.isVisible()).toBe(true);
      expect(await summary.getByRole('link').count()).toBe(7);
      await summary.getByRole('link', { name: /^School of opleiding: Kies een cijfer/ }).click();
      expect(await activeId(p)).toBe('yd-q-school-1');
      await expectAccessible(p, 'questionnaire with errors on a phone');

      // School by keyboard: the arrow keys move through 1–10 within the question.
      await p.keyboard.press('Space');
      for (let i = 0; i < 5; i++) await p.keyboard.press('ArrowRight');
      expect(await p.getByRole('group', { name: 'School of opleiding' }).getByRole('radio', { name: '6', exact: true }).isChecked()).toBe(true);
      // The others by tapping the number.
      const answers: [string, string][] = [
        ['Werk of dagbesteding', '5'],
        ['Wonen', '7'],
        ['Gezondheid', '8'],
        ['Geld en schulden', '4'],
        ['Familie, vrienden en mensen om je heen', '9'],
        ['Hoe het in het algemeen met je gaat', '7'],
      ];
      for (const [question, score] of answers) await p.getByRole('group', { name: question }).getByText(score, { exact: true }).click();
      await p.getByRole('button', { name: 'Versturen' }).click();
      await expectHeading(p, 'Dank je wel!');
      await expect.poll(() => p.getByText('Je antwoorden zijn opgeslagen.', { exact: false }).isVisible()).toBe(true);
      expect(await overflow(p)).toBeLessThanOrEqual(0);
      await expectAccessible(p, 'thank-you on a phone');

      // The link works once.
      await p.reload();
      await expectHeading(p, 'Deze vragenlijst is al ingevuld');
      await expect.poll(() => p.getByText('Een link werkt maar één keer, dus je hoeft niets meer te doen.', { exact: false }).isVisible()).toBe(true);
      await expectAccessible(p, 'used link on a phone');

      await p.goto('/vragenlijst/dezelinkbestaatnietmeerofnooit');
      await expectHeading(p, 'Deze link werkt niet');
      expect(phone.problems).toEqual([]);
    } finally {
      await phone.context.close();
    }
  });
});

describe('youth debt: the coach’s side of the questionnaires', () => {
  it('shows the young person’s answers on the participant’s page, takes the coach’s own, and revokes a link after confirming', async () => {
    const coach = await openPage(browser);
    try {
      const p = coach.page;
      await signIn(p, demoUser('professional'), DEMO_PASSWORD);
      await p.goto(`/w/${DEMO_SLUG}/schuldenaanpak/deelnemers/${participant.id}`);
      await expectHeading(p, new RegExp(`^${participant.number} – `));
      const section = p.getByRole('region', { name: 'Vragenlijsten (effectmonitor)' });
      const table = section.getByRole('table', { name: 'Meetmomenten met datum en wat er is ingevuld' });
      const label = momentLabel(moment);
      await expect.poll(async () => norm(await table.getByRole('row', { name: new RegExp(`^${label}`) }).innerText())).toMatch(/Ingevuld op .* via de privélink/);
      // The development table shows the young person's scores for that moment.
      const young = section.getByRole('table', { name: 'Cijfers van de jongere' });
      expect(norm(await young.getByRole('row', { name: /^Geld en schulden/ }).innerText())).toContain('4');
      await expectAccessible(p, 'participant questionnaires (coach)');

      // The coach's own questionnaire for the same moment (behind a button when every due one is filled in already).
      const correct = section.getByRole('button', { name: 'Een ingevulde vragenlijst verbeteren' });
      if (await correct.count()) await correct.click();
      await section.getByLabel('Meetmoment', { exact: true }).selectOption(String(moment));
      for (const group of await section.locator('fieldset.yd-score').all()) await group.getByText('6', { exact: true }).click();
      await section.getByRole('button', { name: 'Vragenlijst vastleggen' }).click();
      await expect.poll(() => section.getByText(`Vragenlijst van de begeleider (${label}) vastgelegd.`).isVisible()).toBe(true);

      // Another participant still has to fill in theirs: the coach makes a link, copies it, and revokes it after confirming.
      const other = open[1];
      await p.goto(`/w/${DEMO_SLUG}/schuldenaanpak/deelnemers/${other.participant.id}`);
      await expectHeading(p, new RegExp(`^${other.participant.number} – `));
      await section.getByLabel('Meetmoment van de link').selectOption(String(other.moment));
      await section.getByRole('button', { name: 'Link maken' }).click();
      const url = section.getByLabel(`Link voor de jongere (${momentLabel(other.moment)})`);
      await expect.poll(async () => await url.inputValue()).toMatch(/\/vragenlijst\/[A-Za-z0-9_-]{30,}$/);
      await expect.poll(() => section.getByText('Link gemaakt. Kopieer hem nu: u ziet hem maar één keer.').isVisible()).toBe(true);
      const madeUrl = await url.inputValue();
      await expectAccessible(p, 'link made');
      await section.getByRole('button', { name: `Link voor ${momentLabel(other.moment)} intrekken` }).click();
      const dialog = p.getByRole('dialog', { name: 'Link intrekken?' });
      await expect.poll(() => dialog.isVisible()).toBe(true);
      await expectAccessible(p, 'revoke confirmation');
      // Cancel first: nothing happens; then confirm.
      await dialog.getByRole('button', { name: 'Annuleren' }).click();
      await expect.poll(() => dialog.isVisible()).toBe(false);
      await section.getByRole('button', { name: `Link voor ${momentLabel(other.moment)} intrekken` }).click();
      await dialog.getByRole('button', { name: 'Intrekken' }).click();
      await expect.poll(() => section.getByText(`Link voor ${momentLabel(other.moment)} ingetrokken.`).isVisible()).toBe(true);
      await expect.poll(() => section.getByRole('button', { name: `Link voor ${momentLabel(other.moment)} intrekken` }).count()).toBe(0);
      const revoked = await fetch(`${baseUrl()}/api/public/youth-debt/questionnaires/${madeUrl.split('/vragenlijst/')[1]}`);
      expect(revoked.status).toBe(404);
      expect(((await revoked.json()) as { error: { id: string } }).error.id).toBe('youth_debt.link_revoked');
      expect(coach.problems).toEqual([]);
    } finally {
      await coach.context.close();
    }
  });

  it('shows every member the score development on the dashboard, with too-small groups left out', async () => {
    const reader = await openPage(browser);
    try {
      const p = reader.page;
      await signIn(p, demoUser('lezer'), DEMO_PASSWORD);
      await p.goto(`/w/${DEMO_SLUG}/schuldenaanpak`);
      await expectHeading(p, 'Schuldenaanpak jongeren');
      const young = p.getByRole('table', { name: /^Cijfers van de jongeren/ });
      await expect.poll(() => young.isVisible()).toBe(true);
      const wellbeing = norm(await young.getByRole('row', { name: /^Welzijn/ }).innerText());
      // At the start a mean with one decimal; at 24 months none or too few questionnaires in the demo.
      expect(wellbeing).toMatch(/^Welzijn \d+,\d /);
      expect(wellbeing).toMatch(/(te weinig|—)$/);
      expect(norm(await young.getByRole('row', { name: /^Aantal vragenlijsten/ }).innerText())).toMatch(/^Aantal vragenlijsten \d+ /);
      await expectAccessible(p, 'effect monitor on the dashboard');
      expect(reader.problems).toEqual([]);
    } finally {
      await reader.context.close();
    }
  });
});
