import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listOf, scopedErrors } from '../../platform/http/schema';
import { sessionDocument } from './minutes';
import * as s from './schema';
import * as service from './service';

const tags = ['leren'];

/** Routes under `/api/w/:workspace`; the platform has already checked membership. */
export const routes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const workspace = z.object({ workspace: z.string().max(100) });
  const byId = workspace.extend(s.idParams.shape);
  const round = workspace.extend(s.roundParams.shape);
  const ok = { ...scopedErrors() };

  // Cycles
  api.get(
    '/learning/cycles',
    { schema: { tags, summary: 'Leercycli van de werkruimte: per actielijn, gebied of de hele werkruimte, met ritme en wanneer de volgende sessie komt', params: workspace, querystring: s.cycleListQuery, response: { 200: listOf(s.cycleSummaryView).extend({ can: z.object({ create: z.boolean() }) }), ...ok } } },
    async (req) => service.listCycles(req.ctx, req.query),
  );
  api.post(
    '/learning/cycles',
    {
      schema: {
        tags,
        summary: 'Leercyclus starten: scope {kind: action_line | area | workspace, id}, ritme in weken (cadenceWeeks), titel en deelnemers (leden of gasten van partners)',
        params: workspace,
        body: s.createCycleBody,
        response: { 201: s.cycleView, ...ok },
      },
    },
    async (req, reply) => reply.code(201).send(await service.createCycle(req.ctx, req.body)),
  );
  api.get('/learning/cycles/:id', { schema: { tags, summary: 'Eén leercyclus met deelnemers en sessies', params: byId, response: { 200: s.cycleView, ...ok } } }, async (req) => service.getCycle(req.ctx, req.params.id));
  api.post(
    '/learning/cycles/:id/participants',
    { schema: { tags, summary: 'Deelnemers toevoegen: leden of gasten van partnerorganisaties', params: byId, body: z.object({ participants: z.array(s.participantInput).min(1).max(100) }).strict(), response: { 201: s.cycleView, ...ok } } },
    async (req, reply) => reply.code(201).send(await service.addParticipants(req.ctx, req.params.id, req.body.participants)),
  );
  api.post(
    '/learning/cycles/:id/sessions',
    {
      schema: {
        tags,
        summary: 'Sessie plannen op een datum; met de rondes "Wat zagen we? / Wat betekent het? / Wat nu?" tenzij anders opgegeven. kind: reflection (standaard) of timeline (tijdlijnworkshop)',
        params: byId,
        body: s.createSessionBody,
        response: { 201: s.sessionView, ...ok },
      },
    },
    async (req, reply) => reply.code(201).send(await service.createSession(req.ctx, req.params.id, req.body)),
  );
  api.post(
    '/learning/cycles/:id/questions',
    { schema: { tags, summary: 'Leervraag op de leeragenda van de cyclus zetten, met bron en gekoppelde opgave of actielijn', params: byId, body: s.questionBody, response: { 201: s.questionView, ...ok } } },
    async (req, reply) => reply.code(201).send(await service.createQuestion(req.ctx, req.params.id, req.body)),
  );

  // Sessions
  api.get(
    '/learning/sessions',
    { schema: { tags, summary: 'Sessiekalender: sessies van alle leercycli, nieuwste eerst; per cyclus of periode (from, to)', params: workspace, querystring: s.sessionListQuery, response: { 200: listOf(s.sessionSummaryView), ...ok } } },
    async (req) => service.listSessions(req.ctx, req.query),
  );
  api.get(
    '/learning/sessions/:id',
    { schema: { tags, summary: 'Eén sessie: rondes met bijdragen en wie aan de beurt is, inzichten, besluiten, aannames, acties en de leeragenda', params: byId, response: { 200: s.sessionView, ...ok } } },
    async (req) => service.getSession(req.ctx, req.params.id),
  );
  api.patch(
    '/learning/sessions/:id',
    { schema: { tags, summary: 'Sessie wijzigen; status held bewaart de leeragenda zoals die nu is bij de sessie', params: byId, body: s.updateSessionBody, response: { 200: s.sessionView, ...ok } } },
    async (req) => service.updateSession(req.ctx, req.params.id, req.body),
  );
  api.get(
    '/learning/sessions/:id/evidence',
    {
      schema: {
        tags,
        summary:
          'Bewijsmap van de sessie voor haar scope sinds de vorige sessie (of het begin van de cyclus): nieuwe en verlopen waarnemingen met gekozen verhalen, afwijkingen en regels onder druk, ongeteste en twijfelachtige aannames, open leervragen, open acties van eerdere sessies, metingen (zodra indicatoren bestaan) en oogst',
        params: byId,
        response: { 200: s.evidencePack, ...ok },
      },
    },
    async (req) => service.evidencePack(req.ctx, req.params.id),
  );
  api.get(
    '/learning/sessions/:id/minutes',
    {
      schema: {
        tags,
        summary: 'Verslag van de sessie (part=minutes, standaard) of de bewijsmap (part=evidence) als leesbare HTML-pagina (format=html, standaard) of PDF (format=pdf), om te mailen aan de deelnemers',
        params: byId,
        querystring: s.minutesQuery,
        response: { 200: z.any().describe('text/html or application/pdf'), ...ok },
      },
    },
    async (req, reply) => {
      const file = await sessionDocument(req.ctx, req.params.id, req.query.part ?? 'minutes', req.query.format ?? 'html');
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `${file.format === 'pdf' ? 'attachment' : 'inline'}; filename="${file.fileName}"`)
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
        .header('cache-control', 'private, no-store')
        .send(file.body);
    },
  );
  api.post(
    '/learning/sessions/:id/rounds',
    { schema: { tags, summary: 'Ronde toevoegen aan de sessie', params: byId, body: s.roundBody, response: { 201: s.sessionView, ...ok } } },
    async (req, reply) => reply.code(201).send(await service.addRound(req.ctx, req.params.id, req.body)),
  );
  api.post(
    '/learning/sessions/:id/rounds/:roundId/contributions',
    { schema: { tags, summary: 'Bijdrage van een deelnemer in een ronde vastleggen (door de gespreksleider)', params: round, body: s.contributionBody, response: { 201: s.sessionView, ...ok } } },
    async (req, reply) => reply.code(201).send(await service.addContribution(req.ctx, req.params.id, req.params.roundId, req.body)),
  );
  api.post(
    '/learning/sessions/:id/insights',
    { schema: { tags, summary: 'Inzicht van de sessie vastleggen', params: byId, body: s.insightBody, response: { 201: s.sessionView, ...ok } } },
    async (req, reply) => reply.code(201).send(await service.addInsight(req.ctx, req.params.id, req.body)),
  );
  api.post(
    '/learning/sessions/:id/decisions',
    {
      schema: {
        tags,
        summary:
          'Besluit over een actielijn in de scope: keep (goed zo), more (meer doen), better (beter doen), different (anders doen) of stop, met onderbouwing en bewijs [{kind, id}]. Bij different en stop zijn onderbouwing en ten minste één bewijsstuk verplicht',
        params: byId,
        body: s.decisionBody,
        response: { 201: s.decisionView, ...ok },
      },
    },
    async (req, reply) => reply.code(201).send(await service.recordDecision(req.ctx, req.params.id, req.body)),
  );
  api.post(
    '/learning/sessions/:id/assumptions',
    {
      schema: {
        tags,
        summary: 'Status van een aanname van de verandertheorie wijzigen in de sessie (bijv. twijfelachtig → weerlegd), met onderbouwing; de geschiedenis blijft bij de aanname bewaard',
        params: byId,
        body: s.assumptionUpdateBody,
        response: { 201: s.sessionView, ...ok },
      },
    },
    async (req, reply) => reply.code(201).send(await service.updateAssumptionInSession(req.ctx, req.params.id, req.body)),
  );
  api.post(
    '/learning/sessions/:id/actions',
    { schema: { tags, summary: 'Actie afspreken: wat, wie (een lid), wanneer; zij komt terug in de bewijsmap van volgende sessies tot zij gedaan is', params: byId, body: s.actionBody, response: { 201: s.sessionView, ...ok } } },
    async (req, reply) => reply.code(201).send(await service.createAction(req.ctx, req.params.id, req.body)),
  );
  api.post(
    '/learning/sessions/:id/agenda',
    { schema: { tags, summary: 'De leeragenda zoals die nu is bewaren als gedateerde versie bij deze sessie', params: byId, response: { 201: s.agendaVersionView, ...ok } } },
    async (req, reply) => reply.code(201).send(await service.keepAgenda(req.ctx, req.params.id)),
  );
  api.get(
    '/learning/agenda/compare',
    { schema: { tags, summary: 'Twee versies van de leeragenda vergelijken (sessie-id’s from en to): toegevoegde, vervallen en gewijzigde vragen', params: workspace, querystring: s.compareQuery, response: { 200: s.agendaComparison, ...ok } } },
    async (req) => service.compareAgenda(req.ctx, req.query),
  );

  // Actions and questions
  api.get(
    '/learning/actions',
    { schema: { tags, summary: 'Acties uit sessies, op vervaldatum; per cyclus of status', params: workspace, querystring: s.actionListQuery, response: { 200: listOf(s.actionView), ...ok } } },
    async (req) => service.listActions(req.ctx, req.query),
  );
  api.patch(
    '/learning/actions/:id',
    { schema: { tags, summary: 'Actie afronden (status done) of wijzigen', params: byId, body: s.actionPatch, response: { 200: s.actionView, ...ok } } },
    async (req) => service.updateAction(req.ctx, req.params.id, req.body),
  );
  api.get(
    '/learning/questions',
    { schema: { tags, summary: 'Leervragen (de leeragenda), met lang openstaande vragen gemarkeerd', params: workspace, querystring: s.questionListQuery, response: { 200: listOf(s.questionView), ...ok } } },
    async (req) => service.listQuestions(req.ctx, req.query),
  );
  api.patch(
    '/learning/questions/:id',
    { schema: { tags, summary: 'Leervraag herzien: open houden, voorlopig beantwoorden (provisional) of laten vallen (dropped)', params: byId, body: s.questionPatch, response: { 200: s.questionView, ...ok } } },
    async (req) => service.updateQuestion(req.ctx, req.params.id, req.body),
  );

  // Timeline and outcomes
  api.get(
    '/learning/timeline',
    { schema: { tags, summary: 'Tijdlijn (leergeschiedenis): gebeurtenissen met hoogte-, dieptepunten en leermomenten', params: workspace, querystring: s.timelineQuery, response: { 200: listOf(s.timelineEventView), ...ok } } },
    async (req) => service.listTimeline(req.ctx, req.query),
  );
  api.post(
    '/learning/timeline',
    { schema: { tags, summary: 'Gebeurtenis op de tijdlijn van een scope zetten', params: workspace, body: s.timelineBody, response: { 201: s.timelineEventView, ...ok } } },
    async (req, reply) => reply.code(201).send(await service.createTimelineEvent(req.ctx, req.body)),
  );
  api.post(
    '/learning/timeline/:id/annotations',
    { schema: { tags, summary: 'Gebeurtenis duiden als hoogtepunt (high), dieptepunt (low) of leermoment (learning), met waarom', params: byId, body: s.annotationBody, response: { 201: s.timelineEventView, ...ok } } },
    async (req, reply) => reply.code(201).send(await service.annotateEvent(req.ctx, req.params.id, req.body)),
  );
  api.get(
    '/learning/outcomes',
    { schema: { tags, summary: 'Oogst (outcome harvesting): wie veranderde wat, wanneer, waar; betekenis, bijdrage, bronnen en onderbouwing', params: workspace, querystring: s.outcomeListQuery, response: { 200: listOf(s.outcomeView), ...ok } } },
    async (req) => service.listOutcomes(req.ctx, req.query),
  );
  api.post(
    '/learning/outcomes',
    { schema: { tags, summary: 'Oogst vastleggen', params: workspace, body: s.outcomeBody, response: { 201: s.outcomeView, ...ok } } },
    async (req, reply) => reply.code(201).send(await service.createOutcome(req.ctx, req.body)),
  );

  // Board decisions
  api.get(
    '/learning/board-decisions',
    {
      schema: {
        tags,
        summary: 'Bestuursbesluiten met hun bewijs en wat ze veranderen; due=true: de besluiten waarvan de terugkoppeldatum voorbij is zonder bericht uit de praktijk',
        params: workspace,
        querystring: s.boardListQuery,
        response: { 200: listOf(s.boardDecisionView).extend({ can: z.object({ create: z.boolean(), followUp: z.boolean() }) }), ...ok },
      },
    },
    async (req) => service.listBoardDecisions(req.ctx, req.query),
  );
  api.post(
    '/learning/board-decisions',
    { schema: { tags, summary: 'Bestuursbesluit vastleggen (college, wethouder, stuurgroep, ALV): tekst, bewijs, gewijzigde tredes en regels, terugkoppeldatum', params: workspace, body: s.boardDecisionBody, response: { 201: s.boardDecisionView, ...ok } } },
    async (req, reply) => reply.code(201).send(await service.createBoardDecision(req.ctx, req.body)),
  );
  api.get(
    '/learning/board-decisions/:id',
    { schema: { tags, summary: 'Eén bestuursbesluit met bewijs en terugkoppeling uit de praktijk', params: byId, response: { 200: s.boardDecisionView, ...ok } } },
    async (req) => service.getBoardDecision(req.ctx, req.params.id),
  );
  api.post(
    '/learning/board-decisions/:id/follow-ups',
    { schema: { tags, summary: 'Terugkoppeling uit de praktijk: wat we zagen na het besluit', params: byId, body: s.followUpBody, response: { 201: s.boardDecisionView, ...ok } } },
    async (req, reply) => reply.code(201).send(await service.addFollowUp(req.ctx, req.params.id, req.body)),
  );

  api.get(
    '/learning/overview',
    { schema: { tags, summary: 'Overzicht: hoe vaak goed zo / meer / beter / anders / stoppen, de komende sessies, en per actielijn (actionLineId) cyclus, laatste besluit, open acties, aannames en leervragen', params: workspace, querystring: s.overviewQuery, response: { 200: s.overviewView, ...ok } } },
    async (req) => service.overview(req.ctx, req.query),
  );
};
