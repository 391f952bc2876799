import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { api, wsPath } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { NotFoundPage } from '../../../web/pages/NotFoundPage';
import { refreshAfterWrite } from '../../../web/queries';
import { Alert, BackLink, Button, ButtonGroup, Form, Heading, Loaded, PageHeading, Paragraph, Section, SelectField, SubmitButton, TextAreaField, TextField, type FieldRef, useDraft, useFormSubmit, useNotify } from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import { m } from './messages';
import { addDays, Checkbox, Choices, DECISIONS, fieldErrors, IntentBox, isIsoDate, isNotFound, LEVELS, OutcomeBadge, PlainText, ruleKeys, StatusBadge, today, useLabels, useRule, useRuleDeviations, type Decision, type DeviationView, type Level, type RuleView } from './shared';
import './rules.css';

function PeriodForm({ from, to, onApply }: { from: string; to: string; onApply(from: string, to: string): void }) {
  const t = useT(m);
  const [draft, setDraft] = useDraft({ from, to });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft.from, draft.to);
  };
  return (
    <form onSubmit={submit} noValidate className="dichter-filters" aria-label={t('review.periodApply')}>
      <TextField id="review-from" type="date" className="dichter-input-date" label={t('review.periodFrom')} value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
      <TextField id="review-to" type="date" className="dichter-input-date" label={t('review.periodTo')} value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
      <ButtonGroup className="dichter-filters__actions">
        <Button type="submit">{t('review.periodApply')}</Button>
      </ButtonGroup>
    </form>
  );
}

function EvidenceCard({ d, picked, onPick }: { d: DeviationView; picked: boolean; onPick(on: boolean): void }) {
  const t = useT(m);
  const f = useFormat();
  const labels = useLabels();
  return (
    <li className={picked ? 'rules-card rules-card--picked' : 'rules-card'}>
      <Checkbox id={`review-deviation-${d.id}`} label={<strong>{t('deviations.on', { date: f.date(d.occurredOn) })}</strong>} checked={picked} onChange={onPick} />
      <p className="nl-paragraph rules-badges">
        <StatusBadge status={d.status} />
        {d.outcome && <OutcomeBadge outcome={d.outcome} />}
      </p>
      <p className="nl-paragraph dichter-small">{[d.areaName, t('deviations.by', { name: d.reporterName })].filter(Boolean).join(' · ')}</p>
      <p className="nl-paragraph dichter-small">
        <strong>{t('deviation.situation')}:</strong> {d.situation}
      </p>
      <PlainText text={d.explanation} />
      {d.outcome && <p className="nl-paragraph dichter-small">{`${t('deviations.outcome', { outcome: labels.outcome(d.outcome) })}${d.outcomeNote ? ` — ${d.outcomeNote}` : ''}`}</p>}
    </li>
  );
}

function ReviewForm({ rule, from, to }: { rule: RuleView; from: string; to: string }) {
  const t = useT(m);
  const f = useFormat();
  const labels = useLabels();
  const { workspace } = useWorkspace();
  const page = usePagePath();
  const client = useQueryClient();
  const notify = useNotify();
  const deviations = useRuleDeviations(rule.id, new URLSearchParams({ from, to }).toString());
  const [picked, setPicked] = useState<string[]>([]);
  const [decision, setDecision] = useState<Decision | ''>('');
  const [escalatedTo, setEscalatedTo] = useState<Level | ''>('');
  const [rationale, setRationale] = useState('');
  const [decidedOn, setDecidedOn] = useState(today());
  const fields = useMemo(() => {
    const out: Record<string, FieldRef> = {
      deviationIds: { id: 'review-evidence', label: t('review.evidenceLegend') },
      decision: { id: `review-decision-${DECISIONS[0]}`, label: t('review.decision') },
      escalatedTo: { id: 'review-level', label: t('review.escalatedTo') },
      rationale: { id: 'review-rationale', label: t('review.rationale') },
      decidedOn: { id: 'review-date', label: t('review.decidedOn') },
    };
    for (let i = 0; i < picked.length; i++) out[`deviationIds.${i}`] = out.deviationIds;
    return out;
  }, [t, picked.length]);
  const form = useFormSubmit({
    fields,
    errorFields: { 'rule.escalation_level_required': 'escalatedTo' },
    send: async () => {
      if (!decision) throw fieldErrors([{ path: 'decision', message: t('review.required.decision') }]);
      return api.post<RuleView>(wsPath(workspace.slug, `rules/${rule.id}/reviews`), {
        decision,
        rationale,
        decidedOn: decidedOn || undefined,
        escalatedTo: decision === 'escalate' ? escalatedTo || undefined : undefined,
        deviationIds: picked,
      });
    },
    onSaved: (saved) => {
      client.setQueryData(ruleKeys.one(workspace.slug, rule.id), saved);
      void refreshAfterWrite(client, { queryKey: ruleKeys.all(workspace.slug) });
      notify(t('review.done', { decision: labels.decision(decision as Decision) }), page(`regels/${rule.id}`));
    },
  });
  const evidenceError = form.fieldError('deviationIds') ?? picked.map((_, i) => form.fieldError(`deviationIds.${i}`)).find(Boolean);
  return (
    <Form form={form}>
      <fieldset id="review-evidence" tabIndex={-1} className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset rules-evidence">
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('review.evidenceLegend')}</legend>
        <Paragraph small>{t('review.period', { from: f.date(from), to: f.date(to) })}</Paragraph>
        {evidenceError && <div className="utrecht-form-field-error-message">{evidenceError}</div>}
        <Loaded query={deviations} isEmpty={(d) => d.items.length === 0} empty={<Paragraph>{t('review.noDeviations')}</Paragraph>}>
          {(data) => (
            <>
              <Checkbox
                id="review-pick-all"
                label={t('review.pickAll')}
                checked={data.items.every((d) => picked.includes(d.id))}
                onChange={(on) => setPicked(on ? data.items.map((d) => d.id) : [])}
              />
              <p className="nl-paragraph dichter-small" aria-live="polite">
                {t('review.picked', { count: picked.length })}
              </p>
              <ul className="rules-cards">
                {data.items.map((d) => (
                  <EvidenceCard key={d.id} d={d} picked={picked.includes(d.id)} onPick={(on) => setPicked(on ? [...picked, d.id] : picked.filter((x) => x !== d.id))} />
                ))}
              </ul>
            </>
          )}
        </Loaded>
      </fieldset>
      <Choices
        name="review-decision"
        legend={t('review.decision')}
        value={decision}
        onChange={setDecision}
        error={form.fieldError('decision')}
        choices={DECISIONS.map((x) => ({ value: x, label: labels.decision(x), hint: t(`decisionHint.${x}`) }))}
      />
      {decision === 'escalate' && (
        <SelectField
          id="review-level"
          label={t('review.escalatedTo')}
          description={t('review.escalatedToHelp')}
          value={escalatedTo}
          onChange={(e) => setEscalatedTo(e.target.value as Level)}
          error={form.fieldError('escalatedTo')}
          options={[{ value: '', label: t('review.chooseLevel') }, ...LEVELS.map((l) => ({ value: l, label: labels.level(l) }))]}
        />
      )}
      <TextAreaField id="review-rationale" label={t('review.rationale')} description={t('review.rationaleHelp')} rows={5} maxLength={8000} value={rationale} onChange={(e) => setRationale(e.target.value)} error={form.fieldError('rationale')} />
      <TextField id="review-date" type="date" className="dichter-input-date" label={t('review.decidedOn')} value={decidedOn} onChange={(e) => setDecidedOn(e.target.value)} error={form.fieldError('decidedOn')} />
      <div className="rules-submit">
        <SubmitButton busy={form.busy}>{t('review.submit')}</SubmitButton>
      </div>
    </Form>
  );
}

/** A decision on a rule with the evidence in view: keep, adjust, abolish or escalate. */
export default function ReviewPage() {
  const t = useT(m);
  const { ruleId = '' } = useParams();
  const page = usePagePath();
  const [params, setParams] = useSearchParams();
  const rule = useRule(ruleId);
  const to = isIsoDate(params.get('tot')) ? params.get('tot')! : today();
  const from = isIsoDate(params.get('van')) ? params.get('van')! : addDays(to, -89);
  if (rule.isError && isNotFound(rule.error)) return <NotFoundPage />;
  return (
    <div className="dichter-narrow rules-review-page">
      <BackLink to={page(`regels/${ruleId}`)}>{t('back.rule')}</BackLink>
      <Loaded query={rule}>
        {(r) => (
          <>
            <PageHeading title={t('review.title', { code: r.code })} />
            <Paragraph lead>{r.title}</Paragraph>
            <IntentBox id="review-intent" title={t('rule.intent')} intent={r.intent} />
            {!r.can.review ? (
              <Alert type="warning">
                <Paragraph>{t('review.notAllowed')}</Paragraph>
              </Alert>
            ) : (
              <>
                <Paragraph>{t('review.intro')}</Paragraph>
                <Section id="review-evidence-title" title={t('review.evidence')} appearance={3}>
                  <PeriodForm
                    from={from}
                    to={to}
                    onApply={(a, b) => {
                      const p = new URLSearchParams();
                      if (isIsoDate(a)) p.set('van', a);
                      if (isIsoDate(b)) p.set('tot', b);
                      setParams(p, { replace: true });
                    }}
                  />
                </Section>
                <Heading level={2} appearance={3} className="dichter-visually-hidden">
                  {t('review.decision')}
                </Heading>
                <ReviewForm key={`${from}:${to}`} rule={r} from={from} to={to} />
              </>
            )}
          </>
        )}
      </Loaded>
    </div>
  );
}
