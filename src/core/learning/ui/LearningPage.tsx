import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Route, Routes, useParams } from 'react-router';
import { api, ApiError, wsPath, type List } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { NotFoundPage } from '../../../web/pages/NotFoundPage';
import { refreshAfterWrite } from '../../../web/queries';
import {
  BackLink,
  ButtonGroup,
  ButtonLink,
  DataTable,
  EmptyState,
  ExternalLink,
  Fieldset,
  Form,
  Heading,
  Link,
  ListItem,
  Loaded,
  PageHeading,
  Paragraph,
  Section,
  SelectField,
  SubmitButton,
  TextAreaField,
  UnorderedList,
  useFormSubmit,
  useNotify,
  type FieldRef,
} from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import ActionLinePage from './ActionLinePage';
import AgendaPage from './AgendaPage';
import BoardPage from './BoardPage';
import FacilitatorPage from './FacilitatorPage';
import { m } from './messages';
import { DECISIONS, isMissing, learningKeys, useGet, type CycleSummary, type Decision, type DecisionView, type Overview, type Pack, type SessionSummary, type SessionView, type TimelineEvent } from './shared';
import './learning.css';

/** The start page: how often the programme decided what, the cycles and the session calendar. */
function OverviewPage() {
  const t = useT(m);
  const f = useFormat();
  const page = usePagePath();
  const overview = useGet<Overview>('learning/overview');
  const cycles = useGet<List<CycleSummary>>('learning/cycles?limit=100');
  const sessions = useGet<List<SessionSummary>>('learning/sessions?limit=50');
  return (
    <div className="dichter-wide">
      <PageHeading title={t('title')} />
      <Paragraph lead>{t('intro')}</Paragraph>
      <UnorderedList className="learning-links">
        <ListItem>
          <Link to={page('leren/agenda')}>{t('agendaPage.link')}</Link>
        </ListItem>
        <ListItem>
          <Link to={page('leren/tijdlijn')}>{t('timeline.link')}</Link>
        </ListItem>
        <ListItem>
          <Link to={page('leren/bestuur')}>{t('board.link')}</Link>
        </ListItem>
        <ListItem>
          <Link to={page('leren/actielijnen')}>{t('line.link')}</Link>
        </ListItem>
      </UnorderedList>
      <Section id="learning-sessions" title={t('sessions.title')} appearance={3}>
        <Loaded
          query={sessions}
          isEmpty={(s) => s.items.length === 0}
          empty={
            <EmptyState title={t('sessions.empty')}>
              <Paragraph>{t('sessions.emptyHelp')}</Paragraph>
            </EmptyState>
          }
        >
          {(s) => (
            <DataTable
              caption={t('sessions.title')}
              captionHidden
              rows={s.items}
              rowKey={(x) => x.id}
              columns={[
                { header: t('sessions.date'), cell: (x) => f.date(x.date) },
                { header: t('sessions.session'), rowHeader: true, cell: (x) => <Link to={page(`leren/sessies/${x.id}`)}>{x.title}</Link> },
                { header: t('sessions.cycle'), cell: (x) => x.cycleTitle },
                { header: t('sessions.status'), cell: (x) => t(`status.${x.status}`) },
              ]}
            />
          )}
        </Loaded>
      </Section>
      <Section id="learning-decisions" title={t('decisions.title')} appearance={3}>
        <Loaded query={overview}>
          {(o) => (
            <DataTable
              caption={t('decisions.caption')}
              rows={DECISIONS}
              rowKey={(d) => d}
              columns={[
                { header: t('decisions.decision'), rowHeader: true, cell: (d) => t(`decision.${d}`) },
                { header: t('decisions.count'), numeric: true, cell: (d) => f.number(o.decisions[d]) },
              ]}
            />
          )}
        </Loaded>
      </Section>
      <Section id="learning-cycles" title={t('cycles.title')} appearance={3}>
        <Loaded
          query={cycles}
          isEmpty={(c) => c.items.length === 0}
          empty={
            <EmptyState title={t('cycles.empty')}>
              <Paragraph>{t('cycles.emptyHelp')}</Paragraph>
            </EmptyState>
          }
        >
          {(c) => (
            <DataTable
              caption={t('cycles.title')}
              captionHidden
              rows={c.items}
              rowKey={(x) => x.id}
              columns={[
                { header: t('cycles.name'), rowHeader: true, cell: (x) => x.title },
                { header: t('cycles.scope'), cell: (x) => x.scope.name },
                { header: t('cycles.cadence'), cell: (x) => t('cycles.everyWeeks', { weeks: x.cadenceWeeks }) },
                { header: t('cycles.sessions'), numeric: true, cell: (x) => f.number(x.sessions) },
                { header: t('cycles.next'), cell: (x) => f.date(x.nextSessionDue) },
                { header: t('cycles.openActions'), numeric: true, cell: (x) => f.number(x.openActions) },
              ]}
            />
          )}
        </Loaded>
      </Section>
    </div>
  );
}

/** One part of the evidence pack: a heading, then its items or a line saying there are none. */
function PackPart({ title, none, items }: { title: string; none: string; items: { key: string; text: React.ReactNode }[] }) {
  return (
    <>
      <Heading level={3} appearance={4}>
        {title}
      </Heading>
      {items.length === 0 ? (
        <Paragraph>{none}</Paragraph>
      ) : (
        <UnorderedList>
          {items.map((i) => (
            <ListItem key={i.key}>{i.text}</ListItem>
          ))}
        </UnorderedList>
      )}
    </>
  );
}

function PackView({ pack }: { pack: Pack }) {
  const t = useT(m);
  const f = useFormat();
  return (
    <Section id="learning-pack" title={t('pack.title')} appearance={3}>
      <Paragraph>{t('pack.period', { from: f.date(pack.since), until: f.date(pack.until) })}</Paragraph>
      <PackPart
        title={t('pack.observations')}
        none={t('pack.noObservations')}
        items={pack.observations.map((o) => ({
          key: o.id,
          text: `#${o.number} ${o.title} (${f.date(o.occurredAt)})${o.overdue ? ` — ${t('pack.overdue')}` : ''}${o.selectedStory ? ` — ${t('pack.story', { reason: o.selectedStory.reason })}` : ''}`,
        }))}
      />
      <PackPart title={t('pack.deviations')} none={t('pack.noDeviations')} items={pack.deviations.map((d) => ({ key: d.id, text: `${d.ruleCode} (${f.date(d.occurredOn)}): ${d.situation} — ${d.explanation}` }))} />
      <PackPart
        title={t('pack.pressure')}
        none={t('pack.noPressure')}
        items={pack.rulesUnderPressure.map((r) => ({ key: r.ruleId, text: `${r.code} ${r.title}: ${t('pack.pressureCount', { now: r.deviations, before: r.previousDeviations })}` }))}
      />
      <PackPart title={t('pack.assumptions')} none={t('pack.noAssumptions')} items={pack.assumptions.map((a) => ({ key: a.id, text: `${a.text} (${t(`assumption.${a.status}`)}; ${a.actionLineTitle})` }))} />
      <PackPart
        title={t('pack.questions')}
        none={t('pack.noQuestions')}
        items={pack.questions.map((q) => ({ key: q.id, text: `${q.text} (${t(`question.${q.status}`)}${q.longOpen ? `, ${t('pack.longOpen')}` : ''})` }))}
      />
      <PackPart title={t('pack.actions')} none={t('pack.noActions')} items={pack.actions.map((a) => ({ key: a.id, text: `${a.what} — ${a.whoName}, ${f.date(a.dueOn)}${a.overdue ? ` (${t('pack.actionOverdue')})` : ''}` }))} />
      <PackPart title={t('pack.outcomes')} none={t('pack.noOutcomes')} items={pack.outcomes.map((o) => ({ key: o.id, text: `${o.socialActor}: ${o.change} (${f.date(o.happenedOn)})` }))} />
      <PackPart
        title={t('pack.measurements')}
        none={t('pack.noMeasurements')}
        items={pack.measurements.map((x, i) => ({ key: `${x.id}-${i}`, text: `${x.indicator}${x.area ? `, ${x.area}` : ''}: ${f.number(x.from)} → ${f.number(x.to)}` }))}
      />
    </Section>
  );
}

type EvidenceOption = { key: string; kind: 'observation' | 'deviation' | 'assumption' | 'outcome'; id: string; label: string };

function DecisionForm({ session, pack }: { session: SessionView; pack: Pack }) {
  const t = useT(m);
  const f = useFormat();
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const notify = useNotify();
  const lines = useGet<List<{ id: string; code: string | null; title: string }>>(
    session.scope.kind === 'area' ? `ladder/nodes?rung=action_line&areaId=${session.scope.id}&limit=500` : 'ladder/nodes?rung=action_line&limit=500',
    session.scope.kind !== 'action_line',
  );
  const lineOptions = session.scope.kind === 'action_line' ? [{ value: session.scope.id ?? '', label: session.scope.name }] : (lines.data?.items ?? []).map((n) => ({ value: n.id, label: n.code ? `${n.code} ${n.title}` : n.title }));
  const [actionLineId, setActionLineId] = useState(session.scope.kind === 'action_line' ? (session.scope.id ?? '') : '');
  const [decision, setDecision] = useState<Decision | ''>('');
  const [rationale, setRationale] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const options: EvidenceOption[] = [
    ...pack.observations.map((o) => ({ key: `observation:${o.id}`, kind: 'observation' as const, id: o.id, label: t('form.evObservation', { label: `#${o.number} ${o.title}` }) })),
    ...pack.deviations.map((d) => ({ key: `deviation:${d.id}`, kind: 'deviation' as const, id: d.id, label: t('form.evDeviation', { label: `${d.ruleCode} (${f.date(d.occurredOn)}): ${d.situation}` }) })),
    ...pack.assumptions.map((a) => ({ key: `assumption:${a.id}`, kind: 'assumption' as const, id: a.id, label: t('form.evAssumption', { label: a.text }) })),
    ...pack.outcomes.map((o) => ({ key: `outcome:${o.id}`, kind: 'outcome' as const, id: o.id, label: t('form.evOutcome', { label: `${o.socialActor}: ${o.change}` }) })),
  ];
  const fields = useMemo<Record<string, FieldRef>>(
    () => ({
      actionLineId: { id: 'decision-line', label: t('form.actionLine') },
      decision: { id: 'decision-kind', label: t('form.decision') },
      rationale: { id: 'decision-rationale', label: t('form.rationale') },
      evidence: { id: 'decision-evidence', label: t('form.evidence') },
    }),
    [t],
  );
  const form = useFormSubmit({
    fields,
    send: async () => {
      if (!actionLineId || !decision)
        throw new ApiError(400, 'request.invalid', t('form.required'), [
          ...(actionLineId ? [] : [{ path: 'actionLineId', message: t('form.chooseLine') }]),
          ...(decision ? [] : [{ path: 'decision', message: t('form.chooseDecision') }]),
        ]);
      const evidence = options.filter((o) => picked.includes(o.key)).map((o) => ({ kind: o.kind, id: o.id }));
      return api.post<DecisionView>(wsPath(workspace.slug, `learning/sessions/${session.id}/decisions`), { actionLineId, decision, rationale: rationale || undefined, evidence });
    },
    onSaved: (saved) => {
      setDecision('');
      setRationale('');
      setPicked([]);
      void refreshAfterWrite(client, { queryKey: learningKeys.all(workspace.slug) });
      notify(t('form.done', { decision: t(`decision.${saved.decision}`) }));
    },
  });
  const evidenceError = form.fieldError('evidence');
  return (
    <Section id="learning-decision-form" title={t('form.title')} appearance={3}>
      <Paragraph>{t('form.intro')}</Paragraph>
      <Form form={form}>
        <SelectField
          id="decision-line"
          label={t('form.actionLine')}
          value={actionLineId}
          onChange={(e) => setActionLineId(e.target.value)}
          error={form.fieldError('actionLineId')}
          options={[...(session.scope.kind === 'action_line' ? [] : [{ value: '', label: t('form.chooseLine') }]), ...lineOptions]}
        />
        <SelectField
          id="decision-kind"
          label={t('form.decision')}
          value={decision}
          onChange={(e) => setDecision(e.target.value as Decision)}
          error={form.fieldError('decision')}
          options={[{ value: '', label: t('form.chooseDecision') }, ...DECISIONS.map((d) => ({ value: d, label: t(`decision.${d}`) }))]}
        />
        <TextAreaField id="decision-rationale" label={t('form.rationale')} description={t('form.rationaleHelp')} rows={4} maxLength={8000} value={rationale} onChange={(e) => setRationale(e.target.value)} error={form.fieldError('rationale')} />
        <div id="decision-evidence" tabIndex={-1} className={evidenceError ? 'utrecht-form-field--invalid learning-evidence' : 'learning-evidence'}>
          <Fieldset legend={t('form.evidence')}>
            <Paragraph small>{t('form.evidenceHelp')}</Paragraph>
            {evidenceError && (
              <div className="utrecht-form-field-error-message" id="decision-evidence-error">
                {evidenceError}
              </div>
            )}
            {options.length === 0 ? (
              <Paragraph>{t('form.noEvidence')}</Paragraph>
            ) : (
              options.map((o) => {
                const id = `decision-evidence-${o.key.replace(':', '-')}`;
                return (
                  <div className="dichter-field learning-check" key={o.key}>
                    <input
                      id={id}
                      type="checkbox"
                      className="utrecht-checkbox utrecht-checkbox--html-input"
                      checked={picked.includes(o.key)}
                      aria-describedby={evidenceError ? 'decision-evidence-error' : undefined}
                      onChange={(e) => setPicked(e.target.checked ? [...picked, o.key] : picked.filter((k) => k !== o.key))}
                    />
                    <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
                      {o.label}
                    </label>
                  </div>
                );
              })
            )}
          </Fieldset>
        </div>
        <ButtonGroup>
          <SubmitButton busy={form.busy}>{t('form.submit')}</SubmitButton>
        </ButtonGroup>
      </Form>
    </Section>
  );
}

/** The learning history: events with the participants' highs, lows and learning moments. */
function TimelinePage() {
  const t = useT(m);
  const f = useFormat();
  const page = usePagePath();
  const events = useGet<List<TimelineEvent>>('learning/timeline?limit=500');
  return (
    <div className="dichter-wide">
      <BackLink to={page('leren')}>{t('back')}</BackLink>
      <PageHeading title={t('timeline.title')} />
      <Paragraph lead>{t('timeline.intro')}</Paragraph>
      <Loaded
        query={events}
        isEmpty={(e) => e.items.length === 0}
        empty={
          <EmptyState title={t('timeline.empty')}>
            <Paragraph>{t('timeline.emptyHelp')}</Paragraph>
          </EmptyState>
        }
      >
        {(e) => (
          <ol className="dichter-timeline">
            {e.items.map((x) => (
              <li key={x.id} className="dichter-timeline__item">
                <Heading level={2} appearance={4}>
                  <time dateTime={x.date}>{f.date(x.date)}</time>
                  {` — ${x.title}`}
                </Heading>
                <Paragraph small>
                  {x.scope.name}
                  {x.sessionId && (
                    <>
                      {' · '}
                      <Link to={page(`leren/sessies/${x.sessionId}`)}>{t('timeline.session')}</Link>
                    </>
                  )}
                </Paragraph>
                {x.description && <Paragraph>{x.description}</Paragraph>}
                {x.annotations.length === 0 ? (
                  <Paragraph small>{t('timeline.noAnnotations')}</Paragraph>
                ) : (
                  x.annotations.map((a) => (
                    <div key={a.id} className={`dichter-timeline__message learning-annotation learning-annotation--${a.kind}`}>
                      <p className="nl-paragraph dichter-timeline__label">{`${t(`annotation.${a.kind}`)} · ${a.byName}`}</p>
                      <Paragraph>{a.why}</Paragraph>
                    </div>
                  ))
                )}
              </li>
            ))}
          </ol>
        )}
      </Loaded>
    </div>
  );
}

/** One session: links to the minutes and the evidence pack, the pack itself, the rounds, the decisions and the decision form. */
function SessionPage() {
  const t = useT(m);
  const f = useFormat();
  const page = usePagePath();
  const { workspace } = useWorkspace();
  const { sessionId = '' } = useParams();
  const session = useGet<SessionView>(`learning/sessions/${encodeURIComponent(sessionId)}`, !!sessionId);
  const pack = useGet<Pack>(`learning/sessions/${encodeURIComponent(sessionId)}/evidence`, !!sessionId);
  if (session.isError && isMissing(session.error)) return <NotFoundPage />;
  const minutes = (query: string) => `${wsPath(workspace.slug, `learning/sessions/${encodeURIComponent(sessionId)}/minutes`)}${query}`;
  return (
    <div className="dichter-wide">
      <BackLink to={page('leren')}>{t('back')}</BackLink>
      <Loaded query={session}>
        {(s) => (
          <>
            <PageHeading title={s.title} />
            <Paragraph lead>{`${f.date(s.date)} · ${s.scope.name} · ${t(`status.${s.status}`)}`}</Paragraph>
            {s.can.manage && (
              <ButtonGroup>
                <ButtonLink appearance="primary" to={page(`leren/sessies/${s.id}/gespreksleider`)}>
                  {t('session.facilitate')}
                </ButtonLink>
              </ButtonGroup>
            )}
            <Section id="learning-documents" title={t('session.documents')} appearance={3}>
              <Paragraph small>{t('session.documentsHelp')}</Paragraph>
              <UnorderedList>
                <ListItem>
                  <ExternalLink href={minutes('?part=evidence')}>{t('session.evidenceDoc')}</ExternalLink>
                  {' · '}
                  <ExternalLink href={minutes('?part=evidence&format=pdf')}>{t('session.evidencePdf')}</ExternalLink>
                </ListItem>
                <ListItem>
                  <ExternalLink href={minutes('')}>{t('session.minutes')}</ExternalLink>
                  {' · '}
                  <ExternalLink href={minutes('?format=pdf')}>{t('session.minutesPdf')}</ExternalLink>
                </ListItem>
              </UnorderedList>
            </Section>
            <Section id="learning-made" title={t('made.title')} appearance={3}>
              {s.decisions.length === 0 ? (
                <Paragraph>{s.can.manage ? t('made.noneManage') : t('made.none')}</Paragraph>
              ) : (
                <DataTable
                  caption={t('made.title')}
                  captionHidden
                  rows={s.decisions}
                  rowKey={(d) => d.id}
                  columns={[
                    { header: t('made.line'), rowHeader: true, cell: (d) => d.actionLineTitle },
                    { header: t('made.decision'), cell: (d) => <strong>{t(`decision.${d.decision}`)}</strong> },
                    { header: t('made.rationale'), cell: (d) => d.rationale || '—' },
                    { header: t('made.evidence'), numeric: true, cell: (d) => f.number(d.evidence.length) },
                  ]}
                />
              )}
            </Section>
            {s.insights.length > 0 && (
              <Section id="learning-insights" title={t('insights.title')} appearance={3}>
                <UnorderedList>
                  {s.insights.map((i) => (
                    <ListItem key={i.id}>{i.text}</ListItem>
                  ))}
                </UnorderedList>
              </Section>
            )}
            {s.actions.length > 0 && (
              <Section id="learning-actions" title={t('actions.title')} appearance={3}>
                <UnorderedList>
                  {s.actions.map((a) => (
                    <ListItem key={a.id}>{`${a.what} — ${a.whoName}, ${f.date(a.dueOn)} (${t(`action.${a.status}`)}${a.overdue ? `, ${t('pack.actionOverdue')}` : ''})`}</ListItem>
                  ))}
                </UnorderedList>
              </Section>
            )}
            <Loaded query={pack}>{(p) => <PackView pack={p} />}</Loaded>
            <Section id="learning-rounds" title={t('rounds.title')} appearance={3}>
              {s.rounds.length === 0 && <Paragraph>{t('rounds.empty')}</Paragraph>}
              {s.rounds.map((r, i) => {
                const next = s.participants.find((p) => p.id === r.nextParticipantId);
                return (
                  <div key={r.id}>
                    <Heading level={3} appearance={4}>{`${i + 1}. ${r.title}`}</Heading>
                    {r.prompt && <Paragraph small>{r.prompt}</Paragraph>}
                    {r.contributions.length === 0 ? (
                      <Paragraph>{t('rounds.none')}</Paragraph>
                    ) : (
                      <UnorderedList>
                        {r.contributions.map((c) => (
                          <ListItem key={c.id}>
                            <strong>{`${c.participantName}:`}</strong> {c.text}
                          </ListItem>
                        ))}
                      </UnorderedList>
                    )}
                    {next && <Paragraph small>{t('rounds.next', { name: next.name })}</Paragraph>}
                  </div>
                );
              })}
            </Section>
            <Section id="learning-agenda" title={t('agenda.title')} appearance={3}>
              {!s.agenda ? (
                <Paragraph>{t('agenda.none')}</Paragraph>
              ) : (
                <>
                  <Paragraph small>{t('agenda.version', { date: f.date(s.agenda.takenOn) })}</Paragraph>
                  <UnorderedList>
                    {s.agenda.questions.map((q) => (
                      <ListItem key={q.id}>{`${q.text} (${t(`question.${q.status}`)}${q.provisionalAnswer ? `; ${t('agenda.answer', { answer: q.provisionalAnswer })}` : ''})`}</ListItem>
                    ))}
                  </UnorderedList>
                </>
              )}
              <Paragraph>
                <Link to={page('leren/agenda')}>{t('agendaPage.link')}</Link>
              </Paragraph>
            </Section>
            {s.can.manage && pack.data && <DecisionForm session={s} pack={pack.data} />}
          </>
        )}
      </Loaded>
    </div>
  );
}

/** Everything under /w/:slug/leren. */
export default function LearningPage() {
  return (
    <Routes>
      <Route index element={<OverviewPage />} />
      <Route path="agenda" element={<AgendaPage />} />
      <Route path="tijdlijn" element={<TimelinePage />} />
      <Route path="bestuur" element={<BoardPage />} />
      <Route path="actielijnen" element={<ActionLinePage />} />
      <Route path="actielijnen/:lineId" element={<ActionLinePage />} />
      <Route path="sessies/:sessionId" element={<SessionPage />} />
      <Route path="sessies/:sessionId/gespreksleider" element={<FacilitatorPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
