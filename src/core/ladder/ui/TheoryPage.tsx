import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type KeyboardEvent } from 'react';
import { useParams } from 'react-router';
import { api, ApiError, wsPath } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { shellMessages } from '../../../web/messages';
import { NotFoundPage } from '../../../web/pages/NotFoundPage';
import { refreshAfterWrite } from '../../../web/queries';
import {
  BackLink,
  Button,
  ButtonGroup,
  EmptyState,
  Fieldset,
  Form,
  Heading,
  ListItem,
  Loaded,
  PageHeading,
  Paragraph,
  Section,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  UnorderedList,
  useConfirmedAction,
  useFormSubmit,
  useNotify,
  type FieldRef,
} from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import { m } from './messages';
import { ASSUMPTION_STATUS_LIST, Badge, ELEMENT_KIND_LIST, ladderKeys, nodeLabel, useLabels, type TheoryView } from './shared';
import './ladder.css';

type Element = TheoryView['elements'][number];
type Link = TheoryView['links'][number];
type Assumption = Link['assumptions'][number];
type History = Assumption['history'][number];

// Evidence items. The API keeps the evidence behind a status as a list of short texts
// (`evidenceLinks`); one item is written as "kind: label <url>", which reads well in the API,
// the audit log and exports, and which this page reads back into kind, label and link.
// Texts in another shape (e.g. a bare URL sent through the API) are shown as they are.

const EVIDENCE_KINDS = ['observation', 'measurement', 'session_note', 'other'] as const;
type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
interface EvidenceItem {
  kind: EvidenceKind | null;
  label: string;
  url: string;
}
const EVIDENCE_PATTERN = /^(observation|measurement|session_note|other): ([\s\S]+?)(?: <(\S+)>)?$/;
const encodeEvidence = (e: { kind: EvidenceKind; label: string; url: string }) => `${e.kind}: ${e.label.trim()}${e.url.trim() ? ` <${e.url.trim()}>` : ''}`;
function parseEvidence(raw: string): EvidenceItem {
  const match = EVIDENCE_PATTERN.exec(raw);
  if (match) return { kind: match[1] as EvidenceKind, label: match[2], url: match[3] ?? '' };
  return { kind: null, label: raw, url: /^https?:\/\/\S+$/i.test(raw) ? raw : '' };
}
/** Only web addresses become links: evidence comes from the API and may hold anything. */
const isWebAddress = (url: string) => {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
};

/** The local date as YYYY-MM-DD (a date input's value). */
function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Moves focus once the page has re-rendered: to the first of these elements that exists
 * (a heading gets tabindex="-1" so it can take focus), else to the page's h1.
 */
function focusSoon(...ids: string[]) {
  setTimeout(() => {
    const el = ids.map((id) => document.getElementById(id)).find(Boolean) ?? document.querySelector<HTMLElement>('h1');
    if (!el) return;
    if (!el.matches('a[href], button, input, select, textarea, [tabindex]')) el.setAttribute('tabindex', '-1');
    el.focus();
  }, 0);
}

/** After a change to the theory: the theory (text, chains, diagram), the node and its trace are fetched again. */
function useRefresh(nodeId: string) {
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const notify = useNotify();
  return async (notice: string) => {
    await refreshAfterWrite(client, { queryKey: ladderKeys.node(workspace.slug, nodeId) });
    notify(notice);
  };
}

/** A button that shows a small form below it; Escape or Cancel closes it and focus returns to the button. */
function useInlinePanel(id: string) {
  const [open, setOpen] = useState(false);
  const buttonId = `${id}-button`;
  const close = () => {
    setOpen(false);
    focusSoon(buttonId);
  };
  return {
    open,
    close,
    button: { id: buttonId, 'aria-expanded': open, 'aria-controls': `${id}-panel`, onClick: () => setOpen((v) => !v) },
    panel: {
      id: `${id}-panel`,
      hidden: !open,
      className: 'dichter-inline-panel',
      onKeyDown: (event: KeyboardEvent) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          close();
        }
      },
    },
  };
}

function CancelButton({ onClick }: { onClick(): void }) {
  const ts = useT(shellMessages);
  return (
    <Button appearance="subtle" onClick={onClick}>
      {ts('common.cancel')}
    </Button>
  );
}

function AddElement({ nodeId }: { nodeId: string }) {
  const t = useT(m);
  const labels = useLabels();
  const { workspace } = useWorkspace();
  const refresh = useRefresh(nodeId);
  const [kind, setKind] = useState('activity');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const form = useFormSubmit({
    fields: {
      kind: { id: 'el-kind', label: t('theory.kind') },
      title: { id: 'el-title', label: t('theory.elementTitle') },
      description: { id: 'el-description', label: t('theory.elementDescription') },
    },
    send: () => api.post<Element>(wsPath(workspace.slug, `ladder/nodes/${nodeId}/theory/elements`), { kind, title, ...(description.trim() ? { description } : {}) }),
    onSaved: async (saved) => {
      setTitle('');
      setDescription('');
      await refresh(t('theory.elementAdded', { title: saved.title }));
    },
  });
  return (
    <Section id="add-element" title={t('theory.addElement')} appearance={3}>
      <Form form={form}>
        <SelectField id="el-kind" label={t('theory.kind')} value={kind} onChange={(e) => setKind(e.target.value)} options={ELEMENT_KIND_LIST.map((k) => ({ value: k, label: labels.element(k) }))} error={form.fieldError('kind')} />
        <TextField id="el-title" label={t('theory.elementTitle')} value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} error={form.fieldError('title')} />
        <TextAreaField id="el-description" label={t('theory.elementDescription')} optional rows={2} value={description} maxLength={4000} onChange={(e) => setDescription(e.target.value)} error={form.fieldError('description')} />
        <SubmitButton busy={form.busy}>{t('theory.addElement')}</SubmitButton>
      </Form>
    </Section>
  );
}

function EditElementForm({ nodeId, element, onDone }: { nodeId: string; element: Element; onDone(): void }) {
  const t = useT(m);
  const ts = useT(shellMessages);
  const labels = useLabels();
  const { workspace } = useWorkspace();
  const refresh = useRefresh(nodeId);
  const id = `el-${element.id}`;
  const [kind, setKind] = useState<string>(element.kind);
  const [title, setTitle] = useState(element.title);
  const [description, setDescription] = useState(element.description);
  const form = useFormSubmit({
    fields: {
      kind: { id: `${id}-kind`, label: t('theory.kind') },
      title: { id: `${id}-title`, label: t('theory.elementTitle') },
      description: { id: `${id}-description`, label: t('theory.elementDescription') },
    },
    errorFields: { 'theory.element_not_found': 'title' },
    send: () => api.patch<Element>(wsPath(workspace.slug, `ladder/nodes/${nodeId}/theory/elements/${element.id}`), { kind, title, description }),
    onSaved: async (saved) => {
      await refresh(t('theory.elementSaved', { title: saved.title }));
      onDone();
    },
  });
  return (
    <Form form={form}>
      <SelectField id={`${id}-kind`} label={t('theory.kind')} value={kind} onChange={(e) => setKind(e.target.value)} options={ELEMENT_KIND_LIST.map((k) => ({ value: k, label: labels.element(k) }))} error={form.fieldError('kind')} />
      <TextField id={`${id}-title`} label={t('theory.elementTitle')} value={title} maxLength={300} autoFocus onChange={(e) => setTitle(e.target.value)} error={form.fieldError('title')} />
      <TextAreaField id={`${id}-description`} label={t('theory.elementDescription')} optional rows={2} value={description} maxLength={4000} onChange={(e) => setDescription(e.target.value)} error={form.fieldError('description')} />
      <ButtonGroup>
        <SubmitButton busy={form.busy}>{ts('common.save')}</SubmitButton>
        <CancelButton onClick={onDone} />
      </ButtonGroup>
    </Form>
  );
}

function ElementItem({ nodeId, element, manage, onDelete }: { nodeId: string; element: Element; manage: boolean; onDelete(e: Element): void }) {
  const t = useT(m);
  const edit = useInlinePanel(`el-${element.id}-edit`);
  return (
    <ListItem>
      <span id={`el-${element.id}-name`}>{element.title}</span>
      {element.description && <span className="dichter-small"> — {element.description}</span>}
      {manage && (
        <>
          <ButtonGroup className="dichter-item-actions">
            <Button {...edit.button} appearance="subtle" aria-label={t('theory.editElementNamed', { title: element.title })}>
              {t('theory.editElement')}
            </Button>
            <Button appearance="danger" id={`el-${element.id}-delete`} aria-label={t('theory.deleteElementNamed', { title: element.title })} onClick={() => onDelete(element)}>
              {t('theory.deleteElement')}
            </Button>
          </ButtonGroup>
          <div {...edit.panel}>
            {edit.open && (
              <>
                <Heading level={4} appearance={5}>
                  {t('theory.editElementTitle', { title: element.title })}
                </Heading>
                <EditElementForm nodeId={nodeId} element={element} onDone={edit.close} />
              </>
            )}
          </div>
        </>
      )}
    </ListItem>
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
        <TextAreaField id="as-text" label={t('theory.assumptionText')} value={text} maxLength={2000} onChange={(e) => setText(e.target.value)} error={form.fieldError('text')} />
        <SubmitButton busy={form.busy}>{t('theory.addAssumption')}</SubmitButton>
      </Form>
    </Section>
  );
}

function EditAssumptionText({ nodeId, assumption, onDone }: { nodeId: string; assumption: Assumption; onDone(): void }) {
  const t = useT(m);
  const ts = useT(shellMessages);
  const { workspace } = useWorkspace();
  const refresh = useRefresh(nodeId);
  const id = `as-${assumption.id}-edit`;
  const [text, setText] = useState(assumption.text);
  const form = useFormSubmit({
    fields: { text: { id: `${id}-text`, label: t('theory.assumptionText') } },
    errorFields: { 'theory.assumption_not_found': 'text' },
    send: () => api.patch(wsPath(workspace.slug, `ladder/nodes/${nodeId}/theory/assumptions/${assumption.id}`), { text }),
    onSaved: async () => {
      await refresh(t('theory.assumptionSaved'));
      onDone();
    },
  });
  return (
    <Form form={form}>
      <TextAreaField id={`${id}-text`} label={t('theory.assumptionText')} value={text} maxLength={2000} autoFocus onChange={(e) => setText(e.target.value)} error={form.fieldError('text')} />
      <ButtonGroup>
        <SubmitButton busy={form.busy}>{ts('common.save')}</SubmitButton>
        <CancelButton onClick={onDone} />
      </ButtonGroup>
    </Form>
  );
}

interface EvidenceRow {
  key: number;
  kind: EvidenceKind;
  label: string;
  url: string;
}
const filled = (r: EvidenceRow) => r.label.trim() !== '' || r.url.trim() !== '';

function StatusForm({ nodeId, assumption, onDone }: { nodeId: string; assumption: Assumption; onDone(): void }) {
  const t = useT(m);
  const ts = useT(shellMessages);
  const labels = useLabels();
  const { workspace } = useWorkspace();
  const refresh = useRefresh(nodeId);
  const id = `st-${assumption.id}`;
  const [status, setStatus] = useState<string>(assumption.status);
  const [date, setDate] = useState(today());
  const [reason, setReason] = useState('');
  const [evidence, setEvidence] = useState('');
  const [rows, setRows] = useState<EvidenceRow[]>([{ key: 0, kind: 'observation', label: '', url: '' }]);
  const [nextKey, setNextKey] = useState(1);
  const setRow = (key: number, patch: Partial<EvidenceRow>) => setRows((list) => list.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const items = rows.filter(filled);
  const rowId = (r: EvidenceRow, part: 'kind' | 'label' | 'url') => `${id}-ev-${r.key}-${part}`;
  // Errors on item n (the n-th filled row): the API's "evidenceLinks.n", and this form's own check of the address.
  const fields: Record<string, FieldRef> = {
    status: { id: `${id}-status`, label: t('theory.status') },
    statusDate: { id: `${id}-date`, label: t('theory.date') },
    reason: { id: `${id}-reason`, label: t('theory.reason') },
    evidence: { id: `${id}-evidence`, label: t('theory.evidence') },
    evidenceLinks: { id: `${id}-ev-add`, label: t('evidence.items') },
  };
  items.forEach((r, n) => {
    fields[`evidenceLinks.${n}`] = { id: rowId(r, 'label'), label: t('evidence.labelOf', { n: rows.indexOf(r) + 1 }) };
    fields[`evidenceUrls.${n}`] = { id: rowId(r, 'url'), label: t('evidence.urlOf', { n: rows.indexOf(r) + 1 }) };
  });
  const form = useFormSubmit({
    fields,
    send: () => {
      const problems = [
        ...(reason.trim() ? [] : [{ path: 'reason', message: t('theory.reasonRequired') }]),
        ...items.flatMap((r, n) => [
          ...(r.label.trim() ? [] : [{ path: `evidenceLinks.${n}`, message: t('evidence.labelRequired') }]),
          ...(r.url.trim() && !isWebAddress(r.url.trim()) ? [{ path: `evidenceUrls.${n}`, message: t('evidence.urlInvalid') }] : []),
        ]),
      ];
      if (problems.length) throw new ApiError(400, 'request.invalid', '', problems);
      return api.patch(wsPath(workspace.slug, `ladder/nodes/${nodeId}/theory/assumptions/${assumption.id}`), {
        status,
        statusDate: date || null,
        reason,
        evidence,
        evidenceLinks: items.map(encodeEvidence),
      });
    },
    onSaved: async () => {
      await refresh(t('theory.statusChanged', { status: labels.assumption(status) }));
      onDone();
    },
  });
  const addRow = () => {
    setRows((list) => [...list, { key: nextKey, kind: 'observation', label: '', url: '' }]);
    focusSoon(`${id}-ev-${nextKey}-kind`);
    setNextKey((k) => k + 1);
  };
  const removeRow = (key: number) => {
    setRows((list) => list.filter((r) => r.key !== key));
    focusSoon(`${id}-ev-add`);
  };
  const itemError = (r: EvidenceRow, part: 'label' | 'url') => {
    const n = items.indexOf(r);
    return n < 0 ? undefined : form.fieldError(part === 'label' ? `evidenceLinks.${n}` : `evidenceUrls.${n}`);
  };
  return (
    <Form form={form}>
      <SelectField
        id={`${id}-status`}
        label={t('theory.status')}
        value={status}
        autoFocus
        onChange={(e) => setStatus(e.target.value)}
        options={ASSUMPTION_STATUS_LIST.map((s) => ({ value: s, label: labels.assumption(s) }))}
        error={form.fieldError('status')}
      />
      <TextField id={`${id}-date`} type="date" label={t('theory.date')} description={t('theory.dateHelp')} className="dichter-input-date" value={date} max={today()} onChange={(e) => setDate(e.target.value)} error={form.fieldError('statusDate')} />
      <TextAreaField id={`${id}-reason`} label={t('theory.reason')} description={t('theory.reasonHelp')} rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} error={form.fieldError('reason')} />
      <TextAreaField id={`${id}-evidence`} label={t('theory.evidence')} description={t('theory.evidenceHelp')} optional rows={3} maxLength={8000} value={evidence} onChange={(e) => setEvidence(e.target.value)} error={form.fieldError('evidence')} />
      <Fieldset legend={t('evidence.items')} className="dichter-evidence-fieldset">
        <Paragraph small>{t('evidence.itemsHelp')}</Paragraph>
        {rows.map((r, i) => (
          <Fieldset key={r.key} legend={t('evidence.item', { n: i + 1 })} className="dichter-evidence-row">
            <SelectField
              id={rowId(r, 'kind')}
              label={t('evidence.kind')}
              value={r.kind}
              onChange={(e) => setRow(r.key, { kind: e.target.value as EvidenceKind })}
              options={EVIDENCE_KINDS.map((k) => ({ value: k, label: t(`evidence.kind.${k}`) }))}
            />
            <TextField id={rowId(r, 'label')} label={t('evidence.label')} description={t('evidence.labelHelp')} maxLength={300} value={r.label} onChange={(e) => setRow(r.key, { label: e.target.value })} error={itemError(r, 'label')} />
            <TextField id={rowId(r, 'url')} type="url" label={t('evidence.url')} description={t('evidence.urlHelp')} optional maxLength={600} value={r.url} onChange={(e) => setRow(r.key, { url: e.target.value })} error={itemError(r, 'url')} />
            <Button appearance="subtle" onClick={() => removeRow(r.key)}>
              {t('evidence.remove', { n: i + 1 })}
            </Button>
          </Fieldset>
        ))}
        <Button id={`${id}-ev-add`} onClick={addRow}>
          {rows.length ? t('evidence.add') : t('evidence.addFirst')}
        </Button>
      </Fieldset>
      <ButtonGroup>
        <SubmitButton busy={form.busy}>{t('theory.saveStatus')}</SubmitButton>
        <CancelButton onClick={onDone} />
      </ButtonGroup>
    </Form>
  );
}

/** Evidence items: kind, label and (when it is a web address) a link. */
function EvidenceList({ items }: { items: string[] }) {
  const t = useT(m);
  return (
    <ul className="utrecht-unordered-list dichter-evidence-list">
      {items.map((raw, i) => {
        const e = parseEvidence(raw);
        return (
          <li key={i} className="utrecht-unordered-list__item">
            {e.kind && <>{t(`evidence.kind.${e.kind}`)}: </>}
            {e.url && isWebAddress(e.url) ? (
              <a className="nl-link" href={e.url} rel="noreferrer">
                {e.label}
              </a>
            ) : (
              e.label
            )}
            {e.url && !isWebAddress(e.url) && ` (${e.url})`}
          </li>
        );
      })}
    </ul>
  );
}

/** The status history, newest first: when, who, from → to, why, and the evidence. */
function HistoryList({ assumption }: { assumption: Assumption }) {
  const t = useT(m);
  const f = useFormat();
  const labels = useLabels();
  const entries = assumption.history.map((h, i) => ({ h, from: i > 0 ? assumption.history[i - 1].status : null })).reverse();
  const change = (h: History, from: string | null) =>
    from === null ? t('theory.historyStart', { status: labels.assumption(h.status) }) : from === h.status ? t('theory.historySame', { status: labels.assumption(h.status) }) : t('theory.historyChange', { from: labels.assumption(from), to: labels.assumption(h.status) });
  return (
    <div className="dichter-history">
      <Heading level={4} appearance={5}>
        {t('theory.history', { count: assumption.history.length })}
      </Heading>
      <ol className="utrecht-ordered-list dichter-history-list" reversed>
        {entries.map(({ h, from }) => (
          <li key={h.id} className="utrecht-ordered-list__item">
            <strong>{change(h, from)}</strong>
            <br />
            <span className="dichter-small">
              {h.statusDate ? t('theory.historyWhen', { date: f.date(h.statusDate), at: f.dateTime(h.changedAt) }) : t('theory.historyAt', { at: f.dateTime(h.changedAt) })}
              {h.actorName && ` ${t('theory.by', { name: h.actorName })}`}
            </span>
            {h.reason && <Paragraph className="dichter-prewrap">{t('theory.reasonIs', { reason: h.reason })}</Paragraph>}
            {h.evidence && <Paragraph className="dichter-prewrap">{t('theory.evidenceIs', { evidence: h.evidence })}</Paragraph>}
            {h.evidenceLinks.length > 0 && (
              <>
                <Paragraph>{t('evidence.itemsIs')}</Paragraph>
                <EvidenceList items={h.evidenceLinks} />
              </>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

function AssumptionItem({ nodeId, assumption: a, manage, onDelete }: { nodeId: string; assumption: Assumption; manage: boolean; onDelete(a: Assumption): void }) {
  const t = useT(m);
  const f = useFormat();
  const labels = useLabels();
  const editText = useInlinePanel(`as-${a.id}-text`);
  const changeStatus = useInlinePanel(`as-${a.id}-status`);
  const textId = `as-${a.id}-label`;
  return (
    <div className="dichter-assumption" id={`as-${a.id}`}>
      <Paragraph id={textId}>
        <strong>{t('theory.assumption')}:</strong> {a.text}{' '}
        <Badge kind="assumption" value={a.status}>
          {t('theory.statusIs', { status: labels.assumption(a.status) })}
        </Badge>
      </Paragraph>
      {(a.statusDate || a.evidence) && (
        <Paragraph small className="dichter-prewrap">
          {a.statusDate && `${t('theory.since', { date: f.date(a.statusDate) })} `}
          {a.evidence}
        </Paragraph>
      )}
      {a.evidenceLinks.length > 0 && <EvidenceList items={a.evidenceLinks} />}
      {manage && (
        <>
          <ButtonGroup className="dichter-item-actions">
            <Button {...changeStatus.button} aria-describedby={textId}>
              {t('theory.changeStatus')}
            </Button>
            <Button {...editText.button} appearance="subtle" aria-describedby={textId}>
              {t('theory.editAssumption')}
            </Button>
            <Button appearance="danger" id={`as-${a.id}-delete`} aria-describedby={textId} onClick={() => onDelete(a)}>
              {t('theory.deleteAssumption')}
            </Button>
          </ButtonGroup>
          <div {...changeStatus.panel}>
            {changeStatus.open && (
              <>
                <Heading level={4} appearance={5}>
                  {t('theory.changeStatusTitle')}
                </Heading>
                <StatusForm nodeId={nodeId} assumption={a} onDone={changeStatus.close} />
              </>
            )}
          </div>
          <div {...editText.panel}>
            {editText.open && (
              <>
                <Heading level={4} appearance={5}>
                  {t('theory.editAssumptionTitle')}
                </Heading>
                <EditAssumptionText nodeId={nodeId} assumption={a} onDone={editText.close} />
              </>
            )}
          </div>
        </>
      )}
      {a.history.length > 0 && <HistoryList assumption={a} />}
    </div>
  );
}

function Theory({ nodeId, theory, version }: { nodeId: string; theory: TheoryView; version: number }) {
  const t = useT(m);
  const labels = useLabels();
  const { workspace } = useWorkspace();
  const refresh = useRefresh(nodeId);
  const manage = theory.can.manage;
  const el = new Map(theory.elements.map((e) => [e.id, e]));
  const nameOf = (l: Pick<Link, 'fromElementId' | 'toElementId'>) => `${el.get(l.fromElementId)?.title ?? '?'} → ${el.get(l.toElementId)?.title ?? '?'}`;
  const linkName = (id: string) => {
    const l = theory.links.find((x) => x.id === id);
    return l ? nameOf(l) : '?';
  };
  const linkWithCount = (l: Link) =>
    l.assumptions.length === 0 ? nameOf(l) : l.assumptions.length === 1 ? t('theory.linkOneAssumption', { link: nameOf(l) }) : t('theory.linkAssumptions', { link: nameOf(l), count: l.assumptions.length });
  const path = (rest: string) => wsPath(workspace.slug, `ladder/nodes/${nodeId}/theory/${rest}`);

  const removeElement = useConfirmedAction({
    action: (e: Element) => api.delete(path(`elements/${e.id}`)),
    onDone: async (e) => {
      await refresh(t('theory.elementDeleted', { title: e.title }));
      focusSoon('elements', 'edit-theory');
    },
  });
  const removeLink = useConfirmedAction({
    action: (l: Link) => api.delete(path(`links/${l.id}`)),
    onDone: async (l) => {
      await refresh(t('theory.linkDeleted', { link: nameOf(l) }));
      focusSoon('links');
    },
  });
  const removeAssumption = useConfirmedAction({
    action: (a: Assumption) => api.delete(path(`assumptions/${a.id}`)),
    onDone: async (a) => {
      await refresh(t('theory.assumptionDeleted'));
      focusSoon(`link-${a.linkId}`, 'links');
    },
  });

  const svg = `${wsPath(workspace.slug, `ladder/nodes/${nodeId}/theory/diagram.svg`)}?v=${version}`;
  return (
    <>
      {theory.elements.length === 0 ? (
        <EmptyState title={t('theory.emptyTitle')}>
          <Paragraph>{manage ? t('theory.emptyManage') : t('theory.emptyRead')}</Paragraph>
        </EmptyState>
      ) : (
        <>
          <figure className="dichter-diagram">
            <img src={svg} alt={t('theory.alt', { title: nodeLabel(theory.actionLine) })} className="dichter-diagram__img" />
            <figcaption className="dichter-small">
              {t('theory.caption')}{' '}
              <a className="nl-link" href={svg} target="_blank" rel="noreferrer">
                {t('theory.openSvg')}
              </a>
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
                    <UnorderedList className="dichter-element-list">
                      {list.map((e) => (
                        <ElementItem key={e.id} nodeId={nodeId} element={e} manage={manage} onDelete={removeElement.ask} />
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
                  {nameOf(l)}
                </Heading>
                {l.assumptions.length === 0 ? (
                  <Paragraph small>{t('theory.noAssumptions')}</Paragraph>
                ) : (
                  l.assumptions.map((a) => <AssumptionItem key={a.id} nodeId={nodeId} assumption={a} manage={manage} onDelete={removeAssumption.ask} />)
                )}
                {manage && (
                  <ButtonGroup className="dichter-item-actions">
                    <Button appearance="danger" id={`link-${l.id}-delete`} aria-label={t('theory.deleteLinkNamed', { link: nameOf(l) })} onClick={() => removeLink.ask(l)}>
                      {t('theory.deleteLink')}
                    </Button>
                  </ButtonGroup>
                )}
              </article>
            ))}
          </Section>
        </>
      )}
      {manage && (
        <Section id="edit-theory" title={t('theory.edit')}>
          <AddElement nodeId={nodeId} />
          {theory.elements.length >= 2 && <AddLink nodeId={nodeId} theory={theory} />}
          {theory.links.length > 0 && <AddAssumption nodeId={nodeId} theory={theory} linkName={linkName} />}
        </Section>
      )}
      {removeElement.dialog((e) => {
        const going = theory.links.filter((l) => l.fromElementId === e.id || l.toElementId === e.id);
        return {
          title: t('theory.deleteElementTitle', { title: e.title }),
          confirmLabel: t('theory.deleteElementConfirm'),
          body: (
            <>
              {going.length ? (
                <>
                  <Paragraph>{t('theory.deleteElementBody', { title: e.title })}</Paragraph>
                  <UnorderedList>
                    {going.map((l) => (
                      <ListItem key={l.id}>{linkWithCount(l)}</ListItem>
                    ))}
                  </UnorderedList>
                </>
              ) : (
                <Paragraph>{t('theory.deleteElementBodyNone', { title: e.title })}</Paragraph>
              )}
              <Paragraph>{t('theory.cannotUndo')}</Paragraph>
            </>
          ),
        };
      })}
      {removeLink.dialog((l) => ({
        title: t('theory.deleteLinkTitle'),
        confirmLabel: t('theory.deleteLink'),
        body: (
          <>
            <Paragraph>{t('theory.deleteLinkBody', { link: nameOf(l) })}</Paragraph>
            {l.assumptions.length > 0 && (
              <>
                <Paragraph>{t('theory.deleteLinkAssumptions')}</Paragraph>
                <UnorderedList>
                  {l.assumptions.map((a) => (
                    <ListItem key={a.id}>{a.text}</ListItem>
                  ))}
                </UnorderedList>
              </>
            )}
            <Paragraph>{t('theory.cannotUndo')}</Paragraph>
          </>
        ),
      }))}
      {removeAssumption.dialog((a) => ({
        title: t('theory.deleteAssumptionTitle'),
        confirmLabel: t('theory.deleteAssumption'),
        body: t('theory.deleteAssumptionBody', { text: a.text }),
      }))}
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

