import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const DEMO_SLUG = 'nieuw-west-verbindt';
export const DEMO_PASSWORD = 'demo-wachtwoord-2026';
export const demoUser = (who: string) => `${who}@demo.dichter.nl`;

export const baseUrl = () => inject('baseUrl');

/** Debian's Chromium, never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Content-Security-Policy violations and uncaught errors seen in the page. */
  problems: string[];
}

export async function openPage(browser: Browser, options: { viewport?: { width: number; height: number }; locale?: string } = {}): Promise<Session> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: options.locale ?? 'nl-NL',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy|Refused to/i.test(msg.text())) problems.push(`csp: ${msg.text()}`);
  });
  return { context, page, problems };
}

/** Runs axe-core with the WCAG 2.1 A/AA rules and fails with a readable list of violations. */
export async function expectAccessible(page: Page, label: string) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  if (result.violations.length) {
    const lines = result.violations.flatMap((v) => [
      `- ${v.id} (${v.impact}): ${v.help}`,
      ...v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`),
    ]);
    console.error(`axe violations on ${label}:\n${lines.join('\n')}`);
  }
  expect(result.violations.map((v) => v.id), `axe violations on ${label}`).toEqual([]);
  return result;
}

/** Waits for the page's h1 with this text. */
export async function expectHeading(page: Page, name: string | RegExp) {
  await page.getByRole('heading', { level: 1, name, exact: typeof name === 'string' }).first().waitFor({ timeout: 15_000 });
}

/**
 * Submits the sign-in form with `submit` and returns the status of the answer. The suite signs in
 * the same demo accounts many times a minute; when the real sign-in limit (10 a minute) answers
 * 429, this waits as long as it says and submits again, as a person would.
 */
export async function submitSignIn(page: Page, submit: () => Promise<unknown>): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth/sign-in') && r.request().method() === 'POST', { timeout: 30_000 });
    await submit();
    const res = await answered;
    if (res.status() !== 429 || attempt >= 2) return res.status();
    await page.waitForTimeout((Number(res.headers()['retry-after'] ?? 60) + 1) * 1000);
  }
}

/** Signs in through the form and waits for the workspace list. */
export async function signIn(page: Page, email = demoUser('beheerder'), password = DEMO_PASSWORD) {
  await page.goto('/inloggen');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await submitSignIn(page, () => page.getByRole('button', { name: 'Inloggen' }).click());
  await expectHeading(page, 'Mijn werkruimtes');
}

/** Text of the polite status area that confirms actions ("Partner toegevoegd."). */
export async function expectNotice(page: Page, text: string | RegExp) {
  await expect.poll(async () => (await page.locator('.dichter-notice-area').innerText()).trim(), { timeout: 15_000 }).toMatch(text);
}

/** An API client with its own cookie session (for setting up data the journey is not about). */
export async function apiSession(email = demoUser('beheerder'), password = DEMO_PASSWORD) {
  const signIn = () => fetch(`${baseUrl()}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  let res = await signIn();
  // the sign-in limit (10 a minute) is real: wait as long as it says, then try once more
  if (res.status === 429) {
    await new Promise((r) => setTimeout(r, (Number(res.headers.get('retry-after') ?? 60) + 1) * 1000));
    res = await signIn();
  }
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return async function call<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const r = await fetch(`${baseUrl()}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await r.text();
    return { status: r.status, body: (text ? JSON.parse(text) : null) as T };
  };
}

export const unique = () => Date.now().toString(36) + Math.floor(Math.random() * 1000).toString(36);
