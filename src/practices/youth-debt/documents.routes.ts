import multipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readUploadedFile, sendStoredFile, uploadLimits } from '../../platform/files/http';
import { storedFileListView, storedFileView } from '../../platform/files/schema';
import { scopedErrors } from '../../platform/http/schema';
import * as service from './documents.service';
import { debtParams } from './schema';

const tags = ['jongeren-schulden'];

/**
 * Documents on a debt, under `/api/w/:workspace/youth-debt/debts/:debtId/documents`: the only
 * routes of the module that read multipart bodies, in a plugin of their own so every other route
 * stays JSON-only.
 */
export const documentRoutes: FastifyPluginAsync = async (app) => {
  await app.register(multipart, uploadLimits);
  const api = app.withTypeProvider<ZodTypeProvider>();
  const debt = z.object({ workspace: z.string().max(100) }).extend(debtParams.shape);
  const document = debt.extend({ documentId: z.uuid() });
  api.get(
    '/youth-debt/debts/:debtId/documents',
    {
      schema: {
        tags,
        summary: 'Documenten bij een schuld (brieven van de schuldeiser, overzichten, regelingen), oudste eerst, zonder de bestanden zelf. Alleen voor de eigen coach en schuldhulpverlener van de deelnemer',
        params: debt,
        response: { 200: storedFileListView, ...scopedErrors() },
      },
    },
    async (req) => service.listDocuments(req.ctx, req.params.debtId),
  );
  api.post(
    '/youth-debt/debts/:debtId/documents',
    {
      schema: {
        tags,
        summary:
          'Document toevoegen (multipart/form-data, veld "file"): een foto (JPEG, PNG of WebP; locatie en andere metadata worden verwijderd) of een pdf zonder JavaScript, hooguit 10 MB en 10 documenten per schuld. Het type volgt uit de inhoud, niet uit de naam. Alleen voor de eigen coach en schuldhulpverlener',
        params: debt,
        response: { 201: storedFileView, ...scopedErrors(409, 413, 415) },
      },
    },
    async (req, reply) => reply.code(201).send(await service.uploadDocument(req.ctx, req.params.debtId, () => readUploadedFile(req, 'youth_debt.document'))),
  );
  api.get(
    '/youth-debt/debts/:debtId/documents/:documentId',
    {
      schema: {
        tags,
        summary: 'Het bestand van een document: een foto om te tonen (inline), een pdf om te downloaden (attachment). Alleen voor de eigen coach en schuldhulpverlener; elke keer komt in het auditlog',
        params: document,
        response: { 200: z.any().describe('The file: image/jpeg, image/png, image/webp or application/pdf'), ...scopedErrors() },
      },
    },
    async (req, reply) => sendStoredFile(reply, await service.downloadDocument(req.ctx, req.params.debtId, req.params.documentId)),
  );
  api.delete(
    '/youth-debt/debts/:debtId/documents/:documentId',
    { schema: { tags, summary: 'Document verwijderen (de eigen coach of schuldhulpverlener)', params: document, response: { 204: z.null(), ...scopedErrors() } } },
    async (req, reply) => {
      await service.deleteDocument(req.ctx, req.params.debtId, req.params.documentId);
      return reply.code(204).send(null);
    },
  );
};
