import { sql, type Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit';
import type { ServiceContext } from '../../platform/context';
import { transaction, type Db } from '../../platform/db/database';
import { createIndicator, listIndicators } from '../../core/indicators/service';
import { createNode, listNodes } from '../../core/ladder/service';
import { listMembers } from '../../core/workspaces/service';
import { youthDebtPolicy as policy } from './policies';
import { DEFAULT_BUDGET, estimateBudget, STEPS, TEMPLATE_INDICATORS, TEMPLATE_LADDER, type BudgetInput, type StepId } from './toolkit';
import type { StepInput, ToolkitView } from './toolkit.schema';

interface StepRow {
  step: string;
  doneOn: string | null;
  doneBy: string | null;
  note: string;
}
interface Tables {
  youthDebtToolkitSteps: StepRow & { workspaceId: string; updatedAt: Date };
}
const t = (db: Db) => db as Kysely<Tables>;

const stepsOf = (db: Db, workspaceId: string) =>
  t(db)
    .selectFrom('youthDebtToolkitSteps')
    .select(['step', sql<string | null>`to_char(done_on, 'YYYY-MM-DD')`.as('doneOn'), 'doneBy', 'note'])
    .where('workspaceId', '=', workspaceId)
    .execute() as Promise<StepRow[]>;

const within = (ctx: ServiceContext, db: Db): ServiceContext => ({ ...ctx, db });

/** The template's ladder nodes that exist in the workspace, by code (through the ladder module). */
async function templateNodes(ctx: ServiceContext) {
  const { items } = await listNodes(ctx, { q: 'JPF-', limit: 500, offset: 0 });
  const codes = new Set<string>(TEMPLATE_LADDER.map((n) => n.code));
  return new Map(items.filter((n) => n.code && codes.has(n.code)).map((n) => [n.code!, n.id]));
}

async function templateIndicators(ctx: ServiceContext) {
  return new Set((await listIndicators(ctx)).items.map((i) => i.code));
}

/** The toolkit: the template (and what of it the workspace already has), the steps of the decision process, the budget's starting assumptions. */
export async function getToolkit(ctx: ServiceContext): Promise<ToolkitView> {
  const scope = policy.authorize(ctx, 'youth_debt.settings.read');
  const [nodes, indicators, steps, members] = await Promise.all([templateNodes(ctx), templateIndicators(ctx), stepsOf(ctx.db, scope.id), listMembers(ctx)]);
  const names = new Map(members.map((m) => [m.userId, m.name]));
  const done = new Map(steps.map((s) => [s.step, s]));
  const ladder = TEMPLATE_LADDER.map((n) => ({ code: n.code, rung: n.rung, title: n.title, nodeId: nodes.get(n.code) ?? null }));
  const indicatorList = TEMPLATE_INDICATORS.map((i) => ({ code: i.code, name: i.name, exists: indicators.has(i.code) }));
  return {
    ladder,
    indicators: indicatorList,
    adopted: ladder.every((n) => n.nodeId) && indicatorList.every((i) => i.exists),
    steps: STEPS.map((s) => {
      const row = done.get(s.id);
      return {
        id: s.id,
        title: s.title,
        description: s.description,
        doneOn: row?.doneOn ?? null,
        doneBy: row?.doneBy ? (names.get(row.doneBy) ?? null) : null,
        note: row?.note ?? '',
      };
    }),
    budgetDefaults: DEFAULT_BUDGET,
    can: { manage: policy.can(scope, 'youth_debt.settings.manage') },
  };
}

/**
 * Starts the approach from the template: creates the ladder nodes (value, challenge, goal, four
 * action lines) and the module's indicators that the workspace does not have yet, through the
 * ladder and indicators modules, in one transaction. Running it again creates nothing.
 */
export async function adoptApproach(ctx: ServiceContext) {
  policy.authorize(ctx, 'youth_debt.settings.manage');
  const created = await transaction(ctx.db, async (trx) => {
    const c = within(ctx, trx);
    const nodes = await templateNodes(c);
    let nodeCount = 0;
    for (const n of TEMPLATE_LADDER) {
      if (nodes.has(n.code)) continue;
      const parentIds = n.parent ? [nodes.get(n.parent)!] : [];
      const node = await createNode(c, { rung: n.rung, title: n.title, description: n.description, code: n.code, parentIds });
      nodes.set(n.code, node.id);
      nodeCount++;
    }
    const existing = await templateIndicators(c);
    let indicatorCount = 0;
    for (const i of TEMPLATE_INDICATORS) {
      if (existing.has(i.code)) continue;
      await createIndicator(c, { ...i, source: 'practice', module: 'youth-debt', periodType: 'quarter', ladderNodeIds: [nodes.get('JPF-D')!] });
      indicatorCount++;
    }
    return { nodes: nodeCount, indicators: indicatorCount };
  });
  return { created, toolkit: await getToolkit(ctx) };
}

/** Marks a step of the decision process as taken (with its day and a note), or reopens it. */
export async function setStep(ctx: ServiceContext, step: StepId, input: StepInput): Promise<ToolkitView> {
  const scope = policy.authorize(ctx, 'youth_debt.settings.manage');
  await transaction(ctx.db, async (trx) => {
    const before = (await stepsOf(trx, scope.id)).find((s) => s.step === step) ?? null;
    const row = { doneOn: input.doneOn, doneBy: input.doneOn ? ctx.actor!.userId : null, note: input.note ?? before?.note ?? '' };
    await t(trx)
      .insertInto('youthDebtToolkitSteps')
      .values({ workspaceId: scope.id, step, ...row, updatedAt: new Date() })
      .onConflict((oc) => oc.columns(['workspaceId', 'step']).doUpdateSet({ ...row, updatedAt: new Date() }))
      .execute();
    const title = STEPS.find((s) => s.id === step)!.title;
    await recordAudit(trx, {
      workspaceId: scope.id,
      actor: ctx.actor,
      entity: 'youth_debt_step',
      entityId: scope.id,
      label: title,
      action: 'update',
      before: before && { doneOn: before.doneOn, note: before.note },
      after: { doneOn: row.doneOn, note: row.note },
    });
  });
  return getToolkit(ctx);
}

/** The budget estimate for a council proposal from the municipality's own assumptions; saves nothing. */
export function previewBudget(ctx: ServiceContext, input: BudgetInput) {
  policy.authorize(ctx, 'youth_debt.preview');
  return estimateBudget(input);
}
