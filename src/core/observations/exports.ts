import type { ServiceContext } from '../../platform/context';
import { requireWorkspace } from '../../platform/policy';
import * as repo from './repository';
import { getRetention } from './retention';
import { exportRecords, listTemplates } from './service';

/**
 * Everything of the observations module for one workspace, for `dichter export`: the
 * observations (as in the export file, without residents' contact details), every history
 * entry, the standard answers and the retention rules.
 */
export async function exportObservations(ctx: ServiceContext) {
  const scope = requireWorkspace(ctx);
  const [observations, history, templates, retention] = await Promise.all([
    exportRecords(ctx, {}),
    repo.allEvents(ctx.db, scope.id),
    listTemplates(ctx),
    getRetention(ctx),
  ]);
  return { observations, history, templates: templates.items, retentionRules: retention.items };
}
