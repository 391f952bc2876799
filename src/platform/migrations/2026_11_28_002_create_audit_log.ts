import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>) {
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    // null for changes outside any workspace (accounts, tokens)
    .addColumn('workspace_id', 'uuid')
    .addColumn('actor_id', 'uuid')
    .addColumn('actor_name', 'text')
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    // a human name of the changed thing at the time (a partner's name), so the log stays readable after deletion
    .addColumn('entity_label', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('changes', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index audit_log_workspace_idx on audit_log (workspace_id, created_at desc)`.execute(db);
}

export async function down(db: Kysely<any>) {
  await db.schema.dropTable('audit_log').execute();
}
