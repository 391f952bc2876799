import type { ReportSectionDefinition } from '../../platform/report';
import { getTree } from './service';

const RUNG = { value: 'Waarde', challenge: 'Opgave', goal: 'Doel', action_line: 'Actielijn', intervention: 'Interventie' } as const;

/** The plan part of the progress report: the ladder's values, goals and action lines with their phase. */
export const ladderReportSections: ReportSectionDefinition[] = [
  {
    id: 'ladder.plan',
    order: 10,
    part: 'plan',
    title: { nl: 'De beleidsladder', en: 'The policy ladder' },
    async build(ctx, scope) {
      const tree = await getTree(ctx, scope.areaId ? { areaId: scope.areaId } : {});
      let nodes = tree.nodes.filter((n) => !scope.publicOnly || n.public);
      if (scope.actionLineId) {
        // only the action line and the nodes above it
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
      if (!nodes.length) return [];
      const title = (n: { code: string | null; title: string }) => (n.code ? `${n.code} ${n.title}` : n.title);
      const byId = new Map(nodes.map((n) => [n.id, n]));
      const lines = nodes.filter((n) => n.rung === 'action_line');
      const above = nodes.filter((n) => n.rung !== 'action_line' && n.rung !== 'intervention');
      return [
        { list: above.map((n) => `${RUNG[n.rung]}: ${title(n)}`) },
        ...(lines.length
          ? [
              {
                table: {
                  caption: 'Actielijnen en hun fase',
                  head: ['Actielijn', 'Draagt bij aan', 'Fase', 'Status'],
                  rows: lines.map((n) => [
                    title(n),
                    n.parentIds.map((id) => byId.get(id)).filter((p) => p !== undefined).map((p) => title(p!)).join('; ') || '—',
                    n.phase ?? '—',
                    n.status ?? '—',
                  ]),
                },
              },
            ]
          : []),
      ];
    },
  },
];
