import { dutchDate } from '../../platform/document';
import type { ReportSectionDefinition } from '../../platform/report';
import { rulePolicy as policy } from './policies';
import * as repo from './repository';
import { rulePressure } from './service';

const DECISION: Record<string, string> = { keep: 'Behouden', adjust: 'Aanpassen', abolish: 'Afschaffen', escalate: 'Voorleggen aan wie de regel maakt' };
const TREND = { up: 'meer dan de periode ervoor', down: 'minder dan de periode ervoor', flat: 'even vaak als de periode ervoor' } as const;

/** What the rule register adds to the progress report: the rules under most pressure and the review decisions of the period. */
export const ruleReportSections: ReportSectionDefinition[] = [
  {
    id: 'rules.pressure',
    order: 88,
    part: 'decisions',
    title: { nl: 'Regels onder druk en reviewbesluiten', en: 'Rules under pressure and review decisions' },
    async build(ctx, scope) {
      const ws = policy.authorize(ctx, 'rule.read');
      const [pressure, reviews] = await Promise.all([rulePressure(ctx, { from: scope.from, to: scope.to, limit: 5 }), repo.reviewsBetween(ctx.db, ws.id, scope.from, scope.to)]);
      const pressed = pressure.items.filter((r) => r.deviations > 0);
      if (!pressed.length && !reviews.length) return [];
      return [
        ...(pressed.length
          ? [
              { p: 'Professionals mogen van een regel afwijken als ze uitleggen waarom (pas toe of leg uit). De regels waar dat het vaakst gebeurde:' },
              {
                table: {
                  head: ['Regel', 'Afwijkingen', 'Verloop', 'Hielp (van de afwijkingen met uitkomst)', 'Gebieden'],
                  rows: pressed.map((r) => [`${r.code} ${r.title}`, String(r.deviations), TREND[r.trend], r.helpedShare === null ? '—' : `${Math.round(r.helpedShare * 100)}%`, String(r.areas)]),
                },
              },
            ]
          : []),
        ...(reviews.length
          ? [
              { h3: 'Reviewbesluiten' },
              {
                table: {
                  head: scope.publicOnly ? ['Datum', 'Regel', 'Besluit'] : ['Datum', 'Regel', 'Besluit', 'Onderbouwing'],
                  rows: reviews.map((v) => {
                    const row = [dutchDate(v.decidedOn), `${v.code} ${v.title}`, DECISION[v.decision] ?? v.decision];
                    return scope.publicOnly ? row : [...row, v.rationale];
                  }),
                },
              },
            ]
          : []),
      ];
    },
  },
];
