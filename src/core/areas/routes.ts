import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listOf, scopedErrors } from '../../platform/http/schema';
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
};
