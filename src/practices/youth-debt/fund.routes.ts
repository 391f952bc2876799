import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopedErrors } from '../../platform/http/schema';
import * as s from './fund.schema';
import * as service from './fund.service';

const tags = ['jongeren-schulden'];

/** The revolving fund, under `/api/w/:workspace/youth-debt/fund`. */
export const fundRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const workspace = z.object({ workspace: z.string().max(100) });
  api.get(
    '/youth-debt/fund',
    {
      schema: {
        tags,
        summary:
          'Het revolverend fonds per maand tot en met deze maand: startkapitaal, verstrekte saneringskredieten (uit), aflossingen en de waarde van bevestigde uren tegenprestatie (in), resultaatbetalingen van een social impact bond per afgesproken uitkomst (in), en het saldo daarna; met wat er nog openstaat op de kredieten. Alleen totalen, voor ieder lid',
        params: workspace,
        response: { 200: s.fundView, ...scopedErrors() },
      },
    },
    async (req) => service.getFund(req.ctx),
  );
  api.patch(
    '/youth-debt/fund',
    {
      schema: {
        tags,
        summary: 'Startkapitaal (met datum) en de betalingen van een social impact bond per deelnemer die schuldenvrij, of met werk of opleiding, afrondt (beheerder, programmamanager)',
        params: workspace,
        body: s.fundSettingsBody,
        response: { 200: s.fundView, ...scopedErrors() },
      },
    },
    async (req) => service.updateFund(req.ctx, req.body),
  );
};
