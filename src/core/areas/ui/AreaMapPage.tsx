import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api, wsPath } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { shellMessages } from '../../../web/messages';
import { BackLink, Button, ButtonLink, DataTable, EmptyState, Heading, Link, LoadError, Loading, PageHeading, Paragraph, useDraft } from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import { m } from './messages';
import { CliImport, KindSelect, YearSelect } from './parts';
import { projectAreas, type AreaCollection, type ProjectedMap } from './projection';
import { areaKeys, isKind, useAreaAbilities, useAreaYears, useKindLabel, type AreaKind } from './shared';

/** The SVG map: every area a link (focusable, named by its name and code) to its detail page. */
function AreaSvg({ map, label }: { map: ProjectedMap; label: string }) {
  const page = usePagePath();
  const navigate = useNavigate();
  const t = useT(m);
  const titleId = useId();
  return (
    <svg className="dichter-map__svg" viewBox={`0 0 ${map.width} ${map.height}`} role="group" aria-labelledby={titleId} preserveAspectRatio="xMidYMid meet">
      <title id={titleId}>{label}</title>
      {map.areas.map((area) => {
        const href = page(`gebieden/${area.id}`);
        const name = area.code ? t('map.linkLabel', { name: area.name, code: area.code }) : area.name;
        return (
          <a
            key={area.id}
            href={href}
            aria-label={name}
            className="dichter-map__area"
            onClick={(event) => {
              if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
              event.preventDefault();
              navigate(href);
            }}
          >
            <title>{name}</title>
            <path d={area.d} fillRule="evenodd" />
          </a>
        );
      })}
    </svg>
  );
}

export default function AreaMapPage() {
  const t = useT(m);
  const ts = useT(shellMessages);
  const f = useFormat();
  const kindLabel = useKindLabel();
  const { workspace } = useWorkspace();
  const page = usePagePath();
  const abilities = useAreaAbilities();
  const years = useAreaYears();
  const [params, setParams] = useSearchParams();
  const kind: AreaKind = isKind(params.get('soort')) ? (params.get('soort') as AreaKind) : 'buurt';
  const latestYear = years.data?.items.reduce((max, y) => Math.max(max, y.year), 0) || undefined;
  const year = /^\d{4}$/.test(params.get('jaar') ?? '') ? Number(params.get('jaar')) : latestYear;
  const [draft, setDraft] = useDraft({ kind: kind as string, year: year ? String(year) : '' });
  const query = new URLSearchParams({ kind });
  if (year) query.set('year', String(year));
  const geojson = useQuery({
    queryKey: [...areaKeys.maps(workspace.slug), query.toString()],
    queryFn: () => api.get<AreaCollection>(wsPath(workspace.slug, `areas/geojson?${query}`)),
    enabled: years.isSuccess,
    staleTime: 5 * 60_000,
  });
  const map = useMemo(() => (geojson.data ? projectAreas(geojson.data) : null), [geojson.data]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (draft.kind) next.set('soort', draft.kind);
    if (draft.year) next.set('jaar', draft.year);
    setParams(next);
  };
  const label = year
    ? t('map.figure', { kind: kindLabel.many(kind).toLowerCase(), year, count: map?.areas.length ?? 0 })
    : t('map.figureNoYear', { kind: kindLabel.many(kind).toLowerCase(), count: map?.areas.length ?? 0 });
  const sorted = map ? [...map.areas].sort((a, b) => a.name.localeCompare(b.name, 'nl')) : [];
  return (
    <>
      <BackLink to={page('gebieden')}>{t('detail.backToList')}</BackLink>
      <PageHeading title={t('map.title')} />
      <Paragraph>{t('map.intro')}</Paragraph>
      <form className="dichter-filters" onSubmit={submit} noValidate>
        <KindSelect id="map-kind" required value={draft.kind} onChange={(kind) => setDraft({ ...draft, kind })} />
        <YearSelect id="map-year" required value={draft.year} onChange={(year) => setDraft({ ...draft, year })} />
        <div className="dichter-filters__actions">
          <Button type="submit" appearance="primary">
            {t('map.show')}
          </Button>
        </div>
      </form>
      {years.isPending || (geojson.isPending && geojson.fetchStatus !== 'idle') ? (
        <Loading />
      ) : years.isError || geojson.isError ? (
        <LoadError error={years.error ?? geojson.error} onRetry={() => (years.refetch(), geojson.refetch())} />
      ) : !map || map.areas.length === 0 ? (
        <EmptyState title={t('map.emptyTitle')}>
          <Paragraph>{t('map.empty')}</Paragraph>
          <CliImport />
          {abilities.data?.import && (
            <Paragraph>
              <ButtonLink to={page('gebieden/import')}>{t('action.import')}</ButtonLink>
            </Paragraph>
          )}
        </EmptyState>
      ) : (
        <div className="dichter-map">
          <figure className="dichter-map__figure">
            <AreaSvg map={map} label={label} />
            <figcaption className="dichter-small">
              {label}. {t('map.source')}
            </figcaption>
          </figure>
          <section className="dichter-map__table" aria-labelledby="map-table">
            <Heading level={2} appearance={3} id="map-table">
              {t('map.table')}
            </Heading>
            <DataTable
              caption={label}
              captionHidden
              rows={sorted}
              rowKey={(area) => area.id}
              columns={[
                { header: t('col.name'), rowHeader: true, cell: (area) => <Link to={page(`gebieden/${area.id}`)}>{area.name}</Link> },
                { header: t('col.code'), cell: (area) => area.code ?? ts('common.none') },
                { header: t('col.population'), numeric: true, cell: (area) => (area.population === null ? ts('common.none') : f.number(area.population)) },
              ]}
            />
          </section>
        </div>
      )}
    </>
  );
}
