import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../errors';
import { fileError, MAX_FILE_BYTES, type IncomingFile } from './files';

/*
 * Uploading and sending stored files over HTTP. A module registers `@fastify/multipart` with
 * `uploadLimits` in a child plugin of its own (so its other routes stay JSON-only), reads the
 * file with `readUploadedFile` once the caller may upload, and answers a download with
 * `sendStoredFile`.
 */

/** One file of at most 10 MB in the field "file", and little else. */
export const uploadLimits = { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 10, parts: 12 } };

/** Multipart failures in our error shape: a file over the limit is `<prefix>_too_large`, not Fastify's own. */
function uploadError(err: unknown, prefix: string) {
  if (err instanceof DomainError) return err;
  const { code, statusCode } = err as { code?: string; statusCode?: number };
  if (code === 'FST_REQ_FILE_TOO_LARGE') return fileError(`${prefix}_too_large`);
  if (statusCode === 413) return new DomainError('request.too_large');
  return new DomainError('request.malformed');
}

/** The file in the multipart field "file"; `<prefix>_not_multipart` or `<prefix>_missing` otherwise. */
export async function readUploadedFile(req: FastifyRequest, prefix: string): Promise<IncomingFile> {
  if (!req.isMultipart()) throw fileError(`${prefix}_not_multipart`);
  try {
    const part = await req.file();
    if (!part || part.fieldname !== 'file') throw fileError(`${prefix}_missing`);
    return { data: await part.toBuffer(), fileName: part.filename ?? '' };
  } catch (err) {
    throw uploadError(err, prefix);
  }
}

/** `inline` or `attachment` with the name as plain ASCII and, for every other character, RFC 5987. */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string) {
  const ascii = fileName.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A stored file to the browser: a PDF to download, a photo to show; its own type, never sniffed, sandboxed, not cached. */
export function sendStoredFile(reply: FastifyReply, file: { contentType: string; fileName: string; data: Buffer }) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', contentDisposition(file.contentType === 'application/pdf' ? 'attachment' : 'inline', file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; frame-ancestors 'none'; sandbox")
    .header('cache-control', 'private, no-store')
    .send(file.data);
}
