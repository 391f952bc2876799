/**
 * Finding personal data in free text of observations: BSN (citizen service number), IBAN,
 * e-mail addresses and Dutch phone numbers. The aim is a warning and an optional redaction
 * before the text is stored or shown, not a guarantee: names, addresses and descriptions of
 * people are not found. Every pattern is checked structurally (11-test, mod-97, digit count)
 * so that dates, postcodes, amounts, times, years, house numbers and file numbers do not
 * trigger it. All scans are single passes with bounded look-around: linear in the text length.
 */

import type { Locale } from './errors';

export const PERSONAL_DATA_KINDS = ['bsn', 'iban', 'email', 'phone'] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

/** One finding: `start`/`end` are UTF-16 offsets into the input (`text === input.slice(start, end)`). */
export interface PersonalDataHit {
  kind: PersonalDataKind;
  start: number;
  end: number;
  text: string;
}

export const REDACTION_PLACEHOLDERS: Record<Locale, Record<PersonalDataKind, string>> = {
  nl: { bsn: '[BSN verwijderd]', iban: '[IBAN verwijderd]', email: '[e-mailadres verwijderd]', phone: '[telefoonnummer verwijderd]' },
  en: { bsn: '[BSN removed]', iban: '[IBAN removed]', email: '[email address removed]', phone: '[phone number removed]' },
};

/** Whether nine digits (separators ignored) pass the BSN 11-test and are not all zeros. */
export function isValidBsn(value: string): boolean {
  const digits = value.replace(/[ .]/g, '');
  if (!/^\d{9}$/.test(digits) || /^0{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(digits[i]);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

/**
 * IBAN lengths per country (SWIFT IBAN registry). Countries not listed (partial or experimental
 * IBANs) are accepted at any length from 15 to 34 if the mod-97 check passes.
 */
const IBAN_LENGTHS: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28,
  CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18,
  FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HN: 28, HR: 21, HU: 28,
  IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20,
  LU: 20, LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28,
  NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24,
  SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26,
  UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
};

/** Whether an IBAN (spaces ignored, any case) has the right length for its country and passes ISO 13616 mod-97. */
export function isValidIban(value: string): boolean {
  const iban = value.replace(/[ \u00a0]/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const expected = IBAN_LENGTHS[iban.slice(0, 2)];
  if (expected !== undefined ? iban.length !== expected : iban.length < 15) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const n = code >= 65 ? code - 55 : code - 48; // A=10 … Z=35
    remainder = n >= 10 ? (remainder * 100 + n) % 97 : (remainder * 10 + n) % 97;
  }
  return remainder === 1;
}

/**
 * The national form (`0` + 9 digits) of a Dutch phone number as written, or null. Accepts
 * `+31`/`0031` with an optional `(0)`; a two-digit area code is only `06` (mobile).
 */
export function normalizeDutchPhone(written: string): string | null {
  let rest = written.trim();
  let international = false;
  const prefix = /^(?:\+|00)31[\s.-]*(?:\(0\)[\s.-]*)?/.exec(rest);
  if (prefix) {
    international = true;
    rest = rest.slice(prefix[0].length);
  }
  const groups = rest.match(/\d+/g);
  if (!groups) return null;
  const national = (international ? '0' : '') + groups.join('');
  if (!/^0[1-9]\d{8}$/.test(national)) return null;
  const firstGroup = (international ? '0' : '') + groups[0];
  if (groups.length > 1 && firstGroup.length === 2 && firstGroup !== '06') return null;
  return national;
}

// --- Patterns. Each starts only where a token starts (look-behind), so the scan stays linear.

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}@(?:[\p{L}\p{N}-]{1,63}\.){1,8}\p{L}{2,24}(?![\p{L}\p{N}-])/gu;

const IBAN = /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}(?:[ \u00a0]?[A-Za-z0-9]{4}){2,7}(?:[ \u00a0]?[A-Za-z0-9]{1,3})?(?![\p{L}\p{N}])/gu;

// 9 digits, or 3-3-3 / 4-2-3 with one kind of separator (space or dot) throughout.
const BSN = /(?<![\p{L}\p{N}_]|\p{N}[.,\/-])(?:\d{9}|\d{3}([ .])\d{3}\1\d{3}|\d{4}([ .])\d{2}\2\d{3})(?![\p{L}\p{N}_]|[.,\/-]\p{N})/gu;

const SEP = String.raw`(?:[ \u00a0]?[-\u2013][ \u00a0]?|[ \u00a0.])`;
const PHONE = new RegExp(
  String.raw`(?<![\p{L}\p{N}_+@]|\p{N}[.,:\/-])` +
    String.raw`(?:(?:\+|00)31${SEP}?(?:\(0\)${SEP}?)?[1-9]\d{0,2}|\(0[1-9]\d{0,2}\)|0[1-9]\d{0,2})` +
    String.raw`${SEP}?\d{2,8}(?:${SEP}\d{2,4}){0,3}` +
    String.raw`(?![\p{L}\p{N}_@]|[.,:\/-]\p{N})`,
  'gu',
);

// Not personal data, but shaped like a phone number when run together: dates, times, amounts.
const NUMBERS_TO_IGNORE = [
  /(?<!\p{N})\d{1,2}[-./]\d{1,2}[-./](?:\d{4}|\d{2})(?!\p{N})/gu,
  /(?<!\p{N})\d{4}-\d{2}-\d{2}(?!\p{N})/gu,
  /(?<!\p{N})\d{1,2}[:.]\d{2}(?::\d{2})?(?!\p{N})/gu,
  /(?:€|EUR|eur)[ \u00a0]?\d[\d.,]*/gu,
];

const CURRENCY_BEFORE = /(?:€|EUR|eur)[ \u00a0]?$/;

const covered = (mask: Uint8Array, start: number, end: number) => {
  for (let i = start; i < end; i++) if (mask[i]) return true;
  return false;
};

const cover = (mask: Uint8Array, start: number, end: number) => mask.fill(1, start, end);

/** The offset in `raw` just after its `count`-th letter or digit, or -1 when it has fewer. */
function offsetAfterAlnum(raw: string, count: number): number {
  let seen = 0;
  for (let i = 0; i < raw.length; i++) {
    if (/[A-Za-z0-9]/.test(raw[i]) && ++seen === count) return i + 1;
  }
  return -1;
}

function scanEmails(text: string, taken: Uint8Array, hits: PersonalDataHit[]) {
  for (const m of text.matchAll(EMAIL)) {
    const start = m.index, end = start + m[0].length;
    if (covered(taken, start, end)) continue;
    cover(taken, start, end);
    hits.push({ kind: 'email', start, end, text: m[0] });
  }
}

function scanIbans(text: string, taken: Uint8Array, hits: PersonalDataHit[]) {
  IBAN.lastIndex = 0;
  for (let m = IBAN.exec(text); m; m = IBAN.exec(text)) {
    let raw = m[0];
    const expected = IBAN_LENGTHS[raw.slice(0, 2).toUpperCase()];
    // A longer run (an IBAN followed by more groups) is cut back to the country's length, at a group boundary.
    if (expected !== undefined && raw.replace(/[ \u00a0]/g, '').length > expected) {
      const cut = offsetAfterAlnum(raw, expected);
      if (!/[ \u00a0]/.test(raw[cut])) continue;
      raw = raw.slice(0, cut);
      IBAN.lastIndex = m.index + cut;
    }
    const start = m.index, end = start + raw.length;
    if (covered(taken, start, end)) continue;
    const valid = isValidIban(raw);
    // A mistyped IBAN of the right shape is not reported, nor is its account number taken for a phone.
    if (valid || expected === raw.replace(/[ \u00a0]/g, '').length) cover(taken, start, end);
    if (!valid) continue;
    hits.push({ kind: 'iban', start, end, text: raw });
  }
}

function scanBsns(text: string, taken: Uint8Array, hits: PersonalDataHit[]) {
  for (const m of text.matchAll(BSN)) {
    const start = m.index, end = start + m[0].length;
    if (!isValidBsn(m[0]) || covered(taken, start, end)) continue;
    if (CURRENCY_BEFORE.test(text.slice(Math.max(0, start - 5), start))) continue;
    // Space-grouped digits next to more space-grouped digits belong to a longer number.
    if (m[0].includes(' ') && (/\d $/.test(text.slice(Math.max(0, start - 2), start)) || /^ \d/.test(text.slice(end, end + 2)))) continue;
    cover(taken, start, end);
    hits.push({ kind: 'bsn', start, end, text: m[0] });
  }
}

function scanPhones(text: string, taken: Uint8Array, hits: PersonalDataHit[]) {
  const ignored = new Uint8Array(text.length);
  for (const pattern of NUMBERS_TO_IGNORE) for (const m of text.matchAll(pattern)) cover(ignored, m.index, m.index + m[0].length);
  PHONE.lastIndex = 0;
  for (let m = PHONE.exec(text); m; m = PHONE.exec(text)) {
    // Too many digits: try the run without its trailing groups (`06 12345678 06 …` is two numbers).
    const ends = [...m[0].matchAll(/\d+\)?/g)].map((g) => g.index + g[0].length).reverse();
    for (const cut of ends) {
      const raw = m[0].slice(0, cut);
      if (!normalizeDutchPhone(raw)) continue;
      const start = m.index, end = start + cut;
      if (cut < m[0].length) PHONE.lastIndex = end;
      if (!covered(taken, start, end) && !covered(ignored, start, end)) {
        cover(taken, start, end);
        hits.push({ kind: 'phone', start, end, text: raw });
      }
      break;
    }
  }
}

/** Every BSN, IBAN, e-mail address and Dutch phone number in `text`, sorted by position, never overlapping. */
export function findPersonalData(text: string): PersonalDataHit[] {
  const taken = new Uint8Array(text.length);
  const hits: PersonalDataHit[] = [];
  // Order is priority: an e-mail address may hold digits, an IBAN holds a 10-digit account number.
  scanEmails(text, taken, hits);
  scanIbans(text, taken, hits);
  scanBsns(text, taken, hits);
  scanPhones(text, taken, hits);
  return hits.sort((a, b) => a.start - b.start);
}

export interface RedactOptions {
  locale?: Locale;
}

/**
 * `text` with each hit replaced by a placeholder (`[BSN verwijderd]`). Without `hits` the text
 * is scanned first. Overlapping hits are merged (the earlier one's placeholder is used).
 */
export function redactPersonalData(text: string, hits: readonly PersonalDataHit[] = findPersonalData(text), options: RedactOptions = {}): string {
  const placeholders = REDACTION_PLACEHOLDERS[options.locale ?? 'nl'];
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let cursor = 0;
  let open: { kind: PersonalDataKind; end: number } | null = null;
  for (const hit of sorted) {
    const start = Math.max(0, Math.min(hit.start, text.length));
    const end = Math.max(start, Math.min(hit.end, text.length));
    if (open && start < open.end) {
      open.end = Math.max(open.end, end);
      continue;
    }
    if (open) {
      out += placeholders[open.kind];
      cursor = open.end;
    }
    out += text.slice(cursor, start);
    open = { kind: hit.kind, end };
  }
  if (open) {
    out += placeholders[open.kind];
    cursor = open.end;
  }
  return out + text.slice(cursor);
}
