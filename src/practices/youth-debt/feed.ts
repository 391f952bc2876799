import type { ServiceContext } from '../../platform/context';
import { localDate } from '../../platform/workdays';
import { listAreas } from '../../core/areas/service';
import { listIndicators, putValue } from '../../core/indicators/service';
import { findWorkspaceByIdForPublicPage } from '../../core/workspaces/service';
import { outcomeShares } from './plan.repository';
import { youthDebtPolicy as policy } from './policies';
import { MINIMUM_GROUP } from './protect';
import * as repo from './repository';
import { TEMPLATE_INDICATORS } from './toolkit';

/*
 * The module feeds the core: the indicators of the toolkit's template (jpf-actief,
 * jpf-schuldenvrij, jpf-werk-of-school, jpf-welzijn), for the current quarter at the level of the
 * gemeente, written through the indicators module (audited there, only when a value changes).
 * A share over fewer than five participants is stored as suppressed, as CBS does: a figure
 * about three young people would say too much about them.
 */

export const quarterOf = (date: string) => `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

/** A share in percent with one decimal, or null (suppressed) for a group under the minimum. */
export function protectedShare(part: number, whole: number): number | null {
  if (whole < MINIMUM_GROUP) return null;
  return Math.round((1000 * part) / whole) / 10;
}

export interface FeedResult {
  period: string;
  /** The gemeente's CBS code the values are written for; null when the workspace has none. */
  area: string | null;
  values: { code: string; value: number | null; status: 'final' | 'suppressed' }[];
}

/** Computes this quarter's values of the module's indicators that exist in the workspace, and writes them. */
export async function feedIndicators(ctx: ServiceContext): Promise<FeedResult> {
  const scope = policy.authorize(ctx, 'youth_debt.settings.manage');
  const period = quarterOf(localDate(new Date()));
  const existing = new Set((await listIndicators(ctx)).items.map((i) => i.code));
  const codes = TEMPLATE_INDICATORS.map((i) => i.code).filter((c) => existing.has(c));
  const gemeente = (await listAreas(ctx, { kind: 'gemeente', limit: 1, offset: 0 })).items.find((a) => a.code);
  if (!gemeente || codes.length === 0) return { period, area: gemeente?.code ?? null, values: [] };
  const [status, shares, wellbeing] = await Promise.all([repo.participantsByStatus(ctx.db, scope.id), outcomeShares(ctx.db, scope.id), repo.latestWellbeing(ctx.db, scope.id)]);
  const computed: Record<string, number | null> = {
    'jpf-actief': status.find((s) => s.status === 'actief')?.n ?? 0,
    'jpf-schuldenvrij': protectedShare(shares.debtFree, shares.debtFreeKnown),
    'jpf-werk-of-school': protectedShare(shares.workOrSchool, shares.workOrSchoolKnown),
    'jpf-welzijn': wellbeing.participants < MINIMUM_GROUP ? null : Math.round(10 * wellbeing.mean) / 10,
  };
  const values: FeedResult['values'] = [];
  for (const code of codes) {
    const value = computed[code];
    const status = value === null ? 'suppressed' : 'final';
    await putValue(ctx, code, { area: gemeente.code!, period, value, status, sourceRef: 'Jongeren Perspectief Fonds (module)' });
    values.push({ code, value, status });
  }
  return { period, area: gemeente.code, values };
}

/** The daily job: every workspace that has participants and the module's indicators. */
export async function runFeed(system: ServiceContext): Promise<string> {
  let fed = 0;
  for (const workspaceId of await repo.workspacesWithParticipants(system.db)) {
    const ws = await findWorkspaceByIdForPublicPage(system, workspaceId);
    if (!ws) continue;
    const result = await feedIndicators({ ...system, workspace: { id: ws.id, slug: ws.slug, name: ws.name, role: 'beheerder' } });
    if (result.values.length) fed++;
  }
  return `indicatoren van de schuldenaanpak bijgewerkt in ${fed} werkruimte(n)`;
}
