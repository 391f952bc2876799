import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, DEMO_PASSWORD, DEMO_SLUG, demoUser, expectAccessible, expectHeading, expectNotice, launchBrowser, openPage, signIn, type Session } from './helpers';

/*
 * Learning cycles as the programme manager runs them: she opens a session that was held, reads
 * its evidence pack and decisions, leads the next session from the facilitator view (clock,
 * contributions, next speaker — all by keyboard), records a decision to do things differently
 * (refused first without rationale and evidence), compares the learning agenda of the first and
 * the third session, reads the timeline, and checks the session page on a phone.
 * One sign-in in the browser, one for the API.
 */

interface SessionSummary {
  id: string;
  cycleTitle: string;
  title: string;
  date: string;
  status: 'planned' | 'held';
  number: number;
}
interface SessionDetail {
  id: string;
  title: string;
  participants: { id: string; name: string }[];
  rounds: { id: string; title: string; nextParticipantId: string | null; contributions: { participantId: string; text: string }[] }[];
  decisions: { decision: string; rationale: string }[];
}

let browser: Browser;
let manager: Session;
let asManager: Awaited<ReturnType<typeof apiSession>>;
let held: SessionSummary[] = [];
let planned: SessionSummary;
const ws = (rest: string) => `/w/${DEMO_SLUG}/${rest}`;
const api = (rest: string) => `/api/w/${DEMO_SLUG}/${rest}`;
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const JPF = 'Leercyclus Jongeren Perspectief Fonds';

beforeAll(async () => {
  browser = await launchBrowser();
  asManager = await apiSession(demoUser('programmamanager'));
  const sessions = await asManager<{ items: SessionSummary[] }>('GET', api('learning/sessions?limit=50'));
  expect(sessions.status).toBe(200);
  const jpf = sessions.body.items.filter((s) => s.cycleTitle === JPF).sort((a, b) => a.date.localeCompare(b.date));
  held = jpf.filter((s) => s.status === 'held');
  planned = jpf.find((s) => s.status === 'planned')!;
  expect(held).toHaveLength(3);
  expect(planned).toBeDefined();
  manager = await openPage(browser);
  await signIn(manager.page, demoUser('programmamanager'), DEMO_PASSWORD);
});
afterAll(async () => {
  await browser?.close();
});

describe('learning: sessions, facilitation, decisions, agenda and timeline', () => {
  it('the programme manager opens Leren and a held session with its evidence pack and decisions', async () => {
    const page = manager.page;
    await page.goto(ws(''));
    await page.getByRole('navigation', { name: 'Menu van de werkruimte' }).getByRole('link', { name: 'Leren', exact: true }).click();
    await expectHeading(page, 'Leren');
    const third = held[2];
    await page.getByRole('link', { name: third.title, exact: true }).first().waitFor();
    await expectAccessible(page, 'learning overview');

    await page.getByRole('link', { name: third.title, exact: true }).first().click();
    await expectHeading(page, third.title);
    await page.getByRole('heading', { name: 'Bewijsmap', exact: true }).waitFor();
    // The evidence pack and the minutes can be read before and after the session (HTML and PDF).
    const packLink = page.getByRole('link', { name: 'Bewijsmap (HTML)' });
    const packHref = (await packLink.getAttribute('href'))!;
    expect(packHref).toContain(`/learning/sessions/${third.id}/minutes?part=evidence`);
    const packDoc = await page.request.get(packHref);
    expect(packDoc.status()).toBe(200);
    expect(packDoc.headers()['content-type']).toContain('text/html');
    const pdf = await page.request.get((await page.getByRole('link', { name: 'Verslag (PDF)' }).getAttribute('href'))!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    // The decision the session took, with its rationale.
    const decisions = page.locator('section[aria-labelledby=learning-made]');
    expect(await decisions.innerText()).toContain('Meer doen');
    expect(await decisions.innerText()).toContain('uitbreiden naar 45 jongeren');
    expect(await page.locator('section[aria-labelledby=learning-agenda]').innerText()).toContain('Wat hebben jongeren nodig na de twee jaar coaching?');
    await expectAccessible(page, 'held session');
    expect(manager.problems).toEqual([]);
  });

  it('the facilitator view: start the clock, record the speaker’s contribution and go to the next speaker, by keyboard', async () => {
    const page = manager.page;
    const before = (await asManager<SessionDetail>('GET', api(`learning/sessions/${planned.id}`))).body;
    const round = before.rounds[0];
    const order = before.participants;
    expect(round.contributions).toEqual([]);
    await page.goto(ws(`leren/sessies/${planned.id}`));
    await expectHeading(page, planned.title);
    await page.getByRole('link', { name: 'Sessie leiden (gespreksleider)' }).click();
    await expectHeading(page, `Gespreksleider: ${planned.title}`);
    await page.getByRole('heading', { name: `Aan het woord: ${order[0].name}` }).waitFor();
    expect(await page.getByLabel('Ronde', { exact: true }).inputValue()).toBe(round.id);
    // The order of speakers, with the current one marked for assistive technology too.
    expect(await page.locator('.learning-speakers li').count()).toBe(order.length);
    expect(await page.locator('.learning-speakers li[aria-current=step]').innerText()).toContain(order[0].name);
    await expectAccessible(page, 'facilitator view');

    // Start the clock with the keyboard; it counts down, but the status line does not change every second.
    await page.getByRole('button', { name: 'Start de klok' }).focus();
    await page.keyboard.press('Enter');
    const status = page.locator('.learning-clock-panel [role=status]');
    await expect.poll(() => status.innerText()).toBe(`De klok loopt: ${order[0].name} heeft 3 minuten.`);
    await expect.poll(() => page.locator('.learning-clock__time').innerText(), { timeout: 5_000 }).toMatch(/^2:5\d$/);
    const shown = await page.locator('.learning-clock__time').innerText();
    await page.waitForTimeout(1_500);
    expect(await page.locator('.learning-clock__time').innerText()).not.toBe(shown);
    expect(await status.innerText()).toBe(`De klok loopt: ${order[0].name} heeft 3 minuten.`);
    // Pause by keyboard (Space on the focused button).
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Pauzeer de klok');
    await page.keyboard.press('Space');
    await expect.poll(() => status.innerText()).toMatch(/^Klok gepauzeerd bij 2:5\d\.$/);

    // Record what the first speaker says: type in the quick form, Tab to the button, Enter.
    const said = 'Twee nieuwe jongeren via het ROC; de wachttijd voor de intake is nu een week.';
    await page.getByLabel(`Wat zegt ${order[0].name}?`).focus();
    await page.keyboard.type(said);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Bijdrage vastleggen');
    await page.keyboard.press('Enter');
    await expectNotice(page, `Bijdrage van ${order[0].name} vastgelegd. Nu aan het woord: ${order[1].name}.`);
    await page.getByRole('heading', { name: `Aan het woord: ${order[1].name}` }).waitFor();
    // The focus is ready for the next contribution, and the clock starts afresh for the next speaker.
    await expect.poll(() => activeId(page)).toBe('facilitator-text');
    expect(await page.locator('.learning-clock__time').innerText()).toBe('3:00');
    expect(await page.locator('section[aria-labelledby=facilitator-said]').innerText()).toContain(said);
    expect(await page.locator('.learning-speakers li').first().innerText()).toContain('sprak al');

    // The next speaker is absent: "Volgende spreker" by keyboard skips to the one after.
    await page.getByRole('button', { name: 'Volgende spreker' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `Aan het woord: ${order[2].name}` }).waitFor();
    await expect.poll(() => activeId(page)).toBe('facilitator-speaker');
    await expectAccessible(page, 'facilitator view after a contribution');

    // On a tablet held upright the whole turn — speaker, clock and its buttons — is in view without scrolling.
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await overflow(page), 'horizontal overflow on the facilitator view (tablet)').toBeLessThanOrEqual(0);
    const next = await page.getByRole('button', { name: 'Volgende spreker' }).boundingBox();
    expect(next && next.y + next.height, 'the clock buttons within the first screen of a tablet').toBeLessThanOrEqual(1024);
    await page.setViewportSize({ width: 1280, height: 900 });

    const after = (await asManager<SessionDetail>('GET', api(`learning/sessions/${planned.id}`))).body;
    expect(after.rounds[0].contributions).toEqual([expect.objectContaining({ participantId: order[0].id, text: said })]);
    expect(manager.problems).toEqual([]);
  });

  it('the decision form refuses "anders doen" without rationale and evidence, then records it', async () => {
    const page = manager.page;
    await page.goto(ws(`leren/sessies/${planned.id}`));
    await expectHeading(page, planned.title);
    const form = page.locator('section[aria-labelledby=learning-decision-form]');
    await form.waitFor();
    await page.getByLabel('Besluit', { exact: true }).selectOption({ label: 'Anders doen' });
    await form.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('dichter-error-summary'))).toBe(true);
    expect(await page.locator('#decision-rationale-error').innerText()).toBe('Leg uit waarom: bij anders doen of stoppen is een onderbouwing verplicht.');
    expect(await page.locator('#decision-evidence-error').innerText()).toMatch(/^Noem ten minste één bewijsstuk/);
    expect(await page.getByLabel('Onderbouwing', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    const summary = page.locator('.dichter-error-summary');
    expect(await summary.innerText()).toContain('Onderbouwing: Leg uit waarom');
    await expectAccessible(page, 'decision form with errors');

    // The summary's link takes the keyboard to the field.
    await summary.getByRole('link', { name: /^Onderbouwing/ }).click();
    await expect.poll(() => activeId(page)).toBe('decision-rationale');
    const rationale = 'Jongeren komen via school binnen, niet via het loket: de aanmelding verhuist naar de ROC-locaties.';
    await page.keyboard.type(rationale);
    const evidence = form.locator('input[type=checkbox]');
    expect(await evidence.count(), 'evidence to choose from in the pack').toBeGreaterThan(0);
    await evidence.first().check();
    await form.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await expectNotice(page, 'Besluit vastgelegd: Anders doen.');
    await expect.poll(() => page.locator('section[aria-labelledby=learning-made]').innerText()).toContain(rationale);
    expect(await page.locator('.dichter-error-summary').count()).toBe(0);
    await expectAccessible(page, 'session with the decision recorded');

    const after = (await asManager<SessionDetail>('GET', api(`learning/sessions/${planned.id}`))).body;
    expect(after.decisions).toEqual([expect.objectContaining({ decision: 'different', rationale })]);
    expect(manager.problems).toEqual([]);
  });

  it('the agenda page compares version 1 with version 3', async () => {
    const page = manager.page;
    await page.goto(ws('leren'));
    await expectHeading(page, 'Leren');
    await page.getByRole('link', { name: 'Leeragenda en versies vergelijken' }).click();
    await expectHeading(page, 'Leeragenda');
    const now = page.locator('section[aria-labelledby=agenda-now]');
    await now.getByRole('table').waitFor();
    expect(await now.innerText()).toContain('Welke jongeren bereiken we niet, en waarom?');
    expect(await now.innerText()).toContain('lang open');
    expect(await now.innerText()).toContain('Drie gesprekken op drie plekken');

    await page.getByLabel('Oudere versie').selectOption(held[0].id);
    await page.getByLabel('Nieuwere versie').selectOption(held[2].id);
    await page.getByRole('button', { name: 'Vergelijken' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('tot')).toBe(held[2].id);
    expect(new URL(page.url()).searchParams.get('van')).toBe(held[0].id);
    await expect.poll(() => activeId(page)).toBe('agenda-comparison');
    expect(await page.locator('#agenda-comparison').innerText()).toMatch(/^Versie 1 \(.+\) vergeleken met Versie 3 \(.+\)$/);
    const result = page.locator('.learning-comparison');
    await result.waitFor();
    const text = await result.innerText();
    expect(text).toMatch(/1 toegevoegd, 0 vervallen, 2 gewijzigd en 1 ongewijzigd\./);
    expect(text).toContain('Wat hebben jongeren nodig na de twee jaar coaching?');
    expect(text).toContain('Waarom haken jongeren af tussen aanmelding en intake?');
    expect(text).toContain('open → voorlopig beantwoord');
    await expectAccessible(page, 'agenda page with a comparison');

    // The comparison is in the URL: reloading shows the same.
    await page.reload();
    await expectHeading(page, 'Leeragenda');
    await expect.poll(() => page.locator('.learning-comparison').innerText()).toMatch(/1 toegevoegd, 0 vervallen, 2 gewijzigd/);
    expect(manager.problems).toEqual([]);
  });

  it('the timeline page shows events with highs, lows and learning moments', async () => {
    const page = manager.page;
    await page.goto(ws('leren'));
    await expectHeading(page, 'Leren');
    await page.getByRole('link', { name: 'Tijdlijn (leergeschiedenis)' }).click();
    await expectHeading(page, 'Tijdlijn');
    const timeline = page.locator('ol.dichter-timeline');
    await timeline.waitFor();
    const text = await timeline.innerText();
    expect(text).toContain('Twee jongeren haken af bij de intake');
    expect(text).toContain('Dieptepunt');
    expect(text).toContain('Leermoment');
    expect(text).toContain('Hoogtepunt');
    await expectAccessible(page, 'timeline');
    expect(manager.problems).toEqual([]);
  });

  it('the programme manager records a board decision (refused first without text and date) and reports what practice saw', async () => {
    const page = manager.page;
    await page.goto(ws('leren'));
    await page.getByRole('link', { name: 'Bestuursbesluiten en wat de praktijk daarna zag' }).click();
    await expectHeading(page, 'Bestuursbesluiten');
    await page.locator('ol.dichter-timeline').waitFor();
    await expectAccessible(page, 'board decisions');

    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    const summary = page.locator('.dichter-error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Het besluit');
    expect(await summary.innerText()).toContain('Wanneer vertelt de praktijk wat zij zag');
    await expectAccessible(page, 'board decision form with errors');
    await page.getByLabel('Het besluit', { exact: true }).fill('Het college breidt het Jongeren Perspectief Fonds uit naar 60 plekken.');
    await page.getByLabel('Wanneer vertelt de praktijk wat zij zag').fill('2027-06-01');
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await expectNotice(page, /is vastgelegd/);
    const item = page.locator('li.dichter-timeline__item', { hasText: 'uitbreiden' }).or(page.locator('li.dichter-timeline__item', { hasText: '60 plekken' })).first();
    await item.getByText('Terugkoppeling op 1 juni 2027').waitFor();

    await item.getByText('Terugkoppeling geven').click();
    await item.getByLabel('Wat zag de praktijk na dit besluit?').fill('De wachtlijst is in drie maanden gehalveerd.');
    await item.getByRole('button', { name: 'Terugkoppeling opslaan' }).click();
    await expectNotice(page, 'De terugkoppeling is opgeslagen.');
    await item.getByText('De wachtlijst is in drie maanden gehalveerd.').waitFor();
    expect(manager.problems).toEqual([]);
  });

  it('the action-line view shows the JPF line’s last decision, open actions, assumptions and questions', async () => {
    const page = manager.page;
    await page.goto(ws('leren'));
    await page.getByRole('link', { name: /^Per actielijn/ }).click();
    await expectHeading(page, 'Leren per actielijn');
    await expectAccessible(page, 'action line chooser');
    const select = page.getByRole('combobox', { name: 'Actielijn', exact: true });
    const option = select.locator('option', { hasText: 'Jongeren Perspectief Fonds' }).first();
    await select.selectOption((await option.getAttribute('value'))!);
    await page.getByRole('button', { name: 'Toon' }).click();
    await expectHeading(page, /Jongeren Perspectief Fonds/);
    const part = (id: string) => page.locator(`section[aria-labelledby="${id}"]`);
    const decision = part('line-decision');
    await decision.waitFor();
    expect(await decision.innerText()).toMatch(/(Goed zo|Meer doen|Beter doen|Anders doen|Stoppen), vastgelegd op/);
    expect(await part('line-assumptions').locator('li').count()).toBeGreaterThan(0);
    expect(await part('line-questions').locator('li').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'action line view');
    expect(manager.problems).toEqual([]);
  });

  it('the session page fits a phone (375 × 667)', async () => {
    const page = manager.page;
    await page.setViewportSize({ width: 375, height: 667 });
    await page.goto(ws(`leren/sessies/${held[2].id}`));
    await expectHeading(page, held[2].title);
    await page.getByRole('heading', { name: 'Bewijsmap', exact: true }).waitFor();
    expect(await overflow(page), 'horizontal overflow on the session page').toBeLessThanOrEqual(0);
    await expectAccessible(page, 'session page (phone)');
    await page.goto(ws(`leren/sessies/${planned.id}/gespreksleider`));
    await expectHeading(page, `Gespreksleider: ${planned.title}`);
    expect(await overflow(page), 'horizontal overflow on the facilitator view').toBeLessThanOrEqual(0);
    expect(manager.problems).toEqual([]);
  });
});
