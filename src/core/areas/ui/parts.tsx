import { useT } from '../../../web/i18n';
import { SelectField } from '../../../web/ui';
import { useWorkspace } from '../../../web/workspace';
import { m } from './messages';
import { CLI_IMPORT, KIND_LIST, useAreaYears, useKindLabel } from './shared';

/** Pieces the area pages share: the kind and year filters, and the import command to copy. */


/** Kind of area, in the plural ("Buurten"); with "Alle soorten" first unless `required`. */
export function KindSelect({ id, value, onChange, required }: { id: string; value: string; onChange(kind: string): void; required?: boolean }) {
  const t = useT(m);
  const kindLabel = useKindLabel();
  const kinds = KIND_LIST.map((k) => ({ value: k, label: kindLabel.many(k) }));
  return (
    <SelectField
      id={id}
      label={t('filter.kind')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      options={required ? kinds : [{ value: '', label: t('filter.allKinds') }, ...kinds]}
    />
  );
}

/** Year of the area division, from the years the workspace has; with "Alle jaren" first unless `required` (and there is a year). */
export function YearSelect({ id, value, onChange, required }: { id: string; value: string; onChange(year: string): void; required?: boolean }) {
  const t = useT(m);
  const years = (useAreaYears().data?.items ?? []).map((y) => ({ value: String(y.year), label: String(y.year) }));
  const all = { value: '', label: t('filter.allYears') };
  return (
    <SelectField
      id={id}
      label={t('filter.year')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      options={required && years.length ? years : [all, ...years]}
    />
  );
}

/** The command that imports areas into this workspace, to copy. */
export function CliImport() {
  const { workspace } = useWorkspace();
  return (
    <pre className="dichter-pre">
      <code>{CLI_IMPORT(workspace.slug)}</code>
    </pre>
  );
}
