import { sql, type Kysely } from 'kysely';

/*
 * The revolving fund's own figures per workspace: the capital put in at the start, and what a
 * social impact bond pays per participant for each agreed outcome (0 = no such agreement).
 * Credits, repayments and hours come from the credits and the ledger; outcomes from the plan.
 */
export async function up(db: Kysely<any>) {
  await db.schema
    .createTable('youth_debt_fund')
    .addColumn('workspace_id', 'uuid', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('capital_cents', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('capital_date', 'date')
    .addColumn('sib_debt_free_cents', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('sib_work_or_school_cents', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('youth_debt_fund_money_check', sql`capital_cents >= 0 and sib_debt_free_cents >= 0 and sib_work_or_school_cents >= 0`)
    .execute();
}

export async function down(db: Kysely<any>) {
  await db.schema.dropTable('youth_debt_fund').ifExists().execute();
}
