import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, DEMO_SLUG, expectAccessible, expectHeading, launchBrowser, openPage, signIn, type Session } from './helpers';

let browser: Browser;
let session: Session;
let page: Page;
type NodeItem = { id: string; code: string | null; title: string; public: boolean };
let actionLines: NodeItem[] = [];
let call: Awaited<ReturnType<typeof apiSession>>;

// Two sign-ins in all (the API and the browser): sign-in is rate limited per minute.
beforeAll(async () => {
  browser = await launchBrowser();
  call = await apiSession();
  const res = await call<{ items: NodeItem[] }>('GET', `/api/w/${DEMO_SLUG}/ladder/nodes?rung=action_line&limit=500`);
  actionLines = res.body.items;
  session = await openPage(browser);
  page = session.page;
  await signIn(page);
});
afterAll(async () => {
  await browser?.close();
});

const focused = (p: Page) =>
  p.evaluate(() => {
    const el = document.activeElement;
    return { role: el?.getAttribute('role'), level: el?.getAttribute('aria-level'), expanded: el?.getAttribute('aria-expanded'), title: el?.querySelector('.dichter-tree__title')?.textContent ?? '' };
  });

describe('policy ladder', () => {
  it('shows the ladder as a tree that works with the keyboard', async () => {
    await page.goto(`/w/${DEMO_SLUG}/ladder`);
    await expectHeading(page, 'Beleidsladder');
    const tree = page.getByRole('tree', { name: 'Beleidsladder' });
    await tree.waitFor();
    // Collapsed: the five values.
    expect(await tree.locator('[role=treeitem][aria-level="1"]').count()).toBe(5);
    await expectAccessible(page, 'ladder tree');

    await tree.locator('[role=treeitem][tabindex="0"]').focus();
    expect(await focused(page)).toMatchObject({ role: 'treeitem', level: '1', expanded: 'false' });
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toMatchObject({ level: '1', expanded: 'true' });
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toMatchObject({ level: '2', expanded: 'false' });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toMatchObject({ level: '3' });
    await page.keyboard.press('ArrowLeft');
    expect(await focused(page)).toMatchObject({ level: '2', expanded: 'true' });
    // Only one tab stop in the tree.
    expect(await tree.locator('[tabindex="0"]').count()).toBe(1);
    const { title } = await focused(page);
    await page.keyboard.press('Enter');
    await expectHeading(page, title);
    expect(await page.getByRole('heading', { name: 'Herleidbaarheid' }).count()).toBe(1);
  });

  it('filters the tree by phase through the URL', async () => {
    await page.goto(`/w/${DEMO_SLUG}/ladder`);
    await page.getByRole('tree').waitFor();
    await page.getByLabel('Fase', { exact: true }).selectOption('verankeren');
    await page.getByRole('button', { name: 'Filteren', exact: true }).click();
    await expect.poll(() => page.url()).toContain('fase=verankeren');
    await page.getByRole('status').filter({ hasText: 'gevonden' }).waitFor();
    const badges = await page.locator('[role=treeitem] .dichter-badge--phase').allInnerTexts();
    expect(badges.length).toBeGreaterThan(0);
    expect(new Set(badges)).toEqual(new Set(['fase: verankeren']));
  });

  it('loads the interventions of an action line when it is opened', async () => {
    type TreeNode = { id: string; rung: string; title: string; parentIds: string[]; childCount: number; areaIds: string[] };
    const top = (await call<{ nodes: TreeNode[] }>('GET', `/api/w/${DEMO_SLUG}/ladder/tree`)).body.nodes;
    expect(top.some((n) => n.rung === 'intervention')).toBe(false);
    const byId = new Map(top.map((n) => [n.id, n]));
    const al = top.find((n) => n.rung === 'action_line' && n.childCount > 0)!;
    const path = [al];
    while (path[0].rung !== 'value') path.unshift(byId.get(path[0].parentIds[0])!);
    const interventions = (await call<{ nodes: TreeNode[] }>('GET', `/api/w/${DEMO_SLUG}/ladder/tree?parentId=${al.id}`)).body.nodes;
    expect(interventions.length).toBe(al.childCount);

    await page.goto(`/w/${DEMO_SLUG}/ladder`);
    const tree = page.getByRole('tree', { name: 'Beleidsladder' });
    await tree.waitFor();
    // Open value, challenge, goal and action line with the right arrow.
    const item = (depth: number) => tree.locator(`li[aria-labelledby="tree-${path.slice(0, depth + 1).map((n) => n.id).join('/')}"]`);
    for (let depth = 0; depth < path.length; depth++) {
      await item(depth).focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => item(depth).getAttribute('aria-expanded')).toBe('true');
    }
    const loaded = item(path.length - 1).locator('[role=treeitem][aria-level="5"]');
    await expect.poll(() => loaded.count()).toBe(interventions.length);
    expect(await item(path.length - 1).locator('[aria-busy=true]').count()).toBe(0);
    const titles = await loaded.locator('.dichter-tree__title').allInnerTexts();
    for (const n of interventions) expect(titles.some((t) => t.endsWith(n.title))).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toMatchObject({ role: 'treeitem', level: '5' });
    await expectAccessible(page, 'ladder tree with interventions');
  });

  it('filters the tree on an area: the matches are shown where they hang', async () => {
    type TreeNode = { id: string; rung: string; title: string; areaIds: string[] };
    const top = (await call<{ nodes: TreeNode[] }>('GET', `/api/w/${DEMO_SLUG}/ladder/tree`)).body.nodes;
    const al = top.find((n) => n.rung === 'action_line' && n.areaIds.length > 0)!;
    const area = al.areaIds[0];
    await page.goto(`/w/${DEMO_SLUG}/ladder`);
    await page.getByRole('tree').waitFor();
    await page.getByLabel('Gebied', { exact: true }).selectOption(area);
    await page.getByRole('button', { name: 'Filteren', exact: true }).click();
    await expect.poll(() => page.url()).toContain(`gebied=${area}`);
    await page.getByRole('status').filter({ hasText: 'gevonden' }).waitFor();
    const match = page.getByRole('treeitem', { name: new RegExp(al.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).first();
    await match.waitFor();
    // The match itself is not shown as context (dimmed); the nodes above it are.
    expect(await match.locator(':scope > .dichter-tree__row--context').count()).toBe(0);
    expect(await page.locator('[role=treeitem][aria-level="1"] > .dichter-tree__row--context').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'ladder tree filtered on an area');
  });

  it('shows a node with its trace, and its theory of change as an image with a text alternative', async () => {
    const al = actionLines.find((n) => n.code === 'AL-001')!;
    await page.goto(`/w/${DEMO_SLUG}/ladder/knoop/${al.id}`);
    await expectHeading(page, `AL-001 ${al.title}`);
    const chains = page.locator('.dichter-chains li');
    await chains.first().waitFor();
    expect(await chains.first().innerText()).toMatch(/^.+ \(Waarde\) › .+ \(Opgave\) › .+ \(Doel\) › .+ \(Actielijn\)$/);
    await expectAccessible(page, 'node detail with trace');

    await page.getByRole('link', { name: 'Verandertheorie' }).click();
    await expectHeading(page, `Verandertheorie: AL-001 ${al.title}`);
    const img = page.locator('img.dichter-diagram__img');
    await img.waitFor();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await img.getAttribute('alt')).toMatch(/als tekst onder het diagram/);
    expect(await page.locator('#chains ~ ol li, section[aria-labelledby=chains] li').count()).toBeGreaterThan(0);
    expect(await page.getByText(/status: (nog niet getoetst|klopt|twijfelachtig|weerlegd)/).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'theory of change');
  });

  it('reports the rows of a refused sheet and stores nothing', async () => {
    const rows = ['rung,code,title,parent_codes,owner,partners,areas,phase,public'];
    for (let i = 2; i <= 20; i++) {
      const parent = i === 7 ? 'BESTAAT-NIET' : 'OP-01';
      rows.push(`goal,E2E-${i},Proefdoel ${i},${parent},,,,,nee`);
    }
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ladder-e2e-')), 'programma.csv');
    fs.writeFileSync(file, rows.join('\n'));
    await page.goto(`/w/${DEMO_SLUG}/ladder/importeren`);
    await expectHeading(page, 'Spreadsheet importeren');
    await page.getByLabel('Bestand', { exact: true }).setInputFiles(file);
    await page.getByRole('button', { name: 'Importeren' }).click();
    const table = page.getByRole('table', { name: 'Rijen met een fout' });
    await table.waitFor();
    expect(await table.locator('tbody th').allInnerTexts()).toEqual(['7']);
    expect(await table.innerText()).toMatch(/BESTAAT-NIET/);
    await page.getByText('Er is niets opgeslagen.', { exact: false }).first().waitFor();
    await expectAccessible(page, 'import with refused rows');
    const after = await call<{ total: number }>('GET', `/api/w/${DEMO_SLUG}/ladder/nodes?q=E2E-&limit=1`);
    expect(after.body.total).toBe(0);
  });

  it('shows residents the public action lines, not the others, without signing in', async () => {
    const shown = actionLines.find((n) => n.public)!;
    const hidden = actionLines.find((n) => !n.public)!;
    expect(hidden, 'the demo has a non-public action line').toBeTruthy();
    const visitor = await openPage(browser);
    try {
      await visitor.page.goto(`/openbaar/${DEMO_SLUG}`);
      await expectHeading(visitor.page, /Wat er gebeurt/);
      await visitor.page.getByRole('heading', { name: shown.title, exact: true }).waitFor();
      expect(await visitor.page.getByText(hidden.title).count()).toBe(0);
      await expectAccessible(visitor.page, 'public page');
      // Per area, through the selector.
      const area = visitor.page.getByLabel('Buurt of wijk', { exact: true });
      const code = await area.locator('option').nth(1).getAttribute('value');
      await area.selectOption(code!);
      await visitor.page.getByRole('button', { name: 'Tonen' }).click();
      await expectHeading(visitor.page, /Wat er gebeurt in /);
      expect(visitor.page.url()).toContain(`/openbaar/${DEMO_SLUG}/gebied/${code}`);
      await expectAccessible(visitor.page, 'public page of an area');
      expect(visitor.problems).toEqual([]);
    } finally {
      await visitor.context.close();
    }
  });

  it('fits a phone (375 × 667)', async () => {
    await page.setViewportSize({ width: 375, height: 667 });
    try {
      for (const [url, heading] of [
        [`/w/${DEMO_SLUG}/ladder?fase=uitvoeren`, 'Beleidsladder'],
        [`/openbaar/${DEMO_SLUG}`, /Wat er gebeurt/],
      ] as const) {
        await page.goto(url);
        await expectHeading(page, heading);
        await page.locator('[role=tree], .dichter-public-card').first().waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `horizontal overflow on ${url}`).toBeLessThanOrEqual(0);
        await expectAccessible(page, `phone: ${url}`);
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    expect(session.problems).toEqual([]);
  });
});
