import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>) {
  await db.schema
    .createTable('areas')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    // CBS code (GM0363, WK036305, BU0363AA01) where there is one; codes belong to a year's division
    .addColumn('code', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('parent_id', 'uuid')
    .addColumn('population', 'integer')
    // a GeoJSON geometry in WGS84 lon/lat
    .addColumn('geometry', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('areas_pkey', ['workspace_id', 'id'])
    .addUniqueConstraint('areas_code_key', ['workspace_id', 'year', 'code'])
    .addForeignKeyConstraint('areas_parent_fkey', ['workspace_id', 'parent_id'], 'areas', ['workspace_id', 'id'])
    .addCheckConstraint('areas_kind_check', sql`kind in ('gemeente', 'wijk', 'buurt', 'straat', 'complex', 'gebied')`)
    .addCheckConstraint('areas_year_check', sql`year between 1900 and 2100`)
    .execute();
  await db.schema.createIndex('areas_parent_idx').on('areas').columns(['workspace_id', 'parent_id']).execute();
  await db.schema.createIndex('areas_year_kind_idx').on('areas').columns(['workspace_id', 'year', 'kind']).execute();
}

export async function down(db: Kysely<any>) {
  await db.schema.dropTable('areas').execute();
}
