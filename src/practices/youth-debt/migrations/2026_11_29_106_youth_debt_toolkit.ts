import { sql, type Kysely } from 'kysely';

/*
 * The adoption toolkit: which steps of its decision process the municipality has taken
 * (toolkit.ts names the steps), when, by whom and with what note. A step without a row is open.
 */
export async function up(db: Kysely<any>) {
  await db.schema
    .createTable('youth_debt_toolkit_steps')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('done_on', 'date')
    .addColumn('done_by', 'uuid')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('youth_debt_toolkit_steps_pkey', ['workspace_id', 'step'])
    .execute();
}

export async function down(db: Kysely<any>) {
  await db.schema.dropTable('youth_debt_toolkit_steps').ifExists().execute();
}
