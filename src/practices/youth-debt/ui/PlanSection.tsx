import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import { api, ApiError, wsPath } from '../../../web/api';
import { defineMessages, useFormat, useT } from '../../../web/i18n';
import { refreshAfterWrite } from '../../../web/queries';
import {
  Alert,
  Button,
  ButtonGroup,
  DataList,
  EmptyState,
  Fieldset,
  Form,
  Heading,
  Loaded,
  Paragraph,
  Section,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  errorMessage,
  useConfirmedAction,
  useFormSubmit,
  type FieldRef,
} from '../../../web/ui';
import { shellMessages } from '../../../web/messages';
import { useWorkspace } from '../../../web/workspace';
import { LIFE_DOMAINS, type LifeDomain } from '../plan';
import type { planSummaryView, planView } from '../plan.schema';

/*
 * The perspective plan on a participant's page: goals per life domain with steps to tick off and
 * their progress. Also the plan's shared pieces for Contacts, Timeline and Outcomes (messages,
 * types, the one query of the plan) and the dashboard's plan figures (PlanSummary).
 */

export type Plan = z.infer<typeof planView>;
export type Goal = Plan['goals'][number];
export type Contact = Plan['contacts'][number];
export type Outcome = NonNullable<Plan['outcome']>;
export type TimelineEntry = Plan['timeline'][number];
type PlanSummaryView = z.infer<typeof planSummaryView>;
type Cell = PlanSummaryView['goalTotals']['goals'];

export const pm = defineMessages(
  {
    'domain.school': 'School',
    'domain.werk': 'Werk',
    'domain.wonen': 'Wonen',
    'domain.gezondheid': 'Gezondheid',
    'domain.financien': 'Financiën',
    'domain.sociaal_netwerk': 'Sociaal netwerk',
    'goalStatus.open': 'open',
    'goalStatus.bereikt': 'bereikt',
    'goalStatus.losgelaten': 'losgelaten',
    'kind.gesprek': 'gesprek',
    'kind.huisbezoek': 'huisbezoek',
    'kind.telefonisch': 'telefonisch',
    'kind.groepsbijeenkomst': 'groepsbijeenkomst',
    'kind.anders': 'anders',
    'outcome.debtFree': 'Schuldenvrij',
    'outcome.inEducation': 'In opleiding',
    'outcome.inWork': 'Aan het werk',
    'outcome.stableHousing': 'Stabiele huisvesting',
    'outcome.socialAssistance': 'Bijstand',
    'answer.ja': 'ja',
    'answer.nee': 'nee',
    'answer.onbekend': 'onbekend',
    'plan.title': 'Perspectiefplan',
    'plan.intro': 'De doelen van de jongere per levensdomein, met de stappen ernaartoe. De voortgang volgt uit de stappen die klaar zijn; zonder stappen zet de begeleider hem zelf.',
    'plan.empty': 'Nog geen doelen',
    'plan.emptyHelp': 'Leg hieronder het eerste doel vast, bijvoorbeeld ‘Overzicht van inkomsten en uitgaven’ bij Financiën, met de stappen ernaartoe.',
    'plan.emptyHelpRead': 'De jongerenbegeleider legt de doelen samen met de jongere vast.',
    'goal.status': 'Status: {status}.',
    'goal.reachedOn': 'Bereikt op {date}.',
    'goal.progress': 'Voortgang: {percent} %',
    'goal.progressSteps': '({done} van {total} stappen klaar)',
    'goal.progressSet': '(gezet door de begeleider)',
    'goal.progressLabel': 'Voortgang van ‘{title}’',
    'goal.steps': 'Stappen van ‘{title}’',
    'goal.stepDone': '{step}, klaar op {date}',
    'goal.stepOpen': '{step}, nog te doen',
    'goal.setProgress': 'Voortgang (%)',
    'goal.setProgress.help': 'Een heel getal van 0 tot en met 100.',
    'goal.saveProgress': 'Voortgang opslaan',
    'goal.progressInvalid': 'Vul een heel getal van 0 tot en met 100 in.',
    'goal.reach': 'Bereikt',
    'goal.letGo': 'Loslaten',
    'goal.reopen': 'Weer openzetten',
    'goal.delete': 'Verwijderen',
    'goal.edit': 'Wijzigen',
    'edit.title': 'Doel ‘{title}’ wijzigen',
    'edit.steps.help': 'Eén stap per regel. Een stap die u zo laat, blijft klaar als hij klaar was; een nieuwe regel is een nieuwe stap.',
    'edit.submit': 'Wijzigingen opslaan',
    'edit.cancel': 'Annuleren',
    'goal.actions': 'Acties voor ‘{title}’',
    'goal.deleteTitle': 'Doel ‘{title}’ verwijderen?',
    'goal.deleteBody': 'Het doel en zijn stappen verdwijnen uit het perspectiefplan. Dit kunt u niet ongedaan maken.',
    'goal.deleteConfirm': 'Doel verwijderen',
    'goal.saved': 'Doel ‘{title}’ bijgewerkt.',
    'goal.deleted': 'Doel ‘{title}’ verwijderd.',
    'add.title': 'Doel toevoegen',
    'add.domain': 'Levensdomein',
    'add.goal': 'Doel',
    'add.goal.help': 'Wat wil de jongere bereiken? Zonder namen, nummers of contactgegevens.',
    'add.steps': 'Stappen',
    'add.steps.help': 'Eén stap per regel, in de volgorde waarin ze aan bod komen.',
    'add.submit': 'Doel toevoegen',
    'add.added': 'Doel ‘{title}’ toegevoegd.',
    'add.tooManySteps': 'Een doel heeft hoogstens 20 stappen.',
    'summary.intro': 'Doelen uit de perspectiefplannen en de uitkomsten aan het eind. Groepen van minder dan {n} deelnemers tonen we niet (en ook geen cijfer waarmee zo’n groep terug te rekenen is): daar staat ‘verborgen’.',
    'summary.goalsTitle': 'Bereikte doelen per levensdomein',
    'summary.goalsValue': '{reached} van {goals} doelen bereikt',
    'summary.goalsTotal': 'Alle domeinen',
    'summary.outcomesTitle': 'Uitkomsten aan het eind',
    'summary.outcomesNone': 'Er zijn nog geen uitkomsten vastgelegd. Dat gebeurt als een deelnemer is afgerond of uitgevallen, of na 24 maanden.',
    'summary.answer': '{answer} {value}',
    'summary.recorded': '{n} deelnemers',
    'summary.hidden': 'verborgen',
    'summary.percent': '{n} %',
  },
  {
    'domain.school': 'School',
    'domain.werk': 'Work',
    'domain.wonen': 'Housing',
    'domain.gezondheid': 'Health',
    'domain.financien': 'Finances',
    'domain.sociaal_netwerk': 'Social network',
    'goalStatus.open': 'open',
    'goalStatus.bereikt': 'reached',
    'goalStatus.losgelaten': 'let go',
    'kind.gesprek': 'conversation',
    'kind.huisbezoek': 'home visit',
    'kind.telefonisch': 'phone call',
    'kind.groepsbijeenkomst': 'group meeting',
    'kind.anders': 'other',
    'outcome.debtFree': 'Free of debts',
    'outcome.inEducation': 'In education',
    'outcome.inWork': 'In work',
    'outcome.stableHousing': 'Stable housing',
    'outcome.socialAssistance': 'Social assistance',
    'answer.ja': 'yes',
    'answer.nee': 'no',
    'answer.onbekend': 'unknown',
    'plan.title': 'Perspective plan',
    'plan.intro': 'The young person’s goals per life domain, with the steps towards them. Progress follows from the steps done; without steps the coach sets it.',
    'plan.empty': 'No goals yet',
    'plan.emptyHelp': 'Record the first goal below, for example ‘Overview of income and expenses’ under Finances, with the steps towards it.',
    'plan.emptyHelpRead': 'The coach records the goals together with the young person.',
    'goal.status': 'Status: {status}.',
    'goal.reachedOn': 'Reached on {date}.',
    'goal.progress': 'Progress: {percent} %',
    'goal.progressSteps': '({done} of {total} steps done)',
    'goal.progressSet': '(set by the coach)',
    'goal.progressLabel': 'Progress of ‘{title}’',
    'goal.steps': 'Steps of ‘{title}’',
    'goal.stepDone': '{step}, done on {date}',
    'goal.stepOpen': '{step}, still to do',
    'goal.setProgress': 'Progress (%)',
    'goal.setProgress.help': 'A whole number from 0 to 100.',
    'goal.saveProgress': 'Save progress',
    'goal.progressInvalid': 'Enter a whole number from 0 to 100.',
    'goal.reach': 'Reached',
    'goal.letGo': 'Let go',
    'goal.reopen': 'Open again',
    'goal.delete': 'Delete',
    'goal.edit': 'Edit',
    'edit.title': 'Edit goal ‘{title}’',
    'edit.steps.help': 'One step per line. A step you leave as it is stays done if it was; a new line is a new step.',
    'edit.submit': 'Save changes',
    'edit.cancel': 'Cancel',
    'goal.actions': 'Actions for ‘{title}’',
    'goal.deleteTitle': 'Delete goal ‘{title}’?',
    'goal.deleteBody': 'The goal and its steps disappear from the perspective plan. This cannot be undone.',
    'goal.deleteConfirm': 'Delete goal',
    'goal.saved': 'Goal ‘{title}’ updated.',
    'goal.deleted': 'Goal ‘{title}’ deleted.',
    'add.title': 'Add a goal',
    'add.domain': 'Life domain',
    'add.goal': 'Goal',
    'add.goal.help': 'What does the young person want to achieve? Without names, numbers or contact details.',
    'add.steps': 'Steps',
    'add.steps.help': 'One step per line, in the order they come up.',
    'add.submit': 'Add goal',
    'add.added': 'Goal ‘{title}’ added.',
    'add.tooManySteps': 'A goal has at most 20 steps.',
    'summary.intro': 'Goals from the perspective plans and the outcomes at the end. Groups of fewer than {n} participants are not shown (nor any figure from which such a group could be worked out): they read ‘hidden’.',
    'summary.goalsTitle': 'Goals reached per life domain',
    'summary.goalsValue': '{reached} of {goals} goals reached',
    'summary.goalsTotal': 'All domains',
    'summary.outcomesTitle': 'Outcomes at the end',
    'summary.outcomesNone': 'No outcomes have been recorded yet. That happens when a participant finishes or leaves, or after 24 months.',
    'summary.answer': '{answer} {value}',
    'summary.recorded': '{n} participants',
    'summary.hidden': 'hidden',
    'summary.percent': '{n} %',
  },
);

/** The plan of one participant; Contacts, Timeline and Outcomes share this one request. */
export function usePlan(participantId: string) {
  const { workspace } = useWorkspace();
  return useQuery({
    queryKey: ['w', workspace.slug, 'youth-debt', `participants/${participantId}/plan`],
    queryFn: () => api.get<Plan>(wsPath(workspace.slug, `youth-debt/participants/${participantId}/plan`)),
    retry: (count, error) => !(error instanceof ApiError && [400, 403, 404].includes(error.status)) && count < 2,
  });
}

/** After a change to the plan: the participant's page (plan, timeline) and the dashboard are read again. */
export function useRefreshPlan() {
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  return () => refreshAfterWrite(client, { queryKey: ['w', workspace.slug, 'youth-debt'] });
}

/** The section "Perspectiefplan" on a participant's page. */
export function PlanSection({ participantId }: { participantId: string }) {
  const t = useT(pm);
  const { workspace } = useWorkspace();
  const refresh = useRefreshPlan();
  const plan = usePlan(participantId);
  const [status, setStatus] = useState('');
  const remove = useConfirmedAction({
    action: (g: Goal) => api.delete(wsPath(workspace.slug, `youth-debt/goals/${g.id}`)),
    onDone: async (g) => {
      setStatus(t('goal.deleted', { title: g.title }));
      await refresh();
    },
  });
  return (
    <Section id="yd-plan" title={t('plan.title')}>
      <Loaded query={plan}>
        {(p) => (
          <>
            <Paragraph>{t('plan.intro')}</Paragraph>
            <p className="nl-paragraph" role="status">
              {status}
            </p>
            {p.goals.length === 0 ? (
              <EmptyState title={t('plan.empty')}>
                <Paragraph>{p.can.manageGoals ? t('plan.emptyHelp') : t('plan.emptyHelpRead')}</Paragraph>
              </EmptyState>
            ) : (
              LIFE_DOMAINS.filter((d) => p.goals.some((g) => g.domain === d)).map((d) => (
                <div key={d} className="yd-plan-domain">
                  <Heading level={3}>{t(`domain.${d}`)}</Heading>
                  {p.goals
                    .filter((g) => g.domain === d)
                    .map((g) => (
                      <GoalCard key={g.id} goal={g} manage={p.can.manageGoals} onSaved={setStatus} onDelete={() => remove.ask(g)} />
                    ))}
                </div>
              ))
            )}
            {p.can.manageGoals && <GoalForm participantId={participantId} onSaved={setStatus} />}
            {remove.dialog((g) => ({ title: t('goal.deleteTitle', { title: g.title }), body: t('goal.deleteBody'), confirmLabel: t('goal.deleteConfirm') }))}
          </>
        )}
      </Loaded>
    </Section>
  );
}

/** One goal: status, progress as text and as a bar, steps to tick off, and what the coach may do with it. */
function GoalCard({ goal: g, manage, onSaved, onDelete }: { goal: Goal; manage: boolean; onSaved(message: string): void; onDelete(): void }) {
  const t = useT(pm);
  const st = useT(shellMessages);
  const f = useFormat();
  const { workspace } = useWorkspace();
  const refresh = useRefreshPlan();
  const [progress, setProgress] = useState(String(g.progress));
  const [progressError, setProgressError] = useState<string | undefined>();
  const [editing, setEditing] = useState(false);
  const save = useMutation({
    mutationFn: (patch: Record<string, unknown>) => api.patch<Goal>(wsPath(workspace.slug, `youth-debt/goals/${g.id}`), patch),
    onSuccess: async (saved) => {
      onSaved(t('goal.saved', { title: saved.title }));
      await refresh();
    },
  });
  const tick = (stepId: string, done: boolean) => save.mutate({ steps: g.steps.map((s) => ({ id: s.id, title: s.title, done: s.id === stepId ? done : s.done })) });
  const doneSteps = g.steps.filter((s) => s.done).length;
  const saveProgress = () => {
    const value = /^\d{1,3}$/.test(progress.trim()) ? Number(progress.trim()) : NaN;
    if (!(value >= 0 && value <= 100)) return setProgressError(t('goal.progressInvalid'));
    setProgressError(undefined);
    save.mutate({ progress: value });
  };
  return (
    <article className="dichter-card yd-goal" aria-labelledby={`yd-goal-${g.id}`}>
      <Heading level={4} id={`yd-goal-${g.id}`}>
        {g.title}
      </Heading>
      <Paragraph>
        {t('goal.status', { status: t(`goalStatus.${g.status}`) })}
        {g.reachedOn ? ` ${t('goal.reachedOn', { date: f.date(g.reachedOn) })}` : ''}
      </Paragraph>
      <div className="dichter-progress">
        <Paragraph>
          {t('goal.progress', { percent: g.progress })} {g.progressFromSteps ? t('goal.progressSteps', { done: doneSteps, total: g.steps.length }) : t('goal.progressSet')}
        </Paragraph>
        <progress max={100} value={g.progress} aria-label={t('goal.progressLabel', { title: g.title })} />
      </div>
      {g.steps.length > 0 &&
        (manage ? (
          <Fieldset legend={t('goal.steps', { title: g.title })}>
            <div className="dichter-radios">
              {g.steps.map((s, i) => (
                <div className="dichter-radio" key={s.id}>
                  <input
                    id={`yd-step-${s.id}`}
                    type="checkbox"
                    className="utrecht-checkbox utrecht-checkbox--html-input"
                    checked={s.done}
                    disabled={save.isPending}
                    onChange={(e) => tick(s.id, e.target.checked)}
                  />
                  <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={`yd-step-${s.id}`}>
                    {i + 1}. {s.done && s.doneOn ? t('goal.stepDone', { step: s.title, date: f.date(s.doneOn) }) : s.title}
                  </label>
                </div>
              ))}
            </div>
          </Fieldset>
        ) : (
          <>
            <Heading level={5}>{t('goal.steps', { title: g.title })}</Heading>
            <ol className="utrecht-ordered-list">
              {g.steps.map((s) => (
                <li className="utrecht-ordered-list__item" key={s.id}>
                  {s.done && s.doneOn ? t('goal.stepDone', { step: s.title, date: f.date(s.doneOn) }) : t('goal.stepOpen', { step: s.title })}
                </li>
              ))}
            </ol>
          </>
        ))}
      {manage && g.steps.length === 0 && g.status === 'open' && (
        <form
          noValidate
          className="dichter-search-row"
          onSubmit={(e) => {
            e.preventDefault();
            saveProgress();
          }}
        >
          <TextField
            id={`yd-progress-${g.id}`}
            label={t('goal.setProgress')}
            description={t('goal.setProgress.help')}
            inputMode="numeric"
            autoComplete="off"
            className="dichter-input-short"
            value={progress}
            onChange={(e) => setProgress(e.target.value)}
            error={progressError}
          />
          <Button type="submit" busy={save.isPending}>
            {t('goal.saveProgress')}
          </Button>
        </form>
      )}
      {save.isError && <Alert type="error">{errorMessage(save.error, st)}</Alert>}
      {manage && (
        <div role="group" aria-label={t('goal.actions', { title: g.title })}>
          <ButtonGroup>
            {g.status === 'open' ? (
              <>
                <Button onClick={() => save.mutate({ status: 'bereikt' })} busy={save.isPending}>
                  {t('goal.reach')}
                </Button>
                <Button onClick={() => save.mutate({ status: 'losgelaten' })} busy={save.isPending}>
                  {t('goal.letGo')}
                </Button>
              </>
            ) : (
              <Button onClick={() => save.mutate({ status: 'open' })} busy={save.isPending}>
                {t('goal.reopen')}
              </Button>
            )}
            <Button aria-expanded={editing} onClick={() => setEditing((v) => !v)}>
              {t('goal.edit')}
            </Button>
            <Button appearance="subtle" onClick={onDelete}>
              {t('goal.delete')}
            </Button>
          </ButtonGroup>
        </div>
      )}
      {manage && editing && (
        <GoalForm
          participantId={g.participantId}
          goal={g}
          onSaved={(message) => {
            setEditing(false);
            onSaved(message);
          }}
          onCancel={() => setEditing(false)}
        />
      )}
    </article>
  );
}

/**
 * A new goal, or changes to one: life domain, what the young person wants to reach, and the steps
 * (one per line). An edited step list keeps the steps whose text stays, with their date done.
 */
function GoalForm({ participantId, goal, onSaved, onCancel }: { participantId: string; goal?: Goal; onSaved(message: string): void; onCancel?(): void }) {
  const t = useT(pm);
  const { workspace } = useWorkspace();
  const refresh = useRefreshPlan();
  const [domain, setDomain] = useState<LifeDomain>(goal?.domain ?? 'financien');
  const [title, setTitle] = useState(goal?.title ?? '');
  const [steps, setSteps] = useState(goal ? goal.steps.map((s) => s.title).join('\n') : '');
  const id = (field: string) => (goal ? `yd-ge-${goal.id}-${field}` : `yd-g-${field}`);
  const fields: Record<string, FieldRef> = {
    domain: { id: id('domain'), label: t('add.domain') },
    title: { id: id('title'), label: t('add.goal') },
    steps: { id: id('steps'), label: t('add.steps') },
  };
  const lines = () =>
    steps
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
  const form = useFormSubmit({
    fields,
    send: () => {
      const list = lines();
      if (list.length > 20) throw new ApiError(400, 'request.invalid', t('add.tooManySteps'), [{ path: 'steps', message: t('add.tooManySteps') }]);
      if (!goal) return api.post<Goal>(wsPath(workspace.slug, 'youth-debt/goals'), { participantId, domain, title, steps: list.map((s) => ({ title: s })) });
      const unused = [...goal.steps];
      const kept = list.map((line) => {
        const i = unused.findIndex((s) => s.title === line);
        const [step] = i < 0 ? [] : unused.splice(i, 1);
        return step ? { id: step.id, title: line, done: step.done } : { title: line };
      });
      return api.patch<Goal>(wsPath(workspace.slug, `youth-debt/goals/${goal.id}`), { domain, title, steps: kept });
    },
    onSaved: async (saved) => {
      // The plan first, then the message, so what it announces is on the screen.
      await refresh();
      if (goal) onSaved(t('goal.saved', { title: saved.title }));
      else {
        setTitle('');
        setSteps('');
        onSaved(t('add.added', { title: saved.title }));
      }
    },
  });
  // A step's own error (steps.2.title) shows at the steps field.
  const stepError = form.fieldError('steps') ?? [...Array(20).keys()].map((i) => form.fieldError(`steps.${i}.title`)).find(Boolean);
  return (
    <>
      <Heading level={goal ? 5 : 3}>{goal ? t('edit.title', { title: goal.title }) : t('add.title')}</Heading>
      <Form form={form}>
        <SelectField
          id={id('domain')}
          label={t('add.domain')}
          options={LIFE_DOMAINS.map((d) => ({ value: d, label: t(`domain.${d}`) }))}
          value={domain}
          onChange={(e) => setDomain(e.target.value as LifeDomain)}
          error={form.fieldError('domain')}
        />
        <TextField id={id('title')} label={t('add.goal')} description={t('add.goal.help')} autoComplete="off" value={title} onChange={(e) => setTitle(e.target.value)} error={form.fieldError('title')} />
        <TextAreaField id={id('steps')} label={t('add.steps')} description={t(goal ? 'edit.steps.help' : 'add.steps.help')} optional rows={4} value={steps} onChange={(e) => setSteps(e.target.value)} error={stepError} />
        <ButtonGroup>
          <SubmitButton busy={form.busy}>{t(goal ? 'edit.submit' : 'add.submit')}</SubmitButton>
          {onCancel && <Button onClick={onCancel}>{t('edit.cancel')}</Button>}
        </ButtonGroup>
      </Form>
    </>
  );
}

// The dashboard's plan figures

/** Goals reached per life domain and the outcomes, for the dashboard; small groups hidden by the server. */
export function PlanSummary() {
  const t = useT(pm);
  const f = useFormat();
  const { workspace } = useWorkspace();
  const query = useQuery({
    queryKey: ['w', workspace.slug, 'youth-debt', 'plan-summary'],
    queryFn: () => api.get<PlanSummaryView>(wsPath(workspace.slug, 'youth-debt/plan-summary')),
    retry: (count, error) => !(error instanceof ApiError && [400, 403, 404].includes(error.status)) && count < 2,
  });
  const figure = (c: Cell) => (c.suppressed || c.value === null ? t('summary.hidden') : f.number(c.value));
  return (
    <Loaded query={query}>
      {(s) => (
        <>
          <Heading level={3}>{t('summary.goalsTitle')}</Heading>
          <Paragraph>{t('summary.intro', { n: s.minimumGroup })}</Paragraph>
          <DataList
            items={[
              ...s.goals.map((g) => [t(`domain.${g.domain}`), t('summary.goalsValue', { reached: figure(g.reached), goals: figure(g.goals) })] as [string, string]),
              [t('summary.goalsTotal'), t('summary.goalsValue', { reached: figure(s.goalTotals.reached), goals: figure(s.goalTotals.goals) })],
            ]}
          />
          <Heading level={3}>{t('summary.outcomesTitle')}</Heading>
          {s.outcomes.every((o) => o.recorded.value === 0) ? (
            <Paragraph>{t('summary.outcomesNone')}</Paragraph>
          ) : (
            <DataList
              items={s.outcomes.map((o) => [
                t(`outcome.${o.outcome}`),
                `${o.answers.map((a) => t('summary.answer', { answer: t(`answer.${a.answer}`), value: a.percent === null ? t('summary.hidden') : t('summary.percent', { n: a.percent }) })).join(', ')} (${t('summary.recorded', { n: figure(o.recorded) })})`,
              ])}
            />
          )}
        </>
      )}
    </Loaded>
  );
}
