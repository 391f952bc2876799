import { useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api, ApiError, wsPath } from '../../../web/api';
import { useT } from '../../../web/i18n';
import { NotFoundPage } from '../../../web/pages/NotFoundPage';
import { refreshAfterWrite } from '../../../web/queries';
import { BackLink, Loaded, PageHeading, Paragraph, useNotify } from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import { m } from './messages';
import { draftOf, ObservationForm } from './ObservationForm';
import { observationKeys, useObservation, type ObservationView } from './shared';
import './observations.css';

/** Changing what was recorded: the reporter while it is new, or a coordinator (the observation's `can.update`). */
export default function EditObservationPage() {
  const t = useT(m);
  const { observationId = '' } = useParams();
  const { workspace } = useWorkspace();
  const page = usePagePath();
  const client = useQueryClient();
  const notify = useNotify();
  const observation = useObservation(observationId);
  if (observation.isError && observation.error instanceof ApiError && [400, 404].includes(observation.error.status)) return <NotFoundPage />;
  if (observation.data && !observation.data.can.update) return <NotFoundPage />;
  return (
    <div className="dichter-narrow obs-page-form">
      <BackLink to={page(`waarnemingen/${observationId}`)}>{t('back.observation')}</BackLink>
      <Loaded query={observation}>
        {(o) => {
          const draft = draftOf(o);
          return (
            <>
              <PageHeading title={t('edit.title', { number: o.number })} />
              <Paragraph>{t('edit.intro')}</Paragraph>
              <ObservationForm
                initial={draft}
                creating={false}
                current={o}
                keepNodeIds={o.ladderNodes.filter((n) => n.id !== draft.lineId).map((n) => n.id)}
                submitLabel={t('edit.submit')}
                send={(body) => api.patch<ObservationView>(wsPath(workspace.slug, `observations/${o.id}`), body)}
                onSaved={(saved) => {
                  client.setQueryData(observationKeys.one(workspace.slug, saved.id), saved);
                  notify(t('edit.done', { number: saved.number }), page(`waarnemingen/${saved.id}`));
                  void refreshAfterWrite(client, { queryKey: observationKeys.all(workspace.slug) });
                }}
              />
            </>
          );
        }}
      </Loaded>
    </div>
  );
}
