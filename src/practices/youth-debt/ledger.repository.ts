import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';

/** SQL for the repayment ledger; every function takes the workspace id. */

export type LedgerEntryRow = {
  workspaceId: string;
  id: string;
  participantId: string;
  creditId: string;
  kind: string;
  entryDate: string;
  amountCents: number | null;
  host: string | null;
  description: string | null;
  quarterHours: number | null;
  hourlyRateCents: number | null;
  confirmedByUserId: string | null;
  confirmedByName: string | null;
  confirmedDate: string | null;
  recordedBy: string | null;
};
export type LedgerEntryListRow = LedgerEntryRow & { participantNumber: number };

const COLUMNS = [
  'e.workspaceId',
  'e.id',
  'e.participantId',
  'e.creditId',
  'e.kind',
  'e.entryDate',
  'e.amountCents',
  'e.host',
  'e.description',
  'e.quarterHours',
  'e.hourlyRateCents',
  'e.confirmedByUserId',
  'e.confirmedByName',
  'e.confirmedDate',
  'e.recordedBy',
  'p.number as participantNumber',
] as const;

const entries = (db: Db, workspaceId: string) =>
  db
    .selectFrom('youthDebtLedgerEntries as e')
    .innerJoin('youthDebtParticipants as p', (j) => j.onRef('p.workspaceId', '=', 'e.workspaceId').onRef('p.id', '=', 'e.participantId'))
    .select(COLUMNS)
    .where('e.workspaceId', '=', workspaceId);

export async function entriesOfParticipant(db: Db, workspaceId: string, participantId: string): Promise<LedgerEntryListRow[]> {
  return entries(db, workspaceId).where('e.participantId', '=', participantId).orderBy('e.entryDate').orderBy('e.createdAt').orderBy('e.id').execute() as Promise<LedgerEntryListRow[]>;
}

export async function listEntries(db: Db, workspaceId: string, query: { participantId?: string; limit: number; offset: number }) {
  let q = entries(db, workspaceId);
  let c = db.selectFrom('youthDebtLedgerEntries').select(sql<number>`count(*)::int`.as('n')).where('workspaceId', '=', workspaceId);
  if (query.participantId) {
    q = q.where('e.participantId', '=', query.participantId);
    c = c.where('participantId', '=', query.participantId);
  }
  const [items, total] = await Promise.all([
    q.orderBy('p.number').orderBy('e.entryDate').orderBy('e.createdAt').orderBy('e.id').limit(query.limit).offset(query.offset).execute() as Promise<LedgerEntryListRow[]>,
    c.executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

export async function findEntry(db: Db, workspaceId: string, id: string): Promise<LedgerEntryListRow | undefined> {
  return entries(db, workspaceId).where('e.id', '=', id).executeTakeFirst() as Promise<LedgerEntryListRow | undefined>;
}

export async function insertEntry(db: Db, row: LedgerEntryRow) {
  await db.insertInto('youthDebtLedgerEntries').values(row).execute();
}

export async function deleteEntry(db: Db, workspaceId: string, id: string) {
  await db.deleteFrom('youthDebtLedgerEntries').where('workspaceId', '=', workspaceId).where('id', '=', id).execute();
}

export async function confirmEntry(db: Db, workspaceId: string, id: string, values: { confirmedByUserId: string | null; confirmedByName: string; confirmedDate: string }) {
  await db.updateTable('youthDebtLedgerEntries').set(values).where('workspaceId', '=', workspaceId).where('id', '=', id).execute();
}
