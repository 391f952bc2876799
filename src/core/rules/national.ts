import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from '../../platform/context';
import { DomainError } from '../../platform/errors';
import { errorResponses } from '../../platform/http/schema';
import * as repo from './repository';
import { ruleCode } from './schema';
import { localDate } from '../../platform/workdays';

/*
 * The national view. A national rule (level rijk: a law, an AMvB) is kept in each workspace's
 * own register, so each workspace owns its copy, its intent and its deviations (tenancy by
 * workspace). Across the installation the copies are matched by their code: an administrator
 * of the installation sees, per workspace, how much pressure the same national rule is under.
 */

const DAY = 24 * 60 * 60 * 1000;
const today = () => localDate(new Date());
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
const optionalParam = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

export const nationalParams = z.object({ code: ruleCode });
export const nationalQuery = z
  .object({
    /** First day of the period; 90 days before `to` when absent. */
    from: optionalParam(z.iso.date()),
    /** Last day of the period; today when absent. */
    to: optionalParam(z.iso.date()),
  })
  .strict();
export type NationalQuery = z.infer<typeof nationalQuery>;

export const nationalItem = z.object({
  workspaceId: z.uuid(),
  workspaceSlug: z.string(),
  workspaceName: z.string(),
  /** The workspace's own copy of the rule. */
  ruleId: z.uuid(),
  title: z.string(),
  /** Deviations from the rule in this workspace in the period. */
  deviations: z.number().int(),
  /** In the period of the same length just before. */
  previousDeviations: z.number().int(),
  trend: z.enum(['up', 'down', 'flat']),
  /** Of the period's deviations with a recorded outcome: the share that helped (0–1); null without outcomes. */
  helpedShare: z.number().nullable(),
  /** Observations linked to the period's deviations. */
  linkedSignals: z.number().int(),
  areas: z.number().int(),
  professionals: z.number().int(),
  rank: z.number().int(),
});
export const nationalView = z.object({
  code: z.string(),
  from: z.string(),
  to: z.string(),
  previousFrom: z.string(),
  previousTo: z.string(),
  items: z.array(nationalItem),
  total: z.number().int(),
});
export type NationalView = z.infer<typeof nationalView>;

/** Only an administrator of the installation looks across workspaces. */
export function requireAdmin(ctx: ServiceContext) {
  if (!ctx.actor) throw new DomainError('auth.required');
  if (!ctx.actor.isAdmin) throw new DomainError('auth.forbidden');
}

/**
 * One national rule across the installation: every workspace whose register has a rule with
 * this code at level rijk, ranked by its deviations in the period (90 days up to today unless
 * given), then the steepest rise against the period before, then the most linked signals.
 * An unknown code gives an empty list.
 */
export async function nationalPressure(ctx: ServiceContext, code: string, query: NationalQuery): Promise<NationalView> {
  requireAdmin(ctx);
  const to = query.to ?? today();
  const from = query.from ?? addDays(to, -89);
  if (from > to) throw new DomainError('rule.period_invalid', {}, [{ path: 'from', message: 'rule.period_invalid' }]);
  const length = daysBetween(from, to) + 1;
  const previousTo = addDays(from, -1);
  const previousFrom = addDays(from, -length);
  const rows = await repo.nationalPressure(ctx.db, code, { from, to, previousFrom, previousTo });
  return {
    code,
    from,
    to,
    previousFrom,
    previousTo,
    items: rows.map((r, i) => ({
      workspaceId: r.workspaceId,
      workspaceSlug: r.workspaceSlug,
      workspaceName: r.workspaceName,
      ruleId: r.ruleId,
      title: r.title,
      deviations: r.deviations,
      previousDeviations: r.previousDeviations,
      trend: r.deviations > r.previousDeviations ? 'up' : r.deviations < r.previousDeviations ? 'down' : 'flat',
      helpedShare: r.withOutcome ? Math.round((r.helped / r.withOutcome) * 100) / 100 : null,
      linkedSignals: r.linkedSignals,
      areas: r.areas,
      professionals: r.professionals,
      rank: i + 1,
    })),
    total: rows.length,
  };
}

/** Routes outside a workspace, under `/api`: the national view, for administrators of the installation. */
export const globalRoutes: FastifyPluginAsync = async (app) => {
  // Before the input is validated, as the platform does for membership: a non-administrator
  // learns nothing about the route's parameters.
  app.addHook('preValidation', async (request) => requireAdmin(request.ctx));
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/rules/national/:code/pressure',
    {
      schema: {
        tags: ['regels'],
        summary:
          'Landelijk beeld (alleen voor beheerders van de installatie): per werkruimte die een regel met deze code op niveau rijk in haar register heeft, de afwijkingen in de periode (from–to, standaard de laatste 90 dagen) en de even lange periode ervoor, trend, aandeel dat hielp en gekoppelde signalen; gerangschikt op aantal afwijkingen',
        params: nationalParams,
        querystring: nationalQuery,
        response: { 200: nationalView, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => nationalPressure(req.ctx, req.params.code, req.query),
  );
};
