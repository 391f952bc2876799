import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, startDichter, type TestDichter, type TestUser } from '../../../test/harness';
import { snapshot } from '../../../test/snapshot';

let d: TestDichter;
let owner: TestUser;
let slug: string;
const api = (path: string) => `/api/w/${slug}${path}`;

async function req(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown, token = owner.token) {
  return d.request({ method, url: api(path), token, body });
}
async function node(rung: string, title: string, parentIds: string[], extra: Record<string, unknown> = {}) {
  const res = await req('POST', '/ladder/nodes', { rung, title, parentIds, ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}
async function upload(path: string, content: string | Buffer, fileName: string, token = owner.token) {
  const boundary = '----dichter' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const res = await d.app.server.inject({
    method: 'POST',
    url: api(path),
    headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([head, Buffer.isBuffer(content) ? content : Buffer.from(content), tail]),
  });
  return { status: res.statusCode, body: res.json() };
}

beforeAll(async () => {
  d = await startDichter();
  owner = await d.user('Programmamanager');
  slug = await createWorkspace(d, owner);
}, 120_000);
afterAll(() => d?.close());

describe('the policy ladder', () => {
  let value: string, challenge: string, goal: string, line: string, intervention: string;

  it('builds value → challenge → goal → action line → intervention, and traces the intervention up to the value', async () => {
    value = await node('value', 'Bewoners aan zet', []);
    challenge = await node('challenge', 'Armoede doorbreken', [value], { code: 'OP-1' });
    goal = await node('goal', 'Minder schulden', [challenge], { code: 'DL-1' });
    line = await node('action_line', 'Geldcafé', [goal], { code: 'AL-042', phase: 'experimenteren', status: 'lopend', public: true });
    intervention = await node('intervention', 'Wekelijks spreekuur', [line], { kind: 'activiteit', budgetCents: 1_250_000 });
    const trace = await req('GET', `/ladder/nodes/${intervention}/trace`);
    expect(trace.status).toBe(200);
    expect(trace.body.up).toEqual([
      [
        { id: intervention, rung: 'intervention', title: 'Wekelijks spreekuur' },
        { id: line, rung: 'action_line', title: 'Geldcafé' },
        { id: goal, rung: 'goal', title: 'Minder schulden' },
        { id: challenge, rung: 'challenge', title: 'Armoede doorbreken' },
        { id: value, rung: 'value', title: 'Bewoners aan zet' },
      ],
    ]);
    const down = (await req('GET', `/ladder/nodes/${challenge}/trace`)).body.down;
    expect(down[0]).toMatchObject({ id: goal, children: [{ id: line, children: [{ id: intervention, children: [] }] }] });
  });

  it('makes a value on the ladder a value of the charter', async () => {
    const charter = (await d.request({ url: api('/charter'), token: owner.token })).body;
    expect(charter.values.map((v: { title: string }) => v.title)).toContain('Bewoners aan zet');
    const added = await d.request({ method: 'POST', url: api('/charter/values'), token: owner.token, body: { title: 'Lange adem' } });
    expect(added.status).toBe(201);
    const values = (await req('GET', '/ladder/nodes?rung=value')).body.items;
    expect(values.map((v: { title: string; charterValueId: string }) => v.title).sort()).toEqual(['Bewoners aan zet', 'Lange adem']);
  });

  it('refuses an intervention without a parent, or under the wrong rung, with ladder.orphan', async () => {
    const before = await snapshot(d.runtime.database.db);
    const none = await req('POST', '/ladder/nodes', { rung: 'intervention', title: 'Los project', parentIds: [] });
    expect(none.status).toBe(400);
    expect(none.body.error.id).toBe('ladder.orphan');
    const wrong = await req('POST', '/ladder/nodes', { rung: 'intervention', title: 'Los project', parentIds: [goal] });
    expect(wrong.body.error.id).toBe('ladder.orphan');
    const missing = await req('POST', '/ladder/nodes', { rung: 'goal', title: 'Los doel', parentIds: ['0190a3c4-0000-7000-8000-000000000000'] });
    expect(missing.body.error.id).toBe('ladder.orphan');
    expect(await snapshot(d.runtime.database.db)).toEqual(before);
  });

  it('refuses a duplicate code and fields that do not belong to the rung', async () => {
    const dup = await req('POST', '/ladder/nodes', { rung: 'action_line', title: 'Ander', parentIds: [goal], code: 'AL-042' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.id).toBe('ladder.code_taken');
    const field = await req('POST', '/ladder/nodes', { rung: 'goal', title: 'Doel', parentIds: [challenge], phase: 'uitvoeren' });
    expect(field.status).toBe(400);
    expect(field.body.error.fields[0].path).toBe('phase');
  });

  it('refuses to delete a goal whose action line has no other parent (409 ladder.would_orphan), unless told what happens', async () => {
    const res = await req('DELETE', `/ladder/nodes/${goal}`);
    expect(res.status).toBe(409);
    expect(res.body.error.id).toBe('ladder.would_orphan');
    expect((await req('GET', `/ladder/nodes/${goal}`)).status).toBe(200);

    const goal2 = await node('goal', 'Eerder hulp', [challenge], { code: 'DL-2' });
    const moved = await req('DELETE', `/ladder/nodes/${goal}?children=reparent&newParentId=${goal2}`);
    expect(moved.status).toBe(204);
    expect((await req('GET', `/ladder/nodes/${line}`)).body.parentIds).toEqual([goal2]);

    // A second parent keeps a child in place.
    const goal3 = await node('goal', 'Derde doel', [challenge]);
    await req('PATCH', `/ladder/nodes/${line}`, { parentIds: [goal2, goal3] });
    expect((await req('DELETE', `/ladder/nodes/${goal3}`)).status).toBe(204);

    const goal4 = await node('goal', 'Tijdelijk', [challenge]);
    const line4 = await node('action_line', 'Tijdelijke lijn', [goal4]);
    const iv4 = await node('intervention', 'Tijdelijk project', [line4]);
    expect((await req('DELETE', `/ladder/nodes/${goal4}?children=delete`)).status).toBe(204);
    expect((await req('GET', `/ladder/nodes/${iv4}`)).status).toBe(404);
    goal = goal2;
  });

  it('refuses relinking a node to no parent', async () => {
    const res = await req('PATCH', `/ladder/nodes/${line}`, { parentIds: [] });
    expect(res.body.error.id).toBe('ladder.orphan');
  });

  it('shows the tree down to the action lines, with their number of interventions, and finds no rule breakers in a sound ladder', async () => {
    const tree = (await req('GET', '/ladder/tree')).body;
    expect(tree.nodes.filter((n: { rung: string }) => n.rung === 'intervention')).toEqual([]);
    expect(tree.total).toBe(tree.nodes.length + 1);
    expect(tree.matched).toBeUndefined();
    expect(tree.nodes.find((n: { id: string }) => n.id === line)).toMatchObject({ parentIds: [goal], childCount: 1, matches: true, phase: 'experimenteren' });
    expect(tree.nodes.find((n: { id: string }) => n.id === goal)).toMatchObject({ childCount: 1 });
    expect((await req('GET', '/ladder/check')).body).toEqual({ items: [], total: 0 });
    const filtered = await req('GET', '/ladder/nodes?phase=experimenteren');
    expect(filtered.body.items.map((n: { id: string }) => n.id)).toEqual([line]);
  });

  it('gives the interventions of an action line on request (?parentId=)', async () => {
    const children = await req('GET', `/ladder/tree?parentId=${line}`);
    expect(children.status).toBe(200);
    expect(children.body.nodes).toEqual([expect.objectContaining({ id: intervention, rung: 'intervention', parentIds: [line], childCount: 0, matches: true })]);
    expect(children.body.total).toBe((await req('GET', '/ladder/tree')).body.total);
    const unknown = await req('GET', '/ladder/tree?parentId=0190a3c4-0000-7000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.id).toBe('ladder.node_not_found');
    expect((await req('GET', '/ladder/tree?parentId=AL-042')).status).toBe(400);
  });

  it('filters the tree on the server: the matches with the nodes above them', async () => {
    const area = (await d.request({ method: 'POST', url: api('/areas'), token: owner.token, body: { name: 'Slotermeer', kind: 'wijk', code: 'WK036380', year: 2019 } })).body.id;
    expect((await req('PATCH', `/ladder/nodes/${intervention}`, { areaIds: [area] })).status).toBe(200);
    const tree = (await req('GET', `/ladder/tree?areaId=${area}`)).body;
    expect(tree.matched).toBe(1);
    expect(tree.nodes.map((n: { id: string }) => n.id)).toEqual([value, challenge, goal, line]);
    expect(tree.nodes.every((n: { matches: boolean; childCount: number }) => !n.matches && n.childCount === 1)).toBe(true);
    const below = (await req('GET', `/ladder/tree?parentId=${line}&areaId=${area}`)).body;
    expect(below.nodes).toEqual([expect.objectContaining({ id: intervention, matches: true, areaIds: [area] })]);

    // The action line matches itself; its intervention (no phase) does not.
    const phase = (await req('GET', '/ladder/tree?phase=experimenteren')).body;
    expect(phase.matched).toBe(1);
    expect(phase.nodes.find((n: { id: string }) => n.id === line)).toMatchObject({ matches: true, childCount: 0 });
    expect((await req('GET', `/ladder/tree?parentId=${line}&phase=experimenteren`)).body.nodes).toEqual([]);

    const none = (await req('GET', '/ladder/tree?phase=verankeren')).body;
    expect(none).toMatchObject({ nodes: [], matched: 0, total: phase.total });
    expect((await req('GET', '/ladder/tree?phase=klaar')).status).toBe(400);
    expect((await req('GET', '/ladder/tree?areaId=Slotermeer')).status).toBe(400);
  });

  it('answers the tree from memory only while nothing changed, whatever made the change', async () => {
    const titleOf = async (id: string) => (await req('GET', '/ladder/tree')).body.nodes.find((n: { id: string }) => n.id === id)?.title;
    expect(await titleOf(line)).toBe('Geldcafé');
    // another process (or a script) changes the database directly: the next read sees it
    await sql`update ladder_nodes set title = 'Geldcafé West' where id = ${line}`.execute(d.runtime.database.db);
    expect(await titleOf(line)).toBe('Geldcafé West');
    // so do changes to links, areas and partners of a node
    const area = (await d.request({ method: 'POST', url: api('/areas'), token: owner.token, body: { name: 'Osdorp', kind: 'wijk', code: 'WK036399', year: 2019 } })).body.id;
    expect((await req('PATCH', `/ladder/nodes/${line}`, { areaIds: [area], title: 'Geldcafé' })).status).toBe(200);
    expect((await req('GET', `/ladder/tree?areaId=${area}`)).body.matched).toBe(1);
    await sql`delete from ladder_node_areas where area_id = ${area}`.execute(d.runtime.database.db);
    expect((await req('GET', `/ladder/tree?areaId=${area}`)).body.matched).toBe(0);
    expect(await titleOf(line)).toBe('Geldcafé');
  });

  it('refuses the children of a node in another workspace (404)', async () => {
    const other = await createWorkspace(d, owner, undefined, 'Andere werkruimte');
    const foreign = await d.request({ method: 'POST', url: `/api/w/${other}/ladder/nodes`, token: owner.token, body: { rung: 'value', title: 'Elders' } });
    expect(foreign.status).toBe(201);
    expect((await d.request({ url: `/api/w/${other}/ladder/tree?parentId=${foreign.body.id}`, token: owner.token })).status).toBe(200);
    const res = await req('GET', `/ladder/tree?parentId=${foreign.body.id}`);
    expect(res.status).toBe(404);
    expect(res.body.error.id).toBe('ladder.node_not_found');
  });

  it('only lets beheerders and programmamanagers write, while every member reads', async () => {
    const reader = await d.user('Lezer');
    await d.request({ method: 'POST', url: api('/members'), token: owner.token, body: { email: reader.email, name: reader.name, role: 'lezer' } });
    expect((await req('GET', '/ladder/tree', undefined, reader.token)).status).toBe(200);
    const res = await req('POST', '/ladder/nodes', { rung: 'goal', title: 'Mag niet', parentIds: [challenge] }, reader.token);
    expect(res.status).toBe(403);
    expect((await req('GET', `/ladder/nodes/${line}`, undefined, reader.token)).body.can).toEqual({ update: false, delete: false, editTheory: false });
  });

  it('audits every change', async () => {
    const log = (await d.request({ url: api(`/audit?entityId=${line}`), token: owner.token })).body;
    expect(log.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['create', 'update']));
  });
});

describe('the theory of change of an action line', () => {
  let line: string;
  it('keeps elements, links and assumptions, and every status change in the history', async () => {
    const value = await node('value', 'Vertrouwen', []);
    const ch = await node('challenge', 'Regels', [value]);
    const goal = await node('goal', 'Regels verbeteren', [ch]);
    line = await node('action_line', 'Pas toe of leg uit', [goal], { code: 'AL-100' });
    const a = (await req('POST', `/ladder/nodes/${line}/theory/elements`, { kind: 'activity', title: 'Afwijkingen vastleggen' })).body;
    const b = (await req('POST', `/ladder/nodes/${line}/theory/elements`, { kind: 'outcome', title: 'Regels aangepast' })).body;
    const link = await req('POST', `/ladder/nodes/${line}/theory/links`, { fromElementId: a.id, toElementId: b.id });
    expect(link.status).toBe(201);
    const assumption = (await req('POST', `/ladder/nodes/${line}/theory/assumptions`, { linkId: link.body.id, text: 'Professionals melden afwijkingen' })).body;
    expect(assumption.status).toBe('untested');
    const changed = await req('PATCH', `/ladder/nodes/${line}/theory/assumptions/${assumption.id}`, { status: 'doubtful', evidence: 'Weinig meldingen', reason: 'Leersessie' });
    expect(changed.status).toBe(200);
    await req('PATCH', `/ladder/nodes/${line}/theory/assumptions/${assumption.id}`, { status: 'holds', statusDate: '2025-03-01', evidenceLinks: ['https://example.org/sessie-4'] });
    const theory = (await req('GET', `/ladder/nodes/${line}/theory`)).body;
    const history = theory.links[0].assumptions[0].history;
    expect(history.map((h: { status: string }) => h.status)).toEqual(['untested', 'doubtful', 'holds']);
    expect(history[1]).toMatchObject({ reason: 'Leersessie', evidence: 'Weinig meldingen', actorName: 'Programmamanager' });
    expect(theory.chains).toEqual(['Activiteit: Afwijkingen vastleggen → [aanname: Professionals melden afwijkingen (houdt stand)] → Effect: Regels aangepast']);
  });

  it('refuses a link to an element of another action line, and a theory on a goal', async () => {
    const value = (await req('GET', '/ladder/nodes?rung=goal')).body.items[0].id;
    expect((await req('GET', `/ladder/nodes/${value}/theory`)).body.error.id).toBe('theory.not_action_line');
    const other = await node('action_line', 'Andere lijn', [(await req('GET', `/ladder/nodes/${line}`)).body.parentIds[0]]);
    const x = (await req('POST', `/ladder/nodes/${other}/theory/elements`, { kind: 'activity', title: 'X' })).body;
    const y = (await req('GET', `/ladder/nodes/${line}/theory`)).body.elements[0];
    const res = await req('POST', `/ladder/nodes/${line}/theory/links`, { fromElementId: y.id, toElementId: x.id });
    expect(res.status).toBe(404);
    expect(res.body.error.id).toBe('theory.element_not_found');
  });
});

describe('import and export', () => {
  const header = 'rung,code,title,parent_codes,owner,partners,areas,phase,public';
  let partnerName: string;
  let slug2: string;

  beforeAll(async () => {
    slug2 = slug;
    slug = await createWorkspace(d, owner, undefined, 'Importwerkruimte');
    partnerName = 'Woonstichting Oost';
    await d.request({ method: 'POST', url: api('/partners'), token: owner.token, body: { name: partnerName, type: 'corporatie' } });
    await d.request({ method: 'POST', url: api('/partners'), token: owner.token, body: { name: 'Buurtteam Oost', type: 'welzijn' } });
    await d.request({ method: 'POST', url: api('/areas'), token: owner.token, body: { name: 'Amsterdam', kind: 'gemeente', code: 'GM0363', year: 2019 } });
    await d.request({ method: 'POST', url: api('/areas'), token: owner.token, body: { name: 'Geuzenveld', kind: 'wijk', code: 'WK036378', year: 2019 } });
  });
  afterAll(() => {
    slug = slug2;
  });

  const sheet = (broken: boolean) => {
    const rows = [
      'value,W1,Gelijke kansen,,,,,,ja',
      'challenge,OP-1,Armoede doorbreken,W1,,,,,ja',
      'challenge,OP-2,Kansrijk opgroeien,W1,,,,,ja',
      'goal,DL-1,Minder schulden,OP-1,,,,,ja',
      'goal,DL-2,Passend schooladvies,OP-2,,,,,ja',
      // sheet row 7 (the header is row 1)
      broken ? 'action_line,AL-001,Geldcafé,DL-9,,,,,ja' : `action_line,AL-001,Geldcafé,DL-1,${partnerName},Buurtteam Oost,WK036378,experimenteren,ja`,
      ...Array.from({ length: 7 }, (_, i) => `action_line,AL-0${10 + i},Actielijn ${i + 1},DL-1;DL-2,${partnerName},,GM0363,uitvoeren,${i % 2 ? 'ja' : 'nee'}`),
      ...Array.from({ length: 7 }, (_, i) => `intervention,IV-0${10 + i},"Interventie ${i + 1}, met komma",AL-0${10 + i},,,,,ja`),
    ];
    expect(rows.length).toBe(20);
    return [header, ...rows].join('\n');
  };

  it('refuses a 20-row sheet with an error in row 7, reports row 7 and the reason, and stores nothing', async () => {
    const before = await snapshot(d.runtime.database.db);
    const res = await upload('/ladder/import', sheet(true), 'programma.csv');
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ id: 'ladder.import_failed', message: expect.any(String), fields: [{ path: 'row 7', message: expect.stringContaining('DL-9') }] });
    expect(res.body.error.rows).toEqual([{ row: 7, message: expect.stringContaining('DL-9') }]);
    expect(await snapshot(d.runtime.database.db)).toEqual(before);
  });

  it('imports the corrected sheet, and re-importing its export changes nothing (CSV)', async () => {
    const res = await upload('/ladder/import', sheet(false), 'programma.csv');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.imported).toBe(20);
    const al = (await req('GET', '/ladder/nodes?q=Geldcaf')).body.items[0];
    expect(al).toMatchObject({ code: 'AL-001', phase: 'experimenteren', public: true });
    expect(al.areaIds).toHaveLength(1);
    expect(al.partnerIds).toHaveLength(1);
    expect((await req('GET', '/ladder/check')).body.total).toBe(0);

    const csv = await d.app.server.inject({ url: api('/ladder/export?format=csv'), headers: { authorization: `Bearer ${owner.token}` } });
    expect(csv.headers['content-type']).toContain('text/csv');
    const before = await snapshot(d.runtime.database.db);
    const again = await upload('/ladder/import', csv.body, 'export.csv');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ imported: 20, created: 0, updated: 0 });
    const after = await snapshot(d.runtime.database.db);
    // Only the audit log records the import; the ladder is unchanged. (Its version counter may
    // rise, as the import rewrites the links it matched: the next tree read recomputes once.)
    expect({ ...after, audit_log: '', ladder_versions: '' }).toEqual({ ...before, audit_log: '', ladder_versions: '' });
    const csvAgain = await d.app.server.inject({ url: api('/ladder/export?format=csv'), headers: { authorization: `Bearer ${owner.token}` } });
    expect(csvAgain.body).toBe(csv.body);
  });

  it('updates by code when an edited sheet is imported again, and round-trips XLSX', async () => {
    const edited = sheet(false).replace('Minder schulden', 'Minder problematische schulden');
    const res = await upload('/ladder/import', edited, 'programma.csv');
    expect(res.body).toMatchObject({ imported: 20, created: 0, updated: 1 });
    const xlsx = await d.app.server.inject({ url: api('/ladder/export?format=xlsx'), headers: { authorization: `Bearer ${owner.token}` } });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as never);
    expect(workbook.worksheets[0].getRow(1).values).toEqual([undefined, 'rung', 'code', 'title', 'parent_codes', 'owner', 'partners', 'areas', 'phase', 'public']);
    const csvBefore = (await d.app.server.inject({ url: api('/ladder/export?format=csv'), headers: { authorization: `Bearer ${owner.token}` } })).body;
    const again = await upload('/ladder/import', xlsx.rawPayload, 'export.xlsx');
    expect(again.body).toMatchObject({ imported: 20, created: 0, updated: 0 });
    const csvAfter = (await d.app.server.inject({ url: api('/ladder/export?format=csv'), headers: { authorization: `Bearer ${owner.token}` } })).body;
    expect(csvAfter).toBe(csvBefore);
    const json = await req('GET', '/ladder/export?format=json');
    expect(json.body.ladderNodes).toHaveLength(20);
  });

  it('refuses a file that is not a sheet, and a JSON body', async () => {
    expect((await upload('/ladder/import', Buffer.from([0, 1, 2, 3]), 'kapot.bin')).status).toBe(400);
    expect((await req('POST', '/ladder/import', { file: 'x' })).status).toBe(415);
  });
});

describe('the public ladder', () => {
  it('shows the values and a public action line, hides a non-public one, and needs no login', async () => {
    const value = await node('value', 'Samen leren', []);
    const ch = await node('challenge', 'Leren', [value]);
    const goal = await node('goal', 'Leren in cycli', [ch]);
    const shown = await node('action_line', 'Openbare leerlijn', [goal], { public: true, status: 'lopend', phase: 'uitvoeren', description: 'Voor iedereen' });
    const hidden = await node('action_line', 'Geheime lijn', [goal], { public: false, description: 'Vertrouwelijk' });
    await node('intervention', 'Verborgen interventie', [shown], { public: false, budgetCents: 500 });
    const res = await d.request({ url: `/api/public/w/${slug}/ladder` });
    expect(res.status).toBe(200);
    const text = JSON.stringify(res.body);
    expect(res.body.values.map((v: { title: string }) => v.title)).toContain('Samen leren');
    expect(res.body.actionLines.map((n: { id: string }) => n.id)).toContain(shown);
    expect(res.body.actionLines.find((n: { id: string }) => n.id === shown)).toMatchObject({ status: 'lopend', phase: 'uitvoeren', valueIds: [value] });
    for (const secret of [hidden, 'Geheime lijn', 'Vertrouwelijk', 'Verborgen interventie', goal, 'Leren in cycli', 'budget', owner.id]) expect(text).not.toContain(secret);
    expect((await d.request({ url: '/api/public/w/bestaat-niet/ladder' })).status).toBe(404);
  });
});

describe('the demo ladder', () => {
  let demoToken: string;
  const demo = (path: string) => `/api/w/nieuw-west-verbindt${path}`;
  beforeAll(async () => {
    const { loadDemoAsBeheerder } = await import('../../../test/harness');
    demoToken = await loadDemoAsBeheerder(d);
  }, 180_000);

  it('holds the charter values, a dozen challenges, 20+ goals, 40+ action lines and interventions, all sound', async () => {
    const tree = (await d.request({ url: demo('/ladder/tree'), token: demoToken })).body;
    const count = (rung: string) => tree.nodes.filter((n: { rung: string }) => n.rung === rung).length;
    expect(count('value')).toBe(5);
    expect(count('challenge')).toBeGreaterThanOrEqual(12);
    expect(count('goal')).toBeGreaterThanOrEqual(20);
    expect(count('action_line')).toBeGreaterThanOrEqual(40);
    // The interventions stay out of the tree: each action line says how many it has.
    const interventions = (await d.request({ url: demo('/ladder/nodes?rung=intervention&limit=1'), token: demoToken })).body.total;
    expect(interventions).toBeGreaterThanOrEqual(40);
    expect(tree.total).toBe(tree.nodes.length + interventions);
    expect(tree.nodes.filter((n: { rung: string; childCount: number }) => n.rung === 'action_line' && n.childCount > 0).length).toBeGreaterThan(0);
    expect((await d.request({ url: demo('/ladder/check'), token: demoToken })).body.total).toBe(0);
    const charter = (await d.request({ url: demo('/charter'), token: demoToken })).body.values.map((v: { id: string }) => v.id).sort();
    const values = (await d.request({ url: demo('/ladder/nodes?rung=value'), token: demoToken })).body.items;
    expect(values.map((n: { charterValueId: string }) => n.charterValueId).sort()).toEqual(charter);
  });

  it('has theories of change with assumptions in every status', async () => {
    const al = (await d.request({ url: demo('/ladder/nodes?q=AL-028'), token: demoToken })).body.items[0];
    const theory = (await d.request({ url: demo(`/ladder/nodes/${al.id}/theory`), token: demoToken })).body;
    const statuses = new Set(theory.links.flatMap((l: { assumptions: { status: string }[] }) => l.assumptions.map((a) => a.status)));
    expect(statuses).toEqual(new Set(['holds', 'doubtful', 'untested', 'refuted']));
    expect(theory.chains.length).toBeGreaterThan(1);
    const svg = await d.app.server.inject({ url: demo(`/ladder/nodes/${al.id}/theory/diagram.svg`), headers: { authorization: `Bearer ${demoToken}` } });
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(svg.body).toMatch(/^<svg [^>]*role="img"/);
    expect(svg.body).toContain('Energiefixers komen langs aan de keukentafel');
    expect(svg.body).toContain('weerlegd');
    expect(svg.body).toContain('<desc id="toc-desc">');
  });

  it('shows a neighbourhood its public action lines only', async () => {
    const res = await d.request({ url: '/api/public/w/nieuw-west-verbindt/ladder?areaCode=WK036381' });
    expect(res.status).toBe(200);
    const codes = res.body.actionLines.map((n: { code: string }) => n.code);
    expect(codes).toContain('AL-014');
    expect(codes).not.toContain('AL-020'); // not public
    expect(codes).not.toContain('AL-001'); // another wijk
    expect(res.body.area).toEqual({ code: 'WK036381', name: 'Osdorp-Oost' });
    expect(res.body.values).toHaveLength(5);
  });
});
