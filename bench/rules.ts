/**
 * rules: the rule register and comply-or-explain at installation scale. 300 workspaces, 5,000
 * rules (six national rules of level rijk kept in every workspace's register, 3,200 local rules
 * and product codes spread Zipf-like over the workspaces), 300,000 deviations over two years
 * (Zipf over the workspaces, rank 1 holds ~16 %; Zipf over each workspace's rules; more recent
 * ones more often), a quarter of them linked to one of ~25,000 observations. Bulk-loaded
 * set-based (INSERT … SELECT FROM jsonb_to_recordset, 5,000 rows a statement, generated with a
 * seeded PRNG) into the module's real tables after the app ran its migrations.
 *
 * Measures, each against a bare Fastify route replaying the request's own captured SQL on the
 * same database handle: the pressure ranking of one workspace (`GET …/rules/pressure`, the
 * largest and a median workspace), the national ranking of a rijk rule kept by all 300
 * workspaces (`GET /api/rules/national/:code/pressure`, as an administrator), both at 1, 16 and
 * 64 connections; the rule dossier (`GET …/rules/:id/dossier?format=html`, the busiest rule of
 * the largest workspace and one with about a thousand deviations) at 1 and 16 connections, when
 * the route exists; and deviation entry (`POST …/rules/:id/deviations`, distinct bodies) at 1
 * and 16 connections against the same writes in one transaction. Targets (brief): ranking p95
 * < 100 ms, dossier HTML < 1 s.
 */
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { CompiledQuery, sql } from 'kysely';
import { recordAudit } from '../src/platform/audit';
import { loadConfig } from '../src/platform/config';
import type { Actor } from '../src/platform/context';
import { transaction, type Db } from '../src/platform/db/database';
import { buildApp, type App } from '../src/platform/http/app';
import { newId } from '../src/platform/ids';
import type { Runtime } from '../src/platform/runtime';
import * as auth from '../src/platform/auth/service';
import { modules } from '../src/modules';
import { migrateDown } from '../src/platform/migrator';
import { migrations as ruleMigrations } from '../src/core/rules/migrations';
import * as repo from '../src/core/rules/repository';
import { compareLevels, runLoad, type Level, type LoadSummary, type Which } from './lib/load';
import { runRequestLoad, type SequencedRequest } from './lib/load-requests';
import { finish, machineInfo } from './lib/machine';
import { captureSql } from './lib/sql-capture';
import { listen, startBenchApp } from './lib/app';
import { envSeconds, ratio, round, sleep, stopwatch, table, writeResult } from './lib/util';
import { prng, type Prng } from './lib/prng';
import { compact, explainPlan, explainText } from './lib/explain';
import { GEMEENTE_NAMES, GEMEENTE_TAILS, NAME_HEADS, PLACES, SIDES, TITLES, WIJK_TAILS } from './lib/dutch-observations';

type DbKind = 'pglite' | 'postgres';

interface Scale {
  workspaces: number;
  rules: number;
  deviations: number;
  users: number;
}
const FULL: Scale = { workspaces: 300, rules: 5_000, deviations: 300_000, users: 200 };
const READ_LEVELS = [1, 16, 64];
const DOSSIER_LEVELS = [1, 16];
/** PGlite has one connection: 16 busiest dossiers at once queue past the load generator's 30 s timeout. */
const DOSSIER_LEVELS_PGLITE = [1];
/** The dossier runs a fixed number of requests (per connection level) instead of a time: it is slow. */
const DOSSIER_REQUESTS: Record<number, number> = { 1: 12, 16: 32 };
const INGEST_LEVELS = [1, 16];
const INGEST_BODIES = 3000;
const CHUNK = 5000;
const TARGET = { rankingP95Ms: 100, dossierHtmlMs: 1000 };
const SEED = 20261128;
const DAY = 86_400_000;
export const SPAN_DAYS = 730;
/** The national rule every workspace keeps, whose national ranking is measured. */
const NATIONAL_CODE = 'PW-22a';

// Deterministic data



const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** A UUIDv7 for a moment in the past, as newId() would have made it then. */
export const uuidv7At = (ms: number, r: Prng, unique: number) => {
  const h = `${Math.floor(ms).toString(16).padStart(12, '0')}7${r.hex(3)}${(8 + r.int(4)).toString(16)}${r.hex(7)}${(unique >>> 0).toString(16).padStart(8, '0')}`;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};
/** Counts ∝ 1/rank summing to `total`, each at least `floor`. */
export function zipfCounts(n: number, total: number, floor = 1) {
  const h = Array.from({ length: n }, (_, i) => 1 / (i + 1)).reduce((a, b) => a + b, 0);
  const counts = Array.from({ length: n }, (_, i) => Math.max(floor, Math.floor(total / ((i + 1) * h))));
  counts[0] += total - counts.reduce((a, b) => a + b, 0);
  return counts;
}
const slugify = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

export const NATIONAL: [code: string, title: string, domain: string, intent: string][] = [
  ['PW-22a', 'Participatiewet art. 22a: kostendelersnorm', 'werk_inkomen', 'Wie met andere volwassenen een woning deelt, deelt ook de woonkosten; de bijstandsnorm is lager naarmate er meer kostendelers zijn. Bedoeling: een eerlijke verdeling van bijstand.'],
  ['PW-17', 'Participatiewet art. 17: inlichtingenplicht', 'werk_inkomen', 'Wie bijstand krijgt, meldt uit zichzelf wat van invloed is op het recht erop. Bedoeling: een juiste uitkering, zonder terugvorderen achteraf.'],
  ['JW-2.3', 'Jeugdwet art. 2.3: jeugdhulpplicht', 'jeugd', 'Als een jeugdige of zijn ouders het zelf niet redden, zorgt de gemeente voor passende hulp. Bedoeling: gezond en veilig opgroeien.'],
  ['WMO-2.3.2', 'Wmo 2015 art. 2.3.2: onderzoek binnen zes weken na de melding', 'wmo', 'Na een melding onderzoekt de gemeente binnen zes weken wat nodig is. Bedoeling: snel duidelijkheid en ondersteuning op maat.'],
  ['WGS-4a', 'Wgs art. 4a: eerste gesprek binnen vier weken', 'schulden', 'Wie zich meldt voor schuldhulp, heeft binnen vier weken een eerste gesprek; bij dreigende ontruiming binnen drie werkdagen. Bedoeling: snel perspectief.'],
  ['LPW-21a', 'Leerplichtwet art. 21a: melding bij 16 uur verzuim in vier weken', 'onderwijs', 'De school meldt ongeoorloofd verzuim van 16 uur in vier weken. Bedoeling: vroeg ingrijpen, zodat een kind niet uit beeld raakt.'],
];
export const LOCAL_KINDS: [kind: string, level: string, prefix: string, weight: number][] = [
  ['productcode', 'gemeente', 'PC', 0.45],
  ['beleidsregel', 'gemeente', 'BR', 0.25],
  ['werkinstructie', 'organisatie', 'WI', 0.15],
  ['protocol', 'organisatie', 'PR', 0.1],
  ['amvb_regeling', 'provincie', 'PV', 0.05],
];
export const DOMAINS = ['jeugd', 'wmo', 'schulden', 'werk_inkomen', 'wonen', 'veiligheid', 'openbare_ruimte', 'onderwijs', 'gezondheid'] as const;
export const SUBJECTS: Record<(typeof DOMAINS)[number], string[]> = {
  jeugd: ['Ambulante jeugdhulp', 'Jeugdhulp met verblijf', 'Pleegzorg', 'Jeugd-GGZ', 'Vier-ogenprincipe bij beschikkingen', 'Herindicatie na twaalf maanden', 'Verlengde jeugdhulp na 18 jaar'],
  wmo: ['Hulp bij het huishouden', 'Individuele begeleiding', 'Dagbesteding', 'Woningaanpassing', 'Wmo-vervoer', 'Keukentafelgesprek', 'Eigen kracht eerst'],
  schulden: ['Wachtlijst schuldhulp', 'Stabilisatie vóór een schuldregeling', 'Budgetbeheer', 'Saneringskrediet', 'Aanmelding schuldhulp', 'Doorbraakbudget'],
  werk_inkomen: ['Bijzondere bijstand', 'Individuele inkomenstoeslag', 'Kindregelingen', 'Re-integratietraject', 'Energiefonds', 'Formulieren invullen'],
  wonen: ['Urgentieregeling', 'Briefadres', 'Vochtklachten', 'Ontruiming bij huurachterstand', 'Woningruil', 'Reparatieverzoeken'],
  veiligheid: ['Huisbezoek met z’n tweeën', 'Alcoholverbod', 'Cameratoezicht', 'Melden van overlast', 'Meldcode huiselijk geweld'],
  openbare_ruimte: ['Grofvuil op afspraak', 'Subsidie buurtinitiatieven', 'Openingstijden buurthuis', 'Vergunning straatfeest', 'Meldingen openbare ruimte'],
  onderwijs: ['Leerlingenvervoer', 'Voorschoolse educatie', 'Ouderkamer', 'Verzuimmelding'],
  gezondheid: ['Verwijzing praktijkondersteuner GGZ', 'Valpreventie', 'Wijkverpleging', 'Inloop GGZ'],
};
export const VARIANTS = ['basis', 'licht', 'middel', 'zwaar', 'specialistisch', 'intensief', 'kortdurend', 'in een groep', 'gezinsgericht', 'voor jongeren', 'voor ouderen', 'na een crisis'];

export const SITUATIONS = [
  'Jongere met een huurachterstand en een incasso van de zorgverzekeraar meldt zich bij het buurtteam.',
  'Gezin met drie kinderen heeft een aankondiging van afsluiting van energie gekregen.',
  'Volwassen zoon trekt in bij zijn zieke moeder om voor haar te zorgen.',
  'Oudere vrouw zonder internetbankieren kan de gevraagde stukken niet aanleveren.',
  'Alleenstaande moeder werkt overdag en kan alleen ’s avonds op gesprek komen.',
  'Man met een licht verstandelijke beperking loopt vast op het digitale formulier.',
  'Jongere is uit huis gezet en slaapt op wisselende adressen.',
  'Gezin met een baby woont in een woning met zichtbare schimmel in de kinderkamer.',
  'Leerling verzuimt omdat hij thuis voor zijn zieke moeder zorgt.',
  'Vrouw verliet haar huis na huiselijk geweld en zit met haar kinderen in de opvang.',
  'Bewoners willen op korte termijn een buurtmaaltijd organiseren na een brand in de flat.',
  'Oudere man komt na een val uit het ziekenhuis en kan niet zelf douchen.',
];
export const EXPLANATIONS = [
  'De regel laat de inwoner weken wachten terwijl de schulden intussen oplopen; de bedoeling van de regel is eerlijk verdelen, niet mensen laten afhaken.',
  'Wachten op een compleet dossier betekent hier een afsluiting in de winter; het risico van wachten is groter dan het risico van een onvolledig dossier.',
  'Met de regel daalt het inkomen van het huishouden zo sterk dat de mantelzorg stopt en duurdere zorg nodig wordt.',
  'De termijn past niet bij deze situatie: de inwoner kan in deze omstandigheden niet doen wat de regel van hem vraagt.',
  'De regel is bedoeld voor een gemiddeld huishouden; hier is meer nodig om te voorkomen dat de situatie escaleert.',
  'De tussenstap voegt hier niets toe en kost weken; de professionals die het gezin kennen zijn het eens over wat nodig is.',
  'Formeel valt de inwoner buiten de regeling, maar het doel van de regeling is juist mensen zoals hij te helpen.',
  'De route via het formulier houdt deze inwoner buiten de hulp waar de regel hem naartoe wil leiden.',
];
export const INSTEAD = [
  'De intake gestart met de stukken die er waren en de rest later opgevraagd.',
  'De regel voor drie maanden niet toegepast, met een heronderzoek daarna.',
  'Direct tijdelijke ondersteuning ingezet en het onderzoek daarna gedaan.',
  'Samen met de inwoner het formulier ingevuld en elk antwoord laten bevestigen.',
  'Een avondafspraak gemaakt in het buurthuis.',
  'De corporatie gebeld en een betalingsregeling afgesproken.',
];
export const BENEFITS = [
  'Geen nieuwe kosten en de inwoner blijft gemotiveerd.',
  'Ontruiming of afsluiting voorkomen.',
  'Sneller hulp, zonder extra kosten voor de gemeente.',
  'De inwoner blijft in beeld en de hulp loopt door.',
  'Het gezin blijft bij elkaar en de begeleiding kan doorgaan.',
];
export const OUTCOME_NOTES = ['Het werkte: de situatie is stabiel.', 'Ongeveer hetzelfde als met de regel.', 'Achteraf niet goed uitgepakt.'];

interface Ws {
  rank: number;
  id: string;
  slug: string;
  name: string;
  deviations: number;
  memberIds: string[];
  areaIds: string[];
  observationIds: string[];
  rules: { id: string; code: string; weight: number; deviations: number }[];
}

export const DEVIATION_RECORDSET = `x(workspace_id uuid, id uuid, rule_id uuid, occurred_on date, area_id uuid, situation text, explanation text, instead_done text, expected_benefit text,
  reporter_user_id uuid, status text, follow_up_on date, outcome text, outcome_note text, outcome_at timestamptz, created_at timestamptz, updated_at timestamptz)`;
export const DEVIATION_COLUMNS = DEVIATION_RECORDSET.slice(2, -1)
  .split(',')
  .map((c) => c.trim().split(/\s+/)[0])
  .join(', ');
const json = (value: unknown) => JSON.stringify(value);

// Set-up

interface Setup {
  kind: DbKind;
  runtime: Runtime;
  db: Db;
  app: App;
  bare: FastifyInstance;
  appUrl: string;
  bareUrl: string;
  token: string;
  adminToken: string;
  actor: Actor;
  tmp: string;
  databaseUrl?: string;
  drop?: () => Promise<void>;
}

async function tearDown(s: Setup, keepFolder = false) {
  await s.bare.close();
  await s.app.server.close();
  await s.runtime.close();
  await s.drop?.();
  if (!keepFolder) fs.rmSync(s.tmp, { recursive: true, force: true });
}

/** Workspaces through the API, then users, members, areas, observations, rules and deviations set-based. */
async function load(s: Setup, scale: Scale, log: (line: string) => void) {
  const { timings, time } = stopwatch(log);
  const r = prng(SEED);
  const db = s.db;
  const authz = { authorization: `Bearer ${s.token}` };
  const now = Date.now();
  const today = isoDay(now);

  // Names: the 25 largest gemeenten, then made-up ones.
  const names: string[] = Object.values(GEMEENTE_NAMES).slice(0, scale.workspaces);
  const seen = new Set(names);
  while (names.length < scale.workspaces) {
    const name = `${r.pick(NAME_HEADS)}${r.pick(GEMEENTE_TAILS)}${r.pick(SIDES)}`;
    if (seen.has(name)) continue;
    names.push(name);
    seen.add(name);
  }
  const deviationCounts = zipfCounts(scale.workspaces, scale.deviations);
  const localCounts = zipfCounts(scale.workspaces, scale.rules - NATIONAL.length * scale.workspaces, 2);

  const wss: Ws[] = await time('workspaces (POST /api/workspaces)', async () => {
    const out: Ws[] = [];
    for (const [i, name] of names.entries()) {
      const slug = `${pad(i + 1, 3)}-${slugify(name)}`.slice(0, 50).replace(/-+$/, '');
      const res = await s.app.server.inject({ method: 'POST', url: '/api/workspaces', headers: authz, payload: { name: `Sociaal domein ${name}`, slug, responseDays: 10 } });
      if (res.statusCode !== 201) throw new Error(`workspace ${slug} not created: ${res.statusCode} ${res.body}`);
      out.push({ rank: i + 1, id: (JSON.parse(res.body) as { id: string }).id, slug, name: `Sociaal domein ${name}`, deviations: deviationCounts[i], memberIds: [], areaIds: [], observationIds: [], rules: [] });
    }
    return out;
  });

  // Users and members: bigger workspaces have more professionals (3 to 60).
  const users = Array.from({ length: scale.users }, (_, i) => ({ id: newId(), name: `Professional ${pad(i + 1, 3)}`, email: `professional.${i + 1}@gemeente.example.nl` }));
  await time('users and members', async () => {
    for (const [i, w] of wss.entries()) {
      const m = Math.min(users.length, Math.max(3, Math.round(3 + 57 * Math.sqrt(w.deviations / wss[0].deviations))));
      w.memberIds = Array.from({ length: m }, (_, k) => users[(i * 13 + k) % users.length].id);
    }
    await sql`insert into users (id, email, name, locale) select x.id, x.email, x.name, 'nl' from jsonb_to_recordset(${json(users)}::jsonb) as x(id uuid, email text, name text)`.execute(db);
    const members = wss.flatMap((w) => w.memberIds.map((userId, k) => ({ workspace_id: w.id, user_id: userId, role: k % 6 === 1 ? 'beleidsadviseur' : 'professional' })));
    await sql`insert into workspace_members (workspace_id, user_id, role) select * from jsonb_to_recordset(${json(members)}::jsonb) as x(workspace_id uuid, user_id uuid, role text)`.execute(db);
  });

  // Areas: a gemeente and twelve wijken per workspace.
  await time('areas', async () => {
    const rows: Record<string, unknown>[] = [];
    for (const w of wss) {
      const gm = newId();
      const code = `GM${pad(w.rank, 4)}`;
      rows.push({ workspace_id: w.id, id: gm, kind: 'gemeente', code, name: w.name.replace('Sociaal domein ', ''), year: 2024, parent_id: null });
      for (let k = 0; k < 12; k++) {
        const id = newId();
        w.areaIds.push(id);
        rows.push({ workspace_id: w.id, id, kind: 'wijk', code: `WK${pad(w.rank, 4)}${pad(k)}`, name: `${r.pick(NAME_HEADS)}${r.pick(WIJK_TAILS)}`, year: 2024, parent_id: gm });
      }
    }
    for (let i = 0; i < rows.length; i += CHUNK)
      await sql`insert into areas (workspace_id, id, kind, code, name, year, parent_id)
        select * from jsonb_to_recordset(${json(rows.slice(i, i + CHUNK))}::jsonb) as x(workspace_id uuid, id uuid, kind text, code text, name text, year int, parent_id uuid)`.execute(db);
  });

  // Observations the deviations link to: about one per twelve deviations.
  const observationTotal = await time('observations (signals and bottlenecks)', async () => {
    const rows: Record<string, unknown>[] = [];
    for (const w of wss) {
      const n = Math.max(3, Math.round(w.deviations / 12));
      for (let k = 0; k < n; k++) {
        const at = now - SPAN_DAYS * DAY * r.next() ** 1.3;
        const id = uuidv7At(at, r, rows.length);
        w.observationIds.push(id);
        const kind = r.next() < 0.6 ? 'signaal' : 'knelpunt';
        rows.push({ workspace_id: w.id, id, number: k + 1, kind, title: r.pick(TITLES[kind]).replace('{p}', r.pick(PLACES)), occurred_at: new Date(at).toISOString(), visibility: 'workspace', source: 'web', reporter_user_id: r.pick(w.memberIds), created_at: new Date(at).toISOString() });
      }
    }
    for (let i = 0; i < rows.length; i += CHUNK)
      await sql`insert into observations (workspace_id, id, number, kind, title, occurred_at, visibility, source, reporter_user_id, created_at, updated_at)
        select workspace_id, id, number, kind, title, occurred_at, visibility, source, reporter_user_id, created_at, created_at
        from jsonb_to_recordset(${json(rows.slice(i, i + CHUNK))}::jsonb) as x(workspace_id uuid, id uuid, number int, kind text, title text, occurred_at timestamptz, visibility text, source text, reporter_user_id uuid, created_at timestamptz)`.execute(db);
    return rows.length;
  });

  // Rules: the national ones in every register, the local ones Zipf over the workspaces.
  await time('rules', async () => {
    const rows: Record<string, unknown>[] = [];
    for (const [i, w] of wss.entries()) {
      for (const [code, title, domain, intent] of NATIONAL) {
        const id = newId();
        w.rules.push({ id, code, weight: 0, deviations: 0 });
        rows.push({ workspace_id: w.id, id, code, title, kind: 'wet', level: 'rijk', intent, domain, valid_from: '2015-01-01', mandate: 'explain_afterwards' });
      }
      for (let k = 0; k < localCounts[i]; k++) {
        const u = r.next();
        let acc = 0;
        const [kind, level, prefix] = LOCAL_KINDS.find(([, , , weight]) => (acc += weight) > u) ?? LOCAL_KINDS[0];
        const domain = r.pick(DOMAINS);
        const subject = r.pick(SUBJECTS[domain]);
        const variant = r.pick(VARIANTS);
        const code = `${prefix}-${pad(k + 1, 4)}`;
        const id = newId();
        w.rules.push({ id, code, weight: 0, deviations: 0 });
        rows.push({
          workspace_id: w.id,
          id,
          code,
          title: `${subject}: ${variant}`,
          kind,
          level,
          intent: `${subject} (${variant}). Bedoeling: passende hulp of een eerlijke verdeling, zo dicht mogelijk bij huis en zonder onnodige wachttijd.`,
          domain,
          valid_from: `${2015 + r.int(10)}-01-01`,
          mandate: r.next() < 0.05 ? 'ask_first' : 'explain_afterwards',
        });
      }
      // Deviations over the register: Zipf over a shuffled order, the kostendelersnorm always second.
      const order = w.rules.map((_, j) => j).sort(() => r.next() - 0.5);
      const national = w.rules.findIndex((x) => x.code === NATIONAL_CODE);
      order.splice(order.indexOf(national), 1);
      order.splice(1, 0, national);
      order.forEach((j, rank) => (w.rules[j].weight = 1 / (rank + 1)));
    }
    for (let i = 0; i < rows.length; i += CHUNK)
      await sql`insert into rules (workspace_id, id, code, title, kind, level, intent, domain, valid_from, mandate)
        select * from jsonb_to_recordset(${json(rows.slice(i, i + CHUNK))}::jsonb) as x(workspace_id uuid, id uuid, code text, title text, kind text, level text, intent text, domain text, valid_from date, mandate text)`.execute(db);
    return rows.length;
  });

  // Deviations: per workspace, over two years (recent ones more often), in creation order.
  let linked = 0;
  let total = 0;
  await time(`deviations (${scale.deviations} rows, ${CHUNK} per INSERT … SELECT FROM jsonb_to_recordset) with their observation links`, async () => {
    let rows: Record<string, unknown>[] = [];
    let links: { workspace_id: string; deviation_id: string; observation_id: string }[] = [];
    const flush = async () => {
      if (!rows.length) return;
      await sql`insert into deviations (${sql.raw(DEVIATION_COLUMNS)}) select ${sql.raw(DEVIATION_COLUMNS)} from jsonb_to_recordset(${json(rows)}::jsonb) as ${sql.raw(DEVIATION_RECORDSET)}`.execute(db);
      if (links.length)
        await sql`insert into deviation_observations (workspace_id, deviation_id, observation_id) select * from jsonb_to_recordset(${json(links)}::jsonb) as x(workspace_id uuid, deviation_id uuid, observation_id uuid)`.execute(db);
      rows = [];
      links = [];
    };
    for (const w of wss) {
      const cumulative: number[] = [];
      let sum = 0;
      for (const rule of w.rules) cumulative.push((sum += rule.weight));
      const times = Array.from({ length: w.deviations }, () => now - SPAN_DAYS * DAY * r.next() ** 1.3).sort((a, b) => a - b);
      for (const occurredMs of times) {
        const x = r.next() * sum;
        let lo = 0;
        let hi = cumulative.length - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (cumulative[mid] < x) lo = mid + 1;
          else hi = mid;
        }
        const rule = w.rules[lo];
        rule.deviations++;
        const occurredOn = isoDay(occurredMs);
        const createdMs = Math.min(now - 3600_000, occurredMs + r.next() * 2 * DAY);
        const followUpOn = isoDay(occurredMs + 42 * DAY);
        const outcome = followUpOn < today && r.next() < 0.8 ? (['helped', 'helped', 'no_difference', 'harmed'] as const)[r.int(4)] : null;
        const outcomeMs = outcome ? Math.min(now - 600_000, occurredMs + (42 + r.next() * 10) * DAY) : null;
        const id = uuidv7At(createdMs, r, total);
        rows.push({
          workspace_id: w.id,
          id,
          rule_id: rule.id,
          occurred_on: occurredOn,
          area_id: r.next() < 0.7 ? r.pick(w.areaIds) : null,
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
        if (r.next() < 0.25) {
          links.push({ workspace_id: w.id, deviation_id: id, observation_id: r.pick(w.observationIds) });
          linked++;
        }
        total++;
        if (rows.length >= CHUNK) {
          await flush();
          if ((total / CHUNK) % 10 === 0) log(`    ${total} rows…`);
        }
      }
    }
    await flush();
  });
  await time('history (a recorded event per deviation, an outcome event where there is one)', async () => {
    const eventId = (at: string, salt: string) =>
      sql.raw(`(lpad(to_hex((extract(epoch from ${at}) * 1000)::bigint), 12, '0') || '7' || substr(md5(d.id::text || '${salt}'), 1, 3) || '8' || substr(md5(d.id::text || '${salt}'), 4, 15))::uuid`);
    await sql`insert into deviation_events (workspace_id, id, deviation_id, at, actor_user_id, actor_name, action)
      select d.workspace_id, ${eventId('d.created_at', 'r')}, d.id, d.created_at, d.reporter_user_id, u.name, 'recorded' from deviations d join users u on u.id = d.reporter_user_id`.execute(db);
    await sql`insert into deviation_events (workspace_id, id, deviation_id, at, actor_user_id, actor_name, action, message)
      select d.workspace_id, ${eventId('d.outcome_at', 'o')}, d.id, d.outcome_at, d.reporter_user_id, u.name, 'outcome_' || d.outcome, d.outcome_note
      from deviations d join users u on u.id = d.reporter_user_id where d.outcome is not null`.execute(db);
  });
  await time('vacuum analyze', async () => {
    for (const t of ['rules', 'deviations', 'deviation_observations', 'deviation_events', 'observations', 'areas', 'workspace_members', 'users', 'workspaces']) await sql`vacuum analyze ${sql.table(t)}`.execute(db);
  });

  const counts = (
    await sql<{ rules: number; national: number; deviations: number; links: number; events: number; observations: number }>`select
      (select count(*) from rules) as rules, (select count(*) from rules where level = 'rijk') as national,
      (select count(*) from deviations) as deviations, (select count(*) from deviation_observations) as links,
      (select count(*) from deviation_events) as events, (select count(*) from observations) as observations`.execute(db)
  ).rows[0];
  const sizes = (
    await sql<{ name: string; bytes: number }>`select c.relname as name, pg_total_relation_size(c.oid) as bytes from pg_class c
      where c.relname in ('rules', 'deviations', 'deviation_observations', 'deviation_events') order by 1`.execute(db)
  ).rows;
  const indexes = (
    await sql<{ name: string; bytes: number }>`select c.relname as name, pg_relation_size(c.oid) as bytes from pg_index i join pg_class c on c.oid = i.indexrelid
      where i.indrelid = 'deviations'::regclass order by 1`.execute(db)
  ).rows;
  return {
    wss,
    data: {
      generator: `sfc32 seed ${SEED}; names of the 25 largest gemeenten, others made up (bench/lib/dutch-observations.ts)`,
      workspaces: wss.length,
      rules: Number(counts.rules),
      nationalRules: Number(counts.national),
      nationalCodes: NATIONAL.map((n) => n[0]),
      localRules: Number(counts.rules) - Number(counts.national),
      deviations: Number(counts.deviations),
      deviationObservationLinks: Number(counts.links),
      deviationEvents: Number(counts.events),
      observations: Number(counts.observations),
      users: users.length,
      areas: wss.length * 13,
      observationsInserted: observationTotal,
      linked,
      distribution: {
        deviationsPerWorkspace: 'Zipf (s = 1) by rank: largest ' + deviationCounts[0] + ', median ' + deviationCounts[Math.floor(deviationCounts.length / 2)] + ', smallest ' + deviationCounts[deviationCounts.length - 1],
        rulesPerWorkspace: `${NATIONAL.length} national + local Zipf (s = 1, at least 2): largest ${NATIONAL.length + localCounts[0]}, median ${NATIONAL.length + localCounts[Math.floor(localCounts.length / 2)]}`,
        deviationsPerRule: `Zipf (s = 1) over each register in a shuffled order, ${NATIONAL_CODE} always second`,
        time: `${SPAN_DAYS} days back, density rising towards today (age ∝ u^1.3)`,
      },
      sizesMB: Object.fromEntries(sizes.map((x) => [x.name, round(Number(x.bytes) / 1048576, 1)])),
      deviationIndexesMB: Object.fromEntries(indexes.map((x) => [x.name, round(Number(x.bytes) / 1048576, 1)])),
      loadMs: timings,
      method:
        'workspaces through POST /api/workspaces (the bench user is beheerder of each); users, members, areas, observations, rules, deviations and their observation links with INSERT … SELECT FROM jsonb_to_recordset (rows generated in the benchmark with a seeded PRNG, 5,000 a statement); the history with INSERT … SELECT from deviations; then VACUUM ANALYZE. No audit rows for the bulk data.',
    },
  };
}

// SQL capture and bare routes

/** A copy of the app whose database handle records the SQL of each request; the platform's own queries (token, tenancy) are left out. */
async function probeApp(s: Setup) {
  const capture = captureSql(s.db);
  const config = loadConfig({ DICHTER_DATA: s.tmp, HOST: '127.0.0.1', DICHTER_LOG_LEVEL: 'silent', DICHTER_DEMO: 'false' });
  const probe = await buildApp({ config, database: { ...s.runtime.database, db: capture.db }, modules, events: s.runtime.events });
  const platform = (q: CompiledQuery) => /"api_tokens"|"workspace_members"/.test(q.sql) && !/^\s*(insert|delete)/i.test(q.sql);
  const request = async (method: 'GET' | 'POST', url: string, token: string, body?: unknown) => {
    capture.take();
    const res = await probe.server.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(body !== undefined ? { payload: body as object } : {}) });
    const all = capture.take();
    // the token look-up (and its occasional touch) and the membership look-up come first
    let first = 0;
    while (first < all.length && platform(all[first])) first++;
    return { sql: all.slice(first), platformSql: all.slice(0, first), status: res.statusCode, body: res.body };
  };
  return { request, close: () => probe.server.close() };
}


/** The request's SQL replayed bare: all at once (the app runs its queries in parallel where it can). */
const replayAll = (db: Db, queries: CompiledQuery[]) => async () => {
  const results = await Promise.all(queries.map((q) => db.executeQuery(q)));
  return { results: results.map((r) => r.rows) };
};

/** EXPLAIN ANALYZE of each distinct query of a request, with how often the request ran it. */
async function explainSummary(db: Db, queries: CompiledQuery[]) {
  const distinct = new Map<string, { q: CompiledQuery; times: number }>();
  for (const q of queries) distinct.set(q.sql, { q: distinct.get(q.sql)?.q ?? q, times: (distinct.get(q.sql)?.times ?? 0) + 1 });
  const out = [];
  for (const { q, times } of distinct.values()) out.push({ times, ...(await explainPlan(db, q)) });
  return out;
}

interface DeviationBody {
  occurredOn: string;
  areaId?: string;
  situation: string;
  explanation: string;
  insteadDone: string;
  expectedBenefit: string;
  observationIds?: string[];
}

/** Distinct deviations, as professionals would post them. */
function deviationBodies(ws: Ws, n: number): DeviationBody[] {
  const r = prng(SEED + 3);
  const now = Date.now();
  return Array.from({ length: n }, () => ({
    occurredOn: isoDay(now - r.int(14) * DAY),
    ...(r.next() < 0.7 ? { areaId: r.pick(ws.areaIds) } : {}),
    situation: `${r.pick(SITUATIONS)} ${r.pick(SITUATIONS)}`,
    explanation: r.pick(EXPLANATIONS),
    insteadDone: r.pick(INSTEAD),
    expectedBenefit: r.pick(BENEFITS),
    ...(r.next() < 0.25 ? { observationIds: [r.pick(ws.observationIds)] } : {}),
  }));
}

/**
 * The reference for deviation entry: the writes the service makes, in one transaction, through
 * the same repository functions (the rule, the deviation, its links, its history, the audit),
 * without the service's reads (area and observation checks, the view of the new deviation).
 */
function bareDeviation(ws: Ws, ruleId: string, actor: Actor) {
  return async (db: Db, body: DeviationBody) =>
    transaction(db, async (trx) => {
      const rule = await repo.findRule(trx, ws.id, ruleId);
      const row = await repo.insertDeviation(trx, {
        workspaceId: ws.id,
        id: newId(),
        ruleId,
        occurredOn: body.occurredOn,
        areaId: body.areaId ?? null,
        situation: body.situation,
        explanation: body.explanation,
        insteadDone: body.insteadDone,
        expectedBenefit: body.expectedBenefit,
        reporterUserId: actor.userId,
        status: 'vastgelegd',
        followUpOn: isoDay(Date.parse(`${body.occurredOn}T00:00:00Z`) + 42 * DAY),
      });
      await repo.replaceDeviationLinks(trx, ws.id, row.id, body.observationIds ?? [], []);
      await repo.insertDeviationEvent(trx, { workspaceId: ws.id, id: newId(), deviationId: row.id, actorUserId: actor.userId, actorName: actor.name, action: 'recorded', message: null });
      await recordAudit(trx, { workspaceId: ws.id, actor, entity: 'deviation', entityId: row.id, label: `${rule!.code} ${body.occurredOn}`, action: 'create', after: { status: row.status, occurredOn: body.occurredOn, areaId: row.areaId } });
      return row;
    });
}

// Measuring

type Target = { url: string; headers?: Record<string, string>; requests?: SequencedRequest[] };
/** How long one measurement runs: for a time, or (slow requests, e.g. the dossier) a number of requests per connection. */
type Span = { seconds: number } | { requests: Record<number, number> };

/**
 * One load run. A timed run stops sending at its end while the server may still work on the
 * requests in flight; waiting as long as the slowest response took lets that backlog drain
 * before the next run, so it does not count against whatever is measured next.
 */
async function runTarget(t: Target, connections: number, span: Span) {
  const length = 'seconds' in span ? { seconds: span.seconds } : { amount: span.requests[connections] ?? 2 * connections };
  const result = t.requests
    ? await runRequestLoad({ url: t.url, requests: t.requests, headers: t.headers, connections, ...length, exactLatencies: true })
    : await runLoad({ ...t, connections, ...length, exactLatencies: true });
  if ('seconds' in span) await sleep(Math.min(10_000, result.latencyMs.max) + 250);
  return result;
}

async function loadLevels(targets: Record<Which, Target>, levels: number[], span: Span, log: (l: string) => void, label: string) {
  return compareLevels((which, connections) => runTarget(targets[which], connections, span), levels, log, label);
}

async function fetchText(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers });
  const text = await res.text();
  return { status: res.status, bytes: Buffer.byteLength(text), text, body: (() => { try { return JSON.parse(text) as Record<string, unknown>; } catch { return {}; } })() };
}

interface Measurement {
  name: string;
  kind: Read['kind'];
  description: string;
  url: string;
  responseBytes: { app: number; bare: number };
  queriesPerRequest: number;
  sql: string[];
  levels: Level[];
  [info: string]: unknown;
}

interface Read {
  name: string;
  kind: 'ranking' | 'national' | 'dossier';
  description: string;
  url: string;
  token: string;
  levels: number[];
  sql: CompiledQuery[];
  barePath: string;
  check: (app: Awaited<ReturnType<typeof fetchText>>, bare: Awaited<ReturnType<typeof fetchText>>) => string | null;
  info: Record<string, unknown>;
}

async function measure(kind: DbKind, scale: Scale, reduced: boolean, seconds: number, warmup: number, log: (line: string) => void) {
  log(`rules on ${kind}: ${scale.rules} rules, ${scale.deviations} deviations, ${scale.workspaces} workspaces${reduced ? ' (reduced scale)' : ''}; setting up…`);
  const started = performance.now();
  const b = await startBenchApp(kind, 'rules');
  const admin = await auth.createUser(b.cli, { email: `admin.${Date.now()}@example.org`, name: 'Installatiebeheerder', password: 'benchmark-wachtwoord', isAdmin: true });
  const adminToken = (await auth.createToken({ ...b.cli, actor: { userId: admin.id, email: admin.email, name: admin.name, isAdmin: true, via: 'cli' } }, 'bench')).token;
  const s: Setup = { kind, runtime: b.runtime, db: b.runtime.database.db, app: b.app, bare: Fastify({ bodyLimit: 1024 * 1024 }), appUrl: '', bareUrl: '', token: b.token, adminToken, actor: { ...b.actor, via: 'token' }, tmp: b.tmp, databaseUrl: b.config.databaseUrl ?? undefined, drop: b.drop };
  try {
    // BENCH_RULES_INDEXES=before measured without the rule indexes migration (2026_11_28_002) by reverting the
    // last migration. Later migrations came after it, and the queries now need 2026_11_29_101 (the links'
    // rule and date): reverting down to 002 would leave an app that cannot answer, so the option refuses.
    const before = process.env.BENCH_RULES_INDEXES === 'before';
    if (before) {
      const last = ruleMigrations[ruleMigrations.length - 1].name;
      if (last !== '2026_11_28_002_rule_indexes') throw new Error(`BENCH_RULES_INDEXES=before reverts only the last rules migration, now ${last}, not 2026_11_28_002_rule_indexes; the current queries need the later ones`);
      log(`  without the index migration: ${(await migrateDown(s.db, { module: 'rules', migrations: ruleMigrations }, 1)).join(', ')}`);
    }
    const { wss, data } = await load(s, scale, log);
    const setupSeconds = round((performance.now() - started) / 1000, 1);
    if (process.env.BENCH_RULES_KEEP === 'load') throw new Error(`stopped after loading (BENCH_RULES_KEEP=load): ${json(data)}`);
    const largest = wss[0];
    const medianWs = wss[Math.floor(wss.length / 2)];
    const probe = await probeApp(s);
    const reads: Read[] = [];

    // Ranking of one workspace.
    for (const [label, ws] of [
      ['largest', largest],
      ['median', medianWs],
    ] as const) {
      const url = `/api/w/${ws.slug}/rules/pressure`;
      const captured = await probe.request('GET', url, s.token);
      if (captured.status !== 200) throw new Error(`${url} answered ${captured.status}: ${captured.body.slice(0, 300)}`);
      reads.push({
        name: `ranking-${label}`,
        kind: 'ranking',
        description: `GET …/rules/pressure (last 90 days against the 90 before, top 50) in the ${label} workspace: ${ws.rules.length} rules, ${ws.deviations} deviations`,
        url,
        token: s.token,
        levels: READ_LEVELS,
        sql: captured.sql,
        barePath: `/bare/ranking-${label}`,
        check: (app, bare) => {
          const items = app.body.items as { ruleId: string }[];
          const rows = (bare.body.results as Record<string, unknown>[][]).find((x) => x.length === items.length);
          return rows && rows.every((row, i) => row.ruleId === items[i].ruleId) ? null : `ranking differs: app ${items.length} items, bare ${(bare.body.results as unknown[][]).map((x) => x.length).join('/')}`;
        },
        info: { workspace: label, rank: ws.rank, rules: ws.rules.length, deviations: ws.deviations },
      });
    }

    // National ranking of the rule all workspaces keep.
    {
      const url = `/api/rules/national/${encodeURIComponent(NATIONAL_CODE)}/pressure`;
      const captured = await probe.request('GET', url, s.adminToken);
      if (captured.status !== 200) throw new Error(`${url} answered ${captured.status}: ${captured.body.slice(0, 300)}`);
      const denied = await probe.request('GET', url, s.token);
      if (denied.status !== 403) throw new Error(`${url} answered ${denied.status} to a non-administrator`);
      reads.push({
        name: 'national',
        kind: 'national',
        description: `GET /api/rules/national/${NATIONAL_CODE}/pressure as an administrator: the ${wss.length} workspaces that keep the rule, ranked`,
        url,
        token: s.adminToken,
        levels: READ_LEVELS,
        sql: captured.sql,
        barePath: '/bare/national',
        check: (app, bare) => {
          const items = app.body.items as { workspaceId: string }[];
          const rows = (bare.body.results as Record<string, unknown>[][])[0];
          return items.length === wss.length && rows.length === items.length && rows.every((row, i) => row.workspaceId === items[i].workspaceId) ? null : `national ranking differs: app ${items.length}, bare ${rows.length}`;
        },
        info: { code: NATIONAL_CODE, workspaces: wss.length, deviationsOfTheRule: wss.reduce((n, w) => n + (w.rules.find((x) => x.code === NATIONAL_CODE)?.deviations ?? 0), 0) },
      });
    }

    // The dossier, when the route exists.
    const dossierRoute = s.app.server.hasRoute({ method: 'GET', url: '/api/w/:workspace/rules/:ruleId/dossier' });
    if (dossierRoute) {
      const byCount = [...largest.rules].sort((a, c) => c.deviations - a.deviations);
      const busiest = byCount[0];
      const thousand = byCount.reduce((best, x) => (Math.abs(x.deviations - 1000) < Math.abs(best.deviations - 1000) ? x : best), byCount[0]);
      for (const [label, rule] of [
        ['busiest', busiest],
        ['thousand', thousand],
      ] as const) {
        if (label === 'thousand' && rule.id === busiest.id) continue;
        const url = `/api/w/${largest.slug}/rules/${rule.id}/dossier?format=html`;
        const captured = await probe.request('GET', url, s.token);
        if (captured.status !== 200) throw new Error(`${url} answered ${captured.status}: ${captured.body.slice(0, 300)}`);
        reads.push({
          name: `dossier-${label}`,
          kind: 'dossier',
          description: `GET …/rules/:id/dossier?format=html for ${rule.code} in the largest workspace: ${rule.deviations} deviations`,
          url,
          token: s.token,
          levels: kind === 'pglite' ? DOSSIER_LEVELS_PGLITE : DOSSIER_LEVELS,
          sql: captured.sql,
          barePath: `/bare/dossier-${label}`,
          check: (app) => (app.text.includes(rule.code) && app.text.startsWith('<!') ? null : `dossier is not the rule's HTML page: ${app.text.slice(0, 200)}`),
          info: { code: rule.code, deviations: rule.deviations, queriesPerRequest: captured.sql.length, distinctQueries: new Set(captured.sql.map((q) => q.sql)).size },
        });
      }
    }

    for (const read of reads) s.bare.get(read.barePath, replayAll(s.db, read.sql));

    // Deviation entry: distinct bodies on the national rule of the largest workspace, and the same writes bare.
    const ingestRule = largest.rules.find((x) => x.code === NATIONAL_CODE)!;
    const bodies = deviationBodies(largest, INGEST_BODIES);
    const bareWrite = bareDeviation(largest, ingestRule.id, s.actor);
    s.bare.post('/bare/deviation', async (req, reply) => reply.code(201).send(await bareWrite(s.db, req.body as DeviationBody)));
    const sample = { ...bodies[0], areaId: largest.areaIds[0], observationIds: [largest.observationIds[0]] };
    const ingestUrl = `/api/w/${largest.slug}/rules/${ingestRule.id}/deviations`;
    const appPost = await probe.request('POST', ingestUrl, s.token, sample);
    if (appPost.status !== 201) throw new Error(`POST deviations answered ${appPost.status}: ${appPost.body.slice(0, 400)}`);
    const captureBare = captureSql(s.db);
    await bareWrite(captureBare.db, sample);
    const writes = (qs: CompiledQuery[]) => qs.map((q) => q.sql).filter((q) => /^(insert|update|delete)\b/i.test(q.trim()));
    const appWrites = writes(appPost.sql);
    const bareWrites = writes(captureBare.take());
    if (json(appWrites) !== json(bareWrites)) throw new Error(`the bare deviation route writes differently:\napp:\n${appWrites.join('\n')}\nbare:\n${bareWrites.join('\n')}`);
    await probe.close();

    s.appUrl = await listen(s.app.server);
    s.bareUrl = await listen(s.bare);
    const responses: Record<string, { app: number; bare: number }> = {};
    for (const read of reads) {
      const app = await fetchText(`${s.appUrl}${read.url}`, { authorization: `Bearer ${read.token}` });
      const bare = await fetchText(`${s.bareUrl}${read.barePath}`);
      if (app.status !== 200 || bare.status !== 200) throw new Error(`${read.url}: app ${app.status}, bare ${bare.status}: ${app.text.slice(0, 300)} ${bare.text.slice(0, 300)}`);
      const problem = read.check(app, bare);
      if (problem) throw new Error(`${read.url}: ${problem}`);
      responses[read.name] = { app: app.bytes, bare: bare.bytes };
      log(`  ${read.name}: ${app.bytes} B (${read.sql.length} queries)`);
    }

    const measurements: Measurement[] = [];
    for (const read of reads) {
      const targets: Record<Which, Target> = { app: { url: `${s.appUrl}${read.url}`, headers: { authorization: `Bearer ${read.token}` } }, bare: { url: `${s.bareUrl}${read.barePath}` } };
      // slow requests (the dossier) run a fixed number of requests: a timed run might not see one finish
      const span: Span = read.kind === 'dossier' ? { requests: DOSSIER_REQUESTS } : { seconds };
      const warm: Span = read.kind === 'dossier' ? { requests: { 1: 2 } } : { seconds: warmup };
      await runTarget(targets.app, read.kind === 'dossier' ? 1 : 16, warm);
      await runTarget(targets.bare, read.kind === 'dossier' ? 1 : 16, warm);
      const levels = await loadLevels(targets, read.levels, span, log, read.name);
      measurements.push({
        name: read.name,
        kind: read.kind,
        description: read.description,
        url: read.url.replace(largest.slug, ':workspace').replace(medianWs.slug, ':workspace'),
        ...read.info,
        responseBytes: responses[read.name],
        queriesPerRequest: read.sql.length,
        sql: [...new Set(read.sql.map((q) => compact(q.sql)))],
        levels,
      });
    }

    // EXPLAIN (ANALYZE, BUFFERS) of every captured read query, warm.
    const explained = [];
    for (const read of reads) {
      const summary = await explainSummary(s.db, read.sql);
      const plans = read.kind === 'dossier' ? [] : await Promise.all(read.sql.slice(0, 1).map((q) => explainText(s.db, q)));
      explained.push({ name: read.name, queries: summary, ...(plans.length ? { plan: plans[0] } : {}) });
    }

    // Deviation entry.
    const count = async () => Number((await sql<{ n: number }>`select count(*) as n from deviations where workspace_id = ${largest.id} and rule_id = ${ingestRule.id}`.execute(s.db)).rows[0].n);
    const rowsBefore = await count();
    const requests = (p: string) => bodies.map((body) => ({ method: 'POST' as const, path: p, body: json(body) }));
    const ingestTargets: Record<Which, Target> = {
      app: { url: s.appUrl, headers: { authorization: `Bearer ${s.token}` }, requests: requests(ingestUrl) },
      bare: { url: s.bareUrl, requests: requests('/bare/deviation') },
    };
    await runTarget(ingestTargets.app, 16, { seconds: warmup });
    await runTarget(ingestTargets.bare, 16, { seconds: warmup });
    const ingestLevels = await loadLevels(ingestTargets, INGEST_LEVELS, { seconds }, log, 'deviation entry');
    const after = await count();

    const settings =
      kind === 'postgres'
        ? Object.fromEntries(
            (
              await sql<{ name: string; setting: string; unit: string | null }>`select name, setting, unit from pg_settings
                where name in ('shared_buffers', 'work_mem', 'effective_cache_size', 'random_page_cost', 'jit', 'max_parallel_workers_per_gather', 'synchronous_commit', 'server_version')`.execute(s.db)
            ).rows.map((r) => [r.name, r.unit ? `${r.setting} × ${r.unit}` : r.setting]),
          )
        : { server_version: (await sql<{ v: string }>`select version() as v`.execute(s.db)).rows[0].v };

    const failures = [...measurements.flatMap((m) => m.levels), ...ingestLevels].reduce((n, l) => n + l.app.errors + l.app.non2xx + l.bare.errors + l.bare.non2xx, 0);
    const p95 = (m: Measurement, connections: number) => {
      const level = m.levels.find((l) => l.connections === connections);
      return level && level.app.exactLatencyMs?.count ? level.app.exactLatencyMs.p95 : null;
    };
    const rankingAt = (connections: number) => Math.max(...measurements.filter((m) => m.kind === 'ranking' || m.kind === 'national').map((m) => p95(m, connections) ?? 0));
    const dossiers = measurements.filter((m) => m.kind === 'dossier');
    const dossierAt1 = dossiers.length ? Math.max(...dossiers.map((m) => p95(m, 1) ?? 0)) : null;
    return {
      database: kind,
      indexes: before ? 'without 2026_11_28_002_rule_indexes (BENCH_RULES_INDEXES=before)' : 'all migrations, including 2026_11_28_002_rule_indexes and 2026_11_29_101_deviation_link_period',
      scale: { ...scale, reduced, note: reduced ? 'reduced scale' : 'full scale' },
      databaseSettings: settings,
      setupSeconds,
      data,
      workspaces: {
        largest: { rank: largest.rank, name: largest.name, rules: largest.rules.length, deviations: largest.deviations, members: largest.memberIds.length },
        median: { rank: medianWs.rank, name: medianWs.name, rules: medianWs.rules.length, deviations: medianWs.deviations, members: medianWs.memberIds.length },
      },
      access: 'workspace routes as the workspace beheerder (bearer token); the national route as an administrator of the installation',
      measurements,
      dossier: dossierRoute ? 'measured' : 'not measured: GET /api/w/:workspace/rules/:ruleId/dossier does not exist in this build',
      deviationEntry: {
        url: 'POST /api/w/:workspace/rules/:ruleId/deviations',
        rule: `${NATIONAL_CODE} in the largest workspace`,
        distinctBodies: bodies.length,
        sampleBody: sample,
        levels: ingestLevels,
        rowsBefore,
        rowsAfter: after,
        appSqlPerRequest: appPost.sql.map((q) => compact(q.sql)),
        writes: appWrites.map(compact),
        reference:
          'a bare Fastify POST route running the same writes in one transaction through the same repository functions (rule, deviation, observation links, history, audit): identical statements, verified by capturing one app request and one bare request. Without the service\'s reads (area and observation checks, the view of the new deviation with members, names, links and history).',
      },
      explain: explained,
      targets: {
        rankingP95Ms: { target: TARGET.rankingP95Ms, worstAt1: rankingAt(1), worstAt16: rankingAt(16), worstAt64: rankingAt(64), met: { at1: rankingAt(1) < TARGET.rankingP95Ms, at16: rankingAt(16) < TARGET.rankingP95Ms, at64: rankingAt(64) < TARGET.rankingP95Ms } },
        dossierHtmlMs: { target: TARGET.dossierHtmlMs, worstP95At1: dossierAt1, met: dossierAt1 === null ? null : dossierAt1 < TARGET.dossierHtmlMs },
      },
      failures,
    };
  } finally {
    // BENCH_RULES_KEEP=1 leaves the PostgreSQL database, or PGlite's data folder, in place, to EXPLAIN and profile at leisure (remove it yourself).
    if (process.env.BENCH_RULES_KEEP && kind === 'postgres') {
      log(`  kept the database: ${b.config.databaseUrl}`);
      s.drop = undefined;
    }
    const keepFolder = !!process.env.BENCH_RULES_KEEP && kind === 'pglite';
    if (keepFolder) log(`  kept the PGlite data folder: ${s.tmp}`);
    await tearDown(s, keepFolder);
  }
}

/** The figures of an earlier run without the index migration: app p50/p95 per measurement and level. */
function summariseBefore(previous: { machine: { date: string; loadAverage: number[]; loadAverageAtEnd?: number[] }; runs: { database: string; indexes?: string; measurements: Measurement[]; deviationEntry: { levels: Level[] } }[] }) {
  const e = (x: LoadSummary) => x.exactLatencyMs;
  return {
    measuredAt: previous.machine.date,
    loadAverage: [previous.machine.loadAverage, previous.machine.loadAverageAtEnd],
    runs: previous.runs.map((run) => ({
      database: run.database,
      indexes: run.indexes,
      app: Object.fromEntries([
        ...run.measurements.map((m) => [m.name, m.levels.map((l) => ({ connections: l.connections, requestsPerSecond: l.app.requestsPerSecond, p50: e(l.app)?.count ? e(l.app)!.p50 : null, p95: e(l.app)?.count ? e(l.app)!.p95 : null }))]),
        ['deviation entry', run.deviationEntry.levels.map((l) => ({ connections: l.connections, requestsPerSecond: l.app.requestsPerSecond, p50: e(l.app)!.p50, p95: e(l.app)!.p95 }))],
      ]),
    })),
  };
}

export async function rules(log: (line: string) => void = console.log) {
  const seconds = envSeconds('BENCH_SECONDS', 10);
  const warmup = envSeconds('BENCH_WARMUP_SECONDS', 3);
  const requested = (process.env.BENCH_DATABASES ?? '').split(',').filter(Boolean) as DbKind[];
  const kinds: DbKind[] = requested.length ? requested : process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
  if (kinds.includes('postgres') && !process.env.DATABASE_URL) throw new Error('postgres needs DATABASE_URL');
  // For trying the benchmark out: BENCH_RULES_FRACTION=0.1 loads a tenth of the deviations.
  const fraction = Number(process.env.BENCH_RULES_FRACTION ?? 1);
  const machine = machineInfo();
  const runs = [];
  for (const kind of kinds) runs.push(await measure(kind, { ...FULL, deviations: Math.round(FULL.deviations * fraction) }, fraction !== 1, seconds, warmup, log));

  // BENCH_RULES_BEFORE=file.json: a run made with BENCH_RULES_INDEXES=before, summarised beside this one.
  const beforeFile = process.env.BENCH_RULES_BEFORE;
  const before = beforeFile && fs.existsSync(beforeFile) ? summariseBefore(JSON.parse(fs.readFileSync(beforeFile, 'utf8'))) : undefined;
  const result = {
    benchmark: 'rules',
    description:
      'The rule register at installation scale (300 workspaces, 5,000 rules of which 6 national rules in every register, 300,000 deviations). Pressure ranking of one workspace (largest and median), the national ranking of a rijk rule kept by all workspaces (as an administrator), the rule dossier in HTML (when the route exists) and deviation entry, through the real app (token, tenancy or admin check, zod, service, serialisation) against a bare Fastify route replaying the request\'s captured SQL on the same database handle (for entry: the same writes in one transaction). Ratios are app ÷ reference.',
    machine: finish(machine),
    databases: kinds,
    settings: {
      secondsPerMeasurement: seconds,
      warmupSeconds: warmup,
      connections: { ranking: READ_LEVELS, national: READ_LEVELS, dossier: { postgres: DOSSIER_LEVELS, pglite: DOSSIER_LEVELS_PGLITE }, deviationEntry: INGEST_LEVELS },
      dossierRequests: DOSSIER_REQUESTS,
      drain: 'after each timed run the benchmark waits as long as its slowest response took (at most 10 s), so requests still in flight do not load the next run',
      targets: TARGET,
      loadGenerator: 'autocannon 8 (programmatic), in a separate child process; servers on 127.0.0.1 in the benchmark process',
      latencyNote: 'exactLatencyMs: every 2xx response time as autocannon measured it (fractional ms), nearest-rank percentiles. The ranking target is judged on the app\'s p95 at each connection level (worst of the two workspaces and the national ranking); the dossier target on its p95 at 1 connection.',
      replay: 'the bare route runs the request\'s captured queries all at once (Promise.all), a lower bound for the SQL the request needs',
      order: 'app and bare alternate which goes first at each connection level',
      ...(fraction !== 1 ? { fraction } : {}),
    },
    runs,
    ...(before ? { withoutIndexMigration: before } : {}),
  };
  const file = writeResult(process.env.BENCH_RULES_RESULT ?? 'rules', result);

  for (const run of runs) {
    log(`\nrules (${run.database}${run.scale.reduced ? ', reduced scale' : ''}): ${run.data.rules} rules (${run.data.nationalRules} national), ${run.data.deviations} deviations in ${run.data.workspaces} workspaces; loaded in ${run.setupSeconds} s`);
    const e = (x: LoadSummary) => x.exactLatencyMs!;
    log(
      table(
        ['measurement', 'conns', 'app rps', 'bare rps', 'app p50', 'bare p50', 'app p95', 'bare p95', 'p95 ratio'],
        [
          ...run.measurements.flatMap((m) => m.levels.map((l) => [m.name, l.connections, l.app.requestsPerSecond, l.bare.requestsPerSecond, e(l.app).p50, e(l.bare).p50, e(l.app).p95, e(l.bare).p95, l.ratio.p95])),
          ...run.deviationEntry.levels.map((l) => ['deviation entry', l.connections, l.app.requestsPerSecond, l.bare.requestsPerSecond, e(l.app).p50, e(l.bare).p50, e(l.app).p95, e(l.bare).p95, l.ratio.p95]),
        ],
      ),
    );
    const t = run.targets;
    log(
      `targets: ranking p95 < ${TARGET.rankingP95Ms} ms: ${t.rankingP95Ms.worstAt1} / ${t.rankingP95Ms.worstAt16} / ${t.rankingP95Ms.worstAt64} ms at 1 / 16 / 64 connections; dossier HTML < ${TARGET.dossierHtmlMs} ms: ${t.dossierHtmlMs.worstP95At1 ?? run.dossier}`,
    );
    if (run.failures) log(`WARNING: ${run.failures} failed requests — these figures are not valid.`);
  }
  log(`latency in ms; ratio = app ÷ reference. Written ${path.relative(process.cwd(), file)}`);
  return result;
}

