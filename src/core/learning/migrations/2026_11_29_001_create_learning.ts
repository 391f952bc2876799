import { sql, type Kysely } from 'kysely';

/*
 * Learning cycles (leercycli): sessions in rounds, insights, decisions per action line,
 * actions, the dynamic learning agenda with a dated version per session, the timeline,
 * outcome statements and board decisions with their follow-up. Ladder nodes, areas,
 * members, partners, observations, deviations and rules belong to other modules: they are
 * referenced by id and checked by the service.
 */
export async function up(db: Kysely<any>) {
  const base = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('workspace_id', 'uuid', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('id', 'uuid', (c) => c.notNull());
  const fk = (table: string, column: string, target: string) =>
    sql`alter table ${sql.table(table)} add constraint ${sql.id(`${table}_${column}_fkey`)} foreign key (workspace_id, ${sql.id(column)}) references ${sql.table(target)} (workspace_id, id) on delete cascade`;

  await base('learning_cycles')
    .addColumn('title', 'text', (c) => c.notNull())
    // action_line (scope_id = ladder node), area (scope_id = area) or workspace (scope_id null)
    .addColumn('scope_kind', 'text', (c) => c.notNull())
    .addColumn('scope_id', 'uuid')
    .addColumn('cadence_weeks', 'integer', (c) => c.notNull())
    .addColumn('started_on', 'date', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('learning_cycles_pkey', ['workspace_id', 'id'])
    .addCheckConstraint('learning_cycles_scope_check', sql`(scope_kind = 'workspace' and scope_id is null) or (scope_kind in ('action_line', 'area') and scope_id is not null)`)
    .addCheckConstraint('learning_cycles_cadence_check', sql`cadence_weeks between 1 and 52`)
    .execute();
  await db.schema.createIndex('learning_cycles_scope_idx').on('learning_cycles').columns(['workspace_id', 'scope_kind', 'scope_id']).execute();

  // members (user_id) and partner guests (name, optionally their partner organisation)
  await base('learning_participants')
    .addColumn('cycle_id', 'uuid', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'uuid')
    .addColumn('partner_id', 'uuid')
    .addColumn('name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('learning_participants_pkey', ['workspace_id', 'id'])
    .execute();
  await fk('learning_participants', 'cycle_id', 'learning_cycles').execute(db);

  await base('learning_sessions')
    .addColumn('cycle_id', 'uuid', (c) => c.notNull())
    .addColumn('held_on', 'date', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    // reflection (rounds) or timeline (a timeline workshop)
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('reflection'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('planned'))
    .addColumn('facilitator_user_id', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('learning_sessions_pkey', ['workspace_id', 'id'])
    .addCheckConstraint('learning_sessions_status_check', sql`status in ('planned', 'held')`)
    .addCheckConstraint('learning_sessions_kind_check', sql`kind in ('reflection', 'timeline')`)
    .execute();
  await fk('learning_sessions', 'cycle_id', 'learning_cycles').execute(db);
  await db.schema.createIndex('learning_sessions_cycle_idx').on('learning_sessions').columns(['workspace_id', 'cycle_id', 'held_on']).execute();

  await base('learning_rounds')
    .addColumn('session_id', 'uuid', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('prompt', 'text', (c) => c.notNull().defaultTo(''))
    // speaking time per participant in this round, for the facilitator's timer
    .addColumn('minutes_each', 'integer', (c) => c.notNull().defaultTo(3))
    .addPrimaryKeyConstraint('learning_rounds_pkey', ['workspace_id', 'id'])
    .execute();
  await fk('learning_rounds', 'session_id', 'learning_sessions').execute(db);

  await base('learning_contributions')
    .addColumn('session_id', 'uuid', (c) => c.notNull())
    .addColumn('round_id', 'uuid', (c) => c.notNull())
    .addColumn('participant_id', 'uuid', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('learning_contributions_pkey', ['workspace_id', 'id'])
    .execute();
  await fk('learning_contributions', 'round_id', 'learning_rounds').execute(db);
  await fk('learning_contributions', 'participant_id', 'learning_participants').execute(db);

  await base('learning_insights')
    .addColumn('session_id', 'uuid', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('learning_insights_pkey', ['workspace_id', 'id'])
    .execute();
  await fk('learning_insights', 'session_id', 'learning_sessions').execute(db);

  await base('learning_decisions')
    .addColumn('session_id', 'uuid', (c) => c.notNull())
    .addColumn('action_line_id', 'uuid', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('rationale', 'text', (c) => c.notNull())
    // [{kind, id}]: observations, deviations, assumptions, measurements, sessions, outcomes
    .addColumn('evidence', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('decided_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('learning_decisions_pkey', ['workspace_id', 'id'])
    .addCheckConstraint('learning_decisions_decision_check', sql`decision in ('keep', 'more', 'better', 'different', 'stop')`)
    .execute();
  await fk('learning_decisions', 'session_id', 'learning_sessions').execute(db);
  await db.schema.createIndex('learning_decisions_line_idx').on('learning_decisions').columns(['workspace_id', 'action_line_id', 'created_at']).execute();

  await base('learning_assumption_updates')
    .addColumn('session_id', 'uuid', (c) => c.notNull())
    .addColumn('action_line_id', 'uuid', (c) => c.notNull())
    .addColumn('assumption_id', 'uuid', (c) => c.notNull())
    .addColumn('assumption_text', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('rationale', 'text', (c) => c.notNull())
    .addColumn('evidence', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('learning_assumption_updates_pkey', ['workspace_id', 'id'])
    .execute();
  await fk('learning_assumption_updates', 'session_id', 'learning_sessions').execute(db);

  await base('learning_actions')
    .addColumn('cycle_id', 'uuid', (c) => c.notNull())
    .addColumn('session_id', 'uuid', (c) => c.notNull())
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('who_user_id', 'uuid', (c) => c.notNull())
    .addColumn('due_on', 'date', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('done_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('learning_actions_pkey', ['workspace_id', 'id'])
    .addCheckConstraint('learning_actions_status_check', sql`status in ('open', 'done')`)
    .execute();
  await fk('learning_actions', 'session_id', 'learning_sessions').execute(db);
  await db.schema.createIndex('learning_actions_cycle_idx').on('learning_actions').columns(['workspace_id', 'cycle_id', 'status']).execute();

  await base('learning_questions')
    .addColumn('cycle_id', 'uuid', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    // who or what raised it: a session, a partner, the knowledge coalition…
    .addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('ladder_node_id', 'uuid')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('provisional_answer', 'text')
    .addColumn('opened_on', 'date', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('learning_questions_pkey', ['workspace_id', 'id'])
    .addCheckConstraint('learning_questions_status_check', sql`status in ('open', 'provisional', 'dropped')`)
    .execute();
  await fk('learning_questions', 'cycle_id', 'learning_cycles').execute(db);

  // the agenda as it stood at a session: one dated snapshot per session, never edited afterwards
  await base('learning_agenda_versions')
    .addColumn('cycle_id', 'uuid', (c) => c.notNull())
    .addColumn('session_id', 'uuid', (c) => c.notNull())
    .addColumn('taken_on', 'date', (c) => c.notNull())
    .addColumn('questions', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('learning_agenda_versions_pkey', ['workspace_id', 'id'])
    .addUniqueConstraint('learning_agenda_versions_session_key', ['workspace_id', 'session_id'])
    .execute();
  await fk('learning_agenda_versions', 'session_id', 'learning_sessions').execute(db);

  await base('learning_timeline_events')
    .addColumn('happened_on', 'date', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('scope_kind', 'text', (c) => c.notNull())
    .addColumn('scope_id', 'uuid')
    // recorded in a timeline workshop
    .addColumn('session_id', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('learning_timeline_events_pkey', ['workspace_id', 'id'])
    .addCheckConstraint('learning_timeline_scope_check', sql`(scope_kind = 'workspace' and scope_id is null) or (scope_kind in ('action_line', 'area') and scope_id is not null)`)
    .execute();
  await db.schema.createIndex('learning_timeline_scope_idx').on('learning_timeline_events').columns(['workspace_id', 'scope_kind', 'scope_id', 'happened_on']).execute();

  await base('learning_timeline_annotations')
    .addColumn('event_id', 'uuid', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('why', 'text', (c) => c.notNull())
    .addColumn('by_user_id', 'uuid', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('learning_timeline_annotations_pkey', ['workspace_id', 'id'])
    .addCheckConstraint('learning_timeline_annotations_kind_check', sql`kind in ('high', 'low', 'learning')`)
    .execute();
  await fk('learning_timeline_annotations', 'event_id', 'learning_timeline_events').execute(db);

  await base('learning_outcomes')
    .addColumn('scope_kind', 'text', (c) => c.notNull())
    .addColumn('scope_id', 'uuid')
    .addColumn('social_actor', 'text', (c) => c.notNull())
    .addColumn('change', 'text', (c) => c.notNull())
    .addColumn('happened_on', 'date', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('significance', 'text', (c) => c.notNull())
    .addColumn('contribution', 'text', (c) => c.notNull())
    .addColumn('sources', 'text', (c) => c.notNull().defaultTo(''))
    // not_substantiated, substantiated, partly, disputed
    .addColumn('substantiation', 'text', (c) => c.notNull().defaultTo('not_substantiated'))
    .addColumn('substantiation_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('learning_outcomes_pkey', ['workspace_id', 'id'])
    .addCheckConstraint('learning_outcomes_substantiation_check', sql`substantiation in ('not_substantiated', 'substantiated', 'partly', 'disputed')`)
    .execute();

  await base('learning_board_decisions')
    .addColumn('decided_on', 'date', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('body_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('evidence', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('changed_node_ids', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('changed_rule_ids', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('follow_up_on', 'date', (c) => c.notNull())
    .addColumn('created_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('learning_board_decisions_pkey', ['workspace_id', 'id'])
    .addCheckConstraint('learning_board_decisions_body_check', sql`body in ('college', 'wethouder', 'stuurgroep', 'alv', 'other')`)
    .execute();

  await base('learning_board_follow_ups')
    .addColumn('board_decision_id', 'uuid', (c) => c.notNull())
    .addColumn('reported_on', 'date', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('evidence', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('by_user_id', 'uuid')
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('learning_board_follow_ups_pkey', ['workspace_id', 'id'])
    .execute();
  await fk('learning_board_follow_ups', 'board_decision_id', 'learning_board_decisions').execute(db);
}

export async function down(db: Kysely<any>) {
  for (const table of [
    'learning_board_follow_ups',
    'learning_board_decisions',
    'learning_outcomes',
    'learning_timeline_annotations',
    'learning_timeline_events',
    'learning_agenda_versions',
    'learning_questions',
    'learning_actions',
    'learning_assumption_updates',
    'learning_decisions',
    'learning_insights',
    'learning_contributions',
    'learning_rounds',
    'learning_sessions',
    'learning_participants',
    'learning_cycles',
  ])
    await db.schema.dropTable(table).execute();
}
