import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError, wsPath, type FieldError } from '../../../web/api';
import { defineMessages, useFormat, useLocale, useT } from '../../../web/i18n';
import { refreshAfterWrite } from '../../../web/queries';
import { BackLink, Button, ButtonGroup, ButtonLink, DataList, Form, Heading, Loaded, PageHeading, Paragraph, Section, SubmitButton, TextField, useFormSubmit, useNotify, type FieldRef } from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import type { ToolkitView } from '../toolkit.schema';
import type { BudgetEstimate, BudgetInput } from '../toolkit';
import { centsToInput, formatEuros, parseDecimal, parseEuros, parseWhole } from './money';
import './youth-debt.css';

const m = defineMessages(
  {
    title: 'De aanpak invoeren',
    intro: 'Alles om als gemeente met het Jongeren Perspectief Fonds te beginnen: een ladder en indicatoren om op te sturen, de stappen naar een besluit en een eerste begroting voor het raadsvoorstel.',
    back: 'Terug naar de schuldenaanpak',
    'template.title': 'Sjabloon: ladder en indicatoren',
    'template.intro': 'Het sjabloon zet de waarde, de opgave, het doel en vier actielijnen van de aanpak in de ladder van deze werkruimte, en maakt de indicatoren aan die de module vult. Wat er al is, blijft zoals het is.',
    'template.exists': 'staat in de werkruimte',
    'template.missing': 'nog niet aangemaakt',
    'template.indicators': 'Indicatoren',
    'template.adopt': 'Aanpak starten vanuit het sjabloon',
    'template.adopted': 'Het sjabloon staat helemaal in deze werkruimte. U kunt de ladder en indicatoren verder aanpassen op de pagina’s Ladder en Indicatoren.',
    'template.done': 'Aangemaakt: {nodes} onderdelen van de ladder en {indicators} indicatoren.',
    'template.readOnly': 'Alleen de beheerder en de programmamanager starten de aanpak.',
    'feed.intro': 'De module vult de indicatoren elke dag voor het lopende kwartaal, op het niveau van de gemeente: actieve deelnemers, aandeel schuldenvrij en met werk of opleiding van wie is afgerond, en het gemiddelde welzijn. Een aandeel over minder dan vijf deelnemers blijft leeg.',
    'feed.refresh': 'Indicatoren nu bijwerken',
    'feed.done': 'De indicatoren zijn bijgewerkt voor {period} ({area}).',
    'feed.noArea': 'Er is niets bijgewerkt: de werkruimte heeft nog geen gemeente in haar gebiedsindeling. Importeer eerst de gebieden.',
    'steps.title': 'Stappen naar een besluit',
    'steps.intro': 'Het besluitvormingsproces van de gemeente, van verkenning tot de eerste deelnemers. Vink een stap af met de datum waarop hij is gezet.',
    'steps.doneOn': 'Afgerond op {date} door {name}.',
    'steps.doneOnNoName': 'Afgerond op {date}.',
    'steps.open': 'Nog open.',
    'steps.date': 'Afgerond op',
    'steps.note': 'Notitie (bijvoorbeeld het kenmerk van het besluit)',
    'steps.save': 'Stap opslaan',
    'steps.reopen': 'Weer openzetten',
    'steps.saved': 'Stap "{step}" is opgeslagen.',
    'steps.dateRequired': 'Vul de datum in waarop de stap is gezet.',
    'budget.title': 'Begroting',
    'budget.intro': 'Een eerste raming voor het raadsvoorstel. De getallen hieronder zijn aannames om mee te beginnen: vervang ze door die van uw gemeente. Er wordt niets opgeslagen.',
    'budget.participantsPerYear': 'Nieuwe deelnemers per jaar',
    'budget.years': 'Aantal jaren',
    'budget.averageCredit': 'Gemiddeld saneringskrediet per deelnemer',
    'budget.expectedLoss': 'Verwacht verlies op kredieten (%)',
    'budget.coaching': 'Begeleiding per deelnemer per jaar',
    'budget.coachingYears': 'Jaren begeleiding per deelnemer',
    'budget.execution': 'Uitvoering per jaar (projectleiding, administratie, kredietbank)',
    'budget.compute': 'Raming berekenen',
    'budget.invalid': 'Niet alle velden zijn goed ingevuld.',
    'budget.invalidWhole': 'Vul een heel getal in.',
    'budget.invalidAmount': 'Vul een bedrag in, bijvoorbeeld 4.000 of 4.000,00.',
    'budget.invalidPercent': 'Vul een percentage van 0 tot en met 100 in.',
    'budget.result': 'Uitkomst',
    'budget.participants': 'Deelnemers in totaal',
    'budget.credits': 'Kredieten in totaal',
    'budget.fund': 'Benodigd fonds (kredieten van twee jaar; aflossingen vloeien terug)',
    'budget.losses': 'Verwacht verlies op kredieten',
    'budget.coachingTotal': 'Begeleiding',
    'budget.executionTotal': 'Uitvoering',
    'budget.total': 'Kosten van de aanpak',
    'budget.perParticipant': 'Per deelnemer',
    'budget.breakEven': 'Terugverdiend als deelnemers samen {years} jaar geen bijstand nodig hebben (€ 14.000 per jaar per uitkering).',
  },
  {
    title: 'Adopting the approach',
    intro: 'Everything a municipality needs to start with the Jongeren Perspectief Fonds: a ladder and indicators to steer by, the steps to a decision and a first budget for the council proposal.',
    back: 'Back to the youth debt approach',
    'template.title': 'Template: ladder and indicators',
    'template.intro': 'The template puts the value, the challenge, the goal and four action lines of the approach into this workspace’s ladder, and creates the indicators the module fills. What exists already stays as it is.',
    'template.exists': 'in the workspace',
    'template.missing': 'not created yet',
    'template.indicators': 'Indicators',
    'template.adopt': 'Start the approach from the template',
    'template.adopted': 'The whole template is in this workspace. You can adapt the ladder and indicators further on the Ladder and Indicators pages.',
    'template.done': 'Created: {nodes} parts of the ladder and {indicators} indicators.',
    'template.readOnly': 'Only the beheerder and the programme manager start the approach.',
    'feed.intro': 'The module fills the indicators every day for the current quarter, at the level of the gemeente: active participants, the share of those who finished who are debt-free and in work or education, and the average wellbeing. A share over fewer than five participants stays empty.',
    'feed.refresh': 'Update the indicators now',
    'feed.done': 'The indicators have been updated for {period} ({area}).',
    'feed.noArea': 'Nothing was updated: the workspace has no gemeente in its area division yet. Import the areas first.',
    'steps.title': 'Steps to a decision',
    'steps.intro': 'The municipality’s decision process, from exploration to the first participants. Tick off a step with the date it was taken.',
    'steps.doneOn': 'Completed on {date} by {name}.',
    'steps.doneOnNoName': 'Completed on {date}.',
    'steps.open': 'Still open.',
    'steps.date': 'Completed on',
    'steps.note': 'Note (for example the decision’s reference)',
    'steps.save': 'Save step',
    'steps.reopen': 'Reopen',
    'steps.saved': 'Step "{step}" has been saved.',
    'steps.dateRequired': 'Enter the date the step was taken.',
    'budget.title': 'Budget',
    'budget.intro': 'A first estimate for the council proposal. The figures below are assumptions to start from: replace them with your municipality’s. Nothing is saved.',
    'budget.participantsPerYear': 'New participants per year',
    'budget.years': 'Number of years',
    'budget.averageCredit': 'Average settlement credit per participant',
    'budget.expectedLoss': 'Expected loss on credits (%)',
    'budget.coaching': 'Coaching per participant per year',
    'budget.coachingYears': 'Years of coaching per participant',
    'budget.execution': 'Execution per year (project management, administration, credit bank)',
    'budget.compute': 'Calculate estimate',
    'budget.invalid': 'Not all fields are filled in correctly.',
    'budget.invalidWhole': 'Enter a whole number.',
    'budget.invalidAmount': 'Enter an amount, for example 4,000 or 4000.00.',
    'budget.invalidPercent': 'Enter a percentage from 0 to 100.',
    'budget.result': 'Result',
    'budget.participants': 'Participants in total',
    'budget.credits': 'Credits in total',
    'budget.fund': 'Fund needed (two years of credits; repayments flow back)',
    'budget.losses': 'Expected loss on credits',
    'budget.coachingTotal': 'Coaching',
    'budget.executionTotal': 'Execution',
    'budget.total': 'Cost of the approach',
    'budget.perParticipant': 'Per participant',
    'budget.breakEven': 'Paid back when participants together need no social assistance for {years} years (€14,000 a year per benefit).',
  },
);

const toolkitKey = (slug: string) => ['w', slug, 'youth-debt', 'toolkit'];

function Template({ toolkit }: { toolkit: ToolkitView }) {
  const t = useT(m);
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const notify = useNotify();
  const form = useFormSubmit({
    fields: {},
    send: () => api.post<{ created: { nodes: number; indicators: number } }>(wsPath(workspace.slug, 'youth-debt/toolkit/adopt')),
    onSaved: async (result) => {
      await refreshAfterWrite(client, { queryKey: ['w', workspace.slug] });
      notify(t('template.done', { nodes: result.created.nodes, indicators: result.created.indicators }));
    },
  });
  const state = (exists: boolean) => (exists ? t('template.exists') : t('template.missing'));
  return (
    <Section id="yd-template" title={t('template.title')}>
      <Paragraph>{t('template.intro')}</Paragraph>
      <DataList items={toolkit.ladder.map((n) => [`${n.code} ${n.title}`, state(!!n.nodeId)])} />
      <Heading level={3}>{t('template.indicators')}</Heading>
      <DataList items={toolkit.indicators.map((i) => [i.name, state(i.exists)])} />
      {toolkit.adopted ? (
        <>
          <Paragraph>{t('template.adopted')}</Paragraph>
          {toolkit.can.manage && <FeedForm />}
        </>
      ) : toolkit.can.manage ? (
        <Form form={form}>
          <SubmitButton busy={form.busy}>{t('template.adopt')}</SubmitButton>
        </Form>
      ) : (
        <Paragraph>{t('template.readOnly')}</Paragraph>
      )}
    </Section>
  );
}

function FeedForm() {
  const t = useT(m);
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const notify = useNotify();
  const form = useFormSubmit({
    fields: {},
    send: () => api.post<{ period: string; area: string | null; values: unknown[] }>(wsPath(workspace.slug, 'youth-debt/indicators/refresh')),
    onSaved: async (result) => {
      await refreshAfterWrite(client, { queryKey: ['w', workspace.slug] });
      notify(result.area ? t('feed.done', { period: result.period, area: result.area }) : t('feed.noArea'));
    },
  });
  return (
    <>
      <Paragraph>{t('feed.intro')}</Paragraph>
      <Form form={form}>
        <SubmitButton busy={form.busy}>{t('feed.refresh')}</SubmitButton>
      </Form>
    </>
  );
}

function StepForm({ step }: { step: ToolkitView['steps'][number] }) {
  const t = useT(m);
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const notify = useNotify();
  const [doneOn, setDoneOn] = useState(step.doneOn ?? '');
  const [note, setNote] = useState(step.note);
  const id = (part: string) => `yd-step-${step.id}-${part}`;
  const save = (value: string | null) => async () => {
    if (value === '') throw new ApiError(400, 'request.invalid', t('steps.dateRequired'), [{ path: 'doneOn', message: t('steps.dateRequired') }]);
    return api.put<ToolkitView>(wsPath(workspace.slug, `youth-debt/toolkit/steps/${step.id}`), { doneOn: value, note });
  };
  const onSaved = async () => {
    await refreshAfterWrite(client, { queryKey: toolkitKey(workspace.slug) });
    notify(t('steps.saved', { step: step.title }));
  };
  const fields = { doneOn: { id: id('date'), label: t('steps.date') }, note: { id: id('note'), label: t('steps.note') } };
  const form = useFormSubmit({ fields, send: save(doneOn), onSaved });
  const reopen = useFormSubmit({ fields, send: save(null), onSaved });
  return (
    <Form form={form}>
      <TextField id={id('date')} type="date" label={t('steps.date')} className="dichter-input-date" value={doneOn} onChange={(e) => setDoneOn(e.target.value)} error={form.fieldError('doneOn')} />
      <TextField id={id('note')} label={t('steps.note')} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} error={form.fieldError('note')} />
      <ButtonGroup>
        <SubmitButton busy={form.busy}>{t('steps.save')}</SubmitButton>
        {step.doneOn && (
          <Button appearance="secondary" onClick={() => reopen.mutation.mutate()}>
            {t('steps.reopen')}
          </Button>
        )}
      </ButtonGroup>
    </Form>
  );
}

function Steps({ toolkit }: { toolkit: ToolkitView }) {
  const t = useT(m);
  const f = useFormat();
  return (
    <Section id="yd-steps" title={t('steps.title')}>
      <Paragraph>{t('steps.intro')}</Paragraph>
      <ol className="yd-steps">
        {toolkit.steps.map((s, i) => (
          <li key={s.id} className="yd-step">
            <Heading level={3}>{`${i + 1}. ${s.title}`}</Heading>
            <Paragraph>{s.description}</Paragraph>
            <Paragraph>
              <strong>
                {s.doneOn ? (s.doneBy ? t('steps.doneOn', { date: f.date(s.doneOn), name: s.doneBy }) : t('steps.doneOnNoName', { date: f.date(s.doneOn) })) : t('steps.open')}
              </strong>
              {s.note && ` ${s.note}`}
            </Paragraph>
            {toolkit.can.manage && <StepForm key={`${s.doneOn}${s.note}`} step={s} />}
          </li>
        ))}
      </ol>
    </Section>
  );
}

type BudgetField = keyof BudgetInput;
const AMOUNTS: BudgetField[] = ['averageCreditCents', 'coachingPerParticipantYearCents', 'executionPerYearCents'];

function Budget({ defaults }: { defaults: BudgetInput }) {
  const t = useT(m);
  const { locale } = useLocale();
  const { workspace } = useWorkspace();
  const [values, setValues] = useState<Record<BudgetField, string>>(() => {
    const out = {} as Record<BudgetField, string>;
    for (const [k, v] of Object.entries(defaults) as [BudgetField, number][]) out[k] = AMOUNTS.includes(k) ? centsToInput(v) : new Intl.NumberFormat('nl-NL').format(v);
    return out;
  });
  const [result, setResult] = useState<BudgetEstimate | null>(null);
  const labels: Record<BudgetField, string> = {
    participantsPerYear: t('budget.participantsPerYear'),
    years: t('budget.years'),
    averageCreditCents: t('budget.averageCredit'),
    expectedLossPercent: t('budget.expectedLoss'),
    coachingPerParticipantYearCents: t('budget.coaching'),
    coachingYears: t('budget.coachingYears'),
    executionPerYearCents: t('budget.execution'),
  };
  const fields = Object.fromEntries((Object.keys(labels) as BudgetField[]).map((k) => [k, { id: `yd-budget-${k}`, label: labels[k] }])) as Record<string, FieldRef>;
  const form = useFormSubmit({
    fields,
    send: () => {
      const errors: FieldError[] = [];
      const body = {} as BudgetInput;
      for (const k of Object.keys(labels) as BudgetField[]) {
        const text = values[k];
        const value = AMOUNTS.includes(k) ? parseEuros(text) : k === 'expectedLossPercent' ? parseDecimal(text) : parseWhole(text);
        if (value === null || (k === 'expectedLossPercent' && value > 100)) {
          errors.push({ path: k, message: AMOUNTS.includes(k) ? t('budget.invalidAmount') : k === 'expectedLossPercent' ? t('budget.invalidPercent') : t('budget.invalidWhole') });
        } else body[k] = value;
      }
      if (errors.length) throw new ApiError(400, 'request.invalid', t('budget.invalid'), errors);
      return api.post<BudgetEstimate>(wsPath(workspace.slug, 'youth-debt/toolkit/budget-preview'), body);
    },
    onSaved: (estimate) => setResult(estimate),
  });
  const euros = (cents: number) => formatEuros(cents, locale);
  return (
    <Section id="yd-budget" title={t('budget.title')}>
      <Paragraph>{t('budget.intro')}</Paragraph>
      <Form form={form}>
        {(Object.keys(labels) as BudgetField[]).map((k) => (
          <TextField
            key={k}
            id={`yd-budget-${k}`}
            label={labels[k]}
            inputMode={AMOUNTS.includes(k) || k === 'expectedLossPercent' ? 'decimal' : 'numeric'}
            autoComplete="off"
            className="dichter-input-short"
            value={values[k]}
            onChange={(e) => setValues({ ...values, [k]: e.target.value })}
            error={form.fieldError(k)}
          />
        ))}
        <SubmitButton busy={form.busy}>{t('budget.compute')}</SubmitButton>
      </Form>
      <div role="status">
        {result && (
          <>
            <Heading level={3}>{t('budget.result')}</Heading>
            <DataList
              items={[
                [t('budget.participants'), String(result.participants)],
                [t('budget.credits'), euros(result.creditsCents)],
                [t('budget.fund'), euros(result.fundCents)],
                [t('budget.losses'), euros(result.expectedLossesCents)],
                [t('budget.coachingTotal'), euros(result.coachingCents)],
                [t('budget.executionTotal'), euros(result.executionCents)],
                [t('budget.total'), euros(result.totalCostCents)],
                [t('budget.perParticipant'), euros(result.perParticipantCents)],
              ]}
            />
            <Paragraph>{t('budget.breakEven', { years: result.breakEvenAssistanceYears })}</Paragraph>
          </>
        )}
      </div>
    </Section>
  );
}

/** `schuldenaanpak/invoeren`: the template, the steps of the decision process and the budget. */
export function ToolkitPage() {
  const t = useT(m);
  const { workspace } = useWorkspace();
  const pagePath = usePagePath();
  const toolkit = useQuery({ queryKey: toolkitKey(workspace.slug), queryFn: () => api.get<ToolkitView>(wsPath(workspace.slug, 'youth-debt/toolkit')) });
  return (
    <>
      <BackLink to={pagePath('schuldenaanpak')}>{t('back')}</BackLink>
      <PageHeading title={t('title')} />
      <Paragraph lead>{t('intro')}</Paragraph>
      <Loaded query={toolkit}>
        {(data) => (
          <>
            <Template toolkit={data} />
            <Steps toolkit={data} />
            <Budget defaults={data.budgetDefaults} />
          </>
        )}
      </Loaded>
    </>
  );
}

const linkMessages = defineMessages(
  { 'link.intro': 'Sjabloon voor ladder en indicatoren, de stappen naar een besluit en een begrotingsraming voor het raadsvoorstel.' },
  { 'link.intro': 'A template for ladder and indicators, the steps to a decision and a budget estimate for the council proposal.' },
);

/** For the overview page: what the toolkit is, and the way there. */
export function ToolkitLink() {
  const t = useT(m);
  const tl = useT(linkMessages);
  const pagePath = usePagePath();
  return (
    <Section id="yd-toolkit-link" title={t('title')}>
      <Paragraph>{tl('link.intro')}</Paragraph>
      <ButtonLink to={pagePath('schuldenaanpak/invoeren')}>{t('title')}</ButtonLink>
    </Section>
  );
}
