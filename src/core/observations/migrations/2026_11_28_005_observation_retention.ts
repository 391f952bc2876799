import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>) {
  // How long an observation of a kind in a status is kept (e.g. closed signals: 60 months); no rule = kept
  await db.schema
    .createTable('observation_retention_rules')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('months', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('observation_retention_rules_pkey', ['workspace_id', 'kind', 'status'])
    .addCheckConstraint('observation_retention_rules_months_check', sql`months between 1 and 600`)
    .execute();
}

export async function down(db: Kysely<any>) {
  await db.schema.dropTable('observation_retention_rules').execute();
}
