import { useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api, wsPath } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { refreshAfterWrite } from '../../../web/queries';
import { BackLink, PageHeading, Paragraph, useNotify } from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import { m } from './messages';
import { emptyDraft, ObservationForm } from './ObservationForm';
import { isKind, observationKeys, type ObservationView } from './shared';
import { isUuid } from './text';
import './observations.css';

/** "Vastgelegd als nummer 321. Doorgestuurd naar … — antwoord uiterlijk …" */
export function useSavedNotice() {
  const t = useT(m);
  const f = useFormat();
  return (o: ObservationView) =>
    o.ownerName && o.dueAt ? t('new.doneRouted', { number: o.number, owner: o.ownerName, due: f.date(o.dueAt) }) : t('new.done', { number: o.number });
}

/** The fast entry form: a kind, a title, and optionally the rest. `?soort=`, `?actielijn=` and `?regel=` fill it in. */
export default function NewObservationPage() {
  const t = useT(m);
  const { workspace } = useWorkspace();
  const page = usePagePath();
  const client = useQueryClient();
  const notify = useNotify();
  const savedNotice = useSavedNotice();
  const [params] = useSearchParams();
  const kind = params.get('soort');
  const line = params.get('actielijn');
  const rule = params.get('regel');
  const initial = { ...emptyDraft, kind: isKind(kind) ? kind : emptyDraft.kind, lineId: isUuid(line) ? line : '', ruleId: isUuid(rule) ? rule : '' };
  return (
    <div className="dichter-narrow obs-page-form">
      <BackLink to={page('waarnemingen')}>{t('back.list')}</BackLink>
      <PageHeading title={t('new.title')} />
      <Paragraph>{t('new.intro')}</Paragraph>
      <ObservationForm
        initial={initial}
        creating
        submitLabel={t('new.submit')}
        send={(body) => api.post<ObservationView>(wsPath(workspace.slug, 'observations'), body)}
        onSaved={(saved) => {
          client.setQueryData(observationKeys.one(workspace.slug, saved.id), saved);
          notify(savedNotice(saved), page(`waarnemingen/${saved.id}`));
          void refreshAfterWrite(client, { queryKey: observationKeys.all(workspace.slug) });
        }}
      />
    </div>
  );
}
