import { sql, type Kysely } from 'kysely';

/*
 * Found with bench/learning.ts (the evidence pack of a learning session at national scale) and
 * EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL: the observations of an action line and its
 * interventions are found through observation_nodes by node, but the index held only
 * (workspace_id, node_id), so each of the ~4,700 links of the largest workspace's action line
 * cost a heap visit (1,644 buffers) to learn its observation. With the observation in the index
 * the look-up is index-only (55 buffers). Replaces observation_nodes_node_idx, whose queries the
 * longer key serves as well.
 */
export async function up(db: Kysely<any>) {
  await sql`create index observation_nodes_node_cover_idx on observation_nodes (workspace_id, node_id, observation_id)`.execute(db);
  await sql`drop index observation_nodes_node_idx`.execute(db);
}

export async function down(db: Kysely<any>) {
  await sql`create index observation_nodes_node_idx on observation_nodes (workspace_id, node_id)`.execute(db);
  await sql`drop index observation_nodes_node_cover_idx`.execute(db);
}
