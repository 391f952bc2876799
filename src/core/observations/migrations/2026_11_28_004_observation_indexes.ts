import { sql, type Kysely } from 'kysely';

/**
 * Indexes for the list at national scale (bench/observations.ts: 1,000,000 observations in 300
 * workspaces, 159,000 in the largest), each checked with EXPLAIN (ANALYZE, BUFFERS) there.
 */
export async function up(db: Kysely<any>) {
  // Facet counts (kind, status, area, overdue) come from this index alone (an index-only scan)
  // instead of a sequential scan of the whole table; it also serves status/kind/area filters.
  await sql`create index observations_facets_idx on observations (workspace_id, status, kind, area_id) include (due_at)`.execute(db);
  // Overdue: the open observations with a due date, by due date (a few per cent of the rows).
  await sql`create index observations_open_due_idx on observations (workspace_id, due_at) include (kind, status, area_id)
    where due_at is not null and status in ('nieuw', 'in_behandeling', 'heropend', 'doorgezet')`.execute(db);
  // Full-text search within a workspace: the search vector plus a lexeme naming the workspace
  // ('ws <uuid>', with a space, which no text produces). The repository searches this
  // expression for the words AND the workspace's lexeme, so GIN intersects both in the index.
  await sql`create index observations_workspace_search_idx on observations
    using gin ((search || array_to_tsvector(array['ws ' || workspace_id::text])))`.execute(db);
  // Replaced by the index above: every search goes through the workspace's lexeme.
  await sql`drop index observations_search_idx`.execute(db);
}

export async function down(db: Kysely<any>) {
  await sql`create index observations_search_idx on observations using gin (search)`.execute(db);
  await sql`drop index observations_workspace_search_idx`.execute(db);
  await sql`drop index observations_open_due_idx`.execute(db);
  await sql`drop index observations_facets_idx`.execute(db);
}
