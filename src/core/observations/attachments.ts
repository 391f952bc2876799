import { z } from 'zod';
import { recordAudit } from '../../platform/audit';
import type { ServiceContext, WorkspaceScope } from '../../platform/context';
import { transaction } from '../../platform/db/database';
import { DomainError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { fileError, MAX_FILE_BYTES, prepareFile, type IncomingFile } from '../../platform/files/files';
import { presentStoredFile, storedFileListView, storedFileView, type StoredFileView } from '../../platform/files/schema';
import { listMembers } from '../workspaces/service';
import { observationPolicy as policy } from './policies';
import * as repo from './repository';
import { findVisible } from './service';

/*
 * Attachments of an observation: photos and PDFs, stored in the database (see the migration),
 * checked and cleaned by the platform's `prepareFile` (type by content, photo metadata
 * stripped, no active PDFs).
 */

export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = MAX_FILE_BYTES;

export const attachmentParams = z.object({ observationId: z.uuid(), attachmentId: z.uuid() });

export const attachmentView = storedFileView;
export type AttachmentView = StoredFileView;
export const attachmentListView = storedFileListView;

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

const present = (ctx: ServiceContext, scope: WorkspaceScope, row: repo.AttachmentMeta, names: Map<string, string>): AttachmentView =>
  presentStoredFile(row, names, ctx.locale, mayDelete(ctx, scope, row));

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
  const file = prepareFile(await read(), 'observation.attachment');
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
  return row;
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
