import { sql, type Kysely } from 'kysely';

/** Every table of the module: any change to one of them is a new version of the workspace's figures. */
const TABLES = [
  'youth_debt_settings',
  'youth_debt_creditors',
  'youth_debt_participants',
  'youth_debt_debts',
  'youth_debt_offers',
  'youth_debt_offer_lines',
  'youth_debt_credits',
  'youth_debt_ledger_entries',
  'youth_debt_goals',
  'youth_debt_goal_steps',
  'youth_debt_contacts',
  'youth_debt_outcomes',
  'youth_debt_questionnaire_links',
  'youth_debt_questionnaires',
  'youth_debt_toolkit_steps',
  'youth_debt_fund',
  'youth_debt_mkba',
];
const EVENTS = ['insert', 'update', 'delete'] as const;

/**
 * A version per workspace of the module's data, raised by the database itself in every statement
 * that changes a row of the module — whatever path made the change (the API, the demo, an import,
 * another process). The dashboards compute their aggregates once per version and answer from
 * memory until it changes (see figures.ts). The numbers come from one sequence, so a version is
 * never reused: the highest version and the number of workspaces together identify the state of
 * the whole approach.
 */
export async function up(db: Kysely<any>) {
  await sql`create sequence youth_debt_version_seq`.execute(db);
  await db.schema
    .createTable('youth_debt_versions')
    .addColumn('workspace_id', 'uuid', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
  const changed = { insert: sql`select workspace_id from new_rows`, update: sql`select workspace_id from new_rows`, delete: sql`select workspace_id from old_rows` };
  for (const [event, rows] of Object.entries(changed)) {
    await sql`
      create function ${sql.raw(`youth_debt_bump_version_on_${event}`)}() returns trigger language plpgsql as $$
      begin
        insert into youth_debt_versions (workspace_id, version)
          select workspace_id, nextval('youth_debt_version_seq') from (select distinct workspace_id from (${rows}) r) changed
          where workspace_id in (select id from workspaces)
        on conflict (workspace_id) do update set version = excluded.version;
        return null;
      end $$`.execute(db);
  }
  for (const table of TABLES) {
    for (const event of EVENTS) {
      const tables = event === 'insert' ? 'new table as new_rows' : event === 'delete' ? 'old table as old_rows' : 'new table as new_rows';
      await sql`
        create trigger ${sql.raw(`${table}_${event}_version`)} after ${sql.raw(event)} on ${sql.table(table)}
        referencing ${sql.raw(tables)}
        for each statement execute function ${sql.raw(`youth_debt_bump_version_on_${event}`)}()`.execute(db);
    }
  }
}

export async function down(db: Kysely<any>) {
  for (const table of TABLES) for (const event of EVENTS) await sql`drop trigger if exists ${sql.raw(`${table}_${event}_version`)} on ${sql.table(table)}`.execute(db);
  for (const event of EVENTS) await sql`drop function if exists ${sql.raw(`youth_debt_bump_version_on_${event}`)}()`.execute(db);
  await db.schema.dropTable('youth_debt_versions').execute();
  await sql`drop sequence youth_debt_version_seq`.execute(db);
}
