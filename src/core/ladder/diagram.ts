import ELK, { type ElkNode } from 'elkjs/lib/elk.bundled.js';
import type { Locale } from '../../platform/errors';
import { theoryChains } from './chains';
import type { TheoryView } from './schema';

const elk = new ELK();

const KIND = {
  nl: { activity: 'Activiteit', output: 'Resultaat', outcome: 'Effect', impact: 'Impact' },
  en: { activity: 'Activity', output: 'Output', outcome: 'Outcome', impact: 'Impact' },
} as const;
const STATUS = {
  nl: { untested: 'niet getoetst', holds: 'houdt stand', doubtful: 'twijfelachtig', refuted: 'weerlegd' },
  en: { untested: 'untested', holds: 'holds', doubtful: 'doubtful', refuted: 'refuted' },
} as const;
/** Status marks that do not rely on colour alone (WCAG 1.4.1). */
const STATUS_MARK = { untested: '?', holds: '✓', doubtful: '~', refuted: '✗' } as const;
const STATUS_COLOUR = { untested: '#5c5c5c', holds: '#1a6b2f', doubtful: '#8a5a00', refuted: '#a4111b' } as const;
const KIND_FILL = { activity: '#e8f0fa', output: '#eef6ea', outcome: '#fdf3e1', impact: '#f3e9f7' } as const;

const NODE_WIDTH = 220;
const LINE = 16;
const CHARS_PER_LINE = 30;

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function wrap(text: string, width = CHARS_PER_LINE, maxLines = 6): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if ((line + ' ' + word).trim().length > width && line) {
      lines.push(line);
      line = word;
    } else line = (line + ' ' + word).trim();
  }
  if (line) lines.push(line);
  return lines.length > maxLines ? [...lines.slice(0, maxLines - 1), `${lines[maxLines - 1]}…`] : lines;
}

/**
 * The theory of change as an SVG image, laid out by elkjs (layered, top to bottom):
 * elements as boxes by kind, links as arrows, and the assumptions on each link with their
 * status as a mark and a word (not colour alone). The chains as text are in the `<desc>`,
 * so a screen reader or a report without images gets the same content.
 */
export async function theoryDiagramSvg(theory: Pick<TheoryView, 'actionLine' | 'elements' | 'links'>, locale: Locale): Promise<string> {
  const boxes = theory.elements.map((e) => {
    const lines = wrap(e.title);
    return { e, lines, height: 28 + lines.length * LINE + 10 };
  });
  const labels = theory.links.map((l) => l.assumptions.map((a) => `${STATUS_MARK[a.status]} ${a.text} (${STATUS[locale][a.status]})`));
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '60',
      'elk.edgeLabels.inline': 'false',
      'elk.edgeRouting': 'ORTHOGONAL',
    },
    children: boxes.map((b) => ({ id: b.e.id, width: NODE_WIDTH, height: b.height })),
    edges: theory.links.map((l, i) => ({
      id: l.id,
      sources: [l.fromElementId],
      targets: [l.toElementId],
      labels: labels[i].flatMap((text, j) => wrap(text, 34, 3).map((line, k) => ({ id: `${l.id}-${j}-${k}`, text: line, width: Math.min(240, line.length * 7 + 8), height: LINE }))),
    })),
  };
  const layout = await elk.layout(graph);
  const width = Math.ceil((layout.width ?? 0) + 20);
  const height = Math.ceil((layout.height ?? 0) + 20);
  const title = `${theory.actionLine.code ? `${theory.actionLine.code} ` : ''}${theory.actionLine.title}`;
  const chains = theoryChains(
    theory.elements,
    theory.links,
    theory.links.flatMap((l) => l.assumptions.map((a) => ({ linkId: l.id, text: a.text, status: a.status }))),
    locale,
  );
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-10 -10 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="toc-title toc-desc" font-family="system-ui, sans-serif" font-size="13">`,
    `<title id="toc-title">${escape((locale === 'nl' ? 'Verandertheorie: ' : 'Theory of change: ') + title)}</title>`,
    `<desc id="toc-desc">${escape(chains.join('\n'))}</desc>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#333"/></marker></defs>',
  );
  const statusOfLabel = new Map<string, keyof typeof STATUS_COLOUR>();
  theory.links.forEach((l) => l.assumptions.forEach((a, j) => statusOfLabel.set(`${l.id}-${j}`, a.status)));
  for (const edge of layout.edges ?? []) {
    for (const section of edge.sections ?? []) {
      const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint];
      parts.push(`<polyline points="${points.map((p) => `${p.x},${p.y}`).join(' ')}" fill="none" stroke="#333" stroke-width="1.5" marker-end="url(#arrow)"/>`);
    }
    for (const label of edge.labels ?? []) {
      const status = statusOfLabel.get(label.id!.split('-').slice(0, -1).join('-')) ?? 'untested';
      parts.push(`<text x="${label.x! + 4}" y="${label.y! + 12}" fill="${STATUS_COLOUR[status]}">${escape(label.text ?? '')}</text>`);
    }
  }
  const byId = new Map(boxes.map((b) => [b.e.id, b]));
  for (const child of layout.children ?? []) {
    const b = byId.get(child.id)!;
    const x = child.x ?? 0;
    const y = child.y ?? 0;
    parts.push(
      `<g><rect x="${x}" y="${y}" width="${NODE_WIDTH}" height="${b.height}" rx="6" fill="${KIND_FILL[b.e.kind]}" stroke="#333"/>`,
      `<text x="${x + 10}" y="${y + 18}" font-weight="bold" font-size="11">${escape(KIND[locale][b.e.kind].toUpperCase())}</text>`,
      ...b.lines.map((line, i) => `<text x="${x + 10}" y="${y + 36 + i * LINE}">${escape(line)}</text>`),
      '</g>',
    );
  }
  parts.push('</svg>');
  return parts.join('\n');
}
