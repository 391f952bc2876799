import fs from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, startDichter, type TestDichter } from '../../../test/harness';
import { listAudit } from '../../platform/audit';
import type { ServiceContext } from '../../platform/context';
import { transaction } from '../../platform/db/database';
import { DomainError } from '../../platform/errors';
import { importAreaFile } from '../areas/importer';
import { DEMO_AREA_FILE } from '../areas/seeds';
import { AreaDirectory } from './areas';
import { importIndicatorFile, previewIndicatorImport } from './importer';
import { splitCsv } from './parse';
import * as repo from './repository';
import * as service from './service';

/** The real CBS files live outside the project (see /work/shared/data/cbs/SOURCE.md). */
const CBS_DIR = path.resolve('..', 'shared/data/cbs');
function sharedFile(name: string) {
  const file = path.join(CBS_DIR, name);
  const exists = fs.existsSync(file);
  if (!exists) console.warn(`gedeeld CBS-bestand ontbreekt, test overgeslagen: ${file}`);
  return { file, exists, read: () => fs.readFileSync(file, 'utf8') };
}
const csv2019 = sharedFile('Kerncijfers_wijken_en_buurten_2019.csv');
const json2024 = sharedFile('stripped_filtered_data_2024.json');
const properties = sharedFile('DataProperties.json');

let d: TestDichter;
beforeAll(async () => {
  d = await startDichter();
});
afterAll(async () => {
  await d?.close();
});

/** A fresh workspace and its beheerder's context, as a service sees it. */
async function newWorkspace(): Promise<ServiceContext> {
  const owner = await d.user();
  const slug = await createWorkspace(d, owner);
  const actor = { userId: owner.id, email: owner.email, name: owner.name, isAdmin: false, via: 'token' as const };
  const scope = await d.app.registry.tenancy({ ...d.cli, actor }, slug);
  return { ...d.cli, actor, workspace: scope! };
}

/** A workspace with the shipped 2019 division of Amsterdam and Nieuw-West (no ../shared needed). */
async function workspaceWithNieuwWest(): Promise<ServiceContext> {
  const ctx = await newWorkspace();
  await importAreaFile(ctx, { fileName: 'kwb-2019-amsterdam-nieuw-west.csv', content: fs.readFileSync(DEMO_AREA_FILE, 'utf8') });
  return ctx;
}

const auditCount = async (ctx: ServiceContext) => (await listAudit(ctx.db, ctx.workspace!.id, { limit: 1, offset: 0 })).total;
const valueOf = async (ctx: ServiceContext, code: string, area: string, period: string) => (await service.listValues(ctx, code, { area, period })).items[0];

async function expectDomainError(promise: Promise<unknown>, id: string) {
  const err = await promise.then(
    () => undefined,
    (e) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  expect((err as DomainError).id).toBe(id);
  return err as DomainError;
}

describe('importing the CBS Kerncijfers 2019 of Amsterdam (R-written CSV) with mapping auto', () => {
  let ctx: ServiceContext;
  let first: Awaited<ReturnType<typeof importIndicatorFile>>;
  beforeAll(async () => {
    ctx = await newWorkspace();
    if (!csv2019.exists) return;
    await importAreaFile(ctx, { fileName: path.basename(csv2019.file), content: csv2019.read() });
    first = await importIndicatorFile(ctx, { fileName: path.basename(csv2019.file), data: csv2019.read(), mapping: 'auto' });
  }, 120_000);

  it.skipIf(!csv2019.exists)('gives Amsterdam 862,965 inhabitants in 2019, the year taken from the file name', async () => {
    expect(first.format).toBe('cbs-csv');
    expect(first.periods).toEqual(['2019']);
    expect(await valueOf(ctx, 'aantal-inwoners', 'GM0363', '2019')).toEqual({ area: 'GM0363', period: '2019', value: 862965, status: 'final' });
    const list = await service.listIndicators(ctx);
    expect(list.items.find((i) => i.code === 'aantal-inwoners')).toMatchObject({ name: 'Aantal inwoners', unit: 'aantal', source: 'import', aggregation: 'sum', compositionSensitive: false });
  });

  it.skipIf(!csv2019.exists)('reads a buurt’s decimal comma ("19,7") as 19.7 and names the indicator after the CBS variable', async () => {
    expect(await valueOf(ctx, 'gemiddeld-inkomen-per-inwoner', 'BU03637600', '2019')).toMatchObject({ value: 19.7, status: 'final' });
    expect(await valueOf(ctx, 'gemiddelde-huishoudensgrootte', 'GM0363', '2019')).toMatchObject({ value: 1.8 });
    const income = (await service.listIndicators(ctx)).items.find((i) => i.code === 'gemiddeld-inkomen-per-inwoner')!;
    expect(income).toMatchObject({ name: 'Gemiddeld inkomen per inwoner', unit: 'x 1 000 euro', compositionSensitive: true, aggregation: 'mean' });
  });

  it.skipIf(!csv2019.exists)('leaves missing values out (missing is not zero), the country row and the text columns too, and says why', async () => {
    expect(first.skipped).toContainEqual(expect.objectContaining({ row: 2, code: 'NL00', reasonId: 'indicator.skip.country' }));
    const columns = first.columns.map((c) => c.column);
    expect(columns).not.toContain('Regioaanduiding.Codering..code.');
    expect(columns).not.toContain('Wijken.en.buurten');
    // A missing (NA) cell has no row at all.
    const values = (await service.listValues(ctx, 'aantal-inwoners', {})).items;
    expect(values.length).toBe(579);
    expect(first.values.new).toBeGreaterThan(40_000);
  });

  it.skipIf(!csv2019.exists)('changes nothing and writes no audit row when the same file is imported again; the mapping is saved', async () => {
    const audits = await auditCount(ctx);
    const again = await importIndicatorFile(ctx, { fileName: path.basename(csv2019.file), data: csv2019.read(), mapping: 'auto' });
    expect(again.values).toEqual({ new: 0, changed: 0, unchanged: first.values.new, suppressed: 0 });
    expect(again.indicatorsCreated).toEqual([]);
    expect(await auditCount(ctx)).toBe(audits);
    // Without "auto" the saved mapping maps every column itself.
    const preview = await previewIndicatorImport(ctx, { fileName: 'Kerncijfers_wijken_en_buurten_2020.csv', data: csv2019.read() });
    expect(preview.period).toBe('2020');
    expect(preview.columns.find((c) => c.column === 'Bevolking.Aantal.inwoners..aantal.')).toMatchObject({ basis: 'saved', indicator: { code: 'aantal-inwoners', exists: true } });
  });
});

describe('the other CBS formats', () => {
  it('stores a suppressed value (−99997) as suppressed with no value, leaves null out, and reads OData TypedDataSet JSON', async () => {
    const ctx = await workspaceWithNieuwWest();
    const odata = {
      'odata.metadata': 'https://opendata.cbs.nl/ODataApi/OData/84583NED/$metadata#Cbs.OData.WebAPI.TypedDataSet',
      value: [
        { ID: 1, WijkenEnBuurten: 'GM0363    ', Gemeentenaam_1: 'Amsterdam', SoortRegio_2: 'Gemeente', AantalInwoners_5: 862965, GemiddeldInkomenPerInwoner_83: 31.3 },
        { ID: 2, WijkenEnBuurten: 'BU03637600', Gemeentenaam_1: 'Amsterdam', SoortRegio_2: 'Buurt', AantalInwoners_5: 6160, GemiddeldInkomenPerInwoner_83: -99997 },
        { ID: 3, WijkenEnBuurten: 'BU03637601', Gemeentenaam_1: 'Amsterdam', SoortRegio_2: 'Buurt', AantalInwoners_5: 3185, GemiddeldInkomenPerInwoner_83: null },
      ],
    };
    const report = await importIndicatorFile(ctx, { fileName: 'kwb-84583NED.json', data: JSON.stringify(odata), period: '2019', mapping: 'auto' });
    expect(report.format).toBe('cbs-odata');
    expect(report.values).toMatchObject({ new: 5, suppressed: 1 });
    expect(await valueOf(ctx, 'gemiddeld-inkomen-per-inwoner', 'BU03637600', '2019')).toEqual({ area: 'BU03637600', period: '2019', value: null, status: 'suppressed' });
    expect(await valueOf(ctx, 'gemiddeld-inkomen-per-inwoner', 'BU03637601', '2019')).toBeUndefined();
    expect(await valueOf(ctx, 'aantal-inwoners', 'BU03637601', '2019')).toMatchObject({ value: 3185 });
  });

  it('reads OData periods (2019JJ00) and a CSV with decimal points and space-padded numbers', async () => {
    const ctx = await workspaceWithNieuwWest();
    const csv = ['WijkenEnBuurten;Perioden;AantalInwoners_5;GemiddeldeHuishoudensgrootte_33', 'GM0363    ;2019JJ00;  862965;     1.8', 'WK036376  ;2019JJ00;    9345;     2.1'].join('\n');
    const report = await importIndicatorFile(ctx, { fileName: 'export.csv', data: csv, mapping: 'auto' });
    expect(report).toMatchObject({ format: 'table', periods: ['2019'], values: { new: 4 } });
    expect(await valueOf(ctx, 'gemiddelde-huishoudensgrootte', 'WK036376', '2019')).toMatchObject({ value: 2.1 });
    expect(await valueOf(ctx, 'aantal-inwoners', 'GM0363', '2019')).toMatchObject({ value: 862965 });
  });

  it.skipIf(!json2024.exists || !properties.exists)('imports the keyed JSON of 2024 with DataProperties titles: Amsterdam has 931,298 inhabitants', async () => {
    const ctx = await workspaceWithNieuwWest();
    const report = await importIndicatorFile(ctx, { fileName: path.basename(json2024.file), data: json2024.read(), metadata: properties.read(), mapping: 'auto' });
    expect(report.format).toBe('cbs-json');
    expect(report.periods).toEqual(['2024']);
    expect(report.indicatorsCreated).toContain('aantal-inwoners');
    expect(report.columns.find((c) => c.column === 'Woningvoorraad_35')).toMatchObject({ title: 'Woningvoorraad', unit: 'aantal', indicator: { code: 'woningvoorraad' } });
    // GM0363 of 2024 is matched to the workspace's Amsterdam (its code is the same since 2019).
    expect(await valueOf(ctx, 'aantal-inwoners', 'GM0363', '2024')).toMatchObject({ value: 931298, status: 'final' });
    // Wijken of the 2022 division are not areas of this workspace: reported, not imported.
    expect(report.skipped.find((s) => s.code === 'WK0363FA')).toMatchObject({ reasonId: 'indicator.skip.unknown_area', reason: expect.stringContaining('WK0363FA') });
    expect(report.skippedTotal).toBeGreaterThan(3000);
  });
});

describe('errors in a file', () => {
  it('reports bad rows and cells with their row number and column, and imports the rest', async () => {
    const ctx = await workspaceWithNieuwWest();
    await service.createIndicator(ctx, { code: 'jongeren', name: 'Jongeren in begeleiding', periodType: 'month' });
    const csv = ['gebied,periode,jongeren', 'WK036376,2024-01,12', 'WK036376,januari,13', 'WK036377,2024-01,veel', 'XX1234,2024-01,4', 'WK036377,2024-02,7', 'WK036377,2024-02,8', 'WK036378,2024,5'].join('\n');
    const report = await importIndicatorFile(ctx, { fileName: 'eigen.csv', data: csv, mapping: { jongeren: 'jongeren' } });
    expect(report.values.new).toBe(2);
    expect(report.skipped.map((s) => [s.row, s.reasonId])).toEqual([
      [3, 'indicator.skip.period_invalid'],
      [4, 'indicator.skip.not_a_number'],
      [5, 'indicator.skip.not_a_cbs_code'],
      [7, 'indicator.skip.duplicate_row'],
      [8, 'indicator.skip.period_type_mismatch'],
    ]);
    expect(report.skipped[1]).toMatchObject({ column: 'jongeren', code: 'WK036377', reason: 'waarde "veel" is geen getal' });
    expect(report.skipped[3]!.reason).toBe('gebied en periode komen al eerder voor in het bestand (rij 6)');
  });

  it('refuses a file it cannot read, and one without a period, with a reason', async () => {
    const ctx = await workspaceWithNieuwWest();
    const broken = await expectDomainError(importIndicatorFile(ctx, { fileName: 'x.json', data: '{"kapot":', mapping: 'auto' }), 'indicator.import_unreadable');
    expect(broken.fields[0]!.message).toBe('het bestand lijkt JSON maar is niet geldig');
    const noCode = await expectDomainError(importIndicatorFile(ctx, { fileName: 'x.csv', data: 'naam,waarde\nA,1\n', mapping: 'auto' }), 'indicator.import_unreadable');
    expect(noCode.fields[0]!.message).toMatch(/geen kolom met de gebiedscode/);
    await expectDomainError(importIndicatorFile(ctx, { fileName: 'cijfers.csv', data: 'code,inwoners\nGM0363,5\n', mapping: 'auto' }), 'indicator.import_period_unknown');
  });
});

describe('importing again and next year: only what changed is written, counts stay right', () => {
  const file = (rows: string[]) => ['code,inwoners,woningen', ...rows].join('\n');
  const first = file(['GM0363,862965,"1,5"', 'WK036376,9345,NA', 'BU03637600,6160,x']);
  const countOf = async (ctx: ServiceContext, code: string) => (await service.listIndicators(ctx)).items.find((i) => i.code === code)!;

  it('counts new, changed and unchanged figures per file, and keeps the count per indicator and period', async () => {
    const ctx = await workspaceWithNieuwWest();
    const progress: [number, number][] = [];
    const a = await importIndicatorFile(ctx, { fileName: 'eigen_2019.csv', data: first, mapping: 'auto' }, (done, total) => progress.push([done, total]));
    expect(a.values).toEqual({ new: 5, changed: 0, unchanged: 0, suppressed: 1 });
    expect(await valueOf(ctx, 'woningen', 'BU03637600', '2019')).toEqual({ area: 'BU03637600', period: '2019', value: null, status: 'suppressed' });
    expect(await valueOf(ctx, 'woningen', 'GM0363', '2019')).toMatchObject({ value: 1.5, status: 'final' });
    expect((await countOf(ctx, 'inwoners')).measurementCount).toBe(3);
    expect((await countOf(ctx, 'woningen')).measurementCount).toBe(2);
    // Progress in rows of the file: from 0 to all of them, never backwards.
    expect(progress[0]).toEqual([0, 3]);
    expect(progress.at(-1)).toEqual([3, 3]);
    expect(progress.every(([done, total], i) => total === 3 && done <= total && (i === 0 || done >= progress[i - 1]![0]))).toBe(true);

    // The same period again: one figure corrected, one buurt added, a suppressed figure now known.
    const b = await importIndicatorFile(ctx, { fileName: 'eigen_2019.csv', data: file(['GM0363,862966,"1,5"', 'WK036376,9345,NA', 'BU03637600,6160,"2,5"', 'BU03637601,3185,NA']) });
    expect(b.values).toEqual({ new: 1, changed: 2, unchanged: 3, suppressed: 0 });
    expect(await valueOf(ctx, 'inwoners', 'GM0363', '2019')).toMatchObject({ value: 862966 });
    expect(await valueOf(ctx, 'woningen', 'BU03637600', '2019')).toMatchObject({ value: 2.5, status: 'final' });
    expect((await countOf(ctx, 'inwoners')).measurementCount).toBe(4);
    expect((await countOf(ctx, 'woningen')).measurementCount).toBe(2);

    // Next year into the same indicators: all new, and counted per period.
    const c = await importIndicatorFile(ctx, { fileName: 'eigen_2020.csv', data: file(['GM0363,870000,NA', 'WK036376,9400,NA']) });
    expect(c.values).toEqual({ new: 2, changed: 0, unchanged: 0, suppressed: 0 });
    expect(c.indicatorsCreated).toEqual([]);
    expect(await countOf(ctx, 'inwoners')).toMatchObject({ measurementCount: 6, periods: ['2019', '2020'] });
    expect(await valueOf(ctx, 'inwoners', 'WK036376', '2020')).toMatchObject({ value: 9400 });
  });

  it('writes nothing of a batch of new figures when one of them was stored meanwhile, so the importer can compare instead', async () => {
    const ctx = await workspaceWithNieuwWest();
    await importIndicatorFile(ctx, { fileName: 'eigen_2019.csv', data: first, mapping: 'auto' });
    const inwoners = await countOf(ctx, 'inwoners');
    const dir = await AreaDirectory.load(ctx);
    const id = (code: string) => dir.resolve(code, '2019')!.id;
    const batch = (codes: string[]): repo.MeasurementColumns => ({ indicatorIds: codes.map(() => inwoners.id), areaIds: codes.map(id), periods: codes.map(() => '2019'), values: codes.map(() => 1), statuses: codes.map(() => 'final') });
    const ws = ctx.workspace!.id;
    await transaction(ctx.db, async (trx) => {
      // BU03637601 is new, GM0363 is stored already: nothing of the two is written, and the transaction goes on.
      expect(await repo.insertNewMeasurements(trx, ws, null, 'test', batch(['BU03637601', 'GM0363']))).toBeNull();
      expect(await repo.countMeasurements(trx, ws, inwoners.id)).toBe(3);
      expect(await repo.insertNewMeasurements(trx, ws, null, 'test', batch(['BU03637601']))).toBe(1);
      expect(await repo.upsertMeasurementColumns(trx, ws, null, 'test', batch(['BU03637601', 'GM0363', 'WK036376']))).toEqual({ inserted: 0, updated: 2 });
    });
    expect(await valueOf(ctx, 'inwoners', 'GM0363', '2019')).toMatchObject({ value: 1 });
    expect(await valueOf(ctx, 'inwoners', 'BU03637601', '2019')).toMatchObject({ value: 1 });
  });
});

describe('reading CSV', () => {
  const csvParse = (text: string) => {
    try {
      return parseCsv(text, { bom: true, delimiter: ',', relax_column_count: true, skip_empty_lines: true }) as string[][];
    } catch {
      return 'refused';
    }
  };

  it('reads well-formed CSV exactly as csv-parse does, and leaves anything odd to csv-parse', () => {
    const pieces = ['a', '1', ',', ',', '"', '""', '\n', '\r\n', '\r', ' ', ';', 'NA', '"2,5"'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let read = 0;
    for (let k = 0; k < 20_000; k++) {
      let text = k % 7 === 0 ? '\ufeff' : '';
      for (let n = Math.floor(next() * 14); n > 0; n--) text += pieces[Math.floor(next() * pieces.length)];
      const fast = splitCsv(text, ',');
      if (fast === null) continue;
      read++;
      expect([text, fast]).toEqual([text, csvParse(text)]);
    }
    // Most of these odd snippets are well-formed; the rest went to csv-parse.
    expect(read).toBeGreaterThan(5_000);
    expect(splitCsv('a,b\n"1"x,2\n', ',')).toBeNull();
    expect(splitCsv('code,waarde\r\n"GM0363    ","2,1"\r\nWK036376,NA\r\n', ',')).toEqual([
      ['code', 'waarde'],
      ['GM0363    ', '2,1'],
      ['WK036376', 'NA'],
    ]);
  });

  it.skipIf(!csv2019.exists)('reads the R-written 2019 file the same as csv-parse', () => {
    const text = csv2019.read();
    expect(splitCsv(text, ',')).toEqual(csvParse(text));
  });
});
