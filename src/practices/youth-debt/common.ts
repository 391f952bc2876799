import { recordAudit } from '../../platform/audit';
import type { ServiceContext } from '../../platform/context';
import type { Db } from '../../platform/db/database';
import { DomainError } from '../../platform/errors';
import { findParticipant, type ParticipantRow } from './repository';

/** What the module's services share: field errors, audit rows, who is a participant's own case worker, and finding a participant. */

export const fieldError = (id: string, path: string, params: Record<string, string | number> = {}) => new DomainError(id, params, [{ path, message: id }]);

export const audit = (db: Db, ctx: ServiceContext, scope: { id: string }, entity: string, entityId: string, action: string, label: string, after: Record<string, unknown> | null, before?: Record<string, unknown> | null) =>
  recordAudit(db, { workspaceId: scope.id, actor: ctx.actor, entity, entityId, action, label, after, before: before ?? null });

/** Whether the acting member is this participant's own coach or debt counsellor: only they see the name, notes, scores and letters. */
export function ownCase(ctx: ServiceContext, p: Pick<ParticipantRow, 'coachUserId' | 'counsellorUserId'>) {
  const me = ctx.actor?.userId;
  return !!me && (p.coachUserId === me || p.counsellorUserId === me);
}

export async function participantOr404(db: Db, scope: { id: string }, id: string) {
  const row = await findParticipant(db, scope.id, id);
  if (!row) throw new DomainError('youth_debt.participant_not_found');
  return row;
}
