import { recordAudit } from '../../platform/audit';
import type { ServiceContext } from '../../platform/context';
import { transaction } from '../../platform/db/database';
import { htmlToPdf, renderHtmlDocument } from '../../platform/document';
import { presentValue, sensitivity, ACTORS } from './mkba';
import { DEFAULT_ASSUMPTIONS, modelLines, SOURCES, type MkbaAssumptions, type ParticipantFacts } from './mkba-model';
import type { AssumptionsInput, WorkspaceMkbaView } from './mkba-model.schema';
import { cachedFigures } from './figures';
import * as repo from './mkba.repository';
import { youthDebtPolicy as policy } from './policies';

async function assumptionsOf(ctx: ServiceContext, workspaceId: string): Promise<MkbaAssumptions> {
  const saved = (await repo.findAssumptions(ctx.db, workspaceId)) ?? {};
  return { ...DEFAULT_ASSUMPTIONS, ...saved };
}

/** The workspace's MKBA: quantities from its participants, credits, ledger and outcomes; unit values from its settings. Aggregates only. */
export async function workspaceMkba(ctx: ServiceContext): Promise<WorkspaceMkbaView> {
  const scope = policy.authorize(ctx, 'youth_debt.dashboard.read');
  const mkba = await cachedFigures(ctx, scope.id, 'mkba', () => computeMkba(ctx, scope.id), { daily: true });
  return { ...mkba, can: { manage: policy.can(scope, 'youth_debt.settings.manage') } };
}

async function computeMkba(ctx: ServiceContext, workspaceId: string) {
  const [a, rows] = await Promise.all([assumptionsOf(ctx, workspaceId), repo.participantFacts(ctx.db, workspaceId)]);
  const firstYear = rows.length ? Math.min(...rows.map((r) => Number(r.startDate.slice(0, 4)))) : null;
  const facts: ParticipantFacts[] = rows.map((r) => {
    const ended = r.status === 'afgerond' || r.status === 'uitgevallen';
    return {
      startYear: Number(r.startDate.slice(0, 4)) - firstYear!,
      coachingMonths: Math.max(0, Math.min(24, r.monthsSinceStart)),
      debtCents: r.debtCents,
      paidToCreditorsCents: r.creditCents,
      creditLossCents: ended ? Math.max(0, r.creditCents - r.repaidCents) : 0,
      offAssistance: r.status === 'afgerond' && r.socialAssistance === 'nee',
    };
  });
  const lines = modelLines(facts, a);
  return {
    assumptions: (Object.keys(DEFAULT_ASSUMPTIONS) as (keyof MkbaAssumptions)[]).map((key) => ({ key, value: a[key], source: SOURCES[key] })),
    quantities: {
      participants: facts.length,
      firstYear,
      coachingMonths: facts.reduce((s, f) => s + f.coachingMonths, 0),
      creditsCents: facts.reduce((s, f) => s + f.paidToCreditorsCents, 0),
      creditLossCents: facts.reduce((s, f) => s + f.creditLossCents, 0),
      offAssistance: facts.filter((f) => f.offAssistance).length,
    },
    lines,
    result: presentValue(lines, a.discountRate),
    sensitivity: sensitivity(lines, { discountRate: a.discountRate }),
  };
}

/** Changes the unit values and assumptions (beheerder, programme manager); absent ones stay. */
export async function updateAssumptions(ctx: ServiceContext, input: AssumptionsInput): Promise<WorkspaceMkbaView> {
  const scope = policy.authorize(ctx, 'youth_debt.settings.manage');
  await transaction(ctx.db, async (trx) => {
    const before = (await repo.findAssumptions(trx, scope.id)) ?? {};
    const after = { ...before, ...input };
    await repo.saveAssumptions(trx, scope.id, after);
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'youth_debt_mkba', entityId: scope.id, label: 'MKBA', action: 'update', before, after });
  });
  return workspaceMkba(ctx);
}

const euro = (cents: number) => new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }).format(cents / 100);
const ACTOR_NAMES: Record<(typeof ACTORS)[number], string> = { jongere: 'Jongeren', gemeente: 'Gemeente', rijk: 'Rijk', schuldeisers: 'Schuldeisers' };
const SCENARIOS: Record<string, string> = {
  base: 'Basis',
  rate_low: 'Discontovoet 1 procentpunt lager',
  rate_high: 'Discontovoet 1 procentpunt hoger',
  benefits_low: 'Baten 20 % lager',
  benefits_high: 'Baten 20 % hoger',
  costs_low: 'Kosten 20 % lager',
  costs_high: 'Kosten 20 % hoger',
};

/** The analysis as a printable document (HTML) or PDF, for the council and the foundation. */
export async function mkbaDocument(ctx: ServiceContext, format: 'html' | 'pdf') {
  const view = await workspaceMkba(ctx);
  const ws = ctx.workspace!;
  const r = view.result;
  const html = renderHtmlDocument({
    lang: 'nl',
    kicker: ws.name,
    title: 'Maatschappelijke kosten-batenanalyse',
    subtitle: 'Jongeren Perspectief Fonds: de aanpak tegenover de situatie zonder aanpak',
    lead: [
      `Contante waarde bij een discontovoet van ${(r.discountRate * 100).toLocaleString('nl-NL')} %: baten ${euro(r.benefitsPresentValueCents)}, kosten ${euro(r.costsPresentValueCents)}, saldo ${euro(r.presentValueCents)}${r.ratio === null ? '' : `, baten/kosten ${r.ratio.toLocaleString('nl-NL')}`}.`,
      `Gebaseerd op ${view.quantities.participants} deelnemers${view.quantities.firstYear ? ` vanaf ${view.quantities.firstYear}` : ''}; jaar 0 is het startjaar.`,
    ],
    sections: [
      {
        heading: 'Saldo per actor',
        blocks: [
          {
            table: {
              head: ['Actor', 'Baten', 'Kosten', 'Saldo', 'Baten/kosten'],
              rows: [
                ...ACTORS.map((a) => {
                  const b = r.byActor[a];
                  return [ACTOR_NAMES[a], euro(b.benefitsPresentValueCents), euro(b.costsPresentValueCents), euro(b.presentValueCents), b.ratio === null ? '—' : b.ratio.toLocaleString('nl-NL')];
                }),
                ['Totaal', euro(r.benefitsPresentValueCents), euro(r.costsPresentValueCents), euro(r.presentValueCents), r.ratio === null ? '—' : r.ratio.toLocaleString('nl-NL')],
              ],
            },
          },
        ],
      },
      {
        heading: 'Gevoeligheid',
        blocks: [
          { p: 'Hoe het saldo verandert als de discontovoet of de eenheidsprijzen anders uitvallen.' },
          { table: { head: ['Scenario', 'Saldo', 'Baten/kosten'], rows: view.sensitivity.map((s) => [SCENARIOS[s.scenario] ?? s.scenario, euro(s.result.presentValueCents), s.result.ratio === null ? '—' : s.result.ratio.toLocaleString('nl-NL')]) } },
        ],
      },
      {
        heading: 'Kosten en baten per jaar',
        blocks: [{ table: { head: ['Jaar', 'Actor', 'Soort', 'Post', 'Bedrag', 'Grondslag'], rows: view.lines.map((l) => [String(l.year), ACTOR_NAMES[l.actor as keyof typeof ACTOR_NAMES], l.kind === 'cost' ? 'kosten' : 'baten', l.label, euro(l.amountCents), l.basis]) } }],
      },
      {
        heading: 'Eenheidsprijzen en aannames',
        blocks: [{ table: { head: ['Aanname', 'Waarde', 'Bron'], rows: view.assumptions.map((x) => [x.key, x.key.endsWith('Cents') ? euro(x.value) : String(x.value).replace('.', ','), x.source]) } }],
      },
    ],
    footer: 'Gemaakt met dichter. Bedragen in euro, contante waarde: een bedrag in jaar t telt voor bedrag / (1 + r)^t.',
  });
  const fileName = `mkba-${ws.slug}.${format}`;
  if (format === 'pdf') return { fileName, contentType: 'application/pdf', disposition: 'attachment' as const, body: await htmlToPdf(html, { title: 'MKBA', footer: ws.name }) };
  return { fileName, contentType: 'text/html; charset=utf-8', disposition: 'inline' as const, body: html };
}
