import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';

/** SQL of the perspective plan, coaching contacts and outcomes; every function takes the workspace id. */

export type GoalRow = {
  workspaceId: string;
  id: string;
  participantId: string;
  domain: string;
  title: string;
  status: string;
  progress: number;
  reachedOn: string | null;
  createdAt: Date;
  updatedAt: Date;
};
export type StepRow = { workspaceId: string; id: string; goalId: string; position: number; title: string; doneOn: string | null };
export type ContactRow = {
  workspaceId: string;
  id: string;
  participantId: string;
  contactDate: string;
  kind: string;
  durationMinutes: number | null;
  note: string;
  /** The observation (verhaal) the coach made of this contact, if any. */
  observationId: string | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
};
export type OutcomeRow = {
  workspaceId: string;
  participantId: string;
  debtFree: string;
  inEducation: string;
  inWork: string;
  stableHousing: string;
  socialAssistance: string;
  recordedOn: string;
  recordedBy: string | null;
  updatedAt: Date;
};

// Goals and their steps

export async function listGoals(db: Db, workspaceId: string, query: { participantId?: string; limit: number; offset: number }) {
  let q = db.selectFrom('youthDebtGoals').selectAll().where('workspaceId', '=', workspaceId);
  let c = db.selectFrom('youthDebtGoals').select(sql<number>`count(*)::int`.as('n')).where('workspaceId', '=', workspaceId);
  if (query.participantId) {
    q = q.where('participantId', '=', query.participantId);
    c = c.where('participantId', '=', query.participantId);
  }
  const [items, total] = await Promise.all([
    q.orderBy('participantId').orderBy('createdAt').orderBy('id').limit(query.limit).offset(query.offset).execute() as Promise<GoalRow[]>,
    c.executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

export async function findGoal(db: Db, workspaceId: string, id: string): Promise<GoalRow | undefined> {
  return db.selectFrom('youthDebtGoals').selectAll().where('workspaceId', '=', workspaceId).where('id', '=', id).executeTakeFirst() as Promise<GoalRow | undefined>;
}

/** The steps of these goals, in order per goal. */
export async function stepsOfGoals(db: Db, workspaceId: string, goalIds: readonly string[]): Promise<StepRow[]> {
  if (!goalIds.length) return [];
  return db
    .selectFrom('youthDebtGoalSteps')
    .selectAll()
    .where('workspaceId', '=', workspaceId)
    .where('goalId', 'in', goalIds)
    .orderBy('goalId')
    .orderBy('position')
    .execute() as Promise<StepRow[]>;
}

export async function insertGoal(db: Db, row: Omit<GoalRow, 'createdAt' | 'updatedAt'>) {
  await db.insertInto('youthDebtGoals').values(row).execute();
}

export async function updateGoal(db: Db, workspaceId: string, id: string, patch: Partial<Pick<GoalRow, 'domain' | 'title' | 'status' | 'progress' | 'reachedOn'>>) {
  await db
    .updateTable('youthDebtGoals')
    .set({ ...patch, updatedAt: sql`now()` })
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export async function deleteGoal(db: Db, workspaceId: string, id: string) {
  await db.deleteFrom('youthDebtGoals').where('workspaceId', '=', workspaceId).where('id', '=', id).execute();
}

/** Replaces the steps of a goal by `steps` (positions 1, 2, …). */
export async function replaceSteps(db: Db, workspaceId: string, goalId: string, steps: readonly Omit<StepRow, 'workspaceId' | 'goalId' | 'position'>[]) {
  await db.deleteFrom('youthDebtGoalSteps').where('workspaceId', '=', workspaceId).where('goalId', '=', goalId).execute();
  if (!steps.length) return;
  await db
    .insertInto('youthDebtGoalSteps')
    .values(steps.map((s, i) => ({ workspaceId, goalId, position: i + 1, id: s.id, title: s.title, doneOn: s.doneOn })))
    .execute();
}

// Coaching contacts

export async function listContacts(db: Db, workspaceId: string, query: { participantId?: string; limit: number; offset: number }) {
  let q = db.selectFrom('youthDebtContacts').selectAll().where('workspaceId', '=', workspaceId);
  let c = db.selectFrom('youthDebtContacts').select(sql<number>`count(*)::int`.as('n')).where('workspaceId', '=', workspaceId);
  if (query.participantId) {
    q = q.where('participantId', '=', query.participantId);
    c = c.where('participantId', '=', query.participantId);
  }
  const [items, total] = await Promise.all([
    q.orderBy('contactDate', 'desc').orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(query.limit).offset(query.offset).execute() as Promise<ContactRow[]>,
    c.executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

export async function findContact(db: Db, workspaceId: string, id: string): Promise<ContactRow | undefined> {
  return db.selectFrom('youthDebtContacts').selectAll().where('workspaceId', '=', workspaceId).where('id', '=', id).executeTakeFirst() as Promise<ContactRow | undefined>;
}

/** The contact, locked until the end of the transaction (a story is made of it at most once). */
export async function lockContact(db: Db, workspaceId: string, id: string): Promise<ContactRow | undefined> {
  return db.selectFrom('youthDebtContacts').selectAll().where('workspaceId', '=', workspaceId).where('id', '=', id).forUpdate().executeTakeFirst() as Promise<ContactRow | undefined>;
}

export async function setContactObservation(db: Db, workspaceId: string, id: string, observationId: string) {
  await db.updateTable('youthDebtContacts').set({ observationId, updatedAt: sql`now()` }).where('workspaceId', '=', workspaceId).where('id', '=', id).execute();
}

export async function insertContact(db: Db, row: Omit<ContactRow, 'createdAt' | 'updatedAt' | 'observationId'>) {
  await db.insertInto('youthDebtContacts').values(row).execute();
}

export async function updateContact(db: Db, workspaceId: string, id: string, patch: Partial<Pick<ContactRow, 'contactDate' | 'kind' | 'durationMinutes' | 'note'>>) {
  await db
    .updateTable('youthDebtContacts')
    .set({ ...patch, updatedAt: sql`now()` })
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export async function deleteContact(db: Db, workspaceId: string, id: string) {
  await db.deleteFrom('youthDebtContacts').where('workspaceId', '=', workspaceId).where('id', '=', id).execute();
}

// Outcomes

export async function findOutcome(db: Db, workspaceId: string, participantId: string): Promise<OutcomeRow | undefined> {
  return db.selectFrom('youthDebtOutcomes').selectAll().where('workspaceId', '=', workspaceId).where('participantId', '=', participantId).executeTakeFirst() as Promise<OutcomeRow | undefined>;
}

export async function saveOutcome(db: Db, row: Omit<OutcomeRow, 'updatedAt'>) {
  const { workspaceId: _w, participantId: _p, ...values } = row;
  await db
    .insertInto('youthDebtOutcomes')
    .values(row)
    .onConflict((oc) => oc.columns(['workspaceId', 'participantId']).doUpdateSet({ ...values, updatedAt: sql`now()` }))
    .execute();
}

// The dashboard's figures

export type DomainGoalRow = { domain: string; goals: number; reached: number; participants: number; participantsReached: number };
export type OutcomeCountRow = { outcome: string; answer: string; n: number };

/** Per life domain: goals, goals reached, and the participants behind each (the group sizes for small-number protection). */
export async function goalsByDomain(db: Db, workspaceId: string): Promise<DomainGoalRow[]> {
  const r = await sql<DomainGoalRow>`select domain, count(*)::int as goals, (count(*) filter (where status = 'bereikt'))::int as reached,
      count(distinct participant_id)::int as participants, (count(distinct participant_id) filter (where status = 'bereikt'))::int as participants_reached
    from youth_debt_goals where workspace_id = ${workspaceId} group by domain`.execute(db);
  return r.rows;
}

/** Participants with goals and with a goal reached, over all domains (each counted once). */
export async function goalParticipants(db: Db, workspaceId: string): Promise<{ participants: number; participantsReached: number }> {
  const r = await sql<{ participants: number; participantsReached: number }>`select count(distinct participant_id)::int as participants,
      (count(distinct participant_id) filter (where status = 'bereikt'))::int as participants_reached
    from youth_debt_goals where workspace_id = ${workspaceId}`.execute(db);
  return r.rows[0] ?? { participants: 0, participantsReached: 0 };
}

/** Recorded outcomes counted per outcome and answer. */
export async function outcomeCounts(db: Db, workspaceId: string): Promise<OutcomeCountRow[]> {
  const r = await sql<OutcomeCountRow>`select o.outcome, o.answer, count(*)::int as n from youth_debt_outcomes,
      lateral (values ('debtFree', debt_free), ('inEducation', in_education), ('inWork', in_work), ('stableHousing', stable_housing), ('socialAssistance', social_assistance)) as o (outcome, answer)
    where workspace_id = ${workspaceId} group by 1, 2`.execute(db);
  return r.rows;
}

/** Of the participants with outcomes: how many are known to be debt-free, and in work or school (each against those whose answer is known). */
export async function outcomeShares(db: Db, workspaceId: string) {
  const r = await sql<{ debtFree: number; debtFreeKnown: number; workOrSchool: number; workOrSchoolKnown: number }>`
    select count(*) filter (where debt_free = 'ja')::int as "debtFree",
           count(*) filter (where debt_free <> 'onbekend')::int as "debtFreeKnown",
           count(*) filter (where in_work = 'ja' or in_education = 'ja')::int as "workOrSchool",
           count(*) filter (where in_work = 'ja' or in_education = 'ja' or (in_work = 'nee' and in_education = 'nee'))::int as "workOrSchoolKnown"
    from youth_debt_outcomes where workspace_id = ${workspaceId}`.execute(db);
  return r.rows[0];
}
