/**
 * Amounts as people type them in the Netherlands: `1.234,56`, `€ 3.600`, `200,5`; a lone point
 * with one or two decimals (`12.50`) is read as a decimal point. Returns whole cents, or null
 * when the text is not an amount.
 */
export function parseEuros(text: string): number | null {
  const s = text.replace(/[€\s\u00a0\u202f]/g, '');
  let whole: string;
  let fraction = '';
  let m: RegExpMatchArray | null;
  if ((m = s.match(/^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/))) {
    whole = m[1].replace(/\./g, '');
    fraction = m[2] ?? '';
  } else if ((m = s.match(/^(\d+)\.(\d{1,2})$/))) {
    whole = m[1];
    fraction = m[2];
  } else return null;
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : null;
}

/** A whole number (`18`), or null. */
export function parseWhole(text: string): number | null {
  const s = text.trim();
  return /^\d{1,6}$/.test(s) ? Number(s) : null;
}

/** A decimal number with a comma or point (`1,5`, `2`), or null. */
export function parseDecimal(text: string): number | null {
  const s = text.trim().replace(',', '.');
  return /^\d{1,6}(\.\d{1,4})?$/.test(s) ? Number(s) : null;
}

/** Cents as an amount in euros in the user's language: `€ 3.600,00` / `€3,600.00`. */
export function formatEuros(cents: number, locale: 'nl' | 'en') {
  return new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** A percentage with two decimals: `30,00 %` / `30.00 %`. */
export function formatPercent(value: number, locale: 'nl' | 'en') {
  return `${new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value)} %`;
}

/** Cents as an amount to edit, in the way `parseEuros` reads it back: `1.100,00`. */
export function centsToInput(cents: number | null) {
  return cents === null ? '' : new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(cents / 100);
}
