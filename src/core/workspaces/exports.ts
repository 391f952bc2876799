import type { ServiceContext } from '../../platform/context';
import { exportAudit } from '../../platform/audit';
import * as service from './service';

/** Everything of the workspaces module for one workspace, for `dichter export`. */
export async function exportWorkspace(ctx: ServiceContext) {
  const workspace = await service.getWorkspace(ctx);
  const charter = await service.getCharter(ctx);
  return {
    workspace: [workspace],
    members: await service.listMembers(ctx),
    partners: await service.listPartners(ctx),
    charterValues: charter.values,
    charterSignatories: charter.signatories,
    auditLog: await exportAudit(ctx.db, workspace.id),
  };
}
