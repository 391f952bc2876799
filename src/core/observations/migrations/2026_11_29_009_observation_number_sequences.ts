import { sql, type Kysely } from 'kysely';

/**
 * An observation's number ("melding 1234") from a sequence per workspace, taken inside the
 * INSERT that writes the observation: one round trip less per report than the counter row
 * it replaces, which was its own statement (bench/observations.ts). A sequence takes no row
 * lock, so reports in one workspace never wait for each other's commit. A number taken by a
 * statement that then fails is skipped: a gap, never a duplicate.
 *
 * `observation_number(workspace)` creates the workspace's sequence on its first report,
 * starting after the highest number it already has; the advisory lock and IF NOT EXISTS let
 * two first reports at once both succeed.
 */
export async function up(db: Kysely<any>) {
  await sql`create function observation_number(workspace uuid) returns integer language plpgsql volatile as $$
    declare
      seq text := 'observation_number_' || replace(workspace::text, '-', '');
    begin
      return nextval(seq::regclass);
    exception when undefined_table then
      perform pg_advisory_xact_lock(hashtext(seq));
      begin
        execute format('create sequence if not exists %I as integer start with %s', seq,
          coalesce((select max(o.number) from observations o where o.workspace_id = workspace), 0) + 1);
      exception when duplicate_table or unique_violation then null;
      end;
      return nextval(seq::regclass);
    end $$`.execute(db);
  // Existing workspaces go on after their counter (which also counts numbers since deleted).
  await sql`do $$
    declare c record;
    begin
      for c in select workspace_id, last_number from observation_counters loop
        execute format('create sequence %I as integer start with %s', 'observation_number_' || replace(c.workspace_id::text, '-', ''), c.last_number + 1);
      end loop;
    end $$`.execute(db);
  await db.schema.dropTable('observation_counters').execute();
}

export async function down(db: Kysely<any>) {
  await db.schema
    .createTable('observation_counters')
    .addColumn('workspace_id', 'uuid', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('last_number', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`do $$
    declare s record;
    begin
      for s in select sequencename, last_value, start_value from pg_sequences where schemaname = current_schema() and sequencename like 'observation\\_number\\_%' loop
        insert into observation_counters (workspace_id, last_number)
          select w.id, coalesce(s.last_value, s.start_value - 1) from workspaces w where replace(w.id::text, '-', '') = substr(s.sequencename, 20);
        execute format('drop sequence %I', s.sequencename);
      end loop;
    end $$`.execute(db);
  await sql`drop function observation_number(uuid)`.execute(db);
}
