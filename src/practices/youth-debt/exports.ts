import type { ServiceContext } from '../../platform/context';
import * as repo from './repository';
import { participantNumber } from './service';

/**
 * What `dichter export` writes for the youth-debt module: settings, creditors, participants and
 * debts. Participants go out pseudonymous (number, no name, contact or date of birth): an
 * export file travels further than the two people allowed to see them.
 */
export async function exportYouthDebt(ctx: ServiceContext): Promise<Record<string, unknown[]>> {
  const scope = ctx.workspace;
  if (!scope) return {};
  const [settings, creditors, participants, debts] = await Promise.all([
    repo.getSettings(ctx.db, scope.id),
    repo.listCreditors(ctx.db, scope.id),
    repo.listParticipants(ctx.db, scope.id, { limit: 1_000_000, offset: 0 }),
    repo.listDebts(ctx.db, scope.id, { limit: 10_000_000, offset: 0 }),
  ]);
  return {
    youthDebtSettings: settings ? [{ termMonths: settings.termMonths, preferentialMultiplier: settings.preferentialMultiplierHundredths / 100 }] : [],
    youthDebtCreditors: creditors.map((c) => ({ id: c.id, name: c.name, address: c.address, preferential: c.preferential })),
    youthDebtParticipants: participants.items.map((p) => ({
      id: p.id,
      number: participantNumber(p.number),
      status: p.status,
      startDate: p.startDate,
      areaId: p.areaId,
      coachUserId: p.coachUserId,
      counsellorUserId: p.counsellorUserId,
      leavingReason: p.leavingReason,
      monthlyIncomeCents: p.monthlyIncomeCents,
      vtlbCents: p.vtlbCents,
    })),
    youthDebtDebts: debts.items.map((d) => ({ id: d.id, participantId: d.participantId, creditorId: d.creditorId, amountCents: d.amountCents, preferential: d.preferential, status: d.status })),
  };
}
