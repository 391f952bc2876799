import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';

/** SQL for sent offers, their lines (one per creditor's debt) and the settlement credit; every function takes the workspace id. */

export type OfferRow = {
  workspaceId: string;
  id: string;
  participantId: string;
  version: number;
  status: string;
  sentDate: string;
  sentBy: string | null;
  monthlyCapacityCents: number;
  termMonths: number;
  preferentialMultiplierHundredths: number;
  availableCents: number;
  paidOutCents: number;
  letterTemplate: string;
};
export type OfferLineRow = {
  workspaceId: string;
  id: string;
  offerId: string;
  participantId: string;
  debtId: string;
  position: number;
  creditorName: string;
  creditorAddress: string;
  debtCents: number;
  preferential: boolean;
  payoutCents: number;
  percentageHundredths: number;
  response: string | null;
  responseReason: string | null;
  counterCents: number | null;
  agreedCents: number | null;
  respondedDate: string | null;
  respondedBy: string | null;
};
/** A line with what the list and the letter need of its offer and participant. */
export type OfferLineListRow = OfferLineRow & { offerVersion: number; offerStatus: string; sentDate: string; termMonths: number; letterTemplate: string; participantNumber: number };
export type CreditRow = { workspaceId: string; id: string; participantId: string; offerId: string; amountCents: number; grantedDate: string; termMonths: number; monthlyInstalmentCents: number };

const OFFER_COLUMNS = [
  'workspaceId',
  'id',
  'participantId',
  'version',
  'status',
  'sentDate',
  'sentBy',
  'monthlyCapacityCents',
  'termMonths',
  'preferentialMultiplierHundredths',
  'availableCents',
  'paidOutCents',
  'letterTemplate',
] as const;

export async function offersOfParticipant(db: Db, workspaceId: string, participantId: string): Promise<OfferRow[]> {
  return db
    .selectFrom('youthDebtOffers')
    .select(OFFER_COLUMNS)
    .where('workspaceId', '=', workspaceId)
    .where('participantId', '=', participantId)
    .orderBy('version', 'desc')
    .execute() as Promise<OfferRow[]>;
}

export async function findOffer(db: Db, workspaceId: string, id: string): Promise<OfferRow | undefined> {
  return db.selectFrom('youthDebtOffers').select(OFFER_COLUMNS).where('workspaceId', '=', workspaceId).where('id', '=', id).executeTakeFirst() as Promise<OfferRow | undefined>;
}

/** Takes the participant's row lock first, so two people sending at once get versions 1 and 2, not a clash. */
export async function lockParticipant(db: Db, workspaceId: string, participantId: string) {
  await sql`select 1 from youth_debt_participants where workspace_id = ${workspaceId} and id = ${participantId} for update`.execute(db);
}

export async function insertOffer(db: Db, row: OfferRow) {
  await db.insertInto('youthDebtOffers').values(row).execute();
}

export async function setOfferStatus(db: Db, workspaceId: string, id: string, status: string) {
  await db.updateTable('youthDebtOffers').set({ status }).where('workspaceId', '=', workspaceId).where('id', '=', id).execute();
}

export async function insertOfferLines(db: Db, rows: Omit<OfferLineRow, 'response' | 'responseReason' | 'counterCents' | 'agreedCents' | 'respondedDate' | 'respondedBy'>[]) {
  if (rows.length) await db.insertInto('youthDebtOfferLines').values(rows).execute();
}

const linesWithOffer = (db: Db, workspaceId: string) =>
  db
    .selectFrom('youthDebtOfferLines as l')
    .innerJoin('youthDebtOffers as o', (j) => j.onRef('o.workspaceId', '=', 'l.workspaceId').onRef('o.id', '=', 'l.offerId'))
    .innerJoin('youthDebtParticipants as p', (j) => j.onRef('p.workspaceId', '=', 'l.workspaceId').onRef('p.id', '=', 'l.participantId'))
    .selectAll('l')
    .select(['o.version as offerVersion', 'o.status as offerStatus', 'o.sentDate', 'o.termMonths', 'o.letterTemplate', 'p.number as participantNumber'])
    .where('l.workspaceId', '=', workspaceId);

export async function linesOfOffers(db: Db, workspaceId: string, offerIds: readonly string[]): Promise<OfferLineListRow[]> {
  if (!offerIds.length) return [];
  return linesWithOffer(db, workspaceId).where('l.offerId', 'in', offerIds).orderBy('o.version', 'desc').orderBy('l.position').execute() as Promise<OfferLineListRow[]>;
}

export async function listLines(db: Db, workspaceId: string, query: { participantId?: string; limit: number; offset: number }) {
  let q = linesWithOffer(db, workspaceId);
  let c = db.selectFrom('youthDebtOfferLines').select(sql<number>`count(*)::int`.as('n')).where('workspaceId', '=', workspaceId);
  if (query.participantId) {
    q = q.where('l.participantId', '=', query.participantId);
    c = c.where('participantId', '=', query.participantId);
  }
  const [items, total] = await Promise.all([
    q.orderBy('p.number').orderBy('o.version', 'desc').orderBy('l.position').limit(query.limit).offset(query.offset).execute() as Promise<OfferLineListRow[]>,
    c.executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

export async function findLine(db: Db, workspaceId: string, id: string): Promise<OfferLineListRow | undefined> {
  return linesWithOffer(db, workspaceId).where('l.id', '=', id).executeTakeFirst() as Promise<OfferLineListRow | undefined>;
}

export async function saveResponse(
  db: Db,
  workspaceId: string,
  id: string,
  values: Pick<OfferLineRow, 'response' | 'responseReason' | 'counterCents' | 'agreedCents' | 'respondedDate' | 'respondedBy'>,
) {
  await db.updateTable('youthDebtOfferLines').set(values).where('workspaceId', '=', workspaceId).where('id', '=', id).execute();
}

/** Sets the status of the given debts (of one workspace). */
export async function setDebtStatus(db: Db, workspaceId: string, debtIds: readonly string[], status: string) {
  if (!debtIds.length) return;
  await db
    .updateTable('youthDebtDebts')
    .set({ status, updatedAt: sql`now()` })
    .where('workspaceId', '=', workspaceId)
    .where('id', 'in', debtIds)
    .execute();
}

// Credit

export async function findCreditOfParticipant(db: Db, workspaceId: string, participantId: string): Promise<CreditRow | undefined> {
  return db
    .selectFrom('youthDebtCredits')
    .select(['workspaceId', 'id', 'participantId', 'offerId', 'amountCents', 'grantedDate', 'termMonths', 'monthlyInstalmentCents'])
    .where('workspaceId', '=', workspaceId)
    .where('participantId', '=', participantId)
    .executeTakeFirst() as Promise<CreditRow | undefined>;
}

export async function insertCredit(db: Db, row: CreditRow) {
  await db.insertInto('youthDebtCredits').values(row).execute();
}
