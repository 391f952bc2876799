import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { api, wsPath, type List } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { NotFoundPage } from '../../../web/pages/NotFoundPage';
import { refreshAfterWrite } from '../../../web/queries';
import { Alert, BackLink, Button, cx, FieldShell, Form, Loaded, PageHeading, Paragraph, SubmitButton, TextAreaField, TextField, useFormErrors, useNotify, type FieldRef } from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import { m } from './messages';
import { addDays, areaGroups, Checkbox, fieldErrors, IntentBox, isNotFound, ruleKeys, today, useAreas, useNameList, useRule, type DeviationView, type RuleView } from './shared';
import './rules.css';

interface ObservationRef {
  id: string;
  number: number;
  title: string;
}

/** Area picker: wijken with their buurten of the newest division. */
function AreaSelect({ value, onChange, error }: { value: string; onChange(v: string): void; error?: string }) {
  const t = useT(m);
  const areas = useAreas();
  const groups = areaGroups(areas.data ?? []);
  const id = 'dev-area';
  return (
    <FieldShell id={id} label={t('deviate.area')} error={error} optional>
      <select
        id={id}
        className={cx('utrecht-select', 'utrecht-select--html-select', error && 'utrecht-select--invalid')}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{areas.isPending ? t('field.loading') : t('deviate.noArea')}</option>
        {groups.map((g) => (
          <optgroup key={g.wijk?.id ?? 'loose'} label={g.wijk?.name ?? t('deviate.otherAreas')}>
            {g.wijk && <option value={g.wijk.id}>{t('deviate.wholeWijk', { name: g.wijk.name })}</option>}
            {g.buurten.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </FieldShell>
  );
}

/** Optional: look up observations (signals, stories) that go with the deviation, and tick them. */
function ObservationPicker({ chosen, onChange, error }: { chosen: ObservationRef[]; onChange(next: ObservationRef[]): void; error?: string }) {
  const t = useT(m);
  const { workspace } = useWorkspace();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const results = useQuery({
    queryKey: ['w', workspace.slug, 'observations', 'list', `rules-picker:${q}`],
    queryFn: () => api.get<List<ObservationRef>>(wsPath(workspace.slug, `observations?q=${encodeURIComponent(q)}&limit=10`)),
    enabled: q.trim().length > 0,
  });
  const ids = new Set(chosen.map((o) => o.id));
  const shown = [...chosen, ...(results.data?.items ?? []).filter((o) => !ids.has(o.id))];
  const run = () => setQ(search.trim());
  return (
    <details className="rules-details" open={chosen.length > 0 || !!error}>
      <summary>
        {t('deviate.observations')} <span className="dichter-optional">{t('field.optional')}</span>
        {chosen.length > 0 && ` — ${t('deviate.observationsChosen', { count: chosen.length })}`}
      </summary>
      <Paragraph small>{t('deviate.observationsHelp')}</Paragraph>
      {error && (
        <div className="utrecht-form-field-error-message" id="dev-observations-error">
          {error}
        </div>
      )}
      <div className="dichter-search-row">
        <TextField
          id="dev-observations"
          type="search"
          label={t('deviate.observationsSearch')}
          value={search}
          maxLength={200}
          autoComplete="off"
          enterKeyHint="search"
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={(e) => {
            // Enter searches; it does not send the form.
            if (e.key === 'Enter') {
              e.preventDefault();
              run();
            }
          }}
        />
        <Button onClick={run}>{t('deviate.observationsButton')}</Button>
      </div>
      <div aria-live="polite">
        {q && results.isPending && <Paragraph small>{t('field.loading')}</Paragraph>}
        {q && results.data && results.data.items.length === 0 && <Paragraph small>{t('deviate.observationsNone')}</Paragraph>}
      </div>
      {shown.length > 0 && (
        <ul className="rules-plain-list">
          {shown.map((o) => (
            <li key={o.id}>
              <Checkbox
                id={`dev-observation-${o.id}`}
                label={`${o.number} · ${o.title}`}
                checked={ids.has(o.id)}
                onChange={(on) => onChange(on ? [...chosen, o] : chosen.filter((x) => x.id !== o.id))}
              />
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}

function DeviationForm({ rule }: { rule: RuleView }) {
  const t = useT(m);
  const f = useFormat();
  const { workspace } = useWorkspace();
  const page = usePagePath();
  const client = useQueryClient();
  const notify = useNotify();
  const names = useNameList();
  const approvers = names(rule.approvers.map((a) => a.name));
  const [occurredOn, setOccurredOn] = useState(today());
  const [areaId, setAreaId] = useState('');
  const [situation, setSituation] = useState('');
  const [explanation, setExplanation] = useState('');
  const [insteadDone, setInsteadDone] = useState('');
  const [expectedBenefit, setExpectedBenefit] = useState('');
  const [observations, setObservations] = useState<ObservationRef[]>([]);
  const [followUp, setFollowUp] = useState<string | null>(null);
  const defaultFollowUp = addDays(/^\d{4}-\d{2}-\d{2}$/.test(occurredOn) ? occurredOn : today(), 42);
  const followUpOn = followUp ?? defaultFollowUp;

  const fields = useMemo(() => {
    const out: Record<string, FieldRef> = {
      occurredOn: { id: 'dev-date', label: t('deviate.occurredOn') },
      areaId: { id: 'dev-area', label: t('deviate.area') },
      situation: { id: 'dev-situation', label: t('deviate.situation') },
      explanation: { id: 'dev-explanation', label: t('deviate.explanation') },
      insteadDone: { id: 'dev-instead', label: t('deviate.instead') },
      expectedBenefit: { id: 'dev-benefit', label: t('deviate.benefit') },
      observationIds: { id: 'dev-observations', label: t('deviate.observations') },
      followUpOn: { id: 'dev-follow-up', label: t('deviate.followUp') },
    };
    for (let i = 0; i < 20; i++) out[`observationIds.${i}`] = out.observationIds;
    return out;
  }, [t]);
  const form = useFormErrors(fields);
  const err = (path: string) => form.fieldError(path) ?? [...Array(20).keys()].map((i) => form.fieldError(`${path}.${i}`)).find(Boolean);

  const mutation = useMutation({
    mutationFn: () =>
      api.post<DeviationView>(wsPath(workspace.slug, `rules/${rule.id}/deviations`), {
        occurredOn: occurredOn || undefined,
        areaId: areaId || null,
        situation,
        explanation,
        insteadDone: insteadDone.trim() || undefined,
        expectedBenefit: expectedBenefit.trim() || undefined,
        observationIds: observations.map((o) => o.id),
        followUpOn: followUpOn || undefined,
      }),
    onSuccess: (saved) => {
      client.setQueryData(ruleKeys.deviation(workspace.slug, rule.id, saved.id), saved);
      void refreshAfterWrite(client, { queryKey: ruleKeys.all(workspace.slug) });
      notify(saved.status === 'wacht_op_akkoord' ? t('deviate.doneAsk', { names: approvers }) : t('deviate.done', { date: f.date(saved.followUpOn) }), page(`regels/${rule.id}/afwijkingen/${saved.id}`));
    },
    onError: form.setError,
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    form.clear();
    // The two required texts are checked here first, so the answer is immediate and in the form's words.
    const missing = [
      situation.trim().length < 10 && { path: 'situation', message: t('deviate.required.situation') },
      explanation.trim().length < 10 && { path: 'explanation', message: t('deviate.required.explanation') },
    ].filter((x): x is { path: string; message: string } => !!x);
    if (missing.length) {
      form.setError(fieldErrors(missing));
      return;
    }
    mutation.mutate();
  };

  return (
    <>
      <IntentBox id="dev-intent" title={t('deviate.intentLabel')} intent={rule.intent} />
      {rule.mandate === 'ask_first' && (
        <Alert type="info">
          <Paragraph>{t('deviate.askFirst', { names: approvers })}</Paragraph>
        </Alert>
      )}
      <Form form={{ summary: form.summary, onSubmit }}>
        <TextField id="dev-date" type="date" className="dichter-input-date" label={t('deviate.occurredOn')} value={occurredOn} max={today()} onChange={(e) => setOccurredOn(e.target.value)} error={err('occurredOn')} />
        <AreaSelect value={areaId} onChange={setAreaId} error={err('areaId')} />
        <TextAreaField
          id="dev-situation"
          label={t('deviate.situation')}
          description={t('deviate.situationHelp')}
          rows={3}
          maxLength={4000}
          value={situation}
          onChange={(e) => setSituation(e.target.value)}
          error={err('situation')}
        />
        <TextAreaField
          id="dev-explanation"
          label={t('deviate.explanation')}
          description={t('deviate.explanationHelp')}
          rows={4}
          maxLength={4000}
          value={explanation}
          onChange={(e) => setExplanation(e.target.value)}
          error={err('explanation')}
        />
        <TextAreaField id="dev-instead" label={t('deviate.instead')} optional rows={3} maxLength={4000} value={insteadDone} onChange={(e) => setInsteadDone(e.target.value)} error={err('insteadDone')} />
        <TextAreaField id="dev-benefit" label={t('deviate.benefit')} optional rows={2} maxLength={4000} value={expectedBenefit} onChange={(e) => setExpectedBenefit(e.target.value)} error={err('expectedBenefit')} />
        <ObservationPicker chosen={observations} onChange={setObservations} error={err('observationIds')} />
        <TextField
          id="dev-follow-up"
          type="date"
          className="dichter-input-date"
          label={t('deviate.followUp')}
          description={t('deviate.followUpHelp', { date: f.date(defaultFollowUp) })}
          value={followUpOn}
          onChange={(e) => setFollowUp(e.target.value)}
          error={err('followUpOn')}
        />
        <div className="rules-submit">
          <SubmitButton busy={mutation.isPending}>{rule.mandate === 'ask_first' ? t('deviate.submitAsk') : t('deviate.submit')}</SubmitButton>
        </div>
      </Form>
    </>
  );
}

/** Deviate and explain: one thumb on a phone, done in under a minute. */
export default function DeviationFormPage() {
  const t = useT(m);
  const { ruleId = '' } = useParams();
  const page = usePagePath();
  const rule = useRule(ruleId);
  if (rule.isError && isNotFound(rule.error)) return <NotFoundPage />;
  return (
    <div className="dichter-narrow rules-phone-form">
      <BackLink to={page(`regels/${ruleId}`)}>{t('back.rule')}</BackLink>
      <Loaded query={rule}>
        {(r) => (
          <>
            <PageHeading title={t('deviate.title')} />
            <Paragraph>{t('deviate.intro', { code: `${r.code} (${r.title})` })}</Paragraph>
            {r.can.deviate ? (
              <DeviationForm rule={r} />
            ) : (
              <Alert type="warning">
                <Paragraph>{t('deviate.notAllowed')}</Paragraph>
              </Alert>
            )}
          </>
        )}
      </Loaded>
    </div>
  );
}
