import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { api } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { NotFoundPage } from '../../../web/pages/NotFoundPage';
import { Button, ButtonGroup, ButtonLink, DataTable, EmptyState, Link, LoadError, Loading, PageHeading, Paragraph, Section, SelectField, UrlPagination, useUrlOffset } from '../../../web/ui';
import { pm } from './public-messages';
import { PublicMap, type MapLevel } from './PublicMap';
import { AreaSelect, isPublicKind, isPublicStatus, isStatus, PUBLIC_KINDS, PUBLIC_STATUSES, publicApi, publicKeys, usePublicAreas, usePublicLabels, type PublicList, type PublicObservation } from './PublicParts';

const PAGE = 20;
/** The map counts at most this many reports (the newest), in pages of 500. */
const MAP_LIMIT = 2000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The filters in the URL: ?soort=&status=&buurt= (an area id), and ?kaart=wijk for the map per wijk. */
function useFilters() {
  const [params, setParams] = useSearchParams();
  const kind = params.get('soort');
  const status = params.get('status');
  const area = params.get('buurt');
  return {
    params,
    setParams,
    kind: isPublicKind(kind) ? kind : '',
    status: isPublicStatus(status) ? status : '',
    areaId: area && UUID.test(area) ? area : '',
    level: (params.get('kaart') === 'wijk' ? 'wijk' : 'buurt') as MapLevel,
  };
}

/** Every public report that matches kind and status (for the map), newest first, up to MAP_LIMIT. */
async function allMatching(slug: string, base: URLSearchParams) {
  const items: PublicObservation[] = [];
  let total = 0;
  for (let offset = 0; offset < MAP_LIMIT; offset += 500) {
    const q = new URLSearchParams(base);
    q.set('limit', '500');
    q.set('offset', String(offset));
    const page = await api.get<PublicList>(publicApi.list(slug, q.toString()));
    items.push(...page.items);
    total = page.total;
    if (items.length >= page.total || page.items.length === 0) break;
  }
  return { items, total };
}

/** /openbaar/:slug/meldingen: the public reports of a workspace, as a list and a map, without signing in. */
export default function PublicListPage() {
  const t = useT(pm);
  const f = useFormat();
  const labels = usePublicLabels();
  const { slug = '' } = useParams();
  const filters = useFilters();
  const [offset] = useUrlOffset();
  const areas = usePublicAreas(slug);

  const listQuery = new URLSearchParams();
  if (filters.kind) listQuery.set('kind', filters.kind);
  if (filters.status) listQuery.set('status', filters.status);
  const mapQuery = new URLSearchParams(listQuery);
  if (filters.areaId) listQuery.set('areaId', filters.areaId);
  listQuery.set('limit', String(PAGE));
  listQuery.set('offset', String(offset));
  const list = useQuery({
    queryKey: publicKeys.list(slug, listQuery.toString()),
    queryFn: () => api.get<PublicList>(publicApi.list(slug, listQuery.toString())),
    retry: false,
    placeholderData: (previous) => previous,
  });
  const all = useQuery({ queryKey: publicKeys.all(slug, mapQuery.toString()), queryFn: () => allMatching(slug, mapQuery), retry: false, staleTime: 60_000 });

  const [draft, setDraft] = useState({ kind: filters.kind as string, status: filters.status as string, areaId: filters.areaId });
  useEffect(() => setDraft({ kind: filters.kind, status: filters.status, areaId: filters.areaId }), [filters.kind, filters.status, filters.areaId]);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (draft.kind) next.set('soort', draft.kind);
    if (draft.status) next.set('status', draft.status);
    if (draft.areaId) next.set('buurt', draft.areaId);
    if (filters.level === 'wijk') next.set('kaart', 'wijk');
    filters.setParams(next);
  };
  const withParams = (change: Record<string, string | null>) => {
    const next = new URLSearchParams(filters.params);
    next.delete('vanaf');
    for (const [k, v] of Object.entries(change)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    const qs = next.toString();
    return `/openbaar/${slug}/meldingen${qs ? `?${qs}` : ''}`;
  };

  if (list.isError && isStatus(list.error, 404)) return <NotFoundPage />;
  const name = list.data?.workspaceName;
  const filtered = !!(filters.kind || filters.status || filters.areaId);
  const mapLevel = filters.level;

  return (
    <>
      <PageHeading title={name ? t('list.title', { name }) : t('list.titlePlain')} />
      <Paragraph lead>{t('list.intro')}</Paragraph>
      <ButtonGroup>
        <ButtonLink to={`/openbaar/${slug}/melden`} appearance="primary">
          {t('list.report')}
        </ButtonLink>
        <ButtonLink to={`/openbaar/${slug}`} appearance="secondary">
          {t('list.ladder')}
        </ButtonLink>
      </ButtonGroup>

      <form className="dichter-filters" onSubmit={apply} aria-label={t('list.filters')}>
        <SelectField
          id="public-kind"
          label={t('list.kind')}
          value={draft.kind}
          onChange={(e) => setDraft({ ...draft, kind: e.target.value })}
          options={[{ value: '', label: t('list.allKinds') }, ...PUBLIC_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))]}
        />
        <SelectField
          id="public-status"
          label={t('list.status')}
          value={draft.status}
          onChange={(e) => setDraft({ ...draft, status: e.target.value })}
          options={[{ value: '', label: t('list.allStatuses') }, ...PUBLIC_STATUSES.map((s) => ({ value: s, label: labels.status(s) }))]}
        />
        <AreaSelect id="public-area" label={t('list.area')} areas={areas.data} wholeWijk emptyLabel={t('list.allAreas')} value={draft.areaId} onChange={(e) => setDraft({ ...draft, areaId: e.target.value })} />
        <div className="dichter-filters__actions">
          <Button type="submit" appearance="secondary">
            {t('list.filter')}
          </Button>
          {filtered && <Link to={`/openbaar/${slug}/meldingen${mapLevel === 'wijk' ? '?kaart=wijk' : ''}`}>{t('list.clear')}</Link>}
        </div>
      </form>

      <p className="nl-paragraph" role="status">
        {list.data ? (list.data.total === 1 ? t('list.foundOne') : t('list.found', { count: f.number(list.data.total) })) : ''}
      </p>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <LoadError error={list.error} onRetry={() => list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={t('list.emptyTitle')}>
          <Paragraph>{t('list.empty')}</Paragraph>
        </EmptyState>
      ) : (
        <>
          <DataTable
            caption={t('list.caption')}
            captionHidden
            rows={list.data.items}
            rowKey={(o) => String(o.number)}
            columns={[
              { header: t('list.col.number'), numeric: true, cell: (o) => o.number },
              { header: t('list.col.date'), cell: (o) => <span className="dichter-nowrap">{f.date(o.createdAt)}</span> },
              { header: t('list.col.kind'), cell: (o) => labels.kind(o.kind) },
              { header: t('list.col.title'), rowHeader: true, cell: (o) => o.title },
              { header: t('list.col.area'), cell: (o) => o.areaName ?? t('list.noArea') },
              { header: t('list.col.status'), cell: (o) => labels.status(o.status) },
            ]}
          />
          <UrlPagination total={list.data.total} limit={PAGE} />
        </>
      )}

      <Section id="public-map" title={t('map.title')}>
        <Paragraph>{t('map.intro', { level: mapLevel === 'wijk' ? t('map.levelWijk') : t('map.levelBuurt') })}</Paragraph>
        <nav aria-label={t('map.level')}>
          <p className="nl-paragraph">
            {t('map.level')}:{' '}
            {mapLevel === 'buurt' ? (
              <strong aria-current="page">{t('map.byBuurt')}</strong>
            ) : (
              <Link to={withParams({ kaart: null })} preventScrollReset>
                {t('map.byBuurt')}
              </Link>
            )}{' '}
            |{' '}
            {mapLevel === 'wijk' ? (
              <strong aria-current="page">{t('map.byWijk')}</strong>
            ) : (
              <Link to={withParams({ kaart: 'wijk' })} preventScrollReset>
                {t('map.byWijk')}
              </Link>
            )}
          </p>
        </nav>
        {areas.isPending || all.isPending ? (
          <Loading />
        ) : areas.isError || all.isError ? (
          <LoadError error={areas.error ?? all.error} onRetry={() => (areas.refetch(), all.refetch())} />
        ) : (
          <PublicMap
            slug={slug}
            level={mapLevel}
            observations={all.data.items}
            areas={areas.data}
            areaHref={(id) => withParams({ buurt: id })}
            partial={all.data.total > all.data.items.length ? all.data.items.length : undefined}
          />
        )}
      </Section>
    </>
  );
}
