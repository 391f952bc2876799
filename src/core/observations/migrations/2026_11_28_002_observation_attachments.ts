import { sql, type Kysely } from 'kysely';

/**
 * Attachments of observations: photos (JPEG, PNG, WebP, metadata stripped before storage) and
 * PDFs. The bytes live in the database, not on disk or in object storage: one backup holds
 * everything, the workspace id in the key keeps tenants apart like every other table, and
 * removing an observation (or a whole workspace) removes its files with it (cascade), so
 * erasure needs no second store to clean up. At most 5 files of 10 MB per observation keeps
 * the table small enough for that.
 */
export async function up(db: Kysely<any>) {
  await db.schema
    .createTable('observation_attachments')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('observation_id', 'uuid', (c) => c.notNull())
    // sanitised: no path, no control characters, at most 120 characters
    .addColumn('file_name', 'text', (c) => c.notNull())
    // decided by the file's magic bytes, never by what the client claimed
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('data', 'bytea', (c) => c.notNull())
    .addColumn('uploaded_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('observation_attachments_pkey', ['workspace_id', 'id'])
    .addForeignKeyConstraint('observation_attachments_observation_fkey', ['workspace_id', 'observation_id'], 'observations', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
    .addCheckConstraint('observation_attachments_type_check', sql`content_type in ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')`)
    .addCheckConstraint('observation_attachments_size_check', sql`size_bytes = octet_length(data) and size_bytes <= 10485760`)
    .execute();
  await db.schema.createIndex('observation_attachments_observation_idx').on('observation_attachments').columns(['workspace_id', 'observation_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>) {
  await db.schema.dropTable('observation_attachments').execute();
}
