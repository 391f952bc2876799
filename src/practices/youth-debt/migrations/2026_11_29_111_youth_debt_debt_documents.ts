import { sql, type Kysely } from 'kysely';

/**
 * Documents on a debt: a creditor's letter, a statement, a payment arrangement, a court order;
 * photos (metadata stripped) and PDFs, checked by the platform like observation attachments.
 * The bytes live in the database, so a backup holds everything and removing a debt, a
 * participant or a workspace removes its files with it (cascade). Not part of the figures'
 * version (migration 109): no dashboard counts documents, so adding one recomputes nothing.
 */
export async function up(db: Kysely<any>) {
  await db.schema
    .createTable('youth_debt_debt_documents')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('debt_id', 'uuid', (c) => c.notNull())
    // sanitised: no path, no control characters, at most 120 characters
    .addColumn('file_name', 'text', (c) => c.notNull())
    // decided by the file's magic bytes, never by what the client claimed
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('data', 'bytea', (c) => c.notNull())
    .addColumn('uploaded_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('youth_debt_debt_documents_pkey', ['workspace_id', 'id'])
    .addForeignKeyConstraint('youth_debt_debt_documents_debt_fkey', ['workspace_id', 'debt_id'], 'youth_debt_debts', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
    .addCheckConstraint('youth_debt_debt_documents_type_check', sql`content_type in ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')`)
    .addCheckConstraint('youth_debt_debt_documents_size_check', sql`size_bytes = octet_length(data) and size_bytes <= 10485760`)
    .execute();
  await db.schema.createIndex('youth_debt_debt_documents_debt_idx').on('youth_debt_debt_documents').columns(['workspace_id', 'debt_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>) {
  await db.schema.dropTable('youth_debt_debt_documents').execute();
}
