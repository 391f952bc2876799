import { type Kysely } from 'kysely';
import { storedFileColumns } from '../../../platform/files/migration';

/**
 * Documents on a debt: a creditor's letter, a statement, a payment arrangement, a court order;
 * photos (metadata stripped) and PDFs, checked by the platform like observation attachments.
 * The bytes live in the database, so a backup holds everything and removing a debt, a
 * participant or a workspace removes its files with it (cascade). Not part of the figures'
 * version (migration 109): no dashboard counts documents, so adding one recomputes nothing.
 */
export async function up(db: Kysely<any>) {
  const table = 'youth_debt_debt_documents';
  await storedFileColumns(
    table,
    db.schema
      .createTable(table)
      .addColumn('workspace_id', 'uuid', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('id', 'uuid', (c) => c.notNull())
      .addColumn('debt_id', 'uuid', (c) => c.notNull()),
  )
    .addPrimaryKeyConstraint(`${table}_pkey`, ['workspace_id', 'id'])
    .addForeignKeyConstraint(`${table}_debt_fkey`, ['workspace_id', 'debt_id'], 'youth_debt_debts', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex(`${table}_debt_idx`).on(table).columns(['workspace_id', 'debt_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>) {
  await db.schema.dropTable('youth_debt_debt_documents').execute();
}
