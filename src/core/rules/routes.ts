import multipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listOf, scopedErrors } from '../../platform/http/schema';
import { importFailure, sendImportFailure, uploadedSheet } from '../../platform/imports';
import { ruleDossier } from './dossier';
import { ruleErrors } from './errors';
import { exportRules, importResult, importRules } from './importer';
import * as s from './schema';
import * as service from './service';

const tags = ['regels'];
/** A sheet of 20,000 product codes fits easily. */
const MAX_SHEET_BYTES = 10 * 1024 * 1024;

/** Routes under `/api/w/:workspace`; the platform has already checked membership. */
export const routes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const workspace = z.object({ workspace: z.string().max(100) });
  const rule = workspace.extend(s.ruleParams.shape);
  const deviation = workspace.extend(s.deviationParams.shape);

  api.get(
    '/rules',
    {
      schema: {
        tags,
        summary: 'Het regelregister: wetten, regelingen, beleidsregels, werkinstructies, protocollen en productcodes, op code',
        params: workspace,
        querystring: s.ruleListQuery,
        response: { 200: listOf(s.ruleSummaryView).extend({ can: z.object({ create: z.boolean(), import: z.boolean() }) }), ...scopedErrors() },
      },
    },
    async (req) => service.listRules(req.ctx, req.query),
  );
  api.post(
    '/rules',
    { schema: { tags, summary: 'Regel toevoegen, met haar bedoeling (verplicht)', params: workspace, body: s.createRuleBody, response: { 201: s.ruleView, ...scopedErrors(409) } } },
    async (req, reply) => reply.code(201).send(await service.createRule(req.ctx, req.body)),
  );
  api.get(
    '/rules/pressure',
    {
      schema: {
        tags,
        summary:
          'Regels onder druk: afwijkingen in de periode (from–to, standaard de laatste 90 dagen), vergeleken met de even lange periode ervoor; gerangschikt op aantal afwijkingen, dan de sterkste stijging, dan gekoppelde signalen',
        params: workspace,
        querystring: s.pressureQuery,
        response: { 200: s.pressureView, ...scopedErrors() },
      },
    },
    async (req) => service.rulePressure(req.ctx, req.query),
  );
  api.get(
    '/rules/load',
    { schema: { tags, summary: 'Regeldruk: geldende regels per domein en niveau, nieuwe regels per jaar, afwijkingen per regel', params: workspace, response: { 200: s.loadView, ...scopedErrors() } } },
    async (req) => service.ruleLoad(req.ctx),
  );
  api.get(
    '/rules/inbox',
    {
      schema: {
        tags,
        summary: 'Wat in het regelregister op u wacht: afwijkingen om over te besluiten, nieuwe afwijkingen van uw regels, uitkomsten die u nog moet vastleggen',
        params: workspace,
        response: { 200: z.object({ items: z.array(z.object({ reason: z.enum(['approve', 'owner', 'outcome']), deviation: s.deviationView })), total: z.number().int() }), ...scopedErrors() },
      },
    },
    async (req) => {
      const items = await service.deviationInbox(req.ctx);
      return { items, total: items.length };
    },
  );
  api.get('/rules/:ruleId', { schema: { tags, summary: 'Eén regel met toetsen, besluiten en hun effect', params: rule, response: { 200: s.ruleView, ...scopedErrors() } } }, async (req) =>
    service.getRule(req.ctx, req.params.ruleId),
  );
  api.patch(
    '/rules/:ruleId',
    { schema: { tags, summary: 'Regel wijzigen', params: rule, body: s.updateRuleBody, response: { 200: s.ruleView, ...scopedErrors(409) } } },
    async (req) => service.updateRule(req.ctx, req.params.ruleId, req.body),
  );
  api.delete(
    '/rules/:ruleId',
    { schema: { tags, summary: 'Regel verwijderen, met haar afwijkingen en besluiten', params: rule, response: { 204: z.null(), ...scopedErrors() } } },
    async (req, reply) => {
      await service.deleteRule(req.ctx, req.params.ruleId);
      return reply.code(204).send(null);
    },
  );
  api.post(
    '/rules/:ruleId/tests',
    { schema: { tags, summary: 'Uitvoeringstoets vastleggen (vóór vaststelling of na invoering)', params: rule, body: s.testBody, response: { 201: s.ruleView, ...scopedErrors() } } },
    async (req, reply) => reply.code(201).send(await service.addTest(req.ctx, req.params.ruleId, req.body)),
  );
  api.post(
    '/rules/:ruleId/reviews',
    {
      schema: {
        tags,
        summary: 'Besluit over de regel met het bewijs erbij: handhaven (keep), aanpassen (adjust), afschaffen (abolish), opschalen (escalate)',
        params: rule,
        body: s.reviewBody,
        response: { 201: s.ruleView, ...scopedErrors() },
      },
    },
    async (req, reply) => reply.code(201).send(await service.reviewRule(req.ctx, req.params.ruleId, req.body)),
  );
  api.get(
    '/rules/:ruleId/deviations',
    { schema: { tags, summary: 'Afwijkingen van deze regel, nieuwste eerst', params: rule, querystring: s.deviationListQuery, response: { 200: listOf(s.deviationView), ...scopedErrors() } } },
    async (req) => service.listDeviations(req.ctx, req.params.ruleId, req.query),
  );
  api.post(
    '/rules/:ruleId/deviations',
    {
      schema: {
        tags,
        summary: 'Afwijking vastleggen (pas toe of leg uit): de situatie in algemene termen en waarom de regel hier haar bedoeling niet diende (explanation, verplicht)',
        params: rule,
        body: s.deviationBody,
        response: { 201: s.deviationView, ...scopedErrors() },
      },
    },
    async (req, reply) => reply.code(201).send(await service.recordDeviation(req.ctx, req.params.ruleId, req.body)),
  );
  api.get(
    '/rules/:ruleId/deviations/:deviationId',
    { schema: { tags, summary: 'Eén afwijking met haar geschiedenis', params: deviation, response: { 200: s.deviationView, ...scopedErrors() } } },
    async (req) => service.getDeviation(req.ctx, req.params.ruleId, req.params.deviationId),
  );
  api.post(
    '/rules/:ruleId/deviations/:deviationId/decision',
    {
      schema: { tags, summary: 'Bij "eerst vragen": akkoord of afgewezen, met reden', params: deviation, body: s.approvalBody, response: { 200: s.deviationView, ...scopedErrors(409) } },
    },
    async (req) => service.decide(req.ctx, req.params.ruleId, req.params.deviationId, req.body),
  );
  api.post(
    '/rules/:ruleId/deviations/:deviationId/outcome',
    {
      schema: { tags, summary: 'Uitkomst van de afwijking: hielp (helped), geen verschil (no_difference), schadelijk (harmed)', params: deviation, body: s.outcomeBody, response: { 200: s.deviationView, ...scopedErrors(409) } },
    },
    async (req) => service.recordOutcome(req.ctx, req.params.ruleId, req.params.deviationId, req.body),
  );

  // Dossier, export and import

  /** `inline` or `attachment` with the name as plain ASCII and, for every other character, RFC 5987. */
  const disposition = (kind: 'inline' | 'attachment', fileName: string) => {
    const ascii = fileName.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]|["\\%;]/g, '_');
    const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
  };
  api.get(
    '/rules/:ruleId/dossier',
    {
      schema: {
        tags,
        summary:
          'Regeldossier om mee te nemen naar de eigenaar van de regel: bedoeling, uitvoeringstoetsen, alle afwijkingen met uitleg en uitkomst, gekoppelde signalen, rangschikking per kwartaal (twee jaar) en besluiten met onderbouwing, bewijs en effect. ?format=html (standaard; printbare pagina) of pdf (download). Zonder namen van professionals, alleen aantallen',
        params: rule,
        querystring: s.dossierQuery,
        response: { 200: z.any().describe('text/html or application/pdf'), ...scopedErrors() },
      },
    },
    async (req, reply) => {
      const file = await ruleDossier(req.ctx, req.params.ruleId, req.query.format ?? 'html');
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', disposition(file.disposition, file.fileName))
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
        .header('cache-control', 'private, no-store')
        .send(file.body);
    },
  );
  api.get(
    '/rules/export',
    {
      schema: {
        tags,
        summary:
          'Regelregister exporteren: ?format=csv|xlsx|json. CSV en XLSX in de kolommen van het importbestand (code,title,kind,level,domain,intent,owner,source_url,valid_from,valid_to,mandate) en zonder wijziging opnieuw te importeren; JSON met ook gebieden, tredes en fiatteurs',
        params: workspace,
        querystring: s.exportQuery,
        response: { 200: z.any().describe('The file (text/csv, XLSX or JSON)'), ...scopedErrors() },
      },
    },
    async (req, reply) => {
      const file = await exportRules(req.ctx, req.query.format ?? 'csv');
      return reply.header('content-type', file.contentType).header('content-disposition', disposition('attachment', file.fileName)).send(file.body);
    },
  );

  // The import is the only route of this module that reads multipart bodies: a child plugin of its own keeps the rest JSON-only.
  await app.register(async (child) => {
    await child.register(multipart, { limits: { fileSize: MAX_SHEET_BYTES, files: 1, fields: 10, parts: 12 } });
    const files = child.withTypeProvider<ZodTypeProvider>();
    files.post(
      '/rules/import',
      {
        schema: {
          tags,
          summary:
            'Regels importeren uit een spreadsheet (multipart/form-data, veld "file", CSV of XLSX, tot 10 MB en 20.000 regels), bijvoorbeeld duizenden productcodes tegelijk. Kolommen code,title,kind,level,domain,intent (verplicht) en owner (e-mailadres van een lid of naam van een partnerorganisatie), source_url, valid_from, valid_to (JJJJ-MM-DD), mandate. Alles of niets: 200 {imported, created, updated} of 422 rule.import_failed met rows [{row, message}] (rij 1 = kopregel). Opnieuw importeren werkt bij op code; ontbrekende kolommen laten die velden ongemoeid',
          params: workspace,
          response: { 200: importResult, 422: importFailure('rule.import_failed'), ...scopedErrors(413, 415) },
        },
      },
      async (req, reply) => {
        const read = uploadedSheet(req, 'rule.import_unreadable', 'regels');
        try {
          return await importRules(req.ctx, read);
        } catch (err) {
          return sendImportFailure(reply, err, ruleErrors['rule.import_failed'], req.ctx.locale);
        }
      },
    );
  });
};
