import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { api, wsPath } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { NotFoundPage } from '../../../web/pages/NotFoundPage';
import { refreshAfterWrite } from '../../../web/queries';
import {
  Alert,
  BackLink,
  Button,
  ButtonGroup,
  EmptyState,
  focusSoon,
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
  UnorderedList,
  useFormSubmit,
  useNotify,
  VisuallyHidden,
  type FieldRef,
} from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import { m } from './messages';
import { clock, isMissing, learningKeys, useGet, type Participant, type Round, type SessionView } from './shared';
import './learning.css';

/** The next participant after `current`, in the cycle's order, who has not spoken in the round yet (wrapping round). */
function nextSpeaker(participants: Participant[], round: Round, current: string | null): string | null {
  const spoken = new Set(round.contributions.map((c) => c.participantId));
  const start = current ? participants.findIndex((p) => p.id === current) : -1;
  for (let step = 1; step <= participants.length; step++) {
    const p = participants[(start + step + participants.length) % participants.length];
    if (!spoken.has(p.id) && p.id !== current) return p.id;
  }
  return null;
}

/**
 * The speaking time of one turn, counting down from the round's minutes and on into time over.
 * Screen readers hear it start, pause, each whole minute left and when it is up — not every second.
 */
function SpeakingClock({ name, minutes, onNext, canGoOn }: { name: string; minutes: number; onNext(): void; canGoOn: boolean }) {
  const t = useT(m);
  const [left, setLeft] = useState(minutes * 60);
  const [running, setRunning] = useState(false);
  const [said, setSaid] = useState('');
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setLeft((s) => s - 1), 1000);
    return () => clearInterval(timer);
  }, [running]);
  useEffect(() => {
    if (!running) return;
    if (left === 0) setSaid(t('clock.up', { name }));
    else if (left > 0 && left % 60 === 0 && left < minutes * 60) setSaid(left === 60 ? t('clock.oneMinute') : t('clock.minutes', { minutes: left / 60 }));
  }, [left, running, minutes, name, t]);
  const toggle = () => {
    if (running) setSaid(t('clock.paused', { time: clock(left) }));
    else setSaid(left === minutes * 60 ? t('clock.started', { name, minutes }) : t('clock.resumed'));
    setRunning(!running);
  };
  return (
    <div className="learning-clock-panel">
      <p className={left < 0 ? 'nl-paragraph learning-clock learning-clock--over' : 'nl-paragraph learning-clock'}>
        <span className="learning-clock__label">{left < 0 ? t('clock.over') : t('clock.left')}</span> <span className="learning-clock__time">{clock(left)}</span>
      </p>
      <p className="nl-paragraph dichter-small" role="status">
        {said}
      </p>
      <ButtonGroup>
        <Button appearance={running ? 'secondary' : 'primary'} onClick={toggle}>
          {running ? t('clock.pause') : left === minutes * 60 ? t('clock.start') : t('clock.resume')}
        </Button>
        <Button onClick={() => setLeft(minutes * 60)} disabled={left === minutes * 60}>
          {t('clock.reset')}
        </Button>
        {canGoOn && <Button onClick={onNext}>{t('clock.next')}</Button>}
      </ButtonGroup>
    </div>
  );
}

/** The quick form: what the speaker said, recorded in the current round. */
function ContributionForm({ session, round, speaker, onSaved }: { session: SessionView; round: Round; speaker: Participant; onSaved(saved: SessionView): void }) {
  const t = useT(m);
  const { workspace } = useWorkspace();
  const [text, setText] = useState('');
  const id = 'facilitator-text';
  const label = t('facilitator.said', { name: speaker.name });
  const fields = useMemo<Record<string, FieldRef>>(() => ({ text: { id, label }, participantId: { id, label } }), [label]);
  const form = useFormSubmit({
    fields,
    send: () => api.post<SessionView>(wsPath(workspace.slug, `learning/sessions/${session.id}/rounds/${round.id}/contributions`), { participantId: speaker.id, text }),
    onSaved: (saved) => {
      setText('');
      onSaved(saved);
    },
  });
  return (
    <Form form={form}>
      <TextAreaField id={id} label={label} description={round.prompt || undefined} rows={4} maxLength={8000} value={text} onChange={(e) => setText(e.target.value)} error={form.fieldError('text') ?? form.fieldError('participantId')} />
      <ButtonGroup>
        <SubmitButton busy={form.busy}>{t('facilitator.record')}</SubmitButton>
      </ButtonGroup>
    </Form>
  );
}

function Facilitation({ session }: { session: SessionView }) {
  const t = useT(m);
  const f = useFormat();
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const notify = useNotify();
  const { rounds, participants } = session;
  const [roundId, setRoundId] = useState(() => (rounds.find((r) => r.nextParticipantId) ?? rounds[rounds.length - 1])?.id ?? '');
  const round = rounds.find((r) => r.id === roundId) ?? rounds[0];
  const [speakerId, setSpeakerId] = useState<string | null>(() => round?.nextParticipantId ?? null);
  if (!round) return <EmptyState title={t('facilitator.noRounds')}><Paragraph>{t('facilitator.noRoundsHelp')}</Paragraph></EmptyState>;
  if (participants.length === 0) return <EmptyState title={t('facilitator.noParticipants')}><Paragraph>{t('facilitator.noParticipantsHelp')}</Paragraph></EmptyState>;
  const spoken = new Set(round.contributions.map((c) => c.participantId));
  const speaker = participants.find((p) => p.id === speakerId && !spoken.has(p.id)) ?? null;
  const position = rounds.indexOf(round);
  const nextRound = rounds[position + 1];
  const chooseRound = (id: string) => {
    setRoundId(id);
    setSpeakerId(rounds.find((r) => r.id === id)?.nextParticipantId ?? null);
  };
  const give = (id: string | null) => {
    setSpeakerId(id);
    focusSoon('facilitator-speaker');
  };
  const saved = (after: SessionView) => {
    client.setQueryData(learningKeys.get(workspace.slug, `learning/sessions/${encodeURIComponent(session.id)}`), after);
    void refreshAfterWrite(client, { queryKey: learningKeys.all(workspace.slug) });
    const r = after.rounds.find((x) => x.id === round.id) ?? round;
    const next = nextSpeaker(after.participants, r, speaker?.id ?? null);
    setSpeakerId(next);
    const nextName = after.participants.find((p) => p.id === next)?.name;
    notify(nextName ? t('facilitator.savedNext', { name: speaker?.name ?? '', next: nextName }) : t('facilitator.savedLast', { name: speaker?.name ?? '' }));
    focusSoon(next ? 'facilitator-text' : 'facilitator-speaker');
  };
  return (
    <>
      {!session.can.manage && (
        <Alert type="warning">
          <Paragraph>{t('facilitator.readOnly')}</Paragraph>
        </Alert>
      )}
      <div className="learning-facilitator__round">
        <SelectField
          id="facilitator-round"
          label={t('facilitator.round')}
          value={round.id}
          onChange={(e) => chooseRound(e.target.value)}
          options={rounds.map((r, i) => ({ value: r.id, label: `${i + 1}. ${r.title}${r.nextParticipantId ? '' : ` (${t('facilitator.roundDone')})`}` }))}
        />
        {round.prompt && !session.can.manage && <Paragraph>{round.prompt}</Paragraph>}
        <Paragraph small>{t('facilitator.progress', { done: spoken.size, total: participants.length, minutes: round.minutesEach })}</Paragraph>
      </div>
      <div className="learning-facilitator__grid">
        <section className="dichter-section learning-facilitator__turn" aria-labelledby="facilitator-speaker">
          {speaker ? (
            <>
              <Heading level={2} appearance={3} id="facilitator-speaker" tabIndex={-1}>
                {t('facilitator.turn', { name: speaker.name })}
              </Heading>
              <SpeakingClock key={`clock:${round.id}:${speaker.id}`} name={speaker.name} minutes={round.minutesEach} canGoOn={nextSpeaker(participants, round, speaker.id) !== null} onNext={() => give(nextSpeaker(participants, round, speaker.id))} />
              {session.can.manage && <ContributionForm key={`form:${round.id}:${speaker.id}`} session={session} round={round} speaker={speaker} onSaved={saved} />}
            </>
          ) : (
            <>
              <Heading level={2} appearance={3} id="facilitator-speaker" tabIndex={-1}>
                {spoken.size >= participants.length ? t('facilitator.allSpoke') : t('facilitator.nobody')}
              </Heading>
              {spoken.size < participants.length && session.can.manage && (
                <ButtonGroup>
                  <Button onClick={() => give(nextSpeaker(participants, round, null))}>{t('facilitator.first')}</Button>
                </ButtonGroup>
              )}
              {spoken.size >= participants.length && nextRound && (
                <ButtonGroup>
                  <Button appearance="primary" onClick={() => (chooseRound(nextRound.id), focusSoon('facilitator-round'))}>
                    {t('facilitator.nextRound', { title: nextRound.title })}
                  </Button>
                </ButtonGroup>
              )}
            </>
          )}
        </section>
        <Section id="facilitator-order" title={t('facilitator.order')} appearance={3}>
          <ol className="learning-speakers">
            {participants.map((p, i) => {
              const done = spoken.has(p.id);
              const current = speaker?.id === p.id;
              return (
                <li key={p.id} className={current ? 'learning-speakers__item learning-speakers__item--current' : 'learning-speakers__item'} aria-current={current ? 'step' : undefined}>
                  <span className="learning-speakers__name">
                    <span className="learning-speakers__number">{`${i + 1}.`}</span> {p.name}
                    {p.guest && <span className="dichter-small">{` (${t('facilitator.guest')})`}</span>}
                  </span>
                  <span className="learning-speakers__state dichter-small">{current ? t('facilitator.speaking') : done ? t('facilitator.spoke') : t('facilitator.waiting')}</span>
                  {!done && !current && session.can.manage && (
                    <Button appearance="subtle" className="learning-speakers__give" onClick={() => give(p.id)}>
                      {t('facilitator.give')}
                      <VisuallyHidden>{` ${t('facilitator.giveTo', { name: p.name })}`}</VisuallyHidden>
                    </Button>
                  )}
                </li>
              );
            })}
          </ol>
        </Section>
      </div>
      <Section id="facilitator-said" title={t('facilitator.saidSoFar', { title: round.title })} appearance={3}>
        {round.contributions.length === 0 ? (
          <Paragraph>{t('rounds.none')}</Paragraph>
        ) : (
          <UnorderedList>
            {round.contributions.map((c) => (
              <ListItem key={c.id}>
                <strong>{`${c.participantName}:`}</strong> {c.text}
              </ListItem>
            ))}
          </UnorderedList>
        )}
      </Section>
      <Paragraph small>{t('facilitator.when', { date: f.date(session.date) })}</Paragraph>
    </>
  );
}

/** The facilitator's view of a session on a laptop or tablet: the round, whose turn it is, the speaking time and the quick form. */
export default function FacilitatorPage() {
  const t = useT(m);
  const page = usePagePath();
  const { sessionId = '' } = useParams();
  const session = useGet<SessionView>(`learning/sessions/${encodeURIComponent(sessionId)}`, !!sessionId);
  if (session.isError && isMissing(session.error)) return <NotFoundPage />;
  return (
    <div className="dichter-wide learning-facilitator">
      <BackLink to={page(`leren/sessies/${sessionId}`)}>{t('facilitator.back')}</BackLink>
      <Loaded query={session}>
        {(s) => (
          <>
            <PageHeading title={t('facilitator.title', { title: s.title })} />
            <Paragraph lead>{`${s.scope.name} · ${t(`status.${s.status}`)}`}</Paragraph>
            <Facilitation session={s} />
          </>
        )}
      </Loaded>
    </div>
  );
}
