import multipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readUploadedFile, sendStoredFile, uploadLimits } from '../../platform/files/http';
import { errorResponses, listOf, scopedErrors } from '../../platform/http/schema';
import { importFailure, sendImportFailure, uploadedSheet } from '../../platform/imports';
import { toCsv, toXlsx } from '../../platform/tables';
import * as attachments from './attachments';
import { observationErrors } from './errors';
import { importObservations } from './importer';
import { mscRoutes } from './msc.routes';
import * as s from './schema';
import { getRetention, setRetention } from './retention';
import * as service from './service';

const tags = ['waarnemingen'];
/** Residents' reports without an account: enough for a household, too few for a flood. */
export const PUBLIC_REPORT_RATE_LIMIT = { max: 10, timeWindow: '1 hour' } as const;

/** Routes under `/api/w/:workspace`; the platform has already checked membership. */
export const routes: FastifyPluginAsync = async (app) => {
  await app.register(mscRoutes);
  const api = app.withTypeProvider<ZodTypeProvider>();
  const workspace = z.object({ workspace: z.string().max(100) });
  const observation = workspace.extend(s.observationParams.shape);
  const template = workspace.extend(s.templateParams.shape);

  api.get(
    '/observations',
    {
      schema: {
        tags,
        summary: 'Waarnemingen zoeken en filteren (q in het Nederlands: "wijkteams" vindt "wijkteam"), met aantallen per soort, status en gebied',
        params: workspace,
        querystring: s.listQuery,
        response: { 200: s.listView, ...scopedErrors() },
      },
    },
    async (req) => service.listObservations(req.ctx, req.query),
  );
  api.post(
    '/observations',
    {
      schema: {
        tags,
        summary: 'Waarneming vastleggen; een signaal of knelpunt krijgt een eigenaar en een uiterste antwoorddatum (400 observation.personal_data als openbare tekst persoonsgegevens lijkt te bevatten)',
        params: workspace,
        body: s.createObservationBody,
        response: { 201: s.observationView, ...scopedErrors() },
      },
    },
    async (req, reply) => reply.code(201).send(await service.createObservation(req.ctx, req.body)),
  );
  api.post(
    '/observations/check-text',
    {
      schema: {
        tags,
        summary: 'Controle vóór het opslaan: waar lijken titel en tekst persoonsgegevens te bevatten (BSN, IBAN, e-mailadres, telefoonnummer)?',
        params: workspace,
        body: s.checkTextBody,
        response: { 200: s.checkTextView, ...scopedErrors() },
      },
    },
    async (req) => service.checkText(req.ctx, req.body),
  );
  api.get(
    '/observations/export',
    {
      schema: {
        tags,
        summary: 'Waarnemingen exporteren met dezelfde filters als de lijst: ?format=csv|xlsx|json (zonder contactgegevens van melders)',
        params: workspace,
        querystring: s.exportQuery,
        response: { 200: z.any().describe('The file (text/csv, XLSX or JSON)'), ...scopedErrors() },
      },
    },
    async (req, reply) => {
      const { format = 'csv', ...filter } = req.query;
      const records = await service.exportRecords(req.ctx, filter);
      const name = `waarnemingen-${req.ctx.workspace!.slug}`;
      if (format === 'json') return reply.header('content-disposition', `attachment; filename="${name}.json"`).send({ items: records, total: records.length });
      if (format === 'xlsx') {
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${name}.xlsx"`)
          .send(await toXlsx('waarnemingen', service.EXPORT_COLUMNS, records, ['title', 'text']));
      }
      return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).send(toCsv(service.EXPORT_COLUMNS, records));
    },
  );
  api.get(
    '/observations/:observationId',
    { schema: { tags, summary: 'Eén waarneming met haar hele geschiedenis (history) en de stappen die u mag zetten', params: observation, response: { 200: s.observationView, ...scopedErrors() } } },
    async (req) => service.getObservation(req.ctx, req.params.observationId),
  );
  api.patch(
    '/observations/:observationId',
    {
      schema: {
        tags,
        summary: 'Waarneming wijzigen (de melder zolang ze nieuw is, of een coördinator); de persoonsgegevenscontrole geldt opnieuw',
        params: observation,
        body: s.updateObservationBody,
        response: { 200: s.observationView, ...scopedErrors() },
      },
    },
    async (req) => service.updateObservation(req.ctx, req.params.observationId, req.body),
  );
  api.delete(
    '/observations/:observationId',
    { schema: { tags, summary: 'Waarneming verwijderen met haar geschiedenis (alleen beheerder)', params: observation, response: { 204: z.null(), ...scopedErrors() } } },
    async (req, reply) => {
      await service.deleteObservation(req.ctx, req.params.observationId);
      return reply.code(204).send(null);
    },
  );
  api.post(
    '/observations/:observationId/transitions',
    {
      schema: {
        tags,
        summary: 'Volgende stap: in_behandeling, beantwoord (met antwoord), doorgezet (aan wie), afgesloten, heropend (met reden); 409 observation.illegal_transition als die stap niet kan',
        params: observation,
        body: s.transitionBody,
        response: { 200: s.observationView, ...scopedErrors(409) },
      },
    },
    async (req) => service.transition(req.ctx, req.params.observationId, req.body),
  );
  api.post(
    '/observations/:observationId/satisfaction',
    {
      schema: { tags, summary: 'De melder zegt of het antwoord hielp (1–5)', params: observation, body: s.satisfactionBody, response: { 200: s.observationView, ...scopedErrors(409) } },
    },
    async (req) => service.rate(req.ctx, req.params.observationId, req.body),
  );
  api.get(
    '/observation-retention',
    { schema: { tags, summary: 'Bewaartermijnen per soort en status', params: workspace, response: { 200: s.retentionView, ...scopedErrors() } } },
    async (req) => getRetention(req.ctx),
  );
  api.put(
    '/observation-retention',
    {
      schema: {
        tags,
        summary: 'Bewaartermijnen vervangen (beheerder); een dagelijkse taak verwijdert wat over de termijn is en legt dat vast in het auditlog',
        params: workspace,
        body: s.retentionBody,
        response: { 200: s.retentionView, ...scopedErrors() },
      },
    },
    async (req) => setRetention(req.ctx, req.body),
  );
  api.get(
    '/observation-kinds',
    {
      schema: {
        tags,
        summary: 'De soorten waarnemingen: verhaal, signaal, knelpunt, idee, succes en de soorten die praktijken toevoegen; answerable = krijgt een eigenaar en een uiterste antwoorddatum',
        params: workspace,
        response: { 200: s.kindsView, ...scopedErrors() },
      },
    },
    async (req) => service.listKinds(req.ctx),
  );
  api.get(
    '/inbox',
    { schema: { tags, summary: 'Wat op uw antwoord wacht, te laat eerst', params: workspace, response: { 200: s.inboxView, ...scopedErrors() } } },
    async (req) => service.inbox(req.ctx),
  );

  api.get(
    '/observation-templates',
    {
      schema: {
        tags,
        summary: 'Standaardantwoorden van deze werkruimte',
        params: workspace,
        response: { 200: listOf(s.templateView).extend({ can: z.object({ manage: z.boolean() }) }), ...scopedErrors() },
      },
    },
    async (req) => service.listTemplates(req.ctx),
  );
  api.post(
    '/observation-templates',
    { schema: { tags, summary: 'Standaardantwoord toevoegen', params: workspace, body: s.templateBody, response: { 201: s.templateView, ...scopedErrors(409) } } },
    async (req, reply) => reply.code(201).send(await service.createTemplate(req.ctx, req.body)),
  );
  api.patch(
    '/observation-templates/:templateId',
    { schema: { tags, summary: 'Standaardantwoord wijzigen', params: template, body: s.templatePatch, response: { 200: s.templateView, ...scopedErrors(409) } } },
    async (req) => service.updateTemplate(req.ctx, req.params.templateId, req.body),
  );
  api.delete(
    '/observation-templates/:templateId',
    { schema: { tags, summary: 'Standaardantwoord verwijderen', params: template, response: { 204: z.null(), ...scopedErrors() } } },
    async (req, reply) => {
      await service.deleteTemplate(req.ctx, req.params.templateId);
      return reply.code(204).send(null);
    },
  );

  // Attachments and the import: the only routes of this module that read multipart bodies, in a
  // child plugin of their own so every other route stays JSON-only.
  await app.register(async (child) => {
    await child.register(multipart, uploadLimits);
    const files = child.withTypeProvider<ZodTypeProvider>();
    const attachment = workspace.extend(attachments.attachmentParams.shape);

    files.get(
      '/observations/:observationId/attachments',
      {
        schema: {
          tags,
          summary: 'Bijlagen van een waarneming (foto’s en pdf’s), oudste eerst, zonder de bestanden zelf; can.upload zegt of u er nu een mag toevoegen',
          params: observation,
          response: { 200: attachments.attachmentListView, ...scopedErrors() },
        },
      },
      async (req) => attachments.listAttachments(req.ctx, req.params.observationId),
    );
    files.post(
      '/observations/:observationId/attachments',
      {
        schema: {
          tags,
          summary:
            'Bijlage toevoegen (multipart/form-data, veld "file"): een foto (JPEG, PNG of WebP; locatie en andere metadata worden verwijderd) of een pdf zonder JavaScript, hooguit 10 MB en 5 bijlagen per waarneming. Het type volgt uit de inhoud, niet uit de naam. Voor de melder, de eigenaar en coördinatoren',
          params: observation,
          response: { 201: attachments.attachmentView, ...scopedErrors(409, 413, 415) },
        },
      },
      async (req, reply) => reply.code(201).send(await attachments.uploadAttachment(req.ctx, req.params.observationId, () => readUploadedFile(req, 'observation.attachment'))),
    );
    files.get(
      '/observations/:observationId/attachments/:attachmentId',
      {
        schema: {
          tags,
          summary: 'Het bestand van een bijlage: een foto om te tonen (inline), een pdf om te downloaden (attachment)',
          params: attachment,
          response: { 200: z.any().describe('The file: image/jpeg, image/png, image/webp or application/pdf'), ...scopedErrors() },
        },
      },
      async (req, reply) => sendStoredFile(reply, await attachments.downloadAttachment(req.ctx, req.params.observationId, req.params.attachmentId)),
    );
    files.delete(
      '/observations/:observationId/attachments/:attachmentId',
      { schema: { tags, summary: 'Bijlage verwijderen (wie haar toevoegde, of een coördinator)', params: attachment, response: { 204: z.null(), ...scopedErrors() } } },
      async (req, reply) => {
        await attachments.deleteAttachment(req.ctx, req.params.observationId, req.params.attachmentId);
        return reply.code(204).send(null);
      },
    );
    files.post(
      '/observations/import',
      {
        schema: {
          tags,
          summary:
            'Waarnemingen importeren uit een spreadsheet (multipart/form-data, veld "file", CSV of XLSX, tot 10 MB en 20.000 rijen). Kolommen zoals de export: kind en title (verplicht), text, visibility (intern, workspace, public), containsPersonalData (ja/nee), area (naam of CBS-code), occurredAt (JJJJ-MM-DD), tags, ladderNodes (codes of titels) en rules (codes), lijsten met ";"; andere kolommen worden overgeslagen. Elke rij wordt een nieuwe waarneming van de importeur, gerouteerd als een handmatige. Alles of niets: 200 {imported, routed, numbers} of 422 observation.import_failed met rows [{row, message}] (rij 1 = kopregel). Voor coördinatoren',
          params: workspace,
          response: { 200: s.importResult, 422: importFailure('observation.import_failed'), ...scopedErrors(413, 415) },
        },
      },
      async (req, reply) => {
        const read = uploadedSheet(req, 'observation.import_unreadable', 'waarnemingen');
        try {
          return await importObservations(req.ctx, read);
        } catch (err) {
          return sendImportFailure(reply, err, observationErrors['observation.import_failed'], req.ctx.locale);
        }
      },
    );
  });
};

/** Routes outside a workspace, under `/api`: residents report and follow their report without an account. */
export const globalRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const workspace = z.object({ workspace: z.string().max(100) });
  api.post(
    '/public/w/:workspace/observations',
    {
      config: { public: true, rateLimit: PUBLIC_REPORT_RATE_LIMIT },
      schema: {
        tags,
        summary: 'Een bewoner meldt iets zonder account; antwoordt met een privélink (token) om de melding te volgen. Beperkt tot 10 meldingen per uur per IP-adres.',
        security: [],
        params: workspace,
        body: s.publicReportBody,
        response: { 201: s.publicReportCreated, ...errorResponses(400, 404, 429) },
      },
    },
    async (req, reply) => reply.code(201).send(await service.publicReport(req.ctx, req.params.workspace, req.body)),
  );
  api.get(
    '/public/w/:workspace/observations',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Openbare waarnemingen zonder persoonsgegevens: nummer, datum, soort, titel, gebied, status',
        security: [],
        params: workspace,
        querystring: s.publicListQuery,
        response: { 200: listOf(s.publicObservationView).extend({ workspaceName: z.string() }), ...errorResponses(400, 404) },
      },
    },
    async (req) => service.publicList(req.ctx, req.params.workspace, req.query),
  );
  api.get(
    '/public/observations/:token',
    {
      config: { public: true },
      schema: { tags, summary: 'Uw eigen melding volgen via de privélink: status en elk antwoord', security: [], params: s.followUpParams, response: { 200: s.followUpView, ...errorResponses(400, 404) } },
    },
    async (req) => service.followUp(req.ctx, req.params.token),
  );
  api.post(
    '/public/observations/:token/reopen',
    {
      config: { public: true },
      schema: { tags, summary: 'Uw melding heropenen omdat het antwoord het niet oploste', security: [], params: s.followUpParams, body: s.reopenBody, response: { 200: s.followUpView, ...errorResponses(400, 404, 409) } },
    },
    async (req) => service.reopenByToken(req.ctx, req.params.token, req.body.message),
  );
  api.post(
    '/public/observations/:token/satisfaction',
    {
      config: { public: true },
      schema: { tags, summary: 'Zeggen of het antwoord hielp (1–5)', security: [], params: s.followUpParams, body: s.satisfactionBody, response: { 200: s.followUpView, ...errorResponses(400, 404, 409) } },
    },
    async (req) => service.rateByToken(req.ctx, req.params.token, req.body),
  );
};
