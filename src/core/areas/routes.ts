import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor, ServiceContext } from '../../platform/context';
import { DomainError } from '../../platform/errors';
import { errorResponses, listOf, paging, scopedErrors } from '../../platform/http/schema';
import { findWorkspaceForPublicPage } from '../workspaces/service';
import { importAreaFile } from './importer';
import * as s from './schema';
import * as service from './service';

const tags = ['gebieden'];

/** Routes under `/api/w/:workspace`; the platform has already checked membership. */
export const routes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const workspace = z.object({ workspace: z.string().max(100) });
  const areaParams = workspace.extend(s.areaParams.shape);

  api.get(
    '/areas',
    { schema: { tags, summary: 'Gebieden: gemeenten, wijken, buurten en eigen gebieden', params: workspace, querystring: s.areaListQuery, response: { 200: s.areaListView, ...scopedErrors() } } },
    async (req) => service.listAreas(req.ctx, req.query),
  );
  api.get(
    '/areas/geojson',
    { schema: { tags, summary: 'Gebieden met grenzen als GeoJSON (voor een kaart)', params: workspace, querystring: s.areaGeoJsonQuery, response: { 200: s.areaFeatureCollection, ...scopedErrors() } } },
    async (req) => service.areasAsGeoJson(req.ctx, req.query),
  );
  api.get('/areas/years', { schema: { tags, summary: 'Jaren van de gebiedsindelingen', params: workspace, response: { 200: listOf(s.areaYearView), ...scopedErrors() } } }, async (req) =>
    service.listAreaYears(req.ctx),
  );
  api.post(
    '/areas/import',
    {
      // A national CBS file or a city's boundaries easily exceed the default 1 MB.
      bodyLimit: 40 * 1024 * 1024,
      schema: { tags, summary: 'Gebieden importeren uit een CBS-bestand (CSV of JSON) of GeoJSON', params: workspace, body: s.importAreasBody, response: { 200: s.importReportView, ...scopedErrors(413) } },
    },
    async (req) => importAreaFile(req.ctx, req.body),
  );
  api.post(
    '/areas',
    { schema: { tags, summary: 'Gebied toevoegen (bijvoorbeeld een straat of complex)', params: workspace, body: s.createAreaBody, response: { 201: s.areaView, ...scopedErrors(409) } } },
    async (req, reply) => reply.code(201).send(await service.createArea(req.ctx, req.body)),
  );
  api.get('/areas/:areaId', { schema: { tags, summary: 'Eén gebied', params: areaParams, response: { 200: s.areaView, ...scopedErrors() } } }, async (req) =>
    service.getArea(req.ctx, req.params.areaId),
  );
  api.patch(
    '/areas/:areaId',
    { schema: { tags, summary: 'Gebied hernoemen of verplaatsen', params: areaParams, body: s.updateAreaBody, response: { 200: s.areaView, ...scopedErrors(409) } } },
    async (req) => service.updateArea(req.ctx, req.params.areaId, req.body),
  );
  api.delete('/areas/:areaId', { schema: { tags, summary: 'Gebied verwijderen', params: areaParams, response: { 204: z.null(), ...scopedErrors(409) } } }, async (req, reply) => {
    await service.deleteArea(req.ctx, req.params.areaId);
    return reply.code(204).send(null);
  });
  api.get(
    '/areas/:areaId/team',
    {
      schema: {
        tags,
        summary: 'Het gebiedsteam: wie in dit gebied werkt, het aanspreekpunt voorop. Zonder eigen team: het dichtstbijzijnde gebied erboven met een team, dat dan antwoordt voor signalen uit dit gebied',
        params: areaParams,
        response: { 200: s.areaTeamView, ...scopedErrors() },
      },
    },
    async (req) => service.getAreaTeam(req.ctx, req.params.areaId),
  );
  api.put(
    '/areas/:areaId/team',
    {
      schema: {
        tags,
        summary: 'Het gebiedsteam vastleggen (beheerder, programmamanager): leden van de werkruimte, hoogstens één aanspreekpunt. Signalen en knelpunten uit het gebied zonder eigenaar van een regel of actielijn gaan naar het aanspreekpunt (anders het langst zittende teamlid) van het dichtstbijzijnde gebied met een team',
        params: areaParams,
        body: s.areaTeamBody,
        response: { 200: s.areaTeamView, ...scopedErrors() },
      },
    },
    async (req) => service.setAreaTeam(req.ctx, req.params.areaId, req.body),
  );
};

// The public side: residents without an account see the CBS division (wijken, buurten) of a workspace.

/** The anonymous reader of the public pages: a lezer of the workspace, shown only the CBS division. */
const PUBLIC_READER: Actor = { userId: '00000000-0000-0000-0000-000000000000', email: '', name: 'openbare pagina', isAdmin: false, via: 'system' };
/** Only the CBS division is public: a workspace's own areas (streets, complexes) stay inside. */
const PUBLIC_KINDS = ['wijk', 'buurt'] as const;
const optionalParam = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
const publicAreaQuery = z
  .object({
    kind: optionalParam(z.enum(PUBLIC_KINDS)),
    /** The year of the division; the workspace's latest when absent. */
    year: optionalParam(z.coerce.number().int().min(1900).max(2100)),
  })
  .strict();
const publicAreaView = s.areaSummaryView.pick({ id: true, code: true, name: true, kind: true, parentId: true, year: true, population: true });

/** A lezer's context on the workspace's public side; 404 workspace.not_found for an unknown slug. */
async function publicReader(base: ServiceContext, slug: string): Promise<ServiceContext> {
  const reader: ServiceContext = { ...base, actor: PUBLIC_READER };
  const scope = await findWorkspaceForPublicPage(reader, slug);
  if (!scope) throw new DomainError('workspace.not_found');
  return { ...reader, workspace: { ...scope, role: 'lezer' } };
}

/** The year asked for, else the latest division of the workspace (so wijken of two years never overlap on a map). */
async function publicYear(ctx: ServiceContext, year: number | undefined) {
  return year ?? (await service.listAreaYears(ctx)).items[0]?.year;
}

const isPublicKind = (kind: unknown) => (PUBLIC_KINDS as readonly unknown[]).includes(kind);

/** Routes outside a workspace, under `/api`: the wijken and buurten for the public pages, without signing in. */
export const globalRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const workspace = z.object({ workspace: z.string().max(100) });
  api.get(
    '/public/w/:workspace/areas.geojson',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Openbare grenzen van wijken en buurten als GeoJSON (zonder inloggen, voor de kaart met meldingen); ?kind=wijk|buurt, ?year= (standaard het nieuwste jaar)',
        security: [],
        params: workspace,
        querystring: publicAreaQuery,
        response: { 200: s.areaFeatureCollection, ...errorResponses(400, 404) },
      },
    },
    async (req) => {
      const ctx = await publicReader(req.ctx, req.params.workspace);
      const year = await publicYear(ctx, req.query.year);
      if (year === undefined) return { type: 'FeatureCollection' as const, features: [] };
      const collection = await service.areasAsGeoJson(ctx, { kind: req.query.kind, year });
      return { ...collection, features: collection.features.filter((f) => isPublicKind(f.properties.kind)) };
    },
  );
  api.get(
    '/public/w/:workspace/areas',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Openbare lijst van wijken of buurten (zonder inloggen, ook zonder grenzen: voor de keuze van een buurt bij een melding); ?kind=wijk|buurt (standaard buurt), ?year= (standaard het nieuwste jaar)',
        security: [],
        params: workspace,
        querystring: publicAreaQuery.extend(paging).strict(),
        response: { 200: listOf(publicAreaView).extend({ year: z.number().int().nullable() }), ...errorResponses(400, 404) },
      },
    },
    async (req) => {
      const ctx = await publicReader(req.ctx, req.params.workspace);
      const year = await publicYear(ctx, req.query.year);
      if (year === undefined) return { items: [], total: 0, year: null };
      const { items, total } = await service.listAreas(ctx, { kind: req.query.kind ?? 'buurt', year, limit: req.query.limit, offset: req.query.offset });
      return { items: items.map(({ hasGeometry: _geometry, ...area }) => area), total, year };
    },
  );
};
