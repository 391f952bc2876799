import { byteaAsBuffer, type Db } from '../../platform/db/database';
import type { StoredFileMeta } from '../../platform/files/schema';

/** Documents on debts: the only SQL for them; every function takes the workspace id. */

export type DocumentMeta = StoredFileMeta & { workspaceId: string; debtId: string };
export type DocumentRow = DocumentMeta & { data: Buffer };

const metaColumns = ['workspaceId', 'id', 'debtId', 'fileName', 'contentType', 'sizeBytes', 'uploadedBy', 'createdAt'] as const;

/** Locks the debt for the rest of the transaction, so two uploads cannot both pass the count check. */
export const lockDebt = async (db: Db, workspaceId: string, debtId: string) =>
  !!(await db.selectFrom('youthDebtDebts').select('id').where('workspaceId', '=', workspaceId).where('id', '=', debtId).forUpdate().executeTakeFirst());

export const countDocuments = async (db: Db, workspaceId: string, debtId: string) =>
  Number((await db.selectFrom('youthDebtDebtDocuments').select((eb) => eb.fn.countAll<number>().as('n')).where('workspaceId', '=', workspaceId).where('debtId', '=', debtId).executeTakeFirstOrThrow()).n);

export const insertDocument = (db: Db, row: Omit<DocumentRow, 'createdAt'>) =>
  db.insertInto('youthDebtDebtDocuments').values(row).returning(metaColumns).executeTakeFirstOrThrow() as Promise<DocumentMeta>;

/** The documents of a debt without their bytes, oldest first. */
export const listDocuments = (db: Db, workspaceId: string, debtId: string) =>
  db.selectFrom('youthDebtDebtDocuments').select(metaColumns).where('workspaceId', '=', workspaceId).where('debtId', '=', debtId).orderBy('createdAt').orderBy('id').execute() as Promise<DocumentMeta[]>;

export const findDocument = (db: Db, workspaceId: string, debtId: string, id: string) =>
  db.selectFrom('youthDebtDebtDocuments').select(metaColumns).where('workspaceId', '=', workspaceId).where('debtId', '=', debtId).where('id', '=', id).executeTakeFirst() as Promise<DocumentMeta | undefined>;

/** One document with its bytes. */
export async function findDocumentWithData(db: Db, workspaceId: string, debtId: string, id: string): Promise<DocumentRow | undefined> {
  const row = await db.selectFrom('youthDebtDebtDocuments').selectAll().where('workspaceId', '=', workspaceId).where('debtId', '=', debtId).where('id', '=', id).executeTakeFirst();
  return row && { ...(row as DocumentRow), data: byteaAsBuffer(row.data) };
}

export const deleteDocument = (db: Db, workspaceId: string, id: string) => db.deleteFrom('youthDebtDebtDocuments').where('workspaceId', '=', workspaceId).where('id', '=', id).execute();
