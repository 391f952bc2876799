import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { api, ApiError } from '../../../web/api';
import { useT, type Translate } from '../../../web/i18n';
import {
  Alert,
  Button,
  ButtonGroup,
  ButtonLink,
  Fieldset,
  Heading,
  Link,
  LoadError,
  Loading,
  PageHeading,
  Paragraph,
  SubmitButton,
  TextAreaField,
  TextField,
  useFormErrors,
} from '../../../web/ui';
import { pm } from './public-messages';
import { AreaSelect, isStatus, PUBLIC_KINDS, publicApi, publicKeys, usePublicAreas, usePublicLabels, type Kind, type PublicList, type ReportCreated } from './PublicParts';

interface Draft {
  kind: Kind | '';
  title: string;
  text: string;
  areaId: string;
  name: string;
  email: string;
  phone: string;
  mayPublish: boolean;
  website: string;
}
const EMPTY: Draft = { kind: '', title: '', text: '', areaId: '', name: '', email: '', phone: '', mayPublish: false, website: '' };

/** The workspace's name (and whether it exists) for the page title. */
function useWorkspaceName(slug: string) {
  return useQuery({
    queryKey: publicKeys.list(slug, 'limit=1'),
    queryFn: () => api.get<PublicList>(publicApi.list(slug, 'limit=1')),
    retry: false,
    staleTime: 60_000,
  });
}

/** "Bewaar deze link": the report number, the private link with a copy button, what happens next. */
function Success({ slug, created, draft, onAgain }: { slug: string; created: ReportCreated; draft: Draft; onAgain(): void }) {
  const t = useT(pm);
  const heading = useRef<HTMLHeadingElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const url = `${window.location.origin}${created.followUpPath}`;
  useEffect(() => heading.current?.focus(), []);
  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopy('copied');
    } catch {
      (document.getElementById('report-link') as HTMLInputElement | null)?.select();
      setCopy('failed');
    }
  };
  return (
    <Alert type="ok" className="dichter-public-success">
      <Heading level={2} ref={heading} tabIndex={-1} id="report-success">
        {t('success.title')}
      </Heading>
      <Paragraph lead>{t('success.number', { number: created.number })}</Paragraph>
      <Heading level={3}>{t('success.keep')}</Heading>
      <Paragraph>{t('success.keepHelp')}</Paragraph>
      <TextField id="report-link" label={t('success.link')} value={url} readOnly onFocus={(e) => e.currentTarget.select()} />
      <ButtonGroup>
        <Button appearance="primary" onClick={copyLink}>
          {t('success.copy')}
        </Button>
        <ButtonLink to={created.followUpPath} appearance="secondary">
          {t('success.open')}
        </ButtonLink>
      </ButtonGroup>
      <div role="status" className="dichter-public-copy-status">
        {copy === 'copied' && <Paragraph>{t('success.copied')}</Paragraph>}
        {copy === 'failed' && <Paragraph>{t('success.copyFailed')}</Paragraph>}
      </div>
      <Paragraph>{draft.email.trim() ? t('success.mail') : t('success.noMail')}</Paragraph>
      <Paragraph>
        {draft.mayPublish ? (
          <>
            {t('success.published')} <Link to={`/openbaar/${slug}/meldingen`}>{t('links.list')}</Link>
          </>
        ) : (
          t('success.notPublished')
        )}
      </Paragraph>
      <Paragraph>
        <Button appearance="subtle" onClick={onAgain}>
          {t('success.again')}
        </Button>
      </Paragraph>
    </Alert>
  );
}

/** The personal-data refusal in words for residents; the server's own text is written for staff. */
function residentError(error: unknown, t: Translate<keyof (typeof pm)['nl'] & string>) {
  if (!(error instanceof ApiError)) return error;
  if (error.status === 429) return new ApiError(429, error.id, t('report.tooMany'));
  if (error.id === 'observation.personal_data') {
    const kinds = error.message.match(/\(([^)]+)\)/)?.[1] ?? t('report.personalKindsUnknown');
    const fields = [
      ...error.fields.filter((f) => f.path === 'title').map(() => ({ path: 'title', message: t('report.personalTitle') })),
      ...error.fields.filter((f) => f.path === 'text').map(() => ({ path: 'text', message: t('report.personalText') })),
      { path: 'mayPublish', message: t('report.personalPublish', { kinds }) },
    ];
    return new ApiError(400, error.id, t('report.personalPublish', { kinds }), fields);
  }
  return error;
}

/** /openbaar/:slug/melden: a resident reports something without an account. */
export default function PublicReportPage() {
  const t = useT(pm);
  const labels = usePublicLabels();
  const { slug = '' } = useParams();
  const workspace = useWorkspaceName(slug);
  const areas = usePublicAreas(slug);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [created, setCreated] = useState<ReportCreated | null>(null);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  // The error summary reads "<label>: <message>", so a label's question mark is left out there.
  const short = (label: string) => label.replace(/\?$/, '');
  const fields = {
    kind: { id: `report-kind-${PUBLIC_KINDS[0]}`, label: short(t('report.kind')) },
    title: { id: 'report-title', label: short(t('report.subject')) },
    text: { id: 'report-text', label: t('report.text') },
    areaId: { id: 'report-area', label: short(t('report.area')) },
    name: { id: 'report-name', label: t('report.name') },
    email: { id: 'report-email', label: t('report.email') },
    phone: { id: 'report-phone', label: t('report.phone') },
    mayPublish: { id: 'report-public', label: short(t('report.publish')) },
  };
  const form = useFormErrors(fields);
  const send = useMutation({
    mutationFn: () =>
      api.post<ReportCreated>(publicApi.report(slug), {
        kind: draft.kind,
        title: draft.title.trim(),
        text: draft.text,
        ...(draft.areaId ? { areaId: draft.areaId } : {}),
        ...(draft.name.trim() ? { name: draft.name.trim() } : {}),
        ...(draft.email.trim() ? { email: draft.email.trim() } : {}),
        ...(draft.phone.trim() ? { phone: draft.phone.trim() } : {}),
        mayPublish: draft.mayPublish,
        ...(draft.website ? { website: draft.website } : {}),
      }),
    onSuccess: setCreated,
    onError: (error) => form.setError(residentError(error, t)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (send.isPending) return;
    form.clear();
    const missing = [
      ...(draft.kind ? [] : [{ path: 'kind', message: t('report.needKind') }]),
      ...(draft.title.trim().length >= 3 ? [] : [{ path: 'title', message: t('report.needSubject') }]),
    ];
    if (missing.length) return form.setError(new ApiError(400, 'request.invalid', '', missing));
    send.mutate();
  };
  const again = () => {
    setCreated(null);
    setDraft(EMPTY);
    send.reset();
  };

  if (workspace.isError && isStatus(workspace.error, 404, 400)) {
    return (
      <div className="dichter-narrow">
        <PageHeading title={t('report.unknownWorkspaceTitle')} />
        <Paragraph>{t('report.unknownWorkspace')}</Paragraph>
      </div>
    );
  }
  const name = workspace.data?.workspaceName;
  const err = form.fieldError;
  return (
    <div className="dichter-narrow">
      <PageHeading title={name ? t('report.titleWorkspace', { name }) : t('report.title')} />
      {workspace.isPending ? (
        <Loading />
      ) : workspace.isError ? (
        <LoadError error={workspace.error} onRetry={() => workspace.refetch()} />
      ) : created ? (
        <Success slug={slug} created={created} draft={draft} onAgain={again} />
      ) : (
        <>
          <Paragraph lead>{t('report.intro')}</Paragraph>
          <Paragraph>
            <Link to={`/openbaar/${slug}/meldingen`}>{t('report.backToList')}</Link>
          </Paragraph>
          {form.summary}
          <form onSubmit={submit} noValidate className="dichter-form">
            <fieldset
              className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset${err('kind') ? ' utrecht-form-fieldset--invalid' : ''}`}
              aria-describedby={err('kind') ? 'report-kind-error' : undefined}
            >
              <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('report.kind')}</legend>
              {err('kind') && (
                <div className="utrecht-form-field-error-message" id="report-kind-error">
                  {err('kind')}
                </div>
              )}
              <div className="dichter-radios">
                {PUBLIC_KINDS.map((k) => (
                  <div className="dichter-radio" key={k}>
                    <input
                      type="radio"
                      id={`report-kind-${k}`}
                      name="kind"
                      value={k}
                      className="utrecht-radio-button utrecht-radio-button--html-input"
                      checked={draft.kind === k}
                      aria-describedby={`report-kind-${k}-hint`}
                      aria-invalid={err('kind') ? true : undefined}
                      onChange={() => set('kind', k)}
                    />
                    <div>
                      <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`report-kind-${k}`}>
                        {labels.kind(k)}
                      </label>
                      <div className="utrecht-form-field-description dichter-small" id={`report-kind-${k}-hint`}>
                        {labels.kindHint(k)}
                      </div>
                    </div>
                  </div>
                ))}
              </div>
            </fieldset>
            <TextField id="report-title" label={t('report.subject')} description={t('report.subjectHelp')} maxLength={200} value={draft.title} onChange={(e) => set('title', e.target.value)} error={err('title')} />
            <TextAreaField id="report-text" label={t('report.text')} description={t('report.textHelp')} optional rows={6} maxLength={5000} value={draft.text} onChange={(e) => set('text', e.target.value)} error={err('text')} />
            {(areas.data?.buurten.length ?? 0) > 0 && (
              <AreaSelect
                id="report-area"
                label={t('report.area')}
                description={t('report.areaHelp')}
                optional
                areas={areas.data}
                emptyLabel={t('report.areaUnknown')}
                value={draft.areaId}
                onChange={(e) => set('areaId', e.target.value)}
                error={err('areaId')}
              />
            )}
            <Fieldset legend={t('report.contact')}>
              <Paragraph id="report-contact-help">{t('report.contactHelp')}</Paragraph>
              <TextField id="report-name" label={t('report.name')} optional autoComplete="name" maxLength={200} value={draft.name} onChange={(e) => set('name', e.target.value)} error={err('name')} />
              <TextField id="report-email" type="email" label={t('report.email')} optional autoComplete="email" maxLength={254} value={draft.email} onChange={(e) => set('email', e.target.value)} error={err('email')} />
              <TextField id="report-phone" type="tel" label={t('report.phone')} optional autoComplete="tel" maxLength={20} value={draft.phone} onChange={(e) => set('phone', e.target.value)} error={err('phone')} />
            </Fieldset>
            <div className={`utrecht-form-field dichter-field${err('mayPublish') ? ' utrecht-form-field--invalid' : ''}`}>
              {err('mayPublish') && (
                <div className="utrecht-form-field__error-message utrecht-form-field-error-message" id="report-public-error">
                  {err('mayPublish')}
                </div>
              )}
              <div className="dichter-radio">
                <input
                  id="report-public"
                  type="checkbox"
                  className="utrecht-checkbox utrecht-checkbox--html-input"
                  checked={draft.mayPublish}
                  aria-describedby={['report-public-description', err('mayPublish') ? 'report-public-error' : ''].filter(Boolean).join(' ')}
                  aria-invalid={err('mayPublish') ? true : undefined}
                  onChange={(e) => set('mayPublish', e.target.checked)}
                />
                <div>
                  <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor="report-public">
                    {t('report.publish')}
                  </label>
                  <div className="utrecht-form-field-description" id="report-public-description">
                    {t('report.publishHelp')}
                  </div>
                </div>
              </div>
            </div>
            {/* Spam trap: people do not see it and screen readers skip it; a bot that fills it in is refused. */}
            <div className="dichter-visually-hidden" aria-hidden="true">
              <label htmlFor="report-website">{t('report.trap')}</label>
              <input id="report-website" name="website" type="text" tabIndex={-1} autoComplete="off" value={draft.website} onChange={(e) => set('website', e.target.value)} />
            </div>
            <SubmitButton busy={send.isPending} busyLabel={t('report.sending')}>
              {t('report.submit')}
            </SubmitButton>
          </form>
        </>
      )}
    </div>
  );
}
