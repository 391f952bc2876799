import { readFile } from 'node:fs/promises';
import type { ServiceContext } from '../../platform/context';
import type { DemoContext } from '../../platform/module';
import { importAreaFile } from './importer';

/** CBS Kerncijfers wijken en buurten 2019, trimmed to Amsterdam and stadsdeel Nieuw-West (see data/SOURCE.md). */
export const DEMO_AREA_FILE = new URL('./data/kwb-2019-amsterdam-nieuw-west.csv', import.meta.url);

/** Imports Amsterdam with the wijken and buurten of Nieuw-West through the real importer; a rerun changes nothing. */
export async function seedDemoAreas(ctx: ServiceContext, demo: DemoContext) {
  if (!ctx.workspace) return;
  const content = await readFile(DEMO_AREA_FILE, 'utf8');
  const report = await importAreaFile(ctx, { fileName: 'kwb-2019-amsterdam-nieuw-west.csv', content });
  demo.log(`gebiedsindeling ${report.year}: ${report.created} nieuw, ${report.updated} bijgewerkt, ${report.unchanged} ongewijzigd`);
}
