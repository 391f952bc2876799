import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopedErrors } from '../../platform/http/schema';
import * as s from './mkba-model.schema';
import * as service from './mkba-model.service';

const tags = ['jongeren-schulden'];

/** The workspace's MKBA, under `/api/w/:workspace/youth-debt/mkba`. */
export const mkbaRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const workspace = z.object({ workspace: z.string().max(100) });
  api.get(
    '/youth-debt/mkba',
    {
      schema: {
        tags,
        summary:
          'De maatschappelijke kosten-batenanalyse van deze werkruimte: de aanpak tegenover de referentie zonder aanpak. Hoeveelheden uit de eigen deelnemers, kredieten, het grootboek en de uitkomsten; eenheidsprijzen en aannames met hun bron als instelling. Regels per actor en jaar, contante waarde (standaard 2,25 %, horizon 5 jaar), saldo en baten/kosten per actor en in totaal, en een gevoeligheidstabel. Alleen totalen, voor ieder lid',
        params: workspace,
        response: { 200: s.workspaceMkbaView, ...scopedErrors() },
      },
    },
    async (req) => service.workspaceMkba(req.ctx),
  );
  api.patch(
    '/youth-debt/mkba/assumptions',
    {
      schema: {
        tags,
        summary: 'Eenheidsprijzen en aannames van de MKBA wijzigen (beheerder, programmamanager); wat ontbreekt blijft zoals het was',
        params: workspace,
        body: s.assumptionsBody,
        response: { 200: s.workspaceMkbaView, ...scopedErrors() },
      },
    },
    async (req) => service.updateAssumptions(req.ctx, req.body),
  );
  api.get(
    '/youth-debt/mkba/document',
    {
      schema: {
        tags,
        summary: 'De MKBA als afdrukbare pagina (format=html, standaard) of PDF (format=pdf, gemaakt met Chromium; 503 als dat op de server ontbreekt)',
        params: workspace,
        querystring: s.documentQuery,
        response: { 200: z.any().describe('text/html or application/pdf'), ...scopedErrors() },
      },
    },
    async (req, reply) => {
      const file = await service.mkbaDocument(req.ctx, req.query.format ?? 'html');
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `${file.disposition}; filename="${file.fileName}"`)
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
        .header('cache-control', 'private, no-store')
        .send(file.body);
    },
  );
};
