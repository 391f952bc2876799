import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, listOf, scopedErrors } from '../../platform/http/schema';
import * as s from './schema';
import * as service from './service';

const tags = ['werkruimte'];

/** `POST /api/workspaces`, `GET /api/workspaces`: outside any workspace. */
export const globalRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/workspaces', { schema: { tags, summary: 'Mijn werkruimtes', response: { 200: listOf(s.workspaceView), ...errorResponses(401) } } }, async (request) => {
    const items = await service.listMyWorkspaces(request.ctx);
    return { items, total: items.length };
  });
  api.post(
    '/workspaces',
    { schema: { tags, summary: 'Nieuwe werkruimte (u wordt beheerder)', body: s.createWorkspaceBody, response: { 201: s.workspaceView, ...errorResponses(400, 401, 409) } } },
    async (request, reply) => reply.code(201).send(await service.createWorkspace(request.ctx, request.body)),
  );
};

/** Routes under `/api/w/:workspace`; the platform has already checked membership. */
export const routes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const workspace = z.object({ workspace: z.string().max(100) });

  api.get('/', { schema: { tags, summary: 'De werkruimte', params: workspace, response: { 200: s.workspaceView, ...scopedErrors() } } }, async (req) =>
    service.getWorkspace(req.ctx),
  );
  api.patch(
    '/',
    { schema: { tags, summary: 'Instellingen wijzigen', params: workspace, body: s.updateWorkspaceBody, response: { 200: s.workspaceView, ...scopedErrors() } } },
    async (req) => service.updateWorkspace(req.ctx, req.body),
  );

  // Members
  const memberTags = ['leden'];
  const memberParams = workspace.extend(s.memberParams.shape);
  api.get('/members', { schema: { tags: memberTags, summary: 'Leden en rollen', params: workspace, response: { 200: listOf(s.memberView), ...scopedErrors() } } }, async (req) => {
    const items = await service.listMembers(req.ctx);
    return { items, total: items.length };
  });
  api.post(
    '/members',
    { schema: { tags: memberTags, summary: 'Lid toevoegen', params: workspace, body: s.addMemberBody, response: { 201: s.memberView, ...scopedErrors(409) } } },
    async (req, reply) => reply.code(201).send(await service.addMember(req.ctx, req.body)),
  );
  api.patch(
    '/members/:userId',
    { schema: { tags: memberTags, summary: 'Rol van een lid wijzigen', params: memberParams, body: s.updateMemberBody, response: { 200: s.memberView, ...scopedErrors(409) } } },
    async (req) => service.changeMemberRole(req.ctx, req.params.userId, req.body.role),
  );
  api.delete(
    '/members/:userId',
    { schema: { tags: memberTags, summary: 'Lid verwijderen', params: memberParams, response: { 204: z.null(), ...scopedErrors(409) } } },
    async (req, reply) => {
      await service.removeMember(req.ctx, req.params.userId);
      return reply.code(204).send(null);
    },
  );

  // Partners
  const partnerTags = ['partners'];
  const partnerParams = workspace.extend(s.partnerParams.shape);
  api.get('/partners', { schema: { tags: partnerTags, summary: 'Partnerorganisaties', params: workspace, response: { 200: listOf(s.partnerView), ...scopedErrors() } } }, async (req) => {
    const items = await service.listPartners(req.ctx);
    return { items, total: items.length };
  });
  api.post(
    '/partners',
    { schema: { tags: partnerTags, summary: 'Partner toevoegen', params: workspace, body: s.partnerBody, response: { 201: s.partnerView, ...scopedErrors(409) } } },
    async (req, reply) => reply.code(201).send(await service.createPartner(req.ctx, req.body)),
  );
  api.get('/partners/:partnerId', { schema: { tags: partnerTags, summary: 'Eén partner', params: partnerParams, response: { 200: s.partnerView, ...scopedErrors() } } }, async (req) =>
    service.getPartner(req.ctx, req.params.partnerId),
  );
  api.patch(
    '/partners/:partnerId',
    { schema: { tags: partnerTags, summary: 'Partner wijzigen', params: partnerParams, body: s.partnerPatch, response: { 200: s.partnerView, ...scopedErrors(409) } } },
    async (req) => service.updatePartner(req.ctx, req.params.partnerId, req.body),
  );
  api.delete(
    '/partners/:partnerId',
    { schema: { tags: partnerTags, summary: 'Partner verwijderen', params: partnerParams, response: { 204: z.null(), ...scopedErrors(409) } } },
    async (req, reply) => {
      await service.deletePartner(req.ctx, req.params.partnerId);
      return reply.code(204).send(null);
    },
  );

  // Charter
  const charterTags = ['convenant'];
  api.get('/charter', { schema: { tags: charterTags, summary: 'Convenant: gedeelde waarden en ondertekenaars', params: workspace, response: { 200: s.charterView, ...scopedErrors() } } }, async (req) =>
    service.getCharter(req.ctx),
  );
  api.post(
    '/charter/values',
    { schema: { tags: charterTags, summary: 'Waarde toevoegen', params: workspace, body: s.charterValueBody, response: { 201: s.charterValueView, ...scopedErrors(409) } } },
    async (req, reply) => reply.code(201).send(await service.addCharterValue(req.ctx, req.body)),
  );
  api.patch(
    '/charter/values/:valueId',
    {
      schema: { tags: charterTags, summary: 'Waarde wijzigen', params: workspace.extend(s.valueParams.shape), body: s.charterValuePatch, response: { 200: s.charterValueView, ...scopedErrors(409) } },
    },
    async (req) => service.updateCharterValue(req.ctx, req.params.valueId, req.body),
  );
  api.delete(
    '/charter/values/:valueId',
    { schema: { tags: charterTags, summary: 'Waarde verwijderen', params: workspace.extend(s.valueParams.shape), response: { 204: z.null(), ...scopedErrors() } } },
    async (req, reply) => {
      await service.deleteCharterValue(req.ctx, req.params.valueId);
      return reply.code(204).send(null);
    },
  );
  api.post(
    '/charter/signatories',
    { schema: { tags: charterTags, summary: 'Ondertekening vastleggen', params: workspace, body: s.signatoryBody, response: { 201: s.signatoryView, ...scopedErrors() } } },
    async (req, reply) => reply.code(201).send(await service.addSignatory(req.ctx, req.body)),
  );
  api.delete(
    '/charter/signatories/:signatoryId',
    { schema: { tags: charterTags, summary: 'Ondertekening verwijderen', params: workspace.extend(s.signatoryParams.shape), response: { 204: z.null(), ...scopedErrors() } } },
    async (req, reply) => {
      await service.removeSignatory(req.ctx, req.params.signatoryId);
      return reply.code(204).send(null);
    },
  );

  // Audit log
  api.get(
    '/audit',
    { schema: { tags: ['audit'], summary: 'Auditlog: wie wijzigde wat en wanneer', params: workspace, querystring: s.auditQuery, response: { 200: listOf(s.auditEntryView), ...scopedErrors() } } },
    async (req) => service.readAuditLog(req.ctx, req.query),
  );
};
