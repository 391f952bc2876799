import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api, ApiError, type FieldError } from '../../../web/api';
import { defineMessages, useFormat, useT, type Translate } from '../../../web/i18n';
import { LoadError, Loading, PageHeading, Paragraph, SubmitButton, focusSoon, pageHeading, useFormSubmit, Form, type FieldRef } from '../../../web/ui';
import './questionnaire.css';

/*
 * /vragenlijst/:token — the young person fills in their own questionnaire through the private
 * link their coach sent, on a phone, without an account. No name and no participant number:
 * only which moment it is. The scores: one question per row, 1–10 as large radio buttons.
 */

export const SCORE_KEYS = ['school', 'werk', 'wonen', 'gezondheid', 'financien', 'sociaalNetwerk', 'welzijn'] as const;
export type ScoreKey = (typeof SCORE_KEYS)[number];
export type ScoreValues = Partial<Record<ScoreKey, number>>;

/** The texts of the questions, also used by the coach's questionnaire and the effect monitor. */
export const qm = defineMessages(
  {
    'domain.school': 'School of opleiding',
    'domain.werk': 'Werk of dagbesteding',
    'domain.wonen': 'Wonen',
    'domain.gezondheid': 'Gezondheid',
    'domain.financien': 'Geld en schulden',
    'domain.sociaalNetwerk': 'Familie, vrienden en mensen om je heen',
    'domain.welzijn': 'Hoe het in het algemeen met je gaat',
    'coachDomain.welzijn': 'Hoe het in het algemeen met de jongere gaat',
    'short.school': 'School of opleiding',
    'short.werk': 'Werk',
    'short.wonen': 'Wonen',
    'short.gezondheid': 'Gezondheid',
    'short.financien': 'Geld en schulden',
    'short.sociaalNetwerk': 'Sociaal netwerk',
    'short.welzijn': 'Welzijn',
    'coachDomain.sociaalNetwerk': 'Familie, vrienden en mensen om de jongere heen',
    'scale': '1 is heel slecht, 10 is heel goed.',
    'need': 'Kies een cijfer van 1 tot en met 10.',
    'summary': 'Nog niet alles is ingevuld.',
    'moment.0': 'Vragenlijst bij de start',
    'moment.n': 'Vragenlijst na {months} maanden',
    'lead': 'Hoe gaat het met je? Geef elk onderwerp een cijfer van 1 (heel slecht) tot en met 10 (heel goed). Het invullen duurt ongeveer twee minuten.',
    'privacy': 'Alleen je eigen begeleider en je schuldhulpverlener zien je antwoorden. In overzichten tellen ze alleen mee in groepen van minstens vijf jongeren, zonder naam.',
    'expires': 'Deze link werkt tot {date} en maar één keer.',
    'submit': 'Versturen',
    'sending': 'Bezig met versturen…',
    'thanks.title': 'Dank je wel!',
    'thanks.body': 'Je antwoorden zijn opgeslagen. Je begeleider bespreekt ze met je bij jullie volgende afspraak. Je kunt deze pagina nu sluiten.',
    'bad.link_not_found': 'Deze link werkt niet',
    'bad.link_expired': 'Deze link is verlopen',
    'bad.link_revoked': 'Deze link is ingetrokken',
    'bad.link_used': 'Deze vragenlijst is al ingevuld',
    'bad.link_not_found.text': 'Controleer of je de hele link hebt overgenomen. Werkt hij dan nog niet, vraag je begeleider om een nieuwe link.',
    'bad.link_expired.text': 'Een link werkt 30 dagen. Vraag je begeleider om een nieuwe link.',
    'bad.link_revoked.text': 'Je begeleider heeft deze link ingetrokken, bijvoorbeeld omdat er een nieuwe is. Gebruik de nieuwste link, of vraag je begeleider om een nieuwe.',
    'bad.link_used.text': 'Dank je wel! Een link werkt maar één keer, dus je hoeft niets meer te doen.',
    'bad.help': 'Heb je nog vragen? Neem contact op met je begeleider.',
  },
  {
    'domain.school': 'School or training',
    'domain.werk': 'Work or daytime activities',
    'domain.wonen': 'Housing',
    'domain.gezondheid': 'Health',
    'domain.financien': 'Money and debts',
    'domain.sociaalNetwerk': 'Family, friends and the people around you',
    'domain.welzijn': 'How you are doing in general',
    'coachDomain.welzijn': 'How the young person is doing in general',
    'short.school': 'School or training',
    'short.werk': 'Work',
    'short.wonen': 'Housing',
    'short.gezondheid': 'Health',
    'short.financien': 'Money and debts',
    'short.sociaalNetwerk': 'Social network',
    'short.welzijn': 'Wellbeing',
    'coachDomain.sociaalNetwerk': 'Family, friends and the people around the young person',
    'scale': '1 is very bad, 10 is very good.',
    'need': 'Choose a score from 1 to 10.',
    'summary': 'Not everything has been filled in yet.',
    'moment.0': 'Questionnaire at the start',
    'moment.n': 'Questionnaire after {months} months',
    'lead': 'How are you doing? Give each topic a score from 1 (very bad) to 10 (very good). It takes about two minutes.',
    'privacy': 'Only your own coach and your debt counsellor see your answers. In overviews they only count in groups of at least five young people, without names.',
    'expires': 'This link works until {date}, and only once.',
    'submit': 'Send',
    'sending': 'Sending…',
    'thanks.title': 'Thank you!',
    'thanks.body': 'Your answers have been saved. Your coach will talk them through with you at your next appointment. You can close this page now.',
    'bad.link_not_found': 'This link does not work',
    'bad.link_expired': 'This link has expired',
    'bad.link_revoked': 'This link has been withdrawn',
    'bad.link_used': 'This questionnaire has already been filled in',
    'bad.link_not_found.text': 'Check that you copied the whole link. If it still does not work, ask your coach for a new link.',
    'bad.link_expired.text': 'A link works for 30 days. Ask your coach for a new link.',
    'bad.link_revoked.text': 'Your coach has withdrawn this link, for example because there is a newer one. Use the newest link, or ask your coach for a new one.',
    'bad.link_used.text': 'Thank you! A link works only once, so there is nothing more to do.',
    'bad.help': 'Any questions? Contact your coach.',
  },
);

export const momentTitle = (t: Translate<keyof (typeof qm)['nl'] & string>, moment: number) => (moment === 0 ? t('moment.0') : t('moment.n', { months: moment }));

/** The form's fields for the error summary: each question's first radio button. */
export const scoreFields = (idPrefix: string, label: (key: ScoreKey) => string): Record<string, FieldRef> =>
  Object.fromEntries(SCORE_KEYS.map((k) => [`scores.${k}`, { id: `${idPrefix}-${k}-1`, label: label(k) }]));

/** Client-side check before sending: every question answered. */
export function missingScores(values: ScoreValues, need: string): FieldError[] {
  return SCORE_KEYS.filter((k) => !values[k]).map((k) => ({ path: `scores.${k}`, message: need }));
}

/** One question per row: a fieldset with its legend and ten large radio buttons (arrow keys move within a question, Tab to the next). */
export function ScoreQuestions({
  idPrefix,
  values,
  onChange,
  label,
  error,
}: {
  idPrefix: string;
  values: ScoreValues;
  onChange(key: ScoreKey, value: number): void;
  label(key: ScoreKey): string;
  error(path: string): string | undefined;
}) {
  const t = useT(qm);
  return (
    <div className="yd-score-questions">
      {SCORE_KEYS.map((key) => {
        const message = error(`scores.${key}`);
        const hint = `${idPrefix}-${key}-hint`;
        const errorId = `${idPrefix}-${key}-error`;
        return (
          <fieldset
            key={key}
            className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset yd-score${message ? ' utrecht-form-fieldset--invalid' : ''}`}
            aria-describedby={message ? `${hint} ${errorId}` : hint}
          >
            <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend yd-score__legend">{label(key)}</legend>
            <p className="utrecht-form-field-description yd-score__hint" id={hint}>
              {t('scale')}
            </p>
            {message && (
              <div className="utrecht-form-field-error-message" id={errorId}>
                {message}
              </div>
            )}
            <div className="yd-score__options">
              {Array.from({ length: 10 }, (_, i) => i + 1).map((n) => (
                <label key={n} className="yd-score__option" htmlFor={`${idPrefix}-${key}-${n}`}>
                  <input
                    type="radio"
                    id={`${idPrefix}-${key}-${n}`}
                    name={`${idPrefix}-${key}`}
                    value={n}
                    className="utrecht-radio-button utrecht-radio-button--html-input yd-score__input"
                    checked={values[key] === n}
                    aria-invalid={message ? true : undefined}
                    onChange={() => onChange(key, n)}
                  />
                  <span className="yd-score__number">{n}</span>
                </label>
              ))}
            </div>
          </fieldset>
        );
      })}
    </div>
  );
}

/** The private link's token is in the address: no referrer, no indexing (as the residents' follow-up page). */
function PrivatePageMeta() {
  return (
    <>
      <meta name="referrer" content="no-referrer" />
      <meta name="robots" content="noindex, nofollow" />
    </>
  );
}

interface PublicQuestionnaire {
  moment: number;
  expiresAt: string;
}
const BAD_IDS = ['youth_debt.link_not_found', 'youth_debt.link_expired', 'youth_debt.link_revoked', 'youth_debt.link_used'] as const;

function BadLink({ error }: { error: ApiError }) {
  const t = useT(qm);
  // A malformed token (400) reads as a link that does not work.
  const id = (BAD_IDS as readonly string[]).includes(error.id) ? (error.id.slice('youth_debt.'.length) as 'link_used') : 'link_not_found';
  return (
    <div className="dichter-narrow yd-questionnaire">
      <PrivatePageMeta />
      <PageHeading title={t(`bad.${id}`)} />
      <Paragraph lead>{t(`bad.${id}.text`)}</Paragraph>
      <Paragraph>{t('bad.help')}</Paragraph>
    </div>
  );
}

/** /vragenlijst/:token: the young person's own questionnaire, without an account. */
export default function QuestionnairePublicPage() {
  const t = useT(qm);
  const f = useFormat();
  const { token = '' } = useParams();
  const path = `/api/public/youth-debt/questionnaires/${encodeURIComponent(token)}`;
  const query = useQuery({ queryKey: ['public', 'questionnaire', token], queryFn: () => api.get<PublicQuestionnaire>(path), retry: false });
  const [values, setValues] = useState<ScoreValues>({});
  const [done, setDone] = useState(false);
  const form = useFormSubmit({
    fields: scoreFields('yd-q', (k) => t(`domain.${k}`)),
    send: () => {
      const missing = missingScores(values, t('need'));
      if (missing.length) return Promise.reject(new ApiError(400, 'request.invalid', t('summary'), missing));
      return api.post<{ moment: number }>(path, { scores: values });
    },
    onSaved: () => {
      setDone(true);
      focusSoon(pageHeading);
    },
  });
  if (query.isError && query.error instanceof ApiError && [400, 404, 409].includes(query.error.status)) return <BadLink error={query.error} />;
  // A link that stopped working while the form was open (revoked, or sent twice) says so too.
  if (form.error instanceof ApiError && (BAD_IDS as readonly string[]).includes(form.error.id)) return <BadLink error={form.error} />;
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
  if (done)
    return (
      <div className="dichter-narrow yd-questionnaire">
        <PrivatePageMeta />
        <PageHeading title={t('thanks.title')} />
        <Paragraph lead role="status">
          {t('thanks.body')}
        </Paragraph>
      </div>
    );
  const data = query.data;
  return (
    <div className="dichter-narrow yd-questionnaire">
      <PrivatePageMeta />
      <PageHeading title={momentTitle(t, data.moment)} />
      <Paragraph lead>{t('lead')}</Paragraph>
      <Paragraph>{t('privacy')}</Paragraph>
      <Form form={form}>
        <ScoreQuestions idPrefix="yd-q" values={values} onChange={(k, n) => setValues((old) => ({ ...old, [k]: n }))} label={(k) => t(`domain.${k}`)} error={form.fieldError} />
        <SubmitButton busy={form.busy} busyLabel={t('sending')}>
          {t('submit')}
        </SubmitButton>
      </Form>
      <Paragraph small>{t('expires', { date: f.date(data.expiresAt) })}</Paragraph>
    </div>
  );
}
