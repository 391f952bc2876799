import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listOf, scopedErrors } from '../../platform/http/schema';
import { participantParams } from './schema';
import * as s from './plan.schema';
import * as service from './plan.service';

const tags = ['jongeren-schulden'];

/**
 * The perspective plan, coaching contacts, timeline and outcomes, under `/api/w/:workspace`.
 * Registered from the module's scoped routes; the platform has already checked membership.
 */
export const planRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const workspace = z.object({ workspace: z.string().max(100) });
  const participant = workspace.extend(participantParams.shape);
  const goal = workspace.extend(s.goalParams.shape);
  const contact = workspace.extend(s.contactParams.shape);
  const noContent = { 204: z.null() };

  api.get(
    '/youth-debt/participants/:participantId/plan',
    {
      schema: {
        tags,
        summary:
          'Het perspectiefplan van een deelnemer: doelen per levensdomein met stappen en voortgang, contacten (de notitie alleen voor de eigen jongerenbegeleider en schuldhulpverlener; dat lezen wordt gelogd), de tijdlijn van twee jaar en de uitkomsten',
        params: participant,
        response: { 200: s.planView, ...scopedErrors() },
      },
    },
    async (req) => service.getPlan(req.ctx, req.params.participantId),
  );
  api.put(
    '/youth-debt/participants/:participantId/outcome',
    {
      schema: {
        tags,
        summary:
          'Uitkomsten vastleggen of bijwerken: schuldenvrij, in opleiding, aan het werk, stabiele huisvesting, bijstand — elk ja, nee of onbekend, met de datum (standaard vandaag). Kan bij afgerond of uitgevallen, of vanaf 24 maanden na de start; anders 409 youth_debt.outcome_too_early',
        params: participant,
        body: s.outcomeBody,
        response: { 200: s.planView, ...scopedErrors(409) },
      },
    },
    async (req) => service.recordOutcome(req.ctx, req.params.participantId, req.body),
  );

  // Goals

  api.get(
    '/youth-debt/goals',
    { schema: { tags, summary: 'Doelen van het perspectiefplan, per deelnemer (?participantId=…), met stappen en voortgang', params: workspace, querystring: s.goalListQuery, response: { 200: listOf(s.goalView), ...scopedErrors() } } },
    async (req) => service.listGoals(req.ctx, req.query),
  );
  api.post(
    '/youth-debt/goals',
    {
      schema: {
        tags,
        summary: 'Doel toevoegen aan het perspectiefplan: levensdomein, titel, stappen in volgorde; voortgang 0–100 alleen voor een doel zonder stappen. Geen BSN, IBAN, e-mailadres of telefoonnummer in titels',
        params: workspace,
        body: s.createGoalBody,
        response: { 201: s.goalView, ...scopedErrors() },
      },
    },
    async (req, reply) => reply.code(201).send(await service.createGoal(req.ctx, req.body)),
  );
  api.get('/youth-debt/goals/:goalId', { schema: { tags, summary: 'Eén doel met stappen', params: goal, response: { 200: s.goalView, ...scopedErrors() } } }, async (req) => service.getGoal(req.ctx, req.params.goalId));
  api.patch(
    '/youth-debt/goals/:goalId',
    {
      schema: {
        tags,
        summary: 'Doel wijzigen: titel, domein, status (bereikt legt vandaag als datum vast), de stappen (alle, in volgorde; een stap die klaar wordt krijgt vandaag als datum) of de voortgang van een doel zonder stappen',
        params: goal,
        body: s.updateGoalBody,
        response: { 200: s.goalView, ...scopedErrors() },
      },
    },
    async (req) => service.updateGoal(req.ctx, req.params.goalId, req.body),
  );
  api.delete(
    '/youth-debt/goals/:goalId',
    { schema: { tags, summary: 'Doel met zijn stappen verwijderen', params: goal, response: { ...noContent, ...scopedErrors() } } },
    async (req, reply) => {
      await service.deleteGoal(req.ctx, req.params.goalId);
      return reply.code(204).send(null);
    },
  );

  // Coaching contacts

  api.get(
    '/youth-debt/contacts',
    {
      schema: {
        tags,
        summary: 'Contacten met deelnemers, nieuwste eerst (?participantId=…): datum, soort en duur; de notitie alleen voor de eigen jongerenbegeleider en schuldhulpverlener (anders null), en dat lezen wordt gelogd',
        params: workspace,
        querystring: s.contactListQuery,
        response: { 200: listOf(s.contactView), ...scopedErrors() },
      },
    },
    async (req) => service.listContacts(req.ctx, req.query),
  );
  api.post(
    '/youth-debt/contacts',
    {
      schema: {
        tags,
        summary:
          'Contact vastleggen (alleen de eigen jongerenbegeleider of schuldhulpverlener): datum (niet in de toekomst), soort, duur in minuten en een korte notitie. Een notitie met een BSN, IBAN, e-mailadres of telefoonnummer wordt geweigerd (youth_debt.note_personal_data) en er wordt niets opgeslagen',
        params: workspace,
        body: s.createContactBody,
        response: { 201: s.contactView, ...scopedErrors() },
      },
    },
    async (req, reply) => reply.code(201).send(await service.createContact(req.ctx, req.body)),
  );
  api.get('/youth-debt/contacts/:contactId', { schema: { tags, summary: 'Eén contact; de notitie alleen voor de eigen begeleider en schuldhulpverlener', params: contact, response: { 200: s.contactView, ...scopedErrors() } } }, async (req) =>
    service.getContact(req.ctx, req.params.contactId),
  );
  api.patch(
    '/youth-debt/contacts/:contactId',
    { schema: { tags, summary: 'Contact wijzigen (alleen de eigen begeleider of schuldhulpverlener)', params: contact, body: s.updateContactBody, response: { 200: s.contactView, ...scopedErrors() } } },
    async (req) => service.updateContact(req.ctx, req.params.contactId, req.body),
  );
  api.delete(
    '/youth-debt/contacts/:contactId',
    { schema: { tags, summary: 'Contact verwijderen (alleen de eigen begeleider of schuldhulpverlener)', params: contact, response: { ...noContent, ...scopedErrors() } } },
    async (req, reply) => {
      await service.deleteContact(req.ctx, req.params.contactId);
      return reply.code(204).send(null);
    },
  );
  api.post(
    '/youth-debt/contacts/:contactId/story',
    {
      schema: {
        tags,
        summary:
          'Een verhaal uit dit contact delen als waarneming (soort verhaal, label schuldenaanpak) van de werkruimte, zodat het in leersessies en rapportages meetelt. Alleen de eigen begeleider of schuldhulpverlener, één keer per contact; zonder naam of deelnemernummer, niet openbaar, en tekst met een BSN, IBAN, e-mailadres of telefoonnummer wordt geweigerd',
        params: contact,
        body: s.storyBody,
        response: { 201: s.storyView, ...scopedErrors() },
      },
    },
    async (req, reply) => reply.code(201).send(await service.shareStory(req.ctx, req.params.contactId, req.body)),
  );

  // Dashboard

  api.get(
    '/youth-debt/plan-summary',
    {
      schema: {
        tags,
        summary:
          'Voor het dashboard: doelen en bereikte doelen per levensdomein en de uitkomsten (aantallen en aandelen in hele procenten) van de werkruimte. Kleine aantallen beschermd: geen cijfer voor een groep van minder dan 5 deelnemers (value null, suppressed true), en geen cijfer waarmee zo\'n groep terug te rekenen is. Voor ieder lid van de werkruimte',
        params: workspace,
        response: { 200: s.planSummaryView, ...scopedErrors() },
      },
    },
    async (req) => service.planSummary(req.ctx),
  );
};
