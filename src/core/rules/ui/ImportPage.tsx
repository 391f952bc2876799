import { wsPath } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { BackLink, createdAndUpdated, Link, SheetImport } from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import { m } from './messages';
import { ruleKeys } from './shared';
import './rules.css';

/** The columns of the rule sheet (schema.ts SHEET_COLUMNS), import and export alike. */
const COLUMNS = ['code', 'title', 'kind', 'level', 'domain', 'intent', 'owner', 'source_url', 'valid_from', 'valid_to', 'mandate'] as const;

/** Many rules at once from a spreadsheet (CSV or XLSX), for instance thousands of product codes. All or nothing. */
export default function ImportPage() {
  const t = useT(m);
  const f = useFormat();
  const { workspace } = useWorkspace();
  const page = usePagePath();
  return (
    <SheetImport
      id="rules"
      api={wsPath(workspace.slug, 'rules')}
      errorPrefix="rule"
      queryKey={ruleKeys.all(workspace.slug)}
      columns={COLUMNS}
      columnMeaning={(c) => t(`column.${c as (typeof COLUMNS)[number]}`)}
      t={t}
      report={createdAndUpdated(t, f)}
      back={<BackLink to={page('regels')}>{t('back.register')}</BackLink>}
      after={<Link to={page('regels')}>{t('import.viewRegister')}</Link>}
    />
  );
}
