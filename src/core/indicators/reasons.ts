import type { Locale } from '../../platform/errors';
import { format } from '../../platform/i18n';

/**
 * Why an indicator import left a row or a cell out (`indicator.skip.*`), left a column out
 * (`indicator.column.*`) or could not read a file at all (`indicator.unreadable.*`), in Dutch
 * and English. The parser only names a reason and its parameters; the importer, which knows
 * the reader's language, turns it into text.
 */
export const importReasons = {
  'indicator.skip.code_missing': { nl: 'gebiedscode ontbreekt', en: 'area code is missing' },
  'indicator.skip.not_a_cbs_code': {
    nl: 'code "{code}" is geen CBS-code van een gemeente (GM), wijk (WK) of buurt (BU)',
    en: 'code "{code}" is not a CBS code of a gemeente (GM), wijk (WK) or buurt (BU)',
  },
  'indicator.skip.country': { nl: 'landtotaal ({code}) hoort bij geen gebied van de werkruimte', en: 'national total ({code}) belongs to no area of the workspace' },
  'indicator.skip.unknown_area': {
    nl: 'gebied {code} staat niet in de gebiedsindeling van de werkruimte; importeer eerst de gebieden',
    en: 'area {code} is not in the area division of the workspace; import the areas first',
  },
  'indicator.skip.duplicate_row': { nl: 'gebied en periode komen al eerder voor in het bestand (rij {firstRow})', en: 'area and period already appear earlier in the file (row {firstRow})' },
  'indicator.skip.period_missing': { nl: 'periode ontbreekt', en: 'period is missing' },
  'indicator.skip.period_invalid': {
    nl: 'periode "{value}" is geen jaar (2024), kwartaal (2024-Q1) of maand (2024-03)',
    en: 'period "{value}" is not a year (2024), quarter (2024-Q1) or month (2024-03)',
  },
  'indicator.skip.period_type_mismatch': {
    nl: 'periode {period} past niet bij indicator {indicator}, die per {periodType} wordt gemeten',
    en: 'period {period} does not fit indicator {indicator}, which is measured per {periodType}',
  },
  'indicator.skip.not_a_number': { nl: 'waarde "{value}" is geen getal', en: 'value "{value}" is not a number' },
  'indicator.skip.not_an_object': { nl: 'de waarde bij deze code is geen object met cijfers', en: 'the value for this code is not an object with figures' },

  'indicator.column.not_numeric': { nl: 'kolom bevat geen getallen', en: 'column holds no numbers' },
  'indicator.column.not_mapped': { nl: 'kolom is niet aan een indicator gekoppeld', en: 'column is not mapped to an indicator' },
  'indicator.column.formula': { nl: 'indicator {indicator} wordt berekend met een formule en kan niet worden ingelezen', en: 'indicator {indicator} is computed by a formula and cannot be imported' },

  'indicator.unreadable.invalid_csv': { nl: 'het bestand is geen geldige CSV', en: 'the file is not valid CSV' },
  'indicator.unreadable.invalid_csv_near_line': { nl: 'het bestand is geen geldige CSV (rond regel {line})', en: 'the file is not valid CSV (near line {line})' },
  'indicator.unreadable.invalid_xlsx': { nl: 'het bestand is geen leesbaar Excel-bestand (XLSX)', en: 'the file is not a readable Excel file (XLSX)' },
  'indicator.unreadable.invalid_json': { nl: 'het bestand lijkt JSON maar is niet geldig', en: 'the file looks like JSON but is not valid' },
  'indicator.unreadable.json_shape': {
    nl: 'onbekende JSON-vorm; verwacht een CBS OData-tabel ({"value": […]}) of een object per CBS-code',
    en: 'unknown JSON shape; expected a CBS OData table ({"value": […]}) or an object per CBS code',
  },
  'indicator.unreadable.no_code_column': {
    nl: 'geen kolom met de gebiedscode gevonden (bijvoorbeeld "Regioaanduiding.Codering..code.", "WijkenEnBuurten" of "gebied")',
    en: 'no column with the area code found (for example "Regioaanduiding.Codering..code.", "WijkenEnBuurten" or "gebied")',
  },
  'indicator.unreadable.no_data_rows': { nl: 'het bestand bevat geen gegevensrijen', en: 'the file holds no data rows' },
  'indicator.unreadable.no_value_columns': { nl: 'het bestand bevat geen kolommen met cijfers', en: 'the file holds no columns with figures' },
} as const satisfies Record<string, Record<Locale, string>>;

export type ReasonId = keyof typeof importReasons;

/** A reason by id, with the values its message quotes. */
export interface Reason {
  id: ReasonId;
  params?: Record<string, string | number>;
}

const periodTypeNames: Record<Locale, Record<string, string>> = {
  nl: { year: 'jaar', quarter: 'kwartaal', month: 'maand' },
  en: { year: 'year', quarter: 'quarter', month: 'month' },
};

/** The reason as a sentence fragment in the given language. */
export function describeReason(reason: Reason, locale: Locale): string {
  const params: Record<string, string | number> = { ...reason.params };
  if (typeof params.periodType === 'string') params.periodType = periodTypeNames[locale][params.periodType] ?? params.periodType;
  return format(importReasons[reason.id][locale], params);
}
