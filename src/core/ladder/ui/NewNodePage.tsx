import { useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api, wsPath } from '../../../web/api';
import { useT } from '../../../web/i18n';
import { refreshAfterWrite } from '../../../web/queries';
import { BackLink, Loaded, PageHeading, Paragraph, useNotify } from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import { m } from './messages';
import { NodeForm, draftOf } from './NodeForm';
import { RUNG_LIST, ladderKeys, useTree, type NodeView, type Rung } from './shared';
import './ladder.css';

export default function NewNodePage() {
  const t = useT(m);
  const { workspace } = useWorkspace();
  const page = usePagePath();
  const client = useQueryClient();
  const notify = useNotify();
  const tree = useTree();
  const [params] = useSearchParams();
  const asked = params.get('trede') as Rung | null;
  const rung: Rung = asked && RUNG_LIST.includes(asked) ? asked : 'action_line';
  const parent = params.get('ouder') ?? undefined;
  return (
    <div className="dichter-narrow">
      <BackLink to={parent ? page(`ladder/knoop/${parent}`) : page('ladder')}>{parent ? t('detail.backToNode') : t('detail.backToTree')}</BackLink>
      <PageHeading title={t('new.title')} />
      <Paragraph>{t('new.intro')}</Paragraph>
      <Loaded query={tree}>
        {() => (
          <NodeForm
            initial={draftOf(null, rung, parent)}
            creating
            submitLabel={t('new.submit')}
            send={(body) => api.post<NodeView>(wsPath(workspace.slug, 'ladder/nodes'), body)}
            onSaved={async (node) => {
              await refreshAfterWrite(client, { queryKey: ladderKeys.all(workspace.slug) });
              notify(t('new.done', { title: node.title }), page(`ladder/knoop/${node.id}`));
            }}
          />
        )}
      </Loaded>
    </div>
  );
}
