import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { api, wsPath, type List } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { refreshAfterWrite } from '../../../web/queries';
import {
  BackLink,
  ButtonGroup,
  EmptyState,
  Form,
  Heading,
  Loaded,
  PageHeading,
  Paragraph,
  Section,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useFormSubmit,
  useNotify,
  type FieldRef,
} from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import { m } from './messages';
import { BOARD_BODIES, learningKeys, useGet, type BoardDecision } from './shared';
import './learning.css';

type Body = (typeof BOARD_BODIES)[number];
type BoardList = List<BoardDecision> & { can: { create: boolean; followUp: boolean } };
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });

function FollowUpForm({ decision }: { decision: BoardDecision }) {
  const t = useT(m);
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const notify = useNotify();
  const [text, setText] = useState('');
  const id = `follow-${decision.id}`;
  const fields = useMemo<Record<string, FieldRef>>(() => ({ text: { id: `${id}-text`, label: t('board.follow.text') } }), [t, id]);
  const form = useFormSubmit({
    fields,
    send: () => api.post<BoardDecision>(wsPath(workspace.slug, `learning/board-decisions/${decision.id}/follow-ups`), { text }),
    onSaved: () => {
      setText('');
      void refreshAfterWrite(client, { queryKey: learningKeys.all(workspace.slug) });
      notify(t('board.follow.done'));
    },
  });
  return (
    <Form form={form}>
      <TextAreaField id={`${id}-text`} label={t('board.follow.text')} rows={3} maxLength={8000} value={text} onChange={(e) => setText(e.target.value)} error={form.fieldError('text')} />
      <ButtonGroup>
        <SubmitButton busy={form.busy}>{t('board.follow.submit')}</SubmitButton>
      </ButtonGroup>
    </Form>
  );
}

function DecisionForm() {
  const t = useT(m);
  const f = useFormat();
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const notify = useNotify();
  const [draft, setDraft] = useState({ date: today(), body: 'college' as Body, bodyName: '', text: '', followUpOn: '' });
  const set = <K extends keyof typeof draft>(key: K, value: (typeof draft)[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const fields = useMemo<Record<string, FieldRef>>(
    () => ({
      date: { id: 'board-date', label: t('board.form.date') },
      body: { id: 'board-body', label: t('board.form.body') },
      bodyName: { id: 'board-body-name', label: t('board.form.bodyName') },
      text: { id: 'board-text', label: t('board.form.text') },
      followUpOn: { id: 'board-follow-up', label: t('board.form.followUpOn') },
    }),
    [t],
  );
  const form = useFormSubmit({
    fields,
    send: () =>
      api.post<BoardDecision>(wsPath(workspace.slug, 'learning/board-decisions'), {
        date: draft.date,
        body: draft.body,
        ...(draft.body === 'other' ? { bodyName: draft.bodyName } : {}),
        text: draft.text,
        followUpOn: draft.followUpOn,
      }),
    onSaved: (saved) => {
      setDraft({ date: today(), body: 'college', bodyName: '', text: '', followUpOn: '' });
      void refreshAfterWrite(client, { queryKey: learningKeys.all(workspace.slug) });
      notify(t('board.form.done', { date: f.date(saved.date) }));
    },
  });
  return (
    <Section id="board-form" title={t('board.form.title')} appearance={3}>
      <Form form={form}>
        <TextField id="board-date" label={t('board.form.date')} description={t('board.form.dateHelp')} inputMode="numeric" value={draft.date} onChange={(e) => set('date', e.target.value)} error={form.fieldError('date')} />
        <SelectField
          id="board-body"
          label={t('board.form.body')}
          value={draft.body}
          onChange={(e) => set('body', e.target.value as Body)}
          error={form.fieldError('body')}
          options={BOARD_BODIES.map((b) => ({ value: b, label: t(`board.body.${b}`) }))}
        />
        {draft.body === 'other' && <TextField id="board-body-name" label={t('board.form.bodyName')} value={draft.bodyName} maxLength={200} onChange={(e) => set('bodyName', e.target.value)} error={form.fieldError('bodyName')} />}
        <TextAreaField id="board-text" label={t('board.form.text')} description={t('board.form.textHelp')} rows={4} maxLength={8000} value={draft.text} onChange={(e) => set('text', e.target.value)} error={form.fieldError('text')} />
        <TextField
          id="board-follow-up"
          label={t('board.form.followUpOn')}
          description={t('board.form.dateHelp')}
          inputMode="numeric"
          value={draft.followUpOn}
          onChange={(e) => set('followUpOn', e.target.value)}
          error={form.fieldError('followUpOn')}
        />
        <ButtonGroup>
          <SubmitButton busy={form.busy}>{t('board.form.submit')}</SubmitButton>
        </ButtonGroup>
      </Form>
    </Section>
  );
}

/** Board decisions with their follow-up from practice: overdue follow-ups first in view, a form for each. */
export default function BoardPage() {
  const t = useT(m);
  const f = useFormat();
  const page = usePagePath();
  const list = useGet<BoardList>('learning/board-decisions?limit=200');
  return (
    <div className="dichter-wide">
      <BackLink to={page('leren')}>{t('back')}</BackLink>
      <PageHeading title={t('board.title')} />
      <Paragraph lead>{t('board.intro')}</Paragraph>
      <Loaded
        query={list}
        isEmpty={(l) => l.items.length === 0}
        empty={
          <EmptyState title={t('board.empty')}>
            <Paragraph>{t('board.emptyHelp')}</Paragraph>
          </EmptyState>
        }
      >
        {(l) => (
          <ol className="dichter-timeline">
            {l.items.map((d) => (
              <li key={d.id} className="dichter-timeline__item">
                <Heading level={2} appearance={4}>
                  <time dateTime={d.date}>{f.date(d.date)}</time>
                  {` — ${d.body === 'other' && d.bodyName ? d.bodyName : t(`board.body.${d.body}`)}`}
                </Heading>
                <Paragraph>{d.text}</Paragraph>
                {(d.changedNodes.length > 0 || d.changedRules.length > 0) && (
                  <Paragraph small>{`${t('board.changes')}: ${[...d.changedNodes.map((n) => n.title), ...d.changedRules.map((r) => `${r.code} ${r.title}`)].join('; ')}`}</Paragraph>
                )}
                <Paragraph small className={d.followUpDue ? 'learning-due' : undefined}>
                  {d.followUpDue ? t('board.due', { date: f.date(d.followUpOn) }) : t('board.followUpOn', { date: f.date(d.followUpOn) })}
                </Paragraph>
                <Heading level={3} appearance={5}>
                  {t('board.followUps')}
                </Heading>
                {d.followUps.length === 0 ? (
                  <Paragraph small>{t('board.noFollowUps')}</Paragraph>
                ) : (
                  d.followUps.map((u) => (
                    <div key={u.id} className="dichter-timeline__message">
                      <p className="nl-paragraph dichter-timeline__label">{`${f.date(u.date)} · ${u.byName}`}</p>
                      <Paragraph>{u.text}</Paragraph>
                    </div>
                  ))
                )}
                {l.can.followUp && (
                  <details className="learning-follow-up">
                    <summary>{t('board.follow.title')}</summary>
                    <FollowUpForm decision={d} />
                  </details>
                )}
              </li>
            ))}
          </ol>
        )}
      </Loaded>
      {list.data?.can.create && <DecisionForm />}
    </div>
  );
}
