import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
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
  DataList,
  ExternalLink,
  Form,
  Link,
  Loaded,
  PageHeading,
  Paragraph,
  Section,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useConfirmedAction,
  useFormSubmit,
  useNotify,
  VisuallyHidden,
} from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import { m } from './messages';
import { Choices } from './ObservationForm';
import {
  Badge,
  Due,
  focusSoon,
  KindBadge,
  lineLabel,
  OPEN_STATUSES,
  OverdueBadge,
  pageHeading,
  PlainText,
  StatusBadge,
  observationKeys,
  useLabels,
  useMembers,
  useObservation,
  useTemplates,
  type HistoryEntry,
  type ObservationView,
  type Status,
} from './shared';
import './observations.css';
import Attachments from './Attachments';

/** After a step or a rating: the page shows the new state, lists are fetched again, and the change is announced. */
function useAfterChange(o: ObservationView) {
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const notify = useNotify();
  return (saved: ObservationView, notice: string) => {
    client.setQueryData(observationKeys.one(workspace.slug, o.id), saved);
    notify(notice);
    void refreshAfterWrite(client, { queryKey: observationKeys.all(workspace.slug) });
    // The form the focus was in is gone: back to the top of the page, below the announcement.
    focusSoon(pageHeading);
  };
}

type ForwardTarget = 'member' | 'organisation';

/** The answer, reason or note that goes with one step, and the step itself. */
function StepForm({ o, to, onCancel, onDone }: { o: ObservationView; to: Exclude<Status, 'nieuw'>; onCancel(): void; onDone(): void }) {
  const t = useT(m);
  const ts = useT(shellMessages);
  const labels = useLabels();
  const { workspace } = useWorkspace();
  const afterChange = useAfterChange(o);
  const templates = useTemplates();
  const members = useMembers();
  const [message, setMessage] = useState('');
  const [template, setTemplate] = useState('');
  const [inserted, setInserted] = useState('');
  const [target, setTarget] = useState<ForwardTarget>('member');
  const [ownerUserId, setOwnerUserId] = useState('');
  const [forwardedTo, setForwardedTo] = useState('');
  const [internal, setInternal] = useState(false);
  const messageRequired = to === 'beantwoord' || to === 'doorgezet' || to === 'heropend';
  const fields = {
    message: { id: 'obs-step-message', label: t(`stepField.${to}`) },
    ownerUserId: { id: 'obs-step-owner', label: t('stepField.owner') },
    forwardedTo: { id: 'obs-step-org', label: t('stepField.organisation') },
  };
  const form = useFormSubmit({
    fields,
    errorFields: { 'observation.message_required': 'message', 'observation.forward_target_required': 'ownerUserId', 'observation.owner_not_member': 'ownerUserId' },
    send: () =>
      api.post<ObservationView>(wsPath(workspace.slug, `observations/${o.id}/transitions`), {
        to,
        message: message.trim() || undefined,
        ownerUserId: to === 'doorgezet' && target === 'member' ? ownerUserId || undefined : undefined,
        forwardedTo: to === 'doorgezet' && target === 'organisation' ? forwardedTo.trim() || undefined : undefined,
        internal: to === 'in_behandeling' ? !!message.trim() : to === 'doorgezet' || to === 'afgesloten' ? internal : false,
      }),
    onSaved: (saved) => {
      onDone();
      afterChange(saved, t('step.done', { status: labels.status(saved.status) }));
    },
  });
  const insertTemplate = (id: string) => {
    setTemplate(id);
    const chosen = templates.data?.items.find((x) => x.id === id);
    if (!chosen) return;
    // Into an empty answer as it is; after what was already written, below it.
    setMessage((prev) => (prev.trim() ? `${prev.trimEnd()}\n\n${chosen.body}` : chosen.body));
    setInserted(t('stepField.templateInserted', { title: chosen.title }));
  };
  const otherMembers = (members.data ?? []).filter((x) => x.userId !== o.ownerId).map((x) => ({ value: x.userId, label: x.name }));
  return (
    <div id="obs-step-form" className="obs-step">
      <h3 className="nl-heading nl-heading--level-3" id="obs-step-heading" tabIndex={-1}>
        {t(`stepTitle.${to}`)}
      </h3>
      <Paragraph small>{t(`stepIntro.${to}`)}</Paragraph>
      <Form form={form}>
        {to === 'beantwoord' && (
          <>
            <SelectField
              id="obs-step-template"
              label={t('stepField.template')}
              description={t('stepField.templateHelp')}
              optional
              value={template}
              onChange={(e) => insertTemplate(e.target.value)}
              options={[
                { value: '', label: templates.isPending ? t('field.loading') : templates.data?.items.length ? t('stepField.templateChoose') : t('stepField.templateNone') },
                ...(templates.data?.items ?? []).map((x) => ({ value: x.id, label: x.title })),
              ]}
            />
            <p className="dichter-visually-hidden" role="status">
              {inserted}
            </p>
          </>
        )}
        {to === 'doorgezet' && (
          <>
            <Choices<ForwardTarget>
              name="obs-step-target"
              legend={t('stepField.target')}
              value={target}
              onChange={setTarget}
              choices={[
                { value: 'member', label: t('stepField.targetMember') },
                { value: 'organisation', label: t('stepField.targetOrganisation') },
              ]}
            />
            {target === 'member' ? (
              <SelectField
                id="obs-step-owner"
                label={t('stepField.owner')}
                value={ownerUserId}
                onChange={(e) => setOwnerUserId(e.target.value)}
                options={[{ value: '', label: members.isPending ? t('field.loading') : t('stepField.ownerChoose') }, ...otherMembers]}
                error={form.fieldError('ownerUserId')}
              />
            ) : (
              <TextField
                id="obs-step-org"
                label={t('stepField.organisation')}
                description={t('stepField.organisationHelp')}
                value={forwardedTo}
                maxLength={200}
                onChange={(e) => setForwardedTo(e.target.value)}
                error={form.fieldError('forwardedTo') ?? (target === 'organisation' ? form.fieldError('ownerUserId') : undefined)}
              />
            )}
          </>
        )}
        <TextAreaField
          id="obs-step-message"
          label={t(`stepField.${to}`)}
          description={t(`stepHelp.${to}`)}
          optional={!messageRequired}
          rows={to === 'beantwoord' ? 7 : 4}
          value={message}
          maxLength={10_000}
          onChange={(e) => setMessage(e.target.value)}
          error={form.fieldError('message')}
        />
        {(to === 'doorgezet' || to === 'afgesloten') && (
          <div className="dichter-field obs-checkbox">
            <input id="obs-step-internal" type="checkbox" className="utrecht-checkbox utrecht-checkbox--html-input" checked={internal} onChange={(e) => setInternal(e.target.checked)} />
            <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor="obs-step-internal">
              {t('stepField.internal')}
            </label>
          </div>
        )}
        <ButtonGroup>
          <SubmitButton busy={form.busy}>{t(`stepSubmit.${to}`)}</SubmitButton>
          <Button appearance="subtle" onClick={onCancel}>
            {ts('common.cancel')}
          </Button>
        </ButtonGroup>
      </Form>
    </div>
  );
}

/** The next steps the member may take (the server's `can.transitions`), one form at a time. */
function NextStep({ o }: { o: ObservationView }) {
  const t = useT(m);
  const [to, setTo] = useState<Exclude<Status, 'nieuw'> | null>(null);
  const steps = o.can.transitions.filter((s): s is Exclude<Status, 'nieuw'> => s !== 'nieuw');
  // The answer first: that is what the reporter waits for.
  const order: Exclude<Status, 'nieuw'>[] = ['beantwoord', 'in_behandeling', 'doorgezet', 'afgesloten', 'heropend'];
  steps.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return (
    <Section id="obs-next" title={t('step.title')}>
      <ButtonGroup className="obs-step-buttons">
        {steps.map((s) => (
          <Button
            key={s}
            id={`obs-step-button-${s}`}
            appearance={s === 'beantwoord' ? 'primary' : 'secondary'}
            aria-expanded={to === s}
            aria-controls={to === s ? 'obs-step-form' : undefined}
            onClick={() => {
              setTo(to === s ? null : s);
              if (to !== s) focusSoon('obs-step-heading');
            }}
          >
            {t(`step.${s}`)}
          </Button>
        ))}
      </ButtonGroup>
      {to && (
        <StepForm
          key={to}
          o={o}
          to={to}
          onCancel={() => {
            setTo(null);
            focusSoon(`obs-step-button-${to}`);
          }}
          onDone={() => setTo(null)}
        />
      )}
    </Section>
  );
}

const SCORES = ['1', '2', '3', '4', '5'] as const;

/** The reporter says whether the answer helped (1–5, with an optional note). */
function RateForm({ o }: { o: ObservationView }) {
  const t = useT(m);
  const { workspace } = useWorkspace();
  const afterChange = useAfterChange(o);
  const [score, setScore] = useState(o.satisfaction ? String(o.satisfaction.score) : '');
  const [note, setNote] = useState(o.satisfaction?.note ?? '');
  const fields = { score: { id: 'obs-rate-1', label: t('rate.legend') }, note: { id: 'obs-rate-note', label: t('rate.note') } };
  const form = useFormSubmit({
    fields,
    send: () => api.post<ObservationView>(wsPath(workspace.slug, `observations/${o.id}/satisfaction`), { score: score ? Number(score) : undefined, note: note.trim() || undefined }),
    onSaved: (saved) => afterChange(saved, t('rate.done')),
  });
  return (
    <Section id="obs-rate" title={t('rate.title')}>
      {o.satisfaction && <Paragraph>{t('rate.current', { score: o.satisfaction.score })}</Paragraph>}
      <Form form={form}>
        <Choices
          name="obs-rate"
          legend={t('rate.legend')}
          value={score}
          onChange={setScore}
          error={form.fieldError('score')}
          choices={SCORES.map((s) => ({ value: s, label: t(`rate.score${s}`) }))}
        />
        <TextAreaField id="obs-rate-note" label={t('rate.note')} optional rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} error={form.fieldError('note')} />
        <SubmitButton busy={form.busy}>{o.satisfaction ? t('rate.change') : t('rate.submit')}</SubmitButton>
      </Form>
    </Section>
  );
}

/** One history entry in words: what happened, who, when, and the message that came with it. */
function HistoryItem({ h }: { h: HistoryEntry }) {
  const t = useT(m);
  const f = useFormat();
  const labels = useLabels();
  const what =
    h.action === 'created' ? (
      t('history.created')
    ) : h.action === 'transition' && h.to ? (
      <>
        {h.from ? labels.status(h.from) : ''} <span aria-hidden="true">→</span>
        <VisuallyHidden> {t('history.to')}</VisuallyHidden> {labels.status(h.to)}
      </>
    ) : h.action === 'satisfaction' ? (
      t('history.satisfaction')
    ) : (
      t('history.updated')
    );
  return (
    <li className={h.internal ? 'dichter-timeline__item dichter-timeline__item--internal' : 'dichter-timeline__item'}>
      <p className="nl-paragraph">
        <strong>{what}</strong>
        {h.internal && (
          <>
            {' '}
            <Badge kind="internal">{t('history.internal')}</Badge>
          </>
        )}
        <br />
        <span className="dichter-small">
          {h.actorName} · <time dateTime={h.at}>{f.dateTime(h.at)}</time>
        </span>
      </p>
      {(h.ownerName || h.forwardedTo || h.dueAt) && (
        <p className="nl-paragraph dichter-small">
          {[h.ownerName && t('history.owner', { name: h.ownerName }), h.forwardedTo && t('history.forwardedTo', { name: h.forwardedTo }), h.dueAt && t('history.due', { date: f.date(h.dueAt) })].filter(Boolean).join(' · ')}
        </p>
      )}
      {h.message && (
        <div className="dichter-timeline__message">
          {h.action === 'transition' && h.to === 'beantwoord' && <p className="nl-paragraph dichter-timeline__label">{t('history.answer')}</p>}
          <PlainText text={h.message} />
        </div>
      )}
    </li>
  );
}

function DeleteObservation({ o }: { o: ObservationView }) {
  const t = useT(m);
  const { workspace } = useWorkspace();
  const page = usePagePath();
  const client = useQueryClient();
  const notify = useNotify();
  const remove = useConfirmedAction<ObservationView>({
    action: (x) => api.delete(wsPath(workspace.slug, `observations/${x.id}`)),
    onDone: (x) => {
      notify(t('delete.done', { number: x.number }), page('waarnemingen'));
      void refreshAfterWrite(client, { queryKey: observationKeys.all(workspace.slug) });
    },
  });
  return (
    <>
      <Button appearance="danger" onClick={() => remove.ask(o)}>
        {t('delete.action')}
      </Button>
      {remove.dialog((x) => ({ title: t('delete.title', { number: x.number }), body: t('delete.body', { title: x.title }), confirmLabel: t('delete.action') }))}
    </>
  );
}

function Details({ o }: { o: ObservationView }) {
  const t = useT(m);
  const ts = useT(shellMessages);
  const f = useFormat();
  const labels = useLabels();
  const page = usePagePath();
  const open = OPEN_STATUSES.includes(o.status);
  const contact = o.reporter.contact;
  const items: [React.ReactNode, React.ReactNode][] = [
    [t('detail.number'), o.number],
    [t('col.kind'), labels.kind(o.kind)],
    [t('detail.status'), labels.status(o.status)],
    [t('field.area'), o.areaName ?? ts('common.none')],
    [
      t('detail.lines'),
      o.ladderNodes.length ? (
        <ul className="utrecht-unordered-list obs-plain-list">
          {o.ladderNodes.map((n) => (
            <li key={n.id}>
              <Link to={page(`ladder/knoop/${n.id}`)}>{lineLabel(n)}</Link>
            </li>
          ))}
        </ul>
      ) : (
        ts('common.none')
      ),
    ],
    ...(o.rules.length
      ? ([
          [
            t('detail.rules'),
            <ul key="rules" className="utrecht-unordered-list obs-plain-list">
              {o.rules.map((r) => (
                <li key={r.id}>
                  <Link to={page(`regels/${r.id}`)}>{`${r.code} ${r.title}`}</Link>
                </li>
              ))}
            </ul>,
          ],
        ] as [React.ReactNode, React.ReactNode][])
      : []),
    [t('detail.owner'), o.ownerName ?? (o.forwardedTo ? t('detail.forwardedTo', { name: o.forwardedTo }) : t('detail.noOwner'))],
    [t('detail.due'), <Due key="due" dueAt={o.dueAt} overdue={o.overdue} open={open} />],
    [
      t('detail.reporter'),
      <>
        {o.reporter.name}
        {o.reporter.isResident && ` (${t('detail.resident')})`}
        {contact && (contact.email || contact.phone) && (
          <>
            <br />
            {contact.email && <ExternalLink href={`mailto:${contact.email}`}>{contact.email}</ExternalLink>}
            {contact.email && contact.phone && ' · '}
            {contact.phone && <ExternalLink href={`tel:${contact.phone.replace(/[^+0-9]/g, '')}`}>{contact.phone}</ExternalLink>}
          </>
        )}
      </>,
    ],
    [t('detail.occurredAt'), f.dateTime(o.occurredAt)],
    [t('detail.visibility'), labels.visibility(o.visibility)],
    [t('field.personal'), o.containsPersonalData ? ts('common.yes') : ts('common.no')],
    [t('field.tags'), o.tags.length ? o.tags.join(', ') : ts('common.none')],
    [t('detail.satisfaction'), o.satisfaction ? `${t('rate.current', { score: o.satisfaction.score })}${o.satisfaction.note ? ` — ${o.satisfaction.note}` : ''}` : ts('common.none')],
  ];
  if (o.forwardedTo && o.ownerName) items.splice(6, 0, [t('detail.forwardedToLabel'), o.forwardedTo]);
  return <DataList items={items} />;
}

/** One observation: what was seen, who answers it by when, its whole course, and the next step. */
export default function ObservationPage() {
  const t = useT(m);
  const f = useFormat();
  const { observationId = '' } = useParams();
  const page = usePagePath();
  const observation = useObservation(observationId);
  if (observation.isError && observation.error instanceof ApiError && [400, 404].includes(observation.error.status)) return <NotFoundPage />;
  return (
    <>
      <BackLink to={page('waarnemingen')}>{t('back.list')}</BackLink>
      <Loaded query={observation}>
        {(o) => {
          const open = OPEN_STATUSES.includes(o.status);
          return (
            <div className="obs-detail">
              <PageHeading title={o.title} />
              <p className="nl-paragraph obs-badges">
                <span className="obs-number">{t('detail.numberShort', { number: o.number })}</span> <KindBadge kind={o.kind} /> <StatusBadge status={o.status} />
                {o.overdue && open && (
                  <>
                    {' '}
                    <OverdueBadge />
                  </>
                )}
              </p>
              {open && o.ownerName && o.dueAt && (
                <Alert type={o.overdue ? 'warning' : 'info'} className="obs-routing">
                  <Paragraph>{t('detail.routed', { owner: o.ownerName, due: f.date(o.dueAt) })}</Paragraph>
                </Alert>
              )}
              <Section id="obs-body" title={t('detail.text')}>
                {o.text ? <PlainText text={o.text} /> : <Paragraph>{t('detail.noText')}</Paragraph>}
              </Section>
              {/* the attachments list says itself whether this member may add files */}
              <Attachments observationId={o.id} canUpload />
              {o.can.transitions.length > 0 && <NextStep o={o} />}
              {o.can.rate && <RateForm key={o.updatedAt} o={o} />}
              <Section id="obs-details" title={t('detail.details')}>
                <Details o={o} />
                {(o.can.update || o.can.delete) && (
                  <ButtonGroup>
                    {o.can.update && <ButtonLink to={page(`waarnemingen/${o.id}/wijzigen`)}>{t('edit.action')}</ButtonLink>}
                    {o.can.delete && <DeleteObservation o={o} />}
                  </ButtonGroup>
                )}
              </Section>
              <Section id="obs-history" title={t('history.title')}>
                <ol className="dichter-timeline">
                  {o.history.map((h) => (
                    <HistoryItem key={h.id} h={h} />
                  ))}
                </ol>
              </Section>
            </div>
          );
        }}
      </Loaded>
    </>
  );
}
