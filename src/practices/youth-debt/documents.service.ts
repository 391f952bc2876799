import { listMembers } from '../../core/workspaces/service';
import type { ServiceContext, WorkspaceScope } from '../../platform/context';
import { transaction, type Db } from '../../platform/db/database';
import { DomainError } from '../../platform/errors';
import { fileError, prepareFile, type IncomingFile } from '../../platform/files/files';
import { presentStoredFile, type StoredFileView } from '../../platform/files/schema';
import { newId } from '../../platform/ids';
import { audit, ownCase, participantOr404 } from './common';
import * as docs from './documents.repository';
import { youthDebtPolicy as policy } from './policies';
import * as repo from './repository';
import { participantNumber } from './service';

/*
 * Documents on a debt: the creditor's letters, statements, payment arrangements. They carry the
 * young person's name, address and sometimes a BSN, so only the participant's own coach and
 * debt counsellor list, add, open and remove them; every opening is in the audit log. Files are
 * checked and cleaned by the platform (type by content, photo metadata stripped, no active PDFs).
 */

export const MAX_DOCUMENTS = 10;
const PREFIX = 'youth_debt.document';

/** The debt and its participant, for the participant's own coach or counsellor only. */
async function ownDebt(ctx: ServiceContext, db: Db, scope: WorkspaceScope, debtId: string) {
  const debt = await repo.findDebt(db, scope.id, debtId);
  if (!debt) throw new DomainError('youth_debt.debt_not_found');
  const participant = await participantOr404(db, scope, debt.participantId);
  if (!ownCase(ctx, participant)) throw new DomainError('youth_debt.documents_not_allowed');
  return { debt, label: `${participantNumber(debt.participantNumber)} – ${debt.creditorName}` };
}

/** What the audit log keeps of a document: the debt, name, type and size, never the bytes. */
const auditFields = (row: docs.DocumentMeta) => ({ debtId: row.debtId, fileName: row.fileName, contentType: row.contentType, sizeBytes: row.sizeBytes });

/** The documents of a debt, oldest first, without their bytes. */
export async function listDocuments(ctx: ServiceContext, debtId: string) {
  const scope = policy.authorize(ctx, 'youth_debt.case.read');
  await ownDebt(ctx, ctx.db, scope, debtId);
  const [rows, members] = await Promise.all([docs.listDocuments(ctx.db, scope.id, debtId), listMembers(ctx)]);
  const names = new Map(members.map((m) => [m.userId, m.name]));
  const manage = policy.can(scope, 'youth_debt.case.manage');
  return {
    items: rows.map((r) => presentStoredFile(r, names, ctx.locale, manage)),
    total: rows.length,
    can: { upload: manage && rows.length < MAX_DOCUMENTS },
  };
}

/**
 * Adds a document to a debt: at most 10 per debt and 10 MB each, only JPEG, PNG, WebP and PDF by
 * their bytes. `read` delivers the file; it is called after the access and count checks, so a
 * refused upload is not read at all.
 */
export async function uploadDocument(ctx: ServiceContext, debtId: string, read: () => Promise<IncomingFile>): Promise<StoredFileView> {
  const scope = policy.authorize(ctx, 'youth_debt.case.manage');
  const { label } = await ownDebt(ctx, ctx.db, scope, debtId);
  if ((await docs.countDocuments(ctx.db, scope.id, debtId)) >= MAX_DOCUMENTS) throw fileError(`${PREFIX}_limit`);
  const file = prepareFile(await read(), PREFIX);
  const row = await transaction(ctx.db, async (trx) => {
    // Checked again under the debt's lock: it may have gone, or another upload came first.
    if (!(await docs.lockDebt(trx, scope.id, debtId))) throw new DomainError('youth_debt.debt_not_found');
    if ((await docs.countDocuments(trx, scope.id, debtId)) >= MAX_DOCUMENTS) throw fileError(`${PREFIX}_limit`);
    const row = await docs.insertDocument(trx, {
      workspaceId: scope.id,
      id: newId(),
      debtId,
      fileName: file.fileName,
      contentType: file.contentType,
      sizeBytes: file.data.length,
      data: file.data,
      uploadedBy: ctx.actor!.userId,
    });
    await audit(trx, ctx, scope, 'youth_debt_debt_document', row.id, 'create', `${label}: ${row.fileName}`, auditFields(row));
    return row;
  });
  return presentStoredFile(row, new Map([[ctx.actor!.userId, ctx.actor!.name]]), ctx.locale, true);
}

/** The file itself, for the own coach or counsellor; each opening is recorded in the audit log. */
export async function downloadDocument(ctx: ServiceContext, debtId: string, documentId: string) {
  const scope = policy.authorize(ctx, 'youth_debt.case.read');
  const { label } = await ownDebt(ctx, ctx.db, scope, debtId);
  const row = await docs.findDocumentWithData(ctx.db, scope.id, debtId, documentId);
  if (!row) throw new DomainError(`${PREFIX}_not_found`);
  await audit(ctx.db, ctx, scope, 'youth_debt_debt_document', row.id, 'download', `${label}: ${row.fileName}`, auditFields(row));
  return row;
}

/** Removes a document (the own coach or counsellor); asking for confirmation is the UI's job. */
export async function deleteDocument(ctx: ServiceContext, debtId: string, documentId: string) {
  const scope = policy.authorize(ctx, 'youth_debt.case.manage');
  await transaction(ctx.db, async (trx) => {
    const { label } = await ownDebt(ctx, trx, scope, debtId);
    const row = await docs.findDocument(trx, scope.id, debtId, documentId);
    if (!row) throw new DomainError(`${PREFIX}_not_found`);
    await docs.deleteDocument(trx, scope.id, documentId);
    await audit(trx, ctx, scope, 'youth_debt_debt_document', row.id, 'delete', `${label}: ${row.fileName}`, null, auditFields(row));
  });
}
