import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>) {
  // Rules an observation is about. Rules belong to the rules module: referenced by id, checked
  // through the rule directory the rules module registers (src/core/observations/links.ts).
  await db.schema
    .createTable('observation_rules')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull())
    .addColumn('observation_id', 'uuid', (c) => c.notNull())
    .addColumn('rule_id', 'uuid', (c) => c.notNull())
    .addPrimaryKeyConstraint('observation_rules_pkey', ['workspace_id', 'observation_id', 'rule_id'])
    .addForeignKeyConstraint('observation_rules_observation_fkey', ['workspace_id', 'observation_id'], 'observations', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();
  // the list's ?ruleId= filter and the rules' count of linked signals start from the rule
  await db.schema.createIndex('observation_rules_rule_idx').on('observation_rules').columns(['workspace_id', 'rule_id', 'observation_id']).execute();
}

export async function down(db: Kysely<any>) {
  await db.schema.dropTable('observation_rules').execute();
}
