import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopedErrors } from '../../platform/http/schema';
import * as s from './toolkit.schema';
import { feedIndicators } from './feed';
import * as service from './toolkit.service';

const tags = ['jongeren-schulden'];

/** The adoption toolkit, under `/api/w/:workspace/youth-debt/toolkit`. */
export const toolkitRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const workspace = z.object({ workspace: z.string().max(100) });
  api.get(
    '/youth-debt/toolkit',
    {
      schema: {
        tags,
        summary: 'De aanpak invoeren: het sjabloon (ladder met waarde, opgave, doel en vier actielijnen; de indicatoren van de module) en wat de werkruimte daarvan al heeft, de stappen van het besluitvormingsproces en de aannames voor de begroting',
        params: workspace,
        response: { 200: s.toolkitView, ...scopedErrors() },
      },
    },
    async (req) => service.getToolkit(req.ctx),
  );
  api.post(
    '/youth-debt/toolkit/adopt',
    {
      schema: {
        tags,
        summary: 'De aanpak starten vanuit het sjabloon (beheerder, programmamanager): maakt de ontbrekende laddernodes en indicatoren aan, in één keer; nogmaals uitvoeren maakt niets dubbel',
        params: workspace,
        response: { 200: s.adoptView, ...scopedErrors(409) },
      },
    },
    async (req) => service.adoptApproach(req.ctx),
  );
  api.put(
    '/youth-debt/toolkit/steps/:step',
    {
      schema: {
        tags,
        summary: 'Een stap van het besluitvormingsproces afvinken met de datum en een notitie, of weer openzetten (doneOn null)',
        params: workspace.extend(s.stepParams.shape),
        body: s.stepBody,
        response: { 200: s.toolkitView, ...scopedErrors() },
      },
    },
    async (req) => service.setStep(req.ctx, req.params.step, req.body),
  );
  api.post(
    '/youth-debt/indicators/refresh',
    {
      schema: {
        tags,
        summary:
          'De indicatoren van de module nu bijwerken (dat gebeurt ook elke dag): actieve deelnemers, aandeel schuldenvrij en aandeel met werk of opleiding van wie is afgerond, gemiddeld welzijn (laatste eigen vragenlijst), voor het huidige kwartaal op het niveau van de gemeente. Een aandeel over minder dan 5 deelnemers wordt als onderdrukt vastgelegd',
        params: workspace,
        response: { 200: s.feedView, ...scopedErrors() },
      },
    },
    async (req) => feedIndicators(req.ctx),
  );
  api.post(
    '/youth-debt/toolkit/budget-preview',
    {
      schema: {
        tags,
        summary: 'Begrotingsraming voor het raadsvoorstel, zonder iets op te slaan: deelnemers × gemiddeld krediet (fonds voor twee jaar kredieten), verwacht verlies, begeleiding per deelnemerjaar en uitvoering per jaar, in hele centen; en hoeveel deelnemerjaren uit de bijstand (€ 14.000 per jaar) de kosten terugverdienen',
        params: workspace,
        body: s.budgetBody,
        response: { 200: s.budgetView, ...scopedErrors() },
      },
    },
    async (req) => service.previewBudget(req.ctx, req.body),
  );
};
