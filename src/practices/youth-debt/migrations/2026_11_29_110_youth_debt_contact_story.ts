import { type Kysely } from 'kysely';

/*
 * A coach's story from a contact can become an observation (kind verhaal) in the core, so it
 * reaches the learning sessions and reports. The contact remembers which observation it became;
 * no foreign key, because the observation lives in the core's tables (and may be removed there).
 */
export async function up(db: Kysely<any>) {
  await db.schema.alterTable('youth_debt_contacts').addColumn('observation_id', 'uuid').execute();
}

export async function down(db: Kysely<any>) {
  await db.schema.alterTable('youth_debt_contacts').dropColumn('observation_id').execute();
}
