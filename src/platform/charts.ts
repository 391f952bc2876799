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

/** A line through the known points of a series; gaps (null) break the line and are marked on the axis. */
export function lineChartSvg(input: { title: string; desc: string; points: { label: string; value: number | null }[]; unit?: string }): string {
  const width = 520;
  const height = 200;
  const left = 56;
  const right = 16;
  const top = 16;
  const bottom = 36;
  const known = input.points.filter((p) => p.value !== null).map((p) => p.value!);
  if (!known.length) return frame(width, 60, input.title, input.desc, `<text x="8" y="30" fill="${GREY}">Geen bekende waarden.</text>`);
  let lo = Math.min(...known);
  let hi = Math.max(...known);
  if (lo === hi) [lo, hi] = [lo - 1, hi + 1];
  const pad = (hi - lo) * 0.1;
  lo -= pad;
  hi += pad;
  const n = input.points.length;
  const x = (i: number) => left + (n === 1 ? (width - left - right) / 2 : (i * (width - left - right)) / (n - 1));
  const y = (v: number) => top + ((hi - v) * (height - top - bottom)) / (hi - lo);
  const segments: string[] = [];
  let current: string[] = [];
  input.points.forEach((p, i) => {
    if (p.value === null) {
      if (current.length) segments.push(current.join(' '));
      current = [];
    } else current.push(`${x(i).toFixed(1)},${y(p.value).toFixed(1)}`);
  });
  if (current.length) segments.push(current.join(' '));
  const axis = `<line x1="${left}" y1="${height - bottom}" x2="${width - right}" y2="${height - bottom}" stroke="${GREY}"/>`;
  const ticks = [lo + pad, (lo + hi) / 2, hi - pad]
    .map((v) => `<text x="${left - 6}" y="${y(v) + 4}" text-anchor="end" fill="${GREY}">${escapeHtml(formatNumber(v))}</text><line x1="${left}" x2="${width - right}" y1="${y(v)}" y2="${y(v)}" stroke="#e0e0e0"/>`)
    .join('');
  const labels = input.points
    .map((p, i) => `<text x="${x(i)}" y="${height - bottom + 16}" text-anchor="middle" fill="${p.value === null ? '#a0501e' : GREY}">${escapeHtml(p.label)}${p.value === null ? '*' : ''}</text>`)
    .join('');
  const lines = segments.map((s) => `<polyline points="${s}" fill="none" stroke="${BLUE}" stroke-width="2"/>`).join('');
  const dots = input.points.map((p, i) => (p.value === null ? '' : `<circle cx="${x(i).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="3.5" fill="${BLUE}"/>`)).join('');
  const note = input.points.some((p) => p.value === null) ? `<text x="${left}" y="${height - 4}" fill="#a0501e">* geen waarde (onbekend of geheim)</text>` : '';
  return frame(width, height, input.title, input.desc, ticks + axis + lines + dots + labels + note);
}
