import { escapeHtml } from './document';

/*
 * Small SVG charts for printed documents (progress report, dossiers): made on the server, no
 * scripts, with a title and description for screen readers. The web app draws its interactive
 * charts with Observable Plot; these are for paper and PDF. Each chart is shown beside a table
 * with the same figures.
 */

const BLUE = '#154273';
const GREY = '#4a4a4a';
const nl = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
export const formatNumber = (n: number) => nl.format(n);

function frame(width: number, height: number, title: string, desc: string, body: string) {
  const id = `c${Math.abs(hash(title + desc)).toString(36)}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}t ${id}d" font-family="system-ui,Helvetica,Arial,sans-serif" font-size="12"><title id="${id}t">${escapeHtml(title)}</title><desc id="${id}d">${escapeHtml(desc)}</desc>${body}</svg>`;
}

function hash(s: string) {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
  return h;
}

/** Horizontal bars with their values written beside them. */
export function barChartSvg(input: { title: string; desc: string; bars: { label: string; value: number }[] }): string {
  const labelWidth = 170;
  const barArea = 300;
  const row = 24;
  const height = input.bars.length * row + 8;
  const max = Math.max(1, ...input.bars.map((b) => b.value));
  const body = input.bars
    .map((b, i) => {
      const y = 4 + i * row;
      const w = Math.max(b.value > 0 ? 2 : 0, (b.value / max) * barArea);
      return `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end" fill="#1a1a1a">${escapeHtml(b.label)}</text><rect x="${labelWidth}" y="${y + 3}" width="${w.toFixed(1)}" height="${row - 8}" fill="${BLUE}"/><text x="${labelWidth + w + 6}" y="${y + 15}" fill="${GREY}">${escapeHtml(formatNumber(b.value))}</text>`;
    })
    .join('');
  return frame(labelWidth + barArea + 60, height, input.title, input.desc, body);
}

/**
 * A line through the points in order; gaps (null: suppressed or missing) break the line. The
 * axis starts at zero for positive figures, so a small change does not look like a big one.
 */
export function lineChartSvg(input: { title: string; desc: string; points: { label: string; value: number | null }[]; format?: (value: number) => string }): string {
  const width = 480;
  const height = 200;
  const pad = { left: 64, right: 16, top: 16, bottom: 32 };
  const format = input.format ?? formatNumber;
  const known = input.points.map((p) => p.value).filter((v): v is number => v !== null);
  const min = known.length ? Math.min(...known) : 0;
  const max = known.length ? Math.max(...known) : 1;
  const low = min >= 0 ? 0 : min;
  const high = max === low ? low + 1 : max;
  const n = input.points.length;
  const x = (i: number) => pad.left + (n <= 1 ? (width - pad.left - pad.right) / 2 : (i * (width - pad.left - pad.right)) / (n - 1));
  const y = (v: number) => pad.top + (1 - (v - low) / (high - low)) * (height - pad.top - pad.bottom);
  const segments: string[] = [];
  let current: string[] = [];
  input.points.forEach((p, i) => {
    if (p.value === null) {
      if (current.length) segments.push(current.join(' '));
      current = [];
      return;
    }
    current.push(`${current.length ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`);
  });
  if (current.length) segments.push(current.join(' '));
  const dots = input.points.map((p, i) => (p.value === null ? '' : `<circle cx="${x(i).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="3.5" fill="${BLUE}"/>`)).join('');
  const step = Math.max(1, Math.ceil(n / 8));
  const xLabels = input.points
    .map((p, i) => (i % step === 0 || i === n - 1 ? `<text x="${x(i).toFixed(1)}" y="${height - 10}" text-anchor="middle" font-size="11" fill="${GREY}">${escapeHtml(p.label)}</text>` : ''))
    .join('');
  const yLabels = [low, high].map((v) => `<text x="${pad.left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" font-size="11" fill="${GREY}">${escapeHtml(format(v))}</text>`).join('');
  const body = [
    `<line x1="${pad.left}" y1="${height - pad.bottom}" x2="${width - pad.right}" y2="${height - pad.bottom}" stroke="#999"/>`,
    `<line x1="${pad.left}" y1="${pad.top}" x2="${pad.left}" y2="${height - pad.bottom}" stroke="#999"/>`,
    yLabels,
    xLabels,
    ...segments.map((d) => `<path d="${d}" fill="none" stroke="${BLUE}" stroke-width="2"/>`),
    dots,
  ].join('');
  return frame(width, height, input.title, input.desc, body);
}
