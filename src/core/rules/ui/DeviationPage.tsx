import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { api, wsPath } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { NotFoundPage } from '../../../web/pages/NotFoundPage';
import { refreshAfterWrite } from '../../../web/queries';
import { Alert, BackLink, DataList, focusSoon, Form, Link, Loaded, pageHeading, PageHeading, Paragraph, Section, SubmitButton, TextAreaField, useFormSubmit, useNotify } from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import { m } from './messages';
import { Choices, fieldErrors, IntentBox, isNotFound, nodeLabel, OUTCOMES, OutcomeBadge, PlainText, ruleKeys, StatusBadge, useDeviation, useLabels, useNameList, useRule, type DeviationView, type Outcome, type RuleView } from './shared';
import './rules.css';

/** After a decision or an outcome: the page shows the new state, lists are fetched again, and the change is announced. */
function useAfterChange(d: DeviationView) {
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const notify = useNotify();
  return (saved: DeviationView, notice: string) => {
    client.setQueryData(ruleKeys.deviation(workspace.slug, d.ruleId, d.id), saved);
    notify(notice);
    void refreshAfterWrite(client, { queryKey: ruleKeys.all(workspace.slug) });
    // The form the focus was in is gone: back to the top of the page, below the announcement.
    focusSoon(pageHeading);
  };
}

/** Under "ask first": a member with the mandate approves or declines, with a reason. */
function DecideForm({ d }: { d: DeviationView }) {
  const t = useT(m);
  const { workspace } = useWorkspace();
  const afterChange = useAfterChange(d);
  const [choice, setChoice] = useState<'approve' | 'decline' | ''>('');
  const [reason, setReason] = useState('');
  const fields = { approve: { id: 'dev-decide-approve', label: t('decide.choice') }, reason: { id: 'dev-decide-reason', label: t('decide.reason') } };
  const form = useFormSubmit({
    fields,
    send: async () => {
      if (!choice) throw fieldErrors([{ path: 'approve', message: t('decide.required') }]);
      return api.post<DeviationView>(wsPath(workspace.slug, `rules/${d.ruleId}/deviations/${d.id}/decision`), { approve: choice === 'approve', reason });
    },
    onSaved: (saved) => afterChange(saved, t(saved.status === 'akkoord' ? 'decide.done.approve' : 'decide.done.decline')),
  });
  return (
    <Section id="dev-decide" title={t('decide.title')}>
      <Paragraph>{t('decide.intro')}</Paragraph>
      <Form form={form}>
        <Choices<'approve' | 'decline'>
          name="dev-decide"
          legend={t('decide.choice')}
          value={choice}
          onChange={setChoice}
          error={form.fieldError('approve')}
          choices={[
            { value: 'approve', label: t('decide.approve'), hint: t('decide.approveHint') },
            { value: 'decline', label: t('decide.decline'), hint: t('decide.declineHint') },
          ]}
        />
        <TextAreaField id="dev-decide-reason" label={t('decide.reason')} description={t('decide.reasonHelp')} rows={3} maxLength={4000} value={reason} onChange={(e) => setReason(e.target.value)} error={form.fieldError('reason')} />
        <SubmitButton busy={form.busy}>{t('decide.submit')}</SubmitButton>
      </Form>
    </Section>
  );
}

/** After the follow-up period the professional records what the deviation did. */
function OutcomeForm({ d }: { d: DeviationView }) {
  const t = useT(m);
  const f = useFormat();
  const labels = useLabels();
  const { workspace } = useWorkspace();
  const afterChange = useAfterChange(d);
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [note, setNote] = useState('');
  const fields = { outcome: { id: `dev-outcome-${OUTCOMES[0]}`, label: t('outcomeForm.choice') }, note: { id: 'dev-outcome-note', label: t('outcomeForm.note') } };
  const form = useFormSubmit({
    fields,
    send: async () => {
      if (!outcome) throw fieldErrors([{ path: 'outcome', message: t('outcomeForm.required') }]);
      return api.post<DeviationView>(wsPath(workspace.slug, `rules/${d.ruleId}/deviations/${d.id}/outcome`), { outcome, note: note.trim() || undefined });
    },
    onSaved: (saved) => afterChange(saved, t('outcomeForm.done', { outcome: saved.outcome ? labels.outcome(saved.outcome) : '' })),
  });
  return (
    <Section id="dev-outcome" title={t('outcomeForm.title')}>
      <Paragraph>{t('outcomeForm.intro')}</Paragraph>
      <Paragraph small>{t('outcomeForm.dueOn', { date: f.date(d.followUpOn) })}</Paragraph>
      <Form form={form}>
        <Choices
          name="dev-outcome"
          legend={t('outcomeForm.choice')}
          value={outcome}
          onChange={setOutcome}
          error={form.fieldError('outcome')}
          choices={OUTCOMES.map((o) => ({ value: o, label: labels.outcome(o), hint: t(`outcomeHint.${o}`) }))}
        />
        <TextAreaField id="dev-outcome-note" label={t('outcomeForm.note')} optional rows={3} maxLength={4000} value={note} onChange={(e) => setNote(e.target.value)} error={form.fieldError('note')} />
        <SubmitButton busy={form.busy}>{t('outcomeForm.submit')}</SubmitButton>
      </Form>
    </Section>
  );
}

function useObservationRefs(ids: string[]) {
  const { workspace } = useWorkspace();
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: ['w', workspace.slug, 'observations', 'one', id],
      queryFn: () => api.get<{ id: string; number: number; title: string }>(wsPath(workspace.slug, `observations/${encodeURIComponent(id)}`)),
      retry: false,
      staleTime: 60_000,
    })),
  });
}

function Details({ d, rule }: { d: DeviationView; rule: RuleView | undefined }) {
  const t = useT(m);
  const f = useFormat();
  const labels = useLabels();
  const page = usePagePath();
  const observations = useObservationRefs(d.observationIds);
  const nodeOf = new Map((rule?.ladderNodes ?? []).map((n) => [n.id, n]));
  const list = (items: ReactNode[]) => (
    <ul className="utrecht-unordered-list rules-plain-list">
      {items.map((x, i) => (
        <li key={i}>{x}</li>
      ))}
    </ul>
  );
  const items: [ReactNode, ReactNode][] = [
    [t('deviation.rule'), <Link to={page(`regels/${d.ruleId}`)}>{`${d.ruleCode} ${d.ruleTitle}`}</Link>],
    [t('deviation.date'), f.date(d.occurredOn)],
    [t('deviation.area'), d.areaName ?? t('deviate.noArea')],
    [t('deviation.reporter'), d.reporterName],
    [t('deviation.status'), labels.status(d.status)],
    [t('deviation.followUp'), f.date(d.followUpOn)],
    [t('deviation.outcome'), d.outcome ? `${labels.outcome(d.outcome)}${d.outcomeNote ? ` — ${d.outcomeNote}` : ''}` : t('deviation.outcomeUnknown')],
  ];
  if (d.observationIds.length)
    items.push([
      t('deviation.observations'),
      list(
        d.observationIds.map((id, i) => {
          const o = observations[i]?.data;
          return <Link to={page(`waarnemingen/${id}`)}>{o ? t('deviation.observation', { number: o.number, title: o.title }) : t('deviation.observationHidden')}</Link>;
        }),
      ),
    ]);
  if (d.ladderNodeIds.length)
    items.push([
      t('deviation.nodes'),
      list(
        d.ladderNodeIds.map((id) => {
          const n = nodeOf.get(id);
          return <Link to={page(`ladder/knoop/${id}`)}>{n ? `${labels.rung(n.rung)}: ${nodeLabel(n)}` : t('deviation.node')}</Link>;
        }),
      ),
    ]);
  return <DataList items={items} />;
}

function History({ d }: { d: DeviationView }) {
  const t = useT(m);
  const f = useFormat();
  const known = ['recorded', 'asked', 'approved', 'declined', 'outcome_helped', 'outcome_no_difference', 'outcome_harmed'];
  return (
    <Section id="dev-history" title={t('deviation.history')}>
      <ol className="dichter-timeline">
        {d.history.map((h) => (
          <li key={h.id} className="dichter-timeline__item">
            <p className="nl-paragraph">
              <strong>{known.includes(h.action) ? t(`history.${h.action as 'recorded'}`) : t('history.other')}</strong>
              <br />
              <span className="dichter-small">
                {h.actorName} · <time dateTime={h.at}>{f.dateTime(h.at)}</time>
              </span>
            </p>
            {h.message && (
              <div className="dichter-timeline__message">
                <PlainText text={h.message} />
              </div>
            )}
          </li>
        ))}
      </ol>
    </Section>
  );
}

function TextSection({ id, title, text }: { id: string; title: string; text: string }) {
  const t = useT(m);
  return (
    <Section id={id} title={title} appearance={3}>
      {text.trim() ? <PlainText text={text} /> : <Paragraph>{t('deviation.empty')}</Paragraph>}
    </Section>
  );
}

/** One deviation: the situation and why, its status and history, and what the member may do with it. */
export default function DeviationPage() {
  const t = useT(m);
  const f = useFormat();
  const { ruleId = '', deviationId = '' } = useParams();
  const page = usePagePath();
  const names = useNameList();
  const deviation = useDeviation(ruleId, deviationId);
  const rule = useRule(ruleId);
  if (deviation.isError && isNotFound(deviation.error)) return <NotFoundPage />;
  return (
    <>
      <BackLink to={page(`regels/${ruleId}`)}>{t('back.rule')}</BackLink>
      <Loaded query={deviation}>
        {(d) => (
          <>
            <PageHeading title={t('deviation.title', { code: d.ruleCode })} />
            <Paragraph lead>{t('deviation.subtitle', { title: d.ruleTitle, date: f.date(d.occurredOn) })}</Paragraph>
            <p className="nl-paragraph rules-badges">
              <StatusBadge status={d.status} />
              {d.outcome && <OutcomeBadge outcome={d.outcome} />}
            </p>
            {d.status === 'wacht_op_akkoord' && (
              <Alert type="warning">
                <Paragraph>{t('deviation.waiting', { names: names(rule.data?.approvers.map((a) => a.name) ?? []) })}</Paragraph>
              </Alert>
            )}
            {rule.data && <IntentBox id="dev-intent" title={t('deviate.intentLabel')} intent={rule.data.intent} />}
            <TextSection id="dev-situation-title" title={t('deviation.situation')} text={d.situation} />
            <TextSection id="dev-explanation-title" title={t('deviation.explanation')} text={d.explanation} />
            <TextSection id="dev-instead-title" title={t('deviation.instead')} text={d.insteadDone} />
            <TextSection id="dev-benefit-title" title={t('deviation.benefit')} text={d.expectedBenefit} />
            {d.can.approve && <DecideForm d={d} />}
            {d.can.recordOutcome && <OutcomeForm key={d.id} d={d} />}
            <Section id="dev-details" title={t('deviation.details')}>
              <Details d={d} rule={rule.data} />
            </Section>
            <History d={d} />
          </>
        )}
      </Loaded>
    </>
  );
}
