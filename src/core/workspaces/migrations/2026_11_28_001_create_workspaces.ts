import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>) {
  await db.schema
    .createTable('workspaces')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('response_days', 'integer', (c) => c.notNull().defaultTo(10))
    .addColumn('default_locale', 'text', (c) => c.notNull().defaultTo('nl'))
    .addColumn('theme', 'text', (c) => c.notNull().defaultTo('voorbeeld'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('workspace_members')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    // users belong to the platform; no cross-module foreign key beyond this one
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('workspace_members_pkey', ['workspace_id', 'user_id'])
    .execute();
  await db.schema.createIndex('workspace_members_user_idx').on('workspace_members').column('user_id').execute();

  await db.schema
    .createTable('partners')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('website', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('partners_pkey', ['workspace_id', 'id'])
    .execute();
  await sql`create unique index partners_name_key on partners (workspace_id, lower(name))`.execute(db);

  await db.schema
    .createTable('charter_values')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('charter_values_pkey', ['workspace_id', 'id'])
    .execute();
  await sql`create unique index charter_values_title_key on charter_values (workspace_id, lower(title))`.execute(db);

  await db.schema
    .createTable('charter_signatories')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('partner_id', 'uuid')
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('person_role', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('signed_on', 'date', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('charter_signatories_pkey', ['workspace_id', 'id'])
    .addForeignKeyConstraint('charter_signatories_partner_fkey', ['workspace_id', 'partner_id'], 'partners', ['workspace_id', 'id'])
    .execute();
}

export async function down(db: Kysely<any>) {
  for (const table of ['charter_signatories', 'charter_values', 'partners', 'workspace_members', 'workspaces']) {
    await db.schema.dropTable(table).execute();
  }
}
