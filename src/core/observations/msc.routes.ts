import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopedErrors } from '../../platform/http/schema';
import * as s from './msc.schema';
import * as service from './msc.service';

const tags = ['verhalen (MSC)'];

/**
 * Most Significant Change, under `/api/w/:workspace/msc`: domains of change, collection periods,
 * the domain of each story, selection rounds, the panel's choices and what reports include.
 * Registered from the observations module's scoped routes; the platform has checked membership.
 */
export const mscRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const workspace = z.object({ workspace: z.string().max(100) });
  const domain = workspace.extend(s.domainParams.shape);
  const period = workspace.extend(s.periodParams.shape);
  const story = workspace.extend(s.storyParams.shape);
  const round = workspace.extend(s.roundParams.shape);
  const selection = workspace.extend(s.selectionParams.shape);
  const noContent = { 204: z.null() };

  // Domains of change
  api.get(
    '/msc/domains',
    { schema: { tags, summary: 'Domeinen van verandering, met het aantal verhalen en rondes per domein', params: workspace, response: { 200: s.domainListView, ...scopedErrors() } } },
    async (req) => service.listDomains(req.ctx),
  );
  api.post(
    '/msc/domains',
    { schema: { tags, summary: 'Domein van verandering toevoegen (coördinatoren)', params: workspace, body: s.domainBody, response: { 201: s.domainView, ...scopedErrors(409) } } },
    async (req, reply) => reply.code(201).send(await service.createDomain(req.ctx, req.body)),
  );
  api.patch(
    '/msc/domains/:domainId',
    { schema: { tags, summary: 'Domein wijzigen of (niet) actief maken', params: domain, body: s.domainPatch, response: { 200: s.domainView, ...scopedErrors(409) } } },
    async (req) => service.updateDomain(req.ctx, req.params.domainId, req.body),
  );
  api.delete(
    '/msc/domains/:domainId',
    { schema: { tags, summary: 'Domein verwijderen; 409 msc.domain_in_use zolang verhalen of rondes het gebruiken', params: domain, response: { ...noContent, ...scopedErrors(409) } } },
    async (req, reply) => {
      await service.deleteDomain(req.ctx, req.params.domainId);
      return reply.code(204).send(null);
    },
  );

  // Collection periods
  api.get(
    '/msc/periods',
    { schema: { tags, summary: 'Verzamelperiodes, nieuwste eerst, met het aantal verhalen en rondes', params: workspace, response: { 200: s.periodListView, ...scopedErrors() } } },
    async (req) => service.listPeriods(req.ctx),
  );
  api.post(
    '/msc/periods',
    { schema: { tags, summary: 'Verzamelperiode toevoegen (coördinatoren)', params: workspace, body: s.periodBody, response: { 201: s.periodView, ...scopedErrors(409) } } },
    async (req, reply) => reply.code(201).send(await service.createPeriod(req.ctx, req.body)),
  );
  api.patch(
    '/msc/periods/:periodId',
    { schema: { tags, summary: 'Verzamelperiode wijzigen; de data liggen vast zodra er rondes zijn', params: period, body: s.periodPatch, response: { 200: s.periodView, ...scopedErrors(409) } } },
    async (req) => service.updatePeriod(req.ctx, req.params.periodId, req.body),
  );
  api.delete(
    '/msc/periods/:periodId',
    { schema: { tags, summary: 'Verzamelperiode zonder rondes verwijderen', params: period, response: { ...noContent, ...scopedErrors(409) } } },
    async (req, reply) => {
      await service.deletePeriod(req.ctx, req.params.periodId);
      return reply.code(204).send(null);
    },
  );

  // Stories and their domain
  api.get(
    '/msc/stories',
    {
      schema: {
        tags,
        summary: 'Verhalen (waarnemingen van de soort verhaal) met hun domein, oudste eerst; per periode en domein (domainId=none: zonder domein)',
        params: workspace,
        querystring: s.storiesQuery,
        response: { 200: s.storyListView, ...scopedErrors() },
      },
    },
    async (req) => service.listStories(req.ctx, req.query),
  );
  api.put(
    '/msc/stories/:observationId/domain',
    {
      schema: {
        tags,
        summary: 'Het domein van een verhaal kiezen (null: geen); de verteller, coördinatoren en beleidsadviseurs',
        params: story,
        body: s.storyDomainBody,
        response: { 200: s.storyView, ...scopedErrors() },
      },
    },
    async (req) => service.setStoryDomain(req.ctx, req.params.observationId, req.body.domainId),
  );

  // Selection rounds
  api.get(
    '/msc/rounds',
    { schema: { tags, summary: 'Selectierondes, nieuwste eerst', params: workspace, querystring: s.roundsQuery, response: { 200: s.roundListView, ...scopedErrors() } } },
    async (req) => service.listRounds(req.ctx, req.query),
  );
  api.post(
    '/msc/rounds',
    {
      schema: { tags, summary: 'Selectieronde openen voor een periode (en eventueel één domein), met het panel (coördinatoren)', params: workspace, body: s.roundBody, response: { 201: s.roundView, ...scopedErrors() } },
    },
    async (req, reply) => reply.code(201).send(await service.createRound(req.ctx, req.body)),
  );
  api.get(
    '/msc/rounds/:roundId',
    { schema: { tags, summary: 'Eén selectieronde: het panel, de gekozen verhalen met redenen en de kandidaten', params: round, response: { 200: s.roundView, ...scopedErrors() } } },
    async (req) => service.getRound(req.ctx, req.params.roundId),
  );
  api.patch(
    '/msc/rounds/:roundId',
    {
      schema: {
        tags,
        summary: 'Naam, datum of panel wijzigen; status afgerond legt de keuze vast en vertelt elke verteller dat en waarom het verhaal is gekozen (409 msc.round_finished daarna)',
        params: round,
        body: s.roundPatch,
        response: { 200: s.roundView, ...scopedErrors(409) },
      },
    },
    async (req) => service.updateRound(req.ctx, req.params.roundId, req.body),
  );
  api.delete(
    '/msc/rounds/:roundId',
    { schema: { tags, summary: 'Open selectieronde met haar keuzes verwijderen', params: round, response: { ...noContent, ...scopedErrors(409) } } },
    async (req, reply) => {
      await service.deleteRound(req.ctx, req.params.roundId);
      return reply.code(204).send(null);
    },
  );

  // The panel's choices
  api.post(
    '/msc/rounds/:roundId/selections',
    {
      schema: {
        tags,
        summary: 'Het panel kiest een verhaal uit de kandidaten, met plaats (uniek in de ronde) en reden (coördinatoren, beleidsadviseurs)',
        params: round,
        body: s.selectionBody,
        response: { 201: s.roundView, ...scopedErrors(409) },
      },
    },
    async (req, reply) => reply.code(201).send(await service.addSelection(req.ctx, req.params.roundId, req.body)),
  );
  api.patch(
    '/msc/rounds/:roundId/selections/:selectionId',
    { schema: { tags, summary: 'Plaats of reden van een keuze wijzigen', params: selection, body: s.selectionPatch, response: { 200: s.roundView, ...scopedErrors(409) } } },
    async (req) => service.updateSelection(req.ctx, req.params.roundId, req.params.selectionId, req.body),
  );
  api.delete(
    '/msc/rounds/:roundId/selections/:selectionId',
    { schema: { tags, summary: 'Keuze intrekken (zolang de ronde open is)', params: selection, response: { ...noContent, ...scopedErrors(409) } } },
    async (req, reply) => {
      await service.removeSelection(req.ctx, req.params.roundId, req.params.selectionId);
      return reply.code(204).send(null);
    },
  );

  // What reports include
  api.get(
    '/msc/selected',
    {
      schema: {
        tags,
        summary: 'De gekozen verhalen van afgeronde rondes met de redenen: wat een rapportage opneemt; per periode en/of domein',
        params: workspace,
        querystring: s.selectedQuery,
        response: { 200: s.selectedListView, ...scopedErrors() },
      },
    },
    async (req) => service.listSelected(req.ctx, req.query),
  );
};
