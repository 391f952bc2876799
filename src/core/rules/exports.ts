import type { ServiceContext } from '../../platform/context';
import { requireWorkspace } from '../../platform/policy';
import * as repo from './repository';

/**
 * Everything of the rules module for one workspace, for `dichter export`: the rules with the
 * ids of their areas, ladder nodes and approvers, the implementation tests, the deviations
 * with their links and whole history, and the review decisions with their evidence.
 */
export async function exportRules(ctx: ServiceContext) {
  const scope = requireWorkspace(ctx);
  const db = ctx.db;
  const [rules, areas, nodes, approvers, tests, deviations, links, history, reviews] = await Promise.all([
    repo.allRules(db, scope.id),
    repo.allLinks(db, 'ruleAreas', scope.id),
    repo.allLinks(db, 'ruleNodes', scope.id),
    repo.allLinks(db, 'ruleApprovers', scope.id),
    repo.allTests(db, scope.id),
    repo.allDeviations(db, scope.id),
    repo.allDeviationLinks(db, scope.id),
    repo.allDeviationEvents(db, scope.id),
    repo.allReviews(db, scope.id),
  ]);
  const group = <T extends Record<K, string>, K extends keyof T>(rows: readonly T[], key: K, value: (row: T) => string) => {
    const map = new Map<string, string[]>();
    for (const r of rows) map.set(r[key], [...(map.get(r[key]) ?? []), value(r)]);
    return map;
  };
  const [areaIds, nodeIds, approverIds] = [areas, nodes, approvers].map((l) => group(l, 'ruleId', (r) => r.id));
  const observationIds = group(links.observations, 'deviationId', (r) => r.observationId);
  const deviationNodeIds = group(links.nodes, 'deviationId', (r) => r.nodeId);
  const strip = <T extends { workspaceId: string }>({ workspaceId: _w, ...rest }: T) => rest;
  return {
    rules: rules.map((r) => ({ ...strip(r), areaIds: areaIds.get(r.id) ?? [], ladderNodeIds: nodeIds.get(r.id) ?? [], approverUserIds: approverIds.get(r.id) ?? [] })),
    ruleTests: tests.map(strip),
    deviations: deviations.map((d) => ({ ...strip(d), observationIds: observationIds.get(d.id) ?? [], ladderNodeIds: deviationNodeIds.get(d.id) ?? [] })),
    deviationHistory: history.map(strip),
    ruleReviews: reviews.map(strip),
  };
}
