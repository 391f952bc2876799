import multipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, listOf, scopedErrors } from '../../platform/http/schema';
import { importFailure, sendImportFailure, uploadedSheet } from '../../platform/imports';
import { ladderErrors } from './errors';
import { exportLadder, importLadder } from './importer';
import * as s from './schema';
import * as service from './service';

const tags = ['beleidsladder'];
const theoryTags = ['verandertheorie'];
/** A programme sheet of a few thousand rows fits easily. */
const MAX_SHEET_BYTES = 10 * 1024 * 1024;

/** Routes under `/api/w/:workspace`; the platform has already checked membership. */
export const routes: FastifyPluginAsync = async (app) => {
  // Only this plugin (the import route) reads multipart bodies; everything else stays JSON-only.
  await app.register(multipart, { limits: { fileSize: MAX_SHEET_BYTES, files: 1, fields: 10, parts: 12 } });
  const api = app.withTypeProvider<ZodTypeProvider>();
  const workspace = z.object({ workspace: z.string().max(100) });
  const nodeParams = workspace.extend(s.nodeParams.shape);

  api.get(
    '/ladder/nodes',
    {
      schema: {
        tags,
        summary: 'Tredes van de beleidsladder (waarden, opgaven, doelen, actielijnen, interventies), laatst gewijzigd eerst; filters: rung, areaId, ownerPartnerId, partnerId, ownerUserId, phase, status, q',
        params: workspace,
        querystring: s.nodeListQuery,
        response: { 200: listOf(s.nodeSummaryView), ...scopedErrors() },
      },
    },
    async (req) => service.listNodes(req.ctx, req.query),
  );
  api.post(
    '/ladder/nodes',
    {
      schema: {
        tags,
        summary: 'Trede toevoegen onder één of meer tredes direct erboven (400 ladder.orphan zonder geldige ouder); een waarde komt ook in het convenant',
        params: workspace,
        body: s.createNodeBody,
        response: { 201: s.nodeView, ...scopedErrors(409) },
      },
    },
    async (req, reply) => reply.code(201).send(await service.createNode(req.ctx, req.body)),
  );
  api.get(
    '/ladder/tree',
    {
      schema: {
        tags,
        summary:
          'De ladder tot en met de actielijnen (plat, elk met parentIds en childCount), of met ?parentId= alleen de kinderen van één trede (de interventies van een actielijn; 404 ladder.node_not_found). Filters areaId, ownerPartnerId, partnerId, phase: de passende actielijnen en interventies (matches) met de tredes erboven, en matched: hoeveel er passen',
        params: workspace,
        querystring: s.treeQuery,
        response: { 200: s.treeView, ...scopedErrors() },
      },
    },
    async (req) => service.getTree(req.ctx, req.query),
  );
  api.get(
    '/ladder/check',
    { schema: { tags, summary: 'Controle: tredes zonder (juiste) ouder, tredes die geen waarde bereiken, waarden die niet meer in het convenant staan', params: workspace, response: { 200: s.checkView, ...scopedErrors() } } },
    async (req) => service.checkLadder(req.ctx),
  );
  api.get(
    '/ladder/export',
    {
      schema: {
        tags,
        summary: 'Ladder exporteren: ?format=csv|xlsx|json (CSV/XLSX in de kolommen van het importsjabloon)',
        params: workspace,
        querystring: s.exportQuery,
        response: { 200: z.any().describe('The file (text/csv, XLSX or JSON)'), ...scopedErrors() },
      },
    },
    async (req, reply) => {
      const file = await exportLadder(req.ctx, req.query.format ?? 'csv');
      return reply.header('content-type', file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.body);
    },
  );
  api.post(
    '/ladder/import',
    {
      schema: {
        tags,
        summary:
          'Ladder importeren uit een spreadsheet (multipart/form-data, veld "file", CSV of XLSX; kolommen rung,code,title,parent_codes,owner,partners,areas,phase,public; lijsten met ";"; public ja/nee). Alles of niets: 200 {imported} of 422 ladder.import_failed met rows [{row, message}] (rij 1 = kopregel). Opnieuw importeren werkt bij op code.',
        params: workspace,
        response: { 200: s.importResult, 422: importFailure('ladder.import_failed'), ...scopedErrors(413, 415) },
      },
    },
    async (req, reply) => {
      const read = uploadedSheet(req, 'ladder.import_unreadable', 'ladder');
      try {
        return await importLadder(req.ctx, read);
      } catch (err) {
        return sendImportFailure(reply, err, ladderErrors['ladder.import_failed'], req.ctx.locale);
      }
    },
  );
  api.get('/ladder/nodes/:nodeId', { schema: { tags, summary: 'Eén trede met ouders, kinderen en trekker', params: nodeParams, response: { 200: s.nodeView, ...scopedErrors() } } }, async (req) =>
    service.getNode(req.ctx, req.params.nodeId),
  );
  api.patch(
    '/ladder/nodes/:nodeId',
    {
      schema: {
        tags,
        summary: 'Trede wijzigen of verhangen (parentIds vervangt de ouders; minstens één op de trede erboven)',
        params: nodeParams,
        body: s.updateNodeBody,
        response: { 200: s.nodeView, ...scopedErrors(409) },
      },
    },
    async (req) => service.updateNode(req.ctx, req.params.nodeId, req.body),
  );
  api.delete(
    '/ladder/nodes/:nodeId',
    {
      schema: {
        tags,
        summary:
          'Trede verwijderen (met verandertheorie). Verliezen onderliggende tredes hun laatste ouder, dan 409 ladder.would_orphan, tenzij ?children=delete (die ook verwijderen) of ?children=reparent&newParentId=… (verhangen onder een trede op dezelfde trede)',
        params: nodeParams,
        querystring: s.deleteNodeQuery,
        response: { 204: z.null(), ...scopedErrors(409) },
      },
    },
    async (req, reply) => {
      await service.deleteNode(req.ctx, req.params.nodeId, req.query);
      return reply.code(204).send(null);
    },
  );
  api.get(
    '/ladder/nodes/:nodeId/trace',
    { schema: { tags, summary: 'Herleidbaarheid: alle paden omhoog naar een waarde, en alles eronder tot de interventies', params: nodeParams, response: { 200: s.traceView, ...scopedErrors() } } },
    async (req) => service.traceNode(req.ctx, req.params.nodeId),
  );

  // Theory of change of an action line
  const elementParams = nodeParams.extend(s.elementParams.shape);
  const linkParams = nodeParams.extend(s.linkParams.shape);
  const assumptionParams = nodeParams.extend(s.assumptionParams.shape);
  api.get(
    '/ladder/nodes/:nodeId/theory',
    { schema: { tags: theoryTags, summary: 'Verandertheorie van een actielijn: elementen, verbindingen, aannames met hun geschiedenis, en de ketens als tekst', params: nodeParams, response: { 200: s.theoryView, ...scopedErrors() } } },
    async (req) => service.getTheory(req.ctx, req.params.nodeId),
  );
  api.get(
    '/ladder/nodes/:nodeId/theory/diagram.svg',
    {
      schema: {
        tags: theoryTags,
        summary: 'Verandertheorie als SVG-diagram (elkjs), met aannames en hun status op de pijlen; de ketens als tekst in <desc>',
        params: nodeParams,
        response: { 200: z.any().describe('image/svg+xml'), ...scopedErrors() },
      },
    },
    async (req, reply) => reply.header('content-type', 'image/svg+xml; charset=utf-8').send(await service.theoryDiagram(req.ctx, req.params.nodeId)),
  );
  api.post(
    '/ladder/nodes/:nodeId/theory/elements',
    { schema: { tags: theoryTags, summary: 'Element toevoegen (activity, output, outcome, impact)', params: nodeParams, body: s.elementBody, response: { 201: s.elementView, ...scopedErrors() } } },
    async (req, reply) => reply.code(201).send(await service.addElement(req.ctx, req.params.nodeId, req.body)),
  );
  api.patch(
    '/ladder/nodes/:nodeId/theory/elements/:elementId',
    { schema: { tags: theoryTags, summary: 'Element wijzigen', params: elementParams, body: s.elementPatch, response: { 200: s.elementView, ...scopedErrors() } } },
    async (req) => service.updateElement(req.ctx, req.params.nodeId, req.params.elementId, req.body),
  );
  api.delete(
    '/ladder/nodes/:nodeId/theory/elements/:elementId',
    { schema: { tags: theoryTags, summary: 'Element verwijderen (met zijn verbindingen en aannames)', params: elementParams, response: { 204: z.null(), ...scopedErrors() } } },
    async (req, reply) => {
      await service.deleteElement(req.ctx, req.params.nodeId, req.params.elementId);
      return reply.code(204).send(null);
    },
  );
  api.post(
    '/ladder/nodes/:nodeId/theory/links',
    { schema: { tags: theoryTags, summary: 'Oorzakelijke verbinding tussen twee elementen van deze actielijn', params: nodeParams, body: s.linkBody, response: { 201: s.linkView, ...scopedErrors(409) } } },
    async (req, reply) => reply.code(201).send(await service.addLink(req.ctx, req.params.nodeId, req.body)),
  );
  api.delete(
    '/ladder/nodes/:nodeId/theory/links/:linkId',
    { schema: { tags: theoryTags, summary: 'Verbinding verwijderen (met haar aannames)', params: linkParams, response: { 204: z.null(), ...scopedErrors() } } },
    async (req, reply) => {
      await service.deleteLink(req.ctx, req.params.nodeId, req.params.linkId);
      return reply.code(204).send(null);
    },
  );
  api.post(
    '/ladder/nodes/:nodeId/theory/assumptions',
    { schema: { tags: theoryTags, summary: 'Aanname bij een verbinding', params: nodeParams, body: s.assumptionBody, response: { 201: s.assumptionView, ...scopedErrors() } } },
    async (req, reply) => reply.code(201).send(await service.addAssumption(req.ctx, req.params.nodeId, req.body)),
  );
  api.patch(
    '/ladder/nodes/:nodeId/theory/assumptions/:assumptionId',
    {
      schema: {
        tags: theoryTags,
        summary: 'Aanname wijzigen; een nieuwe status, datum of onderbouwing komt in de geschiedenis (met reason: waarom)',
        params: assumptionParams,
        body: s.assumptionPatch,
        response: { 200: s.assumptionView, ...scopedErrors() },
      },
    },
    async (req) => service.updateAssumption(req.ctx, req.params.nodeId, req.params.assumptionId, req.body),
  );
  api.delete(
    '/ladder/nodes/:nodeId/theory/assumptions/:assumptionId',
    { schema: { tags: theoryTags, summary: 'Aanname verwijderen', params: assumptionParams, response: { 204: z.null(), ...scopedErrors() } } },
    async (req, reply) => {
      await service.deleteAssumption(req.ctx, req.params.nodeId, req.params.assumptionId);
      return reply.code(204).send(null);
    },
  );
};

/** Routes outside a workspace, under `/api`: the public ladder, without signing in. */
export const globalRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/public/w/:workspace/ladder',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Openbare beleidsladder (zonder inloggen): de waarden en de openbare actielijnen en interventies, eventueel per gebied (?areaCode= of ?areaId=)',
        security: [],
        params: z.object({ workspace: z.string().max(100) }),
        querystring: s.publicLadderQuery,
        response: { 200: s.publicLadderView, ...errorResponses(400, 404) },
      },
    },
    async (req) => service.publicLadder(req.ctx, req.params.workspace, req.query),
  );
};
