import { readFile } from 'node:fs/promises';
import type { ServiceContext } from '../../platform/context';
import type { DemoContext } from '../../platform/module';
import { listNodes } from '../ladder/service';
import { importIndicatorFile } from './importer';
import * as repo from './repository';
import type { CreateIndicatorInput } from './schema';
import { createIndicator, storePanel } from './service';

/*
 * The indicators of the demo "Nieuw-West Verbindt": real CBS figures of Amsterdam and the wijken
 * and buurten of Nieuw-West (2019, and Amsterdam 2024; see data/SOURCE.md, "Bron: CBS"), two
 * formulas over them, two of the programme's own indicators (monthly and quarterly, made up), and
 * made-up panel data for average income in Slotermeer Zuid that shows a composition effect: the
 * mean rises mostly because people with higher incomes moved in and people with lower incomes left.
 */

export const DEMO_CBS_2019 = new URL('./data/kwb-2019-nieuw-west-indicatoren.csv', import.meta.url);
export const DEMO_CBS_2024 = new URL('./data/kwb-2024-amsterdam.json', import.meta.url);

const CBS = 'Bron: CBS, Kerncijfers wijken en buurten.';

/** The CBS indicators, named as CBS names them, with the column of each file they come from. */
const CBS_INDICATORS: (CreateIndicatorInput & { columns: string[] })[] = [
  { code: 'inwoners', name: 'Aantal inwoners', unit: 'aantal', direction: 'neutral', columns: ['Bevolking.Aantal.inwoners..aantal.', 'AantalInwoners_5'] },
  { code: 'mannen', name: 'Mannen', unit: 'aantal', direction: 'neutral', columns: ['Bevolking.Geslacht.Mannen..aantal.', 'Mannen_6'] },
  { code: 'vrouwen', name: 'Vrouwen', unit: 'aantal', direction: 'neutral', columns: ['Bevolking.Geslacht.Vrouwen..aantal.', 'Vrouwen_7'] },
  { code: 'inwoners-65-plus', name: '65 jaar of ouder', unit: 'aantal', direction: 'neutral', columns: ['Bevolking.Leeftijdsgroepen.65.jaar.of.ouder..aantal.'] },
  { code: 'huishoudens', name: 'Huishoudens totaal', unit: 'aantal', direction: 'neutral', columns: ['Bevolking.Particuliere.huishoudens.Huishoudens.totaal..aantal.'] },
  { code: 'bevolkingsdichtheid', name: 'Bevolkingsdichtheid', unit: 'aantal inwoners per km²', direction: 'neutral', compositionSensitive: false, columns: ['Bevolking.Bevolkingsdichtheid..aantal.inwoners.per.km..', 'Bevolkingsdichtheid_34'] },
  { code: 'woningvoorraad', name: 'Woningvoorraad', unit: 'aantal', direction: 'neutral', columns: ['Wonen.Woningvoorraad..aantal.', 'Woningvoorraad_35'] },
  { code: 'woz-waarde', name: 'Gemiddelde WOZ-waarde van woningen', unit: 'x 1 000 euro', direction: 'neutral', columns: ['Wonen.Gemiddelde.WOZ.waarde.van.woningen..x.1.000.euro.'] },
  {
    code: 'inkomen-per-inwoner',
    name: 'Gemiddeld inkomen per inwoner',
    unit: 'x 1 000 euro',
    direction: 'higher',
    description: `Het gemiddelde inkomen van de inwoners. Stijgt ook als mensen met een hoger inkomen komen wonen: kijk naar de samenstelling. ${CBS}`,
    columns: ['Inkomen.Inkomen.van.personen.Gemiddeld.inkomen.per.inwoner...x.1.000.euro.'],
  },
  {
    code: 'huishoudens-laag-inkomen',
    name: 'Huishoudens met een laag inkomen',
    unit: '%',
    direction: 'lower',
    columns: ['Inkomen.Inkomen.van.huishoudens.Huishoudens.met.een.laag.inkomen....'],
  },
  { code: 'bijstand', name: 'Personen met bijstand', unit: 'aantal', direction: 'neutral', columns: ['Sociale.zekerheid.Personen.per.soort.uitkering..Bijstand..aantal.'] },
];

const FORMULAS: CreateIndicatorInput[] = [
  {
    code: 'bijstand-per-1000',
    name: 'Bijstand per 1.000 inwoners',
    unit: 'per 1 000 inwoners',
    direction: 'lower',
    source: 'formula',
    formula: { numerator: 'bijstand', denominator: 'inwoners', factor: 1000 },
    description: 'Personen met een bijstandsuitkering per 1.000 inwoners: berekend uit twee CBS-cijfers, opgeteld als verhouding van de sommen.',
  },
  {
    code: 'aandeel-65-plus',
    name: 'Aandeel 65-plussers',
    unit: '%',
    direction: 'neutral',
    source: 'formula',
    formula: { numerator: 'inwoners-65-plus', denominator: 'inwoners', factor: 100 },
    description: 'Inwoners van 65 jaar of ouder als percentage van alle inwoners.',
  },
];

const OWN: CreateIndicatorInput[] = [
  {
    code: 'jongeren-schulden-begeleiding',
    name: 'Jongeren met schulden in begeleiding',
    unit: 'aantal',
    direction: 'neutral',
    periodType: 'month',
    description: 'Jongeren (18–27) met problematische schulden die het Jongeren Perspectief Fonds begeleidt, aan het eind van de maand. Meer is niet slechter: het laat zien wie we bereiken.',
  },
  {
    code: 'bezoekers-geldcafe',
    name: 'Bezoekers van het geldcafé',
    unit: 'aantal',
    direction: 'higher',
    periodType: 'quarter',
    description: 'Bezoeken aan het geldcafé per kwartaal (turflijst van de vrijwilligers).',
  },
];

/** Months from 2025-06 to 2026-10 and quarters from 2025-Q1 to 2026-Q3. */
const MONTHS = Array.from({ length: 17 }, (_, i) => {
  const m = 5 + i;
  return `${2025 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
});
const QUARTERS = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'];

function ownTables() {
  const youth: string[] = ['gebied,periode,jongeren'];
  const wijken: [string, number, number][] = [
    ['WK036377', 6, 1.2],
    ['WK036378', 4, 0.9],
    ['WK036380', 3, 0.6],
    ['WK036382', 2, 0.5],
  ];
  for (const [code, start, growth] of wijken) MONTHS.forEach((p, i) => youth.push(`${code},${p},${Math.round(start + growth * i - (i > 12 ? (i - 12) * 0.8 : 0))}`));
  const cafe: string[] = ['gebied;periode;bezoekers'];
  const visits: Record<string, number[]> = { WK036377: [42, 55, 38, 61, 70, 66, 81], WK036378: [12, 19, 23, 20, 31, 35, 40] };
  for (const [code, list] of Object.entries(visits)) QUARTERS.forEach((p, i) => cafe.push(`${code};${p};${list[i]}`));
  return { youth: youth.join('\n'), cafe: cafe.join('\n') };
}

/**
 * A made-up panel for average income (× €1,000) in Slotermeer Zuid (BU03637700), 2019 and 2024:
 * 30 residents stayed (their own income rose a little), 10 with low incomes moved out to
 * Noordoever Sloterplas, 12 with higher incomes moved in. The mean rises by about 4, most of it entry and exit.
 */
export function demoPanel() {
  const records: { person: string; period: string; area: string; value: number }[] = [];
  const id = (n: number) => `demo-${String(n).padStart(4, '0')}`;
  for (let i = 0; i < 30; i++) {
    const base = 17 + ((i * 7) % 9);
    records.push({ person: id(i), period: '2019', area: 'BU03637700', value: base }, { person: id(i), period: '2024', area: 'BU03637700', value: base + 0.5 + ((i * 3) % 5) / 10 });
  }
  for (let i = 30; i < 40; i++) {
    const base = 11 + ((i * 5) % 4);
    records.push({ person: id(i), period: '2019', area: 'BU03637700', value: base }, { person: id(i), period: '2024', area: 'BU03637701', value: base + 0.4 });
  }
  for (let i = 40; i < 52; i++) records.push({ person: id(i), period: '2024', area: 'BU03637700', value: 32 + ((i * 7) % 11) });
  return records;
}

/** Idempotent: does nothing when the workspace already has indicators. */
export async function seedDemoIndicators(ctx: ServiceContext, demo: DemoContext) {
  const scope = ctx.workspace;
  if (!scope) return;
  if ((await repo.listIndicators(ctx.db, scope.id)).length > 0) return;

  const actionLines = (await listNodes(ctx, { rung: 'action_line', limit: 100, offset: 0 })).items;
  const jpf = actionLines.find((n) => /jongeren/i.test(n.title)) ?? actionLines[0];
  const money = actionLines.find((n) => /geld|schuld|armoede/i.test(n.title)) ?? jpf;
  const linked: Record<string, string[]> = {
    'jongeren-schulden-begeleiding': jpf ? [jpf.id] : [],
    'bijstand-per-1000': money ? [money.id] : [],
    'huishoudens-laag-inkomen': money ? [money.id] : [],
    'inkomen-per-inwoner': money ? [money.id] : [],
    'bezoekers-geldcafe': money ? [money.id] : [],
  };

  for (const { columns: _columns, ...input } of CBS_INDICATORS) {
    await createIndicator(ctx, { ...input, source: 'import', description: input.description ?? `${input.name}. ${CBS}`, ladderNodeIds: linked[input.code] ?? [] });
  }
  for (const input of [...FORMULAS, ...OWN]) await createIndicator(ctx, { ...input, ladderNodeIds: linked[input.code] ?? [] });

  const mapping = Object.fromEntries(CBS_INDICATORS.flatMap((i) => i.columns.map((c) => [c, i.code] as const)));
  const r2019 = await importIndicatorFile(ctx, { fileName: 'kwb-2019-nieuw-west-indicatoren.csv', data: await readFile(DEMO_CBS_2019, 'utf8'), mapping });
  const r2024 = await importIndicatorFile(ctx, { fileName: 'kwb-2024-amsterdam.json', data: await readFile(DEMO_CBS_2024, 'utf8'), period: '2024', mapping });
  const tables = ownTables();
  const youth = await importIndicatorFile(ctx, { fileName: 'jongeren-in-begeleiding.csv', data: tables.youth, mapping: { jongeren: 'jongeren-schulden-begeleiding' } });
  const cafe = await importIndicatorFile(ctx, { fileName: 'geldcafe-bezoekers.csv', data: tables.cafe, mapping: { bezoekers: 'bezoekers-geldcafe' } });
  const panel = await storePanel(ctx, 'inkomen-per-inwoner', { records: demoPanel() });
  const count = (r: typeof r2019) => r.values.new + r.values.changed;
  demo.log(
    `indicatoren: ${CBS_INDICATORS.length + FORMULAS.length + OWN.length}, metingen ${count(r2019) + count(r2024) + count(youth) + count(cafe)} (CBS 2019: ${count(r2019)}, 2024: ${count(r2024)}), paneel ${panel.total} records`,
  );
}
