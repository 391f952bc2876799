/** Pure helpers of the observation pages (no React), tested in text.test.ts. */

export interface Span {
  start: number;
  end: number;
}

/**
 * `value` with each span replaced by `placeholder(span)`; spans may come in any order and may
 * overlap (they are merged). Offsets outside the text are clamped.
 */
export function replaceSpans<S extends Span>(value: string, spans: readonly S[], placeholder: (span: S) => string): string {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let cursor = 0;
  for (const span of sorted) {
    const start = Math.max(0, Math.min(span.start, value.length));
    const end = Math.max(start, Math.min(span.end, value.length));
    // Overlapping the previous span: that placeholder stands for both.
    if (start < cursor) {
      cursor = Math.max(cursor, end);
      continue;
    }
    out += value.slice(cursor, start) + placeholder(span);
    cursor = end;
  }
  return out + value.slice(cursor);
}

/** "wonen, Jeugd ,, wonen" → ["wonen", "jeugd"]: trimmed, lower case, no empties, no doubles. */
export function parseTags(value: string): string[] {
  return [
    ...new Set(
      value
        .split(',')
        .map((t) => t.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

export type Block = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

/** Plain text as blocks: paragraphs at blank lines, and runs of `- ` lines as lists. */
export function textBlocks(text: string): Block[] {
  const isItem = (line: string) => /^\s*[-*•] +\S/.test(line);
  const blocks: Block[] = [];
  for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk.replace(/^\n+|\s+$/g, '').split('\n');
    if (lines.every((l) => l.trim() === '')) continue;
    for (let i = 0; i < lines.length; ) {
      const item = isItem(lines[i]);
      let j = i;
      while (j < lines.length && isItem(lines[j]) === item) j++;
      const run = lines.slice(i, j);
      blocks.push(item ? { kind: 'list', items: run.map((l) => l.replace(/^\s*[-*•] +/, '')) } : { kind: 'paragraph', text: run.join('\n') });
      i = j;
    }
  }
  return blocks;
}

/**
 * Calendar days from `now` to the day of `due`, both in the local time zone: 0 today, 1 tomorrow,
 * -2 the day before yesterday.
 */
export function calendarDaysUntil(due: string | Date, now: Date = new Date()): number {
  const d = typeof due === 'string' ? new Date(due) : due;
  const a = Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  const b = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((a - b) / 86_400_000);
}

/** A UUID as the API wants it; anything else in the URL is ignored rather than sent. */
export const isUuid = (value: string | null): value is string => !!value && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** A calendar date (YYYY-MM-DD) from a date input or the URL. */
export const isIsoDate = (value: string | null): value is string => !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
