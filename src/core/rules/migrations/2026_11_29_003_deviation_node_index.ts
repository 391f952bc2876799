import { sql, type Kysely } from 'kysely';

/*
 * Found with bench/learning.ts (the evidence pack of a learning session: 1,000,000 observations
 * and 300,000 deviations in 300 workspaces) and EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL.
 *
 * A session's deviations are those recorded against the action line or its interventions
 * (deviation_nodes) or whose rule names them (rule_nodes): an EXISTS per deviation. Its primary
 * key leads with the deviation, so the planner either probes it once per deviation of the
 * period or hashes every link of the table. With the node first, the hashed form reads just
 * the links of the scope's nodes (about 1,000 instead of 60,000 in the largest workspace): the
 * list of the largest workspace's action line went from 1,310 buffers to about 770. The
 * correlated EXISTS carries no constant workspace, hence node_id first (ids are UUIDs, unique
 * across workspaces); the workspace and deviation follow so the look-up is index-only.
 */
export async function up(db: Kysely<any>) {
  await sql`create index deviation_nodes_node_idx on deviation_nodes (node_id, workspace_id, deviation_id)`.execute(db);
}

export async function down(db: Kysely<any>) {
  await sql`drop index deviation_nodes_node_idx`.execute(db);
}
