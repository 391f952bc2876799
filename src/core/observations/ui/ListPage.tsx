import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api, wsPath } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { shellMessages } from '../../../web/messages';
import {
  Button,
  ButtonGroup,
  ButtonLink,
  DataTable,
  EmptyState,
  ExternalLink,
  FieldShell,
  Heading,
  Link,
  Loaded,
  PageHeading,
  Paragraph,
  SelectField,
  TextField,
  UrlPagination,
  useUrlOffset,
} from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import { m } from './messages';
import {
  Due,
  isKind,
  isStatus,
  KIND_LIST,
  KindBadge,
  lineLabel,
  OPEN_STATUSES,
  OverdueBadge,
  STATUS_LIST,
  StatusBadge,
  observationKeys,
  useAbilities,
  useActionLines,
  useAreaGroups,
  useDraft,
  useLabels,
  useNarrowScreen,
  useTemplates,
  type ListView,
  type ObservationSummaryView,
} from './shared';
import { isIsoDate, isUuid } from './text';
import './observations.css';

const PAGE_SIZE = 25;

/** The filters as they stand in the page's URL (Dutch names, so a filtered list can be shared). */
type Filters = {
  zoek: string;
  soort: string;
  status: string;
  gebied: string;
  actielijn: string;
  eigenaar: string;
  melder: string;
  telaat: string;
  van: string;
  tot: string;
  tags: string;
};
const NO_FILTERS: Filters = { zoek: '', soort: '', status: '', gebied: '', actielijn: '', eigenaar: '', melder: '', telaat: '', van: '', tot: '', tags: '' };

/** Only values the API accepts: anything else in the URL is left out instead of failing the page. */
function readFilters(params: URLSearchParams): Filters {
  const get = (name: string) => params.get(name) ?? '';
  return {
    zoek: get('zoek').slice(0, 200),
    soort: isKind(params.get('soort')) ? get('soort') : '',
    status: isStatus(params.get('status')) ? get('status') : '',
    gebied: isUuid(params.get('gebied')) ? get('gebied') : '',
    actielijn: isUuid(params.get('actielijn')) ? get('actielijn') : '',
    eigenaar: get('eigenaar') === 'ik' ? 'ik' : '',
    melder: get('melder') === 'ik' ? 'ik' : '',
    telaat: get('telaat') === 'ja' ? 'ja' : '',
    van: isIsoDate(params.get('van')) ? get('van') : '',
    tot: isIsoDate(params.get('tot')) ? get('tot') : '',
    tags: get('tags').slice(0, 400),
  };
}

/** The same filters in the API's names, for the list and the export. */
function apiQuery(f: Filters) {
  const q = new URLSearchParams();
  if (f.zoek.trim()) q.set('q', f.zoek.trim());
  if (f.soort) q.set('kind', f.soort);
  if (f.status) q.set('status', f.status);
  if (f.gebied) q.set('areaId', f.gebied);
  if (f.actielijn) q.set('ladderNodeId', f.actielijn);
  if (f.eigenaar) q.set('ownerId', 'me');
  if (f.melder) q.set('reporter', 'me');
  if (f.telaat) q.set('overdue', 'true');
  if (f.van) q.set('from', f.van);
  if (f.tot) q.set('to', f.tot);
  if (f.tags.trim()) q.set('tags', f.tags.trim());
  return q;
}

type Facet = NonNullable<ListView['facets']>['kind'];
const countOf = (facet: Facet | undefined, value: string) => facet?.find((x) => x.value === value)?.count ?? 0;

function Checkbox({ id, label, checked, onChange }: { id: string; label: string; checked: boolean; onChange(v: boolean): void }) {
  return (
    <div className="dichter-field obs-checkbox">
      <input id={id} type="checkbox" className="utrecht-checkbox utrecht-checkbox--html-input" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
        {label}
      </label>
    </div>
  );
}

function FilterForm({ values, facets, onApply }: { values: Filters; facets: ListView['facets'] | undefined; onApply(next: Filters): void }) {
  const t = useT(m);
  const f = useFormat();
  const labels = useLabels();
  const narrow = useNarrowScreen();
  const groups = useAreaGroups();
  const lines = useActionLines();
  const [draft, setDraft] = useDraft(values);
  const active = (Object.keys(NO_FILTERS) as (keyof Filters)[]).filter((k) => k !== 'zoek' && values[k]).length;
  const [open, setOpen] = useState(active > 0 || !narrow);
  const set = (name: keyof Filters, value: string) => setDraft({ ...draft, [name]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  // Counts are of the current selection; a filtered dimension counts only its chosen value.
  // A selection too big to count (facets null) shows no counts at all rather than zeros.
  const withCount = (label: string, count: number | undefined) => (count === undefined ? label : `${label} (${f.number(count)})`);
  const countFor = (dimension: 'soort' | 'status', facet: Facet | undefined, value: string) => (!facets || (values[dimension] && values[dimension] !== value) ? undefined : countOf(facet, value));
  const areaCount = (id: string, childIds: string[] = []) => (!facets || (values.gebied && values.gebied !== id) ? undefined : [id, ...childIds].reduce((sum, a) => sum + countOf(facets?.area, a), 0));
  return (
    <div role="search" aria-label={t('filter.label')} className="obs-filters">
      <form onSubmit={submit} noValidate>
        <div className="dichter-search-row obs-search-row">
          <TextField id="obs-q" type="search" label={t('filter.q')} aria-describedby="obs-q-help" value={draft.zoek} maxLength={200} enterKeyHint="search" onChange={(e) => set('zoek', e.target.value)} />
          <Button type="submit" appearance="primary">
            {t('filter.search')}
          </Button>
        </div>
        <Paragraph small id="obs-q-help" className="obs-search-help">
          {t('filter.qHelp')}
        </Paragraph>
        <details className="obs-filter-panel" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary className="obs-filter-panel__summary">{active ? t('filter.moreActive', { count: active }) : t('filter.more')}</summary>
          <div className="dichter-filters obs-filter-grid">
            <SelectField
              id="obs-filter-kind"
              label={t('col.kind')}
              value={draft.soort}
              onChange={(e) => set('soort', e.target.value)}
              options={[{ value: '', label: t('filter.anyKind') }, ...KIND_LIST.map((k) => ({ value: k, label: withCount(labels.kind(k), countFor('soort', facets?.kind, k)) }))]}
            />
            <SelectField
              id="obs-filter-status"
              label={t('detail.status')}
              value={draft.status}
              onChange={(e) => set('status', e.target.value)}
              options={[{ value: '', label: t('filter.anyStatus') }, ...STATUS_LIST.map((s) => ({ value: s, label: withCount(labels.status(s), countFor('status', facets?.status, s)) }))]}
            />
            <FieldShell id="obs-filter-area" label={t('field.area')}>
              <select id="obs-filter-area" className="utrecht-select utrecht-select--html-select" value={draft.gebied} onChange={(e) => set('gebied', e.target.value)}>
                <option value="">{t('filter.anyArea')}</option>
                {(groups.data ?? []).map((g) => (
                  <optgroup key={g.wijk?.id ?? 'loose'} label={g.wijk?.name ?? t('field.otherBuurten')}>
                    {g.wijk && (
                      <option value={g.wijk.id}>
                        {withCount(
                          t('field.wholeWijk', { name: g.wijk.name }),
                          areaCount(
                            g.wijk.id,
                            g.buurten.map((b) => b.id),
                          ),
                        )}
                      </option>
                    )}
                    {g.buurten.map((b) => (
                      <option key={b.id} value={b.id}>
                        {withCount(b.name, areaCount(b.id))}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </FieldShell>
            <SelectField
              id="obs-filter-line"
              label={t('field.line')}
              value={draft.actielijn}
              onChange={(e) => set('actielijn', e.target.value)}
              options={[{ value: '', label: t('filter.anyLine') }, ...(lines.data ?? []).map((n) => ({ value: n.id, label: lineLabel(n) }))]}
            />
            <TextField id="obs-filter-from" type="date" label={t('filter.from')} className="dichter-input-date" value={draft.van} onChange={(e) => set('van', e.target.value)} />
            <TextField id="obs-filter-to" type="date" label={t('filter.to')} className="dichter-input-date" value={draft.tot} onChange={(e) => set('tot', e.target.value)} />
            <TextField id="obs-filter-tags" label={t('field.tags')} description={t('filter.tagsHelp')} value={draft.tags} maxLength={400} onChange={(e) => set('tags', e.target.value)} />
          </div>
          <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset obs-filter-checks">
            <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend dichter-visually-hidden">{t('filter.only')}</legend>
            <Checkbox id="obs-filter-mine" label={t('filter.mine')} checked={!!draft.eigenaar} onChange={(v) => set('eigenaar', v ? 'ik' : '')} />
            <Checkbox id="obs-filter-reported" label={t('filter.reported')} checked={!!draft.melder} onChange={(v) => set('melder', v ? 'ik' : '')} />
            <Checkbox
              id="obs-filter-overdue"
              label={facets && !values.telaat ? t('filter.overdueCount', { count: f.number(facets.overdue) }) : t('filter.overdue')}
              checked={!!draft.telaat}
              onChange={(v) => set('telaat', v ? 'ja' : '')}
            />
          </fieldset>
          <ButtonGroup className="dichter-filters__actions">
            <Button type="submit" appearance="secondary">
              {t('filter.apply')}
            </Button>
            {(active > 0 || values.zoek) && (
              <Button appearance="subtle" onClick={() => onApply(NO_FILTERS)}>
                {t('filter.reset')}
              </Button>
            )}
          </ButtonGroup>
        </details>
      </form>
    </div>
  );
}

function Results({ data }: { data: ListView }) {
  const t = useT(m);
  const f = useFormat();
  const ts = useT(shellMessages);
  const labels = useLabels();
  const page = usePagePath();
  const narrow = useNarrowScreen();
  const href = (o: ObservationSummaryView) => page(`waarnemingen/${o.id}`);
  const overdueBadge = (o: ObservationSummaryView) =>
    o.overdue && OPEN_STATUSES.includes(o.status) ? (
      <>
        {' '}
        <OverdueBadge />
      </>
    ) : null;
  if (narrow) {
    return (
      <ul className="obs-cards" aria-label={t('list.caption')}>
        {data.items.map((o) => (
          <li key={o.id} className="obs-card">
            <Heading level={3} appearance={5} className="obs-card__title">
              <Link to={href(o)}>{o.title}</Link>
            </Heading>
            <p className="nl-paragraph obs-badges">
              <span className="obs-number">{t('detail.numberShort', { number: o.number })}</span> <KindBadge kind={o.kind} /> <StatusBadge status={o.status} />
              {overdueBadge(o)}
            </p>
            <p className="nl-paragraph dichter-small">
              {[o.areaName, f.date(o.occurredAt)].filter(Boolean).join(' · ')}
              {o.ownerName && (
                <>
                  <br />
                  {t('list.ownerLine', { name: o.ownerName })}
                  {o.dueAt && OPEN_STATUSES.includes(o.status) && (
                    <>
                      {' · '}
                      {t('list.dueLine')} <Due dueAt={o.dueAt} overdue={false} open={false} />
                    </>
                  )}
                </>
              )}
            </p>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <DataTable
      caption={t('list.caption')}
      captionHidden
      rows={data.items}
      rowKey={(o) => o.id}
      columns={[
        { header: t('col.number'), numeric: true, cell: (o) => o.number },
        { header: t('col.title'), rowHeader: true, cell: (o) => <Link to={href(o)}>{o.title}</Link> },
        { header: t('col.kind'), cell: (o) => labels.kind(o.kind) },
        {
          header: t('detail.status'),
          cell: (o) => (
            <>
              {labels.status(o.status)}
              {overdueBadge(o)}
            </>
          ),
        },
        { header: t('field.area'), cell: (o) => o.areaName ?? ts('common.none') },
        { header: t('detail.owner'), cell: (o) => o.ownerName ?? ts('common.none') },
        { header: t('detail.due'), className: 'dichter-nowrap', cell: (o) => (o.dueAt && OPEN_STATUSES.includes(o.status) ? <Due dueAt={o.dueAt} overdue={false} open={false} /> : ts('common.none')) },
        { header: t('col.occurredAt'), cell: (o) => f.date(o.occurredAt) },
      ]}
    />
  );
}

/** All observations the member may see: search, filters with counts, paging, export. */
export default function ListPage() {
  const t = useT(m);
  const f = useFormat();
  const { workspace } = useWorkspace();
  const page = usePagePath();
  const [params, setParams] = useSearchParams();
  const values = readFilters(params);
  const [offset] = useUrlOffset();
  const query = apiQuery(values);
  const filtered = query.toString() !== '';
  query.set('limit', String(PAGE_SIZE));
  query.set('offset', String(offset));
  const list = useQuery({
    queryKey: observationKeys.list(workspace.slug, query.toString()),
    queryFn: () => api.get<ListView>(wsPath(workspace.slug, `observations?${query}`)),
    placeholderData: keepPreviousData,
  });
  const abilities = useAbilities();
  const templates = useTemplates();
  const can = list.data?.can ?? abilities.data;
  const apply = (next: Filters) => {
    const p = new URLSearchParams();
    for (const [name, value] of Object.entries(next)) if (value.trim()) p.set(name, value.trim());
    setParams(p);
  };
  const exportHref = (format: string) => {
    const q = apiQuery(values);
    q.set('format', format);
    return wsPath(workspace.slug, `observations/export?${q}`);
  };
  const nothingAtAll = !filtered && list.data?.total === 0;
  return (
    <>
      <PageHeading title={t('list.title')} />
      <Paragraph>{t('list.intro')}</Paragraph>
      <ButtonGroup className="obs-actions">
        {can?.create && (
          <ButtonLink appearance="primary" to={page('waarnemingen/nieuw')}>
            {t('action.new')}
          </ButtonLink>
        )}
        <ButtonLink to={page('inbox')}>{t('action.inbox')}</ButtonLink>
        {templates.data?.can.manage && <ButtonLink to={page('waarnemingen/standaardantwoorden')}>{t('action.templates')}</ButtonLink>}
        {can?.import && <ButtonLink to={page('waarnemingen/importeren')}>{t('action.import')}</ButtonLink>}
      </ButtonGroup>
      {nothingAtAll ? (
        <EmptyState title={t('empty.title')}>
          <Paragraph>{t('empty.body')}</Paragraph>
          {can?.create ? (
            <ButtonLink appearance="primary" to={page('waarnemingen/nieuw')}>
              {t('action.new')}
            </ButtonLink>
          ) : (
            <Paragraph>{t('empty.readOnly')}</Paragraph>
          )}
          {can?.import && (
            <Paragraph>
              {t('empty.import')} <Link to={page('waarnemingen/importeren')}>{t('action.import')}</Link>
            </Paragraph>
          )}
        </EmptyState>
      ) : (
        <>
          <FilterForm values={values} facets={list.data?.facets} onApply={apply} />
          <Loaded query={list}>
            {(data) => (
              <>
                <Paragraph role="status" className="obs-count">
                  {!data.totalExact ? t('list.countMore', { total: f.number(data.total) }) : data.total === 1 ? t('list.countOne') : t('list.count', { total: f.number(data.total) })}
                  {!!data.facets?.overdue && ` ${t('list.countOverdue', { count: f.number(data.facets.overdue) })}`}
                </Paragraph>
                {can?.export && data.total > 0 && (
                  <Paragraph small>
                    {filtered ? t('export.filtered') : t('export.all')}{' '}
                    <ExternalLink href={exportHref('csv')} download>
                      CSV
                    </ExternalLink>
                    {' · '}
                    <ExternalLink href={exportHref('xlsx')} download>
                      Excel (XLSX)
                    </ExternalLink>
                    {' · '}
                    <ExternalLink href={exportHref('json')} download>
                      JSON
                    </ExternalLink>
                  </Paragraph>
                )}
                {data.items.length === 0 ? (
                  <EmptyState title={t('empty.noMatchTitle')}>
                    <Paragraph>{t('empty.noMatch')}</Paragraph>
                    <Button appearance="secondary" onClick={() => apply(NO_FILTERS)}>
                      {t('filter.reset')}
                    </Button>
                  </EmptyState>
                ) : (
                  <Results data={data} />
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
