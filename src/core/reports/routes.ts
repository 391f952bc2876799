import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopedErrors } from '../../platform/http/schema';
import * as s from './schema';
import { progressReport } from './service';

/** Routes under `/api/w/:workspace`; the platform has already checked membership. */
export const routes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/reports/progress',
    {
      schema: {
        tags: ['rapportage'],
        summary:
          'Voortgangsrapportage over een periode (standaard dit jaar tot vandaag) voor de hele werkruimte, een gebied (areaId) of een actielijn (actionLineId): als afdrukbare HTML (format=html, standaard) of PDF (format=pdf, gemaakt met Chromium). public=true geeft de openbare versie met alleen openbare onderdelen.',
        params: z.object({ workspace: z.string().max(100) }),
        querystring: s.progressQuery,
        response: { 200: z.any().describe('text/html or application/pdf'), ...scopedErrors() },
      },
    },
    async (req, reply) => {
      const file = await progressReport(req.ctx, req.query);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `${file.inline ? 'inline' : 'attachment'}; filename="${file.fileName}"`)
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
        .header('cache-control', 'private, no-store')
        .send(file.body);
    },
  );
};
