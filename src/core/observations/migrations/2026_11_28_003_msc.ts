import { sql, type Kysely } from 'kysely';

/**
 * Most Significant Change: domains of change and collection periods per workspace, the domain
 * of a story, selection rounds with their panel, and the stories a panel chose with its reasons.
 */
export async function up(db: Kysely<any>) {
  await db.schema
    .createTable('msc_domains')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('msc_domains_pkey', ['workspace_id', 'id'])
    .addUniqueConstraint('msc_domains_name_key', ['workspace_id', 'name'])
    .execute();

  await db.schema
    .createTable('msc_periods')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('start_date', 'date', (c) => c.notNull())
    .addColumn('end_date', 'date', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('msc_periods_pkey', ['workspace_id', 'id'])
    .addUniqueConstraint('msc_periods_name_key', ['workspace_id', 'name'])
    .addCheckConstraint('msc_periods_dates_check', sql`end_date >= start_date`)
    .execute();

  // the domain of a story (an observation of kind verhaal); one per story
  await db.schema
    .createTable('msc_story_domains')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull())
    .addColumn('observation_id', 'uuid', (c) => c.notNull())
    .addColumn('domain_id', 'uuid', (c) => c.notNull())
    .addPrimaryKeyConstraint('msc_story_domains_pkey', ['workspace_id', 'observation_id'])
    .addForeignKeyConstraint('msc_story_domains_observation_fkey', ['workspace_id', 'observation_id'], 'observations', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
    .addForeignKeyConstraint('msc_story_domains_domain_fkey', ['workspace_id', 'domain_id'], 'msc_domains', ['workspace_id', 'id'])
    .execute();
  await db.schema.createIndex('msc_story_domains_domain_idx').on('msc_story_domains').columns(['workspace_id', 'domain_id']).execute();

  await db.schema
    .createTable('msc_rounds')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('period_id', 'uuid', (c) => c.notNull())
    // null: stories of every domain (and none)
    .addColumn('domain_id', 'uuid')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('held_on', 'date', (c) => c.notNull())
    // [{userId, name}]: members by id, others by name only
    .addColumn('panel', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('finished_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('msc_rounds_pkey', ['workspace_id', 'id'])
    .addForeignKeyConstraint('msc_rounds_period_fkey', ['workspace_id', 'period_id'], 'msc_periods', ['workspace_id', 'id'])
    .addForeignKeyConstraint('msc_rounds_domain_fkey', ['workspace_id', 'domain_id'], 'msc_domains', ['workspace_id', 'id'])
    .addCheckConstraint('msc_rounds_status_check', sql`status in ('open', 'afgerond')`)
    .addCheckConstraint('msc_rounds_finished_check', sql`(status = 'afgerond') = (finished_at is not null)`)
    .execute();
  await db.schema.createIndex('msc_rounds_period_idx').on('msc_rounds').columns(['workspace_id', 'period_id']).execute();

  await db.schema
    .createTable('msc_selections')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('round_id', 'uuid', (c) => c.notNull())
    .addColumn('observation_id', 'uuid', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('selected_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('msc_selections_pkey', ['workspace_id', 'id'])
    .addUniqueConstraint('msc_selections_rank_key', ['workspace_id', 'round_id', 'rank'])
    .addUniqueConstraint('msc_selections_story_key', ['workspace_id', 'round_id', 'observation_id'])
    .addForeignKeyConstraint('msc_selections_round_fkey', ['workspace_id', 'round_id'], 'msc_rounds', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
    .addForeignKeyConstraint('msc_selections_observation_fkey', ['workspace_id', 'observation_id'], 'observations', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
    .addCheckConstraint('msc_selections_rank_check', sql`rank >= 1`)
    .addCheckConstraint('msc_selections_reason_check', sql`length(trim(reason)) > 0`)
    .execute();
  await db.schema.createIndex('msc_selections_observation_idx').on('msc_selections').columns(['workspace_id', 'observation_id']).execute();
}

export async function down(db: Kysely<any>) {
  await db.schema.dropTable('msc_selections').execute();
  await db.schema.dropTable('msc_rounds').execute();
  await db.schema.dropTable('msc_story_domains').execute();
  await db.schema.dropTable('msc_periods').execute();
  await db.schema.dropTable('msc_domains').execute();
}
