/**
 * Youth debt (Jongeren Perspectief Fonds) at the scale of the approach: 40 workspaces with
 * 12,000 participants (Zipf: the largest workspace holds about 2,800) and 100,000 debts, loaded
 * set-based (INSERT … SELECT FROM jsonb_to_recordset, 5,000 rows a statement, generated with a
 * seeded PRNG). Questionnaires (5 per participant in the issue) are not built yet, so none are
 * loaded.
 *
 * Measures, each read against a bare Fastify route replaying the request's own captured SQL on
 * the same database handle (all queries at once):
 * - the dashboard of the largest and of a median workspace (`GET …/youth-debt/dashboard`),
 * - the approach-wide view across all 40 workspaces as an administrator (`GET /api/youth-debt/approach`),
 *   at 1 and 16 connections; target p95 < 100 ms;
 * - the settlement offer for 50 debts over HTTP (`POST …/youth-debt/offer-preview`) and the pure
 *   function in-process (target < 5 ms), and an MKBA preview over HTTP and in-process (target < 200 ms).
 */
import fs from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql, type CompiledQuery } from 'kysely';
import { loadConfig } from '../src/platform/config';
import type { Db } from '../src/platform/db/database';
import { buildApp, type App } from '../src/platform/http/app';
import { newId } from '../src/platform/ids';
import type { Runtime } from '../src/platform/runtime';
import * as auth from '../src/platform/auth/service';
import { modules } from '../src/modules';
import { settlementOffer } from '../src/practices/youth-debt/offer';
import { presentValue } from '../src/practices/youth-debt/mkba';
import { compareLevels, exactLatency, runLoad, type Level, type LoadSummary, type Which } from './lib/load';
import { runRequestLoad } from './lib/load-requests';
import { finish, machineInfo } from './lib/machine';
import { captureSql } from './lib/sql-capture';
import { listen, startBenchApp } from './lib/app';
import { envSeconds, round, sleep, stopwatch, table, writeResult } from './lib/util';
import { prng } from './lib/prng';

type DbKind = 'pglite' | 'postgres';
interface Scale {
  workspaces: number;
  participants: number;
  debts: number;
}
const FULL: Scale = { workspaces: 40, participants: 12_000, debts: 100_000 };
const LEVELS = [1, 16];
const CHUNK = 5000;
const SEED = 20261129;
const TARGET = { dashboardP95Ms: 100, approachP95Ms: 100, offerPreviewMs: 5, mkbaPreviewMs: 200 };
const STATUSES = ['aanmelding', 'intake', 'actief', 'afgerond', 'uitgevallen'] as const;
const STATUS_WEIGHTS = [0.1, 0.12, 0.45, 0.23, 0.1];
const DEBT_STATUSES = ['open', 'voorgesteld', 'akkoord', 'geweigerd', 'geregeld'] as const;
const REASONS = ['Verhuisd naar een andere gemeente', 'Geen contact meer', 'Wilde niet verder met de begeleiding', 'Nieuwe schulden gemaakt'];
const CREDITORS: [string, boolean][] = [
  ['Belastingdienst', true],
  ['CJIB', true],
  ['Zorgverzekeraar', false],
  ['DUO', false],
  ['Energieleverancier', false],
  ['Telecomaanbieder', false],
  ['Woningcorporatie', false],
  ['Webwinkel', false],
  ['Incassobureau', false],
  ['Gemeente (bijstand)', true],
  ['Sportschool', false],
  ['Zorgtoeslag terugvordering', true],
];
const DAY = 86_400_000;
const json = (v: unknown) => JSON.stringify(v);
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Counts ∝ 1/rank summing to `total`, each at least `floor`. */
function zipfCounts(n: number, total: number, floor = 1) {
  const h = Array.from({ length: n }, (_, i) => 1 / (i + 1)).reduce((a, b) => a + b, 0);
  const counts = Array.from({ length: n }, (_, i) => Math.max(floor, Math.floor(total / ((i + 1) * h))));
  counts[0] += total - counts.reduce((a, b) => a + b, 0);
  return counts;
}

interface Ws {
  rank: number;
  id: string;
  slug: string;
  participants: number;
  debts: number;
}

interface Setup {
  kind: DbKind;
  runtime: Runtime;
  db: Db;
  app: App;
  bare: FastifyInstance;
  token: string;
  adminToken: string;
  tmp: string;
  databaseUrl?: string;
  drop?: () => Promise<void>;
}

async function tearDown(s: Setup) {
  await s.bare.close();
  await s.app.server.close();
  await s.runtime.close();
  await s.drop?.();
  fs.rmSync(s.tmp, { recursive: true, force: true });
}

/** Workspaces through the API; coaches, creditors, participants and debts set-based. */
async function load(s: Setup, scale: Scale, log: (line: string) => void) {
  const { timings, time } = stopwatch(log);
  const r = prng(SEED);
  const db = s.db;
  const now = Date.now();
  const participantCounts = zipfCounts(scale.workspaces, scale.participants, 20);
  const wss: Ws[] = await time('workspaces (POST /api/workspaces)', async () => {
    const out: Ws[] = [];
    for (let i = 0; i < scale.workspaces; i++) {
      const slug = `jpf-${pad(i + 1, 3)}`;
      const res = await s.app.server.inject({ method: 'POST', url: '/api/workspaces', headers: { authorization: `Bearer ${s.token}` }, payload: { name: `Schuldenaanpak gemeente ${pad(i + 1, 3)}`, slug } });
      if (res.statusCode !== 201) throw new Error(`workspace ${slug} not created: ${res.statusCode} ${res.body}`);
      out.push({ rank: i + 1, id: (JSON.parse(res.body) as { id: string }).id, slug, participants: participantCounts[i], debts: 0 });
    }
    return out;
  });

  // Coaches and counsellors: one per 25 participants (at least 2 each), members of their workspace.
  const coaches = new Map<string, { coaches: string[]; counsellors: string[] }>();
  await time('coaches and counsellors (users, members)', async () => {
    const users: { id: string; email: string; name: string }[] = [];
    const members: { workspace_id: string; user_id: string; role: string }[] = [];
    for (const w of wss) {
      const n = Math.max(2, Math.round(w.participants / 25));
      const mk = (kind: string, k: number) => {
        const id = newId();
        users.push({ id, email: `${kind}.${w.rank}.${k}@gemeente.example.nl`, name: `${kind} ${w.rank}-${k}` });
        members.push({ workspace_id: w.id, user_id: id, role: kind === 'coach' ? 'professional' : 'partner' });
        return id;
      };
      coaches.set(w.id, { coaches: Array.from({ length: n }, (_, k) => mk('coach', k)), counsellors: Array.from({ length: Math.max(2, Math.round(n / 2)) }, (_, k) => mk('schuldhulp', k)) });
    }
    for (let i = 0; i < users.length; i += CHUNK)
      await sql`insert into users (id, email, name, locale) select x.id, x.email, x.name, 'nl' from jsonb_to_recordset(${json(users.slice(i, i + CHUNK))}::jsonb) as x(id uuid, email text, name text)`.execute(db);
    for (let i = 0; i < members.length; i += CHUNK)
      await sql`insert into workspace_members (workspace_id, user_id, role) select * from jsonb_to_recordset(${json(members.slice(i, i + CHUNK))}::jsonb) as x(workspace_id uuid, user_id uuid, role text)`.execute(db);
  });

  const creditorIds = new Map<string, { id: string; preferential: boolean }[]>();
  await time('creditors', async () => {
    const rows = wss.flatMap((w) => {
      const list = CREDITORS.map(([name, preferential]) => ({ workspace_id: w.id, id: newId(), name, address: 'Postbus 1, 1000 AA Amsterdam', preferential }));
      creditorIds.set(
        w.id,
        list.map((c) => ({ id: c.id, preferential: c.preferential })),
      );
      return list;
    });
    await sql`insert into youth_debt_creditors (workspace_id, id, name, address, preferential)
      select * from jsonb_to_recordset(${json(rows)}::jsonb) as x(workspace_id uuid, id uuid, name text, address text, preferential boolean)`.execute(db);
  });

  // Participants: started over the last three years, 18–27 at the start.
  const participants: { workspaceId: string; id: string }[] = [];
  await time(`participants (${scale.participants} rows, ${CHUNK} per INSERT … SELECT FROM jsonb_to_recordset)`, async () => {
    const rows: Record<string, unknown>[] = [];
    for (const w of wss) {
      const team = coaches.get(w.id)!;
      const starts = Array.from({ length: w.participants }, () => now - r.int(3 * 365) * DAY).sort((a, b) => a - b);
      for (let k = 0; k < w.participants; k++) {
        const status = STATUSES[r.weighted(STATUS_WEIGHTS)];
        const start = starts[k];
        const age = 18 + r.int(10);
        const id = newId();
        participants.push({ workspaceId: w.id, id });
        rows.push({
          workspace_id: w.id,
          id,
          number: k + 1,
          name: `Deelnemer ${w.rank}-${k + 1}`,
          contact: '',
          birth_date: isoDay(start - (age * 365.25 + r.int(300)) * DAY),
          area_id: null,
          coach_user_id: r.next() < 0.95 ? r.pick(team.coaches) : null,
          counsellor_user_id: r.pick(team.counsellors),
          start_date: isoDay(start),
          status,
          leaving_reason: status === 'uitgevallen' ? r.pick(REASONS) : null,
          monthly_income_cents: 120_000 + r.int(100_000),
          vtlb_cents: 110_000 + r.int(20_000),
        });
      }
    }
    for (let i = 0; i < rows.length; i += CHUNK)
      await sql`insert into youth_debt_participants (workspace_id, id, number, name, contact, birth_date, area_id, coach_user_id, counsellor_user_id, start_date, status, leaving_reason, monthly_income_cents, vtlb_cents)
        select * from jsonb_to_recordset(${json(rows.slice(i, i + CHUNK))}::jsonb)
        as x(workspace_id uuid, id uuid, number int, name text, contact text, birth_date date, area_id uuid, coach_user_id uuid, counsellor_user_id uuid, start_date date, status text, leaving_reason text, monthly_income_cents bigint, vtlb_cents bigint)`.execute(db);
  });

  // Debts: every participant at least one, the rest spread at random (about 8 each).
  await time(`debts (${scale.debts} rows)`, async () => {
    const byWs = new Map(wss.map((w) => [w.id, w]));
    const owner = (i: number) => (i < participants.length ? participants[i] : participants[r.int(participants.length)]);
    for (let i = 0; i < scale.debts; i += CHUNK) {
      const rows: Record<string, unknown>[] = [];
      for (let k = i; k < Math.min(scale.debts, i + CHUNK); k++) {
        const p = owner(k);
        const c = r.pick(creditorIds.get(p.workspaceId)!);
        byWs.get(p.workspaceId)!.debts++;
        rows.push({ workspace_id: p.workspaceId, id: newId(), participant_id: p.id, creditor_id: c.id, amount_cents: 2_500 + r.int(r.next() < 0.1 ? 1_500_000 : 250_000), preferential: c.preferential, status: DEBT_STATUSES[r.weighted([0.35, 0.2, 0.15, 0.05, 0.25])] });
      }
      await sql`insert into youth_debt_debts (workspace_id, id, participant_id, creditor_id, amount_cents, preferential, status)
        select * from jsonb_to_recordset(${json(rows)}::jsonb) as x(workspace_id uuid, id uuid, participant_id uuid, creditor_id uuid, amount_cents bigint, preferential boolean, status text)`.execute(db);
    }
  });
  await time('vacuum analyze', async () => {
    for (const t of ['youth_debt_participants', 'youth_debt_debts', 'youth_debt_creditors']) await sql`vacuum analyze ${sql.table(t)}`.execute(db);
  });
  return { wss, timings };
}

/** A copy of the app whose database handle records the SQL of each request; the platform's own queries (token, tenancy) are left out. */
async function probeApp(s: Setup) {
  const capture = captureSql(s.db);
  const config = loadConfig({ DICHTER_DATA: s.tmp, HOST: '127.0.0.1', DICHTER_LOG_LEVEL: 'silent', DICHTER_DEMO: 'false' });
  const probe = await buildApp({ config, database: { ...s.runtime.database, db: capture.db }, modules, events: s.runtime.events });
  const platform = (q: CompiledQuery) => /"api_tokens"|"workspace_members"|"users"/.test(q.sql) && !/^\s*(insert|delete)/i.test(q.sql);
  const request = async (url: string, token: string) => {
    capture.take();
    const res = await probe.server.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    const all = capture.take();
    let first = 0;
    while (first < all.length && platform(all[first])) first++;
    return { sql: all.slice(first), status: res.statusCode, body: res.body };
  };
  return { request, close: () => probe.server.close() };
}

/** The request's SQL replayed bare: all at once (the app runs its queries in parallel). */
const replayAll = (db: Db, queries: CompiledQuery[]) => async () => {
  const results = await Promise.all(queries.map((q) => db.executeQuery(q)));
  return { results: results.map((x) => x.rows) };
};

type Target = { url: string; headers?: Record<string, string>; method?: 'POST'; body?: string };
async function runTarget(t: Target, connections: number, seconds: number) {
  const result = t.method
    ? await runRequestLoad({ url: t.url, headers: t.headers, connections, seconds, exactLatencies: true, requests: [{ method: 'POST', path: new URL(t.url).pathname, body: t.body }] })
    : await runLoad({ url: t.url, headers: t.headers, connections, seconds, exactLatencies: true });
  await sleep(Math.min(10_000, result.latencyMs.max) + 250);
  return result;
}

/** 50 debts: 8 preferential, amounts that do not divide evenly. */
function offerBody() {
  const r = prng(SEED + 1);
  const debts = Array.from({ length: 50 }, (_, i) => ({ creditor: `Schuldeiser ${i + 1}`, amountCents: 10_001 + r.int(400_000), preferential: i % 6 === 0 }));
  return { monthlyCapacityCents: 23_417, termMonths: 18, debts };
}
/** An MKBA of a workspace over years 0–5: four actors, five cost and five benefit lines each per year (240 lines). */
function mkbaBody() {
  const actors = ['jongere', 'gemeente', 'rijk', 'schuldeisers'] as const;
  const lines = [];
  for (let year = 0; year <= 5; year++)
    for (const actor of actors) {
      for (const [k, label] of ['Begeleiding', 'Uitvoering', 'Kredietverlies', 'Beheer fonds', 'Scholing'].entries()) lines.push({ actor, kind: 'cost' as const, label: `${label} jaar ${year}`, amountCents: 1_200_000 + k * 10_001 + year * 7, year });
      for (const [k, label] of ['Bijstand vermeden', 'Herstel schuldeisers', 'Huisuitzetting vermeden', 'Opvang vermeden', 'Werk en inkomen'].entries()) lines.push({ actor, kind: 'benefit' as const, label: `${label} jaar ${year}`, amountCents: 1_400_000 + k * 13_003 + year * 11, year });
    }
  return { discountRate: 0.0225, lines };
}

/** In-process timing of a pure function: warm up, then `n` calls, each timed. */
function timeInProcess(fn: () => unknown, n: number) {
  for (let i = 0; i < Math.min(200, n); i++) fn();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return exactLatency(times);
}

interface Measurement {
  name: string;
  description: string;
  url: string;
  queriesPerRequest: number;
  sql: string[];
  levels: Level[];
  info: Record<string, unknown>;
}

async function measure(kind: DbKind, scale: Scale, reduced: boolean, seconds: number, warmup: number, log: (line: string) => void) {
  log(`youth-debt on ${kind}: ${scale.participants} participants, ${scale.debts} debts, ${scale.workspaces} workspaces${reduced ? ' (reduced scale)' : ''}; setting up…`);
  const started = performance.now();
  const b = await startBenchApp(kind, 'youth-debt');
  const admin = await auth.createUser(b.cli, { email: `admin.${Date.now()}@example.org`, name: 'Stichting (beheerder installatie)', password: 'benchmark-wachtwoord', isAdmin: true });
  const adminToken = (await auth.createToken({ ...b.cli, actor: { userId: admin.id, email: admin.email, name: admin.name, isAdmin: true, via: 'cli' } }, 'bench')).token;
  const s: Setup = { kind, runtime: b.runtime, db: b.runtime.database.db, app: b.app, bare: Fastify({ bodyLimit: 1024 * 1024 }), token: b.token, adminToken, tmp: b.tmp, databaseUrl: b.config.databaseUrl ?? undefined, drop: b.drop };
  try {
    const { wss, timings } = await load(s, scale, log);
    const setupSeconds = round((performance.now() - started) / 1000, 1);
    const largest = wss[0];
    const medianWs = wss[Math.floor(wss.length / 2)];
    const probe = await probeApp(s);
    const reads: (Measurement & { token: string; barePath: string; check: (app: unknown) => string | null; sqlQueries: CompiledQuery[] })[] = [];
    for (const [label, ws] of [
      ['largest', largest],
      ['median', medianWs],
    ] as const) {
      const url = `/api/w/${ws.slug}/youth-debt/dashboard`;
      const captured = await probe.request(url, s.token);
      if (captured.status !== 200) throw new Error(`${url} answered ${captured.status}: ${captured.body.slice(0, 300)}`);
      reads.push({
        name: `dashboard-${label}`,
        description: `GET …/youth-debt/dashboard in the ${label} workspace: ${ws.participants} participants, ${ws.debts} debts`,
        url,
        token: s.token,
        barePath: `/bare/dashboard-${label}`,
        queriesPerRequest: captured.sql.length,
        sql: captured.sql.map((q) => q.sql),
        sqlQueries: captured.sql,
        levels: [],
        info: { workspace: label, rank: ws.rank, participants: ws.participants, debts: ws.debts },
        check: (body) => ((body as { participants: number }).participants === ws.participants ? null : `dashboard counts ${(body as { participants: number }).participants}, expected ${ws.participants}`),
      });
    }
    {
      const url = '/api/youth-debt/approach';
      const captured = await probe.request(url, s.adminToken);
      if (captured.status !== 200) throw new Error(`${url} answered ${captured.status}: ${captured.body.slice(0, 300)}`);
      const denied = await probe.request(url, s.token);
      if (denied.status !== 403) throw new Error(`${url} answered ${denied.status} to a non-administrator`);
      reads.push({
        name: 'approach',
        description: `GET /api/youth-debt/approach as an administrator: the ${wss.length} workspaces with their figures and the total, small numbers protected`,
        url,
        token: s.adminToken,
        barePath: '/bare/approach',
        queriesPerRequest: captured.sql.length,
        sql: captured.sql.map((q) => q.sql),
        sqlQueries: captured.sql,
        levels: [],
        info: { workspaces: wss.length },
        check: (body) => {
          const v = body as { items: unknown[]; total: { participants: { value: number | null } } };
          return v.items.length === wss.length && v.total.participants.value === scale.participants ? null : `approach: ${v.items.length} workspaces, total ${v.total.participants.value}`;
        },
      });
    }
    await probe.close();
    for (const read of reads) s.bare.get(read.barePath, replayAll(s.db, read.sqlQueries));

    const offer = offerBody();
    const mkba = mkbaBody();
    const previewUrl = (p: string) => `/api/w/${largest.slug}/youth-debt/${p}`;

    const appUrl = await listen(s.app.server);
    const bareUrl = await listen(s.bare);
    const authz = (token: string) => ({ authorization: `Bearer ${token}` });
    for (const read of reads) {
      const res = await fetch(`${appUrl}${read.url}`, { headers: authz(read.token) });
      const problem = read.check(await res.json());
      if (problem) throw new Error(problem);
      const bare = await fetch(`${bareUrl}${read.barePath}`);
      if (bare.status !== 200) throw new Error(`${read.barePath} answered ${bare.status}`);
    }
    const checkOffer = await fetch(`${appUrl}${previewUrl('offer-preview')}`, { method: 'POST', headers: { ...authz(s.token), 'content-type': 'application/json' }, body: json(offer) });
    const offerAnswer = (await checkOffer.json()) as { paidOutCents: number; payouts: { payoutCents: number }[] };
    if (checkOffer.status !== 200 || offerAnswer.payouts.reduce((n, p) => n + p.payoutCents, 0) !== offerAnswer.paidOutCents) throw new Error(`offer preview answered ${checkOffer.status}`);

    const measurements: Measurement[] = [];
    for (const read of reads) {
      const targets: Record<Which, Target> = { app: { url: `${appUrl}${read.url}`, headers: authz(read.token) }, bare: { url: `${bareUrl}${read.barePath}` } };
      await runTarget(targets.app, 16, warmup);
      await runTarget(targets.bare, 16, warmup);
      read.levels = await compareLevels((which, connections) => runTarget(targets[which], connections, seconds), LEVELS, log, read.name);
      const { token: _t, barePath: _b, check: _c, sqlQueries: _q, ...m } = read;
      measurements.push(m);
    }

    const previews: Record<string, { description: string; http: LoadSummary[]; inProcess: ReturnType<typeof exactLatency>; targetMs: number }> = {};
    for (const [name, path, body, fn, targetMs, description] of [
      ['offer', 'offer-preview', offer, () => settlementOffer({ ...offer, preferentialMultiplier: 2 }), TARGET.offerPreviewMs, 'settlement offer for 50 debts (8 preferential), 18 months'],
      ['mkba', 'mkba-preview', mkba, () => presentValue(mkba.lines, mkba.discountRate), TARGET.mkbaPreviewMs, `MKBA of a workspace: ${mkba.lines.length} lines, 4 actors, years 0–5, 2.25 %`],
    ] as const) {
      const target: Target = { url: `${appUrl}${previewUrl(path)}`, headers: { ...authz(s.token), 'content-type': 'application/json' }, method: 'POST', body: json(body) };
      await runTarget(target, 16, warmup);
      const http: LoadSummary[] = [];
      for (const c of LEVELS) {
        const res = await runTarget(target, c, seconds);
        http.push(res);
        log(`  ${name} preview ×${c}: ${res.requestsPerSecond}/s p50 ${res.exactLatencyMs!.p50} p95 ${res.exactLatencyMs!.p95} ms${res.non2xx + res.errors ? ' | FAILURES' : ''}`);
      }
      const inProcess = timeInProcess(fn as () => unknown, 5000);
      log(`  ${name} in process: p50 ${inProcess.p50} p95 ${inProcess.p95} max ${inProcess.max} ms`);
      previews[name] = { description, http, inProcess, targetMs };
    }

    const failures = [...measurements.flatMap((m) => m.levels.flatMap((l) => [l.app, l.bare])), ...Object.values(previews).flatMap((p) => p.http)].reduce((n, x) => n + x.errors + x.non2xx, 0);
    if (failures) throw new Error(`${failures} failed requests`);
    const p95 = (x: LoadSummary) => x.exactLatencyMs!.p95;
    return {
      database: kind,
      scale: { ...scale, reduced },
      setupSeconds,
      loadTimingsMs: timings,
      data: { workspaces: wss.length, participants: scale.participants, debts: scale.debts, largest: { participants: largest.participants, debts: largest.debts }, median: { participants: medianWs.participants, debts: medianWs.debts }, questionnaires: 0 },
      measurements,
      previews,
      targets: {
        dashboardP95Ms: Math.max(...measurements.filter((m) => m.name.startsWith('dashboard')).flatMap((m) => m.levels.map((l) => p95(l.app)))),
        approachP95Ms: Math.max(...measurements.filter((m) => m.name === 'approach').flatMap((m) => m.levels.map((l) => p95(l.app)))),
        offerInProcessP95Ms: previews.offer.inProcess.p95,
        offerHttpP95Ms1: p95(previews.offer.http[0]),
        mkbaInProcessP95Ms: previews.mkba.inProcess.p95,
        mkbaHttpP95Ms1: p95(previews.mkba.http[0]),
        goals: TARGET,
      },
    };
  } finally {
    await tearDown(s);
  }
}

export async function youthDebt(log: (line: string) => void = console.log) {
  const seconds = envSeconds('BENCH_SECONDS', 10);
  const warmup = envSeconds('BENCH_WARMUP_SECONDS', 3);
  const requested = (process.env.BENCH_DATABASES ?? '').split(',').filter(Boolean) as DbKind[];
  const kinds: DbKind[] = requested.length ? requested : process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
  if (kinds.includes('postgres') && !process.env.DATABASE_URL) throw new Error('postgres needs DATABASE_URL');
  // For trying the benchmark out: BENCH_YOUTH_DEBT_FRACTION=0.1 loads a tenth of the participants and debts.
  const fraction = Number(process.env.BENCH_YOUTH_DEBT_FRACTION ?? 1);
  const scale: Scale = { workspaces: FULL.workspaces, participants: Math.round(FULL.participants * fraction), debts: Math.round(FULL.debts * fraction) };
  const machine = machineInfo();
  const runs = [];
  for (const kind of kinds) runs.push(await measure(kind, scale, fraction !== 1, seconds, warmup, log));
  const result = {
    benchmark: 'youth-debt',
    description:
      'Youth debt approach (Jongeren Perspectief Fonds) at the scale of the approach: 40 workspaces, 12,000 participants (Zipf over the workspaces), 100,000 debts. The dashboard of the largest and a median workspace and the approach-wide view across all workspaces (as an administrator, with small-number protection) through the real app (token, tenancy or admin check, zod, service, serialisation) against a bare Fastify route replaying the request\'s captured SQL on the same database handle; the offer preview (50 debts) and an MKBA preview over HTTP and the pure functions in-process. Ratios are app ÷ reference.',
    notes: [
      'Questionnaires (5 per participant in the issue) are not built yet: none are loaded, and the dashboard has no score development yet.',
      'The approach-wide view reads the workspace names through the workspaces module\'s exported service, one look-up per workspace (40 small queries beside the 7 aggregate queries); the bare route replays them all at once.',
    ],
    machine: finish(machine),
    databases: kinds,
    settings: {
      secondsPerMeasurement: seconds,
      warmupSeconds: warmup,
      connections: LEVELS,
      targets: TARGET,
      loading: 'workspaces through POST /api/workspaces (the bench user is beheerder of each); users, members, creditors, participants and debts with INSERT … SELECT FROM jsonb_to_recordset (rows generated with a seeded PRNG, 5,000 a statement); then VACUUM ANALYZE. No audit rows for the bulk data.',
      replay: 'the bare route runs the request\'s captured queries all at once (Promise.all), a lower bound for the SQL the request needs',
      order: 'app and bare alternate which goes first at each connection level',
      latencyNote: 'exactLatencyMs: every 2xx response time as autocannon measured it (fractional ms), nearest-rank percentiles; in-process timings with performance.now() over 5,000 calls after a warm-up',
      ...(fraction !== 1 ? { fraction } : {}),
    },
    runs,
  };
  const file = writeResult('youth-debt', result);
  for (const run of runs) {
    log(`\nyouth-debt (${run.database}${run.scale.reduced ? ', reduced scale' : ''}): ${run.data.participants} participants, ${run.data.debts} debts in ${run.data.workspaces} workspaces; loaded in ${run.setupSeconds} s`);
    const e = (x: LoadSummary) => x.exactLatencyMs!;
    log(
      table(
        ['measurement', 'conns', 'app rps', 'bare rps', 'app p50', 'bare p50', 'app p95', 'bare p95', 'p95 ratio'],
        run.measurements.flatMap((m) => m.levels.map((l) => [m.name, l.connections, l.app.requestsPerSecond, l.bare.requestsPerSecond, e(l.app).p50, e(l.bare).p50, e(l.app).p95, e(l.bare).p95, l.ratio.p95])),
      ),
    );
    log(
      table(
        ['preview', 'conns', 'rps', 'p50', 'p95', 'in-process p95', 'target'],
        Object.entries(run.previews).flatMap(([name, p]) => p.http.map((h) => [name, h.connections, h.requestsPerSecond, e(h).p50, e(h).p95, p.inProcess.p95, `< ${p.targetMs} ms`])),
      ),
    );
  }
  log(`\nwritten to ${file}`);
  return result;
}
