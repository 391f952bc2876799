import { dutchDate } from '../../platform/document';
import type { ReportSectionDefinition } from '../../platform/report';
import { areaIdsWithin } from '../areas/service';
import { storiesForReport } from './msc.service';
import { observationPolicy as policy } from './policies';
import * as repo from './repository';

const KIND: Record<string, string> = { signaal: 'Signalen', knelpunt: 'Knelpunten', verhaal: 'Verhalen', idee: 'Ideeën', succes: 'Successen' };
const percent = (part: number, whole: number) => (whole ? `${Math.round((100 * part) / whole)}%` : '—');

/** What observations add to the progress report: stories from practice (below water) and how signals were answered (above). */
export const observationReportSections: ReportSectionDefinition[] = [
  {
    id: 'observations.stories',
    order: 40,
    part: 'below',
    title: { nl: 'Verhalen uit de praktijk', en: 'Stories from practice' },
    async build(ctx, scope) {
      const { selected, recent } = await storiesForReport(ctx, { ...scope, recent: 3 });
      if (!selected.length && !recent.length) return [];
      const place = (s: { areaName: string | null }) => (s.areaName ? `, ${s.areaName}` : '');
      return [
        ...(selected.length
          ? [
              { p: 'Door een panel gekozen als de meest betekenisvolle verandering (Most Significant Change), met de reden van de keuze:' },
              ...selected.map((s) => ({ story: { title: s.title, text: s.text, meta: `Verteld door ${s.storyteller}${place(s)}, ${dutchDate(s.occurredAt)}. Gekozen op ${dutchDate(s.chosenOn)}: ${s.reason}` } })),
            ]
          : []),
        ...(recent.length
          ? [
              { p: selected.length ? 'Andere recente verhalen:' : 'Recente verhalen:' },
              ...recent.map((s) => ({ story: { title: s.title, text: s.text, meta: `Verteld door ${s.storyteller}${place(s)}, ${dutchDate(s.occurredAt)}.` } })),
            ]
          : []),
      ];
    },
  },
  {
    id: 'observations.answers',
    order: 55,
    part: 'above',
    title: { nl: 'Signalen en hun antwoord', en: 'Signals and their answers' },
    async build(ctx, scope) {
      const ws = policy.authorize(ctx, 'observation.read');
      const areaIds = scope.areaId ? await areaIdsWithin(ctx, scope.areaId) : null;
      const stats = await repo.answerStats(ctx.db, ws.id, { from: scope.from, to: scope.to, areaIds });
      if (!stats.length) return [];
      const total = stats.reduce((n, s) => n + s.total, 0);
      const onTime = stats.reduce((n, s) => n + s.onTime, 0);
      return [
        { p: `In deze periode kwamen ${total} signalen en knelpunten binnen die een antwoord vragen; ${percent(onTime, total)} kreeg op tijd antwoord.` },
        {
          table: {
            head: ['Soort', 'Binnengekomen', 'Beantwoord', 'Op tijd', 'Nog open en te laat', 'Tevredenheid (1–5)'],
            rows: stats.map((s) => [
              KIND[s.kind] ?? s.kind,
              String(s.total),
              String(s.answered),
              percent(s.onTime, s.total),
              String(s.overdue),
              s.satisfaction === null ? '—' : `${s.satisfaction.toFixed(1).replace('.', ',')} (${s.rated}×)`,
            ]),
          },
        },
      ];
    },
  },
];
