import type { ServiceContext } from '../../platform/context';
import { dutchDate, htmlToPdf, renderHtmlDocument, type HtmlDocument } from '../../platform/document';
import { DomainError } from '../../platform/errors';
import type { ReportSectionDefinition } from '../../platform/report';
import type { ReportScope } from '../../platform/report';
import { localDate } from '../../platform/workdays';
import { areaNames } from '../areas/service';
import { nodeRefs } from '../ladder/service';
import { reportPolicy as policy } from './policies';
import type { ProgressQuery } from './schema';

/*
 * The progress report: one document for the board and, in its public version, for residents.
 * The sections come from the modules' manifests (the platform collects them); this module only
 * resolves the scope, orders the sections as an iceberg and renders HTML or PDF.
 */

let sections: readonly (ReportSectionDefinition & { module: string })[] = [];
/** Called from the manifest's `start()` with every module's sections, in order. */
export const registerReportSections = (all: readonly (ReportSectionDefinition & { module: string })[]) => {
  sections = all;
};

const PARTS = [
  { part: 'plan', heading: 'Het plan', intro: 'De beleidsladder: waar het programma voor staat, wat het wil bereiken en langs welke actielijnen.' },
  {
    part: 'below',
    heading: 'Onder water: samenwerking, vertrouwen, voorwaarden en leren',
    intro: 'Wat niet meteen in cijfers te zien is, maar waar de resultaten op rusten: wie samenwerken, wat professionals en bewoners meemaken, en wat het programma daarvan leert.',
  },
  { part: 'above', heading: 'Boven water: resultaten en metingen', intro: 'Wat zichtbaar verandert: cijfers per gebied naast de verhalen die ze uitleggen.' },
  { part: 'decisions', heading: 'Besluiten, regels en de leeragenda', intro: 'Wat het programma en het bestuur besloten, welke regels knellen, en welke vragen nog open staan.' },
] as const;

const fieldError = (id: string, path: string) => new DomainError(id, {}, [{ path, message: id }]);

async function resolveScope(ctx: ServiceContext, query: ProgressQuery): Promise<{ scope: ReportScope; scopeLabel: string }> {
  const to = query.to ?? localDate(new Date());
  const from = query.from ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) throw fieldError('report.period_reversed', 'to');
  if (Number(to.slice(0, 4)) - Number(from.slice(0, 4)) > 10) throw fieldError('report.period_too_long', 'from');
  if (query.areaId && query.actionLineId) throw fieldError('report.scope_twice', 'actionLineId');
  let scopeLabel = 'de hele werkruimte';
  if (query.areaId) {
    const name = (await areaNames(ctx, [query.areaId]))[0]?.name;
    if (!name) throw fieldError('report.area_not_found', 'areaId');
    scopeLabel = `gebied ${name}`;
  }
  if (query.actionLineId) {
    const [node] = await nodeRefs(ctx, [query.actionLineId]);
    if (!node || node.rung !== 'action_line') throw fieldError('report.scope_not_action_line', 'actionLineId');
    scopeLabel = `actielijn ${node.code ? `${node.code} ` : ''}${node.title}`;
  }
  return { scope: { from, to, publicOnly: query.public ?? false, areaId: query.areaId ?? null, actionLineId: query.actionLineId ?? null }, scopeLabel };
}

/** The report as a document: the iceberg's parts, each with the sections the modules gave. */
export async function buildProgressReport(ctx: ServiceContext, query: ProgressQuery): Promise<HtmlDocument> {
  const ws = policy.authorize(ctx, 'reports.read');
  const { scope, scopeLabel } = await resolveScope(ctx, query);
  const built = await Promise.all(
    sections.map(async (s) => {
      try {
        return { s, blocks: await s.build(ctx, scope) };
      } catch (err) {
        // A member who may not read a module's records gets its section left out, not an error.
        if (err instanceof DomainError && err.id === 'auth.forbidden') return { s, blocks: [] };
        throw err;
      }
    }),
  );
  const out: HtmlDocument['sections'] = [];
  for (const p of PARTS) {
    const mine = built.filter((b) => b.s.part === p.part && b.blocks.length > 0);
    out.push({ heading: p.heading, id: p.part, blocks: [{ p: p.intro }, ...(mine.length ? [] : [{ p: 'In deze periode is hier nog niets over vastgelegd.' }])] });
    for (const m of mine) out.push({ heading: m.s.title.nl, level: 3, id: m.s.id.replace(/[^a-z0-9-]/gi, '-'), blocks: m.blocks });
  }
  const period = `${dutchDate(scope.from)} tot en met ${dutchDate(scope.to)}`;
  return {
    lang: 'nl',
    kicker: ws.name,
    title: scope.publicOnly ? 'Voortgangsrapportage (openbare versie)' : 'Voortgangsrapportage',
    subtitle: `Over ${scopeLabel}, ${period}.`,
    lead: [
      'Deze rapportage is opgebouwd als een ijsberg. Onder water staat wat resultaten mogelijk maakt — samenwerking, vertrouwen, voorwaarden en leren; boven water wat zichtbaar verandert. Cijfers staan naast de verhalen uit de praktijk, zodat ze niet los van hun bedoeling worden gelezen.',
      scope.publicOnly
        ? 'Dit is de openbare versie: alleen openbare waarnemingen en cijfers, zonder namen van medewerkers, interne verslagen of afwijkingen in detail.'
        : 'Dit is de interne versie. Deel haar niet buiten het programma; maak daarvoor de openbare versie.',
    ],
    contents: 'Inhoud',
    sections: out,
    footer: `Gemaakt met dichter op ${dutchDate(localDate(new Date()))}. Cijfers van het CBS: Bron: CBS, CC-BY 4.0.`,
  };
}

/** The report as HTML or PDF, with a file name. */
export async function progressReport(ctx: ServiceContext, query: ProgressQuery) {
  const doc = await buildProgressReport(ctx, query);
  const html = renderHtmlDocument(doc);
  const name = `voortgangsrapportage${query.public ? '-openbaar' : ''}-${localDate(new Date())}`;
  if (query.format === 'pdf') {
    const body = await htmlToPdf(html, { title: doc.title, footer: `${doc.title} · ${doc.kicker}` });
    return { contentType: 'application/pdf', fileName: `${name}.pdf`, body, inline: false };
  }
  return { contentType: 'text/html; charset=utf-8', fileName: `${name}.html`, body: html, inline: true };
}
