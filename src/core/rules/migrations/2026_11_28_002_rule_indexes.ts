import { sql, type Kysely } from 'kysely';

/*
 * Indexes found with bench/rules.ts (300 workspaces, 5,000 rules, 300,000 deviations) and
 * EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL:
 *
 * - The national ranking looks up one code across all workspaces' registers; without an index
 *   on the code alone that is a scan of every rule of the installation. Partial: only national
 *   rules (level rijk) are matched across workspaces.
 * - The rankings count deviations per rule by period (outcome, area, professional, and the id
 *   for linked signals). The two deviation indexes keep their keys and carry those columns, so
 *   the counts come from the index alone (index-only scans) instead of a heap visit per
 *   deviation: the workspace ranking by period, the national ranking and the dossier's
 *   ranking history by rule and period.
 * - A deviation's history was found by scanning every event of the workspace (its key is the
 *   event id): each recorded, approved or viewed deviation read all of them.
 * - The inbox's "to approve" part read every deviation of the workspace to find the few that
 *   wait for approval; a partial index holds just those.
 */
export async function up(db: Kysely<any>) {
  await sql`create index rules_national_code_idx on rules (code) where level = 'rijk'`.execute(db);
  await sql`create index deviations_period_cover_idx on deviations (workspace_id, occurred_on) include (rule_id, id, outcome, area_id, reporter_user_id)`.execute(db);
  await sql`drop index deviations_period_idx`.execute(db);
  await sql`create index deviations_rule_cover_idx on deviations (workspace_id, rule_id, occurred_on) include (id, outcome, area_id, reporter_user_id)`.execute(db);
  await sql`drop index deviations_rule_idx`.execute(db);
  await sql`create index deviations_pending_idx on deviations (workspace_id, rule_id) where status = 'wacht_op_akkoord'`.execute(db);
  await db.schema.createIndex('deviation_events_deviation_idx').on('deviation_events').columns(['workspace_id', 'deviation_id', 'at']).execute();
}

export async function down(db: Kysely<any>) {
  await db.schema.dropIndex('deviation_events_deviation_idx').execute();
  await db.schema.dropIndex('deviations_pending_idx').execute();
  await db.schema.createIndex('deviations_rule_idx').on('deviations').columns(['workspace_id', 'rule_id', 'occurred_on']).execute();
  await db.schema.dropIndex('deviations_rule_cover_idx').execute();
  await db.schema.createIndex('deviations_period_idx').on('deviations').columns(['workspace_id', 'occurred_on']).execute();
  await db.schema.dropIndex('deviations_period_cover_idx').execute();
  await db.schema.dropIndex('rules_national_code_idx').execute();
}
