import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { api, ApiError, wsPath } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { shellMessages } from '../../../web/messages';
import { NotFoundPage } from '../../../web/pages/NotFoundPage';
import {
  Alert,
  BackLink,
  Button,
  ButtonGroup,
  ButtonLink,
  DataList,
  EmptyState,
  Form,
  Heading,
  Loaded,
  PageHeading,
  Paragraph,
  Section,
  SubmitButton,
  TextAreaField,
  TextField,
  useConfirmedAction,
  useFormSubmit,
  useNotify,
} from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import { mm } from './msc-messages';
import { mscKeys, refreshMsc, StoryCard, StoryText, useStatusLabel, type RoundView } from './MscShared';

type Selection = RoundView['selections'][number];

/** Rank and reason of one choice: a new one for a candidate, or a change to a chosen story. */
function ChoiceForm({
  idPrefix,
  initial,
  submitLabel,
  send,
  onSaved,
  onCancel,
}: {
  idPrefix: string;
  initial: { rank: string; reason: string };
  submitLabel: string;
  send(body: { rank?: number; reason: string }): Promise<RoundView>;
  onSaved(round: RoundView, rank: number): void;
  onCancel(): void;
}) {
  const t = useT(mm);
  const ts = useT(shellMessages);
  const [values, setValues] = useState(initial);
  const rankId = `${idPrefix}-rank`;
  const reasonId = `${idPrefix}-reason`;
  const form = useFormSubmit({
    fields: { rank: { id: rankId, label: t('round.rank') }, reason: { id: reasonId, label: t('round.reasonField') }, observationId: { id: rankId, label: t('round.choose') } },
    errorFields: { 'msc.rank_taken': 'rank', 'msc.already_selected': 'observationId', 'msc.not_candidate': 'observationId' },
    send: () => send({ rank: values.rank.trim() === '' ? undefined : Number(values.rank), reason: values.reason }),
    onSaved: (round) => onSaved(round, Number(values.rank)),
  });
  useEffect(() => {
    document.getElementById(rankId)?.focus();
  }, [rankId]);
  return (
    <Form form={form}>
      <TextField
        id={rankId}
        type="number"
        inputMode="numeric"
        min={1}
        max={99}
        className="dichter-input-short"
        label={t('round.rank')}
        description={t('round.rankHelp')}
        value={values.rank}
        required
        onChange={(e) => setValues({ ...values, rank: e.target.value })}
        error={form.fieldError('rank') ?? form.fieldError('observationId')}
      />
      <TextAreaField
        id={reasonId}
        label={t('round.reasonField')}
        description={t('round.reasonHelp')}
        value={values.reason}
        maxLength={4000}
        required
        onChange={(e) => setValues({ ...values, reason: e.target.value })}
        error={form.fieldError('reason')}
      />
      <ButtonGroup>
        <SubmitButton busy={form.busy}>{submitLabel}</SubmitButton>
        <Button appearance="subtle" onClick={onCancel}>
          {ts('common.cancel')}
        </Button>
      </ButtonGroup>
    </Form>
  );
}

/** A button that opens a form below it (aria-expanded); cancelling closes it and returns focus to the button. */
function Expander({ label, accessibleLabel, children }: { label: string; accessibleLabel: string; children(close: () => void): ReactNode }) {
  const [open, setOpen] = useState(false);
  const panel = useId();
  const buttonId = useId();
  const close = () => {
    setOpen(false);
    requestAnimationFrame(() => document.getElementById(buttonId)?.focus());
  };
  return (
    <>
      <Button id={buttonId} aria-expanded={open} aria-controls={panel} aria-label={accessibleLabel} onClick={() => setOpen((v) => !v)}>
        {label}
      </Button>
      <div id={panel} hidden={!open}>
        {open && children(close)}
      </div>
    </>
  );
}

function Chosen({ round, selection }: { round: RoundView; selection: Selection }) {
  const t = useT(mm);
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const notify = useNotify();
  const story = selection.story;
  const remove = useConfirmedAction({
    action: (s: Selection) => api.delete(wsPath(workspace.slug, `msc/rounds/${round.id}/selections/${s.id}`)),
    onDone: async () => {
      await refreshMsc(client, workspace.slug);
      notify(t('round.removed', { number: story.number }));
    },
  });
  return (
    <li>
      <StoryCard story={story}>
        <Heading level={4} appearance={5}>
          {t('round.rankLabel', { rank: selection.rank })} · {t('round.reason')}
        </Heading>
        <StoryText text={selection.reason} />
        {round.can.select && (
          <>
            <ButtonGroup>
              <Expander label={t('round.changeChoice')} accessibleLabel={t('round.changeChoiceOf', { number: story.number })}>
                {(close) => (
                  <ChoiceForm
                    idPrefix={`change-${selection.id}`}
                    initial={{ rank: String(selection.rank), reason: selection.reason }}
                    submitLabel={t('round.changeChoice')}
                    send={(body) => api.patch<RoundView>(wsPath(workspace.slug, `msc/rounds/${round.id}/selections/${selection.id}`), body)}
                    onSaved={async () => {
                      await refreshMsc(client, workspace.slug);
                      close();
                      notify(t('round.choiceSaved', { number: story.number }));
                    }}
                    onCancel={close}
                  />
                )}
              </Expander>
              <Button appearance="danger" aria-label={t('round.removeChoiceOf', { number: story.number })} onClick={() => remove.ask(selection)}>
                {t('round.removeChoice')}
              </Button>
            </ButtonGroup>
            {remove.dialog(() => ({ title: t('round.removeTitle', { number: story.number }), body: t('round.removeBody'), confirmLabel: t('round.removeChoice') }))}
          </>
        )}
      </StoryCard>
    </li>
  );
}

function Candidate({ round, candidate, nextRank, onChosen }: { round: RoundView; candidate: RoundView['candidates'][number]; nextRank: number; onChosen(storyId: string): void }) {
  const t = useT(mm);
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const notify = useNotify();
  const chosen = round.selections.find((s) => s.story.id === candidate.id);
  return (
    <li>
      <StoryCard story={candidate}>
        {chosen ? (
          <Paragraph id={`chosen-${candidate.id}`} tabIndex={-1}>
            <strong>{t('round.alreadyChosen', { rank: chosen.rank })}</strong>
          </Paragraph>
        ) : (
          round.can.select && (
            <Expander label={t('round.choose')} accessibleLabel={t('round.chooseOf', { number: candidate.number })}>
              {(close) => (
                <ChoiceForm
                  idPrefix={`choose-${candidate.id}`}
                  initial={{ rank: String(nextRank), reason: '' }}
                  submitLabel={t('round.select')}
                  send={(body) => api.post<RoundView>(wsPath(workspace.slug, `msc/rounds/${round.id}/selections`), { observationId: candidate.id, ...body })}
                  onSaved={async (_round, rank) => {
                    await refreshMsc(client, workspace.slug);
                    onChosen(candidate.id);
                    notify(t('round.selected', { number: candidate.number, rank }));
                  }}
                  onCancel={close}
                />
              )}
            </Expander>
          )
        )}
      </StoryCard>
    </li>
  );
}

function Round({ round }: { round: RoundView }) {
  const t = useT(mm);
  const f = useFormat();
  const page = usePagePath();
  const status = useStatusLabel();
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const notify = useNotify();
  const [justChosen, setJustChosen] = useState<string | null>(null);
  useEffect(() => {
    // after a choice the form is gone: focus goes to the line that says it was chosen
    if (justChosen) document.getElementById(`chosen-${justChosen}`)?.focus();
  }, [justChosen, round]);
  const finish = useConfirmedAction({
    action: (r: RoundView) => api.patch<RoundView>(wsPath(workspace.slug, `msc/rounds/${r.id}`), { status: 'afgerond' }),
    onDone: async () => {
      await refreshMsc(client, workspace.slug);
      notify(t('round.finished', { name: round.name }));
    },
  });
  const taken = new Set(round.selections.map((s) => s.rank));
  let nextRank = 1;
  while (taken.has(nextRank)) nextRank++;
  const domain = round.domainName ? t('round.candidatesDomain', { domain: round.domainName }) : '';
  return (
    <>
      <PageHeading title={round.name} />
      {round.status === 'afgerond' && round.finishedAt && (
        <Alert type="ok">
          <Paragraph>{t('round.finishedOn', { date: f.date(round.finishedAt) })}</Paragraph>
        </Alert>
      )}
      <Section id="round-facts" title={t('round.facts')} appearance={3}>
        <DataList
          items={[
            [t('round.period'), `${round.periodName} (${f.date(round.periodStart)} – ${f.date(round.periodEnd)})`],
            [t('round.domain'), round.domainName ?? t('allDomains')],
            [t('round.heldOn'), f.date(round.heldOn)],
            [t('col.status'), status(round.status)],
            [t('round.panel'), round.panel.length ? round.panel.map((p) => p.name).join(', ') : t('round.noPanel')],
          ]}
        />
        {round.can.update && (
          <Paragraph>
            <ButtonLink to={page(`verhalen/rondes/${round.id}/wijzigen`)}>{t('round.edit')}</ButtonLink>
          </Paragraph>
        )}
      </Section>
      <Section id="round-chosen" title={t('round.chosen')}>
        {round.selections.length === 0 ? (
          <Paragraph>{t('round.chosenNone')}</Paragraph>
        ) : (
          <ol className="dichter-cards">
            {round.selections.map((s) => (
              <Chosen key={s.id} round={round} selection={s} />
            ))}
          </ol>
        )}
      </Section>
      {round.can.finish && (
        <Section id="round-finish" title={t('round.finishTitle')}>
          <Paragraph>{t('round.finishIntro')}</Paragraph>
          {round.selections.length === 0 ? (
            <Paragraph>{t('round.needsChoice')}</Paragraph>
          ) : (
            <Button appearance="primary" onClick={() => finish.ask(round)}>
              {t('round.finish')}
            </Button>
          )}
          {finish.dialog((r) => ({ title: t('round.finishConfirmTitle', { name: r.name }), body: r.selections.length === 1 ? t('round.finishConfirmBodyOne') : t('round.finishConfirmBody', { count: r.selections.length }), confirmLabel: t('round.finishConfirm') }))}
        </Section>
      )}
      <Section id="round-candidates" title={t('round.candidates', { count: f.number(round.candidates.length) })}>
        {round.candidates.length === 0 ? (
          <EmptyState title={t('round.candidatesNone', { domain })} />
        ) : (
          <>
            <Paragraph>{t('round.candidatesIntro', { domain })}</Paragraph>
            <ul className="dichter-cards">
              {round.candidates.map((c) => (
                <Candidate key={c.id} round={round} candidate={c} nextRank={nextRank} onChosen={setJustChosen} />
              ))}
            </ul>
          </>
        )}
      </Section>
    </>
  );
}

/** /w/:slug/verhalen/rondes/:roundId: the panel's page. */
export default function MscRoundPage() {
  const t = useT(mm);
  const page = usePagePath();
  const { roundId = '' } = useParams();
  const { workspace } = useWorkspace();
  const round = useQuery({ queryKey: mscKeys.round(workspace.slug, roundId), queryFn: () => api.get<RoundView>(wsPath(workspace.slug, `msc/rounds/${encodeURIComponent(roundId)}`)) });
  if (round.isError && round.error instanceof ApiError && (round.error.status === 404 || round.error.status === 400)) return <NotFoundPage />;
  return (
    <>
      <BackLink to={page('verhalen')}>{t('back.overview')}</BackLink>
      <Loaded query={round}>{(data) => <Round round={data} />}</Loaded>
    </>
  );
}
