import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listOf, scopedErrors } from '../../platform/http/schema';
import * as s from './ledger.schema';
import * as service from './ledger.service';
import { participantParams } from './schema';

const tags = ['jongeren-schulden'];

/** The repayment ledger; under `/api/w/:workspace`, membership already checked. */
export const ledgerRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const workspace = z.object({ workspace: z.string().max(100) });
  const participant = workspace.extend(participantParams.shape);

  api.get(
    '/youth-debt/participants/:participantId/ledger',
    {
      schema: {
        tags,
        summary:
          'Het aflossingsoverzicht: krediet, maandschema (termijnen die precies optellen tot het krediet, de eerste op de eerste van de maand na verlening), betalingen, tegenprestaties (kwartieren × uurtarief / 4, afgerond op centen; alleen bevestigde tellen), saldo = krediet − betaald − gewaardeerd, verwacht volgens het schema tot vandaag en achterstand (niet onder 0), alles in centen',
        params: participant,
        response: { 200: s.ledgerView, ...scopedErrors() },
      },
    },
    async (req) => service.ledger(req.ctx, req.params.participantId),
  );
  api.post(
    '/youth-debt/participants/:participantId/ledger/payments',
    {
      schema: {
        tags,
        summary: 'Een betaling op het krediet vastleggen (datum tussen verlening en vandaag)',
        params: participant,
        body: s.paymentBody,
        response: { 201: s.ledgerView, ...scopedErrors(409) },
      },
    },
    async (req, reply) => reply.code(201).send(await service.recordPayment(req.ctx, req.params.participantId, req.body)),
  );
  api.post(
    '/youth-debt/participants/:participantId/ledger/activities',
    {
      schema: {
        tags,
        summary:
          'Een maatschappelijke tegenprestatie vastleggen: organisatie, omschrijving, datum en duur in kwartieren, gewaardeerd tegen het huidige uurtarief van de werkruimte (dat tarief wordt bij de boeking bewaard). Telt pas mee als de eigen jongerenbegeleider of de organisatie het bevestigt',
        params: participant,
        body: s.activityBody,
        response: { 201: s.ledgerView, ...scopedErrors(409) },
      },
    },
    async (req, reply) => reply.code(201).send(await service.recordActivity(req.ctx, req.params.participantId, req.body)),
  );
  api.get(
    '/youth-debt/ledger-entries',
    { schema: { tags, summary: 'Boekingen op kredieten, per deelnemer (?participantId=…)', params: workspace, querystring: s.entryListQuery, response: { 200: listOf(s.entryView), ...scopedErrors() } } },
    async (req) => service.listEntries(req.ctx, req.query),
  );
  api.delete(
    '/youth-debt/ledger-entries/:entryId',
    {
      schema: {
        tags,
        summary: 'Een boeking verwijderen die per vergissing is vastgelegd (wordt gelogd met wat erin stond); saldo en achterstand volgen',
        params: workspace.extend(s.entryParams.shape),
        response: { 200: s.ledgerView, ...scopedErrors() },
      },
    },
    async (req) => service.deleteEntry(req.ctx, req.params.entryId),
  );
  api.post(
    '/youth-debt/ledger-entries/:entryId/confirm',
    {
      schema: {
        tags,
        summary: 'De uren van een tegenprestatie bevestigen: door de eigen jongerenbegeleider (coach), of namens de organisatie (host, met de naam van wie bevestigde). Daarna tellen ze mee',
        params: workspace.extend(s.entryParams.shape),
        body: s.confirmBody,
        response: { 200: s.ledgerView, ...scopedErrors(409) },
      },
    },
    async (req) => service.confirmActivity(req.ctx, req.params.entryId, req.body),
  );
};
