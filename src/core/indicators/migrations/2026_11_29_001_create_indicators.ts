import { sql, type Kysely } from 'kysely';

/*
 * Indicators and their measurements per area and period, the saved column mappings of
 * imports, and pseudonymous panel data for the composition analysis. Areas and ladder nodes
 * belong to other modules: they are referenced by id and checked by the service.
 *
 * A measurement row is kept narrow (national scale is ~15M rows): no id of its own, the
 * natural key (indicator, area, period) is the primary key and serves the trend query
 * (one indicator and area across periods); a second index serves the comparison
 * (one indicator and period across areas). It has no foreign key: a per-row check halves the
 * import rate, and the service deletes an indicator's measurements with it (in one transaction).
 */
export async function up(db: Kysely<any>) {
  await db.schema
    .createTable('indicators')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('unit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('direction', 'text', (c) => c.notNull().defaultTo('neutral'))
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('manual'))
    .addColumn('period_type', 'text', (c) => c.notNull().defaultTo('year'))
    .addColumn('composition_sensitive', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('aggregation', 'text', (c) => c.notNull().defaultTo('sum'))
    .addColumn('numerator_code', 'text')
    .addColumn('denominator_code', 'text')
    .addColumn('factor', 'double precision')
    .addColumn('module', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('indicators_pkey', ['workspace_id', 'id'])
    .addUniqueConstraint('indicators_code_key', ['workspace_id', 'code'])
    .addCheckConstraint('indicators_direction_check', sql`direction in ('higher', 'lower', 'neutral')`)
    .addCheckConstraint('indicators_source_check', sql`source in ('manual', 'import', 'formula', 'practice')`)
    .addCheckConstraint('indicators_period_type_check', sql`period_type in ('year', 'quarter', 'month')`)
    .addCheckConstraint('indicators_aggregation_check', sql`aggregation in ('sum', 'ratio', 'mean')`)
    .addCheckConstraint(
      'indicators_formula_check',
      sql`(source = 'formula') = (numerator_code is not null and denominator_code is not null and factor is not null)`,
    )
    .execute();

  await db.schema
    .createTable('indicator_ladder_nodes')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull())
    .addColumn('indicator_id', 'uuid', (c) => c.notNull())
    .addColumn('node_id', 'uuid', (c) => c.notNull())
    .addPrimaryKeyConstraint('indicator_ladder_nodes_pkey', ['workspace_id', 'indicator_id', 'node_id'])
    .addForeignKeyConstraint('indicator_ladder_nodes_indicator_fkey', ['workspace_id', 'indicator_id'], 'indicators', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('indicator_ladder_nodes_node_idx').on('indicator_ladder_nodes').columns(['workspace_id', 'node_id']).execute();

  await db.schema
    .createTable('measurements')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull())
    .addColumn('indicator_id', 'uuid', (c) => c.notNull())
    .addColumn('area_id', 'uuid', (c) => c.notNull())
    // `2019`, `2024-Q1` or `2024-03`: sorts in time order as text.
    .addColumn('period', 'text', (c) => c.notNull())
    // Null when suppressed; a missing figure has no row at all (missing is not zero).
    .addColumn('value', 'double precision')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('final'))
    .addColumn('source_ref', 'text')
    .addColumn('recorded_by', 'uuid')
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('measurements_pkey', ['workspace_id', 'indicator_id', 'area_id', 'period'])
    .addCheckConstraint('measurements_status_check', sql`status in ('final', 'provisional', 'suppressed')`)
    .addCheckConstraint('measurements_suppressed_check', sql`(status = 'suppressed') = (value is null)`)
    .execute();
  await db.schema.createIndex('measurements_period_idx').on('measurements').columns(['workspace_id', 'indicator_id', 'period', 'area_id']).execute();

  // How many measurements each indicator has per period, kept up to date by every write, so the
  // list of indicators need not count 15M rows on every request.
  await db.schema
    .createTable('indicator_periods')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull())
    .addColumn('indicator_id', 'uuid', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('measurements', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('indicator_periods_pkey', ['workspace_id', 'indicator_id', 'period'])
    .addForeignKeyConstraint('indicator_periods_indicator_fkey', ['workspace_id', 'indicator_id'], 'indicators', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();

  await db.schema
    .createTable('indicator_mappings')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    // e.g. `kerncijfers-wijken-en-buurten`: the file name without year and extension.
    .addColumn('source_key', 'text', (c) => c.notNull())
    // {normalised column: indicator code | null}
    .addColumn('mapping', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('indicator_mappings_pkey', ['workspace_id', 'source_key'])
    .execute();

  // Pseudonymous person-level records: a hashed person id, never a name.
  await db.schema
    .createTable('indicator_panel_records')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull())
    .addColumn('indicator_id', 'uuid', (c) => c.notNull())
    .addColumn('person', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('area_id', 'uuid', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('indicator_panel_records_pkey', ['workspace_id', 'indicator_id', 'person', 'period'])
    .addForeignKeyConstraint('indicator_panel_records_indicator_fkey', ['workspace_id', 'indicator_id'], 'indicators', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('indicator_panel_records_area_idx').on('indicator_panel_records').columns(['workspace_id', 'indicator_id', 'area_id', 'period']).execute();
}

export async function down(db: Kysely<any>) {
  for (const table of ['indicator_panel_records', 'indicator_mappings', 'indicator_periods', 'measurements', 'indicator_ladder_nodes', 'indicators']) await db.schema.dropTable(table).ifExists().execute();
}
