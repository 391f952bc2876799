import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api, wsPath } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { shellMessages } from '../../../web/messages';
import { Button, ButtonGroup, ButtonLink, DataTable, EmptyState, Link, Loaded, PageHeading, Paragraph, TextField, UrlPagination, useDraft, useUrlOffset } from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import type { AreaListView, AreaView } from '../schema';
import { m } from './messages';
import { CliImport, KindSelect, YearSelect } from './parts';
import { areaKeys, isKind, useKindLabel } from './shared';

const PAGE_SIZE = 50;

/** Filters live in the URL (?soort=buurt&jaar=2024&zoek=…&vanaf=50), so a filtered list can be shared. */
export default function AreaListPage() {
  const t = useT(m);
  const ts = useT(shellMessages);
  const f = useFormat();
  const kindLabel = useKindLabel();
  const { workspace } = useWorkspace();
  const page = usePagePath();
  const [params, setParams] = useSearchParams();
  const kind = isKind(params.get('soort')) ? params.get('soort')! : '';
  const year = /^\d{4}$/.test(params.get('jaar') ?? '') ? params.get('jaar')! : '';
  const q = params.get('zoek') ?? '';
  const parentId = params.get('binnen') ?? '';
  const [offset] = useUrlOffset();
  const [draft, setDraft] = useDraft({ kind, year, q });
  const query = new URLSearchParams();
  if (kind) query.set('kind', kind);
  if (year) query.set('year', year);
  if (q) query.set('q', q);
  if (parentId) query.set('parentId', parentId);
  query.set('limit', String(PAGE_SIZE));
  query.set('offset', String(offset));
  const areas = useQuery({
    queryKey: [...areaKeys.lists(workspace.slug), query.toString()],
    queryFn: () => api.get<AreaListView>(wsPath(workspace.slug, `areas?${query}`)),
    placeholderData: keepPreviousData,
  });
  const parent = useQuery({
    queryKey: ['w', workspace.slug, 'areas', parentId],
    queryFn: () => api.get<AreaView>(wsPath(workspace.slug, `areas/${encodeURIComponent(parentId)}`)),
    enabled: !!parentId,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (draft.kind) next.set('soort', draft.kind);
    if (draft.year) next.set('jaar', draft.year);
    if (draft.q.trim()) next.set('zoek', draft.q.trim());
    if (parentId) next.set('binnen', parentId);
    setParams(next);
  };
  const filtered = !!(kind || year || q || parentId);
  const nothingAtAll = !filtered && areas.data?.total === 0;
  const can = areas.data?.can;
  return (
    <>
      <PageHeading title={t('title')} />
      <Paragraph>{t('intro')}</Paragraph>
      <ButtonGroup className="dichter-section">
        {can?.create && (
          <ButtonLink to={page('gebieden/nieuw')} appearance="primary">
            {t('action.add')}
          </ButtonLink>
        )}
        {can?.import && <ButtonLink to={page('gebieden/import')}>{t('action.import')}</ButtonLink>}
        <ButtonLink to={page(`gebieden/kaart${year ? `?jaar=${year}` : ''}`)}>{t('action.map')}</ButtonLink>
      </ButtonGroup>

      {nothingAtAll ? (
        <EmptyState title={t('empty.title')}>
          <Paragraph>{t('empty.body')}</Paragraph>
          <Paragraph>{t('empty.cli')}</Paragraph>
          <CliImport />
        </EmptyState>
      ) : (
        <>
          <div role="search" aria-label={t('filter.title')}>
            <form className="dichter-filters" onSubmit={submit} noValidate>
              <KindSelect id="area-filter-kind" value={draft.kind} onChange={(kind) => setDraft({ ...draft, kind })} />
              <YearSelect id="area-filter-year" value={draft.year} onChange={(year) => setDraft({ ...draft, year })} />
              <TextField id="area-filter-q" label={t('filter.q')} type="search" value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
              <ButtonGroup className="dichter-filters__actions">
                <Button type="submit" appearance="primary">
                  {t('filter.submit')}
                </Button>
                {filtered && (
                  <Button appearance="subtle" onClick={() => setParams(new URLSearchParams())}>
                    {t('filter.reset')}
                  </Button>
                )}
              </ButtonGroup>
            </form>
          </div>
          {parentId && (
            <Paragraph>{parent.data ? t('filter.parent', { name: parent.data.name }) : t('filter.parentUnknown')}</Paragraph>
          )}
          <Loaded query={areas}>
            {(data) => (
              <>
                <Paragraph role="status">{data.total === 1 ? t('list.countOne') : t('list.count', { total: f.number(data.total) })}</Paragraph>
                {data.items.length === 0 ? (
                  <Paragraph>{t('empty.noMatch')}</Paragraph>
                ) : (
                  <DataTable
                    caption={t('list.caption')}
                    captionHidden
                    rows={data.items}
                    rowKey={(area) => area.id}
                    columns={[
                      { header: t('col.name'), rowHeader: true, cell: (area) => <Link to={page(`gebieden/${area.id}`)}>{area.name}</Link> },
                      { header: t('col.code'), cell: (area) => area.code ?? ts('common.none') },
                      { header: t('col.kind'), cell: (area) => kindLabel.one(area.kind) },
                      { header: t('col.year'), numeric: true, cell: (area) => area.year },
                      { header: t('col.population'), numeric: true, cell: (area) => (area.population === null ? ts('common.none') : f.number(area.population)) },
                    ]}
                  />
                )}
                <UrlPagination total={data.total} limit={PAGE_SIZE} />
              </>
            )}
          </Loaded>
        </>
      )}
    </>
  );
}
