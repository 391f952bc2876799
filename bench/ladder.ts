/**
 * ladder: the policy ladder at programme scale (20 values, 60 challenges, 200 goals, 500
 * action lines, 5,000 interventions, 2,000 theory-of-change links), generated with a seeded
 * PRNG in one workspace. Measures the tree (down to the action lines), opening random action
 * lines (their interventions), traces of random interventions, the programme-wide check and
 * the import of the 500-action-line sheet, each against a
 * reference in the same run: the endpoint's own SQL replayed bare (a plain Fastify route on
 * the same database handle), and for the import, the same rows as plain multi-row INSERTs
 * in one transaction. Targets from issue 3 (tree, expand and trace p95 < 50 ms, import < 5 s) are
 * reported, never enforced.
 */
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { CompiledQuery, sql, type Kysely } from 'kysely';
import { loadConfig } from '../src/platform/config';
import { type ServiceContext, type WorkspaceScope } from '../src/platform/context';
import type { Db } from '../src/platform/db/database';
import { buildApp, type App } from '../src/platform/http/app';
import { newId } from '../src/platform/ids';
import type { Runtime } from '../src/platform/runtime';
import { modules } from '../src/modules';
import { createPartner } from '../src/core/workspaces/service';
import { PARTNER_TYPES } from '../src/core/workspaces/schema';
import * as repo from '../src/core/ladder/repository';
import { syncValuesWithCharter } from '../src/core/ladder/service';
import { INTERVENTION_KINDS, PHASES, STATUSES } from '../src/core/ladder/schema';
import { SHEET_COLUMNS, writeCsv, type SheetRecord } from '../src/core/ladder/sheet';
import { exactLatency, runLoad, type ExactLatency, type LoadSummary } from './lib/load';
import { finish, machineInfo } from './lib/machine';
import { captureSql } from './lib/sql-capture';
import { explainAll, explainText } from './lib/explain';
import { listen, startBenchApp } from './lib/app';
import { envSeconds, median, ratio, round, table, writeResult } from './lib/util';

const SCALE = { values: 20, challenges: 60, goals: 200, actionLines: 500, interventions: 5000, tocLinks: 2000, partners: 60 };
const CONNECTION_LEVELS = [1, 16];
const CHECK_RUNS = 30;
const IMPORT_REPEATS = 3;
const TARGET = { treeP95Ms: 50, expandP95Ms: 50, traceP95Ms: 50, importSeconds: 5 };
const SEED = 20261128;

type Kind = 'pglite' | 'postgres';
type Which = 'app' | 'bare';

// Deterministic data

/** mulberry32: a small seeded PRNG, so every run builds the same programme. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]) => list[int(list.length)];
  /** k distinct items (k ≤ list length). */
  const some = <T>(list: readonly T[], k: number) => {
    const chosen = new Set<T>();
    while (chosen.size < Math.min(k, list.length)) chosen.add(pick(list));
    return [...chosen];
  };
  return { next, int, pick, some };
}

const pad = (n: number, width = 3) => String(n).padStart(width, '0');
const partnerName = (i: number) => `Partner ${pad(i + 1, 2)} Amsterdam`;
const WORDS = ['wonen', 'werk', 'jeugd', 'gezondheid', 'veiligheid', 'groen', 'onderwijs', 'armoede', 'cultuur', 'sport', 'zorg', 'buurt', 'mobiliteit', 'energie', 'taal'];
const phrase = (r: ReturnType<typeof prng>, n: number) => Array.from({ length: n }, () => r.pick(WORDS)).join(' ');

/** The programme sheet in the template's columns: values, challenges, goals and action lines (780 rows). */
function programmeSheet(): SheetRecord[] {
  const r = prng(SEED);
  const rows: SheetRecord[] = [];
  const row = (cells: Partial<SheetRecord>): SheetRecord => Object.fromEntries(SHEET_COLUMNS.map((c) => [c, cells[c] ?? ''])) as SheetRecord;
  const level = (rung: string, prefix: string, count: number, parents: string[], extra: (i: number) => Partial<SheetRecord> = () => ({})) => {
    const codes: string[] = [];
    for (let i = 0; i < count; i++) {
      const code = `${prefix}${pad(i + 1)}`;
      codes.push(code);
      // Every parent gets at least one child (round robin), plus sometimes a second parent.
      const own = parents.length ? [parents[i % parents.length], ...(r.next() < 0.3 ? [r.pick(parents)] : [])] : [];
      rows.push(row({ rung, code, title: `${rung} ${code}: ${phrase(r, 4)}`, parent_codes: [...new Set(own)].join(';'), public: rung === 'value' || r.next() < 0.5 ? 'ja' : 'nee', ...extra(i) }));
    }
    return codes;
  };
  const values = level('value', 'W', SCALE.values, []);
  const challenges = level('challenge', 'O', SCALE.challenges, values);
  const goals = level('goal', 'D', SCALE.goals, challenges);
  const partners = Array.from({ length: SCALE.partners }, (_, i) => partnerName(i));
  level('action_line', 'AL', SCALE.actionLines, goals, () => ({
    owner: r.pick(partners),
    partners: r.some(partners, r.int(4)).join(';'),
    phase: r.pick(PHASES),
  }));
  return rows;
}

// Set-up

interface Workspace {
  slug: string;
  scope: WorkspaceScope;
  ctx: ServiceContext;
  partnerIds: string[];
}

interface Setup {
  kind: Kind;
  runtime: Runtime;
  db: Db;
  app: App;
  bare: FastifyInstance;
  appUrl: string;
  bareUrl: string;
  token: string;
  ws: Workspace;
  newWorkspace: (slug: string, withPartners: boolean) => Promise<Workspace>;
  drop?: () => Promise<void>;
  tmp: string;
}

async function setUp(kind: Kind): Promise<Setup> {
  const { runtime, app, cli, actor, token, tmp, drop } = await startBenchApp(kind, 'ladder');
  try {
    const newWorkspace = async (slug: string, withPartners: boolean): Promise<Workspace> => {
      const res = await app.server.inject({ method: 'POST', url: '/api/workspaces', headers: { authorization: `Bearer ${token}` }, payload: { name: `Benchmark ${slug}`, slug } });
      if (res.statusCode !== 201) throw new Error(`workspace ${slug} not created: ${res.statusCode} ${res.body}`);
      const scope = await app.registry.tenancy({ ...cli, actor }, slug);
      if (!scope) throw new Error(`workspace ${slug} not found after creating it`);
      const ctx: ServiceContext = { ...cli, actor, workspace: scope };
      const partnerIds: string[] = [];
      for (let i = 0; withPartners && i < SCALE.partners; i++) {
        partnerIds.push((await createPartner(ctx, { name: partnerName(i), type: PARTNER_TYPES[i % PARTNER_TYPES.length] })).id);
      }
      return { slug, scope, ctx, partnerIds };
    };
    const ws = await newWorkspace('bench-ladder', true);
    const bare = Fastify({ bodyLimit: 50 * 1024 * 1024 });
    return { kind, runtime, db: runtime.database.db, app, bare, appUrl: '', bareUrl: '', token, ws, newWorkspace, drop, tmp };
  } catch (err) {
    await drop?.().catch(() => {});
    throw err;
  }
}

async function tearDown(s: Setup) {
  await s.bare.close();
  await s.app.server.close();
  await s.runtime.close();
  await s.drop?.();
  fs.rmSync(s.tmp, { recursive: true, force: true });
}

/** POSTs the sheet as multipart (field `file`) and times it from request to full response. */
async function postSheet(s: Setup, slug: string, csv: string) {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'programma.csv');
  const started = performance.now();
  const res = await fetch(`${s.appUrl}/api/w/${slug}/ladder/import`, { method: 'POST', headers: { authorization: `Bearer ${s.token}` }, body: form });
  const text = await res.text();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`import answered ${res.status}: ${text.slice(0, 500)}`);
  return { ms: round(ms, 1), result: JSON.parse(text) as { imported: number; created: number; updated: number } };
}

/**
 * The 5,000 interventions (1–2 action lines each, an owner partner, 0–2 other partners) and
 * the theories of change (400 action lines × 5 elements and 5 links), written straight into
 * the tables with the repository's batch inserts (repo.insertNodes, repo.addLinks,
 * repo.replaceRelations) and multi-row INSERTs for the elements and links: the service
 * would add one transaction, audit row and validation round per intervention.
 */
async function seedInterventions(s: Setup) {
  const r = prng(SEED + 1);
  const wsId = s.ws.scope.id;
  const nodes = await repo.allNodes(s.db, wsId);
  const actionLines = nodes.filter((n) => n.rung === 'action_line').map((n) => n.id);
  const rows: repo.NewNode[] = [];
  const links: { childId: string; parentId: string }[] = [];
  const partners: { nodeId: string; ids: string[] }[] = [];
  for (let i = 0; i < SCALE.interventions; i++) {
    const id = newId();
    const start = `20${26 + r.int(10)}-0${1 + r.int(9)}-1${r.int(10)}`;
    rows.push({
      workspaceId: wsId,
      id,
      rung: 'intervention',
      code: `INT${pad(i + 1, 5)}`,
      title: `Interventie ${i + 1}: ${phrase(r, 5)}`,
      description: `Beschrijving van interventie ${i + 1}: ${phrase(r, 20)}.`,
      public: r.next() < 0.5,
      charterValueId: null,
      ownerUserId: null,
      ownerPartnerId: r.pick(s.ws.partnerIds),
      phase: null,
      status: r.pick(STATUSES),
      kind: r.pick(INTERVENTION_KINDS),
      startDate: start,
      endDate: `${Number(start.slice(0, 4)) + 1 + r.int(3)}${start.slice(4)}`,
      budgetCents: r.int(10_000_000) * 100,
    });
    // Round robin, so every action line has interventions (10 on average), sometimes a second one.
    const parents = new Set([actionLines[i % actionLines.length], ...(r.next() < 0.2 ? [r.pick(actionLines)] : [])]);
    for (const parentId of parents) links.push({ childId: id, parentId });
    partners.push({ nodeId: id, ids: r.some(s.ws.partnerIds, r.int(3)) });
  }
  const elements: Record<string, unknown>[] = [];
  const tocLinks: Record<string, unknown>[] = [];
  const withTheory = actionLines.slice(0, SCALE.tocLinks / 5);
  for (const nodeId of withTheory) {
    const [a1, a2, out, outcome, impact] = ['activity', 'activity', 'output', 'outcome', 'impact'].map((kind, k) => {
      const id = newId();
      elements.push({ workspaceId: wsId, id, nodeId, kind, title: `${kind} ${k + 1}: ${phrase(r, 4)}`, description: phrase(r, 10) });
      return id;
    });
    for (const [from, to] of [
      [a1, out],
      [a2, out],
      [out, outcome],
      [outcome, impact],
      [a1, outcome],
    ]) {
      tocLinks.push({ workspaceId: wsId, id: newId(), nodeId, fromElementId: from, toElementId: to });
    }
  }
  const started = performance.now();
  const batches = <T>(list: T[], size: number) => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));
  const db = s.db as Kysely<any>;
  await db.transaction().execute(async (trx) => {
    for (const b of batches(rows, 500)) await repo.insertNodes(trx, b);
    for (const b of batches(links, 2000)) await repo.addLinks(trx, wsId, b);
    for (const b of batches(partners, 1000)) await repo.replaceRelations(trx, wsId, 'partners', b);
    for (const b of batches(elements, 1000)) await trx.insertInto('ladderTocElements').values(b).execute();
    for (const b of batches(tocLinks, 1000)) await trx.insertInto('ladderTocLinks').values(b).execute();
  });
  return {
    ms: Math.round(performance.now() - started),
    interventions: rows.length,
    interventionLinks: links.length,
    interventionPartnerRows: partners.reduce((n, p) => n + p.ids.length, 0),
    actionLinesWithTheory: withTheory.length,
    tocElements: elements.length,
    tocLinks: tocLinks.length,
    interventionIds: rows.map((n) => n.id),
  };
}

// SQL capture and bare routes

interface Captured {
  /** The endpoint's own queries (platform token and tenancy look-ups excluded). */
  sql: CompiledQuery[];
  /** How many of them are ensureValues (run in a transaction, one after the other). */
  prefix: number;
}

/** Runs a request through a probe app whose db handle records SQL, and keeps the endpoint's own queries. */
async function captureEndpoints(s: Setup, urls: Record<string, string>) {
  const capture = captureSql(s.db);
  const config = loadConfig({ DICHTER_DATA: s.tmp, HOST: '127.0.0.1', DICHTER_LOG_LEVEL: 'silent', DICHTER_DEMO: 'false' });
  const probe = await buildApp({ config, database: { ...s.runtime.database, db: capture.db }, modules, events: s.runtime.events });
  const get = async (url: string) => {
    const res = await probe.server.inject({ url, headers: { authorization: `Bearer ${s.token}` } });
    if (res.statusCode !== 200) throw new Error(`probe ${url} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
  };
  await get(`/api/w/${s.ws.slug}/nav`);
  capture.take();
  await get(`/api/w/${s.ws.slug}/nav`);
  const common = capture.take();
  await syncValuesWithCharter(s.ws.ctx, capture.db, s.ws.scope);
  const ensureValues = capture.take();
  const out: Record<string, Captured> = {};
  for (const [name, url] of Object.entries(urls)) {
    await get(url);
    const all = capture.take();
    if (!common.every((q, i) => all[i]?.sql === q.sql) || all.length <= common.length) throw new Error(`cannot isolate the SQL of ${url}:\n${all.map((q) => q.sql).join('\n')}`);
    const own = all.slice(common.length);
    const prefix = ensureValues.every((q, i) => own[i]?.sql === q.sql) ? ensureValues.length : 0;
    out[name] = { sql: own, prefix };
  }
  await probe.server.close();
  return { endpoints: out, platformSql: common.map((q) => q.sql) };
}

const swap = (q: CompiledQuery, from: string, to: string) => CompiledQuery.raw(q.sql, q.parameters.map((p) => (p === from ? to : p)));

function bareRoutes(s: Setup, captured: Record<string, Captured>, probe: { intervention: string; actionLine: string }) {
  const db = s.db;
  /** ensureValues as the service runs it: its queries one after the other, in a transaction. */
  const prefix = async (c: Captured) => {
    if (c.prefix) await db.transaction().execute(async (trx) => {
      for (const q of c.sql.slice(0, c.prefix)) await trx.executeQuery(q);
    });
  };
  // Tree: ensureValues, then the nodes down to the action lines and the counts together (as getTree does).
  s.bare.get('/bare/tree', async () => {
    const c = captured.tree;
    await prefix(c);
    const [nodes, counts] = await Promise.all(c.sql.slice(c.prefix).map((q) => db.executeQuery(q)));
    return { nodes: nodes.rows, counts: counts.rows[0] };
  });
  // Expand: the parent, then its children and the counts together.
  const [findParent, children, counts] = captured.expand.sql;
  s.bare.get<{ Params: { id: string } }>('/bare/expand/:id', async (req, reply) => {
    const id = req.params.id;
    const parent = await db.executeQuery(swap(findParent, probe.actionLine, id));
    if (!parent.rows.length) return reply.code(404).send({});
    const [nodes, count] = await Promise.all([db.executeQuery(swap(children, probe.actionLine, id)), db.executeQuery(counts)]);
    return { nodes: nodes.rows, counts: count.rows[0] };
  });
  // Trace: the node, then paths up and links down together, then the nodes they name.
  const [findNode, pathsUp, linksDown, findNodes] = captured.trace.sql;
  s.bare.get<{ Params: { id: string } }>('/bare/trace/:id', async (req, reply) => {
    const id = req.params.id;
    const node = await db.executeQuery(swap(findNode, probe.intervention, id));
    if (!node.rows.length) return reply.code(404).send({});
    const [up, down] = await Promise.all([db.executeQuery(swap(pathsUp, probe.intervention, id)), db.executeQuery(swap(linksDown, probe.intervention, id))]);
    const ids = [...new Set([...(up.rows as { path: string[] }[]).flatMap((r) => r.path), ...(down.rows as { childId: string }[]).map((l) => l.childId)])];
    // The same statement with as many placeholders as ids (the workspace is $1).
    const text = findNodes.sql.replace(/in \((\$\d+(, )?)+\)/, () => `in (${ids.map((_, i) => `$${i + 2}`).join(', ')})`);
    const nodes = ids.length ? (await db.executeQuery(CompiledQuery.raw(text, [s.ws.scope.id, ...ids]))).rows : [];
    return { up: up.rows, down: down.rows, nodes };
  });
  // Check: ensureValues, then the rule breakers, the charter and the value nodes together.
  s.bare.get('/bare/check', async () => {
    const c = captured.check;
    await prefix(c);
    const results = await Promise.all(c.sql.slice(c.prefix).map((q) => db.executeQuery(q)));
    return { results: results.map((r) => r.rows) };
  });
}


// Measuring

async function fetchOnce(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers });
  const text = await res.text();
  return { status: res.status, bytes: Buffer.byteLength(text), text };
}

interface Level {
  connections: number;
  order: Which[];
  app: LoadSummary;
  bare: LoadSummary;
  /** app ÷ bare, from the exact response times (p50, p95, p99) and the throughput. */
  ratio: { requestsPerSecond: number | null; p50: number | null; p95: number | null; p99: number | null };
}

async function loadLevels(targets: Record<Which, { url: string; paths?: string[]; headers?: Record<string, string> }>, seconds: number, log: (l: string) => void, label: string) {
  const levels: Level[] = [];
  for (const [i, connections] of CONNECTION_LEVELS.entries()) {
    const order: Which[] = i % 2 === 0 ? ['app', 'bare'] : ['bare', 'app'];
    const results: Partial<Record<Which, LoadSummary>> = {};
    for (const which of order) {
      log(`  ${label}, ${connections} connection(s): ${which} for ${seconds} s…`);
      results[which] = await runLoad({ ...targets[which], connections, seconds, exactLatencies: true });
    }
    const app = results.app!;
    const bare = results.bare!;
    const e = (x: LoadSummary) => x.exactLatencyMs!;
    levels.push({
      connections,
      order,
      app,
      bare,
      ratio: { requestsPerSecond: ratio(app.requestsPerSecond, bare.requestsPerSecond), p50: ratio(e(app).p50, e(bare).p50), p95: ratio(e(app).p95, e(bare).p95), p99: ratio(e(app).p99, e(bare).p99) },
    });
  }
  return levels;
}

/** Sequential requests, app and bare interleaved, each timed from request to full body. */
async function sequential(targets: Record<Which, { url: string; headers?: Record<string, string> }>, runs: number, warmup: number, before?: () => Promise<unknown>) {
  const times: Record<Which, number[]> = { app: [], bare: [] };
  for (let i = 0; i < warmup + runs; i++) {
    for (const which of (i % 2 ? ['bare', 'app'] : ['app', 'bare']) as Which[]) {
      await before?.();
      const started = performance.now();
      const res = await fetch(targets[which].url, { headers: targets[which].headers ?? {} });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${which} ${targets[which].url} answered ${res.status}`);
      if (i >= warmup) times[which].push(performance.now() - started);
    }
  }
  const app = exactLatency(times.app);
  const bare = exactLatency(times.bare);
  return { runs, app, bare, ratio: { p50: ratio(app.p50, bare.p50), p95: ratio(app.p95, bare.p95), mean: ratio(app.mean, bare.mean) } };
}

/** The reference for the import: the same rows as plain multi-row INSERTs in one transaction. */
async function insertReference(s: Setup, ws: Workspace, sheet: SheetRecord[]) {
  const wsId = ws.scope.id;
  const idOf = new Map(sheet.map((row) => [row.code, newId()]));
  const partnerId = new Map(Array.from({ length: SCALE.partners }, (_, i) => [partnerName(i), s.ws.partnerIds[i]]));
  const nodes = sheet.map((row) => ({
    workspaceId: wsId,
    id: idOf.get(row.code)!,
    rung: row.rung,
    code: row.code,
    title: row.title,
    public: row.public === 'ja',
    ownerPartnerId: row.owner ? partnerId.get(row.owner)! : null,
    phase: row.phase || null,
  }));
  const links = sheet.flatMap((row) => (row.parent_codes ? row.parent_codes.split(';').map((p) => ({ workspaceId: wsId, childId: idOf.get(row.code)!, parentId: idOf.get(p)! })) : []));
  const partners = sheet.flatMap((row) => (row.partners ? row.partners.split(';').map((p) => ({ workspaceId: wsId, nodeId: idOf.get(row.code)!, partnerId: partnerId.get(p)! })) : []));
  const db = s.db as Kysely<any>;
  const started = performance.now();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('ladderNodes').values(nodes).execute();
    await trx.insertInto('ladderLinks').values(links).execute();
    if (partners.length) await trx.insertInto('ladderNodePartners').values(partners).execute();
  });
  return { ms: round(performance.now() - started, 1), rows: { ladderNodes: nodes.length, ladderLinks: links.length, ladderNodePartners: partners.length } };
}

async function measure(kind: Kind, seconds: number, warmup: number, log: (line: string) => void) {
  log(`ladder on ${kind}: setting up…`);
  const s = await setUp(kind);
  try {
    s.appUrl = await listen(s.app.server);
    const sheet = programmeSheet();
    const csv = writeCsv(sheet);
    const auth = { authorization: `Bearer ${s.token}` };
    const base = `/api/w/${s.ws.slug}/ladder`;

    // 4a. The first import creates the upper ladder (780 rows) in the empty workspace.
    log(`  importing the ${sheet.length}-row sheet (${Buffer.byteLength(csv)} B)…`);
    const first = await postSheet(s, s.ws.slug, csv);
    if (first.result.created !== sheet.length) throw new Error(`first import: ${JSON.stringify(first.result)}`);

    log(`  seeding ${SCALE.interventions} interventions and ${SCALE.tocLinks} theory-of-change links…`);
    const seeded = await seedInterventions(s);
    const { interventionIds, ...seedInfo } = seeded;
    log(`  seeded in ${seeded.ms} ms`);

    // The probes: one intervention and one action line; the loads pick from 2,000 random interventions and 2,000 random action lines.
    const r = prng(SEED + 2);
    const actionLineIds = (await repo.listNodes(s.db, s.ws.scope.id, { rung: 'action_line', limit: SCALE.actionLines, offset: 0 })).items.map((n) => n.id).sort();
    const probe = { intervention: interventionIds[0], actionLine: actionLineIds[0] };
    const traceIds = Array.from({ length: 2000 }, () => r.pick(interventionIds));
    const expandIds = Array.from({ length: 2000 }, () => r.pick(actionLineIds));
    const captured = await captureEndpoints(s, {
      tree: `${base}/tree`,
      expand: `${base}/tree?parentId=${probe.actionLine}`,
      trace: `${base}/nodes/${probe.intervention}/trace`,
      check: `${base}/check`,
    });
    // The version check belongs to the app's tree cache; the reference runs the tree's SQL every time.
    for (const c of Object.values(captured.endpoints)) c.sql = c.sql.filter((q) => !q.sql.includes('ladder_versions'));
    if (process.env.BENCH_DEBUG) for (const q of [...captured.endpoints.expand.sql, ...captured.endpoints.trace.sql]) log(q.sql);
    if (captured.endpoints.trace.sql.length !== 4) throw new Error(`trace ran ${captured.endpoints.trace.sql.length} queries, expected 4`);
    if (captured.endpoints.expand.sql.length !== 3) throw new Error(`expand ran ${captured.endpoints.expand.sql.length} queries, expected 3`);
    bareRoutes(s, captured.endpoints, probe);
    s.bareUrl = await listen(s.bare);

    // Both sides must answer, with the same data.
    const treeApp = await fetchOnce(`${s.appUrl}${base}/tree`, auth);
    if (treeApp.status !== 200) throw new Error(`tree answered ${treeApp.status}: ${treeApp.text.slice(0, 500)}`);
    const treeBare = await fetchOnce(`${s.bareUrl}/bare/tree`);
    type Tree = { nodes: { id: string; parentIds: string[]; childCount: number }[]; total: number };
    const tree = JSON.parse(treeApp.text) as Tree;
    const treeB = JSON.parse(treeBare.text) as { nodes: unknown[]; counts: { total: number } };
    // The tree comes down to the action lines (the sheet's 780 rows); the interventions are counted, not sent:
    // the children counted beyond the links within the tree are the links to the interventions.
    const treeLinks = tree.nodes.reduce((n, node) => n + node.parentIds.length, 0);
    const interventionLinks = tree.nodes.reduce((n, node) => n + node.childCount, 0) - treeLinks;
    if (tree.total !== sheet.length + SCALE.interventions || tree.nodes.length !== sheet.length || treeB.nodes.length !== sheet.length || Number(treeB.counts.total) !== tree.total) {
      throw new Error(`tree answers differ: app ${tree.nodes.length} of ${tree.total} nodes, bare ${treeB.nodes?.length} of ${treeB.counts?.total}`);
    }
    if (interventionLinks !== seedInfo.interventionLinks) throw new Error(`the action lines count ${interventionLinks} interventions, ${seedInfo.interventionLinks} were linked`);
    const expandApp = await fetchOnce(`${s.appUrl}${base}/tree?parentId=${expandIds[1]}`, auth);
    if (expandApp.status !== 200) throw new Error(`expand answered ${expandApp.status}: ${expandApp.text.slice(0, 500)}`);
    const expandBare = await fetchOnce(`${s.bareUrl}/bare/expand/${expandIds[1]}`);
    const expandA = JSON.parse(expandApp.text) as Tree;
    const expandB = JSON.parse(expandBare.text) as { nodes: unknown[] };
    const expected = tree.nodes.find((n) => n.id === expandIds[1])!.childCount;
    if (expandA.nodes.length !== expected || expandB.nodes?.length !== expected) throw new Error(`expand answers differ: app ${expandA.nodes.length}, bare ${expandB.nodes?.length}, expected ${expected}`);
    const traceApp = await fetchOnce(`${s.appUrl}${base}/nodes/${traceIds[1]}/trace`, auth);
    if (traceApp.status !== 200) throw new Error(`trace answered ${traceApp.status}: ${traceApp.text.slice(0, 500)}`);
    const traceBare = await fetchOnce(`${s.bareUrl}/bare/trace/${traceIds[1]}`);
    if (traceBare.status !== 200) throw new Error(`bare trace answered ${traceBare.status}: ${traceBare.text.slice(0, 500)}`);
    const traceA = JSON.parse(traceApp.text) as { up: unknown[][] };
    const traceB = JSON.parse(traceBare.text) as { up: unknown[][] };
    if (traceApp.status !== 200 || traceA.up.length === 0 || traceA.up.length !== traceB.up.length) throw new Error(`trace answers differ: app ${traceApp.status} ${traceA.up?.length} paths, bare ${traceB.up?.length}`);
    const checkApp = await fetchOnce(`${s.appUrl}${base}/check`, auth);
    const checkBare = await fetchOnce(`${s.bareUrl}/bare/check`);
    const check = JSON.parse(checkApp.text) as { total: number };
    if (checkApp.status !== 200 || checkBare.status !== 200) throw new Error(`check answered ${checkApp.status} / ${checkBare.status}`);
    if (check.total !== 0) throw new Error(`the generated ladder should be clean, check reports ${check.total} problems`);

    // 1. Tree.
    log(`  warming up ${warmup} s each…`);
    await runLoad({ url: `${s.appUrl}${base}/tree`, connections: 4, seconds: warmup, headers: auth });
    await runLoad({ url: `${s.bareUrl}/bare/tree`, connections: 4, seconds: warmup });
    const treeLevels = await loadLevels({ app: { url: `${s.appUrl}${base}/tree`, headers: auth }, bare: { url: `${s.bareUrl}/bare/tree` } }, seconds, log, 'tree');
    // 1a. The app answers repeated reads from memory while the ladder version stands; the first
    // read after a change recomputes. Before each request one action line is renamed (not timed).
    log(`  tree after a change: ${CHECK_RUNS} sequential runs each…`);
    let renames = 0;
    const rename = () => sql`update ladder_nodes set title = ${`Actielijn na wijziging ${++renames}`} where workspace_id = ${s.ws.scope.id} and id = ${probe.actionLine}`.execute(s.db);
    const original = (await repo.findNode(s.db, s.ws.scope.id, probe.actionLine))!.title;
    const treeAfterChange = await sequential({ app: { url: `${s.appUrl}${base}/tree`, headers: auth }, bare: { url: `${s.bareUrl}/bare/tree` } }, CHECK_RUNS, 3, rename);
    await sql`update ladder_nodes set title = ${original} where workspace_id = ${s.ws.scope.id} and id = ${probe.actionLine}`.execute(s.db);

    // 1b. Opening random action lines: their interventions (another id on every request).
    const expandPaths = { app: expandIds.map((id) => `${base}/tree?parentId=${id}`), bare: expandIds.map((id) => `/bare/expand/${id}`) };
    await runLoad({ url: `${s.appUrl}/`, paths: expandPaths.app, connections: 4, seconds: warmup, headers: auth });
    await runLoad({ url: `${s.bareUrl}/`, paths: expandPaths.bare, connections: 4, seconds: warmup });
    const expandLevels = await loadLevels({ app: { url: `${s.appUrl}/`, paths: expandPaths.app, headers: auth }, bare: { url: `${s.bareUrl}/`, paths: expandPaths.bare } }, seconds, log, 'expand');

    // 2. Trace of random interventions (another id on every request).
    const tracePaths = { app: traceIds.map((id) => `${base}/nodes/${id}/trace`), bare: traceIds.map((id) => `/bare/trace/${id}`) };
    await runLoad({ url: `${s.appUrl}/`, paths: tracePaths.app, connections: 4, seconds: warmup, headers: auth });
    await runLoad({ url: `${s.bareUrl}/`, paths: tracePaths.bare, connections: 4, seconds: warmup });
    const traceLevels = await loadLevels({ app: { url: `${s.appUrl}/`, paths: tracePaths.app, headers: auth }, bare: { url: `${s.bareUrl}/`, paths: tracePaths.bare } }, seconds, log, 'trace');

    // 3. Check: sequential runs.
    log(`  check: ${CHECK_RUNS} sequential runs each…`);
    const checkRuns = await sequential({ app: { url: `${s.appUrl}${base}/check`, headers: auth }, bare: { url: `${s.bareUrl}/bare/check` } }, CHECK_RUNS, 3);

    // EXPLAIN ANALYZE of every captured query, on this database.
    const endpoints = ['tree', 'expand', 'trace', 'check'] as const;
    const plans = {} as Record<(typeof endpoints)[number], Awaited<ReturnType<typeof explainAll>>>;
    for (const e of endpoints) plans[e] = await explainAll(s.db, captured.endpoints[e].sql);
    const slowest = endpoints
      .flatMap((endpoint) => plans[endpoint].map((p, i) => ({ endpoint, p, q: captured.endpoints[endpoint].sql[i] })))
      .sort((a, b) => b.p.executionMs - a.p.executionMs)[0];
    const slowestPlan = await explainText(s.db, slowest.q);

    // 4b. Re-import of the unchanged sheet, now with the 5,000 interventions on the ladder.
    log(`  re-importing ${IMPORT_REPEATS}× and first imports in ${IMPORT_REPEATS - 1} fresh workspaces…`);
    const reimports = [];
    for (let i = 0; i < IMPORT_REPEATS; i++) {
      const again = await postSheet(s, s.ws.slug, csv);
      if (again.result.created !== 0 || again.result.updated !== 0) throw new Error(`re-import changed rows: ${JSON.stringify(again.result)}`);
      reimports.push(again.ms);
    }
    const firsts = [first.ms];
    for (let i = 1; i < IMPORT_REPEATS; i++) {
      const ws = await s.newWorkspace(`bench-import-${i}`, true);
      firsts.push((await postSheet(s, ws.slug, csv)).ms);
    }
    const references = [];
    for (let i = 0; i < IMPORT_REPEATS; i++) references.push(await insertReference(s, await s.newWorkspace(`bench-reference-${i}`, false), sheet));
    const refMedian = median(references.map((x) => x.ms));

    const p95At1 = (levels: Level[]) => levels.find((l) => l.connections === 1)!.app.exactLatencyMs!.p95;
    const failures = [...treeLevels, ...expandLevels, ...traceLevels].reduce((n, l) => n + l.app.errors + l.app.non2xx + l.bare.errors + l.bare.non2xx, 0);
    return {
      database: kind,
      data: {
        generator: `mulberry32 seed ${SEED}`,
        scale: SCALE,
        sheet: { rows: sheet.length, bytes: Buffer.byteLength(csv), columns: SHEET_COLUMNS, note: 'values, challenges, goals and action lines (owner, partners, phase, public); no interventions' },
        seeding: { ...seedInfo, method: 'direct repository batch inserts in one transaction (repo.insertNodes ×500, repo.addLinks, repo.replaceRelations; multi-row INSERT for theory-of-change elements and links)' },
        totalNodes: tree.total,
        treeNodes: tree.nodes.length,
        parentLinks: treeLinks + interventionLinks,
      },
      platformSql: captured.platformSql,
      sql: Object.fromEntries(Object.entries(captured.endpoints).map(([k, c]) => [k, { ensureValuesQueries: c.prefix, queries: c.sql.map((q) => q.sql.replace(/\s+/g, ' ')) }])),
      tree: {
        url: `${base}/tree`,
        responseBytes: { app: treeApp.bytes, bare: treeBare.bytes },
        note: 'levels: repeated reads of an unchanged ladder (the app answers from its cache, checked against the ladder version on every request; the reference runs the SQL each time). afterChange: each read follows a change to the ladder, so the app recomputes.',
        levels: treeLevels,
        afterChange: treeAfterChange,
      },
      expand: { url: `${base}/tree?parentId=:actionLine`, distinctIds: new Set(expandIds).size, sampleResponseBytes: { app: expandApp.bytes, bare: expandBare.bytes }, sampleNodes: expandA.nodes.length, levels: expandLevels },
      trace: { url: `${base}/nodes/:id/trace`, distinctIds: new Set(traceIds).size, sampleResponseBytes: { app: traceApp.bytes, bare: traceBare.bytes }, samplePaths: traceA.up.length, levels: traceLevels },
      check: { url: `${base}/check`, responseBytes: { app: checkApp.bytes, bare: checkBare.bytes }, problems: check.total, ...checkRuns },
      import: {
        firstMs: firsts,
        firstMedianMs: median(firsts),
        reimportMs: reimports,
        reimportMedianMs: median(reimports),
        reference: references,
        referenceMedianMs: refMedian,
        ratio: { first: ratio(median(firsts), refMedian), reimport: ratio(median(reimports), refMedian) },
        note: 'first import: the main workspace (empty ladder) plus fresh workspaces with the same partners; re-imports: the main workspace with the 5,000 interventions present. Wall time of POST …/ladder/import (multipart) from request to full response.',
      },
      explain: { ...plans, slowest: { endpoint: slowest.endpoint, plan: slowestPlan } },
      targets: {
        treeP95Ms: { target: TARGET.treeP95Ms, at1Connection: p95At1(treeLevels), met: p95At1(treeLevels) < TARGET.treeP95Ms, afterChangeP95: treeAfterChange.app.p95, afterChangeMet: treeAfterChange.app.p95 < TARGET.treeP95Ms },
        expandP95Ms: { target: TARGET.expandP95Ms, at1Connection: p95At1(expandLevels), met: p95At1(expandLevels) < TARGET.expandP95Ms },
        traceP95Ms: { target: TARGET.traceP95Ms, at1Connection: p95At1(traceLevels), met: p95At1(traceLevels) < TARGET.traceP95Ms },
        importSeconds: { target: TARGET.importSeconds, firstMedian: round(median(firsts) / 1000, 2), reimportMedian: round(median(reimports) / 1000, 2), met: Math.max(median(firsts), median(reimports)) < TARGET.importSeconds * 1000 },
      },
      failures,
    };
  } finally {
    await tearDown(s);
  }
}

export async function ladder(log: (line: string) => void = console.log) {
  const seconds = envSeconds('BENCH_SECONDS', 10);
  const warmup = envSeconds('BENCH_WARMUP_SECONDS', 3);
  const kinds: Kind[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
  const machine = machineInfo();
  const runs = [];
  for (const kind of kinds) runs.push(await measure(kind, seconds, warmup, log));

  const result = {
    benchmark: 'ladder',
    description:
      'The policy ladder at programme scale (issue 3): GET …/ladder/tree (down to the action lines), …/ladder/tree?parentId= (the interventions of random action lines), …/nodes/:id/trace (random interventions) and …/check through the real app (token, tenancy, zod, serialization) against a bare Fastify route replaying the same SQL on the same database handle; POST …/ladder/import of the 780-row programme sheet against the same rows as plain multi-row INSERTs in one transaction. Ratios are app ÷ reference.',
    machine: finish(machine),
    databases: kinds,
    settings: {
      secondsPerMeasurement: seconds,
      warmupSeconds: warmup,
      connections: CONNECTION_LEVELS,
      checkRuns: CHECK_RUNS,
      importRepeats: IMPORT_REPEATS,
      targets: TARGET,
      loadGenerator: 'autocannon 8 (programmatic), in a separate child process; servers on 127.0.0.1 in the benchmark process',
      latencyNote: 'exactLatencyMs: every 2xx response time as autocannon measured it (fractional ms), nearest-rank percentiles; latencyMs: autocannon\'s whole-ms histogram. Targets are judged on the app\'s p95 at 1 connection.',
      order: 'app and bare alternate which goes first at each connection level; check runs interleave app and bare',
    },
    runs,
  };
  const file = writeResult('ladder', result);

  for (const run of runs) {
    log(`\nladder (${run.database}): ${run.data.totalNodes} nodes, ${run.data.parentLinks} parent links; tree ${run.data.treeNodes} nodes, ${run.tree.responseBytes.app} B (bare ${run.tree.responseBytes.bare} B)`);
    const rows = (name: string, levels: Level[]) =>
      levels.map((l) => [name, l.connections, l.app.requestsPerSecond, l.bare.requestsPerSecond, l.ratio.requestsPerSecond, l.app.exactLatencyMs!.p50, l.bare.exactLatencyMs!.p50, l.app.exactLatencyMs!.p95, l.bare.exactLatencyMs!.p95, l.ratio.p95, l.app.exactLatencyMs!.p99, l.bare.exactLatencyMs!.p99]);
    log(
      table(
        ['endpoint', 'conns', 'app rps', 'bare rps', 'ratio', 'app p50', 'bare p50', 'app p95', 'bare p95', 'p95 ratio', 'app p99', 'bare p99'],
        [
          ...rows('tree', run.tree.levels),
          ...rows('expand', run.expand.levels),
          ...rows('trace', run.trace.levels),
          ['tree after change (seq)', 1, null, null, null, run.tree.afterChange.app.p50, run.tree.afterChange.bare.p50, run.tree.afterChange.app.p95, run.tree.afterChange.bare.p95, run.tree.afterChange.ratio.p95, run.tree.afterChange.app.p99, run.tree.afterChange.bare.p99],
          ['check (seq)', 1, null, null, null, run.check.app.p50, run.check.bare.p50, run.check.app.p95, run.check.bare.p95, run.check.ratio.p95, run.check.app.p99, run.check.bare.p99],
        ],
      ),
    );
    log(`import: first ${run.import.firstMedianMs} ms, re-import ${run.import.reimportMedianMs} ms, reference INSERTs ${run.import.referenceMedianMs} ms (ratios ${run.import.ratio.first} / ${run.import.ratio.reimport})`);
    log(`targets: tree p95 ${run.targets.treeP95Ms.at1Connection} ms (${run.targets.treeP95Ms.met ? 'met' : 'NOT met'}; after a change ${run.targets.treeP95Ms.afterChangeP95} ms, ${run.targets.treeP95Ms.afterChangeMet ? 'met' : 'NOT met'}), expand p95 ${run.targets.expandP95Ms.at1Connection} ms (${run.targets.expandP95Ms.met ? 'met' : 'NOT met'}), trace p95 ${run.targets.traceP95Ms.at1Connection} ms (${run.targets.traceP95Ms.met ? 'met' : 'NOT met'}), import ${run.targets.importSeconds.firstMedian}/${run.targets.importSeconds.reimportMedian} s (${run.targets.importSeconds.met ? 'met' : 'NOT met'})`);
    log(`slowest query (${run.explain.slowest.endpoint}): ${run.explain.slowest.plan.slice(-2).join(' ')}`);
    if (run.failures) log(`WARNING: ${run.failures} failed requests — these figures are not valid.`);
  }
  log(`latency in ms; ratio = app ÷ reference. Written ${path.relative(process.cwd(), file)}`);
  return result;
}
