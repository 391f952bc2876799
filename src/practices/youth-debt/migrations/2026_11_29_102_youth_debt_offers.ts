import { sql, type Kysely } from 'kysely';

/*
 * Youth debt: offers that went out to creditors, their responses, the settlement credit and its
 * repayment ledger.
 * - An offer is frozen when it is sent: one line per debt with the creditor's name and address,
 *   the debt and the payout as they were, so a later edit never changes a letter that went out.
 *   Sending again replaces the open offer (status 'vervangen'); the old lines stay as history.
 * - When every line of an offer is accepted the credit is granted: one per participant.
 * - The ledger holds instalment payments and counter-performance activities (hours in quarter
 *   hours, valued at the hourly rate that applied when they were recorded; only confirmed ones
 *   count).
 * Settings gain the hourly rate (cents per hour) and the letter template (null: the default).
 * Money is bigint cents; percentages are stored in hundredths of a percent.
 */
export async function up(db: Kysely<any>) {
  await db.schema
    .alterTable('youth_debt_settings')
    .addColumn('hourly_rate_cents', 'integer', (c) => c.notNull().defaultTo(1200).check(sql`hourly_rate_cents between 0 and 100000`))
    .addColumn('letter_template', 'text')
    .execute();

  const base = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('workspace_id', 'uuid', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('id', 'uuid', (c) => c.notNull());
  const fk = (table: string, column: string, target: string) =>
    sql`alter table ${sql.table(table)} add constraint ${sql.id(`${table}_${column}_fkey`)} foreign key (workspace_id, ${sql.id(column)}) references ${sql.table(target)} (workspace_id, id) on delete cascade`;

  await base('youth_debt_offers')
    .addColumn('participant_id', 'uuid', (c) => c.notNull())
    // 1, 2, … per participant: a new offer after a refusal is the next version
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('verstuurd'))
    .addColumn('sent_date', 'date', (c) => c.notNull())
    .addColumn('sent_by', 'uuid')
    .addColumn('monthly_capacity_cents', 'bigint', (c) => c.notNull())
    .addColumn('term_months', 'integer', (c) => c.notNull())
    .addColumn('preferential_multiplier_hundredths', 'integer', (c) => c.notNull())
    .addColumn('available_cents', 'bigint', (c) => c.notNull())
    .addColumn('paid_out_cents', 'bigint', (c) => c.notNull())
    // the letter template as it was when the offer went out
    .addColumn('letter_template', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('youth_debt_offers_pkey', ['workspace_id', 'id'])
    .addUniqueConstraint('youth_debt_offers_version_key', ['workspace_id', 'participant_id', 'version'])
    .addCheckConstraint('youth_debt_offers_status_check', sql`status in ('verstuurd', 'geaccepteerd', 'vervangen')`)
    .addCheckConstraint('youth_debt_offers_term_check', sql`term_months between 1 and 120`)
    .execute();
  await fk('youth_debt_offers', 'participant_id', 'youth_debt_participants').execute(db);

  await base('youth_debt_offer_lines')
    .addColumn('offer_id', 'uuid', (c) => c.notNull())
    .addColumn('participant_id', 'uuid', (c) => c.notNull())
    .addColumn('debt_id', 'uuid', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    // frozen at sending: the letter shows these, whatever changes later
    .addColumn('creditor_name', 'text', (c) => c.notNull())
    .addColumn('creditor_address', 'text', (c) => c.notNull())
    .addColumn('debt_cents', 'bigint', (c) => c.notNull())
    .addColumn('preferential', 'boolean', (c) => c.notNull())
    .addColumn('payout_cents', 'bigint', (c) => c.notNull())
    .addColumn('percentage_hundredths', 'integer', (c) => c.notNull())
    .addColumn('response', 'text')
    .addColumn('response_reason', 'text')
    .addColumn('counter_cents', 'bigint')
    // what the creditor accepted: the payout, or another amount agreed on (a counter-proposal taken)
    .addColumn('agreed_cents', 'bigint')
    .addColumn('responded_date', 'date')
    .addColumn('responded_by', 'uuid')
    .addPrimaryKeyConstraint('youth_debt_offer_lines_pkey', ['workspace_id', 'id'])
    .addCheckConstraint('youth_debt_offer_lines_response_check', sql`response is null or response in ('akkoord', 'geweigerd', 'tegenvoorstel')`)
    .addCheckConstraint('youth_debt_offer_lines_money_check', sql`debt_cents >= 0 and payout_cents >= 0 and coalesce(counter_cents, 0) >= 0 and coalesce(agreed_cents, 0) >= 0`)
    .execute();
  await fk('youth_debt_offer_lines', 'offer_id', 'youth_debt_offers').execute(db);
  await fk('youth_debt_offer_lines', 'debt_id', 'youth_debt_debts').execute(db);
  await db.schema.createIndex('youth_debt_offer_lines_offer_idx').on('youth_debt_offer_lines').columns(['workspace_id', 'offer_id', 'position']).execute();
  await db.schema.createIndex('youth_debt_offer_lines_participant_idx').on('youth_debt_offer_lines').columns(['workspace_id', 'participant_id']).execute();

  await base('youth_debt_credits')
    .addColumn('participant_id', 'uuid', (c) => c.notNull())
    .addColumn('offer_id', 'uuid', (c) => c.notNull())
    .addColumn('amount_cents', 'bigint', (c) => c.notNull())
    .addColumn('granted_date', 'date', (c) => c.notNull())
    .addColumn('term_months', 'integer', (c) => c.notNull())
    // the largest instalment of the schedule; the schedule itself is computed (ledger.ts)
    .addColumn('monthly_instalment_cents', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('youth_debt_credits_pkey', ['workspace_id', 'id'])
    .addUniqueConstraint('youth_debt_credits_participant_key', ['workspace_id', 'participant_id'])
    .addCheckConstraint('youth_debt_credits_check', sql`amount_cents >= 0 and monthly_instalment_cents >= 0 and term_months between 1 and 120`)
    .execute();
  await fk('youth_debt_credits', 'participant_id', 'youth_debt_participants').execute(db);
  await fk('youth_debt_credits', 'offer_id', 'youth_debt_offers').execute(db);

  await base('youth_debt_ledger_entries')
    .addColumn('participant_id', 'uuid', (c) => c.notNull())
    .addColumn('credit_id', 'uuid', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('entry_date', 'date', (c) => c.notNull())
    // a payment
    .addColumn('amount_cents', 'bigint')
    // a counter-performance activity
    .addColumn('host', 'text')
    .addColumn('description', 'text')
    .addColumn('quarter_hours', 'integer')
    .addColumn('hourly_rate_cents', 'integer')
    .addColumn('confirmed_by_user_id', 'uuid')
    .addColumn('confirmed_by_name', 'text')
    .addColumn('confirmed_date', 'date')
    .addColumn('recorded_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('youth_debt_ledger_entries_pkey', ['workspace_id', 'id'])
    .addCheckConstraint('youth_debt_ledger_entries_kind_check', sql`kind in ('betaling', 'activiteit')`)
    .addCheckConstraint(
      'youth_debt_ledger_entries_shape_check',
      sql`(kind = 'betaling' and amount_cents > 0) or (kind = 'activiteit' and quarter_hours > 0 and hourly_rate_cents >= 0 and host is not null and description is not null)`,
    )
    .execute();
  await fk('youth_debt_ledger_entries', 'participant_id', 'youth_debt_participants').execute(db);
  await fk('youth_debt_ledger_entries', 'credit_id', 'youth_debt_credits').execute(db);
  await db.schema.createIndex('youth_debt_ledger_entries_participant_idx').on('youth_debt_ledger_entries').columns(['workspace_id', 'participant_id', 'entry_date']).execute();
}

export async function down(db: Kysely<any>) {
  await db.schema.dropTable('youth_debt_ledger_entries').ifExists().execute();
  await db.schema.dropTable('youth_debt_credits').ifExists().execute();
  await db.schema.dropTable('youth_debt_offer_lines').ifExists().execute();
  await db.schema.dropTable('youth_debt_offers').ifExists().execute();
  await db.schema.alterTable('youth_debt_settings').dropColumn('letter_template').dropColumn('hourly_rate_cents').execute();
}
