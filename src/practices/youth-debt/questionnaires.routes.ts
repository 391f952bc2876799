import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, scopedErrors } from '../../platform/http/schema';
import * as s from './questionnaires.schema';
import * as service from './questionnaires.service';
import { participantParams } from './schema';

const tags = ['jongeren-schulden'];

/** The effect monitor's routes under `/api/w/:workspace`; the platform has already checked membership. */
export const questionnaireRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const workspace = z.object({ workspace: z.string().max(100) });
  const participant = workspace.extend(participantParams.shape);
  const link = participant.extend(s.linkParams.shape);

  api.get(
    '/youth-debt/effect-monitor',
    {
      schema: {
        tags,
        summary:
          'Effectmonitor: gemiddeld cijfer (1–10, één decimaal) per levensgebied en voor welzijn, per meetmoment (intake, 6, 12, 18, 24 maanden), apart voor de vragenlijsten van jongeren en van begeleiders, en de gemiddelde verandering sinds de intake bij dezelfde deelnemers. Geen gemiddelde over minder dan 5 vragenlijsten (mean en n null, suppressed true). Geen namen of nummers; voor ieder lid van de werkruimte',
        params: workspace,
        response: { 200: s.effectMonitorView, ...scopedErrors() },
      },
    },
    async (req) => service.effectMonitor(req.ctx),
  );
  api.get(
    '/youth-debt/participants/:participantId/questionnaires',
    {
      schema: {
        tags,
        summary:
          'De vragenlijsten van een deelnemer per meetmoment: datum (startdatum + maanden; in te vullen vanaf twee weken ervoor), status voor jongere en begeleider (gepland, open, te_laat, ingevuld) en de werkende privélink. Cijfers en hun ontwikkeling alleen voor de eigen jongerenbegeleider en schuldhulpverlener',
        params: participant,
        response: { 200: s.questionnairesView, ...scopedErrors() },
      },
    },
    async (req) => service.participantQuestionnaires(req.ctx, req.params.participantId),
  );
  api.put(
    '/youth-debt/participants/:participantId/questionnaires',
    {
      schema: {
        tags,
        summary:
          'De vragenlijst van de begeleider voor één meetmoment invullen, of verbeteren als die al was ingevuld: een cijfer van 1 tot en met 10 per levensgebied en voor welzijn. Alleen door de eigen jongerenbegeleider of schuldhulpverlener, vanaf twee weken voor het meetmoment',
        params: participant,
        body: s.fillBody,
        response: { 200: s.questionnairesView, ...scopedErrors() },
      },
    },
    async (req) => service.fillAsCoach(req.ctx, req.params.participantId, req.body),
  );
  api.get(
    '/youth-debt/participants/:participantId/questionnaire-links',
    {
      schema: {
        tags,
        summary: 'De privélinks van een deelnemer (nieuwste eerst) met hun status: actief, gebruikt, verlopen of ingetrokken. Nooit de link zelf: die is alleen bij het maken te zien',
        params: participant,
        response: { 200: s.linkListView, ...scopedErrors() },
      },
    },
    async (req) => service.listLinks(req.ctx, req.params.participantId),
  );
  api.post(
    '/youth-debt/participants/:participantId/questionnaire-links',
    {
      schema: {
        tags,
        summary:
          'Een privélink maken waarmee de jongere zonder account de eigen vragenlijst van één meetmoment invult (ook op een telefoon). De link (token) staat alleen in dit antwoord; bewaard wordt alleen een hash. 30 dagen en één keer geldig; een eerdere werkende link voor hetzelfde moment wordt ingetrokken. Alleen door de eigen jongerenbegeleider of schuldhulpverlener',
        params: participant,
        body: s.linkBody,
        response: { 201: s.linkCreated, ...scopedErrors(409) },
      },
    },
    async (req, reply) => reply.code(201).send(await service.createLink(req.ctx, req.params.participantId, req.body)),
  );
  api.post(
    '/youth-debt/participants/:participantId/questionnaire-links/:linkId/revoke',
    {
      schema: {
        tags,
        summary: 'Een privélink intrekken: hij werkt direct niet meer. Een gebruikte link kan niet worden ingetrokken (409)',
        params: link,
        response: { 200: s.linkView, ...scopedErrors(409) },
      },
    },
    async (req) => service.revokeLink(req.ctx, req.params.participantId, req.params.linkId),
  );
};

/** The young person's private link, without an account, under `/api/public` (rate-limited like every public route). */
export const questionnairePublicRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/public/youth-debt/questionnaires/:token',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'De eigen vragenlijst openen via de privélink: het meetmoment en de vragen, zonder naam of deelnemersnummer. Een onbekende, ingetrokken, verlopen of gebruikte link geeft een eigen foutcode',
        security: [],
        params: s.tokenParams,
        response: { 200: s.publicQuestionnaireView, ...errorResponses(400, 404, 409) },
      },
    },
    async (req) => service.publicQuestionnaire(req.ctx, req.params.token),
  );
  api.post(
    '/public/youth-debt/questionnaires/:token',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'De eigen vragenlijst invullen via de privélink (één keer): een cijfer van 1 tot en met 10 per levensgebied en voor welzijn',
        security: [],
        params: s.tokenParams,
        body: s.publicFillBody,
        response: { 200: s.publicFilledView, ...errorResponses(400, 404, 409) },
      },
    },
    async (req) => service.fillByLink(req.ctx, req.params.token, req.body),
  );
};
