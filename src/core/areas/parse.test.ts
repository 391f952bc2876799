import { describe, expect, it } from 'vitest';
import type { Locale } from '../../platform/errors';
import { cleanCell, findCsvColumns, normaliseHeader, parseAreaFile, parseDecimal, toPopulation, UnreadableFileError, yearFromFileName, type SkippedRow } from './parse';
import { describeReason } from './reasons';

/** A few rows as R's write.csv writes a CBS KWB table: quoted, padded, decimal comma, NA. */
const R_HEADER =
  '"","Wijken.en.buurten","Regioaanduiding.Gemeentenaam..naam.","Regioaanduiding.Soort.regio..omschrijving.","Regioaanduiding.Codering..code.","Regioaanduiding.Indelingswijziging.wijken.en.buurten..code.","Bevolking.Aantal.inwoners..aantal.","Bevolking.Bevolkingsdichtheid..aantal.inwoners.per.km..","Wonen.Gemiddelde.WOZ.waarde.van.woningen..x.1.000.euro."';
const csv = (...rows: string[]) => [R_HEADER, ...rows].join('\n') + '\n';
const LAND = '"1","Nederland","Nederland                               ","Land      ","NL00      ",".",17282163,513,"2,1"';
const GEMEENTE = '"2","Amsterdam","Amsterdam                               ","Gemeente  ","GM0363    ",".",862965,5214,"1,8"';
const WIJK = '"3","Burgwallen-Oude Zijde","Amsterdam                               ","Wijk      ","WK036300  ","1",4295,12292,NA';
const BUURT = '"4","Kop Zeedijk","Amsterdam                               ","Buurt     ","BU03630000","1",1035,17048,"         ."';

/** Why the file as a whole was refused, worded as the importer words it for the reader. */
function unreadableDetail(fn: () => unknown, locale: Locale = 'nl'): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(UnreadableFileError);
    return describeReason((err as UnreadableFileError).reason, locale);
  }
  throw new Error('expected an unreadable file');
}

/** Skipped rows as the import report shows them: the reason's id and its wording. */
const worded = (skipped: SkippedRow[], locale: Locale = 'nl') => skipped.map(({ reason, ...rest }) => ({ ...rest, reasonId: reason.id, reason: describeReason(reason, locale) }));

describe('reading cells of a CBS table', () => {
  it('drops the right-padding of codes and kinds', () => {
    expect(cleanCell('GM0363    ')).toBe('GM0363');
    expect(cleanCell('Buurt     ')).toBe('Buurt');
  });

  it('treats NA, empty and a lone dot (also padded) as no value', () => {
    expect(cleanCell('NA')).toBeNull();
    expect(cleanCell('')).toBeNull();
    expect(cleanCell('         .')).toBeNull();
    expect(cleanCell(undefined)).toBeNull();
  });

  it('reads decimal commas and points, and flags text that is no number', () => {
    expect(parseDecimal('2,1')).toBe(2.1);
    expect(parseDecimal('862965')).toBe(862965);
    expect(parseDecimal(' 14.5 ')).toBe(14.5);
    expect(parseDecimal('-99997')).toBe(-99997);
    expect(parseDecimal('NA')).toBeNull();
    expect(parseDecimal('veel')).toBeNaN();
  });

  it('makes suppressed inhabitant figures unknown instead of negative', () => {
    expect(toPopulation(-99997)).toBeNull();
    expect(toPopulation(-99995)).toBeNull();
    expect(toPopulation(null)).toBeNull();
    expect(toPopulation(1035)).toBe(1035);
  });
});

describe('finding the columns of a CBS table', () => {
  it('matches R-mangled labels loosely, not by position', () => {
    expect(normaliseHeader('Regioaanduiding.Soort.regio..omschrijving.')).toBe('regioaanduidingsoortregioomschrijving');
    const columns = findCsvColumns(['', 'Bevolking.Aantal.inwoners..aantal.', 'Regioaanduiding.Codering..code.', 'Wijken.en.buurten', 'Regioaanduiding.Soort.regio..omschrijving.']);
    expect(columns).toEqual({ code: 2, kind: 4, name: 3, population: 1 });
  });

  it('takes inhabitants, not population density', () => {
    const columns = findCsvColumns(['Bevolking.Bevolkingsdichtheid..aantal.inwoners.per.km..', 'Regioaanduiding.Codering..code.', 'Bevolking.Aantal.inwoners..aantal.']);
    expect(columns.population).toBe(2);
  });

  it('also knows the StatLine keys', () => {
    const columns = findCsvColumns(['ID', 'WijkenEnBuurten', 'Gemeentenaam_1', 'SoortRegio_2', 'Codering_3', 'AantalInwoners_5']);
    expect(columns).toEqual({ code: 4, kind: 3, name: 1, population: 5 });
  });

  it('refuses a table without a code column', () => {
    expect(unreadableDetail(() => findCsvColumns(['naam', 'inwoners']))).toMatch(/CBS-code/);
  });
});

describe('the year of an area division in a file name', () => {
  it('takes a four-digit year', () => {
    expect(yearFromFileName('Kerncijfers_wijken_en_buurten_2019.csv')).toBe(2019);
    expect(yearFromFileName('stripped_filtered_data_2024.json')).toBe(2024);
    expect(yearFromFileName('kwb-2023-buurten.geojson')).toBe(2023);
  });

  it('finds none in names without one, or with longer numbers', () => {
    expect(yearFromFileName('buurten.geojson')).toBeNull();
    expect(yearFromFileName('export_20190101.csv')).toBeNull();
    expect(yearFromFileName('tabel_84583NED.csv')).toBeNull();
  });
});

describe('a CBS table written by R', () => {
  it('reads gemeente, wijk and buurt with trimmed codes, names and inhabitants', () => {
    const file = parseAreaFile(csv(GEMEENTE, WIJK, BUURT));
    expect(file.format).toBe('cbs-csv');
    expect(file.areas).toEqual([
      { row: 2, code: 'GM0363', kind: 'gemeente', name: 'Amsterdam', population: 862965 },
      { row: 3, code: 'WK036300', kind: 'wijk', name: 'Burgwallen-Oude Zijde', population: 4295 },
      { row: 4, code: 'BU03630000', kind: 'buurt', name: 'Kop Zeedijk', population: 1035 },
    ]);
    expect(file.skipped).toEqual([]);
    expect(file.rowCount).toBe(3);
  });

  it('reports the Land row as skipped, with its row number (header is row 1)', () => {
    const file = parseAreaFile(csv(LAND, GEMEENTE));
    expect(worded(file.skipped)).toEqual([{ row: 2, code: 'NL00', reasonId: 'area.skip.unknown_kind', reason: 'onbekende regiosoort "Land"' }]);
    expect(worded(file.skipped, 'en')[0].reason).toBe('unknown kind of region "Land"');
    expect(file.areas.map((a) => a.code)).toEqual(['GM0363']);
  });

  it('reports malformed codes, codes that do not fit the kind, missing names and repeated codes', () => {
    const file = parseAreaFile(
      csv(
        GEMEENTE,
        '"3","Kapotte wijk","Amsterdam","Wijk      ","WK0363    ","1",10,1,NA',
        '"4","Verkeerde soort","Amsterdam","Buurt     ","WK036301  ","1",10,1,NA',
        '"5","NA","Amsterdam","Wijk      ","WK036302  ","1",10,1,NA',
        '"6","Nog eens Amsterdam","Amsterdam","Gemeente  ","GM0363    ",".",10,1,NA',
      ),
    );
    expect(file.areas.map((a) => a.code)).toEqual(['GM0363']);
    expect(worded(file.skipped)).toEqual([
      { row: 3, code: 'WK0363', reasonId: 'area.skip.invalid_code', reason: 'code "WK0363" is geen geldige wijkcode (verwacht bijvoorbeeld WK036305)' },
      { row: 4, code: 'WK036301', reasonId: 'area.skip.invalid_code', reason: 'code "WK036301" is geen geldige buurtcode (verwacht bijvoorbeeld BU03630501)' },
      { row: 5, code: 'WK036302', reasonId: 'area.skip.name_missing', reason: 'naam ontbreekt' },
      { row: 6, code: 'GM0363', reasonId: 'area.skip.duplicate_code', reason: 'code komt al eerder voor in het bestand (rij 2)' },
    ]);
    expect(worded(file.skipped, 'en').map((s) => s.reason)).toEqual([
      'code "WK0363" is not a valid code for a district (wijk) (expected for example WK036305)',
      'code "WK036301" is not a valid code for a neighbourhood (buurt) (expected for example BU03630501)',
      'name is missing',
      'code already appears earlier in the file (row 2)',
    ]);
  });

  it('leaves inhabitants unknown when the figure is missing or suppressed', () => {
    const file = parseAreaFile(
      csv('"3","Leeg","Amsterdam","Buurt     ","BU03630001","1",NA,1,NA', '"4","Geheim","Amsterdam","Buurt     ","BU03630002","1",-99997,1,NA'),
    );
    expect(file.areas.map((a) => a.population)).toEqual([null, null]);
  });

  it('reads a semicolon-separated StatLine download as well', () => {
    const file = parseAreaFile('ID;WijkenEnBuurten;SoortRegio_2;Codering_3;AantalInwoners_5\n1;Amsterdam ;Gemeente ;GM0363 ;862965\n2;Centrum;Wijk;WK0363AA;1000\n');
    expect(file.areas).toEqual([
      { row: 2, code: 'GM0363', kind: 'gemeente', name: 'Amsterdam', population: 862965 },
      { row: 3, code: 'WK0363AA', kind: 'wijk', name: 'Centrum', population: 1000 },
    ]);
  });

  it('refuses a file in which no row holds a usable area', () => {
    expect(unreadableDetail(() => parseAreaFile(csv(LAND)))).toBe('geen enkele rij bevat een bruikbaar gebied (rij 2: onbekende regiosoort "Land")');
    expect(unreadableDetail(() => parseAreaFile(R_HEADER + '\n'))).toBe('het bestand bevat geen gegevensrijen');
    expect(unreadableDetail(() => parseAreaFile(csv(LAND)), 'en')).toBe('not a single row holds a usable area (row 2: unknown kind of region "Land")');
  });
});

describe('a CBS JSON file keyed by code', () => {
  const json = JSON.stringify({
    WK0363AA: { AantalInwoners_5: 3000, Mannen_6: 1500 },
    GM0363: { AantalInwoners_5: 931298 },
    WK036301: { AantalInwoners_5: null },
    NL01: { AantalInwoners_5: 1 },
  });

  it('reads codes without names, with inhabitants where given', () => {
    const file = parseAreaFile(json);
    expect(file.format).toBe('cbs-json');
    expect(file.areas).toEqual([
      { row: 1, code: 'WK0363AA', kind: 'wijk', name: null, population: 3000 },
      { row: 2, code: 'GM0363', kind: 'gemeente', name: null, population: 931298 },
      { row: 3, code: 'WK036301', kind: 'wijk', name: null, population: null },
    ]);
    expect(worded(file.skipped)).toEqual([{ row: 4, code: 'NL01', reasonId: 'area.skip.not_a_cbs_code', reason: 'code "NL01" is geen CBS-code van een gemeente (GM), wijk (WK) of buurt (BU)' }]);
  });

  it('refuses a JSON list and broken JSON', () => {
    expect(unreadableDetail(() => parseAreaFile('[1,2]'))).toMatch(/JSON-lijst/);
    expect(unreadableDetail(() => parseAreaFile('{"GM0363": '))).toMatch(/niet geldig/);
  });
});

describe('a GeoJSON file of buurt boundaries', () => {
  const square = { type: 'Polygon', coordinates: [[[4.8, 52.3], [4.81, 52.3], [4.81, 52.31], [4.8, 52.3]]] };
  const feature = (properties: Record<string, unknown>, geometry: unknown = square) => ({ type: 'Feature', properties, geometry });

  it('reads code, name and geometry, and the latest year a boundary became valid', () => {
    const file = parseAreaFile(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          feature({ cbsCode: 'BU0363AA01', naam: 'Planciusbuurt-Noord', beginGeldigheid: '2022-03-24T00:00:00' }),
          feature({ cbsCode: 'BU0363AD03', naam: 'Nieuwe buurt', beginGeldigheid: '2023-10-25T00:00:00' }),
        ],
      }),
    );
    expect(file.format).toBe('geojson');
    expect(file.validFromYear).toBe(2023);
    expect(file.areas[0]).toEqual({ row: 1, code: 'BU0363AA01', kind: 'buurt', name: 'Planciusbuurt-Noord', geometry: square });
    expect(file.areas[0]).not.toHaveProperty('population');
  });

  it('skips features without a code, with a malformed code or without a polygon', () => {
    const file = parseAreaFile(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          feature({ cbsCode: 'BU0363AA01', naam: 'Goed' }),
          feature({ naam: 'Zonder code' }),
          feature({ cbsCode: 'BU0363A', naam: 'Te kort' }),
          feature({ cbsCode: 'BU0363AA02', naam: 'Punt' }, { type: 'Point', coordinates: [4.8, 52.3] }),
          feature({ cbsCode: 'BU0363AA03', naam: 'RD' }, { type: 'Polygon', coordinates: [[[120000, 487000], [120100, 487000], [120000, 487100], [120000, 487000]]] }),
          feature({ cbsCode: 'BU0363AA04', naam: 'Leeg' }, null),
        ],
      }),
    );
    expect(file.areas.map((a) => a.code)).toEqual(['BU0363AA01']);
    expect(worded(file.skipped).map((s) => [s.row, s.reason])).toEqual([
      [2, 'feature zonder CBS-code (eigenschap cbsCode)'],
      [3, 'code "BU0363A" is geen geldige buurtcode (verwacht bijvoorbeeld BU03630501)'],
      [4, 'geometrie is geen (multi)polygoon maar "Point"'],
      [5, 'coördinaten zijn geen lengte- en breedtegraden (WGS84); zet het bestand eerst om, bijvoorbeeld vanuit RD (EPSG:28992)'],
      [6, 'geometrie ontbreekt'],
    ]);
  });

  it('refuses boundaries in RD coordinates as a whole', () => {
    const rd = { type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } }, features: [feature({ cbsCode: 'BU0363AA01' })] };
    expect(unreadableDetail(() => parseAreaFile(JSON.stringify(rd)))).toMatch(/RD \(EPSG:28992\)/);
  });
});
