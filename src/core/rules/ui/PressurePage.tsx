import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api, wsPath } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { BackLink, Button, ButtonGroup, DataTable, EmptyState, focusSoon, Heading, Link, Loaded, PageHeading, Paragraph, SelectField, TextField, useDraft, useNarrowScreen, VisuallyHidden } from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import { m } from './messages';
import { DOMAINS, isDomain, isIsoDate, isLevel, LEVELS, ruleKeys, useAbilities, useLabels, type PressureItem, type PressureView } from './shared';
import './rules.css';

const STEP = 50;

type Filters = { van: string; tot: string; domein: string; niveau: string };
const NO_FILTERS: Filters = { van: '', tot: '', domein: '', niveau: '' };

function readFilters(params: URLSearchParams): Filters {
  const get = (name: string) => params.get(name) ?? '';
  return {
    van: isIsoDate(params.get('van')) ? get('van') : '',
    tot: isIsoDate(params.get('tot')) ? get('tot') : '',
    domein: isDomain(params.get('domein')) ? get('domein') : '',
    niveau: isLevel(params.get('niveau')) ? get('niveau') : '',
  };
}

/** The trend in an arrow and in words, never colour alone. */
export function Trend({ item }: { item: Pick<PressureItem, 'trend' | 'deviations' | 'previousDeviations'> }) {
  const t = useT(m);
  const diff = Math.abs(item.deviations - item.previousDeviations);
  const arrow = item.trend === 'up' ? '↑' : item.trend === 'down' ? '↓' : '→';
  return (
    <span className={`rules-trend rules-trend--${item.trend}`}>
      <span className="rules-trend__arrow" aria-hidden="true">
        {arrow}
      </span>
      {t(`pressure.trend.${item.trend}`, { diff })}
    </span>
  );
}

function FilterForm({ values, onApply }: { values: Filters; onApply(next: Filters): void }) {
  const t = useT(m);
  const labels = useLabels();
  const [draft, setDraft] = useDraft(values);
  const set = (name: keyof Filters, value: string) => setDraft({ ...draft, [name]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const active = Object.values(values).some(Boolean);
  return (
    <form onSubmit={submit} noValidate aria-labelledby="rules-pressure-filters">
      <Heading level={2} appearance={4} id="rules-pressure-filters">
        {t('pressure.filters')}
      </Heading>
      <Paragraph small id="rules-pressure-period-help">
        {t('pressure.periodHelp')}
      </Paragraph>
      <div className="dichter-filters">
        <TextField id="rules-pressure-from" type="date" className="dichter-input-date" label={t('pressure.from')} aria-describedby="rules-pressure-period-help" value={draft.van} onChange={(e) => set('van', e.target.value)} />
        <TextField id="rules-pressure-to" type="date" className="dichter-input-date" label={t('pressure.to')} aria-describedby="rules-pressure-period-help" value={draft.tot} onChange={(e) => set('tot', e.target.value)} />
        <SelectField
          id="rules-pressure-domain"
          label={t('col.domain')}
          value={draft.domein}
          onChange={(e) => set('domein', e.target.value)}
          options={[{ value: '', label: t('filter.anyDomain') }, ...DOMAINS.map((d) => ({ value: d, label: labels.domain(d) }))]}
        />
        <SelectField
          id="rules-pressure-level"
          label={t('col.level')}
          value={draft.niveau}
          onChange={(e) => set('niveau', e.target.value)}
          options={[{ value: '', label: t('filter.anyLevel') }, ...LEVELS.map((l) => ({ value: l, label: labels.level(l) }))]}
        />
      </div>
      <ButtonGroup className="dichter-filters__actions">
        <Button type="submit" appearance="primary">
          {t('pressure.apply')}
        </Button>
        {active && (
          <Button appearance="subtle" onClick={() => onApply(NO_FILTERS)}>
            {t('pressure.reset')}
          </Button>
        )}
      </ButtonGroup>
    </form>
  );
}

function HowItWorks({ data }: { data: PressureView }) {
  const t = useT(m);
  const f = useFormat();
  return (
    <aside className="rules-how" aria-labelledby="rules-how">
      <Heading level={2} appearance={4} id="rules-how">
        {t('pressure.how')}
      </Heading>
      <ol className="utrecht-ordered-list">
        <li className="utrecht-ordered-list__item">{t('pressure.how1')}</li>
        <li className="utrecht-ordered-list__item">{t('pressure.how2', { previousFrom: f.date(data.previousFrom), previousTo: f.date(data.previousTo) })}</li>
        <li className="utrecht-ordered-list__item">{t('pressure.how3')}</li>
      </ol>
      <Paragraph small>{t('pressure.how4')}</Paragraph>
    </aside>
  );
}

function Ranking({ data, items }: { data: PressureView; items: PressureItem[] }) {
  const t = useT(m);
  const f = useFormat();
  const page = usePagePath();
  const narrow = useNarrowScreen();
  const abilities = useAbilities();
  const canReview = !!abilities.data?.create;
  const helped = (i: PressureItem) => (i.helpedShare === null ? t('pressure.helpedNone') : t('pressure.helped', { percent: f.number(Math.round(i.helpedShare * 100)) }));
  const reviewHref = (i: PressureItem) => page(`regels/${i.ruleId}/besluit?${new URLSearchParams({ van: data.from, tot: data.to })}`);
  if (narrow) {
    return (
      <ol className="rules-cards" aria-label={t('pressure.caption')}>
        {items.map((i) => (
          <li key={i.ruleId} className="rules-card" id={`rules-pressure-${i.ruleId}`}>
            <Heading level={3} appearance={5} className="rules-card__title">
              <span className="rules-rank">{i.rank}.</span>{' '}
              <Link to={page(`regels/${i.ruleId}`)}>
                <span className="rules-code">{i.code}</span> {i.title}
              </Link>
            </Heading>
            <p className="nl-paragraph">
              {t('pressure.cardLine', { deviations: f.number(i.deviations), previous: f.number(i.previousDeviations) })} · <Trend item={i} />
            </p>
            <p className="nl-paragraph dichter-small">
              {t('pressure.cardLine2', { helped: helped(i), signals: f.number(i.linkedSignals), areas: f.number(i.areas), professionals: f.number(i.professionals) })}
            </p>
            {canReview && (
              <p className="nl-paragraph">
                <Link to={reviewHref(i)}>{t('pressure.review', { code: i.code })}</Link>
              </p>
            )}
          </li>
        ))}
      </ol>
    );
  }
  return (
    <DataTable
      caption={t('pressure.caption')}
      rows={items}
      rowKey={(i) => i.ruleId}
      columns={[
        { header: t('pressure.col.rank'), numeric: true, cell: (i) => <span className="rules-rank">{i.rank}</span> },
        {
          header: t('pressure.col.rule'),
          rowHeader: true,
          className: 'rules-col-rule',
          cell: (i) => (
            <Link to={page(`regels/${i.ruleId}`)}>
              <span className="rules-code">{i.code}</span> {i.title}
            </Link>
          ),
        },
        { header: t('pressure.col.deviations'), numeric: true, cell: (i) => <strong>{f.number(i.deviations)}</strong> },
        { header: t('pressure.col.previous'), numeric: true, cell: (i) => f.number(i.previousDeviations) },
        { header: t('pressure.col.trend'), cell: (i) => <Trend item={i} /> },
        { header: t('pressure.col.helped'), cell: helped },
        { header: t('pressure.col.signals'), numeric: true, cell: (i) => f.number(i.linkedSignals) },
        { header: t('pressure.col.areas'), numeric: true, cell: (i) => f.number(i.areas) },
        { header: t('pressure.col.professionals'), numeric: true, cell: (i) => f.number(i.professionals) },
        canReview && {
          header: t('pressure.col.actions'),
          cell: (i) => (
            <Link to={reviewHref(i)}>
              {t('pressure.reviewShort')}
              <VisuallyHidden> {t('pressure.reviewHidden', { code: i.code })}</VisuallyHidden>
            </Link>
          ),
        },
      ]}
    />
  );
}

/** Rules ranked by deviations in a period, against the equally long period before. */
export default function PressurePage() {
  const t = useT(m);
  const f = useFormat();
  const { workspace } = useWorkspace();
  const page = usePagePath();
  const [params, setParams] = useSearchParams();
  const values = readFilters(params);
  const limit = Math.min(500, Math.max(STEP, Number(params.get('aantal')) || STEP));
  const query = new URLSearchParams();
  if (values.van) query.set('from', values.van);
  if (values.tot) query.set('to', values.tot);
  if (values.domein) query.set('domain', values.domein);
  if (values.niveau) query.set('level', values.niveau);
  query.set('limit', String(limit));
  const pressure = useQuery({
    queryKey: ruleKeys.pressure(workspace.slug, query.toString()),
    queryFn: () => api.get<PressureView>(wsPath(workspace.slug, `rules/pressure?${query}`)),
    placeholderData: keepPreviousData,
  });
  const apply = (next: Filters, more?: number) => {
    const p = new URLSearchParams();
    for (const [name, value] of Object.entries(next)) if (value) p.set(name, value);
    if (more) p.set('aantal', String(more));
    setParams(p, more ? { preventScrollReset: true } : undefined);
  };
  return (
    <>
      <BackLink to={page('regels')}>{t('back.register')}</BackLink>
      <PageHeading title={t('pressure.title')} />
      <Paragraph>{t('pressure.intro')}</Paragraph>
      <FilterForm values={values} onApply={(next) => apply(next)} />
      <Loaded query={pressure}>
        {(data) => {
          const shown = data.items.filter((i) => i.deviations > 0);
          const quiet = data.total - shown.length;
          const maybeMore = data.items.length < data.total && data.items.length > 0 && data.items[data.items.length - 1].deviations > 0 && limit < 500;
          return (
            <>
              <Paragraph role="status">
                <strong>{t('pressure.period', { from: f.date(data.from), to: f.date(data.to), previousFrom: f.date(data.previousFrom), previousTo: f.date(data.previousTo) })}</strong>
              </Paragraph>
              <HowItWorks data={data} />
              {shown.length === 0 ? (
                <EmptyState title={t('pressure.empty')} />
              ) : (
                <>
                  <Ranking data={data} items={shown} />
                  {maybeMore && (
                    <Button
                      onClick={() => {
                        const next = data.items[data.items.length - 1];
                        apply(values, limit + STEP);
                        focusSoon(() => document.getElementById(`rules-pressure-${next.ruleId}`) ?? document.querySelector<HTMLElement>('.dichter-table-scroll'));
                      }}
                    >
                      {t('pressure.more')}
                    </Button>
                  )}
                  {!maybeMore && quiet > 0 && <Paragraph>{quiet === 1 ? t('pressure.quietOne') : t('pressure.quiet', { count: f.number(quiet) })}</Paragraph>}
                </>
              )}
            </>
          );
        }}
      </Loaded>
    </>
  );
}
