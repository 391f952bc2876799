import { recordAudit } from '../../platform/audit';
import type { ServiceContext } from '../../platform/context';
import { transaction } from '../../platform/db/database';
import { localDate } from '../../platform/workdays';
import { cachedFigures } from './figures';
import { fundSeries, type Movement } from './fund';
import * as repo from './fund.repository';
import type { FundSettingsInput, FundView } from './fund.schema';
import { youthDebtPolicy as policy } from './policies';

const NO_FUND: repo.FundRow = { capitalCents: 0, capitalDate: null, sibDebtFreeCents: 0, sibWorkOrSchoolCents: 0 };

/** The revolving fund month by month up to this month, with what is still owed on the credits. Aggregates only. */
export async function getFund(ctx: ServiceContext): Promise<FundView> {
  const scope = policy.authorize(ctx, 'youth_debt.dashboard.read');
  const fund = await cachedFigures(ctx, scope.id, 'fund', () => computeFund(ctx, scope.id), { daily: true });
  return { ...fund, can: { manage: policy.can(scope, 'youth_debt.settings.manage') } };
}

async function computeFund(ctx: ServiceContext, workspaceId: string) {
  const settings = (await repo.findFund(ctx.db, workspaceId)) ?? NO_FUND;
  const [moved, outstandingCents] = await Promise.all([
    repo.movements(ctx.db, workspaceId, { debtFree: settings.sibDebtFreeCents, workOrSchool: settings.sibWorkOrSchoolCents }),
    repo.outstanding(ctx.db, workspaceId),
  ]);
  const thisMonth = localDate(new Date()).slice(0, 7);
  const all: Movement[] = [...moved];
  if (settings.capitalCents > 0) {
    const first = moved.map((m) => m.month).sort()[0];
    all.push({ month: settings.capitalDate?.slice(0, 7) ?? first ?? thisMonth, kind: 'kapitaal', cents: settings.capitalCents });
  }
  return { settings, ...fundSeries(all, thisMonth), outstandingCents };
}

/** The fund's capital and the social impact bond's payments per outcome (beheerder, programme manager). */
export async function updateFund(ctx: ServiceContext, input: FundSettingsInput): Promise<FundView> {
  const scope = policy.authorize(ctx, 'youth_debt.settings.manage');
  await transaction(ctx.db, async (trx) => {
    const before = (await repo.findFund(trx, scope.id)) ?? NO_FUND;
    const after: repo.FundRow = {
      capitalCents: input.capitalCents ?? before.capitalCents,
      capitalDate: input.capitalDate !== undefined ? input.capitalDate : before.capitalDate,
      sibDebtFreeCents: input.sibDebtFreeCents ?? before.sibDebtFreeCents,
      sibWorkOrSchoolCents: input.sibWorkOrSchoolCents ?? before.sibWorkOrSchoolCents,
    };
    await repo.saveFund(trx, scope.id, after);
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'youth_debt_fund', entityId: scope.id, label: 'Revolverend fonds', action: 'update', before: { ...before }, after: { ...after } });
  });
  return getFund(ctx);
}
