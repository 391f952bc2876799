import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api, wsPath, type List } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { shellMessages } from '../../../web/messages';
import {
  Button,
  ButtonGroup,
  ButtonLink,
  EmptyState,
  Link,
  LoadError,
  Loading,
  PageHeading,
  Pagination,
  Paragraph,
  RowHeader,
  SelectField,
  Table,
  TBody,
  Td,
  TextField,
  Th,
  THead,
  Tr,
} from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import type { AreaSummaryView, AreaView } from '../schema';
import { m } from './messages';
import { areaKeys, CLI_IMPORT, isKind, KIND_LIST, useAreaYears, useCanManageAreas, useKindLabel } from './shared';

const PAGE_SIZE = 50;

/** Filters live in the URL (?soort=buurt&jaar=2024&zoek=…&vanaf=50), so a filtered list can be shared. */
export default function AreaListPage() {
  const t = useT(m);
  const ts = useT(shellMessages);
  const f = useFormat();
  const kindLabel = useKindLabel();
  const { workspace } = useWorkspace();
  const page = usePagePath();
  const canManage = useCanManageAreas();
  const [params, setParams] = useSearchParams();
  const kind = isKind(params.get('soort')) ? params.get('soort')! : '';
  const year = /^\d{4}$/.test(params.get('jaar') ?? '') ? params.get('jaar')! : '';
  const q = params.get('zoek') ?? '';
  const parentId = params.get('binnen') ?? '';
  const offset = Math.max(0, Number(params.get('vanaf')) || 0);
  const [draft, setDraft] = useState({ kind, year, q });
  useEffect(() => setDraft({ kind, year, q }), [kind, year, q]);
  const years = useAreaYears();
  const query = new URLSearchParams();
  if (kind) query.set('kind', kind);
  if (year) query.set('year', year);
  if (q) query.set('q', q);
  if (parentId) query.set('parentId', parentId);
  query.set('limit', String(PAGE_SIZE));
  query.set('offset', String(offset));
  const areas = useQuery({
    queryKey: [...areaKeys.lists(workspace.slug), query.toString()],
    queryFn: () => api.get<List<AreaSummaryView>>(wsPath(workspace.slug, `areas?${query}`)),
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
  return (
    <>
      <PageHeading title={t('title')} />
      <Paragraph>{t('intro')}</Paragraph>
      <ButtonGroup className="dichter-section">
        {canManage && (
          <>
            <ButtonLink to={page('gebieden/nieuw')} appearance="primary">
              {t('action.add')}
            </ButtonLink>
            <ButtonLink to={page('gebieden/import')}>{t('action.import')}</ButtonLink>
          </>
        )}
        <ButtonLink to={page(`gebieden/kaart${year ? `?jaar=${year}` : ''}`)}>{t('action.map')}</ButtonLink>
      </ButtonGroup>

      {nothingAtAll ? (
        <EmptyState title={t('empty.title')}>
          <Paragraph>{t('empty.body')}</Paragraph>
          <Paragraph>{t('empty.cli')}</Paragraph>
          <pre className="dichter-pre">
            <code>{CLI_IMPORT(workspace.slug)}</code>
          </pre>
        </EmptyState>
      ) : (
        <>
          <div role="search" aria-label={t('filter.title')}>
            <form className="dichter-filters" onSubmit={submit} noValidate>
              <SelectField
                id="area-filter-kind"
                label={t('filter.kind')}
                value={draft.kind}
                onChange={(e) => setDraft({ ...draft, kind: e.target.value })}
                options={[{ value: '', label: t('filter.allKinds') }, ...KIND_LIST.map((k) => ({ value: k, label: kindLabel.many(k) }))]}
              />
              <SelectField
                id="area-filter-year"
                label={t('filter.year')}
                value={draft.year}
                onChange={(e) => setDraft({ ...draft, year: e.target.value })}
                options={[{ value: '', label: t('filter.allYears') }, ...(years.data?.items ?? []).map((y) => ({ value: String(y.year), label: String(y.year) }))]}
              />
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
          {areas.isPending ? (
            <Loading />
          ) : areas.isError ? (
            <LoadError error={areas.error} onRetry={() => areas.refetch()} />
          ) : (
            <>
              <Paragraph role="status">{areas.data.total === 1 ? t('list.countOne') : t('list.count', { total: f.number(areas.data.total) })}</Paragraph>
              {areas.data.items.length === 0 ? (
                <Paragraph>{t('empty.noMatch')}</Paragraph>
              ) : (
                <Table caption={t('list.caption')} captionHidden>
                  <THead>
                    <Th>{t('col.name')}</Th>
                    <Th>{t('col.code')}</Th>
                    <Th>{t('col.kind')}</Th>
                    <Th numeric>{t('col.year')}</Th>
                    <Th numeric>{t('col.population')}</Th>
                  </THead>
                  <TBody>
                    {areas.data.items.map((area) => (
                      <Tr key={area.id}>
                        <RowHeader>
                          <Link to={page(`gebieden/${area.id}`)}>{area.name}</Link>
                        </RowHeader>
                        <Td>{area.code ?? ts('common.none')}</Td>
                        <Td>{kindLabel.one(area.kind)}</Td>
                        <Td numeric>{area.year}</Td>
                        <Td numeric>{area.population === null ? ts('common.none') : f.number(area.population)}</Td>
                      </Tr>
                    ))}
                  </TBody>
                </Table>
              )}
              <Pagination
                total={areas.data.total}
                limit={PAGE_SIZE}
                offset={offset}
                onOffset={(next) => {
                  const p = new URLSearchParams(params);
                  if (next) p.set('vanaf', String(next));
                  else p.delete('vanaf');
                  setParams(p);
                }}
              />
            </>
          )}
        </>
      )}
    </>
  );
}
