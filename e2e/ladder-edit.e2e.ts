import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, DEMO_SLUG, expectAccessible, expectHeading, expectNotice, launchBrowser, openPage, signIn, unique, type Session } from './helpers';

let browser: Browser;
let session: Session;
let page: Page;
let call: Awaited<ReturnType<typeof apiSession>>;
type NodeItem = { id: string; rung: string; code: string | null; title: string; parentIds: string[] };
const u = unique();
const api = (path: string) => `/api/w/${DEMO_SLUG}${path}`;
/** Nodes this file adds to the demo, removed again afterwards. */
const created: string[] = [];

async function createNode(body: Record<string, unknown>) {
  const res = await call<NodeItem>('POST', api('/ladder/nodes'), body);
  if (res.status !== 201) throw new Error(`could not create a node: ${JSON.stringify(res.body)}`);
  created.push(res.body.id);
  return res.body;
}

const activeElement = (p: Page) =>
  p.evaluate(() => {
    const el = document.activeElement;
    return { id: el?.id ?? '', label: el?.getAttribute('aria-label') ?? '', text: el?.textContent?.trim() ?? '' };
  });

// Two sign-ins in all (the API and the browser): sign-in is rate limited per minute.
beforeAll(async () => {
  browser = await launchBrowser();
  call = await apiSession();
  session = await openPage(browser);
  page = session.page;
  await signIn(page);
});
afterAll(async () => {
  for (const id of created.reverse()) await call?.('DELETE', api(`/ladder/nodes/${id}?children=delete`));
  await browser?.close();
});

describe('editing the policy ladder', () => {
  it('edits the theory of change of an action line: elements, links, assumptions, status with evidence', async () => {
    const line = (await call<{ items: NodeItem[] }>('GET', api('/ladder/nodes?rung=action_line&q=AL-024&limit=5'))).body.items.find((n) => n.code === 'AL-024')!;
    await page.goto(`/w/${DEMO_SLUG}/ladder/knoop/${line.id}/theorie`);
    await expectHeading(page, `Verandertheorie: AL-024 ${line.title}`);
    await page.locator('img.dichter-diagram__img').waitFor();
    await expectAccessible(page, 'theory of change, to edit');

    // Add an element, then rename it in its inline form.
    const first = `Proefeffect ${u}`;
    const renamed = `Minder ziekteverzuim op school ${u}`;
    await page.locator('#el-kind').selectOption('outcome');
    await page.locator('#el-title').fill(first);
    await page.getByRole('button', { name: 'Element toevoegen', exact: true }).click();
    await expectNotice(page, `"${first}" is toegevoegd.`);

    await page.getByRole('button', { name: `Element ${first} wijzigen` }).click();
    const editPanel = page.locator('.dichter-inline-panel:not([hidden])');
    const titleField = editPanel.getByLabel('Omschrijving', { exact: true });
    await titleField.waitFor();
    expect((await activeElement(page)).id, 'the inline form takes focus').toMatch(/^el-.+-title$/);
    await expectAccessible(page, 'theory: renaming an element');
    await titleField.fill(renamed);
    await editPanel.getByRole('button', { name: 'Opslaan' }).click();
    await expectNotice(page, `"${renamed}" is gewijzigd.`);
    await page.getByRole('listitem').filter({ hasText: renamed }).first().waitFor();
    expect(await page.getByText(first, { exact: true }).count()).toBe(0);
    await expect.poll(async () => (await activeElement(page)).label, { timeout: 5_000 }).toBe(`Element ${renamed} wijzigen`);

    // Link it to the impact of this theory, and add an assumption on the link.
    const impact = 'Gezonder opgroeien in de tuinsteden';
    await page.locator('#link-from').selectOption({ label: `${renamed} (Effecten (outcome))` });
    await page.locator('#link-to').selectOption({ label: `${impact} (Maatschappelijke impact)` });
    await page.getByRole('button', { name: 'Verbinding toevoegen', exact: true }).click();
    await expectNotice(page, 'De verbinding is toegevoegd.');
    const linkName = `${renamed} → ${impact}`;
    await page.getByRole('heading', { name: linkName }).waitFor();

    const text = `Minder verzuim laat kinderen gezonder opgroeien ${u}`;
    await page.locator('#as-link').selectOption({ label: linkName });
    await page.locator('#as-text').fill(text);
    await page.getByRole('button', { name: 'Aanname toevoegen', exact: true }).click();
    await expectNotice(page, 'De aanname is toegevoegd.');
    const assumption = page.locator('.dichter-assumption').filter({ hasText: text });
    await assumption.waitFor();
    expect(await assumption.innerText()).toContain('status: nog niet getoetst');

    // Its text can be changed.
    const sharper = `${text}, want ze missen minder lessen`;
    await assumption.getByRole('button', { name: 'Tekst wijzigen' }).click();
    await assumption.getByLabel('Aanname', { exact: true }).fill(sharper);
    await assumption.getByRole('button', { name: 'Opslaan' }).click();
    await expectNotice(page, 'De aanname is gewijzigd.');
    const changed = page.locator('.dichter-assumption').filter({ hasText: sharper });
    await changed.waitFor();

    // A new status with a reason and two evidence items (one with a web address).
    const img = page.locator('img.dichter-diagram__img');
    const srcBefore = await img.getAttribute('src');
    await changed.getByRole('button', { name: 'Status wijzigen' }).click();
    const form = changed.locator('form');
    await form.getByLabel('Status', { exact: true }).selectOption('doubtful');
    expect(await form.getByLabel('Datum van de onderbouwing').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await form.getByLabel('Waarom verandert de status?').fill('Leersessie: het verzuim daalt, de klachten niet.');
    const item1 = form.getByRole('group', { name: 'Bewijsstuk 1' });
    await item1.getByLabel('Soort').selectOption('measurement');
    await item1.getByLabel('Omschrijving').fill('Verzuimcijfers GGD 2025');
    await item1.getByLabel('Webadres').fill('niet-een-adres');
    await form.getByRole('button', { name: 'Nog een bewijsstuk toevoegen' }).click();
    const item2 = form.getByRole('group', { name: 'Bewijsstuk 2' });
    await item2.getByLabel('Omschrijving').waitFor();
    expect((await activeElement(page)).id, 'a new evidence item takes focus').toMatch(/-ev-1-kind$/);
    await item2.getByLabel('Soort').selectOption('session_note');
    await item2.getByLabel('Omschrijving').fill('Leersessie 14 maart');
    // A wrong web address is refused at the field, with the summary above the form.
    await form.getByRole('button', { name: 'Status opslaan' }).click();
    await item1.getByText('Vul een volledig webadres in').waitFor();
    expect(await item1.getByLabel('Webadres').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'theory: new status with a refused web address');
    await item1.getByLabel('Webadres').fill('https://example.org/verzuim-2025');
    await form.getByRole('button', { name: 'Status opslaan' }).click();
    await expectNotice(page, 'De status is nu "twijfelachtig".');

    // The history says who, when, from → to, why and on what evidence.
    const latest = changed.locator('.dichter-history-list > li').first();
    await expect.poll(() => latest.innerText(), { timeout: 10_000 }).toContain('Van "nog niet getoetst" naar "twijfelachtig"');
    const entry = await latest.innerText();
    expect(entry).toContain('Waarom: Leersessie: het verzuim daalt, de klachten niet.');
    expect(entry).toMatch(/door \S+/);
    expect(entry).toContain('Meting: Verzuimcijfers GGD 2025');
    expect(entry).toContain('Verslag van een sessie: Leersessie 14 maart');
    expect(await latest.getByRole('link', { name: 'Verzuimcijfers GGD 2025' }).getAttribute('href')).toBe('https://example.org/verzuim-2025');
    expect(await changed.locator('.dichter-history-list > li').count()).toBe(2);
    expect(await changed.innerText()).toContain('status: twijfelachtig');

    // The text alternative (the chains) and the diagram follow.
    const chains = page.locator('section[aria-labelledby=chains] li');
    await expect.poll(async () => (await chains.allInnerTexts()).join('\n'), { timeout: 10_000 }).toContain(`aanname: ${sharper} (twijfelachtig)`);
    await expect.poll(() => img.getAttribute('src')).not.toBe(srcBefore);
    const svg = await page.evaluate(async (src) => (await fetch(src!)).text(), await img.getAttribute('src'));
    expect(svg).toContain(`${sharper} (twijfelachtig)`);
    expect(svg).toContain(u);
    await expectAccessible(page, 'theory after the status change');

    // Deleting the element says what goes with it; Escape cancels and focus returns.
    await page.getByRole('button', { name: `Element ${renamed} verwijderen` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const body = await dialog.innerText();
    expect(body).toContain(`Met "${renamed}" verdwijnen ook deze verbindingen`);
    expect(body).toContain(`${linkName} (1 aanname)`);
    await expectAccessible(page, 'theory: confirm deleting an element');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect((await activeElement(page)).label).toBe(`Element ${renamed} verwijderen`);

    // Delete the link (with its assumption) after confirming.
    await page.getByRole('button', { name: `Verbinding ${linkName} verwijderen` }).click();
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain(sharper);
    await expectAccessible(page, 'theory: confirm deleting a link');
    await dialog.getByRole('button', { name: 'Verbinding verwijderen' }).click();
    await expectNotice(page, `De verbinding ${linkName} is verwijderd.`);
    await page.getByRole('heading', { name: linkName }).waitFor({ state: 'detached' });
    await expect.poll(async () => (await activeElement(page)).id, { timeout: 5_000 }).toBe('links');
    expect((await chains.allInnerTexts()).join('\n')).not.toContain(sharper);

    // Then the element, which now goes alone.
    await page.getByRole('button', { name: `Element ${renamed} verwijderen` }).click();
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('alleen het element zelf verdwijnt');
    await dialog.getByRole('button', { name: 'Element verwijderen' }).click();
    await expectNotice(page, `"${renamed}" is verwijderd, met de verbindingen en aannames eraan.`);
    await expect.poll(() => page.locator('.dichter-element-list').getByText(renamed).count()).toBe(0);
    await expect.poll(async () => (await activeElement(page)).id, { timeout: 5_000 }).toBe('elements');
    await expectAccessible(page, 'theory after deleting');
    expect(session.problems).toEqual([]);
  });

  it('edits a node on its page', async () => {
    const challenge = (await call<{ items: NodeItem[] }>('GET', api('/ladder/nodes?rung=challenge&limit=1'))).body.items[0];
    const goal = await createNode({ rung: 'goal', title: `Proefdoel wijzigen ${u}`, parentIds: [challenge.id] });
    const line = await createNode({ rung: 'action_line', title: `Proefactielijn ${u}`, parentIds: [goal.id] });
    await page.goto(`/w/${DEMO_SLUG}/ladder/knoop/${line.id}`);
    await expectHeading(page, line.title);
    await page.getByRole('button', { name: 'Wijzigen of verhangen' }).click();
    const title = page.getByLabel('Titel', { exact: true });
    await title.waitFor();
    await expectAccessible(page, 'node page with the edit form');
    const newTitle = `Proefactielijn met nieuwe naam ${u}`;
    await title.fill(newTitle);
    await page.getByLabel(/^Fase/).selectOption('experimenteren');
    await page.getByLabel(/^Status/).selectOption('lopend');
    await page.getByLabel('Begindatum').fill('2025-02-01');
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await expectNotice(page, `"${newTitle}" is gewijzigd.`);
    await expectHeading(page, newTitle);
    const facts = await page.locator('.dichter-data-list').innerText();
    expect(facts).toContain('experimenteren');
    expect(facts).toContain('loopt');
    expect(facts).toContain('1 februari 2025');
    await expect.poll(async () => (await activeElement(page)).id, { timeout: 5_000 }).toBe('edit-node-button');
    const saved = await call<NodeItem & { phase: string; status: string }>('GET', api(`/ladder/nodes/${line.id}`));
    expect(saved.body).toMatchObject({ title: newTitle, phase: 'experimenteren', status: 'lopend', parentIds: [goal.id] });
    await expectAccessible(page, 'node page after saving');
  });

  it('deletes a goal and moves its only action line under another goal', async () => {
    const challenge = (await call<{ items: NodeItem[] }>('GET', api('/ladder/nodes?rung=challenge&limit=1'))).body.items[0];
    const doomed = await createNode({ rung: 'goal', title: `Proefdoel weg ${u}`, parentIds: [challenge.id] });
    const keeper = await createNode({ rung: 'goal', title: `Proefdoel blijft ${u}`, parentIds: [challenge.id] });
    const line = await createNode({ rung: 'action_line', title: `Proefactielijn verhangen ${u}`, parentIds: [doomed.id] });

    await page.goto(`/w/${DEMO_SLUG}/ladder/knoop/${doomed.id}`);
    await expectHeading(page, doomed.title);
    await page.getByRole('button', { name: 'Trede verwijderen' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expectAccessible(page, 'node page: confirm deleting');
    await dialog.getByRole('button', { name: 'Trede verwijderen' }).click();

    // The server refuses: the action line would lose its last parent. The dialog explains and asks.
    await dialog.getByText('hangen alleen onder wat u verwijdert').waitFor();
    expect(await dialog.getByRole('listitem').allInnerTexts()).toEqual([line.title]);
    await expect.poll(async () => (await activeElement(page)).id, { timeout: 5_000 }).toBe('orphans-intro');
    expect(await dialog.getByLabel('Verhangen onder een andere trede').isChecked()).toBe(true);
    await expectAccessible(page, 'node page: children would lose their last parent');
    // Without a new parent the choice is not complete.
    await dialog.getByRole('button', { name: 'Verhangen en verwijderen' }).click();
    await dialog.getByText('Kies de trede waaronder ze komen te hangen.').waitFor();
    expect((await activeElement(page)).id).toBe('orphans-new-parent');
    await expectAccessible(page, 'node page: no new parent chosen');
    await dialog.getByLabel('Nieuwe bovenliggende trede').selectOption({ label: keeper.title });
    await dialog.getByRole('button', { name: 'Verhangen en verwijderen' }).click();

    await expectHeading(page, 'Beleidsladder');
    await expectNotice(page, `"${doomed.title}" is verwijderd.`);
    await page.getByRole('tree').waitFor();
    await expectAccessible(page, 'the ladder after deleting');
    expect((await call('GET', api(`/ladder/nodes/${doomed.id}`))).status).toBe(404);
    const moved = await call<NodeItem>('GET', api(`/ladder/nodes/${line.id}`));
    expect(moved.body.parentIds).toEqual([keeper.id]);

    await page.goto(`/w/${DEMO_SLUG}/ladder/knoop/${line.id}`);
    await expectHeading(page, line.title);
    await page.locator('.dichter-data-list').getByRole('link', { name: keeper.title }).waitFor();
    await expectAccessible(page, 'the moved action line');
    expect(session.problems).toEqual([]);
  });
});
