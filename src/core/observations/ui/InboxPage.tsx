import { useQuery } from '@tanstack/react-query';
import { Suspense } from 'react';
import { api, wsPath } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { ButtonLink, EmptyState, Heading, Link, Loaded, PageHeading, Paragraph, Section } from '../../../web/ui';
import { moduleUis } from '../../../web/modules';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import { m } from './messages';
import { KindBadge, OPEN_STATUSES, OverdueBadge, StatusBadge, observationKeys, useAbilities, useDueWords, type InboxView, type ListView, type ObservationSummaryView } from './shared';
import './observations.css';

const MINE_LIMIT = 10;

/** One observation waiting for my answer: due date in words first, overdue in text. */
function Waiting({ o }: { o: ObservationSummaryView }) {
  const t = useT(m);
  const f = useFormat();
  const page = usePagePath();
  const words = useDueWords();
  return (
    <li className={o.overdue ? 'obs-card obs-card--overdue' : 'obs-card'}>
      <Heading level={3} appearance={5} className="obs-card__title">
        <Link to={page(`waarnemingen/${o.id}`)}>{o.title}</Link>
      </Heading>
      <p className="nl-paragraph obs-badges">
        {o.overdue && (
          <>
            <OverdueBadge />{' '}
          </>
        )}
        <span className="obs-number">{t('detail.numberShort', { number: o.number })}</span> <KindBadge kind={o.kind} /> <StatusBadge status={o.status} />
      </p>
      <p className="nl-paragraph">
        {o.dueAt ? (
          <>
            <strong className="obs-due-words">{words(o.dueAt, o.overdue)}</strong>{' '}
            <span className="dichter-small">({t('inbox.dueOn', { date: f.date(o.dueAt) })})</span>
          </>
        ) : (
          t('due.none')
        )}
      </p>
      <p className="nl-paragraph dichter-small">{[o.areaName, t('inbox.reportedOn', { date: f.date(o.createdAt) })].filter(Boolean).join(' · ')}</p>
    </li>
  );
}

/** Something I reported: where it stands and who has it. */
function Reported({ o }: { o: ObservationSummaryView }) {
  const t = useT(m);
  const f = useFormat();
  const page = usePagePath();
  const open = OPEN_STATUSES.includes(o.status);
  return (
    <li className="obs-card">
      <Heading level={3} appearance={5} className="obs-card__title">
        <Link to={page(`waarnemingen/${o.id}`)}>{o.title}</Link>
      </Heading>
      <p className="nl-paragraph obs-badges">
        <span className="obs-number">{t('detail.numberShort', { number: o.number })}</span> <KindBadge kind={o.kind} /> <StatusBadge status={o.status} />
        {o.overdue && open && (
          <>
            {' '}
            <OverdueBadge />
          </>
        )}
      </p>
      <p className="nl-paragraph dichter-small">
        {t('inbox.reportedOn', { date: f.date(o.createdAt) })}
        {o.ownerName && open && ` · ${t('list.ownerLine', { name: o.ownerName })}`}
        {o.dueAt && open && ` · ${t('inbox.answerBy', { date: f.date(o.dueAt) })}`}
      </p>
    </li>
  );
}

/** What awaits my answer (overdue first), and what became of what I reported. */
export default function InboxPage() {
  const t = useT(m);
  const f = useFormat();
  const { workspace } = useWorkspace();
  const page = usePagePath();
  const abilities = useAbilities();
  const inbox = useQuery({ queryKey: observationKeys.inbox(workspace.slug), queryFn: () => api.get<InboxView>(wsPath(workspace.slug, 'inbox')) });
  const mine = useQuery({
    queryKey: observationKeys.list(workspace.slug, `reporter=me&limit=${MINE_LIMIT}`),
    queryFn: () => api.get<ListView>(wsPath(workspace.slug, `observations?reporter=me&limit=${MINE_LIMIT}`)),
  });
  return (
    <>
      <PageHeading title={t('inbox.title')} />
      <Paragraph>{t('inbox.intro')}</Paragraph>
      {abilities.data?.create && (
        <p className="nl-paragraph">
          <ButtonLink appearance="primary" to={page('waarnemingen/nieuw')}>
            {t('action.new')}
          </ButtonLink>
        </p>
      )}
      <Section id="obs-waiting" title={t('inbox.waiting')}>
        <Loaded
          query={inbox}
          isEmpty={(d) => d.total === 0}
          empty={
            <EmptyState title={t('inbox.emptyTitle')}>
              <Paragraph>{t('inbox.empty')}</Paragraph>
            </EmptyState>
          }
        >
          {(data) => (
            <>
              <Paragraph className="obs-count">
                <strong>{data.total === 1 ? t('inbox.countOne') : t('inbox.count', { count: f.number(data.total) })}</strong>
                {data.overdue > 0 && (
                  <>
                    {' '}
                    <span className="obs-count__overdue">{data.overdue === 1 ? t('inbox.overdueOne') : t('inbox.overdue', { count: f.number(data.overdue) })}</span>
                  </>
                )}
              </Paragraph>
              <ol className="obs-cards obs-cards--list" aria-labelledby="obs-waiting">
                {data.items.map((o) => (
                  <Waiting key={o.id} o={o} />
                ))}
              </ol>
            </>
          )}
        </Loaded>
      </Section>
      <Section id="obs-mine" title={t('inbox.mine')}>
        <Loaded
          query={mine}
          isEmpty={(d) => d.total === 0}
          empty={
            <EmptyState title={t('inbox.mineEmptyTitle')}>
              <Paragraph>{t('inbox.mineEmpty')}</Paragraph>
            </EmptyState>
          }
        >
          {(data) => (
            <>
              <ul className="obs-cards obs-cards--list" aria-labelledby="obs-mine">
                {data.items.map((o) => (
                  <Reported key={o.id} o={o} />
                ))}
              </ul>
              {data.total > data.items.length && (
                <Paragraph>
                  <Link to={page('waarnemingen?melder=ik')}>{t('inbox.mineAll', { count: f.number(data.total) })}</Link>
                </Paragraph>
              )}
            </>
          )}
        </Loaded>
      </Section>
      {/* What other modules have waiting for this member (each renders nothing when nothing waits). */}
      {moduleUis.inboxSections.map((InboxSection, i) => (
        <Suspense key={i} fallback={null}>
          <InboxSection />
        </Suspense>
      ))}
    </>
  );
}
