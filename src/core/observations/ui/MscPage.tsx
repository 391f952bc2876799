import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { useFormat, useT } from '../../../web/i18n';
import { NotFoundPage } from '../../../web/pages/NotFoundPage';
import { ButtonLink, DataTable, EmptyState, Link, Loaded, noItems, PageHeading, Paragraph, Section, UnorderedList, ListItem } from '../../../web/ui';
import { usePagePath } from '../../../web/workspace';
import { mm } from './msc-messages';
import { useRounds, useStatusLabel } from './MscShared';

const MscSettingsPage = lazy(() => import('./MscSettingsPage'));
const MscStoriesPage = lazy(() => import('./MscStoriesPage'));
const MscRoundPage = lazy(() => import('./MscRoundPage'));
const MscRoundFormPage = lazy(() => import('./MscRoundFormPage'));
const MscSelectedPage = lazy(() => import('./MscSelectedPage'));

/** The start page: what the method is, the rounds, and the ways to the other pages. */
function Overview() {
  const t = useT(mm);
  const f = useFormat();
  const page = usePagePath();
  const status = useStatusLabel();
  const rounds = useRounds();
  return (
    <>
      <PageHeading title={t('title')} />
      <Paragraph lead>{t('intro')}</Paragraph>
      <nav aria-label={t('nav.label')}>
        <UnorderedList>
          <ListItem>
            <Link to={page('verhalen/gekozen')}>{t('nav.selected')}</Link>
          </ListItem>
          <ListItem>
            <Link to={page('verhalen/indelen')}>{t('nav.stories')}</Link>
          </ListItem>
          <ListItem>
            <Link to={page('verhalen/instellingen')}>{t('nav.settings')}</Link>
          </ListItem>
        </UnorderedList>
      </nav>
      <Section id="msc-rounds" title={t('rounds.title')}>
        {rounds.data?.can.create && (
          <Paragraph>
            <ButtonLink to={page('verhalen/rondes/nieuw')} appearance="primary">
              {t('rounds.add')}
            </ButtonLink>
          </Paragraph>
        )}
        <Loaded
          query={rounds}
          isEmpty={noItems}
          empty={
            <EmptyState title={t('rounds.emptyTitle')}>
              <Paragraph>{rounds.data?.can.create ? t('rounds.empty') : t('rounds.emptyReadOnly')}</Paragraph>
            </EmptyState>
          }
        >
          {(data) => (
            <DataTable
              caption={t('rounds.caption')}
              captionHidden
              rows={data.items}
              rowKey={(r) => r.id}
              columns={[
                { header: t('col.name'), rowHeader: true, cell: (r) => <Link to={page(`verhalen/rondes/${r.id}`)}>{r.name}</Link> },
                { header: t('col.period'), cell: (r) => r.periodName },
                { header: t('col.domain'), cell: (r) => r.domainName ?? t('allDomains') },
                { header: t('col.heldOn'), cell: (r) => <span className="dichter-nowrap">{f.date(r.heldOn)}</span> },
                { header: t('col.status'), cell: (r) => status(r.status) },
                { header: t('col.selections'), numeric: true, cell: (r) => f.number(r.selections) },
              ]}
            />
          )}
        </Loaded>
      </Section>
    </>
  );
}

/**
 * Everything under /w/:slug/verhalen: Most Significant Change. The overview with the rounds,
 * one round (the panel's page), a new round, the chosen stories, classifying stories, and
 * the domains and periods.
 */
export default function MscPage() {
  return (
    <Routes>
      <Route index element={<Overview />} />
      <Route path="gekozen" element={<MscSelectedPage />} />
      <Route path="indelen" element={<MscStoriesPage />} />
      <Route path="instellingen/*" element={<MscSettingsPage />} />
      <Route path="rondes/nieuw" element={<MscRoundFormPage />} />
      <Route path="rondes/:roundId" element={<MscRoundPage />} />
      <Route path="rondes/:roundId/wijzigen" element={<MscRoundFormPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
