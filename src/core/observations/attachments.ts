import { constants, inflateSync } from 'node:zlib';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit';
import type { ServiceContext, WorkspaceScope } from '../../platform/context';
import { transaction } from '../../platform/db/database';
import { DomainError } from '../../platform/errors';
import { listOf } from '../../platform/http/schema';
import { newId } from '../../platform/ids';
import { listMembers } from '../workspaces/service';
import { isImageUnreadable, sniffFileType, SNIFFABLE_TYPES, stripImageMetadata, type SniffedFileType } from './images';
import { observationPolicy as policy } from './policies';
import * as repo from './repository';
import { findVisible } from './service';

/*
 * Attachments of an observation: photos and PDFs, stored in the database (see the migration).
 * The type is decided by the bytes (`sniffFileType`), never by the name or the type the client
 * sent. Photos lose their metadata (GPS position, camera, owner) before they are stored; a PDF
 * is stored as it is, unless it carries JavaScript or a launch action.
 */

export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_FILE_NAME_LENGTH = 120;

export const attachmentParams = z.object({ observationId: z.uuid(), attachmentId: z.uuid() });

export const attachmentView = z.object({
  id: z.uuid(),
  fileName: z.string(),
  contentType: z.enum(SNIFFABLE_TYPES),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
  uploadedByName: z.string(),
  /** The uploader or a coordinator. */
  canDelete: z.boolean(),
});
export type AttachmentView = z.infer<typeof attachmentView>;
export const attachmentListView = listOf(attachmentView).extend({
  can: z.object({ upload: z.boolean().describe('May add a file now (allowed, and fewer than 5 attachments)') }),
});

/** The file as it came in; `read` is only called once the member may upload. */
export interface IncomingFile {
  data: Buffer;
  /** The name the client gave, unsanitised. */
  fileName: string;
}

/** An error about the uploaded file, shown at the form's file field. */
export const fileError = (id: string) => new DomainError(id, {}, [{ path: 'file', message: id }]);

// File names

const EXTENSIONS: Record<SniffedFileType, readonly string[]> = {
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'application/pdf': ['pdf'],
};

/**
 * A file name that is safe to store and to send back: no folders, no control, bidi or
 * zero-width characters (`foto‮gpj.exe`), none of `"<>:|?*`, no leading dots, at most 120
 * characters, and an extension that matches the content (`scan.jpg` holding a PDF becomes
 * `scan.pdf`).
 */
export function sanitiseFileName(raw: string, type: SniffedFileType): string {
  const name = (raw.normalize('NFC').split(/[\\/]/).pop() ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .replace(/[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '')
    .replace(/["<>:|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  const match = /^(.*)\.([A-Za-z0-9]{1,8})$/.exec(name);
  const given = match?.[2].toLowerCase();
  const extension = given && EXTENSIONS[type].includes(given) ? given : EXTENSIONS[type][0];
  const base = [...((match ? match[1] : name).trim() || 'bijlage')]
    .slice(0, MAX_FILE_NAME_LENGTH - extension.length - 1)
    .join('')
    .replace(/[.\s]+$/, '');
  return `${base || 'bijlage'}.${extension}`;
}

// PDF

/** Names that make a PDF act: JavaScript actions and actions that start a program. */
const ACTIVE_PDF_NAMES = new Set(['JS', 'JavaScript', 'Launch']);
/** How far object streams are unpacked when checking a PDF, in total (a zip bomb stops here). */
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

const decodeNameEscapes = (text: string) => text.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** The names (`/Type`, `/JS` …) in a piece of PDF syntax, with `#xx` escapes decoded (`/J#61vaScript`). */
function pdfNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/\/([^\s/[\]<>(){}%\0]*)/g)) names.add(decodeNameEscapes(m[1]));
  return names;
}

export type PdfCheck = 'ok' | 'active' | 'unchecked';

/**
 * Whether a PDF carries active content. Looked at: every object outside streams (where
 * actions normally live, including the trailer) and the contents of object streams (where
 * PDF 1.5+ may pack the same objects), unpacked when they are Flate-compressed. `active`:
 * a /JS, /JavaScript or /Launch name; `unchecked`: encrypted, or an object stream that cannot
 * be unpacked, so we cannot tell. The short /JS is not looked for in page content and image
 * data: random image bytes would now and then spell it.
 */
export function checkPdf(buf: Buffer): PdfCheck {
  const text = buf.toString('latin1');
  const outside: string[] = [];
  let unchecked = false;
  let inflated = 0;
  const streamStart = />>\s*stream(?:\r\n|\n|\r)/g;
  let from = 0;
  for (;;) {
    streamStart.lastIndex = from;
    const m = streamStart.exec(text);
    if (!m) {
      outside.push(text.slice(from));
      break;
    }
    const dataStart = m.index + m[0].length;
    const end = text.indexOf('endstream', dataStart);
    const head = text.slice(from, m.index + 2);
    const objAt = [...head.matchAll(/\bobj\b/g)].at(-1)?.index ?? 0;
    const dict = decodeNameEscapes(head.slice(objAt));
    outside.push(text.slice(from, dataStart));
    const data = buf.subarray(dataStart, end < 0 ? buf.length : end);
    const names = pdfNames(dict);
    // An object stream: /Type /ObjStm, or its own key /First (in case the type is left out).
    if (names.has('ObjStm') || names.has('First')) {
      const filter = /\/Filter\s*(\[[^\]]*\]|\/[^\s/[\]<>(){}%]+)/.exec(dict)?.[1] ?? '';
      const filters = [...pdfNames(filter)];
      try {
        if (filters.length === 0) outside.push(data.toString('latin1'));
        else if (filters.length === 1 && filters[0] === 'FlateDecode' && !names.has('DecodeParms')) {
          const out = inflateSync(data, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: Math.max(1, MAX_INFLATED_BYTES - inflated) });
          inflated += out.length;
          outside.push(out.toString('latin1'));
        } else unchecked = true;
      } catch {
        unchecked = true;
      }
    }
    if (end < 0) break;
    from = end + 'endstream'.length;
  }
  const names = pdfNames(outside.join('\n'));
  for (const name of ACTIVE_PDF_NAMES) if (names.has(name)) return 'active';
  // A JavaScript or launch action needs `/S /JavaScript` or `/S /Launch`: those long names are
  // looked for everywhere, stream data too, in case the structure above was misread on purpose.
  const everywhere = pdfNames(text);
  if (everywhere.has('JavaScript') || everywhere.has('Launch')) return 'active';
  return unchecked || names.has('Encrypt') ? 'unchecked' : 'ok';
}

// What is stored

interface PreparedFile {
  data: Buffer;
  fileName: string;
  contentType: SniffedFileType;
}

/** The bytes that will be stored: checked by content, photos without metadata, the name sanitised. */
export function prepareAttachment(file: IncomingFile): PreparedFile {
  if (file.data.length === 0) throw fileError('observation.attachment_unreadable');
  if (file.data.length > MAX_ATTACHMENT_BYTES) throw fileError('observation.attachment_too_large');
  const contentType = sniffFileType(file.data);
  if (!contentType) throw fileError('observation.attachment_type');
  let data = file.data;
  if (contentType === 'application/pdf') {
    const check = checkPdf(data);
    if (check === 'active') throw fileError('observation.attachment_pdf_active');
    if (check === 'unchecked') throw fileError('observation.attachment_pdf_unchecked');
  } else {
    try {
      data = stripImageMetadata(data, contentType);
    } catch (error) {
      if (isImageUnreadable(error)) throw fileError('observation.attachment_unreadable');
      throw error;
    }
  }
  return { data, fileName: sanitiseFileName(file.fileName, contentType), contentType };
}

// Access

const me = (ctx: ServiceContext) => ctx.actor!.userId;
const isCoordinator = (scope: WorkspaceScope) => policy.can(scope, 'observation.coordinate');

/** The reporter, the owner and coordinators add files; not a lezer (no `observation.create`). */
const mayUpload = (ctx: ServiceContext, scope: WorkspaceScope, row: repo.ObservationRow) =>
  policy.can(scope, 'observation.create') && (row.reporterUserId === me(ctx) || row.ownerUserId === me(ctx) || isCoordinator(scope));
/** Whoever added the file, and coordinators. */
const mayDelete = (ctx: ServiceContext, scope: WorkspaceScope, row: repo.AttachmentMeta) =>
  policy.can(scope, 'observation.create') && (row.uploadedBy === me(ctx) || isCoordinator(scope));

/** What the audit log keeps of an attachment: name, type and size, never the bytes. */
const auditFields = (row: repo.AttachmentMeta) => ({ observationId: row.observationId, fileName: row.fileName, contentType: row.contentType, sizeBytes: row.sizeBytes });

function present(ctx: ServiceContext, scope: WorkspaceScope, row: repo.AttachmentMeta, names: Map<string, string>): AttachmentView {
  return {
    id: row.id,
    fileName: row.fileName,
    contentType: row.contentType as SniffedFileType,
    sizeBytes: row.sizeBytes,
    uploadedAt: row.createdAt.toISOString(),
    uploadedByName: (row.uploadedBy && names.get(row.uploadedBy)) || (ctx.locale === 'en' ? 'former member' : 'voormalig lid'),
    canDelete: mayDelete(ctx, scope, row),
  };
}

const memberNames = async (ctx: ServiceContext) => new Map((await listMembers(ctx)).map((m) => [m.userId, m.name]));

// Services

/** The attachments of an observation the member may see, oldest first, without their bytes. */
export async function listAttachments(ctx: ServiceContext, observationId: string) {
  const scope = policy.authorize(ctx, 'observation.read');
  const observation = await findVisible(ctx, ctx.db, scope, observationId);
  const [rows, names] = await Promise.all([repo.listAttachments(ctx.db, scope.id, observationId), memberNames(ctx)]);
  return {
    items: rows.map((r) => present(ctx, scope, r, names)),
    total: rows.length,
    can: { upload: mayUpload(ctx, scope, observation) && rows.length < MAX_ATTACHMENTS },
  };
}

/**
 * Adds a file to an observation: at most 5 per observation and 10 MB each, only JPEG, PNG,
 * WebP and PDF by their bytes. `read` delivers the file; it is called after the access and
 * count checks, so a refused upload is not read at all.
 */
export async function uploadAttachment(ctx: ServiceContext, observationId: string, read: () => Promise<IncomingFile>): Promise<AttachmentView> {
  const scope = policy.authorize(ctx, 'observation.create');
  const observation = await findVisible(ctx, ctx.db, scope, observationId);
  if (!mayUpload(ctx, scope, observation)) throw new DomainError('observation.attachment_upload_not_allowed');
  if ((await repo.countAttachments(ctx.db, scope.id, observationId)) >= MAX_ATTACHMENTS) throw fileError('observation.attachment_limit');
  const file = prepareAttachment(await read());
  const row = await transaction(ctx.db, async (trx) => {
    // Checked again under the observation's lock: it may have gone, or another upload came first.
    if (!(await repo.lockObservation(trx, scope.id, observationId))) throw new DomainError('observation.not_found');
    if ((await repo.countAttachments(trx, scope.id, observationId)) >= MAX_ATTACHMENTS) throw fileError('observation.attachment_limit');
    const row = await repo.insertAttachment(trx, {
      workspaceId: scope.id,
      id: newId(),
      observationId,
      fileName: file.fileName,
      contentType: file.contentType,
      sizeBytes: file.data.length,
      data: file.data,
      uploadedBy: me(ctx),
    });
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'observation_attachment', entityId: row.id, label: row.fileName, action: 'create', after: auditFields(row) });
    return row;
  });
  return present(ctx, scope, row, new Map([[me(ctx), ctx.actor!.name]]));
}

/** The file itself, for whoever may see the observation. PDFs are downloaded, photos shown inline. */
export async function downloadAttachment(ctx: ServiceContext, observationId: string, attachmentId: string) {
  const scope = policy.authorize(ctx, 'observation.read');
  await findVisible(ctx, ctx.db, scope, observationId);
  const row = await repo.findAttachmentWithData(ctx.db, scope.id, observationId, attachmentId);
  if (!row) throw new DomainError('observation.attachment_not_found');
  return {
    fileName: row.fileName,
    contentType: row.contentType as SniffedFileType,
    data: row.data,
    disposition: row.contentType === 'application/pdf' ? ('attachment' as const) : ('inline' as const),
  };
}

/** Removes a file (its uploader or a coordinator); asking for confirmation is the UI's job. */
export async function deleteAttachment(ctx: ServiceContext, observationId: string, attachmentId: string) {
  const scope = policy.authorize(ctx, 'observation.create');
  await transaction(ctx.db, async (trx) => {
    await findVisible(ctx, trx, scope, observationId);
    const row = await repo.findAttachment(trx, scope.id, observationId, attachmentId);
    if (!row) throw new DomainError('observation.attachment_not_found');
    if (!mayDelete(ctx, scope, row)) throw new DomainError('observation.attachment_delete_not_allowed');
    await repo.deleteAttachment(trx, scope.id, attachmentId);
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'observation_attachment', entityId: row.id, label: row.fileName, action: 'delete', before: auditFields(row) });
  });
}
