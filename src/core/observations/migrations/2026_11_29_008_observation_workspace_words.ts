import { sql, type Kysely } from 'kysely';

/**
 * Full-text search with the workspace inside every word. Migration 004 indexed each row's words
 * plus one lexeme naming its workspace, and searched for both: for a common word in a big
 * city GIN then intersected two long lists ('wijkteam' in 200,000 rows of all workspaces, the
 * workspace's lexeme in 159,000), 20–25 ms before reading a single row (bench/observations.ts,
 * EXPLAIN ANALYZE). Here every lexeme is stored as '<workspace uuid> <word>' (positions and
 * weights kept, so phrases still match), and the query's lexemes are rewritten the same way:
 * GIN reads one list holding only that workspace's matches (3–6 ms for the same word, under
 * 0.1 ms for a rare one). Both functions only rewrite the text form, so they are immutable.
 */
export async function up(db: Kysely<any>) {
  await sql`create function observation_workspace_words(workspace uuid, words tsvector) returns tsvector
    language sql immutable parallel safe
    return regexp_replace(words::text, '''((?:[^'']|'''')*)''', '''' || workspace::text || ' \\1''', 'g')::tsvector`.execute(db);
  await sql`create function observation_workspace_query(workspace uuid, query tsquery) returns tsquery
    language sql immutable parallel safe
    return regexp_replace(query::text, '''((?:[^'']|'''')*)''', '''' || workspace::text || ' \\1''', 'g')::tsquery`.execute(db);
  await sql`create index observations_workspace_words_idx on observations using gin (observation_workspace_words(workspace_id, search))`.execute(db);
  await sql`drop index observations_workspace_search_idx`.execute(db);
}

export async function down(db: Kysely<any>) {
  await sql`create index observations_workspace_search_idx on observations
    using gin ((search || array_to_tsvector(array['ws ' || workspace_id::text])))`.execute(db);
  await sql`drop index observations_workspace_words_idx`.execute(db);
  await sql`drop function observation_workspace_query(uuid, tsquery)`.execute(db);
  await sql`drop function observation_workspace_words(uuid, tsvector)`.execute(db);
}
