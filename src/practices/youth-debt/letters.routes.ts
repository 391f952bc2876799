import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listOf, scopedErrors } from '../../platform/http/schema';
import * as s from './letters.schema';
import * as service from './letters.service';
import { participantParams } from './schema';

const tags = ['jongeren-schulden'];

/** Offers to creditors, letters, responses and the credit; under `/api/w/:workspace`, membership already checked. */
export const letterRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const workspace = z.object({ workspace: z.string().max(100) });
  const participant = workspace.extend(participantParams.shape);
  const line = workspace.extend(s.lineParams.shape);

  api.get(
    '/youth-debt/participants/:participantId/settlement',
    {
      schema: {
        tags,
        summary: 'De schuldregeling van een deelnemer: het laatst verstuurde voorstel met per schuldeiser het bevroren aanbod en de reactie, eerdere versies, en het krediet zodra alle schuldeisers akkoord zijn',
        params: participant,
        response: { 200: s.settlementView, ...scopedErrors() },
      },
    },
    async (req) => service.settlement(req.ctx, req.params.participantId),
  );
  api.post(
    '/youth-debt/participants/:participantId/settlement/send',
    {
      schema: {
        tags,
        summary:
          'Het voorstel versturen: het berekende aanbod wordt per schuldeiser vastgelegd (schuld, aanbod, percentage, adres en briefsjabloon zoals nu), zodat latere wijzigingen een verstuurde brief niet veranderen; de schulden gaan naar voorgesteld. Een open eerder voorstel wordt vervangen. Niet meer nadat het krediet is verleend',
        params: participant,
        body: s.sendOfferBody,
        response: { 201: s.settlementView, ...scopedErrors(409) },
      },
    },
    async (req, reply) => reply.code(201).send(await service.sendOffer(req.ctx, req.params.participantId)),
  );
  api.get(
    '/youth-debt/offer-lines',
    {
      schema: {
        tags,
        summary: 'Verstuurde voorstellen per schuldeiser (?participantId=…), nieuwste voorstel eerst, met de reactie; zonder namen',
        params: workspace,
        querystring: s.lineListQuery,
        response: { 200: listOf(s.offerLineView), ...scopedErrors() },
      },
    },
    async (req) => service.listOfferLines(req.ctx, req.query),
  );
  api.get(
    '/youth-debt/offer-lines/:lineId/letter',
    {
      schema: {
        tags,
        summary:
          'De brief aan deze schuldeiser als afdrukbare HTML (format=html, standaard) of PDF (format=pdf, gemaakt met Chromium; 503 als dat op de server ontbreekt). De brief noemt de deelnemer bij naam: alleen voor de eigen jongerenbegeleider en schuldhulpverlener, en elk inzien wordt gelogd',
        params: line,
        querystring: s.letterQuery,
        response: { 200: z.any().describe('text/html or application/pdf'), ...scopedErrors(503) },
      },
    },
    async (req, reply) => {
      const file = await service.offerLetter(req.ctx, req.params.lineId, req.query);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `${file.inline ? 'inline' : 'attachment'}; filename="${file.fileName}"`)
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
        .header('cache-control', 'private, no-store')
        .send(file.body);
    },
  );
  api.post(
    '/youth-debt/offer-lines/:lineId/response',
    {
      schema: {
        tags,
        summary:
          'De reactie van de schuldeiser vastleggen: akkoord (eventueel met een ander afgesproken bedrag), geweigerd (met reden) of tegenvoorstel (met bedrag). De schuld volgt (akkoord, geweigerd, of voorgesteld bij een tegenvoorstel). Zodra alle schuldeisers akkoord zijn wordt het krediet verleend (som van de afgesproken bedragen, looptijd van het voorstel) en zijn de schulden geregeld',
        params: line,
        body: s.responseBody,
        response: { 200: s.settlementView, ...scopedErrors(409) },
      },
    },
    async (req) => service.respond(req.ctx, req.params.lineId, req.body),
  );
};
