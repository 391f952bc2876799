import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api, ApiError, wsPath } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { NotFoundPage } from '../../../web/pages/NotFoundPage';
import { refreshAfterWrite } from '../../../web/queries';
import { BackLink, EmptyState, Form, Heading, ListItem, Loaded, PageHeading, Paragraph, Section, SelectField, SubmitButton, TextAreaField, TextField, UnorderedList, useFormSubmit, useNotify } from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import { m } from './messages';
import { ASSUMPTION_STATUS_LIST, Badge, ELEMENT_KIND_LIST, ladderKeys, nodeLabel, useLabels, type TheoryView } from './shared';
import './ladder.css';

type Assumption = TheoryView['links'][number]['assumptions'][number];

function useRefresh(nodeId: string) {
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const notify = useNotify();
  return async (notice: string) => {
    await refreshAfterWrite(client, { queryKey: [...ladderKeys.node(workspace.slug, nodeId), 'theory'] });
    notify(notice);
  };
}

function AddElement({ nodeId }: { nodeId: string }) {
  const t = useT(m);
  const labels = useLabels();
  const { workspace } = useWorkspace();
  const refresh = useRefresh(nodeId);
  const [kind, setKind] = useState('activity');
  const [title, setTitle] = useState('');
  const form = useFormSubmit({
    fields: { kind: { id: 'el-kind', label: t('theory.kind') }, title: { id: 'el-title', label: t('theory.elementTitle') } },
    send: () => api.post(wsPath(workspace.slug, `ladder/nodes/${nodeId}/theory/elements`), { kind, title }),
    onSaved: async () => {
      setTitle('');
      await refresh(t('theory.elementAdded', { title }));
    },
  });
  return (
    <Section id="add-element" title={t('theory.addElement')} appearance={3}>
      <Form form={form}>
        <SelectField id="el-kind" label={t('theory.kind')} value={kind} onChange={(e) => setKind(e.target.value)} options={ELEMENT_KIND_LIST.map((k) => ({ value: k, label: labels.element(k) }))} error={form.fieldError('kind')} />
        <TextField id="el-title" label={t('theory.elementTitle')} value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} error={form.fieldError('title')} />
        <SubmitButton busy={form.busy}>{t('theory.addElement')}</SubmitButton>
      </Form>
    </Section>
  );
}

function AddLink({ nodeId, theory }: { nodeId: string; theory: TheoryView }) {
  const t = useT(m);
  const labels = useLabels();
  const { workspace } = useWorkspace();
  const refresh = useRefresh(nodeId);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const options = [{ value: '', label: t('theory.choose') }, ...theory.elements.map((e) => ({ value: e.id, label: `${e.title} (${labels.element(e.kind)})` }))];
  const form = useFormSubmit({
    fields: { fromElementId: { id: 'link-from', label: t('theory.from') }, toElementId: { id: 'link-to', label: t('theory.to') } },
    errorFields: { 'theory.link_exists': 'toElementId', 'theory.link_self': 'toElementId', 'theory.element_not_found': 'fromElementId' },
    send: () => {
      if (!from || !to) throw new ApiError(400, 'request.invalid', t('theory.chooseBoth'), [...(from ? [] : [{ path: 'fromElementId', message: t('theory.chooseOneMsg') }]), ...(to ? [] : [{ path: 'toElementId', message: t('theory.chooseOneMsg') }])]);
      return api.post(wsPath(workspace.slug, `ladder/nodes/${nodeId}/theory/links`), { fromElementId: from, toElementId: to });
    },
    onSaved: async () => {
      setFrom('');
      setTo('');
      await refresh(t('theory.linkAdded'));
    },
  });
  return (
    <Section id="add-link" title={t('theory.addLink')} appearance={3}>
      <Form form={form}>
        <SelectField id="link-from" label={t('theory.from')} value={from} onChange={(e) => setFrom(e.target.value)} options={options} error={form.fieldError('fromElementId')} />
        <SelectField id="link-to" label={t('theory.to')} value={to} onChange={(e) => setTo(e.target.value)} options={options} error={form.fieldError('toElementId')} />
        <SubmitButton busy={form.busy}>{t('theory.addLink')}</SubmitButton>
      </Form>
    </Section>
  );
}

function AddAssumption({ nodeId, theory, linkName }: { nodeId: string; theory: TheoryView; linkName(id: string): string }) {
  const t = useT(m);
  const { workspace } = useWorkspace();
  const refresh = useRefresh(nodeId);
  const [linkId, setLinkId] = useState('');
  const [text, setText] = useState('');
  const form = useFormSubmit({
    fields: { linkId: { id: 'as-link', label: t('theory.link') }, text: { id: 'as-text', label: t('theory.assumptionText') } },
    errorFields: { 'theory.link_not_found': 'linkId' },
    send: () => {
      if (!linkId) throw new ApiError(400, 'request.invalid', '', [{ path: 'linkId', message: t('theory.chooseOneMsg') }]);
      return api.post(wsPath(workspace.slug, `ladder/nodes/${nodeId}/theory/assumptions`), { linkId, text });
    },
    onSaved: async () => {
      setText('');
      await refresh(t('theory.assumptionAdded'));
    },
  });
  return (
    <Section id="add-assumption" title={t('theory.addAssumption')} appearance={3}>
      <Form form={form}>
        <SelectField id="as-link" label={t('theory.link')} value={linkId} onChange={(e) => setLinkId(e.target.value)} options={[{ value: '', label: t('theory.choose') }, ...theory.links.map((l) => ({ value: l.id, label: linkName(l.id) }))]} error={form.fieldError('linkId')} />
        <TextAreaField id="as-text" label={t('theory.assumptionText')} value={text} onChange={(e) => setText(e.target.value)} error={form.fieldError('text')} />
        <SubmitButton busy={form.busy}>{t('theory.addAssumption')}</SubmitButton>
      </Form>
    </Section>
  );
}

function StatusForm({ nodeId, assumption }: { nodeId: string; assumption: Assumption }) {
  const t = useT(m);
  const labels = useLabels();
  const { workspace } = useWorkspace();
  const refresh = useRefresh(nodeId);
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<string>(assumption.status);
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [evidence, setEvidence] = useState('');
  const [reason, setReason] = useState('');
  const id = `st-${assumption.id}`;
  const form = useFormSubmit({
    fields: {
      status: { id: `${id}-status`, label: t('theory.status') },
      statusDate: { id: `${id}-date`, label: t('theory.date') },
      evidence: { id: `${id}-evidence`, label: t('theory.evidence') },
      reason: { id: `${id}-reason`, label: t('theory.reason') },
    },
    send: () => api.patch(wsPath(workspace.slug, `ladder/nodes/${nodeId}/theory/assumptions/${assumption.id}`), { status, statusDate: date || null, evidence, reason }),
    onSaved: async () => {
      setOpen(false);
      await refresh(t('theory.statusChanged', { status: labels.assumption(status) }));
    },
  });
  return (
    <div className="dichter-subsection">
      <button type="button" className="utrecht-button utrecht-button--secondary-action" aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => setOpen((v) => !v)}>
        {t('theory.changeStatus')}
      </button>
      <div id={`${id}-panel`} hidden={!open}>
        {open && (
          <Form form={form}>
            <SelectField id={`${id}-status`} label={t('theory.status')} value={status} onChange={(e) => setStatus(e.target.value)} options={ASSUMPTION_STATUS_LIST.map((s) => ({ value: s, label: labels.assumption(s) }))} error={form.fieldError('status')} />
            <TextField id={`${id}-date`} type="date" label={t('theory.date')} className="dichter-input-date" value={date} onChange={(e) => setDate(e.target.value)} error={form.fieldError('statusDate')} />
            <TextAreaField id={`${id}-evidence`} label={t('theory.evidence')} description={t('theory.evidenceHelp')} value={evidence} onChange={(e) => setEvidence(e.target.value)} error={form.fieldError('evidence')} />
            <TextAreaField id={`${id}-reason`} label={t('theory.reason')} value={reason} onChange={(e) => setReason(e.target.value)} error={form.fieldError('reason')} />
            <SubmitButton busy={form.busy}>{t('theory.saveStatus')}</SubmitButton>
          </Form>
        )}
      </div>
    </div>
  );
}

function Theory({ nodeId, theory, version }: { nodeId: string; theory: TheoryView; version: number }) {
  const t = useT(m);
  const f = useFormat();
  const labels = useLabels();
  const { workspace } = useWorkspace();
  const el = new Map(theory.elements.map((e) => [e.id, e]));
  const linkName = (id: string) => {
    const l = theory.links.find((x) => x.id === id)!;
    return `${el.get(l.fromElementId)?.title ?? '?'} → ${el.get(l.toElementId)?.title ?? '?'}`;
  };
  const svg = `${wsPath(workspace.slug, `ladder/nodes/${nodeId}/theory/diagram.svg`)}?v=${version}`;
  return (
    <>
      {theory.elements.length === 0 ? (
        <EmptyState title={t('theory.emptyTitle')}>
          <Paragraph>{theory.can.manage ? t('theory.emptyManage') : t('theory.emptyRead')}</Paragraph>
        </EmptyState>
      ) : (
        <>
          <figure className="dichter-diagram">
            <img src={svg} alt={t('theory.alt', { title: nodeLabel(theory.actionLine) })} className="dichter-diagram__img" />
            <figcaption className="dichter-small">
              {t('theory.caption')} <a className="nl-link" href={svg} target="_blank" rel="noreferrer">{t('theory.openSvg')}</a>
            </figcaption>
          </figure>
          <Section id="chains" title={t('theory.chains')}>
            <Paragraph>{t('theory.chainsIntro')}</Paragraph>
            {theory.chains.length ? (
              <ol className="utrecht-ordered-list dichter-chains">
                {theory.chains.map((c, i) => (
                  <li key={i} className="utrecht-ordered-list__item">
                    {c}
                  </li>
                ))}
              </ol>
            ) : (
              <Paragraph>{t('theory.noChains')}</Paragraph>
            )}
          </Section>
          <Section id="elements" title={t('theory.elements')}>
            {ELEMENT_KIND_LIST.map((k) => {
              const list = theory.elements.filter((e) => e.kind === k);
              return (
                <div key={k}>
                  <Heading level={3}>{labels.element(k)}</Heading>
                  {list.length ? (
                    <UnorderedList>
                      {list.map((e) => (
                        <ListItem key={e.id}>
                          {e.title}
                          {e.description && <span className="dichter-small"> — {e.description}</span>}
                        </ListItem>
                      ))}
                    </UnorderedList>
                  ) : (
                    <Paragraph small>{t('theory.noneOfKind')}</Paragraph>
                  )}
                </div>
              );
            })}
          </Section>
          <Section id="links" title={t('theory.links')}>
            {theory.links.length === 0 && <Paragraph>{t('theory.noLinks')}</Paragraph>}
            {theory.links.map((l) => (
              <article key={l.id} className="dichter-card dichter-link-card" aria-labelledby={`link-${l.id}`}>
                <Heading level={3} appearance={4} id={`link-${l.id}`}>
                  {linkName(l.id)}
                </Heading>
                {l.assumptions.length === 0 ? (
                  <Paragraph small>{t('theory.noAssumptions')}</Paragraph>
                ) : (
                  l.assumptions.map((a) => (
                    <div key={a.id} className="dichter-assumption">
                      <Paragraph>
                        <strong>{t('theory.assumption')}:</strong> {a.text}{' '}
                        <Badge kind="assumption" value={a.status}>
                          {t('theory.statusIs', { status: labels.assumption(a.status) })}
                        </Badge>
                      </Paragraph>
                      {(a.statusDate || a.evidence) && (
                        <Paragraph small>
                          {a.statusDate && `${f.date(a.statusDate)}. `}
                          {a.evidence}
                        </Paragraph>
                      )}
                      {a.history.length > 0 && (
                        <details className="dichter-history">
                          <summary>{t('theory.history', { count: a.history.length })}</summary>
                          <ol className="utrecht-ordered-list">
                            {a.history.map((h) => (
                              <li key={h.id} className="utrecht-ordered-list__item">
                                <strong>{labels.assumption(h.status)}</strong> — {h.statusDate ? f.date(h.statusDate) : f.dateTime(h.changedAt)}
                                {h.actorName && `, ${t('theory.by', { name: h.actorName })}`}
                                {h.reason && (
                                  <>
                                    <br />
                                    {t('theory.reasonIs', { reason: h.reason })}
                                  </>
                                )}
                                {h.evidence && (
                                  <>
                                    <br />
                                    {t('theory.evidenceIs', { evidence: h.evidence })}
                                  </>
                                )}
                                {h.evidenceLinks.length > 0 && (
                                  <>
                                    <br />
                                    {h.evidenceLinks.join('; ')}
                                  </>
                                )}
                              </li>
                            ))}
                          </ol>
                        </details>
                      )}
                      {theory.can.manage && <StatusForm nodeId={nodeId} assumption={a} />}
                    </div>
                  ))
                )}
              </article>
            ))}
          </Section>
        </>
      )}
      {theory.can.manage && (
        <Section id="edit-theory" title={t('theory.edit')}>
          <AddElement nodeId={nodeId} />
          {theory.elements.length >= 2 && <AddLink nodeId={nodeId} theory={theory} />}
          {theory.links.length > 0 && <AddAssumption nodeId={nodeId} theory={theory} linkName={linkName} />}
        </Section>
      )}
    </>
  );
}

export default function TheoryPage() {
  const t = useT(m);
  const { nodeId = '' } = useParams();
  const { workspace } = useWorkspace();
  const page = usePagePath();
  const theory = useQuery({
    queryKey: [...ladderKeys.node(workspace.slug, nodeId), 'theory'],
    queryFn: () => api.get<TheoryView>(wsPath(workspace.slug, `ladder/nodes/${encodeURIComponent(nodeId)}/theory`)),
  });
  if (theory.isError && theory.error instanceof ApiError && (theory.error.status === 404 || theory.error.status === 400)) return <NotFoundPage />;
  return (
    <>
      <BackLink to={page(`ladder/knoop/${nodeId}`)}>{t('detail.backToNode')}</BackLink>
      <Loaded query={theory}>
        {(data) => (
          <>
            <PageHeading title={t('theory.title', { title: nodeLabel(data.actionLine) })} />
            <Paragraph>{t('theory.intro')}</Paragraph>
            <Theory nodeId={nodeId} theory={data} version={theory.dataUpdatedAt} />
          </>
        )}
      </Loaded>
    </>
  );
}
