import { sql, type Kysely } from 'kysely';

/*
 * The team of an area (a wijkteam, a gebiedsteam): members of the workspace who work there,
 * one of them the contact (aanspreekpunt). Signals from the area without a rule or action line
 * owner go to the contact of the nearest area with a team. Users belong to the workspaces
 * module: referenced by id, checked by the service against the members.
 */
export async function up(db: Kysely<any>) {
  await db.schema
    .createTable('area_team_members')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull())
    .addColumn('area_id', 'uuid', (c) => c.notNull())
    .addColumn('user_id', 'uuid', (c) => c.notNull())
    .addColumn('contact', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('area_team_members_pkey', ['workspace_id', 'area_id', 'user_id'])
    .addForeignKeyConstraint('area_team_members_area_fkey', ['workspace_id', 'area_id'], 'areas', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();
  await sql`create unique index area_team_members_contact_key on area_team_members (workspace_id, area_id) where contact`.execute(db);
}

export async function down(db: Kysely<any>) {
  await db.schema.dropTable('area_team_members').ifExists().execute();
}
