import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { z } from 'zod';
import { api, ApiError } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { NotFoundPage } from '../../../web/pages/NotFoundPage';
import { Button, ButtonGroup, ButtonLink, EmptyState, Heading, Link, Loaded, PageHeading, Paragraph, Section, SelectField } from '../../../web/ui';
import { pm } from '../../observations/ui/public-messages';
import type { publicLadderView } from '../schema';
import { m } from './messages';
import { Badge, PHASE_LIST, useLabels } from './shared';
import './ladder.css';

type PublicLadder = z.infer<typeof publicLadderView>;
type PublicNode = PublicLadder['actionLines'][number];

const publicPath = (slug: string, areaCode?: string) => `/api/public/w/${encodeURIComponent(slug)}/ladder${areaCode ? `?areaCode=${encodeURIComponent(areaCode)}` : ''}`;

function usePublicLadder(slug: string, areaCode?: string) {
  return useQuery({ queryKey: ['public', slug, 'ladder', areaCode ?? ''], queryFn: () => api.get<PublicLadder>(publicPath(slug, areaCode)), retry: false });
}

/** Choose a neighbourhood: the areas in which public work takes place. */
function AreaChooser({ slug, current }: { slug: string; current?: string }) {
  const t = useT(m);
  const navigate = useNavigate();
  const all = usePublicLadder(slug);
  const [choice, setChoice] = useState(current ?? '');
  useEffect(() => setChoice(current ?? ''), [current]);
  const areas = new Map<string, string>();
  for (const n of [...(all.data?.actionLines ?? []), ...(all.data?.interventions ?? [])]) for (const a of n.areas) if (a.code) areas.set(a.code, a.name);
  const options = [...areas].sort((a, b) => a[1].localeCompare(b[1], 'nl')).map(([code, name]) => ({ value: code, label: name }));
  if (options.length === 0) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(choice ? `/openbaar/${slug}/gebied/${encodeURIComponent(choice)}` : `/openbaar/${slug}`);
  };
  return (
    <form className="dichter-filters dichter-public-chooser" onSubmit={submit} aria-label={t('public.chooseArea')}>
      <SelectField id="public-area" label={t('public.area')} value={choice} onChange={(e) => setChoice(e.target.value)} options={[{ value: '', label: t('public.allAreas') }, ...options]} />
      <div className="dichter-filters__actions">
        <Button type="submit" appearance="secondary">
          {t('public.show')}
        </Button>
      </div>
    </form>
  );
}

function Facts({ node }: { node: PublicNode }) {
  const t = useT(m);
  const f = useFormat();
  const labels = useLabels();
  const facts: [string, string][] = [];
  if (node.ownerOrganisation) facts.push([t('public.who'), node.ownerOrganisation]);
  if (node.partners.length) facts.push([t('public.with'), node.partners.join(', ')]);
  if (node.areas.length) facts.push([t('public.where'), node.areas.map((a) => a.name).join(', ')]);
  if (node.startDate || node.endDate) facts.push([t('public.when'), [node.startDate && f.date(node.startDate), node.endDate && f.date(node.endDate)].filter(Boolean).join(' – ')]);
  return (
    <>
      <p className="nl-paragraph dichter-tree__badges">
        {node.phase && (
          <Badge kind="phase" value={node.phase}>
            {t('public.phase', { phase: labels.phase(node.phase) })}
          </Badge>
        )}
        {node.status && (
          <Badge kind="status" value={node.status}>
            {t('public.status', { status: labels.status(node.status) })}
          </Badge>
        )}
      </p>
      {facts.length > 0 && (
        <dl className="dichter-public-facts">
          {facts.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      )}
    </>
  );
}

function Content({ data }: { data: PublicLadder }) {
  const t = useT(m);
  const labels = useLabels();
  const phaseRank = (p: string | null) => (p ? PHASE_LIST.indexOf(p as (typeof PHASE_LIST)[number]) : 99);
  const lines = [...data.actionLines].sort((a, b) => phaseRank(b.phase) - phaseRank(a.phase) || (a.code ?? '').localeCompare(b.code ?? '', 'nl', { numeric: true }));
  const shownLines = new Set(lines.map((l) => l.id));
  const loose = data.interventions.filter((i) => !i.actionLineIds.some((id) => shownLines.has(id)));
  const valueName = new Map(data.values.map((v) => [v.id, v.title]));
  if (lines.length === 0 && data.interventions.length === 0) {
    return (
      <EmptyState title={t('public.emptyTitle')}>
        <Paragraph>{data.area ? t('public.emptyArea', { area: data.area.name }) : t('public.empty')}</Paragraph>
      </EmptyState>
    );
  }
  return (
    <>
      <Section id="public-work" title={data.area ? t('public.workIn', { area: data.area.name }) : t('public.work')}>
        <Paragraph>{t('public.workIntro', { count: lines.length })}</Paragraph>
        {lines.map((line) => {
          const under = data.interventions.filter((i) => i.actionLineIds.includes(line.id));
          return (
            <article key={line.id} className="dichter-card dichter-public-card" aria-labelledby={`pl-${line.id}`}>
              <Heading level={3} id={`pl-${line.id}`}>
                {line.title}
              </Heading>
              {line.description && <Paragraph>{line.description}</Paragraph>}
              <Facts node={line} />
              {line.valueIds.length > 0 && (
                <Paragraph small>{t('public.serves', { values: line.valueIds.map((id) => valueName.get(id)).filter(Boolean).join(', ') })}</Paragraph>
              )}
              {under.length > 0 && (
                <>
                  <Heading level={4}>{t('public.projects', { count: under.length })}</Heading>
                  <ul className="utrecht-unordered-list dichter-public-projects">
                    {under.map((i) => (
                      <li key={i.id} className="utrecht-unordered-list__item">
                        <strong>{i.title}</strong>
                        {i.kind && <span className="dichter-small"> ({labels.kind(i.kind).toLowerCase()})</span>}
                        <Facts node={i} />
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </article>
          );
        })}
      </Section>
      {loose.length > 0 && (
        <Section id="public-other" title={t('public.other')}>
          <ul className="utrecht-unordered-list dichter-public-projects">
            {loose.map((i) => (
              <li key={i.id} className="utrecht-unordered-list__item">
                <strong>{i.title}</strong>
                <Facts node={i} />
              </li>
            ))}
          </ul>
        </Section>
      )}
    </>
  );
}

/** /openbaar/:slug and /openbaar/:slug/gebied/:areaCode: for residents, without signing in. */
export default function PublicLadderPage() {
  const t = useT(m);
  const tm = useT(pm);
  const { slug = '', areaCode } = useParams();
  const ladder = usePublicLadder(slug, areaCode);
  if (ladder.isError && ladder.error instanceof ApiError && ladder.error.status === 404 && !areaCode) return <NotFoundPage />;
  const areaMissing = ladder.isError && ladder.error instanceof ApiError && (ladder.error.status === 404 || ladder.error.status === 400) && !!areaCode;
  return (
    <div className="dichter-public">
      {areaMissing ? (
        <>
          <PageHeading title={t('public.areaUnknownTitle')} />
          <Paragraph>{t('public.areaUnknown')}</Paragraph>
          <Paragraph>
            <Link to={`/openbaar/${slug}`}>{t('public.backToAll')}</Link>
          </Paragraph>
        </>
      ) : (
        <Loaded query={ladder}>
          {(data) => (
            <>
              <PageHeading title={data.area ? t('public.titleArea', { area: data.area.name }) : t('public.title', { name: data.workspace.name })} />
              <Paragraph lead>{t('public.intro', { name: data.workspace.name })}</Paragraph>
              <nav aria-label={tm('links.label')}>
                <ButtonGroup>
                  <ButtonLink to={`/openbaar/${slug}/melden`} appearance="primary">
                    {tm('links.report')}
                  </ButtonLink>
                  <ButtonLink to={`/openbaar/${slug}/meldingen`} appearance="secondary">
                    {tm('links.list')}
                  </ButtonLink>
                </ButtonGroup>
              </nav>
              <AreaChooser slug={slug} current={areaCode} />
              {data.area && (
                <Paragraph>
                  <Link to={`/openbaar/${slug}`}>{t('public.backToAll')}</Link>
                </Paragraph>
              )}
              {data.values.length > 0 && (
                <Section id="public-values" title={t('public.values')}>
                  <Paragraph>{t('public.valuesIntro')}</Paragraph>
                  <ul className="utrecht-unordered-list">
                    {data.values.map((v) => (
                      <li key={v.id} className="utrecht-unordered-list__item">
                        <strong>{v.title}</strong>
                        {v.description && <> — {v.description}</>}
                      </li>
                    ))}
                  </ul>
                </Section>
              )}
              <Content data={data} />
            </>
          )}
        </Loaded>
      )}
    </div>
  );
}
