import type { ServiceContext, WorkspaceScope } from '../../platform/context';
import { dutchDate, escapeHtml, loadPdfKit, winAnsi } from '../../platform/document';
import { areaNames } from '../areas/service';
import { observationRefs, observationsLinkedToRules } from '../observations/service';
import { rulePolicy as policy } from './policies';
import * as repo from './repository';
import type { RuleView } from './schema';
import { getRule } from './service';
import { localDate } from '../../platform/workdays';

/**
 * The rule dossier: what a professional team takes to the rule's owner at a higher level.
 * The data is gathered once (`buildDossier`) and rendered as a standalone HTML page
 * (`renderDossierHtml`) or a PDF (`renderDossierPdf`) with the same content. It names no
 * professionals (reporters, deciders): they appear as counts only, so the dossier can be
 * shared outside the workspace. The rule owner is named: owning the rule is a public role.
 */

const LABELS = {
  kind: { wet: 'Wet', amvb_regeling: 'AMvB of ministeriële regeling', beleidsregel: 'Beleidsregel', werkinstructie: 'Werkinstructie', protocol: 'Protocol', productcode: 'Productcode' },
  level: { rijk: 'Rijk', provincie: 'Provincie', gemeente: 'Gemeente', organisatie: 'Organisatie' },
  domain: {
    jeugd: 'Jeugd',
    wmo: 'Wmo',
    schulden: 'Schulden',
    werk_inkomen: 'Werk en inkomen',
    wonen: 'Wonen',
    veiligheid: 'Veiligheid',
    openbare_ruimte: 'Openbare ruimte',
    onderwijs: 'Onderwijs',
    gezondheid: 'Gezondheid',
    overig: 'Overig',
  },
  mandate: { explain_afterwards: 'Pas toe of leg uit: afwijken mag, met uitleg achteraf', ask_first: 'Eerst vragen: afwijken na akkoord van een fiatteur' },
  status: { vastgelegd: 'Vastgelegd', wacht_op_akkoord: 'Wacht op akkoord', akkoord: 'Akkoord gegeven', afgewezen: 'Afgewezen' },
  outcome: { helped: 'Hielp', no_difference: 'Geen verschil', harmed: 'Schadelijk' },
  decision: { keep: 'Handhaven', adjust: 'Aanpassen', abolish: 'Afschaffen', escalate: 'Opschalen' },
  moment: { voor_vaststelling: 'Vóór vaststelling', na_invoering: 'Na invoering' },
  verdict: { werkbaar: 'Werkbaar', werkbaar_met_aanpassing: 'Werkbaar met aanpassing', niet_werkbaar: 'Niet werkbaar' },
  observationKind: { verhaal: 'Verhaal', signaal: 'Signaal', knelpunt: 'Knelpunt', idee: 'Idee', succes: 'Succes' },
} as const;
const label = (group: keyof typeof LABELS, value: string | null | undefined) => (value ? ((LABELS[group] as Record<string, string>)[value] ?? value) : '');

/** Said on the title page of every dossier. */
export const PRIVACY_NOTE =
  'Dit dossier noemt geen namen van de professionals die afweken of besloten: zij staan er alleen als aantallen in, zodat het dossier buiten de werkruimte gedeeld kan worden. Alleen de eigenaar van de regel wordt genoemd. Situaties worden in algemene termen beschreven, zonder persoonsgegevens.';

export interface DossierDeviation {
  /** A1 is the oldest deviation, so numbers stay the same as new ones come in. */
  number: string;
  occurredOn: string;
  status: string;
  area: string | null;
  situation: string;
  explanation: string;
  insteadDone: string;
  expectedBenefit: string;
  outcome: string | null;
  outcomeNote: string | null;
  signals: number[];
}
export interface DossierSignal {
  number: number;
  kind: string;
  title: string;
  date: string;
  /** The deviations it is linked to (A-numbers). */
  deviations: string[];
}
export interface DossierQuarter {
  label: string;
  from: string;
  to: string;
  /** Place in the pressure ranking of the workspace's rules (1 = most pressure). */
  rank: number;
  of: number;
  deviations: number;
  previousDeviations: number;
  signals: number;
  professionals: number;
}
export interface DossierDecision {
  decidedOn: string;
  decision: string;
  rationale: string;
  escalatedTo: string | null;
  evidenceDeviations: string[];
  evidenceSignals: { number: number; title: string }[];
  hiddenEvidence: number;
  effect: RuleView['reviews'][number]['effect'];
}
export interface DossierData {
  generatedOn: string;
  workspace: string;
  rule: {
    code: string;
    title: string;
    kind: string;
    level: string;
    domain: string;
    intent: string;
    mandate: string;
    owner: string | null;
    validFrom: string | null;
    validTo: string | null;
    active: boolean;
    sourceUrl: string | null;
    areas: string[];
    ladderNodes: string[];
  };
  summary: { deviations: number; professionals: number; helped: number; noDifference: number; harmed: number; noOutcome: number; signals: number; decisions: number };
  tests: RuleView['tests'];
  deviations: DossierDeviation[];
  signals: DossierSignal[];
  /** Linked signals this member may not see: counted, not shown. */
  hiddenSignals: number;
  ranking: DossierQuarter[];
  decisions: DossierDecision[];
}

const today = () => localDate(new Date());

const DAY = 24 * 60 * 60 * 1000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/**
 * The last `count` quarters up to and including the current one, oldest first, each with the
 * equally long period just before it, as the pressure list compares periods.
 */
function quarters(on: string, count: number) {
  let year = Number(on.slice(0, 4));
  let q = Math.floor((Number(on.slice(5, 7)) - 1) / 3);
  const out: { label: string; from: string; to: string; previousFrom: string; previousTo: string }[] = [];
  for (let i = 0; i < count; i++) {
    const from = `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`;
    const to = new Date(Date.UTC(year, q * 3 + 3, 0)).toISOString().slice(0, 10);
    const length = Math.round((Date.parse(to) - Date.parse(from)) / DAY) + 1;
    out.unshift({ label: `${year} K${q + 1}`, from, to, previousFrom: addDays(from, -length), previousTo: addDays(from, -1) });
    if (--q < 0) {
      q = 3;
      year--;
    }
  }
  return out;
}

/** The rule's place in the pressure ranking and its counts per quarter, the last two years, oldest first. */
async function rankingHistory(ctx: ServiceContext, scope: WorkspaceScope, rule: { id: string; code: string }, on: string): Promise<DossierQuarter[]> {
  const periods = quarters(on, 8);
  // signals linked to a rule itself count in the quarter they happened, as on the pressure list
  const direct = await observationsLinkedToRules(ctx, undefined, { from: periods[0].from, to: periods[periods.length - 1].to });
  const { rows, total, beforeCode } = await repo.rankHistory(ctx.db, scope.id, rule, periods, direct);
  return rows.map((r) => {
    // Rules without deviations or signals in the quarter and without deviations before it score zero and sort by code.
    const zeroRules = total - r.activeCount;
    const zeroAhead = r.active ? (r.deviations === 0 && r.previousDeviations > 0 ? zeroRules : 0) : beforeCode - r.activeBeforeCode;
    const p = periods[r.i];
    return {
      label: p.label,
      from: p.from,
      to: p.to,
      rank: 1 + r.ahead + zeroAhead,
      of: total,
      deviations: r.deviations,
      previousDeviations: r.previousDeviations,
      signals: r.signals,
      professionals: r.professionals,
    };
  });
}

/** Gathers everything the dossier shows, once; both renderings use it. */
export async function buildDossier(ctx: ServiceContext, ruleId: string): Promise<DossierData> {
  const scope = policy.authorize(ctx, 'rule.read');
  const rule = await getRule(ctx, ruleId);
  const on = today();
  const [rows, ranking, direct] = await Promise.all([repo.deviationsForDossier(ctx.db, scope.id, rule.id), rankingHistory(ctx, scope, rule, on), observationsLinkedToRules(ctx, [rule.id])]);
  const areas = await areaNames(ctx, [...new Set(rows.map((r) => r.areaId).filter((a): a is string => !!a))]);
  const links = rows.flatMap((r) => r.observationIds.map((observationId) => ({ deviationId: r.id, observationId })));
  const linkedIds = [...new Set([...links.map((o) => o.observationId), ...direct.map((o) => o.observationId), ...rule.reviews.flatMap((r) => r.observationIds)])];
  const refs = await observationRefs(ctx, linkedIds);
  const ref = new Map(refs.map((o) => [o.id, o]));
  const areaName = new Map(areas.map((a) => [a.id, a.name]));

  // A1 is the oldest deviation.
  const numberOf = new Map<string, string>();
  [...rows].reverse().forEach((r, i) => numberOf.set(r.id, `A${i + 1}`));
  const signalsOf = new Map<string, number[]>();
  const deviationsOf = new Map<string, string[]>();
  for (const l of links) {
    const o = ref.get(l.observationId);
    if (!o) continue;
    signalsOf.set(l.deviationId, [...(signalsOf.get(l.deviationId) ?? []), o.number]);
    deviationsOf.set(o.id, [...(deviationsOf.get(o.id) ?? []), numberOf.get(l.deviationId)!]);
  }
  const byNumber = (a: string, b: string) => Number(a.slice(1)) - Number(b.slice(1));

  const deviations: DossierDeviation[] = rows.map((r) => ({
    number: numberOf.get(r.id)!,
    occurredOn: r.occurredOn,
    status: r.status,
    area: r.areaId ? (areaName.get(r.areaId) ?? null) : null,
    situation: r.situation,
    explanation: r.explanation,
    insteadDone: r.insteadDone,
    expectedBenefit: r.expectedBenefit,
    outcome: r.outcome,
    outcomeNote: r.outcomeNote,
    signals: (signalsOf.get(r.id) ?? []).sort((a, b) => a - b),
  }));
  const signals: DossierSignal[] = refs
    .map((o) => ({ number: o.number, kind: o.kind, title: o.title, date: o.occurredAt, deviations: (deviationsOf.get(o.id) ?? []).sort(byNumber) }))
    .sort((a, b) => b.date.localeCompare(a.date) || b.number - a.number);
  const count = (outcome: string | null) => rows.filter((r) => r.outcome === outcome).length;

  return {
    generatedOn: on,
    workspace: scope.name,
    rule: {
      code: rule.code,
      title: rule.title,
      kind: rule.kind,
      level: rule.level,
      domain: rule.domain,
      intent: rule.intent,
      mandate: rule.mandate,
      owner: rule.ownerPartnerName ?? rule.ownerName,
      validFrom: rule.validFrom,
      validTo: rule.validTo,
      active: rule.active,
      sourceUrl: rule.sourceUrl,
      areas: rule.areas.map((a) => a.name),
      ladderNodes: rule.ladderNodes.map((n) => (n.code ? `${n.code} ${n.title}` : n.title)),
    },
    summary: {
      deviations: rows.length,
      professionals: new Set(rows.map((r) => r.reporterUserId)).size,
      helped: count('helped'),
      noDifference: count('no_difference'),
      harmed: count('harmed'),
      noOutcome: count(null),
      signals: signals.length,
      decisions: rule.reviews.length,
    },
    tests: rule.tests,
    deviations,
    signals,
    hiddenSignals: linkedIds.length - refs.length,
    ranking,
    decisions: rule.reviews.map((r) => {
      const seen = r.observationIds.map((id) => ref.get(id)).filter((o) => !!o);
      return {
        decidedOn: r.decidedOn,
        decision: r.decision,
        rationale: r.rationale,
        escalatedTo: r.escalatedTo,
        evidenceDeviations: r.deviationIds.map((id) => numberOf.get(id)).filter((n): n is string => !!n).sort(byNumber),
        evidenceSignals: seen.map((o) => ({ number: o!.number, title: o!.title })).sort((a, b) => a.number - b.number),
        hiddenEvidence: r.observationIds.length - seen.length,
        effect: r.effect,
      };
    }),
  };
}

// Shared wording

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function validity(d: DossierData) {
  const { validFrom, validTo, active } = d.rule;
  const period = validFrom && validTo ? `van ${dutchDate(validFrom)} tot en met ${dutchDate(validTo)}` : validFrom ? `vanaf ${dutchDate(validFrom)}` : validTo ? `tot en met ${dutchDate(validTo)}` : 'zonder begin- of einddatum';
  return `${period} (${active ? 'geldt nu' : 'geldt nu niet'})`;
}

/** The facts of the title page, label and value, in both renderings. */
function facts(d: DossierData): [string, string][] {
  return [
    ['Werkruimte', d.workspace],
    ['Code', d.rule.code],
    ['Soort', label('kind', d.rule.kind)],
    ['Niveau', label('level', d.rule.level)],
    ['Domein', label('domain', d.rule.domain)],
    ['Eigenaar', d.rule.owner ?? 'Niet vastgelegd'],
    ['Geldigheid', validity(d)],
    ['Mandaat', label('mandate', d.rule.mandate)],
    ['Bron', d.rule.sourceUrl ?? 'Niet vastgelegd'],
    ...(d.rule.areas.length ? ([['Gebieden', d.rule.areas.join(', ')]] as [string, string][]) : []),
    ...(d.rule.ladderNodes.length ? ([['Beleidsladder', d.rule.ladderNodes.join('; ')]] as [string, string][]) : []),
    ['Datum van het dossier', dutchDate(d.generatedOn)],
  ];
}

function summaryLines(d: DossierData): string[] {
  const s = d.summary;
  return [
    s.deviations === 0
      ? 'Er is nog niet van deze regel afgeweken.'
      : `${plural(s.deviations, 'afwijking', 'afwijkingen')}, vastgelegd door ${plural(s.professionals, 'professional', 'verschillende professionals')}.`,
    ...(s.deviations ? [`Uitkomst: hielp ${s.helped}, geen verschil ${s.noDifference}, schadelijk ${s.harmed}, nog niet vastgelegd ${s.noOutcome}.`] : []),
    `${plural(s.signals, 'gekoppeld signaal', 'gekoppelde signalen')}${d.hiddenSignals ? ` (en ${d.hiddenSignals} ${d.hiddenSignals === 1 ? 'dat' : 'die'} u niet mag inzien)` : ''}; ${plural(d.tests.length, 'uitvoeringstoets', 'uitvoeringstoetsen')}; ${plural(s.decisions, 'besluit', 'besluiten')}.`,
  ];
}

const outcomeText = (x: DossierDeviation) => (x.outcome ? `${label('outcome', x.outcome)}${x.outcomeNote ? `: ${x.outcomeNote}` : ''}` : 'Nog niet vastgelegd');
const effectText = (e: DossierDecision['effect']) =>
  e.days === 0
    ? 'Nog niet te meten: het besluit is van vandaag of ligt in de toekomst.'
    : `In de ${e.days} dagen vóór het besluit ${plural(e.deviationsBefore, 'afwijking', 'afwijkingen')} en ${plural(e.signalsBefore, 'signaal', 'signalen')}; in de ${e.days} dagen erna ${plural(e.deviationsAfter, 'afwijking', 'afwijkingen')} en ${plural(e.signalsAfter, 'signaal', 'signalen')}.`;
const evidenceText = (x: DossierDecision) => {
  const parts = [
    x.evidenceDeviations.length ? `afwijkingen ${x.evidenceDeviations.join(', ')}` : '',
    x.evidenceSignals.length ? `signalen ${x.evidenceSignals.map((o) => `#${o.number} ${o.title}`).join('; ')}` : '',
    x.hiddenEvidence ? `${plural(x.hiddenEvidence, 'signaal', 'signalen')} dat u niet mag inzien` : '',
  ].filter(Boolean);
  return parts.length ? parts.join('; ') : 'Geen bewijs gekoppeld.';
};
const SECTIONS = [
  ['bedoeling', 'Bedoeling van de regel'],
  ['samenvatting', 'Samenvatting'],
  ['toetsen', 'Uitvoeringstoetsen'],
  ['afwijkingen', 'Afwijkingen'],
  ['signalen', 'Gekoppelde signalen'],
  ['rangschikking', 'Rangschikking per kwartaal'],
  ['besluiten', 'Besluiten'],
] as const;

// HTML


const STYLE = `
*{box-sizing:border-box}
body{font:11pt/1.5 "Helvetica Neue",Helvetica,Arial,sans-serif;color:#1a1a1a;max-width:48rem;margin:0 auto;padding:2rem 1.5rem}
h1{font-size:1.9rem;line-height:1.2;margin:.25rem 0 1.5rem}
h2{font-size:1.35rem;margin:2.5rem 0 .75rem;border-bottom:2px solid #154273;padding-bottom:.25rem;break-after:avoid}
h3{font-size:1.05rem;margin:1.5rem 0 .5rem;break-after:avoid}
a{color:#154273}
.kicker{text-transform:uppercase;letter-spacing:.08em;font-size:.85rem;color:#4a4a4a;margin:0}
.title-page{border-bottom:4px solid #154273;padding-bottom:1.5rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1.25rem;margin:0}
dl.facts dt{font-weight:bold}
dl.facts dd{margin:0;overflow-wrap:anywhere}
.note{background:#f1f5f9;border-left:4px solid #154273;padding:.75rem 1rem;margin-top:1.5rem}
.text{white-space:pre-line;overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.95em}
caption{text-align:left;font-weight:bold;padding:.25rem 0}
th,td{border:1px solid #b4b4b4;padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{background:#e8eef5}
td.num,th.num{text-align:right}
article{border-top:1px solid #ccc;padding-top:.5rem;break-inside:avoid}
article dl{margin:0}
article dt{font-weight:bold;margin-top:.4rem}
article dd{margin:0}
nav ol{columns:2}
footer{margin-top:3rem;font-size:.85rem;color:#4a4a4a}
@media print{
  body{max-width:none;padding:0;font-size:10pt}
  @page{size:A4;margin:2cm}
  .title-page{break-after:page;border:0}
  nav{display:none}
  a{color:inherit}
  a[href^="http"]::after{content:" (" attr(href) ")";font-size:.85em}
}`;

/** The dossier as one standalone, printable HTML page: no scripts, no external resources. */
export function renderDossierHtml(d: DossierData): string {
  // The busiest rules have thousands of deviations: most texts need no escaping, and the same
  // few hundred dates recur, so each is formatted once (6,900 deviations: 72 → 43 ms).
  const special = /[&<>"']/;
  const e = (value: string) => (special.test(value) ? escapeHtml(value) : value);
  const dates = new Map<string, string>();
  const date = (value: string) => {
    let formatted = dates.get(value);
    if (formatted === undefined) dates.set(value, (formatted = dutchDate(value)));
    return formatted;
  };
  const text = (value: string) => `<div class="text">${e(value)}</div>`;
  const out: string[] = [];
  const heading = (id: (typeof SECTIONS)[number][0]) => `<h2 id="${id}">${e(SECTIONS.find((s) => s[0] === id)![1])}</h2>`;
  const r = d.rule;

  out.push(
    '<!doctype html>',
    '<html lang="nl">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="dichter">',
    `<title>Regeldossier ${e(r.code)} – ${e(r.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header class="title-page">',
    `<p class="kicker">Regeldossier · ${e(d.workspace)}</p>`,
    `<h1>${e(r.code)} ${e(r.title)}</h1>`,
    '<dl class="facts">',
    ...facts(d).map(([k, v]) =>
      k === 'Bron' && r.sourceUrl && /^https?:\/\//i.test(r.sourceUrl) ? `<dt>${e(k)}</dt><dd><a href="${e(r.sourceUrl)}">${e(v)}</a></dd>` : `<dt>${e(k)}</dt><dd>${e(v)}</dd>`,
    ),
    '</dl>',
    `<p class="note">${e(PRIVACY_NOTE)}</p>`,
    '</header>',
    '<nav aria-label="Inhoud van het dossier"><h2 id="inhoud">Inhoud</h2><ol>',
    ...SECTIONS.map(([id, title]) => `<li><a href="#${id}">${e(title)}</a></li>`),
    '</ol></nav>',
    '<main>',
  );

  out.push('<section aria-labelledby="bedoeling">', heading('bedoeling'), text(r.intent), '</section>');
  out.push('<section aria-labelledby="samenvatting">', heading('samenvatting'), '<ul>', ...summaryLines(d).map((l) => `<li>${e(l)}</li>`), '</ul></section>');

  out.push('<section aria-labelledby="toetsen">', heading('toetsen'));
  if (d.tests.length === 0) out.push('<p>Er is geen uitvoeringstoets vastgelegd.</p>');
  else
    out.push(
      '<table><caption>Uitvoeringstoetsen, nieuwste eerst</caption>',
      '<thead><tr><th scope="col">Datum</th><th scope="col">Moment</th><th scope="col">Deelnemers</th><th scope="col">Bevindingen</th><th scope="col">Oordeel</th></tr></thead><tbody>',
      ...d.tests.map(
        (t) =>
          `<tr><th scope="row">${e(date(t.testedOn))}</th><td>${e(label('moment', t.moment))}</td><td class="text">${e(t.participants)}</td><td class="text">${e(t.findings)}</td><td>${e(label('verdict', t.verdict))}</td></tr>`,
      ),
      '</tbody></table>',
    );
  out.push('</section>');

  out.push('<section aria-labelledby="afwijkingen">', heading('afwijkingen'));
  if (d.deviations.length === 0) out.push('<p>Er is nog niet van deze regel afgeweken.</p>');
  else out.push(`<p>Alle ${d.deviations.length} afwijkingen, nieuwste eerst. A1 is de oudste.</p>`);
  for (const x of d.deviations) {
    out.push(
      `<article aria-labelledby="${e(x.number)}">`,
      `<h3 id="${e(x.number)}">${e(x.number)} · ${e(date(x.occurredOn))}${x.area ? ` · ${e(x.area)}` : ''}</h3>`,
      '<dl>',
      `<dt>Status</dt><dd>${e(label('status', x.status))}</dd>`,
      `<dt>Situatie</dt><dd>${text(x.situation)}</dd>`,
      `<dt>Waarom de regel hier haar bedoeling niet diende</dt><dd>${text(x.explanation)}</dd>`,
      `<dt>Wat in plaats daarvan is gedaan</dt><dd>${x.insteadDone ? text(x.insteadDone) : 'Niet beschreven'}</dd>`,
      `<dt>Verwachte opbrengst</dt><dd>${x.expectedBenefit ? text(x.expectedBenefit) : 'Niet beschreven'}</dd>`,
      `<dt>Uitkomst</dt><dd>${text(outcomeText(x))}</dd>`,
      ...(x.signals.length ? [`<dt>Gekoppelde signalen</dt><dd>${x.signals.map((n) => `#${n}`).join(', ')}</dd>`] : []),
      '</dl></article>',
    );
  }
  out.push('</section>');

  out.push('<section aria-labelledby="signalen">', heading('signalen'));
  if (d.signals.length === 0) out.push('<p>Er zijn geen signalen aan de afwijkingen of besluiten gekoppeld.</p>');
  else
    out.push(
      '<table><caption>Signalen en andere waarnemingen die aan afwijkingen of besluiten zijn gekoppeld, nieuwste eerst</caption>',
      '<thead><tr><th scope="col" class="num">Nummer</th><th scope="col">Soort</th><th scope="col">Titel</th><th scope="col">Datum</th><th scope="col">Bij afwijking</th></tr></thead><tbody>',
      ...d.signals.map(
        (o) =>
          `<tr><th scope="row" class="num">#${o.number}</th><td>${e(label('observationKind', o.kind))}</td><td>${e(o.title)}</td><td>${e(date(o.date))}</td><td>${e(o.deviations.join(', ') || '—')}</td></tr>`,
      ),
      '</tbody></table>',
    );
  if (d.hiddenSignals) out.push(`<p>${e(plural(d.hiddenSignals, 'gekoppeld signaal is', 'gekoppelde signalen zijn'))} voor u niet zichtbaar en staan niet in dit dossier.</p>`);
  out.push('</section>');

  out.push(
    '<section aria-labelledby="rangschikking">',
    heading('rangschikking'),
    '<p>De plaats van deze regel tussen alle regels van de werkruimte, gerangschikt op afwijkingen in het kwartaal, dan de sterkste stijging ten opzichte van de even lange periode ervoor, dan gekoppelde signalen (zoals de lijst "regels onder druk"). Plaats 1 staat onder de meeste druk.</p>',
    '<table><caption>Rangschikking en aantallen per kwartaal, de laatste twee jaar</caption>',
    '<thead><tr><th scope="col">Kwartaal</th><th scope="col" class="num">Plaats</th><th scope="col" class="num">Afwijkingen</th><th scope="col" class="num">Periode ervoor</th><th scope="col" class="num">Signalen</th><th scope="col" class="num">Professionals</th></tr></thead><tbody>',
    ...d.ranking.map(
      (q) =>
        `<tr><th scope="row">${e(q.label)}</th><td class="num">${q.rank} van ${q.of}</td><td class="num">${q.deviations}</td><td class="num">${q.previousDeviations}</td><td class="num">${q.signals}</td><td class="num">${q.professionals}</td></tr>`,
    ),
    '</tbody></table></section>',
  );

  out.push('<section aria-labelledby="besluiten">', heading('besluiten'));
  if (d.decisions.length === 0) out.push('<p>Er is nog niet over deze regel besloten.</p>');
  for (const x of d.decisions) {
    out.push(
      '<article>',
      `<h3>${e(date(x.decidedOn))}: ${e(label('decision', x.decision))}${x.escalatedTo ? ` naar ${e(label('level', x.escalatedTo).toLowerCase())}` : ''}</h3>`,
      '<dl>',
      `<dt>Onderbouwing</dt><dd>${text(x.rationale)}</dd>`,
      `<dt>Bewijs</dt><dd>${e(evidenceText(x))}</dd>`,
      `<dt>Effect</dt><dd>${e(effectText(x.effect))}</dd>`,
      '</dl></article>',
    );
  }
  out.push('</section>', '</main>');
  out.push(`<footer><p>Regeldossier ${e(r.code)}, gemaakt met dichter op ${e(date(d.generatedOn))}. ${e(PRIVACY_NOTE)}</p></footer>`, '</body>', '</html>');
  return out.join('\n');
}

// PDF

const BLUE = '#154273';
const GREY = '#4a4a4a';

/** The dossier as a PDF (A4, Helvetica) with page numbers, bookmarks per section, title and language nl. `compress: false` keeps the text readable in the file (tests). */
export async function renderDossierPdf(d: DossierData, options: { compress?: boolean } = {}): Promise<Buffer> {
  const PDFDocument = await loadPdfKit();
  const r = d.rule;
  const title = winAnsi(`Regeldossier ${r.code} – ${r.title}`);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 64, left: 56, right: 56 },
    bufferPages: true,
    compress: options.compress ?? true,
    lang: 'nl',
    displayTitle: true,
    pdfVersion: '1.7',
    info: { Title: title, Author: winAnsi(d.workspace), Subject: 'Regeldossier: bedoeling, afwijkingen, signalen en besluiten', Keywords: winAnsi(`regeldossier; ${r.code}`), Creator: 'dichter', CreationDate: new Date() },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const room = (needed: number) => {
    if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
  };
  const body = (value: string, opts: PDFKit.Mixins.TextOptions = {}) => doc.font('Helvetica').fontSize(10).fillColor('black').text(winAnsi(value), left, undefined, { width, lineGap: 1.5, ...opts });
  const h2 = (value: string) => {
    room(90);
    doc.moveDown(1);
    doc.outline.addItem(winAnsi(value));
    doc.font('Helvetica-Bold').fontSize(15).fillColor(BLUE).text(winAnsi(value), left, undefined, { width });
    const y = doc.y + 2;
    doc.moveTo(left, y).lineTo(left + width, y).lineWidth(1.5).strokeColor(BLUE).stroke();
    doc.y = y + 8;
    doc.fillColor('black');
  };
  const h3 = (value: string) => {
    room(70);
    doc.moveDown(0.6);
    doc.font('Helvetica-Bold').fontSize(11.5).fillColor('black').text(winAnsi(value), left, undefined, { width });
    doc.moveDown(0.2);
  };
  const field = (name: string, value: string) => {
    room(28);
    doc.font('Helvetica-Bold').fontSize(9.5).fillColor(GREY).text(winAnsi(name), left, undefined, { width });
    body(value);
    doc.moveDown(0.25);
  };
  const table = (header: string[], rows: string[][], widths: (number | string)[]) => {
    doc.font('Helvetica').fontSize(9).fillColor('black');
    doc.table({
      position: { x: left, y: doc.y },
      maxWidth: width,
      columnStyles: widths.map((w) => ({ width: w })),
      rowStyles: (i) => (i === 0 ? { backgroundColor: '#e8eef5', font: { src: 'Helvetica-Bold' } } : undefined),
      defaultStyle: { border: 0.5, borderColor: '#b4b4b4', padding: 3 },
      data: [header.map((h) => ({ text: winAnsi(h), type: 'TH' as const })), ...rows.map((row) => row.map((c) => winAnsi(c)))],
    });
    doc.x = left;
    doc.moveDown(0.5);
  };

  // Title page
  doc.font('Helvetica').fontSize(10).fillColor(GREY).text(winAnsi(`REGELDOSSIER · ${d.workspace.toUpperCase()}`), left, 120, { width, characterSpacing: 0.8 });
  doc.moveDown(0.5);
  doc.font('Helvetica-Bold').fontSize(24).fillColor(BLUE).text(winAnsi(`${r.code} ${r.title}`), { width });
  doc.moveDown(1.2);
  for (const [k, v] of facts(d)) {
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(10).fillColor('black').text(winAnsi(k), left, y, { width: 140 });
    const afterLabel = doc.y;
    const link = k === 'Bron' && r.sourceUrl && /^https?:\/\//i.test(r.sourceUrl) ? r.sourceUrl : undefined;
    doc.font('Helvetica').fontSize(10).fillColor(link ? BLUE : 'black').text(winAnsi(v), left + 150, y, { width: width - 150, link, underline: !!link });
    doc.y = Math.max(doc.y, afterLabel) + 4;
  }
  doc.moveDown(1.5);
  const noteY = doc.y;
  doc.font('Helvetica').fontSize(9.5).fillColor('black').text(winAnsi(PRIVACY_NOTE), left + 12, noteY + 8, { width: width - 24 });
  doc.rect(left, noteY, 3, doc.y - noteY + 8).fill(BLUE);
  doc.fillColor('black');

  // Content
  doc.addPage();
  doc.outline.addItem(winAnsi(`${r.code} ${r.title}`));
  h2(SECTIONS[0][1]);
  body(r.intent);

  h2(SECTIONS[1][1]);
  for (const l of summaryLines(d)) body(`•  ${l}`, { indent: 0 });

  h2(SECTIONS[2][1]);
  if (d.tests.length === 0) body('Er is geen uitvoeringstoets vastgelegd.');
  else
    table(
      ['Datum', 'Moment', 'Deelnemers', 'Bevindingen', 'Oordeel'],
      d.tests.map((t) => [dutchDate(t.testedOn), label('moment', t.moment), t.participants, t.findings, label('verdict', t.verdict)]),
      [66, 66, 100, '*', 76],
    );

  h2(SECTIONS[3][1]);
  if (d.deviations.length === 0) body('Er is nog niet van deze regel afgeweken.');
  else body(`Alle ${d.deviations.length} afwijkingen, nieuwste eerst. A1 is de oudste.`);
  for (const x of d.deviations) {
    h3(`${x.number} · ${dutchDate(x.occurredOn)}${x.area ? ` · ${x.area}` : ''} · ${label('status', x.status)}`);
    field('Situatie', x.situation);
    field('Waarom de regel hier haar bedoeling niet diende', x.explanation);
    field('Wat in plaats daarvan is gedaan', x.insteadDone || 'Niet beschreven');
    field('Verwachte opbrengst', x.expectedBenefit || 'Niet beschreven');
    field('Uitkomst', outcomeText(x));
    if (x.signals.length) field('Gekoppelde signalen', x.signals.map((n) => `#${n}`).join(', '));
  }

  h2(SECTIONS[4][1]);
  if (d.signals.length === 0) body('Er zijn geen signalen aan de afwijkingen of besluiten gekoppeld.');
  else
    table(
      ['Nummer', 'Soort', 'Titel', 'Datum', 'Bij afwijking'],
      d.signals.map((o) => [`#${o.number}`, label('observationKind', o.kind), o.title, dutchDate(o.date), o.deviations.join(', ') || '—']),
      [50, 60, '*', 90, 80],
    );
  if (d.hiddenSignals) body(`${plural(d.hiddenSignals, 'gekoppeld signaal is', 'gekoppelde signalen zijn')} voor u niet zichtbaar en staan niet in dit dossier.`);

  h2(SECTIONS[5][1]);
  body('De plaats van deze regel tussen alle regels van de werkruimte, gerangschikt op afwijkingen in het kwartaal, dan de sterkste stijging ten opzichte van de even lange periode ervoor, dan gekoppelde signalen. Plaats 1 staat onder de meeste druk.');
  doc.moveDown(0.5);
  table(
    ['Kwartaal', 'Plaats', 'Afwijkingen', 'Periode ervoor', 'Signalen', 'Professionals'],
    d.ranking.map((q) => [q.label, `${q.rank} van ${q.of}`, String(q.deviations), String(q.previousDeviations), String(q.signals), String(q.professionals)]),
    ['*', '*', '*', '*', '*', '*'],
  );

  h2(SECTIONS[6][1]);
  if (d.decisions.length === 0) body('Er is nog niet over deze regel besloten.');
  for (const x of d.decisions) {
    h3(`${dutchDate(x.decidedOn)}: ${label('decision', x.decision)}${x.escalatedTo ? ` naar ${label('level', x.escalatedTo).toLowerCase()}` : ''}`);
    field('Onderbouwing', x.rationale);
    field('Bewijs', evidenceText(x));
    field('Effect', effectText(x.effect));
  }

  // Page numbers, in the bottom margin of every page.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8.5)
      .fillColor(GREY)
      .text(winAnsi(`Regeldossier ${r.code} · ${dutchDate(d.generatedOn)} · pagina ${i + 1} van ${range.count}`), left, doc.page.height - 40, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

/** `dossier-<code>.pdf` (or .html), with characters a file name cannot hold replaced. */
export const dossierFileName = (code: string, format: 'html' | 'pdf') => `dossier-${code.replace(/[^\p{L}\p{N}._-]+/gu, '_')}.${format}`;

/** The dossier of a rule as a file. */
export async function ruleDossier(ctx: ServiceContext, ruleId: string, format: 'html' | 'pdf') {
  const data = await buildDossier(ctx, ruleId);
  const fileName = dossierFileName(data.rule.code, format);
  if (format === 'pdf') return { fileName, contentType: 'application/pdf', disposition: 'attachment' as const, body: await renderDossierPdf(data) };
  return { fileName, contentType: 'text/html; charset=utf-8', disposition: 'inline' as const, body: renderDossierHtml(data) };
}
