import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importAreaFile } from '../../src/core/areas/importer';
import { DEMO_AREA_FILE } from '../../src/core/areas/seeds';
import type { ServiceContext } from '../../src/platform/context';
import type { App } from '../../src/platform/http/app';
import { PARTNER_TYPES } from '../../src/core/workspaces/schema';

/** CBS Kerncijfers wijken en buurten 2019 for Amsterdam: 579 areas, 479 of them buurten. */
const CBS_AMSTERDAM_2019 = '/work/shared/data/cbs/Kerncijfers_wijken_en_buurten_2019.csv';

export interface SeededData {
  /** What the load reads. */
  endpoint: 'areas' | 'partners';
  /** The route as Fastify knows it. */
  route: string;
  /** The URL the load requests (path and query). */
  url: string;
  description: string;
  source: string | null;
  /** Items the endpoint must return. */
  expectedItems: number;
  counts: Record<string, number>;
}

export interface SeedInput {
  app: App;
  ctx: ServiceContext;
  slug: string;
  token: string;
}

/** Fills the workspace with what the read endpoint lists. */
export async function seedReadData(input: SeedInput): Promise<SeededData> {
  const hasAreas = input.app.server.hasRoute({ method: 'GET', url: '/api/w/:workspace/areas' });
  return hasAreas ? seedAreas(input) : seedPartners(input);
}

/** The real CBS file through the real importer; the shipped extract when /work/shared is absent. */
async function seedAreas({ app, ctx, slug, token }: SeedInput): Promise<SeededData> {
  const file = fs.existsSync(CBS_AMSTERDAM_2019) ? CBS_AMSTERDAM_2019 : fileURLToPath(DEMO_AREA_FILE);
  const fileName = file.split('/').pop()!;
  const report = await importAreaFile(ctx, { fileName, content: fs.readFileSync(file, 'utf8'), year: 2019 });
  if (report.created === 0) throw new Error(`area import created nothing: ${JSON.stringify(report).slice(0, 500)}`);
  const counts: Record<string, number> = { imported: report.created, skipped: report.skipped.length };
  for (const kind of ['gemeente', 'wijk', 'buurt']) {
    const res = await app.server.inject({ url: `/api/w/${slug}/areas?kind=${kind}&limit=1`, headers: { authorization: `Bearer ${token}` } });
    if (res.statusCode !== 200) throw new Error(`areas?kind=${kind} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
    counts[kind] = (JSON.parse(res.body) as { total: number }).total;
  }
  // As the brief names it: the default page (the API's default limit), with the total of all buurten.
  const url = `/api/w/${slug}/areas?kind=buurt`;
  const page = await app.server.inject({ url, headers: { authorization: `Bearer ${token}` } });
  const pageItems = (JSON.parse(page.body) as { items: unknown[] }).items.length;
  return {
    endpoint: 'areas',
    route: '/api/w/:workspace/areas',
    url,
    description: `${report.created} areas imported from ${fileName} with importAreaFile (${counts.gemeente} gemeente, ${counts.wijk} wijken, ${counts.buurt} buurten; ${report.skipped.length} rows skipped)`,
    source: file,
    expectedItems: pageItems,
    counts,
  };
}

/** Stand-in until the areas module has routes: partners, written through the API. */
async function seedPartners({ app, slug, token }: SeedInput): Promise<SeededData> {
  const count = 100;
  for (let i = 0; i < count; i++) {
    const res = await app.server.inject({
      method: 'POST',
      url: `/api/w/${slug}/partners`,
      headers: { authorization: `Bearer ${token}` },
      payload: {
        name: `Partnerorganisatie ${String(i + 1).padStart(3, '0')}`,
        type: PARTNER_TYPES[i % PARTNER_TYPES.length],
        description: 'Werkt mee aan leefbaarheid en kansen in de buurt; voorbeeldtekst van gemiddelde lengte voor de benchmark.',
        website: `https://partner-${i + 1}.example.org`,
      },
    });
    if (res.statusCode !== 201) throw new Error(`partner not created: ${res.statusCode} ${res.body}`);
  }
  return {
    endpoint: 'partners',
    route: '/api/w/:workspace/partners',
    url: `/api/w/${slug}/partners`,
    description: `${count} partners created through the API`,
    source: null,
    expectedItems: count,
    counts: { partners: count },
  };
}
