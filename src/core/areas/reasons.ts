import type { Locale } from '../../platform/errors';
import { format } from '../../platform/i18n';
import type { CbsKind } from './codes';

/**
 * Why an import left a row out (`area.skip.*`) or could not read a file at all
 * (`area.unreadable.*`), in Dutch and English. The parser only names a reason and its
 * parameters; the importer, which knows the reader's language, turns it into text.
 * A parameter `kind` is a CBS kind and is named in the reader's language; a parameter that
 * is itself a reason is described in that language too.
 */
export const importReasons = {
  'area.skip.code_missing': { nl: 'code ontbreekt', en: 'code is missing' },
  'area.skip.unknown_kind': { nl: 'onbekende regiosoort "{value}"', en: 'unknown kind of region "{value}"' },
  'area.skip.not_a_cbs_code': {
    nl: 'code "{code}" is geen CBS-code van een gemeente (GM), wijk (WK) of buurt (BU)',
    en: 'code "{code}" is not a CBS code of a gemeente (GM), wijk (WK) or buurt (BU)',
  },
  'area.skip.invalid_code': { nl: 'code "{code}" is geen geldige {kind}code (verwacht bijvoorbeeld {example})', en: 'code "{code}" is not a valid code for a {kind} (expected for example {example})' },
  'area.skip.name_missing': { nl: 'naam ontbreekt', en: 'name is missing' },
  'area.skip.population_not_a_number': { nl: 'aantal inwoners "{value}" is geen getal', en: 'number of inhabitants "{value}" is not a number' },
  'area.skip.duplicate_code': { nl: 'code komt al eerder voor in het bestand (rij {firstRow})', en: 'code already appears earlier in the file (row {firstRow})' },
  'area.skip.not_an_object': { nl: 'de waarde bij deze code is geen object met cijfers', en: 'the value for this code is not an object with figures' },
  'area.skip.feature_without_code': { nl: 'feature zonder CBS-code (eigenschap cbsCode)', en: 'feature without a CBS code (property cbsCode)' },
  'area.skip.geometry_missing': { nl: 'geometrie ontbreekt', en: 'geometry is missing' },
  'area.skip.geometry_not_polygon': { nl: 'geometrie is geen (multi)polygoon maar "{type}"', en: 'geometry is not a (multi)polygon but "{type}"' },
  'area.skip.geometry_without_coordinates': { nl: 'geometrie heeft geen coördinaten', en: 'geometry has no coordinates' },
  'area.skip.geometry_invalid_coordinates': { nl: 'geometrie heeft geen geldige coördinaten', en: 'geometry has no valid coordinates' },
  'area.skip.coordinates_not_wgs84': {
    nl: 'coördinaten zijn geen lengte- en breedtegraden (WGS84); zet het bestand eerst om, bijvoorbeeld vanuit RD (EPSG:28992)',
    en: 'coordinates are not longitude and latitude (WGS84); convert the file first, for example from RD (EPSG:28992)',
  },
  'area.skip.code_used_for_other_kind': { nl: 'code is in {year} al in gebruik voor een {kind}', en: 'code is already used for a {kind} in {year}' },
  'area.skip.parent_missing': {
    nl: 'bovenliggende {kind} {parent} staat niet in het bestand en ook niet in de gebiedsindeling van {year}',
    en: 'the {kind} {parent} above it is in neither the file nor the area division of {year}',
  },

  'area.unreadable.no_code_column': {
    nl: 'geen kolom met de CBS-code gevonden (bijvoorbeeld "Regioaanduiding.Codering..code.")',
    en: 'no column with the CBS code found (for example "Regioaanduiding.Codering..code.")',
  },
  'area.unreadable.invalid_csv': { nl: 'het bestand is geen geldige CSV', en: 'the file is not valid CSV' },
  'area.unreadable.invalid_csv_near_line': { nl: 'het bestand is geen geldige CSV (rond regel {line})', en: 'the file is not valid CSV (near line {line})' },
  'area.unreadable.no_data_rows': { nl: 'het bestand bevat geen gegevensrijen', en: 'the file holds no data rows' },
  'area.unreadable.empty_json_object': { nl: 'het JSON-object is leeg', en: 'the JSON object is empty' },
  'area.unreadable.invalid_json': { nl: 'het bestand lijkt JSON maar is niet geldig', en: 'the file looks like JSON but is not valid' },
  'area.unreadable.json_array': {
    nl: 'een JSON-lijst wordt niet ondersteund; verwacht een object per CBS-code of een GeoJSON FeatureCollection',
    en: 'a JSON array is not supported; expected an object per CBS code or a GeoJSON FeatureCollection',
  },
  'area.unreadable.geojson_type': {
    nl: 'GeoJSON van het type "{type}" wordt niet ondersteund; verwacht een FeatureCollection',
    en: 'GeoJSON of type "{type}" is not supported; expected a FeatureCollection',
  },
  'area.unreadable.no_features': { nl: 'de FeatureCollection bevat geen features', en: 'the FeatureCollection holds no features' },
  'area.unreadable.rd_coordinates': {
    nl: 'de coördinaten staan in RD (EPSG:28992); zet het bestand eerst om naar WGS84 (EPSG:4326)',
    en: 'the coordinates are in RD (EPSG:28992); convert the file to WGS84 (EPSG:4326) first',
  },
  'area.unreadable.no_usable_row': { nl: 'geen enkele rij bevat een bruikbaar gebied', en: 'not a single row holds a usable area' },
  'area.unreadable.no_usable_row_first': {
    nl: 'geen enkele rij bevat een bruikbaar gebied (rij {row}: {reason})',
    en: 'not a single row holds a usable area (row {row}: {reason})',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type ReasonId = keyof typeof importReasons;

/** A reason by id, with the values its message quotes. */
export interface Reason {
  id: ReasonId;
  params?: Record<string, string | number | Reason>;
}

/** CBS kinds as the UI names them in each language (English keeps the Dutch term, as CBS files use it). */
const kindNames: Record<Locale, Record<CbsKind, string>> = {
  nl: { gemeente: 'gemeente', wijk: 'wijk', buurt: 'buurt' },
  en: { gemeente: 'municipality (gemeente)', wijk: 'district (wijk)', buurt: 'neighbourhood (buurt)' },
};

/** The reason as a sentence fragment in the given language. */
export function describeReason(reason: Reason, locale: Locale): string {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(reason.params ?? {})) {
    if (typeof value === 'object') params[key] = describeReason(value, locale);
    else if (key === 'kind' && typeof value === 'string' && value in kindNames[locale]) params[key] = kindNames[locale][value as CbsKind];
    else params[key] = value;
  }
  return format(importReasons[reason.id][locale], params);
}
