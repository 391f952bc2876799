import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';

/** The only file of the module with SQL; every function takes the workspace id. */

export type SettingsRow = { workspaceId: string; termMonths: number; preferentialMultiplierHundredths: number; hourlyRateCents: number; letterTemplate: string | null; updatedAt: Date };
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

export async function saveSettings(db: Db, workspaceId: string, values: { termMonths: number; preferentialMultiplierHundredths: number; hourlyRateCents?: number; letterTemplate?: string | null }) {
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

export type DebtListRow = DebtRow & { creditorName: string; participantNumber: number; documents: number };

const debtsWithNames = (db: Db, workspaceId: string) =>
  db
    .selectFrom('youthDebtDebts as d')
    .innerJoin('youthDebtCreditors as c', (j) => j.onRef('c.workspaceId', '=', 'd.workspaceId').onRef('c.id', '=', 'd.creditorId'))
    .innerJoin('youthDebtParticipants as p', (j) => j.onRef('p.workspaceId', '=', 'd.workspaceId').onRef('p.id', '=', 'd.participantId'))
    .selectAll('d')
    .select(['c.name as creditorName', 'p.number as participantNumber'])
    .select((eb) =>
      eb
        .selectFrom('youthDebtDebtDocuments as doc')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('doc.workspaceId', '=', 'd.workspaceId')
        .whereRef('doc.debtId', '=', 'd.id')
        .as('documents'),
    )
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

// Dashboard and the approach-wide view: aggregates only, grouped by workspace. `workspaceId`
// null reads every workspace (the approach-wide view, for administrators of the installation).

export type StatusCountRow = { workspaceId: string; status: string; n: number };
export type DebtGroupRow = { workspaceId: string; status: string; preferential: boolean; debts: number; amountCents: number | string; participants: number };
export type DebtPerParticipantRow = { workspaceId: string | null; participants: number; totalCents: number | string; medianCents: number | string | null };
export type BandRow = { workspaceId: string; band: string; n: number };
export type CoachLoadRow = { workspaceId: string; band: string; coaches: number; participants: number };
export type LeavingReasonRow = { reason: string; n: number };

const inScope = (workspaceId: string | null, column = 'workspace_id') => (workspaceId ? sql`where ${sql.ref(column)} = ${workspaceId}` : sql``);

/** Ages at the start in bands of two years; outside 18–27 only with a recorded exception. */
const AGE_BAND = sql`case
  when extract(year from age(start_date, birth_date)) < 18 then 'jonger'
  when extract(year from age(start_date, birth_date)) <= 19 then '18-19'
  when extract(year from age(start_date, birth_date)) <= 21 then '20-21'
  when extract(year from age(start_date, birth_date)) <= 23 then '22-23'
  when extract(year from age(start_date, birth_date)) <= 25 then '24-25'
  when extract(year from age(start_date, birth_date)) <= 27 then '26-27'
  else 'ouder' end`;

/** Participants in the running caseload of one coach, in bands. */
const LOAD_BAND = sql`case when n <= 5 then '1-5' when n <= 10 then '6-10' when n <= 15 then '11-15' when n <= 20 then '16-20' else '21+' end`;

export async function participantsByStatus(db: Db, workspaceId: string | null): Promise<StatusCountRow[]> {
  const r = await sql<StatusCountRow>`select workspace_id, status, count(*)::int as n from youth_debt_participants ${inScope(workspaceId)} group by workspace_id, status`.execute(db);
  return r.rows;
}

export async function leavingReasons(db: Db, workspaceId: string): Promise<LeavingReasonRow[]> {
  const r = await sql<LeavingReasonRow>`select coalesce(leaving_reason, '') as reason, count(*)::int as n from youth_debt_participants
    where workspace_id = ${workspaceId} and status = 'uitgevallen' group by 1 order by n desc, reason`.execute(db);
  return r.rows;
}

export async function debtGroups(db: Db, workspaceId: string | null): Promise<DebtGroupRow[]> {
  // Per participant first (a hash aggregate), so the distinct participants need no sort of every debt.
  const r = await sql<DebtGroupRow>`with t as (
      select workspace_id, status, preferential, participant_id, count(*) as n, sum(amount_cents) as s
      from youth_debt_debts ${inScope(workspaceId)} group by workspace_id, status, preferential, participant_id
    )
    select workspace_id, status, preferential, sum(n)::int as debts, sum(s)::bigint as amount_cents, count(*)::int as participants
    from t group by workspace_id, status, preferential`.execute(db);
  return r.rows;
}

/** Per workspace (and, for the approach, over all: workspaceId null) the participants with debts, their total and the median debt per participant. */
export async function debtPerParticipant(db: Db, workspaceId: string | null): Promise<DebtPerParticipantRow[]> {
  const r = await sql<DebtPerParticipantRow>`with t as (
      select workspace_id, participant_id, sum(amount_cents) as s from youth_debt_debts ${inScope(workspaceId)} group by workspace_id, participant_id
    )
    select workspace_id, count(*)::int as participants, sum(s)::bigint as total_cents, round((percentile_cont(0.5) within group (order by s))::numeric)::bigint as median_cents
    from t group by grouping sets ((workspace_id), ())`.execute(db);
  return r.rows;
}

export async function newPerQuarter(db: Db, workspaceId: string | null): Promise<BandRow[]> {
  const r = await sql<BandRow>`select workspace_id, extract(year from start_date)::int || '-K' || extract(quarter from start_date)::int as band, count(*)::int as n
    from youth_debt_participants ${inScope(workspaceId)} group by 1, 2`.execute(db);
  return r.rows;
}

export async function ageAtStart(db: Db, workspaceId: string | null): Promise<BandRow[]> {
  const r = await sql<BandRow>`select workspace_id, ${AGE_BAND} as band, count(*)::int as n from youth_debt_participants ${inScope(workspaceId)} group by 1, 2`.execute(db);
  return r.rows;
}

/** Coaches by the number of running participants (aanmelding, intake, actief) they coach; names never leave the database. */
export async function coachLoad(db: Db, workspaceId: string | null): Promise<CoachLoadRow[]> {
  const r = await sql<CoachLoadRow>`with c as (
      select workspace_id, coach_user_id, count(*) as n from youth_debt_participants
      where ${workspaceId ? sql`workspace_id = ${workspaceId} and` : sql``} status in ('aanmelding', 'intake', 'actief') and coach_user_id is not null
      group by workspace_id, coach_user_id
    )
    select workspace_id, ${LOAD_BAND} as band, count(*)::int as coaches, sum(n)::int as participants from c group by 1, 2`.execute(db);
  return r.rows;
}

export async function runningWithoutCoach(db: Db, workspaceId: string | null): Promise<{ workspaceId: string; n: number }[]> {
  const r = await sql<{ workspaceId: string; n: number }>`select workspace_id, count(*)::int as n from youth_debt_participants
    where ${workspaceId ? sql`workspace_id = ${workspaceId} and` : sql``} status in ('aanmelding', 'intake', 'actief') and coach_user_id is null group by 1`.execute(db);
  return r.rows;
}

/** Workspaces that run the approach (have participants), for the daily indicator feed. */
export async function workspacesWithParticipants(db: Db): Promise<string[]> {
  const r = await sql<{ workspaceId: string }>`select distinct workspace_id as "workspaceId" from youth_debt_participants`.execute(db);
  return r.rows.map((x) => x.workspaceId);
}

/** Wellbeing now: each running or finished participant's latest own questionnaire (1–10), averaged. */
export async function latestWellbeing(db: Db, workspaceId: string): Promise<{ participants: number; mean: number }> {
  const r = await sql<{ participants: number; mean: number | null }>`
    select count(*)::int as participants, avg(welzijn)::float8 as mean from (
      select distinct on (q.participant_id) q.welzijn
      from youth_debt_questionnaires q join youth_debt_participants p on p.workspace_id = q.workspace_id and p.id = q.participant_id
      where q.workspace_id = ${workspaceId} and q.respondent = 'jongere' and p.status in ('actief', 'afgerond')
      order by q.participant_id, q.moment desc) latest`.execute(db);
  return { participants: r.rows[0].participants, mean: r.rows[0].mean ?? 0 };
}

/** Rows of one of the module's tables for `dichter export`, with only the named columns (never names, notes, contacts or link tokens). */
export async function exportRows(db: Db, workspaceId: string, table: string, columns: readonly string[], orderBy = 'created_at') {
  const r = await sql<Record<string, unknown>>`select ${sql.join(columns.map((c) => sql.ref(c)))} from ${sql.table(table)} where workspace_id = ${workspaceId} order by ${sql.ref(orderBy)}`.execute(db);
  return r.rows;
}
