import { refreshAfterWrite } from '../../../web/queries';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { api, ApiError, wsPath } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { shellMessages } from '../../../web/messages';
import { NotFoundPage } from '../../../web/pages/NotFoundPage';
import { Alert, Button, ConfirmDialog, DataList, errorMessage, Heading, Link, LoadError, Loading, PageHeading, Paragraph, TextField, useFormErrors, useNotify } from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import type { AreaView } from '../schema';
import { m } from './messages';
import { areaKeys, useKindLabel } from './shared';

function RenameForm({ area }: { area: AreaView }) {
  const t = useT(m);
  const ts = useT(shellMessages);
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const notify = useNotify();
  const [name, setName] = useState(area.name);
  const form = useFormErrors({ name: { id: 'area-name', label: t('new.name') } });
  const save = useMutation({
    mutationFn: () => api.patch<AreaView>(wsPath(workspace.slug, `areas/${area.id}`), { name }),
    onSuccess: async (updated) => {
      await refreshAfterWrite(client, { queryKey: areaKeys.all(workspace.slug) });
      notify(t('detail.renamed', { name: updated.name }));
    },
    onError: (err) => form.setError(err),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    form.clear();
    save.mutate();
  };
  return (
    <section className="dichter-section dichter-narrow" aria-labelledby="area-rename">
      <Heading level={2} id="area-rename">
        {t('detail.rename')}
      </Heading>
      {form.summary}
      <form onSubmit={submit} noValidate className="dichter-form">
        <TextField id="area-name" label={t('new.name')} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} error={form.fieldError('name')} />
        <Button type="submit" appearance="primary" busy={save.isPending}>
          {save.isPending ? ts('common.saving') : ts('common.save')}
        </Button>
      </form>
    </section>
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
  const [deleting, setDeleting] = useState(false);
  const area = useQuery({
    queryKey: [...areaKeys.all(workspace.slug), areaId],
    queryFn: () => api.get<AreaView>(wsPath(workspace.slug, `areas/${encodeURIComponent(areaId)}`)),
  });
  const remove = useMutation({
    mutationFn: () => api.delete(wsPath(workspace.slug, `areas/${encodeURIComponent(areaId)}`)),
    onSuccess: async () => {
      const name = area.data?.name ?? '';
      setDeleting(false);
      // The lists, years and maps; not this area's own page, which is still on screen.
      await Promise.all(
        [areaKeys.lists(workspace.slug), areaKeys.years(workspace.slug), areaKeys.maps(workspace.slug)].map((queryKey) => refreshAfterWrite(client, { queryKey })),
      );
      notify(t('detail.deleted', { name }), page('gebieden'));
    },
  });
  if (area.isError && area.error instanceof ApiError && (area.error.status === 404 || area.error.status === 400)) return <NotFoundPage />;
  return (
    <>
      <Paragraph>
        <Link to={page('gebieden')}>{t('detail.backToList')}</Link>
      </Paragraph>
      {area.isPending ? (
        <Loading />
      ) : area.isError ? (
        <LoadError error={area.error} onRetry={() => area.refetch()} />
      ) : (
        <>
          <PageHeading title={area.data.name} />
          <DataList
            items={[
              [t('detail.kind'), kindLabel.one(area.data.kind)],
              [t('detail.code'), area.data.code ?? ts('common.none')],
              [t('detail.year'), String(area.data.year)],
              [t('detail.population'), area.data.population === null ? t('detail.unknown') : f.number(area.data.population)],
              [
                t('detail.parent'),
                area.data.parent ? (
                  <Link to={page(`gebieden/${area.data.parent.id}`)}>
                    {area.data.parent.name}
                    {area.data.parent.code ? ` (${area.data.parent.code})` : ''}
                  </Link>
                ) : (
                  ts('common.none')
                ),
              ],
              [
                t('detail.children'),
                area.data.childCount > 0 ? (
                  <Link to={page(`gebieden?binnen=${area.data.id}`)}>{t('detail.childrenLink', { count: f.number(area.data.childCount) })}</Link>
                ) : (
                  t('detail.noChildren')
                ),
              ],
              [
                t('detail.boundary'),
                area.data.hasGeometry ? (
                  <Link to={page(`gebieden/kaart?soort=${area.data.kind}&jaar=${area.data.year}`)}>{t('detail.boundaryYes')}</Link>
                ) : (
                  t('detail.boundaryNo')
                ),
              ],
            ]}
          />
          {area.data.can.update && <RenameForm key={area.data.id + area.data.name} area={area.data} />}
          {area.data.can.delete && (
            <div className="dichter-section">
              <Button appearance="danger" onClick={() => setDeleting(true)}>
                {t('detail.delete')}
              </Button>
            </div>
          )}
          <ConfirmDialog
            open={deleting}
            title={t('detail.deleteTitle', { name: area.data.name })}
            body={t('detail.deleteBody')}
            confirmLabel={t('detail.delete')}
            busy={remove.isPending}
            error={remove.isError ? <Alert type="error">{errorMessage(remove.error, ts)}</Alert> : undefined}
            onConfirm={() => remove.mutate()}
            onCancel={() => {
              setDeleting(false);
              remove.reset();
            }}
          />
        </>
      )}
    </>
  );
}
