import { barChartSvg } from '../../platform/charts';
import type { ReportScope, ReportSectionDefinition } from '../../platform/report';
import type { ServiceContext } from '../../platform/context';
import { PHASES } from './schema';
import { getTree } from './service';

const PHASE = { verkennen: 'Verkennen', experimenteren: 'Experimenteren', uitvoeren: 'Uitvoeren', verankeren: 'Verankeren' } as const;
const title = (n: { code: string | null; title: string }) => (n.code ? `${n.code} ${n.title}` : n.title);

/**
 * The ladder as the report's scope sees it: public nodes only in the public version; for an area,
 * the action lines working there (and the nodes above them); for an action line, that line and
 * the nodes above it.
 */
export async function ladderInScope(ctx: ServiceContext, scope: ReportScope) {
  const tree = await getTree(ctx, scope.areaId ? { areaId: scope.areaId } : {});
  let nodes = tree.nodes.filter((n) => !scope.publicOnly || n.public);
  if (scope.actionLineId) {
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const keep = new Set<string>();
    const up = (id: string) => {
      if (keep.has(id) || !byId.has(id)) return;
      keep.add(id);
      byId.get(id)!.parentIds.forEach(up);
    };
    up(scope.actionLineId);
    nodes = nodes.filter((n) => keep.has(n.id));
  }
  return nodes;
}

/** The plan part of the progress report: the values, the size of the ladder and the phase the action lines are in. */
export const ladderReportSections: ReportSectionDefinition[] = [
  {
    id: 'ladder.plan',
    order: 10,
    part: 'plan',
    title: { nl: 'De beleidsladder', en: 'The policy ladder' },
    async build(ctx, scope) {
      const nodes = await ladderInScope(ctx, scope);
      if (!nodes.length) return [];
      const of = (rung: string) => nodes.filter((n) => n.rung === rung);
      const lines = of('action_line').filter((n) => n.matches);
      const phases = PHASES.map((p) => ({ label: PHASE[p], value: lines.filter((n) => n.phase === p).length }));
      const summary = phases.map((p) => `${p.value} ${p.label.toLowerCase()}`).join(', ');
      return [
        ...(of('value').length ? [{ p: `Het programma staat voor: ${of('value').map(title).join('; ')}.` }] : []),
        { p: `De ladder telt ${of('challenge').length} opgaven, ${of('goal').length} doelen en ${lines.length} actielijnen.` },
        ...(lines.length
          ? [
              {
                chart: {
                  title: 'Actielijnen per fase',
                  summary: `Van de ${lines.length} actielijnen zijn er ${summary}.`,
                  svg: barChartSvg({ title: 'Actielijnen per fase', desc: summary, bars: phases }),
                  table: { head: ['Fase', 'Actielijnen'], rows: phases.map((p) => [p.label, String(p.value)]) },
                },
              },
            ]
          : []),
      ];
    },
  },
];
