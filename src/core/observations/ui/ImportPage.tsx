import { wsPath } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { BackLink, Link, SheetImport } from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import type { z } from 'zod';
import type { importResult } from '../schema';
import { m } from './messages';
import { observationKeys } from './shared';
import './observations.css';

/** The columns read (importer.ts IMPORT_COLUMNS), named as the export writes them. */
const COLUMNS = ['kind', 'title', 'text', 'visibility', 'containsPersonalData', 'area', 'occurredAt', 'tags', 'ladderNodes', 'rules'] as const;

/** A team's existing list of signals and stories from a spreadsheet (CSV or XLSX). All or nothing. */
export default function ImportPage() {
  const t = useT(m);
  const f = useFormat();
  const { workspace } = useWorkspace();
  const page = usePagePath();
  return (
    <SheetImport
      id="observations"
      api={wsPath(workspace.slug, 'observations')}
      errorPrefix="observation"
      queryKey={observationKeys.all(workspace.slug)}
      columns={COLUMNS}
      columnMeaning={(c) => t(`column.${c as (typeof COLUMNS)[number]}`)}
      t={t}
      report={(r: z.infer<typeof importResult>) => [
        [t('import.routed'), f.number(r.routed)],
        ...(r.numbers ? [[t('import.numbers'), t('import.numberRange', { first: r.numbers.first, last: r.numbers.last })] as [string, string]] : []),
      ]}
      back={<BackLink to={page('waarnemingen')}>{t('back.list')}</BackLink>}
      after={<Link to={page('waarnemingen')}>{t('import.viewList')}</Link>}
    />
  );
}
