import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>) {
  // the next number per workspace, so residents and staff can say "melding 1234"
  await db.schema
    .createTable('observation_counters')
    .addColumn('workspace_id', 'uuid', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('last_number', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('observations')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull().defaultTo(''))
    // areas belong to the areas module: referenced by id, checked by the service
    .addColumn('area_id', 'uuid')
    .addColumn('lat', 'double precision')
    .addColumn('lon', 'double precision')
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('contains_personal_data', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('tags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('nieuw'))
    .addColumn('owner_user_id', 'uuid')
    // why this owner: action_line, coordinator, forwarded, manual
    .addColumn('routed_by', 'text')
    .addColumn('forwarded_to', 'text')
    .addColumn('due_at', 'timestamptz')
    .addColumn('reporter_user_id', 'uuid')
    // a resident without an account: name and contact only when they chose to leave them
    .addColumn('reporter_name', 'text')
    .addColumn('reporter_email', 'text')
    .addColumn('reporter_phone', 'text')
    // the private link of a resident's report (sha-256 of the token; the token itself is never stored)
    .addColumn('access_token_hash', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('satisfaction', 'smallint')
    .addColumn('satisfaction_note', 'text')
    .addColumn('answered_at', 'timestamptz')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('search', sql`tsvector`, (c) =>
      c.generatedAlwaysAs(sql`setweight(to_tsvector('dutch', coalesce(title, '')), 'A') || setweight(to_tsvector('dutch', coalesce(text, '')), 'B')`).stored(),
    )
    .addPrimaryKeyConstraint('observations_pkey', ['workspace_id', 'id'])
    .addUniqueConstraint('observations_number_key', ['workspace_id', 'number'])
    .addUniqueConstraint('observations_access_token_key', ['access_token_hash'])
    .addCheckConstraint('observations_visibility_check', sql`visibility in ('intern', 'workspace', 'public')`)
    .addCheckConstraint(
      'observations_status_check',
      sql`status in ('nieuw', 'in_behandeling', 'beantwoord', 'afgesloten', 'heropend', 'doorgezet')`,
    )
    .addCheckConstraint('observations_public_check', sql`not (visibility = 'public' and contains_personal_data)`)
    .addCheckConstraint('observations_satisfaction_check', sql`satisfaction is null or satisfaction between 1 and 5`)
    .addCheckConstraint('observations_point_check', sql`(lat is null) = (lon is null)`)
    .execute();
  await db.schema.createIndex('observations_created_idx').on('observations').columns(['workspace_id', 'created_at desc']).execute();
  await db.schema.createIndex('observations_owner_idx').on('observations').columns(['workspace_id', 'owner_user_id', 'due_at']).execute();
  await db.schema.createIndex('observations_reporter_idx').on('observations').columns(['workspace_id', 'reporter_user_id']).execute();
  await db.schema.createIndex('observations_area_idx').on('observations').columns(['workspace_id', 'area_id']).execute();
  await db.schema.createIndex('observations_search_idx').on('observations').using('gin').column('search').execute();
  await db.schema.createIndex('observations_tags_idx').on('observations').using('gin').column('tags').execute();

  await db.schema
    .createTable('observation_nodes')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull())
    .addColumn('observation_id', 'uuid', (c) => c.notNull())
    .addColumn('node_id', 'uuid', (c) => c.notNull())
    .addPrimaryKeyConstraint('observation_nodes_pkey', ['workspace_id', 'observation_id', 'node_id'])
    .addForeignKeyConstraint('observation_nodes_observation_fkey', ['workspace_id', 'observation_id'], 'observations', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('observation_nodes_node_idx').on('observation_nodes').columns(['workspace_id', 'node_id']).execute();

  // the history: every step is a new row, never an edit (a trigger refuses updates)
  await db.schema
    .createTable('observation_events')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('observation_id', 'uuid', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor_user_id', 'uuid')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    // created, transition, satisfaction
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('message', 'text')
    .addColumn('owner_user_id', 'uuid')
    .addColumn('forwarded_to', 'text')
    .addColumn('due_at', 'timestamptz')
    // a note for colleagues only: the reporter does not see it
    .addColumn('internal', 'boolean', (c) => c.notNull().defaultTo(false))
    .addPrimaryKeyConstraint('observation_events_pkey', ['workspace_id', 'id'])
    .addForeignKeyConstraint('observation_events_observation_fkey', ['workspace_id', 'observation_id'], 'observations', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('observation_events_observation_idx').on('observation_events').columns(['workspace_id', 'observation_id', 'at']).execute();
  await sql`create function observation_events_append_only() returns trigger language plpgsql as $$
    begin raise exception 'observation history is append-only'; end $$`.execute(db);
  await sql`create trigger observation_events_no_update before update on observation_events for each row execute function observation_events_append_only()`.execute(db);

  await db.schema
    .createTable('observation_templates')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('observation_templates_pkey', ['workspace_id', 'id'])
    .addUniqueConstraint('observation_templates_title_key', ['workspace_id', 'title'])
    .execute();
}

export async function down(db: Kysely<any>) {
  await db.schema.dropTable('observation_templates').execute();
  await db.schema.dropTable('observation_events').execute();
  await sql`drop function observation_events_append_only()`.execute(db);
  await db.schema.dropTable('observation_nodes').execute();
  await db.schema.dropTable('observations').execute();
  await db.schema.dropTable('observation_counters').execute();
}
