import { sql, type Kysely } from 'kysely';

/* The workspace's own unit values and assumptions for its social cost-benefit analysis (mkba-model.ts names them; absent ones take the defaults). */
export async function up(db: Kysely<any>) {
  await db.schema
    .createTable('youth_debt_mkba')
    .addColumn('workspace_id', 'uuid', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('assumptions', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>) {
  await db.schema.dropTable('youth_debt_mkba').ifExists().execute();
}
