import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';

/** The only file of the module with SQL; every function takes the workspace id. */

export type SettingsRow = { workspaceId: string; termMonths: number; preferentialMultiplierHundredths: number; updatedAt: Date };
export type CreditorRow = { workspaceId: string; id: string; name: string; address: string; preferential: boolean; createdAt: Date; updatedAt: Date };
export type ParticipantRow = {
  workspaceId: string;
  id: string;
  number: number;
  name: string;
  contact: string;
  birthDate: string;
  ageExceptionReason: string | null;
  areaId: string | null;
  coachUserId: string | null;
  counsellorUserId: string | null;
  startDate: string;
  status: string;
  leavingReason: string | null;
  monthlyIncomeCents: number | null;
  vtlbCents: number | null;
  createdAt: Date;
  updatedAt: Date;
};
export type DebtRow = { workspaceId: string; id: string; participantId: string; creditorId: string; amountCents: number; preferential: boolean; status: string; createdAt: Date; updatedAt: Date };

// Settings

export async function getSettings(db: Db, workspaceId: string): Promise<SettingsRow | undefined> {
  return db.selectFrom('youthDebtSettings').selectAll().where('workspaceId', '=', workspaceId).executeTakeFirst() as Promise<SettingsRow | undefined>;
}

export async function saveSettings(db: Db, workspaceId: string, values: { termMonths: number; preferentialMultiplierHundredths: number }) {
  await db
    .insertInto('youthDebtSettings')
    .values({ workspaceId, ...values })
    .onConflict((oc) => oc.column('workspaceId').doUpdateSet({ ...values, updatedAt: sql`now()` }))
    .execute();
}

// Creditors

export async function listCreditors(db: Db, workspaceId: string): Promise<(CreditorRow & { debts: number })[]> {
  return db
    .selectFrom('youthDebtCreditors as c')
    .selectAll('c')
    .select((eb) =>
      eb
        .selectFrom('youthDebtDebts as d')
        .whereRef('d.workspaceId', '=', 'c.workspaceId')
        .whereRef('d.creditorId', '=', 'c.id')
        .select(sql<number>`count(*)::int`.as('n'))
        .as('debts'),
    )
    .where('c.workspaceId', '=', workspaceId)
    .orderBy(sql`lower(c.name)`)
    .orderBy('c.id')
    .execute() as Promise<(CreditorRow & { debts: number })[]>;
}

export async function findCreditor(db: Db, workspaceId: string, id: string): Promise<CreditorRow | undefined> {
  return db.selectFrom('youthDebtCreditors').selectAll().where('workspaceId', '=', workspaceId).where('id', '=', id).executeTakeFirst() as Promise<CreditorRow | undefined>;
}

export async function findCreditorByName(db: Db, workspaceId: string, name: string): Promise<CreditorRow | undefined> {
  return db
    .selectFrom('youthDebtCreditors')
    .selectAll()
    .where('workspaceId', '=', workspaceId)
    .where(sql`lower(name)`, '=', name.toLowerCase())
    .executeTakeFirst() as Promise<CreditorRow | undefined>;
}

export async function insertCreditor(db: Db, row: Omit<CreditorRow, 'createdAt' | 'updatedAt'>) {
  await db.insertInto('youthDebtCreditors').values(row).execute();
}

export async function updateCreditor(db: Db, workspaceId: string, id: string, patch: Partial<Pick<CreditorRow, 'name' | 'address' | 'preferential'>>) {
  await db
    .updateTable('youthDebtCreditors')
    .set({ ...patch, updatedAt: sql`now()` })
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

// Participants

export async function countParticipants(db: Db, workspaceId: string): Promise<number> {
  const row = await db.selectFrom('youthDebtParticipants').select(sql<number>`count(*)::int`.as('n')).where('workspaceId', '=', workspaceId).executeTakeFirstOrThrow();
  return row.n;
}

export async function nextParticipantNumber(db: Db, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom('youthDebtParticipants')
    .select(sql<number>`coalesce(max(number), 0)::int + 1`.as('n'))
    .where('workspaceId', '=', workspaceId)
    .executeTakeFirstOrThrow();
  return row.n;
}

export type ParticipantListRow = ParticipantRow & { debts: number; debtTotalCents: number };

const withDebtTotals = (db: Db) =>
  db
    .selectFrom('youthDebtParticipants as p')
    .selectAll('p')
    .select((eb) => [
      eb
        .selectFrom('youthDebtDebts as d')
        .whereRef('d.workspaceId', '=', 'p.workspaceId')
        .whereRef('d.participantId', '=', 'p.id')
        .select(sql<number>`count(*)::int`.as('n'))
        .as('debts'),
      eb
        .selectFrom('youthDebtDebts as d')
        .whereRef('d.workspaceId', '=', 'p.workspaceId')
        .whereRef('d.participantId', '=', 'p.id')
        .select(sql<number>`coalesce(sum(d.amount_cents), 0)::bigint`.as('s'))
        .as('debtTotalCents'),
    ]);

export async function listParticipants(db: Db, workspaceId: string, query: { status?: string; limit: number; offset: number }) {
  let q = withDebtTotals(db).where('p.workspaceId', '=', workspaceId);
  if (query.status) q = q.where('p.status', '=', query.status);
  const [items, total] = await Promise.all([
    q.orderBy('p.number').limit(query.limit).offset(query.offset).execute() as Promise<ParticipantListRow[]>,
    (() => {
      let c = db.selectFrom('youthDebtParticipants').select(sql<number>`count(*)::int`.as('n')).where('workspaceId', '=', workspaceId);
      if (query.status) c = c.where('status', '=', query.status);
      return c.executeTakeFirstOrThrow();
    })(),
  ]);
  return { items, total: total.n };
}

export async function findParticipant(db: Db, workspaceId: string, id: string): Promise<ParticipantListRow | undefined> {
  return withDebtTotals(db).where('p.workspaceId', '=', workspaceId).where('p.id', '=', id).executeTakeFirst() as Promise<ParticipantListRow | undefined>;
}

export async function insertParticipant(db: Db, row: Omit<ParticipantRow, 'createdAt' | 'updatedAt'>) {
  await db.insertInto('youthDebtParticipants').values(row).execute();
}

export async function updateParticipant(db: Db, workspaceId: string, id: string, patch: Partial<Omit<ParticipantRow, 'workspaceId' | 'id' | 'number' | 'createdAt' | 'updatedAt'>>) {
  await db
    .updateTable('youthDebtParticipants')
    .set({ ...patch, updatedAt: sql`now()` })
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

// Debts

export type DebtListRow = DebtRow & { creditorName: string; participantNumber: number };

const debtsWithNames = (db: Db, workspaceId: string) =>
  db
    .selectFrom('youthDebtDebts as d')
    .innerJoin('youthDebtCreditors as c', (j) => j.onRef('c.workspaceId', '=', 'd.workspaceId').onRef('c.id', '=', 'd.creditorId'))
    .innerJoin('youthDebtParticipants as p', (j) => j.onRef('p.workspaceId', '=', 'd.workspaceId').onRef('p.id', '=', 'd.participantId'))
    .selectAll('d')
    .select(['c.name as creditorName', 'p.number as participantNumber'])
    .where('d.workspaceId', '=', workspaceId);

export async function listDebts(db: Db, workspaceId: string, query: { participantId?: string; limit: number; offset: number }) {
  let q = debtsWithNames(db, workspaceId);
  if (query.participantId) q = q.where('d.participantId', '=', query.participantId);
  let c = db.selectFrom('youthDebtDebts').select(sql<number>`count(*)::int`.as('n')).where('workspaceId', '=', workspaceId);
  if (query.participantId) c = c.where('participantId', '=', query.participantId);
  const [items, total] = await Promise.all([
    q.orderBy('p.number').orderBy('d.createdAt').orderBy('d.id').limit(query.limit).offset(query.offset).execute() as Promise<DebtListRow[]>,
    c.executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

export async function debtsOfParticipant(db: Db, workspaceId: string, participantId: string): Promise<DebtListRow[]> {
  return debtsWithNames(db, workspaceId).where('d.participantId', '=', participantId).orderBy('d.createdAt').orderBy('d.id').execute() as Promise<DebtListRow[]>;
}

export async function findDebt(db: Db, workspaceId: string, id: string): Promise<DebtListRow | undefined> {
  return debtsWithNames(db, workspaceId).where('d.id', '=', id).executeTakeFirst() as Promise<DebtListRow | undefined>;
}

export async function insertDebt(db: Db, row: Omit<DebtRow, 'createdAt' | 'updatedAt'>) {
  await db.insertInto('youthDebtDebts').values(row).execute();
}

export async function updateDebt(db: Db, workspaceId: string, id: string, patch: Partial<Pick<DebtRow, 'creditorId' | 'amountCents' | 'preferential' | 'status'>>) {
  await db
    .updateTable('youthDebtDebts')
    .set({ ...patch, updatedAt: sql`now()` })
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}
