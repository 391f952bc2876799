import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, ApiError, wsPath } from '../../../web/api';
import { useWorkspace } from '../../../web/workspace';
import type { agendaComparison, boardDecisionView, cycleSummaryView, cycleView, decisionView, evidencePack, overviewView, questionView, sessionSummaryView, SessionView, timelineEventView } from '../schema';

export type CycleSummary = z.infer<typeof cycleSummaryView>;
export type Cycle = z.infer<typeof cycleView>;
export type SessionSummary = z.infer<typeof sessionSummaryView>;
export type Pack = z.infer<typeof evidencePack>;
export type Overview = z.infer<typeof overviewView>;
export type DecisionView = z.infer<typeof decisionView>;
export type TimelineEvent = z.infer<typeof timelineEventView>;
export type Question = z.infer<typeof questionView>;
export type Comparison = z.infer<typeof agendaComparison>;
export type BoardDecision = z.infer<typeof boardDecisionView>;
export type Round = SessionView['rounds'][number];
export type Participant = SessionView['participants'][number];
export type { SessionView };

// The lists of schema.ts, repeated so the browser bundle does not pull in zod.
export const DECISIONS = ['keep', 'more', 'better', 'different', 'stop'] as const satisfies readonly DecisionView['decision'][];
export type Decision = (typeof DECISIONS)[number];
export const BOARD_BODIES = ['college', 'wethouder', 'stuurgroep', 'alv', 'other'] as const satisfies readonly BoardDecision['body'][];

export const learningKeys = {
  all: (slug: string) => ['w', slug, 'learning'] as const,
  get: (slug: string, path: string) => ['w', slug, 'learning', path] as const,
};

/** A GET under the workspace's API, cached per path; a 404 is not retried. */
export function useGet<T>(path: string, enabled = true) {
  const { workspace } = useWorkspace();
  return useQuery({
    queryKey: learningKeys.get(workspace.slug, path),
    queryFn: () => api.get<T>(wsPath(workspace.slug, path)),
    enabled,
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 2,
  });
}

/** A session id in the URL that the server does not know (or that is no id at all). */
export const isMissing = (error: unknown) => error instanceof ApiError && [400, 404].includes(error.status);

/** Minutes and seconds, "2:05"; negative values read as time over, "+0:15". */
export function clock(seconds: number) {
  const abs = Math.abs(seconds);
  return `${seconds < 0 ? '+' : ''}${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, '0')}`;
}
