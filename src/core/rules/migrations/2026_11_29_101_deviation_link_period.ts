import { sql, type Kysely } from 'kysely';

/*
 * Found with bench/rules.ts on PGlite (300 workspaces, 300,000 deviations, 75,000 links to
 * observations). Every ranking counts the distinct signals linked to a period's deviations: the
 * national ranking, the workspace ranking and the dossier's ranking per quarter. The link table
 * knew only the deviation, so each count joined every deviation of the period to its links, one
 * index probe per deviation (7,200 probes, 21,600 buffers for the national ranking; on PGlite,
 * where every query runs in one WebAssembly process, more than half of its time).
 *
 * A link now carries its deviation's rule and date, so the signals of a period (per workspace,
 * or per rule) are one index range of the link table. The deviation is the source of truth:
 * a trigger copies its rule and date into every link as the link is written (whoever writes
 * it), and another follows a deviation whose rule or date changes.
 */
export async function up(db: Kysely<any>) {
  await sql`alter table deviation_observations add column rule_id uuid, add column occurred_on date`.execute(db);
  await sql`update deviation_observations o set rule_id = d.rule_id, occurred_on = d.occurred_on
    from deviations d where d.workspace_id = o.workspace_id and d.id = o.deviation_id`.execute(db);
  await sql`alter table deviation_observations alter column rule_id set not null, alter column occurred_on set not null`.execute(db);

  await sql`create function deviation_observations_copy_deviation() returns trigger language plpgsql as $$
    begin
      select d.rule_id, d.occurred_on into new.rule_id, new.occurred_on
      from deviations d where d.workspace_id = new.workspace_id and d.id = new.deviation_id;
      return new;
    end $$`.execute(db);
  await sql`create trigger deviation_observations_copy_deviation before insert or update on deviation_observations
    for each row execute function deviation_observations_copy_deviation()`.execute(db);

  await sql`create function deviations_update_links() returns trigger language plpgsql as $$
    begin
      update deviation_observations set rule_id = new.rule_id, occurred_on = new.occurred_on
      where workspace_id = new.workspace_id and deviation_id = new.id;
      return null;
    end $$`.execute(db);
  await sql`create trigger deviations_update_links after update of rule_id, occurred_on on deviations
    for each row when (old.rule_id is distinct from new.rule_id or old.occurred_on is distinct from new.occurred_on)
    execute function deviations_update_links()`.execute(db);

  // the workspace ranking and the dossier's quarters: a workspace's links by date
  await sql`create index deviation_observations_period_idx on deviation_observations (workspace_id, occurred_on) include (rule_id, observation_id)`.execute(db);
  // the national ranking and the dossier: one rule's links, by date
  await sql`create index deviation_observations_rule_idx on deviation_observations (workspace_id, rule_id, occurred_on) include (deviation_id, observation_id)`.execute(db);
}

export async function down(db: Kysely<any>) {
  await sql`drop index deviation_observations_rule_idx`.execute(db);
  await sql`drop index deviation_observations_period_idx`.execute(db);
  await sql`drop trigger deviations_update_links on deviations`.execute(db);
  await sql`drop function deviations_update_links()`.execute(db);
  await sql`drop trigger deviation_observations_copy_deviation on deviation_observations`.execute(db);
  await sql`drop function deviation_observations_copy_deviation()`.execute(db);
  await sql`alter table deviation_observations drop column occurred_on, drop column rule_id`.execute(db);
}
