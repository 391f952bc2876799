import type { ServiceContext } from '../../platform/context';
import { requireWorkspace } from '../../platform/policy';
import * as repo from './repository';

/** Everything of the learning module for one workspace, for `dichter export`. */
export async function exportLearning(ctx: ServiceContext) {
  const scope = requireWorkspace(ctx);
  const tables = [
    ['learningCycles', 'learningCycles'],
    ['learningParticipants', 'learningParticipants'],
    ['learningSessions', 'learningSessions'],
    ['learningRounds', 'learningRounds'],
    ['learningContributions', 'learningContributions'],
    ['learningInsights', 'learningInsights'],
    ['learningDecisions', 'learningDecisions'],
    ['learningAssumptionUpdates', 'learningAssumptionUpdates'],
    ['learningActions', 'learningActions'],
    ['learningQuestions', 'learningQuestions'],
    ['learningAgendaVersions', 'learningAgendaVersions'],
    ['learningTimelineEvents', 'learningTimelineEvents'],
    ['learningTimelineAnnotations', 'learningTimelineAnnotations'],
    ['learningOutcomes', 'learningOutcomes'],
    ['boardDecisions', 'learningBoardDecisions'],
    ['boardFollowUps', 'learningBoardFollowUps'],
  ] as const;
  const rows = await Promise.all(tables.map(([, table]) => repo.all(ctx.db, table, scope.id)));
  return Object.fromEntries(tables.map(([name], i) => [name, (rows[i] as { workspaceId: string }[]).map(({ workspaceId: _w, ...rest }) => rest)]));
}
