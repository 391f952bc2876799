import { useT } from '../../../web/i18n';
import { ButtonLink, EmptyState, Heading, Link, Loaded, noItems, PageHeading, Paragraph } from '../../../web/ui';
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
      <Loaded
        query={workspaces}
        isEmpty={noItems}
        empty={
          <EmptyState title={t('list.emptyTitle')}>
            <Paragraph>{t('list.empty')}</Paragraph>
          </EmptyState>
        }
      >
        {(data) => (
          <ul className="dichter-cards">
            {data.items.map((w) => (
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
      </Loaded>
    </>
  );
}
