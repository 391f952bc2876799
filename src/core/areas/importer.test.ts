import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, startDichter, type TestDichter } from '../../../test/harness';
import { listAudit } from '../../platform/audit';
import type { ServiceContext } from '../../platform/context';
import { DomainError } from '../../platform/errors';
import { importAreaFile } from './importer';
import { seedDemoAreas } from './seeds';
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
const geojson = sharedFile('buurten.geojson');

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
  const scope = await d.app.registry.tenancy({ ...d.cli, actor: { userId: owner.id, email: owner.email, name: owner.name, isAdmin: false, via: 'token' } }, slug);
  return { ...d.cli, actor: { userId: owner.id, email: owner.email, name: owner.name, isAdmin: false, via: 'token' }, workspace: scope! };
}

async function allAreas(ctx: ServiceContext) {
  return (await service.exportAreas(ctx)).areas;
}
const auditCount = async (ctx: ServiceContext) => (await listAudit(ctx.db, ctx.workspace!.id, { limit: 1, offset: 0 })).total;

async function expectDomainError(promise: Promise<unknown>, id: string) {
  const err = await promise.then(
    () => undefined,
    (e) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  expect((err as DomainError).id).toBe(id);
  return err as DomainError;
}

describe('importing the CBS Kerncijfers 2019 of Amsterdam (R-written CSV)', () => {
  let ctx: ServiceContext;
  beforeAll(async () => {
    ctx = await newWorkspace();
  });

  it.skipIf(!csv2019.exists)('creates 1 gemeente, 99 wijken and 479 buurten, each under the right parent', async () => {
    const progress: [number, number][] = [];
    const report = await importAreaFile(ctx, { fileName: path.basename(csv2019.file), content: csv2019.read() }, (done, total) => progress.push([done, total]));
    expect(report).toMatchObject({ format: 'cbs-csv', year: 2019, created: 579, updated: 0, unchanged: 0 });
    expect(report.skipped).toEqual([{ row: 2, code: 'NL00', reasonId: 'area.skip.unknown_kind', reason: 'onbekende regiosoort "Land"' }]);
    expect(progress.at(-1)).toEqual([580, 580]);

    const areas = await allAreas(ctx);
    const count = (kind: string) => areas.filter((a) => a.kind === kind).length;
    expect([count('gemeente'), count('wijk'), count('buurt')]).toEqual([1, 99, 479]);
    const byId = new Map(areas.map((a) => [a.id, a]));
    const amsterdam = areas.find((a) => a.code === 'GM0363')!;
    expect(amsterdam).toMatchObject({ name: 'Amsterdam', year: 2019, population: 862965, parentId: null });
    for (const wijk of areas.filter((a) => a.kind === 'wijk')) expect(wijk.parentId).toBe(amsterdam.id);
    for (const buurt of areas.filter((a) => a.kind === 'buurt')) expect(byId.get(buurt.parentId!)?.code).toBe(`WK${buurt.code!.slice(2, 8)}`);
    expect(areas.find((a) => a.code === 'BU03630000')).toMatchObject({ name: 'Kop Zeedijk', population: 1035 });
  });

  it.skipIf(!csv2019.exists)('changes nothing when the same file is imported again', async () => {
    const before = await allAreas(ctx);
    const auditBefore = await auditCount(ctx);
    const report = await importAreaFile(ctx, { fileName: path.basename(csv2019.file), content: csv2019.read() });
    expect(report).toMatchObject({ created: 0, updated: 0, unchanged: 579 });
    expect(report.skipped).toHaveLength(1);
    const after = await allAreas(ctx);
    expect(after).toHaveLength(579);
    expect(after.map((a) => [a.id, a.updatedAt.toISOString()])).toEqual(before.map((a) => [a.id, a.updatedAt.toISOString()]));
    expect(await auditCount(ctx)).toBe(auditBefore);
  });

  it.skipIf(!csv2019.exists)('writes one audit row per import, not one per area', async () => {
    const log = await listAudit(ctx.db, ctx.workspace!.id, { entity: 'area_import', limit: 10, offset: 0 });
    expect(log.total).toBe(1);
    expect(log.items[0].changes).toMatchObject({ created: { after: 579 }, year: { after: 2019 }, format: { after: 'cbs-csv' } });
    // The log names the import by its file.
    expect(log.items[0].entityLabel).toBe('Kerncijfers_wijken_en_buurten_2019.csv');
  });
});

describe('importing a file with problems in some rows', () => {
  const header = '"","Wijken.en.buurten","Regioaanduiding.Soort.regio..omschrijving.","Regioaanduiding.Codering..code.","Bevolking.Aantal.inwoners..aantal."';

  it('imports the good rows and reports the malformed row and the area without a known parent', async () => {
    const ctx = await newWorkspace();
    const content = [
      header,
      '"1","Amsterdam","Gemeente  ","GM0363    ",862965',
      '"2","Osdorp-Oost","Wijk      ","WK036381  ",16295',
      '"3","Kapotte code","Wijk      ","WK03638   ",100',
      '"4","Buurt zonder wijk","Buurt     ","BU03639901",50',
      '"5","Osdorper Binnenpolder","Buurt     ","BU03638100","-99997"',
    ].join('\n');
    const report = await importAreaFile(ctx, { fileName: 'wijken_2019.csv', content });
    expect(report).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
    expect(report.skipped).toEqual([
      { row: 4, code: 'WK03638', reasonId: 'area.skip.invalid_code', reason: 'code "WK03638" is geen geldige wijkcode (verwacht bijvoorbeeld WK036305)' },
      { row: 5, code: 'BU03639901', reasonId: 'area.skip.parent_missing', reason: 'bovenliggende wijk WK036399 staat niet in het bestand en ook niet in de gebiedsindeling van 2019' },
    ]);
    const areas = await allAreas(ctx);
    expect(areas.map((a) => a.code)).toEqual(['GM0363', 'WK036381', 'BU03638100']);
    expect(areas.find((a) => a.code === 'BU03638100')!.population).toBeNull();
  });

  it('finds a parent that an earlier import of the same year brought in', async () => {
    const ctx = await newWorkspace();
    await importAreaFile(ctx, { fileName: 'gemeente.csv', year: 2019, content: `${header}\n"1","Amsterdam","Gemeente","GM0363",862965\n` });
    const report = await importAreaFile(ctx, { fileName: 'wijk.csv', year: 2019, content: `${header}\n"1","De Punt","Wijk","WK036383",6130\n` });
    expect(report).toMatchObject({ created: 1, skipped: [] });
    const other = await importAreaFile(ctx, { fileName: 'wijk.csv', year: 2020, content: `${header}\n"1","De Punt","Wijk","WK036383",6130\n` });
    expect(other.skipped[0].reason).toBe('bovenliggende gemeente GM0363 staat niet in het bestand en ook niet in de gebiedsindeling van 2020');
    const inEnglish = await importAreaFile({ ...ctx, locale: 'en' }, { fileName: 'wijk.csv', year: 2021, content: `${header}\n"1","De Punt","Wijk","WK036383",6130\n` });
    expect(inEnglish.skipped[0]).toMatchObject({ reasonId: 'area.skip.parent_missing', reason: 'the municipality (gemeente) GM0363 above it is in neither the file nor the area division of 2021' });
  });

  it('asks for the year when neither the request nor the file name gives it', async () => {
    const ctx = await newWorkspace();
    const err = await expectDomainError(importAreaFile(ctx, { fileName: 'wijken.csv', content: `${header}\n"1","Amsterdam","Gemeente","GM0363",1\n` }), 'area.import_year_unknown');
    expect(err.fields[0].path).toBe('year');
  });

  it('refuses a file that is no area table at all, and changes nothing', async () => {
    const ctx = await newWorkspace();
    const err = await expectDomainError(importAreaFile(ctx, { fileName: 'notities_2024.csv', content: 'boodschappen\nmelk\nbrood\n' }), 'area.import_unreadable');
    expect(err.fields).toEqual([{ path: 'content', message: 'geen kolom met de CBS-code gevonden (bijvoorbeeld "Regioaanduiding.Codering..code.")' }]);
    expect(await allAreas(ctx)).toHaveLength(0);
  });
});

describe('importing the CBS JSON of 2024 and the Amsterdam buurt boundaries', () => {
  let ctx: ServiceContext;
  beforeAll(async () => {
    ctx = await newWorkspace();
  });

  it.skipIf(!json2024.exists)('creates 342 gemeenten and 3,393 wijken, each wijk under its gemeente, in seconds', async () => {
    const started = performance.now();
    const report = await importAreaFile(ctx, { fileName: path.basename(json2024.file), content: json2024.read() });
    const ms = Math.round(performance.now() - started);
    console.log(`import 2024 JSON (3,735 gebieden): ${ms} ms`);
    expect(report).toMatchObject({ format: 'cbs-json', year: 2024, created: 3735, updated: 0, unchanged: 0, skipped: [] });
    expect(ms).toBeLessThan(30_000);

    const areas = await allAreas(ctx);
    const gemeenten = areas.filter((a) => a.kind === 'gemeente');
    const wijken = areas.filter((a) => a.kind === 'wijk');
    expect([gemeenten.length, wijken.length]).toEqual([342, 3393]);
    const codeOf = new Map(areas.map((a) => [a.id, a.code]));
    for (const wijk of wijken) expect(codeOf.get(wijk.parentId!)).toBe(`GM${wijk.code!.slice(2, 6)}`);
    // The file has no names: an area is called by its code until a better name comes.
    expect(areas.find((a) => a.code === 'GM0363')).toMatchObject({ name: 'GM0363', population: 931298 });
  });

  it.skipIf(!json2024.exists || !geojson.exists)('gives 518 Amsterdam buurten their boundary and name, under their wijk of 2024', async () => {
    const started = performance.now();
    // No year in the file name: the latest division in the workspace (2024) is used.
    const report = await importAreaFile(ctx, { fileName: path.basename(geojson.file), content: geojson.read() });
    const ms = Math.round(performance.now() - started);
    console.log(`import GeoJSON (518 buurten met grenzen): ${ms} ms`);
    expect(report).toMatchObject({ format: 'geojson', year: 2024, created: 518, updated: 0, unchanged: 0, skipped: [] });

    const areas = await allAreas(ctx);
    const buurten = areas.filter((a) => a.kind === 'buurt');
    expect(buurten).toHaveLength(518);
    expect(buurten.every((b) => b.geometry?.type === 'Polygon')).toBe(true);
    const plancius = buurten.find((b) => b.code === 'BU0363AA01')!;
    expect(plancius.name).toBe('Planciusbuurt-Noord');
    expect(areas.find((a) => a.id === plancius.parentId)?.code).toBe('WK0363AA');
    expect(buurten.every((b) => b.parentId !== null)).toBe(true);

    const map = await service.areasAsGeoJson(ctx, { kind: 'buurt', year: 2024 });
    expect(map.features).toHaveLength(518);
    expect(map.features[0].properties).toMatchObject({ kind: 'buurt', year: 2024 });
  });

  it.skipIf(!json2024.exists || !geojson.exists)('keeps names given by hand and changes nothing on a second import of both files', async () => {
    const centrum = (await service.listAreas(ctx, { q: 'WK0363AA', year: 2024, limit: 10, offset: 0 })).items[0];
    await service.updateArea(ctx, centrum.id, { name: 'Burgwallen-Oude Zijde' });
    const auditBefore = await auditCount(ctx);

    const again = await importAreaFile(ctx, { fileName: path.basename(json2024.file), content: json2024.read() });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3735 });
    const boundaries = await importAreaFile(ctx, { fileName: path.basename(geojson.file), content: geojson.read() });
    expect(boundaries).toMatchObject({ created: 0, updated: 0, unchanged: 518 });
    expect((await service.getArea(ctx, centrum.id)).name).toBe('Burgwallen-Oude Zijde');
    expect(await auditCount(ctx)).toBe(auditBefore);
  });

  it.skipIf(!json2024.exists)('leaves no area behind when an import fails halfway', async () => {
    const fresh = await newWorkspace();
    const failing = importAreaFile(fresh, { fileName: path.basename(json2024.file), content: json2024.read() }, (done) => {
      if (done > 1000) throw new Error('verbinding verbroken');
    });
    await expect(failing).rejects.toThrow('verbinding verbroken');
    expect(await allAreas(fresh)).toHaveLength(0);
  });
});

describe('boundaries without a year anywhere', () => {
  it('fall into the latest year in which a boundary became valid, without parent when the wijk is unknown', async () => {
    const ctx = await newWorkspace();
    const square = { type: 'Polygon', coordinates: [[[4.8, 52.3], [4.81, 52.3], [4.81, 52.31], [4.8, 52.3]]] };
    const content = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: square, properties: { cbsCode: 'BU0363AA01', naam: 'Planciusbuurt-Noord', beginGeldigheid: '2022-03-24T00:00:00' } },
        { type: 'Feature', geometry: square, properties: { cbsCode: 'BU0363AD03', naam: 'Nieuwe buurt', beginGeldigheid: '2023-10-25T00:00:00' } },
      ],
    });
    const report = await importAreaFile(ctx, { fileName: 'buurten.geojson', content });
    expect(report).toMatchObject({ year: 2023, created: 2, skipped: [] });
    expect((await allAreas(ctx)).map((a) => [a.code, a.parentId])).toEqual([
      ['BU0363AA01', null],
      ['BU0363AD03', null],
    ]);
  });
});

describe('the demo areas shipped with dichter', () => {
  it('bring Amsterdam with the 14 wijken and 61 buurten of Nieuw-West, and a second run changes nothing', async () => {
    const ctx = await newWorkspace();
    const lines: string[] = [];
    const demo = { workspaceSlug: ctx.workspace!.slug, workspaceName: 'Demo', workspaceDescription: '', log: (line: string) => lines.push(line) };
    await seedDemoAreas(ctx, demo);
    await seedDemoAreas(ctx, demo);
    const areas = await allAreas(ctx);
    expect(['gemeente', 'wijk', 'buurt'].map((k) => areas.filter((a) => a.kind === k).length)).toEqual([1, 14, 61]);
    expect(areas.filter((a) => a.kind === 'wijk').map((a) => a.name)).toContain('Geuzenveld');
    expect(lines).toEqual(['gebiedsindeling 2019: 76 nieuw, 0 bijgewerkt, 0 ongewijzigd', 'gebiedsindeling 2019: 0 nieuw, 0 bijgewerkt, 76 ongewijzigd']);
  });
});
