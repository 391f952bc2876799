import { describe, expect, it } from 'vitest';
import { calendarDaysUntil, isIsoDate, isUuid, parseTags, replaceSpans, textBlocks } from './text';

describe('replaceSpans', () => {
  it('replaces every span, whatever their order', () => {
    const text = 'Bel 0612345678 of mail a@b.nl';
    const spans = [
      { start: 23, end: 29, kind: 'email' },
      { start: 4, end: 14, kind: 'phone' },
    ];
    expect(replaceSpans(text, spans, (s) => `[${s.kind}]`)).toBe('Bel [phone] of mail [email]');
  });

  it('merges overlapping spans and clamps offsets past the end', () => {
    expect(replaceSpans('abcdef', [{ start: 1, end: 4 }, { start: 2, end: 5 }], () => '_')).toBe('a_f');
    expect(replaceSpans('abc', [{ start: 2, end: 99 }], () => '_')).toBe('ab_');
    expect(replaceSpans('abc', [], () => '_')).toBe('abc');
  });
});

describe('parseTags', () => {
  it('splits on commas, trims, lowercases and drops empties and doubles', () => {
    expect(parseTags(' wonen, Jeugd ,, wonen ')).toEqual(['wonen', 'jeugd']);
    expect(parseTags('')).toEqual([]);
  });
});

describe('textBlocks', () => {
  it('makes paragraphs at blank lines and a list of dash lines', () => {
    expect(textBlocks('Eerste regel\ntweede regel\n\n- een\n- twee\n\n\nSlot')).toEqual([
      { kind: 'paragraph', text: 'Eerste regel\ntweede regel' },
      { kind: 'list', items: ['een', 'twee'] },
      { kind: 'paragraph', text: 'Slot' },
    ]);
    expect(textBlocks('  \n\n ')).toEqual([]);
  });

  it('splits a paragraph that runs into a list', () => {
    expect(textBlocks('Op de trap:\n- derde\n- vierde\nVerder niets.')).toEqual([
      { kind: 'paragraph', text: 'Op de trap:' },
      { kind: 'list', items: ['derde', 'vierde'] },
      { kind: 'paragraph', text: 'Verder niets.' },
    ]);
  });

  it('keeps markup as text', () => {
    expect(textBlocks('<b>vet</b>')).toEqual([{ kind: 'paragraph', text: '<b>vet</b>' }]);
  });
});

describe('calendarDaysUntil', () => {
  const now = new Date(2026, 10, 28, 15, 0);
  it('counts calendar days in the local time zone', () => {
    expect(calendarDaysUntil(new Date(2026, 10, 28, 23, 59), now)).toBe(0);
    expect(calendarDaysUntil(new Date(2026, 10, 29, 0, 1), now)).toBe(1);
    expect(calendarDaysUntil(new Date(2026, 11, 3, 12), now)).toBe(5);
    expect(calendarDaysUntil(new Date(2026, 10, 26, 9), now)).toBe(-2);
  });
});

describe('URL values', () => {
  it('accepts only UUIDs and ISO dates', () => {
    expect(isUuid('01a2244d-8adf-70bf-bcae-29a02c68bcd8')).toBe(true);
    expect(isUuid('x')).toBe(false);
    expect(isIsoDate('2026-11-28')).toBe(true);
    expect(isIsoDate('28-11-2026')).toBe(false);
  });
});
