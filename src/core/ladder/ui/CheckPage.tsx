import { useQuery } from '@tanstack/react-query';
import { api, wsPath } from '../../../web/api';
import { useT } from '../../../web/i18n';
import { BackLink, DataTable, EmptyState, Link, Loaded, PageHeading, Paragraph } from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import { m } from './messages';
import { ladderKeys, useLabels, type CheckView } from './shared';
import './ladder.css';

export default function CheckPage() {
  const t = useT(m);
  const labels = useLabels();
  const page = usePagePath();
  const { workspace } = useWorkspace();
  const check = useQuery({ queryKey: ladderKeys.check(workspace.slug), queryFn: () => api.get<CheckView>(wsPath(workspace.slug, 'ladder/check')) });
  return (
    <>
      <BackLink to={page('ladder')}>{t('detail.backToTree')}</BackLink>
      <PageHeading title={t('check.title')} />
      <Paragraph>{t('check.intro')}</Paragraph>
      <Loaded
        query={check}
        isEmpty={(d) => d.items.length === 0}
        empty={
          <EmptyState title={t('check.okTitle')}>
            <Paragraph>{t('check.ok')}</Paragraph>
          </EmptyState>
        }
      >
        {(data) => (
          <>
            <p className="nl-paragraph" role="status">
              {t('check.count', { count: data.total })}
            </p>
            <DataTable
              caption={t('check.caption')}
              rows={data.items}
              rowKey={(r, i) => `${r.id}-${r.problem}-${i}`}
              columns={[
                { header: t('check.node'), rowHeader: true, cell: (r) => <Link to={page(`ladder/knoop/${r.id}`)}>{r.code ? `${r.code} ${r.title}` : r.title}</Link> },
                { header: t('field.rung'), cell: (r) => labels.rung(r.rung) },
                { header: t('check.problem'), cell: (r) => t(`problem.${r.problem}`) },
              ]}
            />
          </>
        )}
      </Loaded>
    </>
  );
}
