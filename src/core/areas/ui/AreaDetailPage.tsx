import { refreshAfterWrite } from '../../../web/queries';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api, ApiError, wsPath } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { shellMessages } from '../../../web/messages';
import { NotFoundPage } from '../../../web/pages/NotFoundPage';
import { BackLink, Button, DataList, Form, Link, Loaded, PageHeading, Section, SubmitButton, TextField, useConfirmedAction, useFormSubmit, useNotify } from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import type { AreaView } from '../schema';
import { AreaTeam } from './AreaTeam';
import { m } from './messages';
import { areaKeys, useKindLabel } from './shared';

function RenameForm({ area }: { area: AreaView }) {
  const t = useT(m);
  const ts = useT(shellMessages);
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const notify = useNotify();
  const [name, setName] = useState(area.name);
  const form = useFormSubmit({
    fields: { name: { id: 'area-name', label: t('new.name') } },
    send: () => api.patch<AreaView>(wsPath(workspace.slug, `areas/${area.id}`), { name }),
    onSaved: async (updated) => {
      await refreshAfterWrite(client, { queryKey: areaKeys.all(workspace.slug) });
      notify(t('detail.renamed', { name: updated.name }));
    },
  });
  return (
    <Section id="area-rename" title={t('detail.rename')} className="dichter-narrow">
      <Form form={form}>
        <TextField id="area-name" label={t('new.name')} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} error={form.fieldError('name')} />
        <SubmitButton busy={form.busy}>{ts('common.save')}</SubmitButton>
      </Form>
    </Section>
  );
}

export default function AreaDetailPage() {
  const t = useT(m);
  const ts = useT(shellMessages);
  const f = useFormat();
  const kindLabel = useKindLabel();
  const { areaId = '' } = useParams();
  const { workspace } = useWorkspace();
  const page = usePagePath();
  const client = useQueryClient();
  const notify = useNotify();
  const area = useQuery({
    queryKey: [...areaKeys.all(workspace.slug), areaId],
    queryFn: () => api.get<AreaView>(wsPath(workspace.slug, `areas/${encodeURIComponent(areaId)}`)),
  });
  const remove = useConfirmedAction({
    action: (doomed: AreaView) => api.delete(wsPath(workspace.slug, `areas/${encodeURIComponent(doomed.id)}`)),
    onDone: async (doomed) => {
      // The lists, years and maps; not this area's own page, which is still on screen.
      await Promise.all(
        [areaKeys.lists(workspace.slug), areaKeys.years(workspace.slug), areaKeys.maps(workspace.slug)].map((queryKey) => refreshAfterWrite(client, { queryKey })),
      );
      notify(t('detail.deleted', { name: doomed.name }), page('gebieden'));
    },
  });
  if (area.isError && area.error instanceof ApiError && (area.error.status === 404 || area.error.status === 400)) return <NotFoundPage />;
  return (
    <>
      <BackLink to={page('gebieden')}>{t('detail.backToList')}</BackLink>
      <Loaded query={area}>
        {(data) => (
          <>
            <PageHeading title={data.name} />
            <DataList
              items={[
                [t('detail.kind'), kindLabel.one(data.kind)],
                [t('detail.code'), data.code ?? ts('common.none')],
                [t('detail.year'), String(data.year)],
                [t('detail.population'), data.population === null ? t('detail.unknown') : f.number(data.population)],
                [
                  t('detail.parent'),
                  data.parent ? (
                    <Link to={page(`gebieden/${data.parent.id}`)}>
                      {data.parent.name}
                      {data.parent.code ? ` (${data.parent.code})` : ''}
                    </Link>
                  ) : (
                    ts('common.none')
                  ),
                ],
                [
                  t('detail.children'),
                  data.childCount > 0 ? (
                    <Link to={page(`gebieden?binnen=${data.id}`)}>{t('detail.childrenLink', { count: f.number(data.childCount) })}</Link>
                  ) : (
                    t('detail.noChildren')
                  ),
                ],
                [
                  t('detail.boundary'),
                  data.hasGeometry ? (
                    <Link to={page(`gebieden/kaart?soort=${data.kind}&jaar=${data.year}`)}>{t('detail.boundaryYes')}</Link>
                  ) : (
                    t('detail.boundaryNo')
                  ),
                ],
              ]}
            />
            <AreaTeam area={data} />
            {data.can.update && <RenameForm key={data.id + data.name} area={data} />}
            {data.can.delete && (
              <div className="dichter-section">
                <Button appearance="danger" onClick={() => remove.ask(data)}>
                  {t('detail.delete')}
                </Button>
              </div>
            )}
            {remove.dialog((doomed) => ({ title: t('detail.deleteTitle', { name: doomed.name }), body: t('detail.deleteBody'), confirmLabel: t('detail.delete') }))}
          </>
        )}
      </Loaded>
    </>
  );
}
