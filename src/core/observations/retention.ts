import { recordAudit } from '../../platform/audit';
import type { ServiceContext } from '../../platform/context';
import { transaction } from '../../platform/db/database';
import { DomainError } from '../../platform/errors';
import { observationPolicy as policy } from './policies';
import * as repo from './repository';
import type { RetentionInput } from './schema';

/** The workspace's retention rules: how long observations of a kind in a status are kept. */
export async function getRetention(ctx: ServiceContext) {
  const scope = policy.authorize(ctx, 'observation.read');
  const items = (await repo.listRetentionRules(ctx.db, scope.id)) as RetentionInput['rules'];
  return { items, total: items.length, can: { manage: policy.can(scope, 'observation.retention') } };
}

/** Replaces the rules (beheerder); the change is audited. Deletion happens in the daily job. */
export async function setRetention(ctx: ServiceContext, input: RetentionInput) {
  const scope = policy.authorize(ctx, 'observation.retention');
  const seen = new Set<string>();
  input.rules.forEach((r, i) => {
    const key = `${r.kind}/${r.status}`;
    if (seen.has(key)) throw new DomainError('observation.retention_duplicate', {}, [{ path: `rules.${i}`, message: 'observation.retention_duplicate' }]);
    seen.add(key);
  });
  await transaction(ctx.db, async (trx) => {
    const before = await repo.listRetentionRules(trx, scope.id);
    await repo.replaceRetentionRules(trx, scope.id, input.rules);
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'observation_retention', entityId: scope.id, label: 'bewaartermijnen', action: 'update', before: { rules: before }, after: { rules: input.rules } });
  });
  return getRetention(ctx);
}

const BATCH = 1000;

/**
 * The scheduled job: deletes observations past their retention in every workspace, with
 * their history and links, and records each deletion in the audit log (number, kind,
 * status and the rule — never the text). Runs in batches so a first run on years of data
 * does not hold one huge transaction.
 */
export async function runRetention(ctx: ServiceContext): Promise<string> {
  let deleted = 0;
  for (;;) {
    const expired = await repo.expiredObservations(ctx.db, BATCH);
    if (expired.length === 0) break;
    await transaction(ctx.db, async (trx) => {
      for (const row of expired) {
        await repo.deleteObservations(trx, row.workspaceId, [row.id]);
        await recordAudit(trx, {
          workspaceId: row.workspaceId,
          actor: ctx.actor,
          entity: 'observation',
          entityId: row.id,
          label: `#${row.number}`,
          action: 'retention_delete',
          before: { number: row.number, kind: row.kind, status: row.status, retentionMonths: row.months },
        });
      }
    });
    deleted += expired.length;
    if (expired.length < BATCH) break;
  }
  return `${deleted} waarneming(en) verwijderd na hun bewaartermijn`;
}
