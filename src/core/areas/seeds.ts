import { readFile } from 'node:fs/promises';
import type { ServiceContext } from '../../platform/context';
import type { DemoContext } from '../../platform/module';
import { listMembers } from '../workspaces/service';
import { importAreaFile } from './importer';
import * as repo from './repository';
import { setAreaTeam } from './service';

/** CBS Kerncijfers wijken en buurten 2019, trimmed to Amsterdam and stadsdeel Nieuw-West (see data/SOURCE.md). */
export const DEMO_AREA_FILE = new URL('./data/kwb-2019-amsterdam-nieuw-west.csv', import.meta.url);

/**
 * Imports Amsterdam with the wijken and buurten of Nieuw-West through the real importer, and
 * gives wijk Osdorp-Oost a wijkteam with the demo professional as its contact; a rerun changes nothing.
 */
export async function seedDemoAreas(ctx: ServiceContext, demo: DemoContext) {
  if (!ctx.workspace) return;
  const content = await readFile(DEMO_AREA_FILE, 'utf8');
  const report = await importAreaFile(ctx, { fileName: 'kwb-2019-amsterdam-nieuw-west.csv', content });
  demo.log(`gebiedsindeling ${report.year}: ${report.created} nieuw, ${report.updated} bijgewerkt, ${report.unchanged} ongewijzigd`);
  const wijk = await repo.findAreaByCode(ctx.db, ctx.workspace.id, report.year, DEMO_TEAM.wijk);
  const members = await listMembers(ctx);
  const team = DEMO_TEAM.members.map((email, i) => ({ userId: members.find((m) => m.email === email)?.userId, contact: i === 0 }));
  if (wijk && team.every((m) => m.userId)) {
    await setAreaTeam(ctx, wijk.id, { members: team as { userId: string; contact: boolean }[] });
    demo.log(`wijkteam ${wijk.name}: ${team.length} leden`);
  }
}

const DEMO_TEAM = { wijk: 'WK036381', members: ['professional@demo.dichter.nl', 'programmamanager@demo.dichter.nl'] };
