/**
 * learning: the evidence pack of a learning session at national scale (issue 6: "assembling
 * an evidence pack for an action line at national scale data (1M observations, 300k
 * deviations) under 500 ms; benchmark it beside the bare queries").
 *
 * Data: bench/observations.ts's national scale (300 workspaces, 14,000 CBS areas, 1,000,000
 * observations, Zipf) loaded by its own loader; in the SAME workspaces bench/rules.ts's rule
 * register (6 national rules in every register, 3,200 local ones) and 300,000 deviations over
 * two years (Zipf by the same rank, so the largest workspace has both the most observations
 * and the most deviations), in its areas; a ladder (goals over the action lines, interventions
 * under each, a theory of change with assumptions for the first action line of every
 * workspace); links from observations, deviations and rules to action lines and
 * interventions. Then, through the API, one learning cycle for the measured action line of the
 * largest and of a median workspace, with two held sessions six weeks apart, learning
 * questions and an open action. All set-based and seeded.
 *
 * Measures `GET /api/w/:ws/learning/sessions/:id/evidence` of the second session (the six
 * weeks since the first) at 1 and 16 connections, beside a bare Fastify route replaying the
 * request's captured SQL (all at once) on the same database handle; EXPLAIN (ANALYZE, BUFFERS)
 * of every captured query, the whole plan of the slowest. PostgreSQL the full scale; PGlite a
 * tenth. BENCH_LEARNING_FRACTION=0.05 for a try-out.
 */
import fs from 'node:fs';
import path from 'node:path';
import Fastify from 'fastify';
import { CompiledQuery, sql } from 'kysely';
import { loadConfig } from '../src/platform/config';
import type { Db } from '../src/platform/db/database';
import { buildApp } from '../src/platform/http/app';
import { newId } from '../src/platform/ids';
import { modules } from '../src/modules';
import { listen, startBenchApp } from './lib/app';
import { compact, explainPlan, explainText } from './lib/explain';
import { compareLevels, runLoad, type Level, type LoadSummary, type Which } from './lib/load';
import { finish, machineInfo } from './lib/machine';
import { prng } from './lib/prng';
import { captureSql } from './lib/sql-capture';
import { envSeconds, ratio, round, sleep, stopwatch, table, writeResult } from './lib/util';
import { FULL as OBSERVATIONS_FULL, REDUCED as OBSERVATIONS_REDUCED, load as loadObservations, type Ws } from './observations';
import {
  BENEFITS,
  DEVIATION_COLUMNS,
  DEVIATION_RECORDSET,
  DOMAINS,
  EXPLANATIONS,
  INSTEAD,
  LOCAL_KINDS,
  NATIONAL,
  OUTCOME_NOTES,
  SITUATIONS,
  SPAN_DAYS,
  SUBJECTS,
  VARIANTS,
  uuidv7At,
  zipfCounts,
} from './rules';

type DbKind = 'pglite' | 'postgres';
const SEED = 20261129;
const DAY = 86_400_000;
const CHUNK = 5000;
const LEVELS = [1, 16];
const TARGET_MS = 500;
const RULES_FULL = 5_000;
const DEVIATIONS_FULL = 300_000;
/** Share of deviations recorded against an action line or intervention, and of observations against an intervention. */
const DEVIATION_NODE_SHARE = 0.2;
const OBSERVATION_INTERVENTION_SHARE = 0.05;
/** Local rules whose register entry names the measured action line (all their deviations are in its scope). */
const RULES_OF_LINE = 3;
const SESSION_WEEKS = 6;

const json = (value: unknown) => JSON.stringify(value);
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

interface Extra {
  goals: string[];
  interventions: Map<string, string[]>;
  rules: { id: string; code: string }[];
  deviations: number;
  /** The measured action line: the workspace's first. */
  line: string;
}

async function insertRows(db: Db, table: string, recordset: string, rows: Record<string, unknown>[]) {
  const columns = recordset
    .slice(2, -1)
    .split(',')
    .map((c) => c.trim().split(/\s+/)[0])
    .join(', ');
  for (let i = 0; i < rows.length; i += CHUNK)
    await sql`insert into ${sql.table(table)} (${sql.raw(columns)}) select ${sql.raw(columns)} from jsonb_to_recordset(${json(rows.slice(i, i + CHUNK))}::jsonb) as ${sql.raw(recordset)}`.execute(db);
}

/** The ladder, the rule register and the deviations in the observations' workspaces; links to the ladder. */
async function loadLadderAndRules(db: Db, wss: Ws[], deviationTotal: number, log: (line: string) => void) {
  const { timings, time } = stopwatch(log);
  const r = prng(SEED);
  const now = Date.now();
  const today = isoDay(now);
  const extra = new Map<string, Extra>();
  for (const w of wss) extra.set(w.id, { goals: [], interventions: new Map(), rules: [], deviations: 0, line: w.lines[0].id });

  // Ladder: two goals over the action lines, 3–6 interventions under each action line, a theory
  // of change (activity → output → outcome → impact, six assumptions) for the measured line.
  const counts = await time('ladder (goals, interventions, theories of change)', async () => {
    const nodes: Record<string, unknown>[] = [];
    const links: Record<string, unknown>[] = [];
    const elements: Record<string, unknown>[] = [];
    const tocLinks: Record<string, unknown>[] = [];
    const assumptions: Record<string, unknown>[] = [];
    for (const w of wss) {
      const x = extra.get(w.id)!;
      for (let g = 0; g < 2; g++) {
        const id = newId();
        x.goals.push(id);
        nodes.push({ workspace_id: w.id, id, rung: 'goal', code: `DL-${pad(g + 1)}`, title: g ? 'Minder mensen met problematische schulden' : 'Jongeren groeien veilig en gezond op', owner_user_id: w.coordinatorId, phase: null, status: null, kind: null });
      }
      for (const [j, line] of w.lines.entries()) {
        links.push({ workspace_id: w.id, child_id: line.id, parent_id: x.goals[j % 2] });
        const ids: string[] = [];
        for (let k = 0; k < 3 + r.int(4); k++) {
          const id = newId();
          ids.push(id);
          nodes.push({ workspace_id: w.id, id, rung: 'intervention', code: `IV-${pad(j + 1)}-${pad(k + 1)}`, title: `${['Spreekuur', 'Huisbezoek', 'Groepsbijeenkomst', 'Werkplaats', 'Vroegsignalering', 'Budgetcoaching'][k]} ${pad(j + 1)}`, owner_user_id: line.ownerId, phase: null, status: 'lopend', kind: k % 2 ? 'activiteit' : 'maatregel' });
          links.push({ workspace_id: w.id, child_id: id, parent_id: line.id });
        }
        x.interventions.set(line.id, ids);
      }
      const kinds = ['activity', 'output', 'outcome', 'impact'] as const;
      const titles = ['Huisbezoeken en spreekuren in de buurt', 'Bewoners met een plan en een vaste contactpersoon', 'Schulden stabiel, geen nieuwe achterstanden', 'Bestaanszekerheid in de wijk'];
      const el = kinds.map((kind, k) => ({ workspace_id: w.id, id: newId(), node_id: x.line, kind, title: titles[k] }));
      elements.push(...el);
      for (let k = 0; k < 3; k++) {
        const link = { workspace_id: w.id, id: newId(), node_id: x.line, from_element_id: el[k].id, to_element_id: el[k + 1].id };
        tocLinks.push(link);
        for (let a = 0; a < 2; a++)
          assumptions.push({
            workspace_id: w.id,
            id: newId(),
            link_id: link.id,
            text: ['Bewoners openen de deur als iemand uit de buurt aanbelt.', 'Een vaste contactpersoon houdt mensen in beeld.', 'Schuldeisers wachten als er een plan ligt.', 'Stabiele schulden geven ruimte voor werk en gezondheid.', 'Partners delen signalen op tijd.', 'De buurt merkt het verschil binnen een jaar.'][k * 2 + a],
            status: ['untested', 'doubtful', 'holds', 'untested', 'doubtful', 'refuted'][k * 2 + a],
            status_date: (k * 2 + a) % 3 === 0 ? null : isoDay(now - (20 + r.int(200)) * DAY),
          });
      }
    }
    await insertRows(db, 'ladder_nodes', 'x(workspace_id uuid, id uuid, rung text, code text, title text, owner_user_id uuid, phase text, status text, kind text)', nodes);
    await insertRows(db, 'ladder_links', 'x(workspace_id uuid, child_id uuid, parent_id uuid)', links);
    await insertRows(db, 'ladder_toc_elements', 'x(workspace_id uuid, id uuid, node_id uuid, kind text, title text)', elements);
    await insertRows(db, 'ladder_toc_links', 'x(workspace_id uuid, id uuid, node_id uuid, from_element_id uuid, to_element_id uuid)', tocLinks);
    await insertRows(db, 'ladder_toc_assumptions', 'x(workspace_id uuid, id uuid, link_id uuid, text text, status text, status_date date)', assumptions);
    return { nodes: nodes.length, links: links.length, tocElements: elements.length, tocLinks: tocLinks.length, assumptions: assumptions.length };
  });

  // Observations about an intervention: a share of each workspace's, picked by a hash of the id.
  const observationLinks = await time('observation links to interventions', async () => {
    const targets = wss.flatMap((w) => {
      const ids = [...extra.get(w.id)!.interventions.values()].flat();
      return ids.map((node_id, k) => ({ workspace_id: w.id, k, n: ids.length, node_id }));
    });
    await sql`insert into observation_nodes (workspace_id, observation_id, node_id)
      select o.workspace_id, o.id, t.node_id
      from observations o
      join jsonb_to_recordset(${json(targets)}::jsonb) as t(workspace_id uuid, k int, n int, node_id uuid)
        on t.workspace_id = o.workspace_id and t.k = abs(hashtext(o.id::text || 'n')) % t.n
      where abs(hashtext(o.id::text)) % 10000 < ${Math.round(OBSERVATION_INTERVENTION_SHARE * 10000)}
      on conflict do nothing`.execute(db);
    return Number((await sql<{ n: number }>`select count(*) as n from observation_nodes`.execute(db)).rows[0].n);
  });

  // Rules: bench/rules.ts's register, Zipf over the same ranks.
  const ruleCount = Math.max(NATIONAL.length * wss.length + 2 * wss.length, Math.round((RULES_FULL * wss.length) / 300));
  const localCounts = zipfCounts(wss.length, ruleCount - NATIONAL.length * wss.length, 2);
  const deviationCounts = zipfCounts(wss.length, deviationTotal);
  const weights = new Map<string, number[]>();
  await time('rules and their action-line links', async () => {
    const rows: Record<string, unknown>[] = [];
    const ruleNodes: Record<string, unknown>[] = [];
    for (const [i, w] of wss.entries()) {
      const x = extra.get(w.id)!;
      for (const [code, title, domain, intent] of NATIONAL) {
        const id = newId();
        x.rules.push({ id, code });
        rows.push({ workspace_id: w.id, id, code, title, kind: 'wet', level: 'rijk', intent, domain, valid_from: '2015-01-01', mandate: 'explain_afterwards' });
      }
      for (let k = 0; k < localCounts[i]; k++) {
        const u = r.next();
        let acc = 0;
        const [kind, level, prefix] = LOCAL_KINDS.find(([, , , weight]) => (acc += weight) > u) ?? LOCAL_KINDS[0];
        const domain = r.pick(DOMAINS);
        const subject = r.pick(SUBJECTS[domain]);
        const variant = r.pick(VARIANTS);
        const id = newId();
        const code = `${prefix}-${pad(k + 1, 4)}`;
        x.rules.push({ id, code });
        rows.push({ workspace_id: w.id, id, code, title: `${subject}: ${variant}`, kind, level, intent: `${subject} (${variant}). Bedoeling: passende hulp, zo dicht mogelijk bij huis.`, domain, valid_from: `${2015 + r.int(10)}-01-01`, mandate: 'explain_afterwards' });
      }
      // Deviations over the register: Zipf over a shuffled order.
      const order = x.rules.map((_, j) => j).sort(() => r.next() - 0.5);
      const wts = new Array<number>(x.rules.length);
      order.forEach((j, rank) => (wts[j] = 1 / (rank + 1)));
      weights.set(w.id, wts);
      // A few local rules name the measured action line (rank 3, 8, 20 of the register's pressure), one names another line.
      for (const rank of [2, 7, 19].slice(0, RULES_OF_LINE)) if (order[rank] !== undefined) ruleNodes.push({ workspace_id: w.id, rule_id: x.rules[order[rank]].id, node_id: x.line });
      if (order[4] !== undefined && w.lines[1]) ruleNodes.push({ workspace_id: w.id, rule_id: x.rules[order[4]].id, node_id: w.lines[1].id });
    }
    await insertRows(db, 'rules', 'x(workspace_id uuid, id uuid, code text, title text, kind text, level text, intent text, domain text, valid_from date, mandate text)', rows);
    await insertRows(db, 'rule_nodes', 'x(workspace_id uuid, rule_id uuid, node_id uuid)', ruleNodes);
  });

  // Deviations: two years, recent ones more often, in the workspace's areas; a share recorded against an action line or intervention.
  let nodeLinks = 0;
  await time(`deviations (${deviationTotal} rows) with their ladder links`, async () => {
    let rows: Record<string, unknown>[] = [];
    let links: Record<string, unknown>[] = [];
    const flush = async () => {
      if (!rows.length) return;
      await sql`insert into deviations (${sql.raw(DEVIATION_COLUMNS)}) select ${sql.raw(DEVIATION_COLUMNS)} from jsonb_to_recordset(${json(rows)}::jsonb) as ${sql.raw(DEVIATION_RECORDSET)}`.execute(db);
      if (links.length) await insertRows(db, 'deviation_nodes', 'x(workspace_id uuid, deviation_id uuid, node_id uuid)', links);
      rows = [];
      links = [];
    };
    let total = 0;
    for (const [i, w] of wss.entries()) {
      const x = extra.get(w.id)!;
      x.deviations = deviationCounts[i];
      const wts = weights.get(w.id)!;
      const cumulative: number[] = [];
      let sum = 0;
      for (const v of wts) cumulative.push((sum += v));
      const nodeIds = w.lines.flatMap((l) => [l.id, ...(x.interventions.get(l.id) ?? [])]);
      const areaIds = [...w.buurtIds, ...w.wijkIds];
      const times = Array.from({ length: deviationCounts[i] }, () => now - SPAN_DAYS * DAY * r.next() ** 1.3).sort((a, b) => a - b);
      for (const occurredMs of times) {
        const pick = r.next() * sum;
        let lo = 0;
        let hi = cumulative.length - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (cumulative[mid] < pick) lo = mid + 1;
          else hi = mid;
        }
        const createdMs = Math.min(now - 3600_000, occurredMs + r.next() * 2 * DAY);
        const followUpOn = isoDay(occurredMs + 42 * DAY);
        const outcome = followUpOn < today && r.next() < 0.8 ? (['helped', 'helped', 'no_difference', 'harmed'] as const)[r.int(4)] : null;
        const outcomeMs = outcome ? Math.min(now - 600_000, occurredMs + (42 + r.next() * 10) * DAY) : null;
        const id = uuidv7At(createdMs, r, total);
        rows.push({
          workspace_id: w.id,
          id,
          rule_id: x.rules[lo].id,
          occurred_on: isoDay(occurredMs),
          area_id: r.next() < 0.7 && areaIds.length ? areaIds[Math.floor(areaIds.length * r.next() ** 1.2)] : null,
          situation: r.pick(SITUATIONS),
          explanation: r.pick(EXPLANATIONS),
          instead_done: r.pick(INSTEAD),
          expected_benefit: r.pick(BENEFITS),
          reporter_user_id: r.pick(w.memberIds),
          status: 'vastgelegd',
          follow_up_on: followUpOn,
          outcome,
          outcome_note: outcome ? OUTCOME_NOTES[outcome === 'helped' ? 0 : outcome === 'no_difference' ? 1 : 2] : null,
          outcome_at: outcomeMs ? new Date(outcomeMs).toISOString() : null,
          created_at: new Date(createdMs).toISOString(),
          updated_at: new Date(outcomeMs ?? createdMs).toISOString(),
        });
        if (r.next() < DEVIATION_NODE_SHARE) {
          links.push({ workspace_id: w.id, deviation_id: id, node_id: r.pick(nodeIds) });
          nodeLinks++;
        }
        total++;
        if (rows.length >= CHUNK) await flush();
      }
    }
    await flush();
  });
  await time('vacuum analyze', async () => {
    for (const t of ['ladder_nodes', 'ladder_links', 'ladder_toc_elements', 'ladder_toc_links', 'ladder_toc_assumptions', 'observation_nodes', 'rules', 'rule_nodes', 'deviations', 'deviation_nodes'])
      await sql`vacuum analyze ${sql.table(t)}`.execute(db);
  });
  const n = (
    await sql<{ rules: number; deviations: number; rule_nodes: number }>`select (select count(*) from rules) as rules, (select count(*) from deviations) as deviations, (select count(*) from rule_nodes) as rule_nodes`.execute(db)
  ).rows[0];
  return {
    extra,
    data: {
      ladder: counts,
      observationNodeLinks: observationLinks,
      rules: Number(n.rules),
      ruleNodeLinks: Number(n.rule_nodes),
      deviations: Number(n.deviations),
      deviationNodeLinks: nodeLinks,
      distribution: {
        deviationsPerWorkspace: `Zipf (s = 1) by the observations' rank: largest ${deviationCounts[0]}, median ${deviationCounts[Math.floor(wss.length / 2)]}, smallest ${deviationCounts[wss.length - 1]}`,
        deviationNodeShare: `${DEVIATION_NODE_SHARE * 100} % recorded against one of the workspace's action lines or interventions (uniform); ${RULES_OF_LINE} local rules per register name the measured action line`,
        observationInterventionShare: `${OBSERVATION_INTERVENTION_SHARE * 100} % of the observations linked to one of the workspace's interventions (besides the observations loader's links to action lines: 30 % of signals and bottlenecks, 10 % of the rest)`,
      },
      loadMs: timings,
    },
  };
}

interface Learning {
  cycleId: string;
  sessionIds: [string, string];
  since: string;
  until: string;
}

/** Through the API: a cycle for the measured action line, two held sessions six weeks apart, questions and an open action. */
async function learningCycle(inject: (method: 'POST' | 'PATCH', url: string, body: unknown) => Promise<{ id: string }>, ws: Ws, line: string): Promise<Learning> {
  const base = `/api/w/${ws.slug}/learning`;
  const day = (d: number) => isoDay(Date.now() + d * DAY);
  const cycle = await inject('POST', `${base}/cycles`, {
    scope: { kind: 'action_line', id: line },
    cadenceWeeks: SESSION_WEEKS,
    title: 'Leercyclus schulden vroeg in beeld',
    startedOn: day(-3 * SESSION_WEEKS * 7),
    participants: ws.memberIds.slice(0, 6).map((userId) => ({ userId })),
  });
  for (const text of ['Bereiken we jongeren voordat de deurwaarder komt?', 'Wat maakt dat partners signalen delen?', 'Werkt het huisbezoek ook in de hoogbouw?'])
    await inject('POST', `${base}/cycles/${cycle.id}/questions`, { text, source: 'sessie', ladderNodeId: line });
  const first = await inject('POST', `${base}/cycles/${cycle.id}/sessions`, { date: day(-SESSION_WEEKS * 7) });
  await inject('POST', `${base}/sessions/${first.id}/actions`, { what: 'Afspraak met de corporatie over vroegsignalering', whoUserId: ws.memberIds[1] ?? ws.memberIds[0], dueOn: day(14) });
  await inject('PATCH', `${base}/sessions/${first.id}`, { status: 'held' });
  const second = await inject('POST', `${base}/cycles/${cycle.id}/sessions`, { date: day(0) });
  await inject('PATCH', `${base}/sessions/${second.id}`, { status: 'held' });
  return { cycleId: cycle.id, sessionIds: [first.id, second.id], since: day(-SESSION_WEEKS * 7 + 1), until: day(0) };
}

/** The request's SQL replayed bare: all at once (the app runs its queries partly in parallel, partly one after the other). */
const replayAll = (db: Db, queries: CompiledQuery[]) => async () => {
  const results = await Promise.all(queries.map((q) => db.executeQuery(q)));
  return { results: results.map((r) => r.rows) };
};

async function fetchJson(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers });
  const text = await res.text();
  return { status: res.status, bytes: Buffer.byteLength(text), text, body: (() => { try { return JSON.parse(text) as Record<string, unknown>; } catch { return {}; } })() };
}

interface Measurement {
  name: string;
  description: string;
  url: string;
  workspace: Record<string, unknown>;
  pack: Record<string, number>;
  responseBytes: { app: number; bare: number };
  queriesPerRequest: number;
  sql: string[];
  levels: Level[];
}

async function measure(kind: DbKind, fraction: number, seconds: number, warmup: number, log: (line: string) => void) {
  const base = kind === 'postgres' ? OBSERVATIONS_FULL : OBSERVATIONS_REDUCED;
  const scale = { ...base, observations: Math.round(base.observations * fraction) };
  const deviationTotal = Math.round(DEVIATIONS_FULL * (base.workspaces / OBSERVATIONS_FULL.workspaces) * fraction);
  const reduced = kind !== 'postgres' || fraction !== 1;
  log(`learning on ${kind}: ${scale.observations} observations, ${deviationTotal} deviations, ${scale.workspaces} workspaces${reduced ? ' (reduced scale)' : ''}; setting up…`);
  const started = performance.now();
  const b = await startBenchApp(kind, 'learning');
  const db = b.runtime.database.db;
  const bare = Fastify({ bodyLimit: 1024 * 1024 });
  const auth = { authorization: `Bearer ${b.token}` };
  let keep = false;
  try {
    log('  observations (bench/observations.ts loader):');
    const observed = await loadObservations({ kind, db, app: b.app, token: b.token }, scale, (l) => log(`  ${l}`));
    const wss = observed.wss;
    log('  ladder, rules and deviations:');
    const { extra, data } = await loadLadderAndRules(db, wss, deviationTotal, log);
    const inject = async (method: 'POST' | 'PATCH', url: string, body: unknown) => {
      const res = await b.app.server.inject({ method, url, headers: auth, payload: body as object });
      if (res.statusCode >= 300) throw new Error(`${method} ${url} answered ${res.statusCode}: ${res.body.slice(0, 400)}`);
      return JSON.parse(res.body) as { id: string };
    };
    const largest = wss[0];
    const medianWs = wss[Math.floor(wss.length / 2)];
    const measured = [
      ['largest', largest],
      ['median', medianWs],
    ] as const;
    const cycles = new Map<string, Learning>();
    for (const [, ws] of measured) cycles.set(ws.id, await learningCycle(inject, ws, extra.get(ws.id)!.line));
    const setupSeconds = round((performance.now() - started) / 1000, 1);

    // What the scope holds, counted directly (for the report, and to check the pack against).
    const scopeCounts = async (ws: Ws, l: Learning) => {
      const x = extra.get(ws.id)!;
      const nodeIds = [x.line, ...(x.interventions.get(x.line) ?? [])];
      const ids = sql.join(nodeIds.map((id) => sql`${id}::uuid`));
      const row = (
        await sql<Record<string, number>>`select
          (select count(*) from observations where workspace_id = ${ws.id}) as observations,
          (select count(*) from observations o where o.workspace_id = ${ws.id} and exists (select 1 from observation_nodes n where n.workspace_id = o.workspace_id and n.observation_id = o.id and n.node_id in (${ids}))) as observations_in_scope,
          (select count(*) from observations o where o.workspace_id = ${ws.id} and o.occurred_at >= ${l.since}::date and o.occurred_at < ${l.until}::date + 1 and exists (select 1 from observation_nodes n where n.workspace_id = o.workspace_id and n.observation_id = o.id and n.node_id in (${ids}))) as observations_in_scope_in_period,
          (select count(*) from deviations where workspace_id = ${ws.id}) as deviations,
          (select count(*) from deviations d where d.workspace_id = ${ws.id} and (exists (select 1 from deviation_nodes n where n.workspace_id = d.workspace_id and n.deviation_id = d.id and n.node_id in (${ids})) or exists (select 1 from rule_nodes rn where rn.workspace_id = d.workspace_id and rn.rule_id = d.rule_id and rn.node_id in (${ids})))) as deviations_in_scope,
          (select count(*) from deviations d where d.workspace_id = ${ws.id} and d.occurred_on between ${l.since}::date and ${l.until}::date) as deviations_in_period`.execute(db)
      ).rows[0];
      return { ...Object.fromEntries(Object.entries(row).map(([k, v]) => [k.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase()), Number(v)])), interventions: nodeIds.length - 1, rules: x.rules.length };
    };

    // Capture each request's SQL on a probe app sharing the database handle.
    const capture = captureSql(db);
    const config = loadConfig({ DICHTER_DATA: b.tmp, HOST: '127.0.0.1', DICHTER_LOG_LEVEL: 'silent', DICHTER_DEMO: 'false' });
    const probe = await buildApp({ config, database: { ...b.runtime.database, db: capture.db }, modules, events: b.runtime.events });
    const platform = (q: CompiledQuery) => /"api_tokens"|"workspace_members"/.test(q.sql) && !/^\s*(insert|delete|update)/i.test(q.sql);
    const reads: { name: string; ws: Ws; url: string; barePath: string; sql: CompiledQuery[]; info: Record<string, unknown> }[] = [];
    for (const [label, ws] of measured) {
      const l = cycles.get(ws.id)!;
      const url = `/api/w/${ws.slug}/learning/sessions/${l.sessionIds[1]}/evidence`;
      await probe.server.inject({ url, headers: auth });
      capture.take();
      const res = await probe.server.inject({ url, headers: auth });
      const all = capture.take();
      if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
      let first = 0;
      while (first < all.length && platform(all[first])) first++;
      const own = all.slice(first).filter((q) => !/^\s*(insert|update|delete)\b/i.test(q.sql));
      reads.push({ name: `evidence-${label}`, ws, url, barePath: `/bare/evidence-${label}`, sql: own, info: { rank: ws.rank, name: ws.name, ...(await scopeCounts(ws, l)), since: l.since, until: l.until } });
    }
    await probe.server.close();
    for (const read of reads) bare.get(read.barePath, replayAll(db, read.sql));

    const appUrl = await listen(b.app.server);
    const bareUrl = await listen(bare);
    const packs: Record<string, { pack: Record<string, number>; bytes: { app: number; bare: number } }> = {};
    for (const read of reads) {
      const app = await fetchJson(`${appUrl}${read.url}`, auth);
      const replay = await fetchJson(`${bareUrl}${read.barePath}`);
      if (app.status !== 200 || replay.status !== 200) throw new Error(`${read.url}: app ${app.status}, bare ${replay.status}: ${app.text.slice(0, 300)}`);
      const body = app.body as Record<string, unknown[]>;
      const pack = Object.fromEntries(['observations', 'deviations', 'rulesUnderPressure', 'assumptions', 'questions', 'actions', 'outcomes', 'measurements'].map((k) => [k, (body[k] ?? []).length]));
      const results = replay.body.results as unknown[][];
      for (const k of ['observations', 'deviations', 'rulesUnderPressure'] as const)
        if (pack[k] > 0 && !results.some((rows) => rows.length === pack[k])) throw new Error(`${read.url}: the bare replay has no result of ${pack[k]} ${k} (${results.map((x) => x.length).join('/')})`);
      if ((read.ws === largest && (!pack.observations || !pack.deviations)) || !pack.assumptions || !pack.questions || !pack.actions) throw new Error(`${read.url}: the pack misses a part: ${json(pack)}`);
      packs[read.name] = { pack, bytes: { app: app.bytes, bare: replay.bytes } };
      log(`  ${read.name}: ${app.bytes} B, ${read.sql.length} queries, pack ${json(pack)}`);
    }

    const runTarget = async (t: { url: string; headers?: Record<string, string> }, connections: number, secs: number) => {
      const result = await runLoad({ ...t, connections, seconds: secs, exactLatencies: true });
      await sleep(Math.min(10_000, result.latencyMs.max) + 250);
      return result;
    };
    const measurements: Measurement[] = [];
    for (const read of reads) {
      const targets: Record<Which, { url: string; headers?: Record<string, string> }> = { app: { url: `${appUrl}${read.url}`, headers: auth }, bare: { url: `${bareUrl}${read.barePath}` } };
      await runTarget(targets.app, 16, warmup);
      await runTarget(targets.bare, 16, warmup);
      const levels = await compareLevels((which, connections) => runTarget(targets[which], connections, seconds), LEVELS, log, read.name);
      measurements.push({
        name: read.name,
        description: `GET …/learning/sessions/:id/evidence of the second session (${read.info.since} – ${read.info.until}) of the cycle of action line AL-01 in the ${read.name.replace('evidence-', '')} workspace`,
        url: '/api/w/:workspace/learning/sessions/:id/evidence',
        workspace: read.info,
        pack: packs[read.name].pack,
        responseBytes: packs[read.name].bytes,
        queriesPerRequest: read.sql.length,
        sql: read.sql.map((q) => compact(q.sql)),
        levels,
      });
    }

    // EXPLAIN (ANALYZE, BUFFERS) of every captured query (warm), slowest first; the whole plan of the two slowest.
    const explained = [];
    for (const read of reads) {
      const plans = [];
      for (const q of read.sql) plans.push({ q, summary: await explainPlan(db, q) });
      plans.sort((a, c) => c.summary.executionMs - a.summary.executionMs);
      explained.push({
        name: read.name,
        totalExecutionMs: round(plans.reduce((n, p) => n + p.summary.executionMs, 0)),
        queries: plans.map((p) => p.summary),
        slowest: await Promise.all(plans.slice(0, 2).map(async (p) => ({ sql: compact(p.q.sql), plan: await explainText(db, p.q) }))),
      });
    }

    const settings =
      kind === 'postgres'
        ? Object.fromEntries(
            (
              await sql<{ name: string; setting: string; unit: string | null }>`select name, setting, unit from pg_settings
                where name in ('shared_buffers', 'work_mem', 'effective_cache_size', 'random_page_cost', 'jit', 'max_parallel_workers_per_gather', 'server_version')`.execute(db)
            ).rows.map((r) => [r.name, r.unit ? `${r.setting} × ${r.unit}` : r.setting]),
          )
        : { server_version: (await sql<{ v: string }>`select version() as v`.execute(db)).rows[0].v };
    const failures = measurements.flatMap((m) => m.levels).reduce((n, l) => n + l.app.errors + l.app.non2xx + l.bare.errors + l.bare.non2xx, 0);
    const e = (x: LoadSummary) => x.exactLatencyMs!;
    /** Worst app percentile of the two workspaces; null when a run completed no request (then there is no figure to judge). */
    const worst = (connections: number, p: 'p95' | 'p99') => {
      const values = measurements.map((m) => e(m.levels.find((l) => l.connections === connections)!.app));
      return values.every((v) => v.count > 0) ? Math.max(...values.map((v) => v[p])) : null;
    };
    const under = (v: number | null) => v !== null && v < TARGET_MS;
    keep = !!process.env.BENCH_LEARNING_KEEP && kind === 'postgres';
    return {
      database: kind,
      scale: { workspaces: scale.workspaces, areas: scale.areas, observations: scale.observations, deviations: deviationTotal, fraction, reduced },
      databaseSettings: settings,
      setupSeconds,
      data: { observations: observed.data, ladderAndRules: data },
      access: 'as the workspace beheerder (bearer token; sees internal observations too)',
      measurements,
      explain: explained,
      target: {
        ms: TARGET_MS,
        judgedOn: "the app's p95 (and p99) at 1 and at 16 connections, worst of the largest and the median workspace",
        worstP95At1: worst(1, 'p95'),
        worstP95At16: worst(16, 'p95'),
        worstP99At16: worst(16, 'p99'),
        met: { at1: under(worst(1, 'p95')), at16: under(worst(16, 'p95')) },
      },
      failures,
    };
  } finally {
    if (keep) log(`  kept the database: ${b.config.databaseUrl}`);
    await bare.close();
    await b.app.server.close();
    await b.runtime.close();
    if (!keep) await b.drop?.();
    fs.rmSync(b.tmp, { recursive: true, force: true });
  }
}

export async function learning(log: (line: string) => void = console.log) {
  const seconds = envSeconds('BENCH_SECONDS', 10);
  const warmup = envSeconds('BENCH_WARMUP_SECONDS', 3);
  const requested = (process.env.BENCH_DATABASES ?? '').split(',').filter(Boolean) as DbKind[];
  const kinds: DbKind[] = requested.length ? requested : process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
  if (kinds.includes('postgres') && !process.env.DATABASE_URL) throw new Error('postgres needs DATABASE_URL');
  const fraction = Number(process.env.BENCH_LEARNING_FRACTION ?? 1);
  const machine = machineInfo();
  const runs = [];
  for (const kind of kinds) runs.push(await measure(kind, fraction, seconds, warmup, log));
  const result = {
    benchmark: 'learning',
    description:
      "The evidence pack of a learning session (GET /api/w/:workspace/learning/sessions/:id/evidence: observations new or overdue in the action line's scope, deviations and rules under pressure, assumptions, questions, open actions, outcomes) at national scale: bench/observations.ts's 1,000,000 observations and bench/rules.ts's 300,000 deviations in the same 300 workspaces, with a ladder. The second of two held sessions six weeks apart, in the largest and a median workspace, through the real app against a bare Fastify route replaying the request's captured SQL on the same database handle. Ratios are app ÷ reference.",
    machine: finish(machine),
    databases: kinds,
    settings: {
      secondsPerMeasurement: seconds,
      warmupSeconds: warmup,
      connections: LEVELS,
      targetMs: TARGET_MS,
      loadGenerator: 'autocannon 8 (programmatic), in a separate child process; servers on 127.0.0.1 in the benchmark process',
      latencyNote: 'exactLatencyMs: every 2xx response time as autocannon measured it (fractional ms), nearest-rank percentiles',
      replay: "the bare route runs the request's captured queries all at once (Promise.all), a lower bound for the SQL the request needs; the app runs them in four steps (session and cycle, the sessions of the cycle, the action line's trace, then the rest in parallel)",
      order: 'app and bare alternate which goes first at each connection level',
      ...(fraction !== 1 ? { fraction } : {}),
    },
    runs,
  };
  const file = writeResult(process.env.BENCH_LEARNING_RESULT ?? 'learning', result);
  for (const run of runs) {
    log(`\nlearning (${run.database}${run.scale.reduced ? ', reduced scale' : ''}): ${run.scale.observations} observations, ${run.scale.deviations} deviations in ${run.scale.workspaces} workspaces; set up in ${run.setupSeconds} s`);
    const e = (x: LoadSummary) => x.exactLatencyMs!;
    log(
      table(
        ['measurement', 'conns', 'app rps', 'bare rps', 'app p50', 'bare p50', 'app p95', 'bare p95', 'app p99', 'bare p99', 'p95 ratio'],
        run.measurements.flatMap((m) => m.levels.map((l) => [m.name, l.connections, l.app.requestsPerSecond, l.bare.requestsPerSecond, e(l.app).p50, e(l.bare).p50, e(l.app).p95, e(l.bare).p95, e(l.app).p99, e(l.bare).p99, l.ratio.p95])),
      ),
    );
    for (const x of run.explain) log(`  EXPLAIN ${x.name}: ${x.totalExecutionMs} ms in all; slowest ${x.queries.slice(0, 3).map((q) => `${q.executionMs} ms (${q.topNode}, ${q.rows} rows)`).join(', ')}`);
    log(`target: evidence pack < ${TARGET_MS} ms: worst app p95 ${run.target.worstP95At1} ms at 1, ${run.target.worstP95At16} ms at 16 connections — ${run.target.met.at1 && run.target.met.at16 ? 'met' : 'NOT met'}`);
    if (run.failures) log(`WARNING: ${run.failures} failed requests — these figures are not valid.`);
  }
  log(`latency in ms; ratio = app ÷ reference (${ratio(1, 1)} = as fast as the bare queries). Written ${path.relative(process.cwd(), file)}`);
  return result;
}
