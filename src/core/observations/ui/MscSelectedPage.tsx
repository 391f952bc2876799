import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api, wsPath } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { BackLink, Button, EmptyState, Heading, Link, Loaded, PageHeading, Paragraph, SelectField } from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import { mm } from './msc-messages';
import { mscKeys, StoryCard, StoryText, useDomains, usePeriods, type SelectedItem, type SelectedList } from './MscShared';

/** The chosen stories grouped by round (newest period first), each round's stories by rank. */
function byRound(items: SelectedItem[]) {
  const rounds = new Map<string, SelectedItem[]>();
  for (const item of items) rounds.set(item.roundId, [...(rounds.get(item.roundId) ?? []), item]);
  return [...rounds.values()];
}

/** /w/:slug/verhalen/gekozen: what reports include — the chosen stories of finished rounds, with the reasons. */
export default function MscSelectedPage() {
  const t = useT(mm);
  const f = useFormat();
  const page = usePagePath();
  const { workspace } = useWorkspace();
  const [params, setParams] = useSearchParams();
  const periodId = params.get('periode') ?? '';
  const domainId = params.get('domein') ?? '';
  const [draft, setDraft] = useState({ periodId, domainId });
  const periods = usePeriods();
  const domains = useDomains();
  const query = new URLSearchParams({ ...(periodId ? { periodId } : {}), ...(domainId ? { domainId } : {}) }).toString();
  const selected = useQuery({ queryKey: mscKeys.selected(workspace.slug, query), queryFn: () => api.get<SelectedList>(wsPath(workspace.slug, `msc/selected${query ? `?${query}` : ''}`)) });
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
      <PageHeading title={t('selected.title')} />
      <Paragraph>{t('selected.intro')}</Paragraph>
      <form className="dichter-filters" noValidate onSubmit={apply}>
        <SelectField
          id="selected-period"
          label={t('selected.period')}
          value={draft.periodId}
          onChange={(e) => setDraft({ ...draft, periodId: e.target.value })}
          options={[{ value: '', label: t('stories.allPeriods') }, ...(periods.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))]}
        />
        <SelectField
          id="selected-domain"
          label={t('selected.domain')}
          value={draft.domainId}
          onChange={(e) => setDraft({ ...draft, domainId: e.target.value })}
          options={[{ value: '', label: t('allDomains') }, ...(domains.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))]}
        />
        <div className="dichter-filters__actions">
          <Button type="submit">{t('selected.filter')}</Button>
        </div>
      </form>
      <Loaded
        query={selected}
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyState title={t('selected.emptyTitle')}>
            <Paragraph>{t('selected.empty')}</Paragraph>
          </EmptyState>
        }
      >
        {(data) =>
          byRound(data.items).map((items) => {
            const first = items[0];
            const headingId = `selected-round-${first.roundId}`;
            return (
              <section key={first.roundId} className="dichter-section" aria-labelledby={headingId}>
                <Heading level={2} id={headingId}>
                  <Link to={page(`verhalen/rondes/${first.roundId}`)}>{t('selected.round', { round: first.roundName, date: f.date(first.heldOn) })}</Link>
                </Heading>
                <Paragraph small>
                  {first.periodName}
                  {first.roundDomainName ? ` · ${first.roundDomainName}` : ''}
                  {first.panel.length > 0 && ` · ${t('selected.panel', { names: first.panel.map((p) => p.name).join(', ') })}`}
                </Paragraph>
                <ol className="dichter-cards">
                  {items.map((item) => (
                    <li key={item.id}>
                      <StoryCard story={item.story}>
                        <Heading level={4} appearance={5}>
                          {t('round.rankLabel', { rank: item.rank })} · {t('selected.reason')}
                        </Heading>
                        <StoryText text={item.reason} />
                      </StoryCard>
                    </li>
                  ))}
                </ol>
              </section>
            );
          })
        }
      </Loaded>
    </>
  );
}
