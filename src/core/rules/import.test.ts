import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, startDichter, type TestDichter, type TestUser } from '../../../test/harness';
import { snapshot } from '../../../test/snapshot';

let d: TestDichter;
let owner: TestUser;
let adviser: TestUser;
let professional: TestUser;
let slug: string;
const api = (path: string) => `/api/w/${slug}${path}`;
const req = (method: 'GET' | 'POST', path: string, body?: unknown, token = owner.token) => d.request({ method, url: api(path), token, body });
const HEADER = 'code,title,kind,level,domain,intent,owner,source_url,valid_from,valid_to,mandate';
const PARTNER = 'Woonstichting Oost';

async function upload(content: string | Buffer, fileName: string, token = owner.token) {
  const boundary = '----dichter' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const res = await d.app.server.inject({
    method: 'POST',
    url: api('/rules/import'),
    headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([head, Buffer.isBuffer(content) ? content : Buffer.from(content), tail]),
  });
  return { status: res.statusCode, body: res.json() };
}
const download = (format: string, token = owner.token) => d.app.server.inject({ url: api(`/rules/export?format=${format}`), headers: { authorization: `Bearer ${token}` } });
const withoutAudit = (s: Record<string, string>) => ({ ...s, audit_log: '' });

/** A 20-row register; with `broken`, row 7 of the sheet (the header is row 1) has an unknown kind. */
function sheet(broken: boolean) {
  const rows = [
    `WI-001,Wachttijd schuldhulp,werkinstructie,gemeente,schulden,"Hulp komt op tijd bij wie het nodig heeft, zonder wachtlijst.",${adviser.email},https://example.org/wi-001,2025-01-01,,ask_first`,
    `WI-002,Huisbezoek bij huurachterstand,Werkinstructie,Gemeente,schulden,Vroeg in beeld zijn bij huurachterstanden.,${PARTNER},,,,`,
    ...Array.from({ length: 3 }, (_, i) => `BR-00${i + 1},Beleidsregel ${i + 1},beleidsregel,gemeente,wmo,Passende ondersteuning voor iedereen die dat nodig heeft.,,,2024-01-01,2026-12-31,explain_afterwards`),
    // sheet row 7
    broken ? 'PC-001,Productcode 1,wetje,organisatie,jeugd,Een product dat jeugdhulp levert.,,,,,' : 'PC-001,Productcode 1,productcode,organisatie,jeugd,Een product dat jeugdhulp levert.,,,,,',
    ...Array.from({ length: 14 }, (_, i) => `PC-0${String(i + 2).padStart(2, '0')},Productcode ${i + 2},productcode,organisatie,jeugd,Een product dat jeugdhulp levert.,,,,,`),
  ];
  expect(rows).toHaveLength(20);
  return [HEADER, ...rows].join('\r\n');
}

beforeAll(async () => {
  d = await startDichter();
  owner = await d.user('Bea Beheerder');
  adviser = await d.user('Bas Beleidsadviseur');
  professional = await d.user('Priya Professional');
  slug = await createWorkspace(d, owner);
  expect((await req('POST', '/members', { email: adviser.email, name: adviser.name, role: 'beleidsadviseur' })).status).toBe(201);
  expect((await req('POST', '/members', { email: professional.email, name: professional.name, role: 'professional' })).status).toBe(201);
  expect((await req('POST', '/partners', { name: PARTNER, type: 'corporatie' })).status).toBe(201);
}, 120_000);
afterAll(() => d?.close());

describe('importing the rule register', () => {
  it('refuses a 20-row sheet with an error in row 7, reports row 7 and the reason, and stores nothing', async () => {
    const before = await snapshot(d.runtime.database.db);
    const res = await upload(sheet(true), 'regels.csv');
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ id: 'rule.import_failed', message: expect.stringContaining('1 rij'), fields: [{ path: 'row 7', message: expect.stringContaining('kind') }] });
    expect(res.body.error.rows).toEqual([{ row: 7, message: expect.stringMatching(/^Kolom kind: Kies een van: wet, .*productcode\.$/) }]);
    expect(await snapshot(d.runtime.database.db)).toEqual(before);
  });

  it('reports every refused row, in the member\'s language, with the reasons of POST /rules', async () => {
    const rows = [
      HEADER,
      'OK-1,Goede regel,protocol,rijk,wonen,Een bedoeling die lang genoeg is.,,,,,',
      ',Zonder code,protocol,rijk,wonen,Een bedoeling die lang genoeg is.,,,,,',
      'OK-1,Dubbele code,protocol,rijk,wonen,Een bedoeling die lang genoeg is.,,,,,',
      'OK-3,Te korte bedoeling,protocol,rijk,wonen,Kort,,,,,',
      'OK-4,Onbekende eigenaar,protocol,rijk,wonen,Een bedoeling die lang genoeg is.,Niemand Bekend,,,,',
      'OK-5,Geen lid,protocol,rijk,wonen,Een bedoeling die lang genoeg is.,vreemde@example.org,,,,',
      'OK-6,Periode,protocol,rijk,wonen,Een bedoeling die lang genoeg is.,,ftp://example.org,2026-02-01,2026-01-01,altijd',
    ].join('\n');
    const res = await d.app.server.inject({
      method: 'POST',
      url: api('/rules/import'),
      headers: { authorization: `Bearer ${owner.token}`, 'accept-language': 'en', 'content-type': 'multipart/form-data; boundary=xx' },
      payload: `--xx\r\nContent-Disposition: form-data; name="file"; filename="r.csv"\r\n\r\n${rows}\r\n--xx--\r\n`,
    });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    // Seven reasons in six rows: the message counts the rows.
    expect(body.error.message).toMatch(/^The file was not imported: 6 row/);
    expect(body.error.rows.map((r: { row: number }) => r.row)).toEqual([3, 4, 5, 6, 7, 8, 8]);
    const text = JSON.stringify(body.error.rows);
    for (const part of ['Column code', 'also appears in row 2', 'Column intent', 'Niemand Bekend', 'not a member', 'Column source_url', 'Column mandate']) expect(text).toContain(part);
  });

  it('imports the corrected sheet, with owners by e-mail address and partner name', async () => {
    const res = await upload(sheet(false), 'regels.csv');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ imported: 20, created: 20, updated: 0 });
    const wi = (await req('GET', '/rules?q=WI-001')).body.items[0];
    expect(wi).toMatchObject({ code: 'WI-001', kind: 'werkinstructie', mandate: 'ask_first', ownerUserId: adviser.id, validFrom: '2025-01-01', validTo: null });
    const wi2 = (await req('GET', '/rules?q=WI-002')).body.items[0];
    expect(wi2).toMatchObject({ kind: 'werkinstructie', level: 'gemeente', mandate: 'explain_afterwards', ownerUserId: null, ownerPartnerId: expect.any(String) });
    expect((await req('GET', '/rules?kind=productcode')).body.total).toBe(15);
  });

  it('updates by code when an edited sheet is imported again', async () => {
    const edited = sheet(false).replace('Wachttijd schuldhulp', 'Wachttijd schuldhulp (herzien)').replace(`,${PARTNER},`, ',,');
    const res = await upload(edited, 'regels.csv');
    expect(res.body).toEqual({ imported: 20, created: 0, updated: 2 });
    expect((await req('GET', '/rules?q=WI-001')).body.items[0].title).toBe('Wachttijd schuldhulp (herzien)');
    expect((await req('GET', '/rules?q=WI-002')).body.items[0].ownerPartnerId).toBeNull();
    // A sheet without the optional columns leaves those fields alone.
    const partial = await upload('code;title;kind;level;domain;intent\nWI-001;Wachttijd schuldhulp;werkinstructie;gemeente;schulden;"Hulp komt op tijd bij wie het nodig heeft, zonder wachtlijst."\n', 'kort.csv');
    expect(partial.body).toEqual({ imported: 1, created: 0, updated: 1 });
    expect((await req('GET', '/rules?q=WI-001')).body.items[0]).toMatchObject({ title: 'Wachttijd schuldhulp', ownerUserId: adviser.id, mandate: 'ask_first', validFrom: '2025-01-01' });
  });

  it('exports CSV, XLSX and JSON that import back unchanged', async () => {
    const csv = await download('csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="ws-[0-9a-f]+-regels\.csv"/);
    expect(csv.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(HEADER);
    // The beheerder may see e-mail addresses, so owners are written as such.
    expect(csv.body).toContain(`,${adviser.email},`);
    const before = await snapshot(d.runtime.database.db);
    const again = await upload(csv.rawPayload, 'export.csv');
    expect(again.body).toEqual({ imported: 20, created: 0, updated: 0 });
    expect(withoutAudit(await snapshot(d.runtime.database.db))).toEqual(withoutAudit(before));
    expect((await download('csv')).body).toBe(csv.body);

    const xlsx = await download('xlsx');
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as never);
    expect(workbook.worksheets[0].getRow(1).values).toEqual([undefined, ...HEADER.split(',')]);
    const fromXlsx = await upload(xlsx.rawPayload, 'export.xlsx');
    expect(fromXlsx.body).toEqual({ imported: 20, created: 0, updated: 0 });
    expect(withoutAudit(await snapshot(d.runtime.database.db))).toEqual(withoutAudit(before));

    // A member who may not see e-mail addresses gets names, which import back too.
    const adviserCsv = await download('csv', adviser.token);
    expect(adviserCsv.body).not.toContain('@');
    expect(adviserCsv.body).toContain(`,${adviser.name},`);
    expect((await upload(adviserCsv.rawPayload, 'adviseur.csv', adviser.token)).body).toEqual({ imported: 20, created: 0, updated: 0 });

    const json = await req('GET', '/rules/export?format=json');
    expect(json.status).toBe(200);
    expect(json.body.rules).toHaveLength(20);
    expect(json.body.rules[0]).toMatchObject({ code: 'BR-001', areaIds: [], ladderNodeIds: [], approverUserIds: [] });
  });

  it('imports an XLSX sheet written by hand: dates as dates, codes as numbers, a title row above the header', async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('Productcodes');
    ws.addRow(['Productcodes jeugdhulp 2026']);
    ws.addRow(['Code', 'Title', 'Kind', 'Level', 'Domain', 'Intent', 'Valid_from', 'Opmerking']);
    ws.addRow([45101, 'Ambulante jeugdhulp', 'productcode', 'organisatie', 'jeugd', 'Jeugdhulp thuis, zo licht als het kan.', new Date(Date.UTC(2026, 0, 1)), 'negeren']);
    ws.addRow([45102, { richText: [{ text: 'Dagbehandeling ' }, { font: { bold: true }, text: 'jeugd' }] }, 'productcode', 'organisatie', 'jeugd', 'Behandeling overdag, dichtbij huis.', '1-2-2026', '']);
    const res = await upload(Buffer.from(await workbook.xlsx.writeBuffer()), 'productcodes.xlsx');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ imported: 2, created: 2, updated: 0 });
    const items = (await req('GET', '/rules?q=4510')).body.items;
    expect(items.map((r: { code: string; title: string; validFrom: string }) => [r.code, r.title, r.validFrom])).toEqual([
      ['45101', 'Ambulante jeugdhulp', '2026-01-01'],
      ['45102', 'Dagbehandeling jeugd', '2026-02-01'],
    ]);
  });

  it('refuses what is not a sheet, a sheet without the required columns, a JSON body, and a member who may not keep the register', async () => {
    expect((await upload(Buffer.from([0, 1, 2, 3]), 'kapot.bin')).body.error.id).toBe('rule.import_unreadable');
    expect((await upload('code,title\nX,Y\n', 'kort.csv')).status).toBe(400);
    expect((await req('POST', '/rules/import', { file: 'x' })).status).toBe(415);
    expect((await upload(sheet(false), 'regels.csv', professional.token)).status).toBe(403);
  });

  it('imports 5,000 product codes in a few seconds, and updates them all again', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `P${String(i).padStart(5, '0')},Product ${i},productcode,organisatie,jeugd,Jeugdhulp die past bij wat het gezin nodig heeft.,${PARTNER},,2026-01-01,,`);
    const csv = [HEADER, ...rows].join('\n');
    let t = performance.now();
    const res = await upload(csv, 'productcodes.csv');
    const created = performance.now() - t;
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
    expect(res.body).toEqual({ imported: 5000, created: 5000, updated: 0 });
    t = performance.now();
    const again = await upload(csv.replaceAll('Jeugdhulp die past', 'Jeugdhulp die echt past'), 'productcodes.csv');
    const updated = performance.now() - t;
    expect(again.body).toEqual({ imported: 5000, created: 0, updated: 5000 });
    t = performance.now();
    const exported = await download('xlsx');
    const exportTime = performance.now() - t;
    expect(exported.statusCode).toBe(200);
    console.log(`5,000 product codes (${(csv.length / 1024).toFixed(0)} KB CSV): import ${created.toFixed(0)} ms, update ${updated.toFixed(0)} ms, XLSX export ${exportTime.toFixed(0)} ms`);
    expect(created).toBeLessThan(15_000);
    expect((await req('GET', '/rules?kind=productcode')).body.total).toBe(5017);
  }, 120_000);
});
