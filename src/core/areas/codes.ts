/**
 * CBS area codes: `GM0363` (gemeente), `WK036305` (wijk), `BU03630501` (buurt). Since
 * Amsterdam's 2022 re-division wijk and buurt codes may hold letters after the municipality
 * number (`WK0363AA`, `BU0363AA01`). A code belongs to the year of its area division.
 */

export const CBS_KINDS = ['gemeente', 'wijk', 'buurt'] as const;
export type CbsKind = (typeof CBS_KINDS)[number];

export const CBS_CODE_PATTERNS: Record<CbsKind, RegExp> = {
  gemeente: /^GM\d{4}$/,
  wijk: /^WK\d{4}[0-9A-Z]{2}$/,
  buurt: /^BU\d{4}[0-9A-Z]{4}$/,
};

/** An example per kind, for messages that explain the expected form. */
export const CBS_CODE_EXAMPLES: Record<CbsKind, string> = { gemeente: 'GM0363', wijk: 'WK036305', buurt: 'BU03630501' };

const PREFIX_KIND: Record<string, CbsKind> = { GM: 'gemeente', WK: 'wijk', BU: 'buurt' };

export const isCbsKind = (kind: string): kind is CbsKind => (CBS_KINDS as readonly string[]).includes(kind);

/** Whether `code` is a well-formed CBS code for an area of this kind. */
export const isValidCbsCode = (kind: CbsKind, code: string) => CBS_CODE_PATTERNS[kind].test(code);

/** The kind a CBS code's prefix announces (`WK…` → wijk), or null for anything else. */
export function kindOfCode(code: string): CbsKind | null {
  return PREFIX_KIND[code.slice(0, 2)] ?? null;
}

/**
 * The code of the area one level up: wijk `WK036305` → gemeente `GM0363`, buurt
 * `BU0363AA01` → wijk `WK0363AA`. Null for a gemeente or a code that is not well-formed.
 */
export function parentCode(code: string): string | null {
  const kind = kindOfCode(code);
  if (!kind || !isValidCbsCode(kind, code)) return null;
  if (kind === 'wijk') return `GM${code.slice(2, 6)}`;
  if (kind === 'buurt') return `WK${code.slice(2, 8)}`;
  return null;
}

/** Parents before children: gemeente, wijk, buurt, then the workspace's own kinds. */
export const KIND_RANK: Record<string, number> = { gemeente: 0, wijk: 1, buurt: 2, straat: 3, complex: 4, gebied: 5 };
