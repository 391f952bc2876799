import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api, ApiError } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { Alert, DataList, Form, Heading, LoadError, Loading, PageHeading, Paragraph, Section, SubmitButton, TextAreaField, useFormSubmit, useNotify } from '../../../web/ui';
import { pm } from './public-messages';
import { isStatus, OPEN, PlainText, publicApi, publicKeys, usePublicLabels, type FollowUp } from './PublicParts';

/**
 * The private link's token is in the address: no page may pass it on as a referrer, and
 * search engines must not index it. React hoists these into the document head while the page
 * is shown (the server also sends Referrer-Policy: no-referrer).
 */
function PrivatePageMeta() {
  return (
    <>
      <meta name="referrer" content="no-referrer" />
      <meta name="robots" content="noindex, nofollow" />
    </>
  );
}

function History({ data }: { data: FollowUp }) {
  const t = useT(pm);
  const f = useFormat();
  const labels = usePublicLabels();
  const what = (entry: FollowUp['history'][number]) => {
    if (entry.action === 'created') return t('follow.event.created');
    if (entry.action === 'transition' && entry.to) return t('follow.event.transition', { status: labels.status(entry.to) });
    if (entry.action === 'satisfaction') return t('follow.event.satisfaction');
    return t('follow.event.other');
  };
  return (
    <Section id="follow-history" title={t('follow.history')}>
      <ol className="utrecht-ordered-list dichter-public-history">
        {data.history.map((entry) => (
          <li key={entry.id} className="utrecht-ordered-list__item">
            <p className="nl-paragraph">
              <strong>{what(entry)}</strong> <span className="dichter-small">({f.dateTime(entry.at)})</span>
            </p>
            {entry.message && (
              <div className="dichter-public-message">
                {entry.to === 'beantwoord' && <p className="nl-paragraph dichter-small">{t('follow.answer')}:</p>}
                <PlainText text={entry.message} />
              </div>
            )}
          </li>
        ))}
      </ol>
    </Section>
  );
}

function ReopenForm({ token, onDone }: { token: string; onDone(data: FollowUp): void }) {
  const t = useT(pm);
  const [message, setMessage] = useState('');
  const form = useFormSubmit({
    fields: { message: { id: 'follow-reopen', label: t('follow.reopenReason') } },
    send: () => {
      if (message.trim().length < 3) return Promise.reject(new ApiError(400, 'request.invalid', '', [{ path: 'message', message: t('follow.reopenNeed') }]));
      return api.post<FollowUp>(publicApi.followUp(token, '/reopen'), { message });
    },
    onSaved: (data) => {
      setMessage('');
      onDone(data);
    },
  });
  return (
    <Section id="follow-reopen-title" title={t('follow.reopen')}>
      <Paragraph>{t('follow.reopenHelp')}</Paragraph>
      <Form form={form}>
        <TextAreaField id="follow-reopen" label={t('follow.reopenReason')} maxLength={5000} value={message} onChange={(e) => setMessage(e.target.value)} error={form.fieldError('message')} />
        <SubmitButton busy={form.busy}>{t('follow.reopenSubmit')}</SubmitButton>
      </Form>
    </Section>
  );
}

function RateForm({ token, data, onDone }: { token: string; data: FollowUp; onDone(data: FollowUp): void }) {
  const t = useT(pm);
  const [score, setScore] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const form = useFormSubmit({
    fields: { score: { id: 'follow-score-1', label: t('follow.rateLegend') }, note: { id: 'follow-note', label: t('follow.rateNote') } },
    send: () => {
      if (!score) return Promise.reject(new ApiError(400, 'request.invalid', '', [{ path: 'score', message: t('follow.rateNeed') }]));
      return api.post<FollowUp>(publicApi.followUp(token, '/satisfaction'), { score, ...(note.trim() ? { note } : {}) });
    },
    onSaved: onDone,
  });
  const scoreError = form.fieldError('score');
  return (
    <Section id="follow-rate-title" title={t('follow.rate')}>
      {data.satisfaction && <Paragraph>{t('follow.ratedBefore', { score: data.satisfaction.score })}</Paragraph>}
      <Form form={form}>
        <fieldset
          className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset${scoreError ? ' utrecht-form-fieldset--invalid' : ''}`}
          aria-describedby={scoreError ? 'follow-score-error' : undefined}
        >
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('follow.rateLegend')}</legend>
          {scoreError && (
            <div className="utrecht-form-field-error-message" id="follow-score-error">
              {scoreError}
            </div>
          )}
          <div className="dichter-radios">
            {[1, 2, 3, 4, 5].map((n) => (
              <div className="dichter-radio" key={n}>
                <input
                  type="radio"
                  id={`follow-score-${n}`}
                  name="score"
                  value={n}
                  className="utrecht-radio-button utrecht-radio-button--html-input"
                  checked={score === n}
                  aria-invalid={scoreError ? true : undefined}
                  onChange={() => setScore(n)}
                />
                <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`follow-score-${n}`}>
                  {t(`follow.score.${n}` as 'follow.score.1')}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <TextAreaField id="follow-note" label={t('follow.rateNote')} optional maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} error={form.fieldError('note')} />
        <SubmitButton busy={form.busy}>{t('follow.rateSubmit')}</SubmitButton>
      </Form>
    </Section>
  );
}

function BadLink() {
  const t = useT(pm);
  return (
    <div className="dichter-narrow">
      <PrivatePageMeta />
      <PageHeading title={t('follow.badLinkTitle')} />
      <Paragraph lead>{t('follow.badLink')}</Paragraph>
      <Paragraph>{t('follow.badLinkHelp')}</Paragraph>
    </div>
  );
}

/** /melding/:token: the resident follows their own report through the private link. */
export default function PublicFollowUpPage() {
  const t = useT(pm);
  const f = useFormat();
  const labels = usePublicLabels();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const { token = '' } = useParams();
  const query = useQuery({ queryKey: publicKeys.followUp(token), queryFn: () => api.get<FollowUp>(publicApi.followUp(token)), retry: false });
  if (query.isError && isStatus(query.error, 400, 404)) return <BadLink />;
  if (query.isPending)
    return (
      <>
        <PrivatePageMeta />
        <Loading />
      </>
    );
  if (query.isError)
    return (
      <>
        <PrivatePageMeta />
        <LoadError error={query.error} onRetry={() => query.refetch()} />
      </>
    );
  const data = query.data;
  const update = (message: string) => (next: FollowUp) => {
    queryClient.setQueryData(publicKeys.followUp(token), next);
    notify(message);
  };
  const waiting = OPEN.includes(data.status) && data.dueAt;
  return (
    <div className="dichter-narrow">
      <PrivatePageMeta />
      <PageHeading title={t('follow.title', { number: data.number, title: data.title })} />
      <Paragraph lead>{t('follow.lead', { name: data.workspaceName, date: f.date(data.createdAt) })}</Paragraph>
      <Alert type="info">
        <Paragraph>
          <strong>
            {t('follow.status')}: {labels.status(data.status)}
          </strong>
          . {labels.statusExplain(data.status)}
          {waiting && <> {t('follow.dueHelp', { date: f.date(data.dueAt!) })}</>}
        </Paragraph>
      </Alert>
      <DataList
        items={[
          [t('follow.number'), data.number],
          [t('follow.kind'), labels.kind(data.kind)],
          [t('follow.sent'), f.dateTime(data.createdAt)],
          [t('follow.status'), labels.status(data.status)],
          ...(data.dueAt && OPEN.includes(data.status) ? ([[t('follow.due'), f.date(data.dueAt)]] as [string, string][]) : []),
        ]}
      />
      <Section id="follow-text" title={t('follow.yours')}>
        <Paragraph>
          <strong>{data.title}</strong>
        </Paragraph>
        {data.text.trim() ? <PlainText text={data.text} /> : <Paragraph>{t('follow.noText')}</Paragraph>}
      </Section>
      <History data={data} />
      {data.can.rate && <RateForm token={token} data={data} onDone={update(t('follow.rated'))} />}
      {data.can.reopen && <ReopenForm token={token} onDone={update(t('follow.reopened'))} />}
      <Paragraph small>{t('follow.private')}</Paragraph>
    </div>
  );
}
