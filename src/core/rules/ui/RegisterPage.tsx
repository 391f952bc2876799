import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api, wsPath } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { Button, ButtonGroup, ButtonLink, DataTable, EmptyState, ExternalLink, Heading, Link, Loaded, PageHeading, Paragraph, SelectField, TextField, UrlPagination, useDraft, useNarrowScreen, useUrlOffset } from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import { m } from './messages';
import { Badge, Checkbox, DOMAINS, isDomain, isKind, isLevel, KINDS, LEVELS, ruleKeys, useAbilities, useLabels, ValidityBadge, type RuleList, type RuleSummaryView } from './shared';
import './rules.css';

const PAGE_SIZE = 25;

/** The filters as they stand in the page's URL (Dutch names, so a filtered register can be shared). */
type Filters = { zoek: string; soort: string; niveau: string; domein: string; geldend: string };
const NO_FILTERS: Filters = { zoek: '', soort: '', niveau: '', domein: '', geldend: '' };

/** Only values the API accepts: anything else in the URL is left out instead of failing the page. */
function readFilters(params: URLSearchParams): Filters {
  const get = (name: string) => params.get(name) ?? '';
  return {
    zoek: get('zoek').slice(0, 200),
    soort: isKind(params.get('soort')) ? get('soort') : '',
    niveau: isLevel(params.get('niveau')) ? get('niveau') : '',
    domein: isDomain(params.get('domein')) ? get('domein') : '',
    geldend: get('geldend') === 'ja' ? 'ja' : '',
  };
}

function apiQuery(f: Filters) {
  const q = new URLSearchParams();
  if (f.zoek.trim()) q.set('q', f.zoek.trim());
  if (f.soort) q.set('kind', f.soort);
  if (f.niveau) q.set('level', f.niveau);
  if (f.domein) q.set('domain', f.domein);
  if (f.geldend) q.set('active', 'true');
  return q;
}

function FilterForm({ values, onApply }: { values: Filters; onApply(next: Filters): void }) {
  const t = useT(m);
  const labels = useLabels();
  const [draft, setDraft] = useDraft(values);
  const set = (name: keyof Filters, value: string) => setDraft({ ...draft, [name]: value });
  const active = (Object.keys(NO_FILTERS) as (keyof Filters)[]).some((k) => values[k]);
  const chosen = (['soort', 'niveau', 'domein', 'geldend'] as const).filter((k) => values[k]).length;
  const narrow = useNarrowScreen();
  // On a phone the filters fold away unless one is in use; the search box stays.
  const [open, setOpen] = useState(chosen > 0 || !narrow);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  return (
    <div role="search" aria-label={t('filter.label')} className="rules-filters">
      <form onSubmit={submit} noValidate>
        <div className="dichter-search-row">
          <TextField id="rules-q" type="search" label={t('filter.q')} aria-describedby="rules-q-help" value={draft.zoek} maxLength={200} enterKeyHint="search" onChange={(e) => set('zoek', e.target.value)} />
          <Button type="submit" appearance="primary">
            {t('filter.search')}
          </Button>
        </div>
        <Paragraph small id="rules-q-help" className="rules-search-help">
          {t('filter.qHelp')}
        </Paragraph>
        <details className="rules-details" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary>{chosen ? t('filter.moreActive', { count: chosen }) : t('filter.more')}</summary>
          <div className="dichter-filters">
            <SelectField
              id="rules-filter-kind"
              label={t('col.kind')}
              value={draft.soort}
              onChange={(e) => set('soort', e.target.value)}
              options={[{ value: '', label: t('filter.anyKind') }, ...KINDS.map((k) => ({ value: k, label: labels.kind(k) }))]}
            />
            <SelectField
              id="rules-filter-level"
              label={t('col.level')}
              value={draft.niveau}
              onChange={(e) => set('niveau', e.target.value)}
              options={[{ value: '', label: t('filter.anyLevel') }, ...LEVELS.map((l) => ({ value: l, label: labels.level(l) }))]}
            />
            <SelectField
              id="rules-filter-domain"
              label={t('col.domain')}
              value={draft.domein}
              onChange={(e) => set('domein', e.target.value)}
              options={[{ value: '', label: t('filter.anyDomain') }, ...DOMAINS.map((d) => ({ value: d, label: labels.domain(d) }))]}
            />
          </div>
          <Checkbox id="rules-filter-active" label={t('filter.active')} checked={!!draft.geldend} onChange={(v) => set('geldend', v ? 'ja' : '')} />
          <ButtonGroup className="dichter-filters__actions">
            <Button type="submit" appearance="secondary">
              {t('filter.apply')}
            </Button>
            {active && (
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

function Results({ data }: { data: RuleList }) {
  const t = useT(m);
  const f = useFormat();
  const labels = useLabels();
  const page = usePagePath();
  const narrow = useNarrowScreen();
  const href = (r: RuleSummaryView) => page(`regels/${r.id}`);
  if (narrow) {
    return (
      <ul className="rules-cards" aria-label={t('register.caption')}>
        {data.items.map((r) => (
          <li key={r.id} className="rules-card">
            <Heading level={3} appearance={5} className="rules-card__title">
              <Link to={href(r)}>
                <span className="rules-code">{r.code}</span> {r.title}
              </Link>
            </Heading>
            <p className="nl-paragraph rules-badges">
              <Badge kind="kind">{labels.kind(r.kind)}</Badge> <Badge kind="level">{labels.level(r.level)}</Badge> <Badge kind="domain">{labels.domain(r.domain)}</Badge>
              {!r.active && (
                <>
                  {' '}
                  <ValidityBadge rule={r} />
                </>
              )}
            </p>
            <p className="nl-paragraph dichter-small">{r.deviationCount === 1 ? t('card.deviationsOne') : t('card.deviations', { count: f.number(r.deviationCount) })}</p>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <DataTable
      caption={t('register.caption')}
      captionHidden
      rows={data.items}
      rowKey={(r) => r.id}
      columns={[
        { header: t('col.code'), className: 'dichter-nowrap', cell: (r) => <span className="rules-code">{r.code}</span> },
        {
          header: t('col.title'),
          rowHeader: true,
          className: 'rules-col-rule',
          cell: (r) => (
            <>
              <Link to={href(r)}>{r.title}</Link>
              {!r.active && (
                <>
                  {' '}
                  <ValidityBadge rule={r} />
                </>
              )}
            </>
          ),
        },
        { header: t('col.kind'), cell: (r) => labels.kind(r.kind) },
        { header: t('col.level'), cell: (r) => labels.level(r.level) },
        { header: t('col.domain'), cell: (r) => labels.domain(r.domain) },
        { header: t('col.deviations'), numeric: true, cell: (r) => f.number(r.deviationCount) },
      ]}
    />
  );
}

/** The register: search, filters in the URL, a table (cards on a phone), paging. */
export default function RegisterPage() {
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
    queryKey: ruleKeys.list(workspace.slug, query.toString()),
    queryFn: () => api.get<RuleList>(wsPath(workspace.slug, `rules?${query}`)),
    placeholderData: keepPreviousData,
  });
  const abilities = useAbilities();
  const can = list.data?.can ?? abilities.data;
  const apply = (next: Filters) => {
    const p = new URLSearchParams();
    for (const [name, value] of Object.entries(next)) if (value.trim()) p.set(name, value.trim());
    setParams(p);
  };
  const nothingAtAll = !filtered && list.data?.total === 0;
  return (
    <>
      <PageHeading title={t('register.title')} />
      <Paragraph>{t('register.intro')}</Paragraph>
      <ButtonGroup className="rules-actions">
        {can?.create && !nothingAtAll && (
          <ButtonLink appearance="primary" to={page('regels/nieuw')}>
            {t('action.new')}
          </ButtonLink>
        )}
        <ButtonLink to={page('regels/druk')}>{t('action.pressure')}</ButtonLink>
        <ButtonLink to={page('regels/regeldruk')}>{t('action.load')}</ButtonLink>
        {can?.import && !nothingAtAll && <ButtonLink to={page('regels/importeren')}>{t('action.import')}</ButtonLink>}
      </ButtonGroup>
      {nothingAtAll ? (
        <EmptyState title={t('empty.title')}>
          <Paragraph>{t('empty.body')}</Paragraph>
          {can?.create || can?.import ? (
            <ButtonGroup>
              {can?.create && (
                <ButtonLink appearance="primary" to={page('regels/nieuw')}>
                  {t('action.new')}
                </ButtonLink>
              )}
              {can?.import && <ButtonLink to={page('regels/importeren')}>{t('action.import')}</ButtonLink>}
            </ButtonGroup>
          ) : (
            <Paragraph>{t('empty.readOnly')}</Paragraph>
          )}
        </EmptyState>
      ) : (
        <>
          <FilterForm values={values} onApply={apply} />
          <Loaded query={list}>
            {(data) => (
              <>
                <Paragraph role="status">{data.total === 1 ? t('register.countOne') : t('register.count', { total: f.number(data.total) })}</Paragraph>
                {data.total > 0 && (
                  <Paragraph small>
                    {t('export.label')}{' '}
                    <ExternalLink href={wsPath(workspace.slug, 'rules/export?format=csv')} download>
                      CSV
                    </ExternalLink>
                    {' · '}
                    <ExternalLink href={wsPath(workspace.slug, 'rules/export?format=xlsx')} download>
                      Excel (XLSX)
                    </ExternalLink>
                    {' · '}
                    <ExternalLink href={wsPath(workspace.slug, 'rules/export?format=json')} download>
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
