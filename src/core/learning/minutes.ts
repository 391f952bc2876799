import type { ServiceContext } from '../../platform/context';
import { dutchDate, loadPdfKit, renderHtmlDocument, winAnsi } from '../../platform/document';
import { formatNumber } from '../../platform/charts';
import type { EvidencePack, SessionView } from './schema';
import { evidencePack, getSession } from './service';

/*
 * Session minutes and the evidence pack as documents to read before or after a session and
 * to mail to the participants: a plain, accessible HTML page (headings, lists, tables with
 * headers, lang nl) or a PDF with the same content.
 */

const LABELS = {
  decision: { keep: 'Goed zo (zo doorgaan)', more: 'Meer doen', better: 'Beter doen', different: 'Anders doen', stop: 'Stoppen' },
  assumption: { untested: 'niet getoetst', holds: 'houdt stand', doubtful: 'twijfelachtig', refuted: 'weerlegd' },
  question: { open: 'open', provisional: 'voorlopig beantwoord', dropped: 'vervallen' },
  evidence: { observation: 'waarneming', deviation: 'afwijking', assumption: 'aanname', measurement: 'meting', session: 'sessie', outcome: 'oogst', rule: 'regel' },
  kind: { verhaal: 'Verhaal', signaal: 'Signaal', knelpunt: 'Knelpunt', idee: 'Idee', succes: 'Succes' },
} as const;
const label = (group: keyof typeof LABELS, value: string) => (LABELS[group] as Record<string, string>)[value] ?? value;

/** A document as headed sections of paragraphs, lists and tables: rendered once as HTML and once as PDF. */
type Block = { p: string } | { list: string[] } | { table: { head: string[]; rows: string[][] } } | { h3: string };
interface Doc {
  title: string;
  subtitle: string;
  sections: { heading: string; blocks: Block[] }[];
}

function minutesDoc(s: SessionView, pack: EvidencePack): Doc {
  const sections: Doc['sections'] = [];
  sections.push({
    heading: 'Deelnemers',
    blocks: s.participants.length ? [{ list: s.participants.map((p) => (p.guest ? `${p.name} (gast)` : p.name)) }] : [{ p: 'Geen deelnemers vastgelegd.' }],
  });
  for (const r of s.rounds) {
    sections.push({
      heading: `Ronde ${r.position + 1}: ${r.title}`,
      blocks: [...(r.prompt ? [{ p: r.prompt }] : []), r.contributions.length ? { list: r.contributions.map((c) => `${c.participantName}: ${c.text}`) } : { p: 'Geen bijdragen vastgelegd.' }],
    });
  }
  sections.push({ heading: 'Inzichten', blocks: s.insights.length ? [{ list: s.insights.map((i) => i.text) }] : [{ p: 'Geen inzichten vastgelegd.' }] });
  sections.push({
    heading: 'Aannames getoetst',
    blocks: s.assumptionUpdates.length
      ? [{ table: { head: ['Aanname', 'Was', 'Wordt', 'Waarom'], rows: s.assumptionUpdates.map((u) => [u.assumptionText, label('assumption', u.fromStatus), label('assumption', u.toStatus), u.rationale]) } }]
      : [{ p: 'Geen aannames gewijzigd.' }],
  });
  sections.push({
    heading: 'Besluiten',
    blocks: s.decisions.length
      ? [
          {
            table: {
              head: ['Actielijn', 'Besluit', 'Onderbouwing', 'Bewijs'],
              rows: s.decisions.map((d) => [d.actionLineTitle, label('decision', d.decision), d.rationale || '—', d.evidence.map((e) => label('evidence', e.kind)).join(', ') || '—']),
            },
          },
        ]
      : [{ p: 'Geen besluiten genomen.' }],
  });
  sections.push({
    heading: 'Afgesproken acties',
    blocks: s.actions.length ? [{ table: { head: ['Wat', 'Wie', 'Uiterlijk', 'Status'], rows: s.actions.map((a) => [a.what, a.whoName, dutchDate(a.dueOn), a.status === 'done' ? 'gedaan' : 'open']) } }] : [{ p: 'Geen acties afgesproken.' }],
  });
  if (s.agenda)
    sections.push({
      heading: `Leeragenda (versie van ${dutchDate(s.agenda.takenOn)})`,
      blocks: [{ table: { head: ['Leervraag', 'Status', 'Voorlopig antwoord'], rows: s.agenda.questions.map((q) => [q.text, label('question', q.status), q.provisionalAnswer ?? '—']) } }],
    });
  return { title: `Verslag: ${s.title}`, subtitle: `${dutchDate(s.date)} · ${s.scope.name}`, sections: [...sections, ...evidenceDoc(s, pack).sections.map((x) => ({ ...x, heading: `Bewijsmap — ${x.heading}` }))] };
}

function evidenceDoc(s: SessionView, pack: EvidencePack): Doc {
  const none = (what: string): Block[] => [{ p: `Geen ${what} in deze periode.` }];
  return {
    title: `Bewijsmap: ${s.title}`,
    subtitle: `${s.scope.name} · ${dutchDate(pack.since)} tot en met ${dutchDate(pack.until)}`,
    sections: [
      {
        heading: 'Waarnemingen',
        blocks: pack.observations.length
          ? [
              {
                table: {
                  head: ['Nr.', 'Soort', 'Titel', 'Datum', 'Let op'],
                  rows: pack.observations.map((o) => [
                    `#${o.number}`,
                    label('kind', o.kind),
                    o.title,
                    dutchDate(o.occurredAt),
                    [o.overdue ? 'antwoord te laat' : '', o.selectedStory ? `gekozen verhaal: ${o.selectedStory.reason}` : ''].filter(Boolean).join('; ') || '—',
                  ]),
                },
              },
            ]
          : none('waarnemingen'),
      },
      {
        heading: 'Afwijkingen van regels',
        blocks: pack.deviations.length
          ? [{ table: { head: ['Regel', 'Datum', 'Situatie', 'Waarom afgeweken'], rows: pack.deviations.map((d) => [`${d.ruleCode} ${d.ruleTitle}`, dutchDate(d.occurredOn), d.situation, d.explanation]) } }]
          : none('afwijkingen'),
      },
      {
        heading: 'Regels onder druk',
        blocks: pack.rulesUnderPressure.length
          ? [{ table: { head: ['Regel', 'Afwijkingen nu', 'Periode ervoor'], rows: pack.rulesUnderPressure.map((r) => [`${r.code} ${r.title}`, String(r.deviations), String(r.previousDeviations)]) } }]
          : none('regels onder druk'),
      },
      {
        heading: 'Aannames om te toetsen',
        blocks: pack.assumptions.length ? [{ table: { head: ['Actielijn', 'Aanname', 'Status'], rows: pack.assumptions.map((a) => [a.actionLineTitle, a.text, label('assumption', a.status)]) } }] : [{ p: 'Alle aannames zijn getoetst.' }],
      },
      {
        heading: 'Leervragen',
        blocks: pack.questions.length
          ? [{ table: { head: ['Leervraag', 'Status', 'Open sinds'], rows: pack.questions.map((q) => [q.text, label('question', q.status), `${dutchDate(q.openedOn)}${q.longOpen ? ' (lang open)' : ''}`]) } }]
          : [{ p: 'Geen open leervragen.' }],
      },
      {
        heading: 'Open acties van eerdere sessies',
        blocks: pack.actions.length ? [{ table: { head: ['Wat', 'Wie', 'Uiterlijk'], rows: pack.actions.map((a) => [a.what, a.whoName, `${dutchDate(a.dueOn)}${a.overdue ? ' (verlopen)' : ''}`]) } }] : [{ p: 'Geen open acties.' }],
      },
      { heading: 'Oogst', blocks: pack.outcomes.length ? [{ list: pack.outcomes.map((o) => `${dutchDate(o.happenedOn)} — ${o.socialActor}: ${o.change}`) }] : none('oogst') },
      {
        heading: 'Metingen die 10% of meer bewogen',
        blocks: pack.measurements.length
          ? [{ table: { head: ['Indicator', 'Gebied', 'Was', 'Werd'], rows: pack.measurements.map((x) => [x.indicator, x.area ?? '—', formatNumber(x.from), formatNumber(x.to)]) } }]
          : none('metingen die 10% of meer bewogen'),
      },
    ],
  };
}

async function renderPdf(d: Doc, workspace: string): Promise<Buffer> {
  const PDFDocument = await loadPdfKit();
  const doc = new PDFDocument({ size: 'A4', margins: { top: 56, bottom: 64, left: 56, right: 56 }, lang: 'nl', displayTitle: true, pdfVersion: '1.7', info: { Title: winAnsi(d.title), Author: winAnsi(workspace), Creator: 'dichter' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const text = (value: string, font = 'Helvetica', size = 10, color = 'black') => doc.font(font).fontSize(size).fillColor(color).text(winAnsi(value), left, undefined, { width, lineGap: 1.5 });
  text(workspace, 'Helvetica', 10, '#4a4a4a');
  text(d.title, 'Helvetica-Bold', 20, '#154273');
  text(d.subtitle, 'Helvetica', 11, '#4a4a4a');
  for (const s of d.sections) {
    doc.moveDown(1);
    doc.outline.addItem(winAnsi(s.heading));
    text(s.heading, 'Helvetica-Bold', 14, '#154273');
    doc.moveDown(0.3);
    for (const b of s.blocks) {
      if ('p' in b) text(b.p);
      else if ('h3' in b) text(b.h3, 'Helvetica-Bold', 11);
      else if ('list' in b) b.list.forEach((i) => text(`•  ${i}`));
      else
        for (const row of b.table.rows) {
          b.table.head.forEach((h, i) => {
            doc.font('Helvetica-Bold').fontSize(9).fillColor('#4a4a4a').text(winAnsi(`${h}: `), left, undefined, { continued: true, width });
            doc.font('Helvetica').fontSize(10).fillColor('black').text(winAnsi(row[i] ?? ''), { width });
          });
          doc.moveDown(0.4);
        }
    }
  }
  doc.end();
  return done;
}

/** The session's minutes (with its evidence pack) or the evidence pack alone, as HTML or PDF. */
export async function sessionDocument(ctx: ServiceContext, sessionId: string, part: 'minutes' | 'evidence', format: 'html' | 'pdf') {
  const [session, pack] = await Promise.all([getSession(ctx, sessionId), evidencePack(ctx, sessionId)]);
  const d = part === 'minutes' ? minutesDoc(session, pack) : evidenceDoc(session, pack);
  const workspace = ctx.workspace!.name;
  const fileName = `${part === 'minutes' ? 'verslag' : 'bewijsmap'}-${session.date}.${format}`;
  if (format === 'pdf') return { format, contentType: 'application/pdf', fileName, body: await renderPdf(d, workspace) };
  return { format, contentType: 'text/html; charset=utf-8', fileName, body: renderHtmlDocument({ lang: 'nl', kicker: workspace, title: d.title, subtitle: d.subtitle, sections: d.sections }) };
}
