import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, wsPath, type List } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { DataTable, EmptyState, Loaded, PageHeading, Paragraph, UrlPagination, useUrlOffset } from '../../../web/ui';
import { moduleUis } from '../../../web/modules';
import { useWorkspace } from '../../../web/workspace';
import type { auditEntryView } from '../schema';
import { m, type Key } from './messages';

type AuditEntry = z.infer<typeof auditEntryView>;

const PAGE_SIZE = 25;

function show(value: unknown, empty: string) {
  if (value === null || value === undefined || value === '') return empty;
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/**
 * "Partner 'Buurtteam' gewijzigd" (the name it had then), "Partner gewijzigd" when the entry
 * names nothing. Each module names its own entities and actions (`audit` in its ui/index.ts);
 * an entry no module names shows its raw name.
 */
function useDescribe() {
  const t = useT(m);
  const named = useT(moduleUis.audit);
  return (entry: AuditEntry) => {
    const name = (key: string, raw: string) => (key in m.nl ? t(key as Key) : key in moduleUis.audit.nl ? named(key) : raw);
    const entity = name(`entity.${entry.entity}`, entry.entity);
    const action = name(`action.${entry.action}`, entry.action);
    return entry.entityLabel ? t('audit.describeNamed', { entity, label: entry.entityLabel, action }) : t('audit.describe', { entity, action });
  };
}

/** The changed fields of one entry: before and after for a change, else the value created, imported or deleted. */
function Changes({ entry }: { entry: AuditEntry }) {
  const t = useT(m);
  const fieldLabel = (field: string) => (`afield.${field}` in m.nl ? t(`afield.${field}` as Key) : field);
  const changes = Object.entries(entry.changes);
  if (changes.length === 0) return t('audit.noChanges');
  return (
    <dl className="dichter-changes">
      {changes.map(([field, change]) => (
        <div key={field}>
          <dt>{fieldLabel(field)}</dt>
          <dd>
            {entry.action === 'update' ? (
              <>
                <span className="dichter-changes__label">{t('audit.before')}:</span> <del>{show(change.before, t('audit.emptyValue'))}</del>
                <br />
                <span className="dichter-changes__label">{t('audit.after')}:</span> <ins>{show(change.after, t('audit.emptyValue'))}</ins>
              </>
            ) : (
              // Created or imported: the new value; deleted: the value it had.
              show(change.after ?? change.before, t('audit.emptyValue'))
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export default function AuditPage() {
  const t = useT(m);
  const f = useFormat();
  const describe = useDescribe();
  const { workspace } = useWorkspace();
  const [offset] = useUrlOffset();
  const audit = useQuery({
    queryKey: ['w', workspace.slug, 'audit', offset],
    queryFn: () => api.get<List<AuditEntry>>(wsPath(workspace.slug, `audit?limit=${PAGE_SIZE}&offset=${offset}`)),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeading title={t('audit.title')} />
      <Paragraph>{t('audit.intro')}</Paragraph>
      <Loaded
        query={audit}
        isEmpty={(data) => data.items.length === 0 && offset === 0}
        empty={
          <EmptyState title={t('audit.emptyTitle')}>
            <Paragraph>{t('audit.empty')}</Paragraph>
          </EmptyState>
        }
      >
        {(data) => (
          <>
            <DataTable
              caption={t('audit.caption')}
              rows={data.items}
              rowKey={(entry) => entry.id}
              columns={[
                { header: t('audit.when'), className: 'dichter-nowrap', cell: (entry) => f.dateTime(entry.createdAt) },
                { header: t('audit.who'), cell: (entry) => entry.actorName ?? t('audit.system') },
                { header: t('audit.what'), cell: describe },
                { header: t('audit.changes'), cell: (entry) => <Changes entry={entry} /> },
              ]}
            />
            <UrlPagination total={data.total} limit={PAGE_SIZE} />
          </>
        )}
      </Loaded>
    </>
  );
}
