import { sql, type Kysely } from 'kysely';

/*
 * Youth debt effect monitor: questionnaires at intake and after 6, 12, 18 and 24 months, one per
 * participant × moment × respondent (the young person, 'jongere', or the coach, 'begeleider'),
 * with a score of 1–10 per life domain and for overall wellbeing. The young person fills theirs in
 * through a private link: a random token shown once, stored only as a SHA-256 hash, with an
 * expiry, for one participant and one moment, revocable and used at most once.
 * Moments are months since the start (0 = intake). Members are referenced by id (another module).
 */
export async function up(db: Kysely<any>) {
  const fk = (table: string, column: string, target: string) =>
    sql`alter table ${sql.table(table)} add constraint ${sql.id(`${table}_${column}_fkey`)} foreign key (workspace_id, ${sql.id(column)}) references ${sql.table(target)} (workspace_id, id) on delete cascade`;

  await db.schema
    .createTable('youth_debt_questionnaire_links')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('participant_id', 'uuid', (c) => c.notNull())
    .addColumn('moment', 'integer', (c) => c.notNull())
    // sha256 of the token, hex; the token itself is never stored
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by_user_id', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('used_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('revoked_by_user_id', 'uuid')
    .addPrimaryKeyConstraint('youth_debt_questionnaire_links_pkey', ['workspace_id', 'id'])
    .addCheckConstraint('youth_debt_questionnaire_links_moment_check', sql`moment in (0, 6, 12, 18, 24)`)
    .execute();
  await fk('youth_debt_questionnaire_links', 'participant_id', 'youth_debt_participants').execute(db);
  await db.schema.createIndex('youth_debt_questionnaire_links_token_key').on('youth_debt_questionnaire_links').column('token_hash').unique().execute();
  await db.schema.createIndex('youth_debt_questionnaire_links_participant_idx').on('youth_debt_questionnaire_links').columns(['workspace_id', 'participant_id']).execute();

  const score = (name: string) => sql`${sql.ref(name)} between 1 and 10`;
  await db.schema
    .createTable('youth_debt_questionnaires')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('participant_id', 'uuid', (c) => c.notNull())
    .addColumn('moment', 'integer', (c) => c.notNull())
    .addColumn('respondent', 'text', (c) => c.notNull())
    .addColumn('school', 'smallint', (c) => c.notNull())
    .addColumn('werk', 'smallint', (c) => c.notNull())
    .addColumn('wonen', 'smallint', (c) => c.notNull())
    .addColumn('gezondheid', 'smallint', (c) => c.notNull())
    .addColumn('financien', 'smallint', (c) => c.notNull())
    .addColumn('sociaal_netwerk', 'smallint', (c) => c.notNull())
    .addColumn('welzijn', 'smallint', (c) => c.notNull())
    .addColumn('filled_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // a member (the coach or counsellor) or the private link, never both
    .addColumn('filled_by_user_id', 'uuid')
    .addColumn('link_id', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('youth_debt_questionnaires_pkey', ['workspace_id', 'id'])
    .addUniqueConstraint('youth_debt_questionnaires_moment_key', ['workspace_id', 'participant_id', 'moment', 'respondent'])
    .addCheckConstraint('youth_debt_questionnaires_moment_check', sql`moment in (0, 6, 12, 18, 24)`)
    .addCheckConstraint('youth_debt_questionnaires_respondent_check', sql`respondent in ('jongere', 'begeleider')`)
    .addCheckConstraint(
      'youth_debt_questionnaires_scores_check',
      sql`${score('school')} and ${score('werk')} and ${score('wonen')} and ${score('gezondheid')} and ${score('financien')} and ${score('sociaal_netwerk')} and ${score('welzijn')}`,
    )
    .addCheckConstraint('youth_debt_questionnaires_filled_by_check', sql`(filled_by_user_id is null) <> (link_id is null)`)
    .execute();
  await fk('youth_debt_questionnaires', 'participant_id', 'youth_debt_participants').execute(db);
  await sql`alter table youth_debt_questionnaires add constraint youth_debt_questionnaires_link_id_fkey foreign key (workspace_id, link_id) references youth_debt_questionnaire_links (workspace_id, id)`.execute(db);
}

export async function down(db: Kysely<any>) {
  await db.schema.dropTable('youth_debt_questionnaires').ifExists().execute();
  await db.schema.dropTable('youth_debt_questionnaire_links').ifExists().execute();
}
