import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addActionLine, addMembers, createWorkspace, startDichter, type TestDichter, type TestUser } from '../../../test/harness';
import { snapshot } from '../../../test/snapshot';
import { addWorkingDays } from '../../platform/workdays';

let d: TestDichter;
let beheerder: TestUser;
let lineOwner: TestUser;
let professional: TestUser;
let slug: string;
let actionLine: string;
const api = (path: string) => `/api/w/${slug}${path}`;
const req = (method: 'GET' | 'POST', path: string, body?: unknown, token = beheerder.token) => d.request({ method, url: api(path), token, body });
const VALID_BSN = '111222333';

async function upload(content: string | Buffer, fileName: string, token = beheerder.token, headers: Record<string, string> = {}) {
  const boundary = '----dichter' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const res = await d.app.server.inject({
    method: 'POST',
    url: api('/observations/import'),
    headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}`, ...headers },
    payload: Buffer.concat([head, Buffer.isBuffer(content) ? content : Buffer.from(content), tail]),
  });
  return { status: res.statusCode, body: res.json() };
}

/** The team's old sheet, as Dutch Excel saves it: semicolons, a title line above the header, Dutch dates. */
function teamSheet(broken: boolean) {
  const rows = [
    'Signalenlijst wijkteam Oost 2026;;;;;;;',
    'kind;title;text;area;occurredAt;tags;ladderNodes;visibility',
    // row 3: to the action line's owner
    'Signaal;Lekkage in portiek Vrolikstraat;Water loopt al weken langs de meterkast.;Dapperbuurt;14-11-2026;wonen;AL-007;',
    // row 4: a bottleneck by the area's code, no owner to route to but the coordinators
    'knelpunt;Wachtlijst schuldhulp loopt op;Jongeren wachten zes weken op een eerste gesprek.;BU03630000;2026-11-02;schulden, jongeren;;intern',
    // row 5: a story, not routed
    'verhaal;Buurtmoeders organiseren huiswerkklas;Elke woensdag in het buurthuis.;Dapperbuurt;;;;public',
    ...Array.from({ length: 14 }, (_, i) => `idee;Idee ${i + 1} voor de buurt;Meer bankjes in het park.;;;;;`),
    // row 20
    broken ? `signaal;Melding met BSN;Het BSN is ${VALID_BSN}.;;;;;public` : 'signaal;Losliggende stoeptegels;Bij de school aan de Pontanusstraat.;Dapperbuurt;;;;',
    broken ? 'wetje;Onbekende soort;Tekst.;Nergenshuizen;31-02-2026;;AL-999;geheim' : 'succes;Speeltuin weer open;Dankzij de bewonerscommissie.;;;;;',
  ];
  return rows.join('\r\n');
}

beforeAll(async () => {
  d = await startDichter();
  beheerder = await d.user('Bea Beheerder');
  lineOwner = await d.user('Olaf Actielijntrekker');
  professional = await d.user('Priya Professional');
  slug = await createWorkspace(d, beheerder);
  await addMembers(d, slug, beheerder, [
    [lineOwner, 'programmamanager'],
    [professional, 'professional'],
  ]);
  actionLine = await addActionLine(d, slug, beheerder, { title: 'Portiekaanpak', code: 'AL-007', ownerUserId: lineOwner.id });
  expect((await req('POST', '/areas', { name: 'Dapperbuurt', kind: 'buurt', year: 2024 })).status).toBe(201);
  expect((await req('POST', '/areas', { name: 'Oostelijke Eilanden', kind: 'buurt', code: 'BU03630000', year: 2024 })).status).toBe(201);
}, 120_000);
afterAll(() => d?.close());

describe('importing observations from a spreadsheet', () => {
  it('refuses a sheet with errors, reports each refused row with its reasons, and stores nothing', async () => {
    const before = await snapshot(d.runtime.database.db);
    const res = await upload(teamSheet(true), 'signalen.csv');
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ id: 'observation.import_failed', message: expect.stringContaining('2 rij(en)') });
    const reasons = (row: number) => res.body.error.rows.filter((r: { row: number }) => r.row === row).map((r: { message: string }) => r.message);
    expect(res.body.error.rows.map((r: { row: number }) => r.row)).toEqual([20, 21, 21, 21, 21, 21]);
    expect(reasons(20)).toEqual([expect.stringMatching(/^Kolom visibility: De tekst lijkt persoonsgegevens te bevatten \(een BSN\)\. Een openbare waarneming mag die niet hebben/)]);
    expect(reasons(21)).toEqual([
      expect.stringMatching(/^Kolom kind: /),
      'Kolom visibility: Kies intern, workspace (of werkruimte) of public (of openbaar), niet "geheim".',
      'Kolom occurredAt: "31-02-2026" is geen datum; gebruik JJJJ-MM-DD (of DD-MM-JJJJ).',
      'Kolom area: Gebied "Nergenshuizen" bestaat niet in deze werkruimte (gebruik de naam of de CBS-code).',
      'Kolom ladderNodes: Trede "AL-999" staat niet op de beleidsladder (gebruik de code of de titel).',
    ]);
    expect(await snapshot(d.runtime.database.db)).toEqual(before);
  });

  it('answers in English for an English-speaking coordinator', async () => {
    const res = await upload(teamSheet(true), 'signals.csv', beheerder.token, { 'accept-language': 'en' });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain('Nothing was stored');
    expect(res.body.error.rows).toContainEqual({ row: 21, message: 'Column area: Area "Nergenshuizen" does not exist in this workspace (use its name or CBS code).' });
  });

  it('records every row as a new observation, routed as if recorded by hand: a signal on an action line lands in its owner’s inbox with the due date', async () => {
    const res = await upload(teamSheet(false), 'signalen.csv');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // 19 rows: the two signals and the bottleneck get an owner
    expect(res.body).toEqual({ imported: 19, routed: 3, numbers: { first: 1, last: 19 } });

    const inbox = await req('GET', '/inbox', undefined, lineOwner.token);
    const leak = inbox.body.items.find((i: { title: string }) => i.title === 'Lekkage in portiek Vrolikstraat');
    expect(leak).toBeDefined();
    const full = await req('GET', `/observations/${leak.id}`, undefined, lineOwner.token);
    expect(full.body).toMatchObject({ kind: 'signaal', status: 'nieuw', ownerId: lineOwner.id, routedBy: 'action_line', source: 'import', tags: ['wonen'], areaName: 'Dapperbuurt' });
    expect(full.body.occurredAt.slice(0, 10)).toBe('2026-11-14');
    expect(Math.abs(new Date(full.body.dueAt).getTime() - addWorkingDays(new Date(), 10).getTime())).toBeLessThan(60_000);
    expect(full.body.ladderNodes.map((n: { id: string }) => n.id)).toEqual([actionLine]);
    expect(full.body.history).toMatchObject([{ action: 'created', to: 'nieuw', message: 'Overgenomen uit signalen.csv, rij 3.', actorName: 'Bea Beheerder' }]);
    expect(full.body.reporter).toMatchObject({ userId: beheerder.id, isResident: false });
    // Each imported observation has its own audit row, as when recorded by hand.
    const audit = await req('GET', `/audit?entity=observation&entityId=${leak.id}`);
    expect(audit.body.items).toMatchObject([{ action: 'create', entityLabel: `#${full.body.number}`, actorName: 'Bea Beheerder', changes: { number: { before: null, after: full.body.number }, ownerUserId: { after: lineOwner.id } } }]);
    expect((await req('GET', '/audit?entity=observation&limit=100')).body.total).toBe(19);

    const list = await req('GET', '/observations?q=wachtlijst');
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ kind: 'knelpunt', visibility: 'intern', tags: ['schulden', 'jongeren'] });
    expect((await req('GET', '/observations?kind=idee')).body.total).toBe(14);
  });

  it('takes back its own export: the columns it does not know (number, status, owner) are skipped', async () => {
    const exported = await d.app.server.inject({ url: api('/observations/export?format=xlsx&kind=signaal'), headers: { authorization: `Bearer ${beheerder.token}` } });
    expect(exported.statusCode).toBe(200);
    const res = await upload(exported.rawPayload, 'export.xlsx');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ imported: 2, routed: 2, numbers: { first: 20, last: 21 } });
    const again = (await req('GET', '/observations?q=vrolikstraat')).body.items;
    expect(again.map((i: { number: number }) => i.number).sort()).toEqual([1, 20]);
  });

  it('is for coordinators, and refuses what is no sheet without storing anything', async () => {
    const before = await snapshot(d.runtime.database.db);
    const forbidden = await upload(teamSheet(false), 'signalen.csv', professional.token);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.id).toBe('auth.forbidden');
    const unreadable = await upload('naam,adres\r\nJan,Dorpsstraat 1\r\n', 'adressen.csv');
    expect(unreadable.status).toBe(400);
    expect(unreadable.body.error).toMatchObject({ id: 'observation.import_unreadable', fields: [{ path: 'file' }] });
    const json = await req('POST', '/observations/import', { kind: 'signaal', title: 'Geen bestand' });
    expect(json.status).toBe(415);
    expect(await snapshot(d.runtime.database.db)).toEqual(before);
  });

  it('reads an XLSX sheet with dates as Excel stores them', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Blad1');
    sheet.addRow(['Kind', 'Title', 'OccurredAt', 'Area']);
    sheet.addRow(['verhaal', 'Opening van de voedselbank', new Date(Date.UTC(2026, 9, 5)), 'dapperbuurt']);
    const res = await upload(Buffer.from(await workbook.xlsx.writeBuffer()), 'verhalen.xlsx');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ imported: 1, routed: 0 });
    const story = (await req('GET', '/observations?q=voedselbank')).body.items[0];
    expect(story).toMatchObject({ kind: 'verhaal', occurredAt: expect.stringMatching(/^2026-10-05/), areaName: 'Dapperbuurt' });
  });
});
