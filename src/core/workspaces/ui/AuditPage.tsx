import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import { api, wsPath, type List } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { EmptyState, LoadError, Loading, PageHeading, Pagination, Paragraph, Table, TBody, Td, Th, THead, Tr } from '../../../web/ui';
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

/** "Partner gewijzigd", or the raw names for entities of modules this page does not know. */
function useDescribe() {
  const t = useT(m);
  return (entry: AuditEntry) => {
    const entityKey = `entity.${entry.entity}` as Key;
    const actionKey = `action.${entry.action}` as Key;
    const entity = entityKey in m.nl ? t(entityKey) : entry.entity;
    const action = actionKey in m.nl ? t(actionKey) : entry.action;
    return `${entity} ${action}`;
  };
}

export default function AuditPage() {
  const t = useT(m);
  const fieldLabel = (field: string) => (`afield.${field}` in m.nl ? t(`afield.${field}` as Key) : field);
  const f = useFormat();
  const describe = useDescribe();
  const { workspace } = useWorkspace();
  const [params, setParams] = useSearchParams();
  const offset = Math.max(0, Number(params.get('vanaf')) || 0);
  const audit = useQuery({
    queryKey: ['w', workspace.slug, 'audit', offset],
    queryFn: () => api.get<List<AuditEntry>>(wsPath(workspace.slug, `audit?limit=${PAGE_SIZE}&offset=${offset}`)),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeading title={t('audit.title')} />
      <Paragraph>{t('audit.intro')}</Paragraph>
      {audit.isPending ? (
        <Loading />
      ) : audit.isError ? (
        <LoadError error={audit.error} onRetry={() => audit.refetch()} />
      ) : audit.data.items.length === 0 && offset === 0 ? (
        <EmptyState title={t('audit.emptyTitle')}>
          <Paragraph>{t('audit.empty')}</Paragraph>
        </EmptyState>
      ) : (
        <>
          <Table caption={t('audit.caption')}>
            <THead>
              <Th>{t('audit.when')}</Th>
              <Th>{t('audit.who')}</Th>
              <Th>{t('audit.what')}</Th>
              <Th>{t('audit.changes')}</Th>
            </THead>
            <TBody>
              {audit.data.items.map((entry) => {
                const changes = Object.entries(entry.changes);
                return (
                  <Tr key={entry.id}>
                    <Td className="dichter-nowrap">{f.dateTime(entry.createdAt)}</Td>
                    <Td>{entry.actorName ?? t('audit.system')}</Td>
                    <Td>{describe(entry)}</Td>
                    <Td>
                      {changes.length === 0 ? (
                        t('audit.noChanges')
                      ) : (
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
                      )}
                    </Td>
                  </Tr>
                );
              })}
            </TBody>
          </Table>
          <Pagination
            total={audit.data.total}
            limit={PAGE_SIZE}
            offset={offset}
            onOffset={(next) => {
              const p = new URLSearchParams(params);
              if (next) p.set('vanaf', String(next));
              else p.delete('vanaf');
              setParams(p);
            }}
          />
        </>
      )}
    </>
  );
}
