import { sql, type Kysely } from 'kysely';

/** The tables whose rows make up the tree: any change to them is a new ladder version. */
const TREE_TABLES = ['ladder_nodes', 'ladder_links', 'ladder_node_areas', 'ladder_node_partners'];
const EVENTS = ['insert', 'update', 'delete'] as const;

/**
 * A version number per workspace's ladder, raised by the database itself in the statement that
 * changes a node, a link, an area or a partner of a node — whatever path made the change (the
 * API, an import, a cascade from a deleted area, another process). Readers that cache the tree
 * compare it before they answer from the cache.
 */
export async function up(db: Kysely<any>) {
  await db.schema
    .createTable('ladder_versions')
    .addColumn('workspace_id', 'uuid', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
  // an update that writes the same values (a re-imported sheet) is no change
  const changed = { insert: sql`select * from new_rows`, update: sql`select * from new_rows except select * from old_rows`, delete: sql`select * from old_rows` };
  for (const [event, rows] of Object.entries(changed)) {
    await sql`
      create function ${sql.raw(`ladder_bump_version_on_${event}`)}() returns trigger language plpgsql as $$
      begin
        insert into ladder_versions (workspace_id, version)
          select distinct workspace_id, 1 from (${rows}) changed
          where workspace_id in (select id from workspaces)
        on conflict (workspace_id) do update set version = ladder_versions.version + 1;
        return null;
      end $$`.execute(db);
  }
  for (const table of TREE_TABLES) {
    for (const event of EVENTS) {
      const tables = event === 'insert' ? 'new table as new_rows' : event === 'delete' ? 'old table as old_rows' : 'old table as old_rows new table as new_rows';
      await sql`
        create trigger ${sql.raw(`${table}_${event}_version`)} after ${sql.raw(event)} on ${sql.table(table)}
        referencing ${sql.raw(tables)}
        for each statement execute function ${sql.raw(`ladder_bump_version_on_${event}`)}()`.execute(db);
    }
  }
}

export async function down(db: Kysely<any>) {
  for (const table of TREE_TABLES) for (const event of EVENTS) await sql`drop trigger if exists ${sql.raw(`${table}_${event}_version`)} on ${sql.table(table)}`.execute(db);
  for (const event of EVENTS) await sql`drop function if exists ${sql.raw(`ladder_bump_version_on_${event}`)}()`.execute(db);
  await db.schema.dropTable('ladder_versions').execute();
}
