import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { api, wsPath } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { refreshAfterWrite } from '../../../web/queries';
import { Heading, Link, Paragraph } from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import type {
  CandidateView,
  domainListView,
  DomainView,
  periodListView,
  PeriodView,
  roundListView,
  RoundStatus,
  RoundSummaryView,
  RoundView,
  SelectedItem,
  selectedListView,
  storyListView,
  StoryView,
} from '../msc.schema';
import { mm } from './msc-messages';

export type { CandidateView, DomainView, PeriodView, RoundStatus, RoundSummaryView, RoundView, SelectedItem, StoryView };
export type DomainList = z.infer<typeof domainListView>;
export type PeriodList = z.infer<typeof periodListView>;
export type RoundList = z.infer<typeof roundListView>;
export type StoryList = z.infer<typeof storyListView>;
export type SelectedList = z.infer<typeof selectedListView>;

/** Everything of these pages under one key, so one refresh after a write covers lists and rounds. */
export const mscKeys = {
  all: (slug: string) => ['w', slug, 'msc'] as const,
  domains: (slug: string) => ['w', slug, 'msc', 'domains'] as const,
  periods: (slug: string) => ['w', slug, 'msc', 'periods'] as const,
  rounds: (slug: string) => ['w', slug, 'msc', 'rounds'] as const,
  round: (slug: string, id: string) => ['w', slug, 'msc', 'round', id] as const,
  stories: (slug: string, query: string) => ['w', slug, 'msc', 'stories', query] as const,
  selected: (slug: string, query: string) => ['w', slug, 'msc', 'selected', query] as const,
};

/** After a write: every MSC answer, and the observations (their history may have changed). */
export async function refreshMsc(client: QueryClient, slug: string) {
  await Promise.all([refreshAfterWrite(client, { queryKey: mscKeys.all(slug) }), refreshAfterWrite(client, { queryKey: ['w', slug, 'observations'] })]);
}

export function useDomains() {
  const { workspace } = useWorkspace();
  return useQuery({ queryKey: mscKeys.domains(workspace.slug), queryFn: () => api.get<DomainList>(wsPath(workspace.slug, 'msc/domains')) });
}

export function usePeriods() {
  const { workspace } = useWorkspace();
  return useQuery({ queryKey: mscKeys.periods(workspace.slug), queryFn: () => api.get<PeriodList>(wsPath(workspace.slug, 'msc/periods')) });
}

export function useRounds() {
  const { workspace } = useWorkspace();
  return useQuery({ queryKey: mscKeys.rounds(workspace.slug), queryFn: () => api.get<RoundList>(wsPath(workspace.slug, 'msc/rounds')) });
}

export function useStatusLabel() {
  const t = useT(mm);
  return (status: RoundStatus) => t(`status.${status}`);
}

/** Plain text as paragraphs (blank lines) with line breaks kept; never as HTML. */
export function StoryText({ text }: { text: string }) {
  const blocks = text.split(/\n{2,}/).filter((b) => b.trim());
  return (
    <>
      {blocks.map((block, i) => (
        <Paragraph key={i} className="dichter-prewrap">
          {block}
        </Paragraph>
      ))}
    </>
  );
}

/** A story as a card: title (a link to the observation), who told it when, its domain and text. */
export function StoryCard({ story, headingLevel = 3, children }: { story: Omit<StoryView, 'can'>; headingLevel?: 2 | 3 | 4; children?: ReactNode }) {
  const t = useT(mm);
  const f = useFormat();
  const page = usePagePath();
  const headingId = `story-${story.id}`;
  return (
    <article className="dichter-card" aria-labelledby={headingId}>
      <Heading level={headingLevel} appearance={4} id={headingId}>
        <Link to={page(`waarnemingen/${story.id}`)}>{story.title}</Link>
      </Heading>
      <Paragraph small>
        {t('story.meta', { number: story.number, date: f.date(story.occurredAt), storyteller: story.storyteller })}
        {story.areaName && <> · {t('story.area', { area: story.areaName })}</>}
        {story.domainName && <> · {t('story.domain', { domain: story.domainName })}</>}
        {story.visibility === 'intern' && <> · {t('story.intern')}</>}
      </Paragraph>
      <StoryText text={story.text} />
      {children}
    </article>
  );
}
