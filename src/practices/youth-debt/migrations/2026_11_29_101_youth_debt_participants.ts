import { sql, type Kysely } from 'kysely';

/*
 * Youth debt (Jongeren Perspectief Fonds): workspace settings for the settlement offer, the
 * shared creditor list, participants (pseudonymous: a number per workspace; name and contact
 * only for the assigned coach and debt counsellor; no BSN column, by design), and their debts.
 * Areas and members belong to other modules: referenced by id and checked by the service.
 * Money is bigint cents.
 */
export async function up(db: Kysely<any>) {
  const base = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('workspace_id', 'uuid', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('id', 'uuid', (c) => c.notNull());
  const fk = (table: string, column: string, target: string, onDelete: 'cascade' | 'restrict') =>
    sql`alter table ${sql.table(table)} add constraint ${sql.id(`${table}_${column}_fkey`)} foreign key (workspace_id, ${sql.id(column)}) references ${sql.table(target)} (workspace_id, id) on delete ${sql.raw(onDelete)}`;

  await db.schema
    .createTable('youth_debt_settings')
    .addColumn('workspace_id', 'uuid', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('term_months', 'integer', (c) => c.notNull().defaultTo(18))
    // m in hundredths: 200 = preferential creditors get twice the concurrent percentage
    .addColumn('preferential_multiplier_hundredths', 'integer', (c) => c.notNull().defaultTo(200))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('youth_debt_settings_term_check', sql`term_months between 1 and 120`)
    .addCheckConstraint('youth_debt_settings_multiplier_check', sql`preferential_multiplier_hundredths between 100 and 1000`)
    .execute();

  await base('youth_debt_creditors')
    .addColumn('name', 'text', (c) => c.notNull())
    // postal address for offer letters
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('preferential', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('youth_debt_creditors_pkey', ['workspace_id', 'id'])
    .execute();
  await sql`create unique index youth_debt_creditors_name_key on youth_debt_creditors (workspace_id, lower(name))`.execute(db);

  await base('youth_debt_participants')
    // shown as JPF-0001
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('contact', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('birth_date', 'date', (c) => c.notNull())
    .addColumn('age_exception_reason', 'text')
    .addColumn('area_id', 'uuid')
    .addColumn('coach_user_id', 'uuid')
    .addColumn('counsellor_user_id', 'uuid')
    .addColumn('start_date', 'date', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('aanmelding'))
    .addColumn('leaving_reason', 'text')
    .addColumn('monthly_income_cents', 'bigint')
    .addColumn('vtlb_cents', 'bigint')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('youth_debt_participants_pkey', ['workspace_id', 'id'])
    .addUniqueConstraint('youth_debt_participants_number_key', ['workspace_id', 'number'])
    .addCheckConstraint('youth_debt_participants_status_check', sql`status in ('aanmelding', 'intake', 'actief', 'afgerond', 'uitgevallen')`)
    .addCheckConstraint('youth_debt_participants_money_check', sql`coalesce(monthly_income_cents, 0) >= 0 and coalesce(vtlb_cents, 0) >= 0`)
    .execute();
  await db.schema.createIndex('youth_debt_participants_status_idx').on('youth_debt_participants').columns(['workspace_id', 'status']).execute();

  await base('youth_debt_debts')
    .addColumn('participant_id', 'uuid', (c) => c.notNull())
    .addColumn('creditor_id', 'uuid', (c) => c.notNull())
    .addColumn('amount_cents', 'bigint', (c) => c.notNull())
    .addColumn('preferential', 'boolean', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('youth_debt_debts_pkey', ['workspace_id', 'id'])
    .addCheckConstraint('youth_debt_debts_amount_check', sql`amount_cents >= 0`)
    .addCheckConstraint('youth_debt_debts_status_check', sql`status in ('open', 'voorgesteld', 'akkoord', 'geweigerd', 'geregeld')`)
    .execute();
  await fk('youth_debt_debts', 'participant_id', 'youth_debt_participants', 'cascade').execute(db);
  await fk('youth_debt_debts', 'creditor_id', 'youth_debt_creditors', 'restrict').execute(db);
  await db.schema.createIndex('youth_debt_debts_participant_idx').on('youth_debt_debts').columns(['workspace_id', 'participant_id']).execute();
  await db.schema.createIndex('youth_debt_debts_creditor_idx').on('youth_debt_debts').columns(['workspace_id', 'creditor_id']).execute();
}

export async function down(db: Kysely<any>) {
  await db.schema.dropTable('youth_debt_debts').ifExists().execute();
  await db.schema.dropTable('youth_debt_participants').ifExists().execute();
  await db.schema.dropTable('youth_debt_creditors').ifExists().execute();
  await db.schema.dropTable('youth_debt_settings').ifExists().execute();
}
