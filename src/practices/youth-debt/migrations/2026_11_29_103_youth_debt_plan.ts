import { sql, type Kysely } from 'kysely';

/*
 * Youth debt: the perspective plan (goals per life domain with ordered steps), coaching contacts
 * (the note is personal data: only the participant's coach and counsellor read it), and the
 * outcomes at the end (one row per participant). Everything hangs off a participant and goes
 * with it (cascade). Users are referenced by id only (another module's table).
 */
export async function up(db: Kysely<any>) {
  const base = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('workspace_id', 'uuid', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('id', 'uuid', (c) => c.notNull());
  const fk = (table: string, column: string, target: string) =>
    sql`alter table ${sql.table(table)} add constraint ${sql.id(`${table}_${column}_fkey`)} foreign key (workspace_id, ${sql.id(column)}) references ${sql.table(target)} (workspace_id, id) on delete cascade`;

  await base('youth_debt_goals')
    .addColumn('participant_id', 'uuid', (c) => c.notNull())
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    // set by the coach only while the goal has no steps; with steps the progress is derived
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reached_on', 'date')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('youth_debt_goals_pkey', ['workspace_id', 'id'])
    .addCheckConstraint('youth_debt_goals_domain_check', sql`domain in ('school', 'werk', 'wonen', 'gezondheid', 'financien', 'sociaal_netwerk')`)
    .addCheckConstraint('youth_debt_goals_status_check', sql`status in ('open', 'bereikt', 'losgelaten')`)
    .addCheckConstraint('youth_debt_goals_progress_check', sql`progress between 0 and 100`)
    .execute();
  await fk('youth_debt_goals', 'participant_id', 'youth_debt_participants').execute(db);
  await db.schema.createIndex('youth_debt_goals_participant_idx').on('youth_debt_goals').columns(['workspace_id', 'participant_id']).execute();

  await base('youth_debt_goal_steps')
    .addColumn('goal_id', 'uuid', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('done_on', 'date')
    .addPrimaryKeyConstraint('youth_debt_goal_steps_pkey', ['workspace_id', 'id'])
    .addUniqueConstraint('youth_debt_goal_steps_position_key', ['workspace_id', 'goal_id', 'position'])
    .execute();
  await fk('youth_debt_goal_steps', 'goal_id', 'youth_debt_goals').execute(db);

  await base('youth_debt_contacts')
    .addColumn('participant_id', 'uuid', (c) => c.notNull())
    .addColumn('contact_date', 'date', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer')
    // personal data: only for the participant's coach and counsellor
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('youth_debt_contacts_pkey', ['workspace_id', 'id'])
    .addCheckConstraint('youth_debt_contacts_kind_check', sql`kind in ('gesprek', 'huisbezoek', 'telefonisch', 'groepsbijeenkomst', 'anders')`)
    .addCheckConstraint('youth_debt_contacts_duration_check', sql`duration_minutes is null or duration_minutes between 1 and 1440`)
    .execute();
  await fk('youth_debt_contacts', 'participant_id', 'youth_debt_participants').execute(db);
  await db.schema.createIndex('youth_debt_contacts_participant_idx').on('youth_debt_contacts').columns(['workspace_id', 'participant_id', 'contact_date']).execute();

  const answer = (column: string) => sql`${sql.id(column)} in ('ja', 'nee', 'onbekend')`;
  await db.schema
    .createTable('youth_debt_outcomes')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('participant_id', 'uuid', (c) => c.notNull())
    .addColumn('debt_free', 'text', (c) => c.notNull().defaultTo('onbekend'))
    .addColumn('in_education', 'text', (c) => c.notNull().defaultTo('onbekend'))
    .addColumn('in_work', 'text', (c) => c.notNull().defaultTo('onbekend'))
    .addColumn('stable_housing', 'text', (c) => c.notNull().defaultTo('onbekend'))
    .addColumn('social_assistance', 'text', (c) => c.notNull().defaultTo('onbekend'))
    .addColumn('recorded_on', 'date', (c) => c.notNull())
    .addColumn('recorded_by', 'uuid')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('youth_debt_outcomes_pkey', ['workspace_id', 'participant_id'])
    .addCheckConstraint(
      'youth_debt_outcomes_answer_check',
      sql`${answer('debt_free')} and ${answer('in_education')} and ${answer('in_work')} and ${answer('stable_housing')} and ${answer('social_assistance')}`,
    )
    .execute();
  await fk('youth_debt_outcomes', 'participant_id', 'youth_debt_participants').execute(db);
}

export async function down(db: Kysely<any>) {
  await db.schema.dropTable('youth_debt_outcomes').ifExists().execute();
  await db.schema.dropTable('youth_debt_contacts').ifExists().execute();
  await db.schema.dropTable('youth_debt_goal_steps').ifExists().execute();
  await db.schema.dropTable('youth_debt_goals').ifExists().execute();
}
