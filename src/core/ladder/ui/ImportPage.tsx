import { wsPath } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { BackLink, createdAndUpdated, Link, SheetImport } from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import { m } from './messages';
import { ladderKeys } from './shared';
import './ladder.css';

const COLUMNS = ['rung', 'code', 'title', 'parent_codes', 'owner', 'partners', 'areas', 'phase', 'public'] as const;

/** The execution programme from a spreadsheet, one row per rung. All or nothing; re-importing updates by code. */
export default function ImportPage() {
  const t = useT(m);
  const f = useFormat();
  const { workspace } = useWorkspace();
  const page = usePagePath();
  return (
    <SheetImport
      id="ladder"
      api={wsPath(workspace.slug, 'ladder')}
      errorPrefix="ladder"
      queryKey={ladderKeys.all(workspace.slug)}
      columns={COLUMNS}
      columnMeaning={(c) => t(`column.${c as (typeof COLUMNS)[number]}`)}
      t={t}
      report={createdAndUpdated(t, f)}
      back={<BackLink to={page('ladder')}>{t('detail.backToTree')}</BackLink>}
      after={
        <>
          <Link to={page('ladder')}>{t('import.viewTree')}</Link> · <Link to={page('ladder/controle')}>{t('action.check')}</Link>
        </>
      }
    />
  );
}
