import { useState } from 'react';
import { api, wsPath } from '../../../web/api';
import { defineMessages, useFormat, useT } from '../../../web/i18n';
import { ButtonGroup, DataList, Form, Heading, Loaded, Paragraph, Section, SelectField, SubmitButton, TextField, useFormSubmit, type FieldRef } from '../../../web/ui';
import { useWorkspace } from '../../../web/workspace';
import { ANSWERS, COACHING_MONTHS, OUTCOMES, addMonths, type Answer } from '../plan';
import { pm, usePlan, useRefreshPlan, type Outcome, type Plan } from './PlanSection';

const om = defineMessages(
  {
    'title': 'Uitkomsten',
    'intro': 'Wat de aanpak heeft opgeleverd, vastgelegd aan het eind: als de deelnemer is afgerond of uitgevallen, of vanaf 24 maanden na de start.',
    'none': 'De uitkomsten zijn nog niet vastgelegd.',
    'notYet': 'Nog niet vastgelegd. Dat kan zodra de deelnemer is afgerond of uitgevallen, en anders vanaf {date}.',
    'recordedOn': 'Vastgelegd op',
    'form.title': 'Uitkomsten vastleggen',
    'form.update': 'Uitkomsten bijwerken',
    'form.date': 'Datum',
    'form.submit': 'Uitkomsten opslaan',
    'form.saved': 'Uitkomsten opgeslagen.',
  },
  {
    'title': 'Outcomes',
    'intro': 'What the approach achieved, recorded at the end: when the participant finished or left, or from 24 months after the start.',
    'none': 'The outcomes have not been recorded yet.',
    'notYet': 'Not recorded yet. That is possible once the participant has finished or left, and otherwise from {date}.',
    'recordedOn': 'Recorded on',
    'form.title': 'Record the outcomes',
    'form.update': 'Update the outcomes',
    'form.date': 'Date',
    'form.submit': 'Save outcomes',
    'form.saved': 'Outcomes saved.',
  },
);

/** The section "Uitkomsten" on a participant's page: the five outcomes (yes, no, unknown) with their date. */
export function Outcomes({ participantId }: { participantId: string }) {
  const t = useT(om);
  const pt = useT(pm);
  const f = useFormat();
  const plan = usePlan(participantId);
  return (
    <Section id="yd-outcomes" title={t('title')}>
      <Loaded query={plan}>
        {(p) => (
          <>
            <Paragraph>{t('intro')}</Paragraph>
            {p.outcome ? (
              <DataList items={[...OUTCOMES.map((o) => [pt(`outcome.${o}`), pt(`answer.${p.outcome![o]}`)] as [string, string]), [t('recordedOn'), f.date(p.outcome.recordedOn)]]} />
            ) : (
              <Paragraph>{p.outcomeOpen ? t('none') : t('notYet', { date: f.date(addMonths(p.startDate, COACHING_MONTHS)) })}</Paragraph>
            )}
            {p.can.recordOutcome && <OutcomeForm plan={p} />}
          </>
        )}
      </Loaded>
    </Section>
  );
}

function OutcomeForm({ plan }: { plan: Plan }) {
  const t = useT(om);
  const pt = useT(pm);
  const { workspace } = useWorkspace();
  const refresh = useRefreshPlan();
  const [values, setValues] = useState<Outcome>(() => plan.outcome ?? { debtFree: 'onbekend', inEducation: 'onbekend', inWork: 'onbekend', stableHousing: 'onbekend', socialAssistance: 'onbekend', recordedOn: new Date().toISOString().slice(0, 10) });
  const [saved, setSaved] = useState('');
  const fields: Record<string, FieldRef> = {
    ...Object.fromEntries(OUTCOMES.map((o) => [o, { id: `yd-o-${o}`, label: pt(`outcome.${o}`) }])),
    recordedOn: { id: 'yd-o-date', label: t('form.date') },
  };
  const form = useFormSubmit({
    fields,
    send: () => api.put(wsPath(workspace.slug, `youth-debt/participants/${plan.participantId}/outcome`), values),
    onSaved: async () => {
      setSaved(t('form.saved'));
      await refresh();
    },
  });
  return (
    <>
      <Heading level={3}>{plan.outcome ? t('form.update') : t('form.title')}</Heading>
      <p className="nl-paragraph" role="status">
        {saved}
      </p>
      <Form form={form}>
        {OUTCOMES.map((o) => (
          <SelectField
            key={o}
            id={`yd-o-${o}`}
            label={pt(`outcome.${o}`)}
            options={ANSWERS.map((a) => ({ value: a, label: pt(`answer.${a}`) }))}
            value={values[o]}
            onChange={(e) => setValues((v) => ({ ...v, [o]: e.target.value as Answer }))}
            error={form.fieldError(o)}
          />
        ))}
        <TextField
          id="yd-o-date"
          type="date"
          label={t('form.date')}
          className="dichter-input-date"
          value={values.recordedOn}
          onChange={(e) => setValues((v) => ({ ...v, recordedOn: e.target.value }))}
          error={form.fieldError('recordedOn')}
        />
        <ButtonGroup>
          <SubmitButton busy={form.busy}>{t('form.submit')}</SubmitButton>
        </ButtonGroup>
      </Form>
    </>
  );
}
