import fs from 'node:fs';
import { DomainError } from './errors';
import type { ReportBlock } from './report';

/*
 * What the printable documents (session minutes, rule dossiers, progress reports) share:
 * escaping, Dutch dates, the WinAnsi subset of the standard PDF fonts, lazy pdfkit, a plain
 * HTML renderer for documents made of headed blocks, and HTML → PDF through Chromium.
 */

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const DATE = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const DATE_LOCAL = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });
/** `2026-11-03` → `3 november 2026`; a timestamp by its date in the Netherlands. */
export const dutchDate = (value: string) => (value.length === 10 ? DATE.format(new Date(`${value}T00:00:00Z`)) : DATE_LOCAL.format(new Date(value)));

/** Characters the standard PDF fonts can show (WinAnsi): Latin-1 and the Windows-1252 extras such as € „ “ ” – —. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
/** Text the standard fonts can show: other characters lose their accents, or become "?". */
export function winAnsi(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else if (ch === '\t' || ch === '\r') out += ch === '\t' ? ' ' : '';
    else {
      const plain = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      out += plain && [...plain].every((c) => c.codePointAt(0)! >= 0x20 && c.codePointAt(0)! <= 0x7e) ? plain : '?';
    }
  }
  return out;
}

/** pdfkit (with its font machinery) takes a while to load: only when the first PDF is asked for, not at every start. */
let pdfKit: Promise<typeof import('pdfkit')> | undefined;
export const loadPdfKit = () => (pdfKit ??= import('pdfkit').then((m) => (m as unknown as { default: typeof import('pdfkit') }).default ?? m));

/** A document as headed sections of blocks: the session minutes and the progress report. */
export interface HtmlDocument {
  lang: 'nl' | 'en';
  /** Small line above the title, e.g. the workspace. */
  kicker: string;
  title: string;
  subtitle: string;
  /** Paragraphs under the title. */
  lead?: string[];
  sections: { heading: string; level?: 2 | 3; id?: string; blocks: ReportBlock[] }[];
  /** Adds a table of contents of the level-2 sections. */
  contents?: string;
  footer?: string;
}

const STYLE = `
*{box-sizing:border-box}
body{font:11pt/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1a1a1a;max-width:52rem;margin:0 auto;padding:2rem 1.5rem}
h1{color:#154273;font-size:1.8rem;line-height:1.2;margin:.25rem 0 .5rem}
h2{color:#154273;border-bottom:2px solid #154273;padding-bottom:.2rem;margin:2.25rem 0 .75rem;font-size:1.35rem;break-after:avoid}
h3{font-size:1.1rem;margin:1.5rem 0 .5rem;break-after:avoid}
a{color:#154273}
.kicker,.sub{color:#4a4a4a;margin:0}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.95em}
caption{text-align:left;font-weight:bold;padding:.25rem 0}
th,td{border:1px solid #b4b4b4;padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{background:#e8eef5}
.warning{border-left:4px solid #a0501e;background:#fdf3e7;padding:.6rem .9rem;margin:.75rem 0}
.story{border-left:4px solid #154273;background:#f1f5f9;padding:.6rem .9rem;margin:.75rem 0;break-inside:avoid}
.story h4{margin:0 0 .25rem}.story p{margin:.25rem 0;white-space:pre-line}.story .meta{color:#4a4a4a;font-size:.9em}
figure{margin:1rem 0;break-inside:avoid}figure svg{max-width:100%;height:auto}figcaption{font-weight:bold}
.summary{margin:.25rem 0}
nav ol{columns:2}
footer{margin-top:3rem;font-size:.85rem;color:#4a4a4a}
@media print{body{max-width:none;padding:0;font-size:10pt}@page{size:A4;margin:1.8cm}nav{display:none}a{color:inherit}}`;

function blockHtml(b: ReportBlock): string {
  const e = escapeHtml;
  const table = (t: { caption?: string; head: string[]; rows: string[][] }) =>
    `<table>${t.caption ? `<caption>${e(t.caption)}</caption>` : ''}<thead><tr>${t.head.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead><tbody>${t.rows
      .map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`)
      .join('')}</tbody></table>`;
  if ('p' in b) return `<p>${e(b.p)}</p>`;
  if ('h3' in b) return `<h3>${e(b.h3)}</h3>`;
  if ('list' in b) return `<ul>${b.list.map((i) => `<li>${e(i)}</li>`).join('')}</ul>`;
  if ('table' in b) return table(b.table);
  if ('warning' in b) return `<p class="warning">${e(b.warning)}</p>`;
  if ('story' in b) return `<article class="story"><h4>${e(b.story.title)}</h4><p>${e(b.story.text)}</p><p class="meta">${e(b.story.meta)}</p></article>`;
  // The SVG is made by server code (never from user input without escaping).
  return `<figure><figcaption>${e(b.chart.title)}</figcaption>${b.chart.svg}<p class="summary">${e(b.chart.summary)}</p>${table({ caption: `${b.chart.title}: de cijfers`, ...b.chart.table })}</figure>`;
}

/** One standalone, printable HTML page: no scripts, no external resources, headings in order. */
export function renderHtmlDocument(d: HtmlDocument): string {
  const e = escapeHtml;
  const slug = (s: { heading: string; id?: string }, i: number) => s.id ?? `s${i + 1}`;
  const toc = d.contents
    ? `<nav aria-label="${e(d.contents)}"><h2>${e(d.contents)}</h2><ol>${d.sections
        .map((s, i) => ((s.level ?? 2) === 2 ? `<li><a href="#${e(slug(s, i))}">${e(s.heading)}</a></li>` : ''))
        .join('')}</ol></nav>`
    : '';
  return `<!doctype html>
<html lang="${d.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(d.title)} — ${e(d.kicker)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><p class="kicker">${e(d.kicker)}</p><h1>${e(d.title)}</h1><p class="sub">${e(d.subtitle)}</p>${(d.lead ?? []).map((p) => `<p>${e(p)}</p>`).join('')}</header>
${toc}
<main>
${d.sections.map((s, i) => `<section id="${e(slug(s, i))}"><h${s.level ?? 2}>${e(s.heading)}</h${s.level ?? 2}>${s.blocks.map(blockHtml).join('\n')}</section>`).join('\n')}
</main>
${d.footer ? `<footer><p>${e(d.footer)}</p></footer>` : ''}
</body>
</html>`;
}

/** Where Chromium lives: `DICHTER_CHROMIUM`, else Debian's package. */
export const chromiumPath = () => process.env.DICHTER_CHROMIUM || '/usr/bin/chromium';

/**
 * An HTML page as an A4 PDF, printed by Chromium exactly as the browser would print it (charts
 * included). Throws `document.pdf_unavailable` when Chromium is not installed on the server.
 */
export async function htmlToPdf(html: string, options: { title: string; footer: string }): Promise<Buffer> {
  const executablePath = chromiumPath();
  if (!fs.existsSync(executablePath)) throw new DomainError('document.pdf_unavailable');
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    // No network: the page is self-contained, and nothing it names may be fetched.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      tagged: true,
      outline: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: `<div style="font-size:8pt;width:100%;text-align:center;color:#4a4a4a">${escapeHtml(options.footer)} · <span class="pageNumber"></span>/<span class="totalPages"></span></div>`,
      margin: { top: '1.8cm', bottom: '1.8cm', left: '1.8cm', right: '1.8cm' },
    });
    return Buffer.from(pdf);
  } finally {
    await browser.close();
  }
}
