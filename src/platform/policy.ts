import type { ServiceContext, WorkspaceScope } from './context';
import { DomainError } from './errors';

/**
 * A module's policy: for each action, the workspace roles that may do it. One line per
 * rule, readable by someone who never saw the code:
 *   definePolicy({ 'partner.create': ['beheerder', 'programmamanager'] })
 */
export function definePolicy<Action extends string>(rules: Record<Action, readonly string[]>) {
  const can = (scope: Pick<WorkspaceScope, 'role'> | undefined, action: Action) => !!scope && rules[action].includes(scope.role);
  return {
    rules,
    can,
    /** Throws `auth.forbidden` unless the acting member's role allows the action. */
    authorize(ctx: ServiceContext, action: Action): WorkspaceScope {
      if (!ctx.actor) throw new DomainError('auth.required');
      if (!ctx.workspace || !can(ctx.workspace, action)) throw new DomainError('auth.forbidden');
      return ctx.workspace;
    },
    /** What the acting member may do, for `can: {…}` in responses (the UI never re-derives it). */
    abilities<A extends Action>(ctx: ServiceContext, actions: readonly A[]): Record<A, boolean> {
      return Object.fromEntries(actions.map((a) => [a, can(ctx.workspace, a)])) as Record<A, boolean>;
    },
  };
}

/** The acting workspace, or an error when a service is called outside one. */
export function requireWorkspace(ctx: ServiceContext): WorkspaceScope {
  if (!ctx.workspace) throw new Error('service called without a workspace scope');
  return ctx.workspace;
}
