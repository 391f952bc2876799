import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';
import { SCORE_KEYS, type Moment, type MomentGroup, type Respondent, type Scores } from './questionnaires';

/** The effect monitor's SQL: questionnaires and the private links; every function takes the workspace id, except the lookup by token hash. */

export type QuestionnaireRow = Scores & {
  workspaceId: string;
  id: string;
  participantId: string;
  moment: Moment;
  respondent: Respondent;
  filledAt: Date;
  filledByUserId: string | null;
  linkId: string | null;
  createdAt: Date;
  updatedAt: Date;
};
export type LinkRow = {
  workspaceId: string;
  id: string;
  participantId: string;
  moment: Moment;
  tokenHash: string;
  expiresAt: Date;
  createdByUserId: string | null;
  createdAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
  revokedByUserId: string | null;
};

export async function questionnairesOf(db: Db, workspaceId: string, participantId: string): Promise<QuestionnaireRow[]> {
  return db
    .selectFrom('youthDebtQuestionnaires')
    .selectAll()
    .where('workspaceId', '=', workspaceId)
    .where('participantId', '=', participantId)
    .orderBy('moment')
    .orderBy('respondent')
    .execute() as Promise<QuestionnaireRow[]>;
}

export async function findQuestionnaire(db: Db, workspaceId: string, participantId: string, moment: Moment, respondent: Respondent): Promise<QuestionnaireRow | undefined> {
  return db
    .selectFrom('youthDebtQuestionnaires')
    .selectAll()
    .where('workspaceId', '=', workspaceId)
    .where('participantId', '=', participantId)
    .where('moment', '=', moment)
    .where('respondent', '=', respondent)
    .executeTakeFirst() as Promise<QuestionnaireRow | undefined>;
}

export async function insertQuestionnaire(db: Db, row: Omit<QuestionnaireRow, 'createdAt' | 'updatedAt' | 'filledAt'> & { filledAt?: Date }) {
  await db.insertInto('youthDebtQuestionnaires').values(row).execute();
}

export async function updateQuestionnaire(db: Db, workspaceId: string, id: string, values: Scores & { filledByUserId: string }) {
  await db
    .updateTable('youthDebtQuestionnaires')
    .set({ ...values, filledAt: sql`now()`, updatedAt: sql`now()` })
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

/**
 * The questionnaires of a workspace grouped per respondent and moment: counts, score sums, and
 * the sums of the change since the same participant's intake by the same respondent. One
 * statement; no rows of individual young people leave the database.
 */
export async function scoreGroups(db: Db, workspaceId: string): Promise<MomentGroup[]> {
  const cols = SCORE_KEYS.map((k) => snake(k));
  const r = await sql<Record<string, number | string>>`
    select q.respondent, q.moment, count(*)::int as n, count(b.id)::int as pairs,
      ${sql.join(cols.map((c, i) => sql`sum(q.${sql.ref(c)})::int as ${sql.ref(`s${i}`)}`))},
      ${sql.join(cols.map((c, i) => sql`coalesce(sum(q.${sql.ref(c)} - b.${sql.ref(c)}), 0)::int as ${sql.ref(`d${i}`)}`))}
    from youth_debt_questionnaires q
    left join youth_debt_questionnaires b
      on q.moment > 0 and b.workspace_id = q.workspace_id and b.participant_id = q.participant_id and b.respondent = q.respondent and b.moment = 0
    where q.workspace_id = ${workspaceId}
    group by q.respondent, q.moment`.execute(db);
  return r.rows.map((row) => ({
    respondent: row.respondent as Respondent,
    moment: Number(row.moment) as Moment,
    questionnaires: Number(row.n),
    pairs: Number(row.pairs),
    // aliases by position: the driver's camel-casing would rename s_sociaal_netwerk
    sums: Object.fromEntries(SCORE_KEYS.map((k, i) => [k, Number(row[`s${i}`])])) as Scores,
    changeSums: Object.fromEntries(SCORE_KEYS.map((k, i) => [k, Number(row[`d${i}`])])) as Scores,
  }));
}

/** How many participants have at least one questionnaire. */
export async function participantsWithQuestionnaires(db: Db, workspaceId: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(distinct participant_id)::int as n from youth_debt_questionnaires where workspace_id = ${workspaceId}`.execute(db);
  return Number(r.rows[0].n);
}

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

// Private links

export async function linksOf(db: Db, workspaceId: string, participantId: string): Promise<LinkRow[]> {
  return db
    .selectFrom('youthDebtQuestionnaireLinks')
    .selectAll()
    .where('workspaceId', '=', workspaceId)
    .where('participantId', '=', participantId)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .execute() as Promise<LinkRow[]>;
}

export async function findLink(db: Db, workspaceId: string, participantId: string, id: string): Promise<LinkRow | undefined> {
  return db
    .selectFrom('youthDebtQuestionnaireLinks')
    .selectAll()
    .where('workspaceId', '=', workspaceId)
    .where('participantId', '=', participantId)
    .where('id', '=', id)
    .executeTakeFirst() as Promise<LinkRow | undefined>;
}

export async function findLinkByTokenHash(db: Db, tokenHash: string): Promise<LinkRow | undefined> {
  return db.selectFrom('youthDebtQuestionnaireLinks').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst() as Promise<LinkRow | undefined>;
}

export async function insertLink(db: Db, row: Omit<LinkRow, 'createdAt' | 'usedAt' | 'revokedAt' | 'revokedByUserId'> & Partial<Pick<LinkRow, 'createdAt' | 'usedAt'>>) {
  await db.insertInto('youthDebtQuestionnaireLinks').values(row).execute();
}

/** Revokes the links of a participant's moment that still work (unused, not revoked); returns their ids. */
export async function revokeOpenLinks(db: Db, workspaceId: string, participantId: string, moment: Moment, byUserId: string | null): Promise<string[]> {
  const rows = await db
    .updateTable('youthDebtQuestionnaireLinks')
    .set({ revokedAt: sql`now()`, revokedByUserId: byUserId })
    .where('workspaceId', '=', workspaceId)
    .where('participantId', '=', participantId)
    .where('moment', '=', moment)
    .where('usedAt', 'is', null)
    .where('revokedAt', 'is', null)
    .returning('id')
    .execute();
  return rows.map((r) => r.id as string);
}

export async function revokeLink(db: Db, workspaceId: string, id: string, byUserId: string | null) {
  await db.updateTable('youthDebtQuestionnaireLinks').set({ revokedAt: sql`now()`, revokedByUserId: byUserId }).where('workspaceId', '=', workspaceId).where('id', '=', id).execute();
}

/**
 * Marks a link used if it still works at this moment; false when another request used it first,
 * or it was revoked or expired meanwhile (the row lock makes two submissions take turns).
 */
export async function claimLink(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const row = await db
    .updateTable('youthDebtQuestionnaireLinks')
    .set({ usedAt: sql`now()` })
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .where('usedAt', 'is', null)
    .where('revokedAt', 'is', null)
    .where('expiresAt', '>', sql<Date>`now()`)
    .returning('id')
    .executeTakeFirst();
  return !!row;
}
