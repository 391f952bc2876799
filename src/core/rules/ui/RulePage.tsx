import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { api, wsPath } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { shellMessages } from '../../../web/messages';
import { NotFoundPage } from '../../../web/pages/NotFoundPage';
import { refreshAfterWrite } from '../../../web/queries';
import { BackLink, Button, ButtonGroup, ButtonLink, DataList, EmptyState, ExternalLink, focusSoon, Form, Heading, Link, Loaded, PageHeading, Paragraph, Section, SubmitButton, TextAreaField, TextField, useConfirmedAction, useFormSubmit, useNotify } from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import { m } from './messages';
import { Badge, Choices, IntentBox, isNotFound, MOMENTS, nodeLabel, OutcomeBadge, PlainText, RuleBadges, ruleKeys, StatusBadge, today, useLabels, useNameList, useRule, useRuleDeviations, VERDICTS, type DeviationView, type ReviewView, type RuleView, type TestView } from './shared';
import './rules.css';

const DEVIATIONS_SHOWN = 10;

/** "30 dagen", "1 dag". */
export function useDays() {
  const t = useT(m);
  const f = useFormat();
  return (count: number) => (count === 1 ? t('days.one') : t('days.many', { count: f.number(count) }));
}

/** The decision's effect in words: fewer or more deviations and signals, before → after. */
function Effect({ review }: { review: ReviewView }) {
  const t = useT(m);
  const f = useFormat();
  const days = useDays();
  const e = review.effect;
  if (e.days === 0) return <Paragraph>{t('effect.tooSoon')}</Paragraph>;
  const params = { before: f.number(e.deviationsBefore), after: f.number(e.deviationsAfter), days: days(e.days) };
  const signals = { before: f.number(e.signalsBefore), after: f.number(e.signalsAfter) };
  const word = (before: number, after: number) => (after < before ? 'Fewer' : after > before ? 'More' : 'Same');
  const dev = word(e.deviationsBefore, e.deviationsAfter);
  return (
    <>
      <Paragraph>
        <strong>{t(dev === 'Fewer' ? 'effect.fewer' : dev === 'More' ? 'effect.more' : 'effect.same', params)}</strong>
      </Paragraph>
      {(e.signalsBefore > 0 || e.signalsAfter > 0) && <Paragraph>{t(`effect.signals${word(e.signalsBefore, e.signalsAfter)}`, signals)}</Paragraph>}
      <Paragraph small>{t('effect.explain')}</Paragraph>
    </>
  );
}

function Reviews({ rule, deviations }: { rule: RuleView; deviations: DeviationView[] | undefined }) {
  const t = useT(m);
  const f = useFormat();
  const labels = useLabels();
  const page = usePagePath();
  const byId = new Map((deviations ?? []).map((d) => [d.id, d]));
  const reviews = [...rule.reviews].sort((a, b) => b.decidedOn.localeCompare(a.decidedOn) || b.createdAt.localeCompare(a.createdAt));
  return (
    <Section id="rules-reviews" title={t('reviews.title')}>
      <Paragraph>{t('reviews.intro')}</Paragraph>
      {rule.can.review && (
        <Paragraph>
          <ButtonLink to={page(`regels/${rule.id}/besluit`)}>{t('rule.review')}</ButtonLink>
        </Paragraph>
      )}
      {reviews.length === 0 ? (
        <Paragraph>{t('reviews.empty')}</Paragraph>
      ) : (
        <ol className="rules-cards" aria-labelledby="rules-reviews">
          {reviews.map((r) => (
            <li key={r.id} className="rules-card rules-review">
              <Heading level={3} appearance={5} className="rules-card__title">
                {t('reviews.head', { decision: labels.decision(r.decision), date: f.date(r.decidedOn) })}
              </Heading>
              {r.escalatedTo && <Paragraph>{t('reviews.escalatedTo', { level: labels.level(r.escalatedTo) })}</Paragraph>}
              <PlainText text={r.rationale} />
              <Paragraph small>{t('reviews.by', { name: r.decidedByName })}</Paragraph>
              <Paragraph small>
                <strong>{t('reviews.evidence')}:</strong>{' '}
                {r.deviationIds.length + r.observationIds.length === 0 ? (
                  t('reviews.noEvidence')
                ) : (
                  <>
                    {r.deviationIds.map((id, i) => {
                      const d = byId.get(id);
                      return (
                        <span key={id}>
                          {i > 0 && ', '}
                          <Link to={page(`regels/${rule.id}/afwijkingen/${id}`)}>{d ? t('reviews.evidenceDeviation', { date: f.date(d.occurredOn) }) : t('reviews.evidenceDeviationUnknown')}</Link>
                        </span>
                      );
                    })}
                    {r.observationIds.map((id, i) => (
                      <span key={id}>
                        {(i > 0 || r.deviationIds.length > 0) && ', '}
                        <Link to={page(`waarnemingen/${id}`)}>{t('reviews.evidenceObservation')}</Link>
                      </span>
                    ))}
                  </>
                )}
              </Paragraph>
              <div className="rules-review__effect">
                <p className="nl-paragraph">
                  <strong>{t('reviews.effect')}</strong>
                </p>
                <Effect review={r} />
              </div>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

/** One deviation as a card: when, status, why, outcome. */
export function DeviationCard({ d, heading = 3 }: { d: DeviationView; heading?: 3 | 4 }) {
  const t = useT(m);
  const f = useFormat();
  const labels = useLabels();
  const page = usePagePath();
  return (
    <li className={d.status === 'wacht_op_akkoord' ? 'rules-card rules-card--pending' : 'rules-card'}>
      <Heading level={heading} appearance={5} className="rules-card__title">
        <Link to={page(`regels/${d.ruleId}/afwijkingen/${d.id}`)}>{t('deviations.on', { date: f.date(d.occurredOn) })}</Link>
      </Heading>
      <p className="nl-paragraph rules-badges">
        <StatusBadge status={d.status} />
        {d.outcome && <OutcomeBadge outcome={d.outcome} />}
      </p>
      <p className="nl-paragraph dichter-small">{[d.areaName, t('deviations.by', { name: d.reporterName })].filter(Boolean).join(' · ')}</p>
      <PlainText text={d.explanation} />
      <p className="nl-paragraph dichter-small">
        {d.outcome ? `${t('deviations.outcome', { outcome: labels.outcome(d.outcome) })}${d.outcomeNote ? ` — ${d.outcomeNote}` : ''}` : t('deviations.noOutcome', { date: f.date(d.followUpOn) })}
      </p>
    </li>
  );
}

/** The observations that link this rule: how many, the newest, and a way to report one more. */
function Signals({ rule }: { rule: RuleView }) {
  const t = useT(m);
  const f = useFormat();
  const page = usePagePath();
  const { total, items } = rule.linkedObservations;
  return (
    <Section id="rules-signals" title={t('signals.title')}>
      <Paragraph>{t('signals.intro')}</Paragraph>
      {total === 0 ? (
        <Paragraph>{t('signals.empty')}</Paragraph>
      ) : (
        <>
          <Paragraph>{total === 1 ? t('signals.countOne') : total > items.length ? t('signals.count', { count: f.number(total), shown: f.number(items.length) }) : t('signals.countAll', { count: f.number(total) })}</Paragraph>
          <ul className="utrecht-unordered-list" aria-labelledby="rules-signals">
            {items.map((o) => (
              <li key={o.id} className="utrecht-unordered-list__item">
                <Link to={page(`waarnemingen/${o.id}`)}>{t('signals.item', { number: o.number, title: o.title })}</Link> ({f.date(o.occurredAt)})
              </li>
            ))}
          </ul>
        </>
      )}
      <ButtonLink to={page(`waarnemingen/nieuw?soort=signaal&regel=${rule.id}`)}>{t('signals.report')}</ButtonLink>
    </Section>
  );
}

function Deviations({ rule, deviations }: { rule: RuleView; deviations: ReturnType<typeof useRuleDeviations> }) {
  const t = useT(m);
  const f = useFormat();
  const [shown, setShown] = useState(DEVIATIONS_SHOWN);
  return (
    <Section id="rules-deviations" title={t('deviations.title')}>
      <Paragraph>{t('deviations.intro')}</Paragraph>
      <Loaded
        query={deviations}
        isEmpty={(d) => d.total === 0}
        empty={
          <EmptyState title={t('deviations.empty')}>
            {rule.can.deviate && <Paragraph>{t('rule.deviateHelp')}</Paragraph>}
          </EmptyState>
        }
      >
        {(data) => (
          <>
            <Paragraph>{data.total === 1 ? t('deviations.countOne') : t('deviations.count', { count: f.number(data.total) })}</Paragraph>
            <ol className="rules-cards" aria-labelledby="rules-deviations">
              {data.items.slice(0, shown).map((d) => (
                <DeviationCard key={d.id} d={d} />
              ))}
            </ol>
            {data.items.length > shown && (
              <Button
                onClick={() => {
                  const first = data.items[shown];
                  setShown(shown + DEVIATIONS_SHOWN);
                  // Focus the first card that was added, so a keyboard user continues where the list grew.
                  focusSoon(() => document.querySelector<HTMLElement>(`a[href$="/afwijkingen/${first.id}"]`));
                }}
              >
                {t('review.more')}
              </Button>
            )}
          </>
        )}
      </Loaded>
    </Section>
  );
}

function TestForm({ rule, onDone, onCancel }: { rule: RuleView; onDone(): void; onCancel(): void }) {
  const t = useT(m);
  const ts = useT(shellMessages);
  const f = useFormat();
  const labels = useLabels();
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const notify = useNotify();
  const [testedOn, setTestedOn] = useState(today());
  const [moment, setMoment] = useState<TestView['moment'] | ''>('');
  const [participants, setParticipants] = useState('');
  const [findings, setFindings] = useState('');
  const [verdict, setVerdict] = useState<TestView['verdict'] | ''>('');
  const fields = {
    testedOn: { id: 'rules-test-date', label: t('tests.date') },
    moment: { id: `rules-test-moment-${MOMENTS[0]}`, label: t('tests.moment') },
    participants: { id: 'rules-test-participants', label: t('tests.participants') },
    findings: { id: 'rules-test-findings', label: t('tests.findings') },
    verdict: { id: `rules-test-verdict-${VERDICTS[0]}`, label: t('tests.verdict') },
  };
  const form = useFormSubmit({
    fields,
    send: () =>
      api.post<RuleView>(wsPath(workspace.slug, `rules/${rule.id}/tests`), {
        testedOn,
        moment: moment || undefined,
        participants,
        findings,
        verdict: verdict || undefined,
      }),
    onSaved: (saved) => {
      client.setQueryData(ruleKeys.one(workspace.slug, rule.id), saved);
      void refreshAfterWrite(client, { queryKey: ruleKeys.all(workspace.slug) });
      onDone();
      notify(t('tests.done', { date: f.date(testedOn) }));
      focusSoon('rules-tests');
    },
  });
  return (
    <div className="rules-panel" id="rules-test-form">
      <Heading level={3} id="rules-test-heading" tabIndex={-1}>
        {t('tests.add')}
      </Heading>
      <Form form={form}>
        <TextField id="rules-test-date" type="date" className="dichter-input-date" label={t('tests.date')} value={testedOn} onChange={(e) => setTestedOn(e.target.value)} error={form.fieldError('testedOn')} />
        <Choices name="rules-test-moment" legend={t('tests.moment')} value={moment} onChange={setMoment} error={form.fieldError('moment')} choices={MOMENTS.map((x) => ({ value: x, label: labels.moment(x) }))} />
        <TextAreaField
          id="rules-test-participants"
          label={t('tests.participants')}
          description={t('tests.participantsHelp')}
          rows={2}
          maxLength={2000}
          value={participants}
          onChange={(e) => setParticipants(e.target.value)}
          error={form.fieldError('participants')}
        />
        <TextAreaField
          id="rules-test-findings"
          label={t('tests.findings')}
          description={t('tests.findingsHelp')}
          rows={5}
          maxLength={8000}
          value={findings}
          onChange={(e) => setFindings(e.target.value)}
          error={form.fieldError('findings')}
        />
        <Choices name="rules-test-verdict" legend={t('tests.verdict')} value={verdict} onChange={setVerdict} error={form.fieldError('verdict')} choices={VERDICTS.map((v) => ({ value: v, label: labels.verdict(v) }))} />
        <ButtonGroup>
          <SubmitButton busy={form.busy}>{t('tests.submit')}</SubmitButton>
          <Button appearance="subtle" onClick={onCancel}>
            {ts('common.cancel')}
          </Button>
        </ButtonGroup>
      </Form>
    </div>
  );
}

function Tests({ rule }: { rule: RuleView }) {
  const t = useT(m);
  const f = useFormat();
  const labels = useLabels();
  const [adding, setAdding] = useState(false);
  const tests = [...rule.tests].sort((a, b) => b.testedOn.localeCompare(a.testedOn));
  return (
    <Section id="rules-tests" title={t('tests.title')}>
      <Paragraph>{t('tests.intro')}</Paragraph>
      {tests.length === 0 ? (
        <Paragraph>{t('tests.empty')}</Paragraph>
      ) : (
        <ol className="rules-cards" aria-labelledby="rules-tests">
          {tests.map((x) => (
            <li key={x.id} className="rules-card">
              <Heading level={3} appearance={5} className="rules-card__title">
                {t('tests.item', { moment: labels.moment(x.moment), date: f.date(x.testedOn) })}
              </Heading>
              <p className="nl-paragraph">
                <Badge kind="verdict" value={x.verdict}>
                  {labels.verdict(x.verdict)}
                </Badge>
              </p>
              <Paragraph small>{t('tests.by', { participants: x.participants })}</Paragraph>
              <PlainText text={x.findings} />
            </li>
          ))}
        </ol>
      )}
      {rule.can.update &&
        (adding ? (
          <TestForm
            rule={rule}
            onDone={() => setAdding(false)}
            onCancel={() => {
              setAdding(false);
              focusSoon('rules-test-add');
            }}
          />
        ) : (
          <Button
            id="rules-test-add"
            aria-expanded={false}
            onClick={() => {
              setAdding(true);
              focusSoon('rules-test-heading');
            }}
          >
            {t('tests.add')}
          </Button>
        ))}
    </Section>
  );
}

function DeleteRule({ rule }: { rule: RuleView }) {
  const t = useT(m);
  const { workspace } = useWorkspace();
  const page = usePagePath();
  const client = useQueryClient();
  const notify = useNotify();
  const remove = useConfirmedAction<RuleView>({
    action: (r) => api.delete(wsPath(workspace.slug, `rules/${r.id}`)),
    onDone: (r) => {
      notify(t('rule.deleted', { code: r.code }), page('regels'));
      void refreshAfterWrite(client, { queryKey: ruleKeys.all(workspace.slug) });
    },
  });
  return (
    <>
      <Button appearance="danger" onClick={() => remove.ask(rule)}>
        {t('rule.delete')}
      </Button>
      {remove.dialog((r) => ({ title: t('rule.deleteTitle', { code: r.code }), body: t('rule.deleteBody', { title: r.title, count: r.deviationCount }), confirmLabel: t('rule.delete') }))}
    </>
  );
}

function Details({ rule }: { rule: RuleView }) {
  const t = useT(m);
  const ts = useT(shellMessages);
  const f = useFormat();
  const labels = useLabels();
  const names = useNameList();
  const page = usePagePath();
  const { workspace } = useWorkspace();
  const validity = rule.validFrom && rule.validTo ? t('rule.validFromTo', { from: f.date(rule.validFrom), to: f.date(rule.validTo) }) : rule.validFrom ? t('rule.validFrom', { from: f.date(rule.validFrom) }) : rule.validTo ? t('rule.validTo', { to: f.date(rule.validTo) }) : t('rule.validAlways');
  const list = (items: ReactNode[]) => (
    <ul className="utrecht-unordered-list rules-plain-list">
      {items.map((x, i) => (
        <li key={i}>{x}</li>
      ))}
    </ul>
  );
  const items: [ReactNode, ReactNode][] = [
    [t('col.code'), <span className="rules-code">{rule.code}</span>],
    [t('col.kind'), labels.kind(rule.kind)],
    [t('col.level'), labels.level(rule.level)],
    [t('col.domain'), labels.domain(rule.domain)],
    [t('rule.owner'), rule.ownerName ?? ts('common.none')],
  ];
  if (rule.ownerPartnerName) items.push([t('rule.ownerPartner'), rule.ownerPartnerName]);
  items.push(
    [
      t('rule.source'),
      rule.sourceUrl ? (
        <ExternalLink href={rule.sourceUrl} rel="noopener noreferrer" target="_blank">
          {rule.sourceUrl}
        </ExternalLink>
      ) : (
        ts('common.none')
      ),
    ],
    [
      t('rule.validity'),
      <>
        {validity} <ValidityWords rule={rule} />
      </>,
    ],
    [
      t('rule.mandate'),
      <>
        {labels.mandate(rule.mandate)}
        {rule.mandate === 'ask_first' && (
          <>
            <br />
            <span className="dichter-small">{rule.approvers.length ? t('rule.approvers', { names: names(rule.approvers.map((a) => a.name)) }) : t('rule.approversDefault')}</span>
          </>
        )}
      </>,
    ],
    [t('rule.areas'), rule.areas.length ? list(rule.areas.map((a) => a.name)) : t('rule.allAreas')],
    [t('rule.nodes'), rule.ladderNodes.length ? list(rule.ladderNodes.map((n) => <Link to={page(`ladder/knoop/${n.id}`)}>{`${labels.rung(n.rung)}: ${nodeLabel(n)}`}</Link>)) : t('rule.noNodes')],
  );
  const dossier = (format: string) => wsPath(workspace.slug, `rules/${rule.id}/dossier?format=${format}`);
  items.push([
    t('rule.dossier'),
    <>
      <ExternalLink href={dossier('html')}>{t('rule.dossierHtml')}</ExternalLink>
      {' · '}
      <ExternalLink href={dossier('pdf')} download>
        {t('rule.dossierPdf')}
      </ExternalLink>
    </>,
  ]);
  return <DataList items={items} />;
}

function ValidityWords({ rule }: { rule: RuleView }) {
  const t = useT(m);
  const state = rule.active ? 'now' : rule.validFrom && rule.validFrom > today() ? 'notYet' : 'ended';
  return <>({t(`validity.${state}`)})</>;
}

/** One rule: its intent first, then how to deviate, the details, what happened, and what was decided. */
export default function RulePage() {
  const t = useT(m);
  const { ruleId = '' } = useParams();
  const page = usePagePath();
  const names = useNameList();
  const rule = useRule(ruleId);
  const deviations = useRuleDeviations(ruleId);
  if (rule.isError && isNotFound(rule.error)) return <NotFoundPage />;
  return (
    <>
      <BackLink to={page('regels')}>{t('back.register')}</BackLink>
      <Loaded query={rule}>
        {(r) => (
          <>
            <PageHeading title={`${r.code} ${r.title}`}>
              <span className="rules-title-code rules-code">{r.code}</span> {r.title}
            </PageHeading>
            <RuleBadges rule={r} />
            <IntentBox id="rules-intent" title={t('rule.intent')} intent={r.intent} />
            {r.can.deviate && (
              <div className="rules-deviate">
                <Paragraph>{r.mandate === 'ask_first' ? `${t('rule.deviateHelp')} ${t('rule.deviateAskFirst', { names: names(r.approvers.map((a) => a.name)) })}` : t('rule.deviateHelp')}</Paragraph>
                <ButtonLink appearance="primary" to={page(`regels/${r.id}/afwijken`)}>
                  {t('rule.deviate')}
                </ButtonLink>
              </div>
            )}
            <Section id="rules-details" title={t('rule.details')}>
              <Details rule={r} />
              {(r.can.update || r.can.delete) && (
                <ButtonGroup>
                  {r.can.update && <ButtonLink to={page(`regels/${r.id}/wijzigen`)}>{t('rule.edit')}</ButtonLink>}
                  {r.can.delete && <DeleteRule rule={r} />}
                </ButtonGroup>
              )}
            </Section>
            <Deviations rule={r} deviations={deviations} />
            <Signals rule={r} />
            <Reviews rule={r} deviations={deviations.data?.items} />
            <Tests rule={r} />
          </>
        )}
      </Loaded>
    </>
  );
}
