import { useT } from '../../../web/i18n';
import { ButtonLink, EmptyState, Heading, Link, LoadError, Loading, PageHeading, Paragraph } from '../../../web/ui';
import { useMyWorkspaces } from '../../../web/workspace';
import { useRoleLabel } from './labels';
import { m } from './messages';

export default function WorkspaceListPage() {
  const t = useT(m);
  const roleLabel = useRoleLabel();
  const workspaces = useMyWorkspaces();
  return (
    <>
      <PageHeading title={t('list.title')} />
      <Paragraph lead>{t('list.intro')}</Paragraph>
      <Paragraph>
        <ButtonLink to="/werkruimtes/nieuw" appearance="primary">
          {t('list.new')}
        </ButtonLink>
      </Paragraph>
      {workspaces.isPending ? (
        <Loading />
      ) : workspaces.isError ? (
        <LoadError error={workspaces.error} onRetry={() => workspaces.refetch()} />
      ) : workspaces.data.items.length === 0 ? (
        <EmptyState title={t('list.emptyTitle')}>
          <Paragraph>{t('list.empty')}</Paragraph>
        </EmptyState>
      ) : (
        <ul className="dichter-cards">
          {workspaces.data.items.map((w) => (
            <li key={w.id} className="dichter-card">
              <Heading level={2} appearance={3}>
                <Link to={`/w/${w.slug}`}>{w.name}</Link>
              </Heading>
              <Paragraph small>{t('list.role', { role: roleLabel(w.role) })}</Paragraph>
              {w.description && <Paragraph>{w.description}</Paragraph>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
