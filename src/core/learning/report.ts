import { barChartSvg } from '../../platform/charts';
import type { ServiceContext } from '../../platform/context';
import { dutchDate } from '../../platform/document';
import type { ReportScope, ReportSectionDefinition } from '../../platform/report';
import { ladderInScope } from '../ladder/report';
import { nodeRefs } from '../ladder/service';
import { listMembers } from '../workspaces/service';
import { learningPolicy as policy } from './policies';
import * as repo from './repository';

/*
 * What learning adds to the progress report: below water the sessions and the timeline's highs
 * and lows; above water the harvested outcomes; and the decisions (of the programme per action
 * line and of the board), open actions and the learning agenda. The public version leaves out
 * what was said in sessions, the timeline's annotations, actions with names and the agenda.
 */

const DECISION = { keep: 'Goed zo', more: 'Meer doen', better: 'Beter doen', different: 'Anders doen', stop: 'Stoppen' } as const;
const ANNOTATION = { high: 'hoogtepunt', low: 'dieptepunt', learning: 'leermoment' } as const;
const BODY: Record<string, string> = { college: 'College van B&W', wethouder: 'Wethouder', stuurgroep: 'Stuurgroep', alv: 'Algemene ledenvergadering', other: 'Bestuur' };
const SUBSTANTIATED = new Set(['substantiated', 'partly']);

/** One read per report, shared by the sections (they are built in the same request). */
const cache = new WeakMap<ReportScope, ReturnType<typeof collect>>();
const data = (ctx: ServiceContext, scope: ReportScope) => {
  let found = cache.get(scope);
  if (!found) cache.set(scope, (found = collect(ctx, scope)));
  return found;
};

async function collect(ctx: ServiceContext, scope: ReportScope) {
  const ws = policy.authorize(ctx, 'learning.read');
  const scoped = scope.actionLineId ? { scopeKind: 'action_line', scopeId: scope.actionLineId } : scope.areaId ? { scopeKind: 'area', scopeId: scope.areaId } : null;
  const cycleIds = scoped ? (await repo.listCycles(ctx.db, ws.id, { ...scoped, limit: 1000, offset: 0 })).items.map((c) => c.id) : null;
  const [rows, outcomes] = await Promise.all([
    repo.reportRows(ctx.db, ws.id, { from: scope.from, to: scope.to, cycleIds }),
    repo.listOutcomes(ctx.db, ws.id, { ...(scoped ?? {}), since: scope.from, until: scope.to, limit: 500, offset: 0 }),
  ]);
  const decisions = scope.actionLineId ? rows.decisions.filter((d) => d.actionLineId === scope.actionLineId) : rows.decisions;
  const [lines, members] = await Promise.all([nodeRefs(ctx, [...new Set(decisions.map((d) => d.actionLineId))]), scope.publicOnly ? [] : listMembers(ctx)]);
  const lineTitle = new Map(lines.map((n) => [n.id, n.code ? `${n.code} ${n.title}` : n.title]));
  const memberName = new Map(members.map((m) => [m.userId, m.name]));
  return { ...rows, decisions, outcomes: outcomes.items, lineTitle, memberName };
}

const PHASE: Record<string, string> = { verkennen: 'verkennen', experimenteren: 'experimenteren', uitvoeren: 'uitvoeren', verankeren: 'verankeren' };

export const learningReportSections: ReportSectionDefinition[] = [
  {
    id: 'learning.lines',
    order: 12,
    part: 'plan',
    title: { nl: 'Actielijnen: fase en laatste besluit', en: 'Action lines: phase and last decision' },
    async build(ctx, scope) {
      const [d, nodes] = await Promise.all([data(ctx, scope), ladderInScope(ctx, scope)]);
      const lines = nodes.filter((n) => n.rung === 'action_line' && n.matches);
      if (!lines.length) return [];
      const last = new Map(d.lastDecisions.map((x) => [x.actionLineId, x]));
      return [
        {
          table: {
            head: ['Actielijn', 'Fase', 'Laatste besluit'],
            rows: lines.map((n) => {
              const x = last.get(n.id);
              return [n.code ? `${n.code} ${n.title}` : n.title, n.phase ? PHASE[n.phase] : '—', x ? `${DECISION[x.decision as keyof typeof DECISION] ?? x.decision} (${dutchDate(x.heldOn)})` : 'nog geen besluit'];
            }),
          },
        },
      ];
    },
  },
  {
    id: 'learning.sessions',
    order: 30,
    part: 'below',
    title: { nl: 'Leren in sessies', en: 'Learning in sessions' },
    async build(ctx, scope) {
      const d = await data(ctx, scope);
      if (!d.held.length) return [];
      const cycles = new Set(d.held.map((s) => s.cycleTitle)).size;
      const intro = { p: `In deze periode kwamen ${cycles === 1 ? 'één leercyclus' : `${cycles} leercycli`} ${d.held.length === 1 ? 'één keer' : `${d.held.length} keer`} bijeen om te kijken wat de praktijk liet zien en wat dat betekent.` };
      if (scope.publicOnly) return [intro];
      return [
        intro,
        { table: { caption: 'Gehouden sessies', head: ['Datum', 'Leercyclus', 'Sessie'], rows: d.held.map((s) => [dutchDate(s.heldOn), s.cycleTitle, s.title]) } },
        ...(d.insights.length ? [{ h3: 'Inzichten' }, { list: d.insights.map((i) => i.text) }] : []),
      ];
    },
  },
  {
    id: 'learning.timeline',
    order: 35,
    part: 'below',
    title: { nl: 'Tijdlijn: hoogte- en dieptepunten', en: 'Timeline: highs and lows' },
    async build(ctx, scope) {
      const d = await data(ctx, scope);
      if (scope.publicOnly || !d.events.length) return [];
      return [
        {
          table: {
            head: ['Datum', 'Gebeurtenis', 'Wat deelnemers erover zeggen'],
            rows: d.events.map((e) => [
              dutchDate(e.happenedOn),
              e.description ? `${e.title}: ${e.description}` : e.title,
              d.annotations
                .filter((a) => a.eventId === e.id)
                .map((a) => `${ANNOTATION[a.kind as keyof typeof ANNOTATION] ?? a.kind}: ${a.why}`)
                .join(' · ') || '—',
            ]),
          },
        },
      ];
    },
  },
  {
    id: 'learning.outcomes',
    order: 60,
    part: 'above',
    title: { nl: 'Geoogste uitkomsten', en: 'Harvested outcomes' },
    async build(ctx, scope) {
      const d = await data(ctx, scope);
      const outcomes = scope.publicOnly ? d.outcomes.filter((o) => SUBSTANTIATED.has(o.substantiation)) : d.outcomes;
      if (!outcomes.length) return [];
      return [
        { p: 'Veranderingen bij mensen en organisaties waaraan het programma bijdroeg (outcome harvesting): wie veranderde wat, wanneer en waar, en wat het programma daaraan deed.' },
        {
          table: {
            head: ['Wanneer', 'Wie', 'Wat veranderde', 'Betekenis', 'Bijdrage van het programma'],
            rows: outcomes.map((o) => [dutchDate(o.happenedOn), o.socialActor, o.place ? `${o.change} (${o.place})` : o.change, o.significance || '—', o.contribution || '—']),
          },
        },
      ];
    },
  },
  {
    id: 'learning.decisions',
    order: 80,
    part: 'decisions',
    title: { nl: 'Besluiten per actielijn', en: 'Decisions per action line' },
    async build(ctx, scope) {
      const d = await data(ctx, scope);
      if (!d.decisions.length) return [];
      const counts = Object.entries(DECISION).map(([k, label]) => ({ label, value: d.decisions.filter((x) => x.decision === k).length }));
      const summary = counts
        .filter((c) => c.value > 0)
        .map((c) => `${c.label.toLowerCase()} ${c.value}×`)
        .join(', ');
      return [
        {
          chart: {
            title: 'Besluiten in leersessies',
            summary: `In deze periode besloot het programma ${d.decisions.length === 1 ? 'één keer' : `${d.decisions.length} keer`} over een actielijn: ${summary}.`,
            svg: barChartSvg({ title: 'Besluiten in leersessies', desc: summary, bars: counts }),
            table: { head: ['Besluit', 'Aantal'], rows: counts.map((c) => [c.label, String(c.value)]) },
          },
        },
        {
          table: {
            caption: 'De besluiten',
            head: scope.publicOnly ? ['Actielijn', 'Besluit'] : ['Actielijn', 'Besluit', 'Onderbouwing'],
            rows: d.decisions.map((x) => {
              const row = [d.lineTitle.get(x.actionLineId) ?? '—', DECISION[x.decision as keyof typeof DECISION] ?? x.decision];
              return scope.publicOnly ? row : [...row, x.rationale || '—'];
            }),
          },
        },
      ];
    },
  },
  {
    id: 'learning.board',
    order: 82,
    part: 'decisions',
    title: { nl: 'Bestuursbesluiten en wat de praktijk daarna zag', en: 'Board decisions and what practice saw afterwards' },
    async build(ctx, scope) {
      const d = await data(ctx, scope);
      if (!d.boardDecisions.length) return [];
      return d.boardDecisions.flatMap((b) => {
        const follow = d.followUps.filter((f) => f.boardDecisionId === b.id);
        return [
          { h3: `${dutchDate(b.decidedOn)} — ${b.bodyName || BODY[b.body] || b.body}` },
          { p: b.text },
          follow.length
            ? { list: follow.map((f) => `${dutchDate(f.reportedOn)}: ${f.text}`) }
            : { p: b.followUpOn <= scope.to ? `De praktijk zou op ${dutchDate(b.followUpOn)} vertellen wat zij daarna zag; dat is nog niet gebeurd.` : `De praktijk vertelt op ${dutchDate(b.followUpOn)} wat zij daarna zag.` },
        ];
      });
    },
  },
  {
    id: 'learning.actions',
    order: 84,
    part: 'decisions',
    title: { nl: 'Open acties', en: 'Open actions' },
    async build(ctx, scope) {
      const d = await data(ctx, scope);
      if (scope.publicOnly || !d.actions.length) return [];
      return [
        {
          table: {
            head: ['Wat', 'Wie', 'Uiterlijk'],
            rows: d.actions.map((a) => [a.what, d.memberName.get(a.whoUserId) ?? '—', `${dutchDate(a.dueOn)}${a.dueOn < scope.to ? ' (verlopen)' : ''}`]),
          },
        },
      ];
    },
  },
  {
    id: 'learning.agenda',
    order: 86,
    part: 'decisions',
    title: { nl: 'De leeragenda', en: 'The learning agenda' },
    async build(ctx, scope) {
      const d = await data(ctx, scope);
      if (scope.publicOnly || !d.questions.length) return [];
      return [
        {
          table: {
            head: ['Leervraag', 'Stand', 'Open sinds'],
            rows: d.questions.map((q) => [q.text, q.status === 'provisional' ? `Voorlopig antwoord: ${q.provisionalAnswer ?? '—'}` : 'Open', dutchDate(q.openedOn)]),
          },
        },
      ];
    },
  },
];
