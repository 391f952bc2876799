import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { z } from 'zod';
import { api, ApiError, wsPath } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { shellMessages } from '../../../web/messages';
import { NotFoundPage } from '../../../web/pages/NotFoundPage';
import { refreshAfterWrite } from '../../../web/queries';
import {
  Alert,
  BackLink,
  Button,
  ButtonGroup,
  ButtonLink,
  ConfirmDialog,
  DataList,
  EmptyState,
  errorMessage,
  Link,
  ListItem,
  Loaded,
  PageHeading,
  Paragraph,
  Section,
  SelectField,
  UnorderedList,
  useNotify,
} from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import type { traceView } from '../schema';
import { m } from './messages';
import { NodeForm, draftOf } from './NodeForm';
import { Badge, ladderKeys, nodeLabel, rungBelow, useLabels, useLookups, useTree, type NodeView } from './shared';
import './ladder.css';

type Trace = z.infer<typeof traceView>;
type Down = Trace['down'][number];

/** Moves focus once the page has re-rendered (a heading or paragraph gets tabindex="-1" so it can take focus). */
function focusSoon(id: string) {
  setTimeout(() => {
    const el = document.getElementById(id);
    if (!el) return;
    if (!el.matches('a[href], button, input, select, textarea, [tabindex]')) el.setAttribute('tabindex', '-1');
    el.focus();
  }, 0);
}

function TraceSection({ node }: { node: NodeView }) {
  const t = useT(m);
  const labels = useLabels();
  const page = usePagePath();
  const { workspace } = useWorkspace();
  const trace = useQuery({
    queryKey: [...ladderKeys.node(workspace.slug, node.id), 'trace'],
    queryFn: () => api.get<Trace>(wsPath(workspace.slug, `ladder/nodes/${node.id}/trace`)),
  });
  const renderDown = (list: Down[], depth: number): React.ReactNode => (
    <ul className={depth === 0 ? 'utrecht-unordered-list dichter-trace-down' : 'utrecht-unordered-list'}>
      {list.map((d) => (
        <li key={d.id} className="utrecht-unordered-list__item">
          <Link to={page(`ladder/knoop/${d.id}`)}>{d.title}</Link> <Badge kind="rung">{labels.rung(d.rung)}</Badge>
          {d.children.length > 0 && renderDown(d.children, depth + 1)}
        </li>
      ))}
    </ul>
  );
  return (
    <Section id="trace" title={t('trace.title')}>
      <Paragraph>{t('trace.intro')}</Paragraph>
      <Loaded query={trace}>
        {(data) => (
          <>
            <h3 className="nl-heading nl-heading--level-3">{t('trace.up')}</h3>
            {node.rung === 'value' ? (
              <Paragraph>{t('trace.isValue')}</Paragraph>
            ) : data.up.length === 0 ? (
              <Alert type="warning">
                <Paragraph>{t('trace.noValue')}</Paragraph>
              </Alert>
            ) : (
              <ol className="utrecht-ordered-list dichter-chains">
                {data.up.map((path, i) => (
                  <li key={i} className="utrecht-ordered-list__item">
                    {[...path].reverse().map((step, j) => (
                      <span key={step.id}>
                        {j > 0 && ' › '}
                        {step.id === node.id ? <strong>{step.title}</strong> : <Link to={page(`ladder/knoop/${step.id}`)}>{step.title}</Link>}
                        <span className="dichter-small"> ({labels.rung(step.rung)})</span>
                      </span>
                    ))}
                  </li>
                ))}
              </ol>
            )}
            <h3 className="nl-heading nl-heading--level-3">{t('trace.down')}</h3>
            {data.down.length === 0 ? <Paragraph>{node.rung === 'intervention' ? t('trace.isIntervention') : t('trace.nothingBelow')}</Paragraph> : renderDown(data.down, 0)}
          </>
        )}
      </Loaded>
    </Section>
  );
}

/** Delete with confirmation; when children would lose their last parent, ask what happens to them. */
function DeleteNode({ node }: { node: NodeView }) {
  const t = useT(m);
  const ts = useT(shellMessages);
  const { workspace } = useWorkspace();
  const page = usePagePath();
  const client = useQueryClient();
  const notify = useNotify();
  const tree = useTree();
  const labels = useLabels();
  const [open, setOpen] = useState(false);
  const [orphans, setOrphans] = useState<{ id: string; title: string }[] | null>(null);
  const [choice, setChoice] = useState<'delete' | 'reparent'>('reparent');
  const [newParentId, setNewParentId] = useState('');
  const [localError, setLocalError] = useState('');
  // Where the children can go: another node on the same rung as this one (also for a value, which has no parent).
  const siblings = (tree.data?.nodes ?? [])
    .filter((n) => n.rung === node.rung && n.id !== node.id)
    .sort((a, b) => (a.code ?? '\uffff').localeCompare(b.code ?? '\uffff', 'nl', { numeric: true }) || a.title.localeCompare(b.title, 'nl'))
    .map((n) => ({ value: n.id, label: nodeLabel(n) }));
  const remove = useMutation({
    mutationFn: () => {
      const q = orphans ? (choice === 'delete' ? '?children=delete' : `?children=reparent&newParentId=${encodeURIComponent(newParentId)}`) : '';
      return api.delete(wsPath(workspace.slug, `ladder/nodes/${node.id}${q}`));
    },
    onSuccess: async () => {
      setOpen(false);
      await refreshAfterWrite(client, { queryKey: ladderKeys.tree(workspace.slug) });
      client.removeQueries({ queryKey: ladderKeys.node(workspace.slug, node.id) });
      // Parents, children and a new parent show other children now: their pages are fetched afresh.
      client.removeQueries({ queryKey: [...ladderKeys.all(workspace.slug), 'node'], type: 'inactive' });
      client.removeQueries({ queryKey: ladderKeys.check(workspace.slug), type: 'inactive' });
      notify(t('delete.done', { title: node.title }), page('ladder'));
    },
    onError: (err) => {
      if (err instanceof ApiError && err.id === 'ladder.would_orphan') {
        const ids = err.fields.map((f) => f.path.replace(/^children\./, ''));
        const names = new Map([...node.children, ...(tree.data?.nodes ?? [])].map((n) => [n.id, nodeLabel(n)]));
        setOrphans(ids.map((id) => ({ id, title: names.get(id) ?? id })));
        setChoice(siblings.length ? 'reparent' : 'delete');
        remove.reset();
        // The dialog now asks a question: move focus to its explanation, so it is read first.
        focusSoon('orphans-intro');
      }
    },
  });
  const close = () => {
    setOpen(false);
    setOrphans(null);
    setLocalError('');
    remove.reset();
  };
  const confirm = () => {
    setLocalError('');
    if (orphans && choice === 'reparent' && !newParentId) {
      setLocalError(t('delete.chooseParent'));
      focusSoon('orphans-new-parent');
      return;
    }
    remove.mutate();
  };
  const body = orphans ? (
    <>
      <Paragraph id="orphans-intro">{t('delete.orphansIntro', { count: orphans.length })}</Paragraph>
      <UnorderedList>
        {orphans.map((o) => (
          <ListItem key={o.id}>{o.title}</ListItem>
        ))}
      </UnorderedList>
      <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('delete.whatHappens')}</legend>
        <div className="dichter-radios">
          <div className="dichter-radio">
            <input
              type="radio"
              id="orphans-reparent"
              name="orphans"
              className="utrecht-radio-button utrecht-radio-button--html-input"
              checked={choice === 'reparent'}
              disabled={siblings.length === 0}
              aria-describedby={siblings.length === 0 ? 'orphans-no-siblings' : undefined}
              onChange={() => setChoice('reparent')}
            />
            <label className="utrecht-form-label utrecht-form-label--radio" htmlFor="orphans-reparent">
              {t('delete.reparent')}
            </label>
          </div>
          {siblings.length === 0 && (
            <Paragraph small id="orphans-no-siblings">
              {t('delete.noSiblings', { rung: labels.rung(node.rung).toLowerCase() })}
            </Paragraph>
          )}
          <div className="dichter-radio">
            <input type="radio" id="orphans-delete" name="orphans" className="utrecht-radio-button utrecht-radio-button--html-input" checked={choice === 'delete'} onChange={() => setChoice('delete')} />
            <label className="utrecht-form-label utrecht-form-label--radio" htmlFor="orphans-delete">
              {t('delete.alsoDelete')}
            </label>
          </div>
        </div>
      </fieldset>
      {choice === 'reparent' && (
        <SelectField
          id="orphans-new-parent"
          label={t('delete.newParent')}
          description={t('delete.newParentHelp', { rung: labels.rung(node.rung).toLowerCase() })}
          value={newParentId}
          onChange={(e) => setNewParentId(e.target.value)}
          options={[{ value: '', label: t('delete.chooseOne') }, ...siblings]}
          error={localError || undefined}
        />
      )}
    </>
  ) : (
    t('delete.body', { title: node.title })
  );
  return (
    <>
      <Button appearance="danger" onClick={() => setOpen(true)}>
        {t('delete.action')}
      </Button>
      <ConfirmDialog
        open={open}
        title={t('delete.title', { title: node.title })}
        body={body}
        confirmLabel={orphans ? (choice === 'delete' ? t('delete.confirmAll') : t('delete.confirmMove')) : t('delete.action')}
        busy={remove.isPending}
        error={remove.isError ? <Alert type="error">{errorMessage(remove.error, ts)}</Alert> : undefined}
        onConfirm={confirm}
        onCancel={close}
      />
    </>
  );
}

function EditSection({ node }: { node: NodeView }) {
  const t = useT(m);
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  return (
    <section className="dichter-section" aria-labelledby="edit-node">
      <h2 className="nl-heading nl-heading--level-2" id="edit-node">
        <button type="button" id="edit-node-button" className="utrecht-button utrecht-button--subtle dichter-expander" aria-expanded={open} aria-controls="edit-node-panel" onClick={() => setOpen((v) => !v)}>
          {t('edit.title')}
        </button>
      </h2>
      <div id="edit-node-panel" hidden={!open} className="dichter-narrow">
        {open && (
          <NodeForm
            initial={draftOf(node, node.rung)}
            creating={false}
            submitLabel={t('edit.submit')}
            send={(body) => api.patch<NodeView>(wsPath(workspace.slug, `ladder/nodes/${node.id}`), body)}
            onSaved={async (saved) => {
              setOpen(false);
              await refreshAfterWrite(client, { queryKey: ladderKeys.all(workspace.slug) });
              notify(t('edit.done', { title: saved.title }));
              // The section is drawn again for the saved node: back to its button, by the confirmation.
              focusSoon('edit-node-button');
            }}
          />
        )}
      </div>
    </section>
  );
}

export default function NodePage() {
  const t = useT(m);
  const ts = useT(shellMessages);
  const f = useFormat();
  const labels = useLabels();
  const { nodeId = '' } = useParams();
  const { workspace } = useWorkspace();
  const page = usePagePath();
  const lookups = useLookups();
  const node = useQuery({
    queryKey: ladderKeys.node(workspace.slug, nodeId),
    queryFn: () => api.get<NodeView>(wsPath(workspace.slug, `ladder/nodes/${encodeURIComponent(nodeId)}`)),
  });
  if (node.isError && node.error instanceof ApiError && (node.error.status === 404 || node.error.status === 400)) return <NotFoundPage />;
  const partnerName = (id: string) => lookups.data?.partners.find((p) => p.id === id)?.name ?? '…';
  const areaName = (id: string) => lookups.data?.areas.find((a) => a.id === id)?.name ?? '…';
  return (
    <>
      <BackLink to={page('ladder')}>{t('detail.backToTree')}</BackLink>
      <Loaded query={node}>
        {(n) => {
          const below = rungBelow(n.rung);
          const refs = (list: NodeView['parents']) =>
            list.length ? (
              <ul className="utrecht-unordered-list dichter-plain-list">
                {list.map((p) => (
                  <li key={p.id}>
                    <Link to={page(`ladder/knoop/${p.id}`)}>{nodeLabel(p)}</Link>
                  </li>
                ))}
              </ul>
            ) : (
              ts('common.none')
            );
          const works = n.rung === 'action_line' || n.rung === 'intervention';
          const items: [React.ReactNode, React.ReactNode][] = [
            [t('field.rung'), labels.rung(n.rung)],
            [t('field.code'), n.code ?? ts('common.none')],
            [t('field.description'), n.description ? <span className="dichter-prewrap">{n.description}</span> : ts('common.none')],
            [t('field.public'), n.public ? t('detail.publicYes') : t('detail.publicNo')],
          ];
          if (n.rung !== 'value') items.push([t('field.parents'), refs(n.parents)]);
          if (below) items.push([t('detail.children', { rung: labels.rungPlural(below) }), refs(n.children)]);
          if (works) {
            items.push(
              [t('field.owner'), [n.ownerPartnerName, n.ownerUserName].filter(Boolean).join(' · ') || ts('common.none')],
              [t('field.partners'), n.partnerIds.map(partnerName).join(', ') || ts('common.none')],
              [t('field.areas'), n.areaIds.map(areaName).join(', ') || ts('common.none')],
            );
            if (n.rung === 'action_line') items.push([t('field.phase'), n.phase ? labels.phase(n.phase) : ts('common.none')]);
            if (n.rung === 'intervention') items.push([t('field.kind'), n.kind ? labels.kind(n.kind) : ts('common.none')]);
            items.push(
              [t('field.status'), n.status ? labels.status(n.status) : ts('common.none')],
              [t('detail.period'), [n.startDate && f.date(n.startDate), n.endDate && f.date(n.endDate)].filter(Boolean).join(' – ') || ts('common.none')],
            );
            if (n.rung === 'intervention') items.push([t('field.budget'), n.budgetCents != null ? `€ ${f.number(n.budgetCents / 100)}` : ts('common.none')]);
          }
          return (
            <>
              <PageHeading title={nodeLabel(n)} />
              <Paragraph>
                <Badge kind="rung" value={n.rung}>
                  {labels.rung(n.rung)}
                </Badge>
              </Paragraph>
              <ButtonGroup>
                {n.rung === 'action_line' && <ButtonLink appearance="primary" to={page(`ladder/knoop/${n.id}/theorie`)}>{t('detail.theory')}</ButtonLink>}
                {below && n.can.update && <ButtonLink to={page(`ladder/nieuw?trede=${below}&ouder=${n.id}`)}>{t('detail.addChild', { rung: labels.rung(below).toLowerCase() })}</ButtonLink>}
              </ButtonGroup>
              <DataList items={items} />
              <TraceSection node={n} />
              {n.can.update && <EditSection key={n.updatedAt} node={n} />}
              {n.can.delete && (
                <div className="dichter-section">
                  <DeleteNode node={n} />
                </div>
              )}
              {!n.can.update && n.children.length === 0 && n.rung !== 'intervention' && (
                <EmptyState title={t('detail.noChildrenTitle')}>
                  <Paragraph>{t('detail.noChildrenReader')}</Paragraph>
                </EmptyState>
              )}
            </>
          );
        }}
      </Loaded>
    </>
  );
}
