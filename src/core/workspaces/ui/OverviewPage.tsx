import { useT } from '../../../web/i18n';
import { moduleUis } from '../../../web/modules';
import { Heading, Link, PageHeading, Paragraph, Section } from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import { useRoleLabel } from './labels';
import { m } from './messages';

/** The start page of a workspace: what it is, your role, and where to go. */
export default function OverviewPage() {
  const t = useT(m);
  const navT = useT(moduleUis.nav);
  const { workspace, nav } = useWorkspace();
  const page = usePagePath();
  const roleLabel = useRoleLabel();
  return (
    <>
      <PageHeading title={workspace.name} />
      {workspace.description ? (
        <Paragraph lead className="dichter-prewrap">
          {workspace.description}
        </Paragraph>
      ) : (
        <Paragraph>
          {t('overview.noDescription')} {workspace.can.update && <Link to={page('instellingen')}>{t('overview.addDescription')}</Link>}
        </Paragraph>
      )}
      <Paragraph>
        {t('overview.role', { role: roleLabel(workspace.role).toLowerCase() })} {t('overview.responseDays', { days: workspace.responseDays })}
      </Paragraph>
      <Section id="overview-sections" title={t('overview.sections')}>
        <ul className="dichter-cards">
          {nav.map((item) => (
            <li key={item.path} className="dichter-card">
              <Heading level={3}>
                <Link to={page(item.path)}>{navT(item.label)}</Link>
              </Heading>
              <Paragraph>{navT(`${item.label}.intro`) === `${item.label}.intro` ? '' : navT(`${item.label}.intro`)}</Paragraph>
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
