import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>) {
  await db.schema
    .createTable('ladder_nodes')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('rung', 'text', (c) => c.notNull())
    .addColumn('code', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('public', 'boolean', (c) => c.notNull().defaultTo(false))
    // a value node mirrors one charter value (the charter is the source of the values)
    .addColumn('charter_value_id', 'uuid')
    .addColumn('owner_user_id', 'uuid')
    .addColumn('owner_partner_id', 'uuid')
    .addColumn('phase', 'text')
    .addColumn('status', 'text')
    .addColumn('kind', 'text')
    .addColumn('start_date', 'date')
    .addColumn('end_date', 'date')
    .addColumn('budget_cents', 'bigint')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('ladder_nodes_pkey', ['workspace_id', 'id'])
    .addUniqueConstraint('ladder_nodes_code_key', ['workspace_id', 'code'])
    .addUniqueConstraint('ladder_nodes_charter_value_key', ['workspace_id', 'charter_value_id'])
    .addCheckConstraint('ladder_nodes_rung_check', sql`rung in ('value', 'challenge', 'goal', 'action_line', 'intervention')`)
    .addCheckConstraint('ladder_nodes_phase_check', sql`phase is null or phase in ('verkennen', 'experimenteren', 'uitvoeren', 'verankeren')`)
    .addCheckConstraint('ladder_nodes_status_check', sql`status is null or status in ('gepland', 'lopend', 'gepauzeerd', 'afgerond', 'gestopt')`)
    .addCheckConstraint('ladder_nodes_kind_check', sql`kind is null or kind in ('project', 'maatregel', 'activiteit')`)
    .addCheckConstraint('ladder_nodes_budget_check', sql`budget_cents is null or budget_cents >= 0`)
    .addCheckConstraint('ladder_nodes_period_check', sql`start_date is null or end_date is null or start_date <= end_date`)
    .execute();
  await db.schema.createIndex('ladder_nodes_rung_idx').on('ladder_nodes').columns(['workspace_id', 'rung']).execute();

  // parent links: a node may have several parents on the rung directly above it
  await db.schema
    .createTable('ladder_links')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull())
    .addColumn('child_id', 'uuid', (c) => c.notNull())
    .addColumn('parent_id', 'uuid', (c) => c.notNull())
    .addPrimaryKeyConstraint('ladder_links_pkey', ['workspace_id', 'child_id', 'parent_id'])
    .addForeignKeyConstraint('ladder_links_child_fkey', ['workspace_id', 'child_id'], 'ladder_nodes', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
    .addForeignKeyConstraint('ladder_links_parent_fkey', ['workspace_id', 'parent_id'], 'ladder_nodes', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
    .addCheckConstraint('ladder_links_self_check', sql`child_id <> parent_id`)
    .execute();
  await db.schema.createIndex('ladder_links_parent_idx').on('ladder_links').columns(['workspace_id', 'parent_id']).execute();

  // areas and partners belong to other modules: referenced by id, checked by the service
  for (const [table, column] of [
    ['ladder_node_areas', 'area_id'],
    ['ladder_node_partners', 'partner_id'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('workspace_id', 'uuid', (c) => c.notNull())
      .addColumn('node_id', 'uuid', (c) => c.notNull())
      .addColumn(column, 'uuid', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pkey`, ['workspace_id', 'node_id', column])
      .addForeignKeyConstraint(`${table}_node_fkey`, ['workspace_id', 'node_id'], 'ladder_nodes', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
      .execute();
    await db.schema.createIndex(`${table}_${column}_idx`).on(table).columns(['workspace_id', column]).execute();
  }

  // theory of change per action line
  await db.schema
    .createTable('ladder_toc_elements')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('node_id', 'uuid', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('ladder_toc_elements_pkey', ['workspace_id', 'id'])
    .addUniqueConstraint('ladder_toc_elements_node_key', ['workspace_id', 'node_id', 'id'])
    .addForeignKeyConstraint('ladder_toc_elements_node_fkey', ['workspace_id', 'node_id'], 'ladder_nodes', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
    .addCheckConstraint('ladder_toc_elements_kind_check', sql`kind in ('activity', 'output', 'outcome', 'impact')`)
    .execute();
  // a link joins two elements of the same action line: both foreign keys include node_id
  await db.schema
    .createTable('ladder_toc_links')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('node_id', 'uuid', (c) => c.notNull())
    .addColumn('from_element_id', 'uuid', (c) => c.notNull())
    .addColumn('to_element_id', 'uuid', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('ladder_toc_links_pkey', ['workspace_id', 'id'])
    .addUniqueConstraint('ladder_toc_links_pair_key', ['workspace_id', 'from_element_id', 'to_element_id'])
    .addForeignKeyConstraint('ladder_toc_links_from_fkey', ['workspace_id', 'node_id', 'from_element_id'], 'ladder_toc_elements', ['workspace_id', 'node_id', 'id'], (c) =>
      c.onDelete('cascade'),
    )
    .addForeignKeyConstraint('ladder_toc_links_to_fkey', ['workspace_id', 'node_id', 'to_element_id'], 'ladder_toc_elements', ['workspace_id', 'node_id', 'id'], (c) =>
      c.onDelete('cascade'),
    )
    .addCheckConstraint('ladder_toc_links_self_check', sql`from_element_id <> to_element_id`)
    .execute();
  await db.schema
    .createTable('ladder_toc_assumptions')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('link_id', 'uuid', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('untested'))
    .addColumn('status_date', 'date')
    .addColumn('evidence', 'text', (c) => c.notNull().defaultTo(''))
    // references to observations, measurements or session notes (urls or paths), as JSON text array
    .addColumn('evidence_links', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('ladder_toc_assumptions_pkey', ['workspace_id', 'id'])
    .addForeignKeyConstraint('ladder_toc_assumptions_link_fkey', ['workspace_id', 'link_id'], 'ladder_toc_links', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
    .addCheckConstraint('ladder_toc_assumptions_status_check', sql`status in ('untested', 'holds', 'doubtful', 'refuted')`)
    .execute();
  // every status an assumption ever had, with who set it, when and why
  await db.schema
    .createTable('ladder_toc_assumption_history')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('assumption_id', 'uuid', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_date', 'date')
    .addColumn('evidence', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('evidence_links', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('actor_id', 'uuid')
    .addColumn('actor_name', 'text')
    .addColumn('changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('ladder_toc_assumption_history_pkey', ['workspace_id', 'id'])
    .addForeignKeyConstraint('ladder_toc_assumption_history_fkey', ['workspace_id', 'assumption_id'], 'ladder_toc_assumptions', ['workspace_id', 'id'], (c) =>
      c.onDelete('cascade'),
    )
    .execute();
}

export async function down(db: Kysely<any>) {
  for (const table of [
    'ladder_toc_assumption_history',
    'ladder_toc_assumptions',
    'ladder_toc_links',
    'ladder_toc_elements',
    'ladder_node_partners',
    'ladder_node_areas',
    'ladder_links',
    'ladder_nodes',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
