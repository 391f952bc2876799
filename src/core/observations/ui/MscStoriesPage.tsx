import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api, request, wsPath } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { shellMessages } from '../../../web/messages';
import { BackLink, Button, EmptyState, errorMessage, Loaded, PageHeading, Paragraph, SelectField, UrlPagination, useUrlOffset } from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import { mm } from './msc-messages';
import { mscKeys, refreshMsc, StoryCard, useDomains, usePeriods, type DomainView, type StoryList, type StoryView } from './MscShared';

const LIMIT = 25;

/** Choose a story's domain: a select and a button, saved for this one story. */
function ClassifyForm({ story, domains }: { story: StoryView; domains: DomainView[] }) {
  const t = useT(mm);
  const ts = useT(shellMessages);
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const [domainId, setDomainId] = useState(story.domainId ?? '');
  const save = useMutation({
    mutationFn: () => request<StoryView>('PUT', wsPath(workspace.slug, `msc/stories/${story.id}/domain`), { domainId: domainId || null }),
    onSuccess: () => refreshMsc(client, workspace.slug),
  });
  const id = `story-domain-${story.id}`;
  // inactive domains stay visible for the stories that already have them
  const options = domains.filter((d) => d.active || d.id === story.domainId);
  return (
    <form
      className="dichter-inline-form"
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        if (!save.isPending) save.mutate();
      }}
    >
      <SelectField
        id={id}
        label={t('stories.domainOf', { number: story.number })}
        value={domainId}
        onChange={(e) => {
          setDomainId(e.target.value);
          save.reset();
        }}
        error={save.isError ? errorMessage(save.error, ts) : undefined}
        options={[{ value: '', label: t('noDomain') }, ...options.map((d) => ({ value: d.id, label: d.name }))]}
      />
      <Button type="submit" busy={save.isPending} aria-label={t('stories.saveOf', { number: story.number })}>
        {t('stories.save')}
      </Button>
      <span role="status" className="dichter-small">
        {save.isSuccess ? t('stories.saved') : ''}
      </span>
    </form>
  );
}

/** /w/:slug/verhalen/indelen: stories with their domain, to classify them; by period and domain. */
export default function MscStoriesPage() {
  const t = useT(mm);
  const f = useFormat();
  const page = usePagePath();
  const { workspace } = useWorkspace();
  const [params, setParams] = useSearchParams();
  const [offset] = useUrlOffset();
  const periodId = params.get('periode') ?? '';
  const domainId = params.get('domein') ?? '';
  const [draft, setDraft] = useState({ periodId, domainId });
  const periods = usePeriods();
  const domains = useDomains();
  const query = new URLSearchParams({ limit: String(LIMIT), offset: String(offset), ...(periodId ? { periodId } : {}), ...(domainId ? { domainId } : {}) }).toString();
  const stories = useQuery({ queryKey: mscKeys.stories(workspace.slug, query), queryFn: () => api.get<StoryList>(wsPath(workspace.slug, `msc/stories?${query}`)) });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (draft.periodId) next.set('periode', draft.periodId);
    if (draft.domainId) next.set('domein', draft.domainId);
    setParams(next);
  };
  return (
    <>
      <BackLink to={page('verhalen')}>{t('back.overview')}</BackLink>
      <PageHeading title={t('stories.title')} />
      <Paragraph>{t('stories.intro')}</Paragraph>
      <form className="dichter-filters" noValidate onSubmit={apply}>
        <SelectField
          id="stories-period"
          label={t('stories.filterPeriod')}
          value={draft.periodId}
          onChange={(e) => setDraft({ ...draft, periodId: e.target.value })}
          options={[{ value: '', label: t('stories.allPeriods') }, ...(periods.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))]}
        />
        <SelectField
          id="stories-domain"
          label={t('stories.filterDomain')}
          value={draft.domainId}
          onChange={(e) => setDraft({ ...draft, domainId: e.target.value })}
          options={[{ value: '', label: t('allDomains') }, { value: 'none', label: t('stories.onlyWithout') }, ...(domains.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))]}
        />
        <div className="dichter-filters__actions">
          <Button type="submit">{t('stories.filter')}</Button>
        </div>
      </form>
      <Loaded
        query={stories}
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyState title={t('stories.emptyTitle')}>
            <Paragraph>{t('stories.empty')}</Paragraph>
          </EmptyState>
        }
      >
        {(data) => (
          <>
            <Paragraph role="status">{data.total === 1 ? t('stories.countOne') : t('stories.count', { total: f.number(data.total) })}</Paragraph>
            <ul className="dichter-cards">
              {data.items.map((story) => (
                <li key={story.id}>
                  <StoryCard story={story} headingLevel={2}>
                    {story.can.classify && domains.data && <ClassifyForm story={story} domains={domains.data.items} />}
                  </StoryCard>
                </li>
              ))}
            </ul>
            <UrlPagination total={data.total} limit={LIMIT} />
          </>
        )}
      </Loaded>
    </>
  );
}
