import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>) {
  await db.schema
    .createTable('rules')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    // the bedoeling: what the rule is for; deviations are judged against it
    .addColumn('intent', 'text', (c) => c.notNull())
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('owner_user_id', 'uuid')
    .addColumn('owner_partner_id', 'uuid')
    .addColumn('source_url', 'text')
    .addColumn('valid_from', 'date')
    .addColumn('valid_to', 'date')
    // explain_afterwards (pas toe of leg uit) or ask_first (a member with the mandate approves)
    .addColumn('mandate', 'text', (c) => c.notNull().defaultTo('explain_afterwards'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('rules_pkey', ['workspace_id', 'id'])
    .addUniqueConstraint('rules_code_key', ['workspace_id', 'code'])
    .addCheckConstraint('rules_kind_check', sql`kind in ('wet', 'amvb_regeling', 'beleidsregel', 'werkinstructie', 'protocol', 'productcode')`)
    .addCheckConstraint('rules_level_check', sql`level in ('rijk', 'provincie', 'gemeente', 'organisatie')`)
    .addCheckConstraint('rules_mandate_check', sql`mandate in ('explain_afterwards', 'ask_first')`)
    .addCheckConstraint('rules_period_check', sql`valid_from is null or valid_to is null or valid_from <= valid_to`)
    .execute();
  await db.schema.createIndex('rules_domain_idx').on('rules').columns(['workspace_id', 'domain', 'level']).execute();

  // areas, ladder nodes and approvers belong to other modules: referenced by id, checked by the service
  for (const [table, column] of [
    ['rule_areas', 'area_id'],
    ['rule_nodes', 'node_id'],
    ['rule_approvers', 'user_id'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('workspace_id', 'uuid', (c) => c.notNull())
      .addColumn('rule_id', 'uuid', (c) => c.notNull())
      .addColumn(column, 'uuid', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pkey`, ['workspace_id', 'rule_id', column])
      .addForeignKeyConstraint(`${table}_rule_fkey`, ['workspace_id', 'rule_id'], 'rules', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
      .execute();
  }

  // uitvoeringstoets: tested against practice before it was made, or after
  await db.schema
    .createTable('rule_tests')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('rule_id', 'uuid', (c) => c.notNull())
    .addColumn('tested_on', 'date', (c) => c.notNull())
    .addColumn('moment', 'text', (c) => c.notNull())
    .addColumn('participants', 'text', (c) => c.notNull())
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('rule_tests_pkey', ['workspace_id', 'id'])
    .addForeignKeyConstraint('rule_tests_rule_fkey', ['workspace_id', 'rule_id'], 'rules', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
    .addCheckConstraint('rule_tests_moment_check', sql`moment in ('voor_vaststelling', 'na_invoering')`)
    .addCheckConstraint('rule_tests_verdict_check', sql`verdict in ('werkbaar', 'werkbaar_met_aanpassing', 'niet_werkbaar')`)
    .execute();

  await db.schema
    .createTable('deviations')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('rule_id', 'uuid', (c) => c.notNull())
    .addColumn('occurred_on', 'date', (c) => c.notNull())
    .addColumn('area_id', 'uuid')
    .addColumn('situation', 'text', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('instead_done', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('expected_benefit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reporter_user_id', 'uuid', (c) => c.notNull())
    // vastgelegd (explained afterwards), wacht_op_akkoord, akkoord, afgewezen (ask first)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('follow_up_on', 'date', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('outcome_note', 'text')
    .addColumn('outcome_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('deviations_pkey', ['workspace_id', 'id'])
    .addForeignKeyConstraint('deviations_rule_fkey', ['workspace_id', 'rule_id'], 'rules', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
    .addCheckConstraint('deviations_status_check', sql`status in ('vastgelegd', 'wacht_op_akkoord', 'akkoord', 'afgewezen')`)
    .addCheckConstraint('deviations_outcome_check', sql`outcome is null or outcome in ('helped', 'no_difference', 'harmed')`)
    .execute();
  await db.schema.createIndex('deviations_rule_idx').on('deviations').columns(['workspace_id', 'rule_id', 'occurred_on']).execute();
  await db.schema.createIndex('deviations_period_idx').on('deviations').columns(['workspace_id', 'occurred_on']).execute();
  await db.schema.createIndex('deviations_reporter_idx').on('deviations').columns(['workspace_id', 'reporter_user_id', 'follow_up_on']).execute();

  for (const [table, column] of [
    ['deviation_observations', 'observation_id'],
    ['deviation_nodes', 'node_id'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('workspace_id', 'uuid', (c) => c.notNull())
      .addColumn('deviation_id', 'uuid', (c) => c.notNull())
      .addColumn(column, 'uuid', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pkey`, ['workspace_id', 'deviation_id', column])
      .addForeignKeyConstraint(`${table}_deviation_fkey`, ['workspace_id', 'deviation_id'], 'deviations', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
      .execute();
  }

  // every step of a deviation (recorded, asked, approved, declined, outcome): append-only
  await db.schema
    .createTable('deviation_events')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('deviation_id', 'uuid', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor_user_id', 'uuid')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('message', 'text')
    .addPrimaryKeyConstraint('deviation_events_pkey', ['workspace_id', 'id'])
    .addForeignKeyConstraint('deviation_events_deviation_fkey', ['workspace_id', 'deviation_id'], 'deviations', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();
  await sql`create function deviation_events_append_only() returns trigger language plpgsql as $$
    begin raise exception 'deviation history is append-only'; end $$`.execute(db);
  await sql`create trigger deviation_events_no_update before update on deviation_events for each row execute function deviation_events_append_only()`.execute(db);

  await db.schema
    .createTable('rule_reviews')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('rule_id', 'uuid', (c) => c.notNull())
    .addColumn('decided_on', 'date', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('rationale', 'text', (c) => c.notNull())
    .addColumn('escalated_to', 'text')
    // the deviations and observations the decision rests on, by id
    .addColumn('evidence', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('decided_by', 'uuid')
    .addColumn('decided_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('rule_reviews_pkey', ['workspace_id', 'id'])
    .addForeignKeyConstraint('rule_reviews_rule_fkey', ['workspace_id', 'rule_id'], 'rules', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
    .addCheckConstraint('rule_reviews_decision_check', sql`decision in ('keep', 'adjust', 'abolish', 'escalate')`)
    .addCheckConstraint('rule_reviews_escalation_check', sql`(decision = 'escalate') = (escalated_to is not null)`)
    .execute();
}

export async function down(db: Kysely<any>) {
  for (const table of ['rule_reviews', 'deviation_events', 'deviation_nodes', 'deviation_observations', 'deviations', 'rule_tests', 'rule_approvers', 'rule_nodes', 'rule_areas', 'rules'])
    await db.schema.dropTable(table).execute();
  await sql`drop function deviation_events_append_only()`.execute(db);
}
