import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, listOf, scopedErrors } from '../../platform/http/schema';
import * as dashboard from './dashboard';
import { documentRoutes } from './documents.routes';
import { ledgerRoutes } from './ledger.routes';
import { letterRoutes } from './letters.routes';
import { planRoutes } from './plan.routes';
import { questionnaireRoutes } from './questionnaires.routes';
import { toolkitRoutes } from './toolkit.routes';
import { fundRoutes } from './fund.routes';
import { mkbaRoutes } from './mkba.routes';
import * as s from './schema';
import * as service from './service';

const tags = ['jongeren-schulden'];

/** Routes under `/api/w/:workspace`; the platform has already checked membership. */
export const routes: FastifyPluginAsync = async (app) => {
  await app.register(letterRoutes);
  await app.register(ledgerRoutes);
  await app.register(planRoutes);
  await app.register(questionnaireRoutes);
  await app.register(toolkitRoutes);
  await app.register(fundRoutes);
  await app.register(mkbaRoutes);
  await app.register(documentRoutes);
  const api = app.withTypeProvider<ZodTypeProvider>();
  const workspace = z.object({ workspace: z.string().max(100) });

  api.post(
    '/youth-debt/offer-preview',
    {
      schema: {
        tags,
        summary:
          'Schikkingsvoorstel doorrekenen zonder iets op te slaan: beschikbaar bedrag A = capaciteit × looptijd (standaard 18 maanden); concurrent percentage p = A / (C + m·P), preferente schuldeisers m·p (m standaard 2), hoogstens 100 %; zou m·p boven 100 % komen, dan krijgen preferente schuldeisers alles en p = (A − P) / C. Uitkeringen in hele centen die samen precies het uitgekeerde bedrag zijn (grootste-restmethode; bij gelijke resten gaat de cent naar de eerst genoemde schuld). Percentages met twee decimalen. Voor ieder lid van de werkruimte',
        params: workspace,
        body: s.offerPreviewBody,
        response: { 200: s.offerView, ...scopedErrors() },
      },
    },
    async (req) => service.previewOffer(req.ctx, req.body),
  );
  api.post(
    '/youth-debt/mkba-preview',
    {
      schema: {
        tags,
        summary:
          'Maatschappelijke kosten-batenanalyse doorrekenen zonder iets op te slaan: contante waarde van kosten en baten per actor (jongere, gemeente, rijk, schuldeisers) en in totaal; een bedrag in jaar t (0 = startjaar) telt voor bedrag / (1 + r)^t, discontovoet r standaard 0,0225. Kosten en baten exact opgeteld en één keer afgerond op hele centen; saldo = baten − kosten; verhouding baten/kosten met twee decimalen. Voor ieder lid van de werkruimte',
        params: workspace,
        body: s.mkbaPreviewBody,
        response: { 200: s.mkbaView, ...scopedErrors() },
      },
    },
    async (req) => service.previewMkba(req.ctx, req.body),
  );

  api.get(
    '/youth-debt/dashboard',
    {
      schema: {
        tags,
        summary:
          'Dashboard van de werkruimte, alleen totalen (geen namen, geen deelnemersnummers): deelnemers naar status met redenen van uitval, schulden naar status en soort schuldeiser (aantal en bedrag in centen), totale en mediane schuld per deelnemer met schulden, begeleiders naar aantal lopende deelnemers, nieuwe deelnemers per kwartaal en leeftijd bij de start. Voor ieder lid van de werkruimte',
        params: workspace,
        response: { 200: s.dashboardView, ...scopedErrors() },
      },
    },
    async (req) => dashboard.dashboard(req.ctx),
  );

  // Settings of the workspace for the offer

  api.get(
    '/youth-debt/settings',
    { schema: { tags, summary: 'Instellingen voor het schikkingsvoorstel: looptijd (standaard 18 maanden) en factor voor preferente schuldeisers (standaard 2)', params: workspace, response: { 200: s.settingsView, ...scopedErrors() } } },
    async (req) => service.getSettings(req.ctx),
  );
  api.patch(
    '/youth-debt/settings',
    { schema: { tags, summary: 'Instellingen wijzigen (beheerder, programmamanager)', params: workspace, body: s.settingsBody, response: { 200: s.settingsView, ...scopedErrors() } } },
    async (req) => service.updateSettings(req.ctx, req.body),
  );

  // Creditors

  const creditor = workspace.extend(s.creditorParams.shape);
  api.get(
    '/youth-debt/creditors',
    { schema: { tags, summary: 'De gedeelde lijst van schuldeisers met hun adres voor brieven, op naam', params: workspace, response: { 200: listOf(s.creditorView), ...scopedErrors() } } },
    async (req) => service.listCreditors(req.ctx),
  );
  api.post(
    '/youth-debt/creditors',
    { schema: { tags, summary: 'Schuldeiser toevoegen', params: workspace, body: s.creditorBody, response: { 201: s.creditorView, ...scopedErrors(409) } } },
    async (req, reply) => reply.code(201).send(await service.createCreditor(req.ctx, req.body)),
  );
  api.patch(
    '/youth-debt/creditors/:creditorId',
    { schema: { tags, summary: 'Schuldeiser wijzigen', params: creditor, body: s.creditorPatch, response: { 200: s.creditorView, ...scopedErrors(409) } } },
    async (req) => service.updateCreditor(req.ctx, req.params.creditorId, req.body),
  );

  // Participants (pseudonymous) and their debts

  const participant = workspace.extend(s.participantParams.shape);
  api.get(
    '/youth-debt/participants',
    {
      schema: {
        tags,
        summary: 'Deelnemers op nummer (JPF-0001), met status, begeleider en schuld. De naam staat er alleen bij voor de eigen jongerenbegeleider en schuldhulpverlener (en dat lezen wordt gelogd); anderen zien alleen het nummer',
        params: workspace,
        querystring: s.participantListQuery,
        response: { 200: s.participantListView, ...scopedErrors() },
      },
    },
    async (req) => service.listParticipants(req.ctx, req.query),
  );
  api.post(
    '/youth-debt/participants',
    {
      schema: {
        tags,
        summary: 'Deelnemer aanmelden. Krijgt een nummer; geen BSN. Leeftijd bij de start 18 tot en met 27, anders ageExceptionReason. Begeleider en schuldhulpverlener moeten lid zijn van de werkruimte',
        params: workspace,
        body: s.createParticipantBody,
        response: { 201: s.participantView, ...scopedErrors() },
      },
    },
    async (req, reply) => reply.code(201).send(await service.createParticipant(req.ctx, req.body)),
  );
  api.get(
    '/youth-debt/participants/:participantId',
    { schema: { tags, summary: 'Eén deelnemer met schulden en aflossingscapaciteit; naam, contact en geboortedatum alleen voor begeleider en schuldhulpverlener', params: participant, response: { 200: s.participantView, ...scopedErrors() } } },
    async (req) => service.getParticipant(req.ctx, req.params.participantId),
  );
  api.patch(
    '/youth-debt/participants/:participantId',
    {
      schema: {
        tags,
        summary: 'Deelnemer wijzigen: status (met reden bij uitgevallen), begeleiding, inkomen en VTLB. Naam, contact en geboortedatum alleen door de eigen begeleider of schuldhulpverlener',
        params: participant,
        body: s.updateParticipantBody,
        response: { 200: s.participantView, ...scopedErrors() },
      },
    },
    async (req) => service.updateParticipant(req.ctx, req.params.participantId, req.body),
  );
  api.get(
    '/youth-debt/participants/:participantId/offer',
    {
      schema: {
        tags,
        summary: 'Het schikkingsvoorstel voor deze deelnemer: capaciteit (inkomen − VTLB) × looptijd van de werkruimte tegen de schulden, per schuldeiser in hele centen',
        params: participant,
        response: { 200: s.participantOfferView, ...scopedErrors() },
      },
    },
    async (req) => service.participantOffer(req.ctx, req.params.participantId),
  );

  const debt = workspace.extend(s.debtParams.shape);
  api.get(
    '/youth-debt/debts',
    { schema: { tags, summary: 'Schulden, per deelnemer (?participantId=…)', params: workspace, querystring: s.debtListQuery, response: { 200: listOf(s.debtView), ...scopedErrors() } } },
    async (req) => service.listDebts(req.ctx, req.query),
  );
  api.post(
    '/youth-debt/debts',
    { schema: { tags, summary: 'Schuld vastleggen bij een deelnemer; preferent standaard zoals bij de schuldeiser', params: workspace, body: s.createDebtBody, response: { 201: s.debtView, ...scopedErrors() } } },
    async (req, reply) => reply.code(201).send(await service.createDebt(req.ctx, req.body)),
  );
  api.get('/youth-debt/debts/:debtId', { schema: { tags, summary: 'Eén schuld', params: debt, response: { 200: s.debtView, ...scopedErrors() } } }, async (req) => service.getDebt(req.ctx, req.params.debtId));
  api.patch(
    '/youth-debt/debts/:debtId',
    { schema: { tags, summary: 'Schuld wijzigen: bedrag, soort, schuldeiser of status (open, voorgesteld, akkoord, geweigerd, geregeld)', params: debt, body: s.updateDebtBody, response: { 200: s.debtView, ...scopedErrors() } } },
    async (req) => service.updateDebt(req.ctx, req.params.debtId, req.body),
  );
};

/** Routes outside a workspace, under `/api`: the approach-wide view, for administrators of the installation. */
export const globalRoutes: FastifyPluginAsync = async (app) => {
  // Before the input is validated, as the platform does for membership.
  app.addHook('preValidation', async (request) => dashboard.requireAdmin(request.ctx));
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/youth-debt/approach',
    {
      schema: {
        tags,
        summary:
          'De aanpak in het hele land (alleen voor beheerders van de installatie, zoals de stichting die de aanpak verspreidt): per werkruimte met deelnemers dezelfde totalen als het dashboard, en opgeteld. Kleine aantallen beschermd: geen cijfer voor een groep van minder dan 5 deelnemers (value null, suppressed true), en ook geen cijfer waarmee zo\'n groep uit de totalen terug te rekenen is. Redenen van uitval blijven in de werkruimte',
        response: { 200: s.approachView, ...errorResponses(401, 403) },
      },
    },
    // Sent as serialised once per version of the figures (checked against the schema then): the view is
    // large and read often. A JSON string goes out as it is, past the route's serializer.
    async (req, reply) => reply.type('application/json; charset=utf-8').send((await dashboard.approachJson(req.ctx)) as never),
  );
};
