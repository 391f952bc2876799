import multipart from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../platform/errors';
import { scopedErrors } from '../../platform/http/schema';
import { importIndicatorFile, previewIndicatorImport, type ImportInput } from './importer';
import * as s from './schema';
import * as service from './service';

const tags = ['indicatoren'];
/** A national CBS file (14,700 areas × 100 columns) is about 20 MB. */
const MAX_FILE_BYTES = 40 * 1024 * 1024;

/** Routes under `/api/w/:workspace`; the platform has already checked membership. */
export const routes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const workspace = z.object({ workspace: z.string().max(100) });
  const byCode = workspace.extend(s.codeParams.shape);
  const ok = scopedErrors();

  api.get(
    '/indicators',
    {
      schema: {
        tags,
        summary: 'Indicatoren van de werkruimte: code, naam, eenheid, richting, bron, periodetype, samenstellingsgevoelig, aggregatie, formule, koppelingen met de ladder, aantal metingen en perioden',
        params: workspace,
        response: { 200: s.indicatorListView, ...ok },
      },
    },
    async (req) => service.listIndicators(req.ctx),
  );
  api.post(
    '/indicators',
    {
      schema: {
        tags,
        summary: 'Indicator toevoegen; bron "formula" met teller, noemer en factor (×100, per 1.000) wordt berekend, nooit ingevoerd',
        params: workspace,
        body: s.createIndicatorBody,
        response: { 201: s.indicatorView, ...scopedErrors(409) },
      },
    },
    async (req, reply) => reply.code(201).send(await service.createIndicator(req.ctx, req.body)),
  );
  api.get(
    '/indicators/attention',
    {
      schema: {
        tags,
        summary: 'Aandachtssignalen: per indicator en gebied duidelijk beter of duidelijk slechter dan de gebieden ernaast (robuuste z-score), met tellingen van alle signalen; ?period= (standaard de laatste periode per indicator)',
        params: workspace,
        querystring: s.attentionQuery,
        response: { 200: s.attentionView, ...ok },
      },
    },
    async (req) => service.attention(req.ctx, req.query),
  );
  api.post(
    '/indicators/composition-preview',
    {
      // 100,000 panel records of about 80 bytes.
      bodyLimit: 12 * 1024 * 1024,
      schema: {
        tags,
        summary: `Samenstellingsanalyse van geplakte paneelgegevens (ten hoogste ${s.MAX_PANEL_RECORDS} records, niets wordt opgeslagen): de verandering van het gemiddelde in een gebied tussen period0 en period1 gesplitst in blijvers (stayers), instroom (entry) en uitstroom (exit)`,
        params: workspace,
        body: s.compositionPreviewBody,
        response: { 200: s.decompositionView, ...scopedErrors(413, 422) },
      },
    },
    async (req) => service.compositionPreview(req.ctx, req.body),
  );
  api.get('/indicators/:code', { schema: { tags, summary: 'Eén indicator (op code)', params: byCode, response: { 200: s.indicatorView, ...ok } } }, async (req) => service.getIndicator(req.ctx, req.params.code));
  api.patch(
    '/indicators/:code',
    { schema: { tags, summary: 'Indicator wijzigen (naam, beschrijving, eenheid, richting, periodetype, samenstellingsgevoelig, aggregatie, formule, ladderkoppelingen)', params: byCode, body: s.updateIndicatorBody, response: { 200: s.indicatorView, ...scopedErrors(409) } } },
    async (req) => service.updateIndicator(req.ctx, req.params.code, req.body),
  );
  api.delete(
    '/indicators/:code',
    {
      schema: {
        tags,
        summary: 'Indicator verwijderen; met metingen alleen met ?confirm=true, en nooit als een formule hem gebruikt',
        params: byCode,
        querystring: s.deleteIndicatorQuery,
        response: { 204: z.null(), ...scopedErrors(409) },
      },
    },
    async (req, reply) => {
      await service.deleteIndicator(req.ctx, req.params.code, req.query.confirm === 'true');
      return reply.code(204).send(null);
    },
  );
  api.get(
    '/indicators/:code/values',
    {
      schema: {
        tags,
        summary: 'Waarden per gebied (CBS-code) en periode; ?area=BU03637600 en ?period=2019 filteren. Geheimgehouden waarden: "status":"suppressed" en "value":null; ontbrekende waarden staan er niet in',
        params: byCode,
        querystring: s.valuesQuery,
        response: { 200: s.valuesView, ...ok },
      },
    },
    async (req) => service.listValues(req.ctx, req.params.code, req.query),
  );
  api.put(
    '/indicators/:code/values',
    {
      schema: {
        tags,
        summary: 'Meting invoeren of corrigeren: {area, period, value|null, status: final|provisional|suppressed}',
        params: byCode,
        body: s.putValueBody,
        response: { 200: s.valueItem, ...scopedErrors(409) },
      },
    },
    async (req) => service.putValue(req.ctx, req.params.code, req.body),
  );
  api.get(
    '/indicators/:code/trend',
    {
      schema: {
        tags,
        summary: 'Verloop in één gebied over de perioden; compositionWarning als de indicator samenstellingsgevoelig is en er geen paneelgegevens zijn',
        params: byCode,
        querystring: s.trendQuery,
        response: { 200: s.trendView, ...ok },
      },
    },
    async (req) => service.trend(req.ctx, req.params.code, req.query),
  );
  api.get(
    '/indicators/:code/comparison',
    {
      schema: {
        tags,
        summary: 'Gebied naast vergelijkbare gebieden (peers=siblings: de buurten van dezelfde wijk; municipality: alle gebieden van die soort in de gemeente) met rang, afstand tot de mediaan, robuuste z-score en aandachtssignaal',
        params: byCode,
        querystring: s.comparisonQuery,
        response: { 200: s.comparisonView, ...ok },
      },
    },
    async (req) => service.comparison(req.ctx, req.params.code, req.query),
  );
  api.get(
    '/indicators/:code/rollup',
    {
      schema: {
        tags,
        summary: 'Waarde van een gebied opgeteld uit de gebieden eronder: som voor aantallen, gemiddelde, of voor een formule Σteller/Σnoemer × factor (nooit het gemiddelde van de verhoudingen)',
        params: byCode,
        querystring: s.rollupQuery,
        response: { 200: s.rollupView, ...ok },
      },
    },
    async (req) => service.rollupValue(req.ctx, req.params.code, req.query),
  );
  api.post(
    '/indicators/:code/panel',
    {
      bodyLimit: 12 * 1024 * 1024,
      schema: {
        tags,
        summary: `Pseudonieme paneelgegevens opslaan (persoon-id wordt gehasht, nooit namen; ten hoogste ${s.MAX_PANEL_RECORDS} records per keer): {records: [{person, period, area, value}]}`,
        params: byCode,
        body: s.panelBody,
        response: { 200: s.panelResult, ...scopedErrors(413, 422) },
      },
    },
    async (req) => service.storePanel(req.ctx, req.params.code, req.body),
  );
  api.get(
    '/indicators/:code/composition',
    {
      schema: {
        tags,
        summary: 'Samenstellingsanalyse uit de opgeslagen paneelgegevens: verandering van het gemiddelde in een gebied tussen period0 en period1, gesplitst in blijvers, instroom en uitstroom',
        params: byCode,
        querystring: s.compositionQuery,
        response: { 200: s.compositionView, ...scopedErrors(422) },
      },
    },
    async (req) => service.composition(req.ctx, req.params.code, req.query),
  );

  // The imports read multipart bodies (field "file", optional "period", "mapping", "metadata") or JSON ({fileName, content, …}); a child plugin keeps the rest JSON-only.
  await app.register(async (child) => {
    await child.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: 2, fields: 10, parts: 12 } });
    const files = child.withTypeProvider<ZodTypeProvider>();
    const describe = (what: string) =>
      `${what}. Multipart/form-data met veld "file" (CBS-CSV, CBS OData-JSON, JSON per CBS-code, of CSV/XLSX met kolommen gebied, periode en een kolom per indicator), optioneel "metadata" (DataProperties.json), "period" (2019, 2024-Q1, 2024-03) en "mapping" ("auto" of JSON {kolom: indicatorcode|null}); of JSON {fileName, content, metadata?, period?, mapping?}`;
    files.post(
      '/indicators/import/preview',
      { bodyLimit: MAX_FILE_BYTES, schema: { tags, summary: describe('Voorbeeld van een import: gevonden formaat, kolommen en voorgestelde koppeling met indicatoren (niets wordt opgeslagen)'), params: workspace, response: { 200: s.importPreviewView, ...scopedErrors(413, 415) } } },
      async (req) => previewIndicatorImport(req.ctx, await readImport(req)),
    );
    files.post(
      '/indicators/import',
      {
        bodyLimit: MAX_FILE_BYTES,
        schema: {
          tags,
          summary: describe('Cijfers importeren per gebied en periode, met een importverslag per rij en kolom; opnieuw importeren verandert niets'),
          params: workspace,
          response: { 200: s.importReportView, ...scopedErrors(409, 413, 415) },
        },
      },
      async (req) => importIndicatorFile(req.ctx, await readImport(req)),
    );
  });
};

const invalid = (issues: unknown[]) => Object.assign(new Error('invalid input'), { zodIssues: issues });

/** The uploaded file and options from a multipart or JSON body, validated like every other body. */
async function readImport(req: FastifyRequest): Promise<ImportInput> {
  let raw: Record<string, unknown>;
  let data: Buffer | string;
  let fileName: string;
  let metadata: string | undefined;
  if (req.isMultipart()) {
    const fields: Record<string, string> = {};
    let file: { data: Buffer; fileName: string } | undefined;
    try {
      for await (const part of req.parts()) {
        if (part.type === 'file') {
          const buffer = await part.toBuffer();
          if (part.fieldname === 'file') file = { data: buffer, fileName: part.filename || 'bestand' };
          else if (part.fieldname === 'metadata') metadata = buffer.toString('utf8');
        } else fields[part.fieldname] = String(part.value);
      }
    } catch (err) {
      const { code, statusCode } = err as { code?: string; statusCode?: number };
      if (code === 'FST_REQ_FILE_TOO_LARGE' || statusCode === 413) throw new DomainError('request.too_large');
      throw new DomainError('request.malformed');
    }
    if (!file) throw new DomainError('indicator.import_unreadable', {}, [{ path: 'file', message: 'indicator.import_unreadable' }]);
    data = file.data;
    fileName = file.fileName.slice(0, 255);
    metadata ??= fields.metadata;
    let mapping: unknown = fields.mapping;
    if (typeof mapping === 'string' && mapping.trim().startsWith('{')) {
      try {
        mapping = JSON.parse(mapping);
      } catch {
        throw new DomainError('request.malformed');
      }
    }
    raw = { fileName, content: 'x', ...(metadata ? { metadata } : {}), ...(fields.period ? { period: fields.period } : {}), ...(mapping ? { mapping } : {}) };
  } else {
    raw = (req.body ?? {}) as Record<string, unknown>;
    data = '';
    fileName = '';
  }
  const parsed = s.importJsonBody.safeParse(raw, { reportInput: true });
  if (!parsed.success) throw invalid(parsed.error.issues);
  return {
    fileName: parsed.data.fileName,
    data: req.isMultipart() ? data : parsed.data.content,
    metadata: parsed.data.metadata,
    period: parsed.data.period,
    mapping: parsed.data.mapping,
  };
}
