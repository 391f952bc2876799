import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError, wsPath, type FieldError } from '../../../web/api';
import { defineMessages, useFormat, useLocale, useT } from '../../../web/i18n';
import { shellMessages } from '../../../web/messages';
import { refreshAfterWrite } from '../../../web/queries';
import {
  Alert,
  Button,
  ButtonGroup,
  ConfirmDialog,
  DataList,
  DataTable,
  EmptyState,
  errorMessage,
  Form,
  Heading,
  Loaded,
  Paragraph,
  Section,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useFormSubmit,
  type FieldRef,
} from '../../../web/ui';
import { useWorkspace } from '../../../web/workspace';
import { formatEuros, parseDecimal, parseEuros } from './money';

/** The repayment ledger on the participant page: credit, schedule, payments, counter-performance. */
const gm = defineMessages(
  {
    'ledger.title': 'Aflossing en tegenprestatie',
    'ledger.noCredit': 'Nog geen krediet verleend.',
    'ledger.noCreditHelp': 'Zodra alle schuldeisers akkoord zijn met het voorstel, wordt het krediet verleend. Daarna legt u hier de aflossingen en de maatschappelijke tegenprestatie vast.',
    'ledger.intro': 'De jongere lost het krediet af in geld, met een maatschappelijke tegenprestatie, of allebei. Stand op {date}.',
    'ledger.rate': 'Een uur tegenprestatie is {rate} waard. Dat uurtarief is een instelling van de werkruimte (de beheerder of programmamanager wijzigt het bij Instellingen op de overzichtspagina); elke vastgelegde tegenprestatie houdt het tarief van dat moment.',
    'totals.credit': 'Krediet',
    'totals.paid': 'Betaald',
    'totals.valued': 'Tegenprestatie (bevestigd)',
    'totals.valuedValue': '{amount} ({hours} uur)',
    'totals.unconfirmed': 'Nog niet bevestigd',
    'totals.unconfirmedValue': '{hours} uur: telt mee zodra de begeleider of de organisatie het bevestigt',
    'totals.balance': 'Nog af te lossen',
    'totals.expected': 'Verwacht volgens het schema tot vandaag',
    'totals.arrears': 'Achterstand',
    'totals.none': 'geen',
    'entries.title': 'Boekingen',
    'entries.empty': 'Nog geen betalingen of tegenprestaties vastgelegd. Gebruik de formulieren hieronder.',
    'entries.caption': 'Betalingen en tegenprestaties',
    'entries.date': 'Datum',
    'entries.kind': 'Soort',
    'entries.what': 'Omschrijving',
    'entries.hours': 'Uren',
    'entries.amount': 'Bedrag of waarde',
    'entries.confirmed': 'Bevestigd',
    'entries.payment': 'betaling',
    'entries.activity': 'tegenprestatie',
    'entries.paymentWhat': 'Aflossing',
    'entries.activityWhat': '{description} ({host})',
    'entries.rate': '{hours} uur × {rate}',
    'entries.byCoach': 'door begeleider {name}',
    'entries.byHost': 'door de organisatie: {name}',
    'entries.notYet': 'nog niet',
    'entries.notApplicable': '—',
    'entries.action': 'Actie',
    'delete.action': 'Verwijderen',
    'delete.label': '{what} verwijderen',
    'delete.title': 'Boeking verwijderen?',
    'delete.body': '{what} wordt verwijderd. Saldo en achterstand worden opnieuw berekend; het verwijderen wordt vastgelegd.',
    'delete.payment': 'De betaling van {amount} op {date}',
    'delete.activity': 'De tegenprestatie ‘{description}’ op {date}',
    'schedule.title': 'Maandschema ({n} termijnen)',
    'schedule.caption': 'Termijnen van het krediet',
    'schedule.number': 'Termijn',
    'schedule.due': 'Vervalt op',
    'schedule.amount': 'Bedrag',
    'schedule.cumulative': 'Totaal tot en met deze termijn',
    'pay.title': 'Betaling vastleggen',
    'pay.date': 'Datum',
    'pay.amount': 'Bedrag (euro)',
    'pay.save': 'Betaling vastleggen',
    'pay.saved': 'Betaling van {amount} vastgelegd.',
    'act.title': 'Tegenprestatie vastleggen',
    'act.date': 'Datum',
    'act.host': 'Organisatie',
    'act.description': 'Wat deed de jongere?',
    'act.descriptionHelp': 'Bijvoorbeeld: gastles over schulden op het mbo. Geen telefoonnummers of e-mailadressen.',
    'act.hours': 'Uren',
    'act.hoursHelp': 'Per kwartier: 1,5 is anderhalf uur.',
    'act.confirmedBy': 'Bevestigd door',
    'act.notYet': 'nog niet bevestigd',
    'act.coach': 'mij, als jongerenbegeleider',
    'act.host.option': 'de organisatie',
    'act.confirmer': 'Wie van de organisatie bevestigde?',
    'act.save': 'Tegenprestatie vastleggen',
    'act.saved': 'Tegenprestatie vastgelegd.',
    'confirm.title': 'Uren bevestigen',
    'confirm.activity': 'Tegenprestatie',
    'confirm.choose': 'Kies…',
    'confirm.option': '{date}: {description} ({host}), {hours} uur',
    'confirm.save': 'Uren bevestigen',
    'confirm.saved': 'Uren bevestigd: ze tellen nu mee.',
    'error.amount': 'Vul een bedrag in euro in, bijvoorbeeld 200,00.',
    'error.hours': 'Vul de uren in per kwartier, bijvoorbeeld 1,5 of 2,25.',
    'error.choose': 'Kies een tegenprestatie.',
    'error.summary': 'Niet alle velden zijn goed ingevuld.',
  },
  {
    'ledger.title': 'Repayment and counter-performance',
    'ledger.noCredit': 'No credit granted yet.',
    'ledger.noCreditHelp': 'Once all creditors accept the offer, the credit is granted. Then you record the repayments and the counter-performance here.',
    'ledger.intro': 'The young person repays the credit in money, by counter-performance, or both. Position on {date}.',
    'ledger.rate': 'An hour of counter-performance is worth {rate}. That hourly rate is a setting of the workspace (the administrator or programme manager changes it under Settings on the overview page); every recorded activity keeps the rate of that moment.',
    'totals.credit': 'Credit',
    'totals.paid': 'Paid',
    'totals.valued': 'Counter-performance (confirmed)',
    'totals.valuedValue': '{amount} ({hours} hours)',
    'totals.unconfirmed': 'Not yet confirmed',
    'totals.unconfirmedValue': '{hours} hours: they count once the coach or the host organisation confirms them',
    'totals.balance': 'Still to repay',
    'totals.expected': 'Expected by the schedule up to today',
    'totals.arrears': 'Arrears',
    'totals.none': 'none',
    'entries.title': 'Entries',
    'entries.empty': 'No payments or counter-performance recorded yet. Use the forms below.',
    'entries.caption': 'Payments and counter-performance',
    'entries.date': 'Date',
    'entries.kind': 'Kind',
    'entries.what': 'Description',
    'entries.hours': 'Hours',
    'entries.amount': 'Amount or value',
    'entries.confirmed': 'Confirmed',
    'entries.payment': 'payment',
    'entries.activity': 'counter-performance',
    'entries.paymentWhat': 'Repayment',
    'entries.activityWhat': '{description} ({host})',
    'entries.rate': '{hours} hours × {rate}',
    'entries.byCoach': 'by coach {name}',
    'entries.byHost': 'by the host organisation: {name}',
    'entries.notYet': 'not yet',
    'entries.notApplicable': '—',
    'entries.action': 'Action',
    'delete.action': 'Remove',
    'delete.label': 'Remove {what}',
    'delete.title': 'Remove the entry?',
    'delete.body': '{what} is removed. Balance and arrears are recalculated; the removal is recorded.',
    'delete.payment': 'The payment of {amount} on {date}',
    'delete.activity': 'The counter-performance ‘{description}’ on {date}',
    'schedule.title': 'Monthly schedule ({n} instalments)',
    'schedule.caption': 'Instalments of the credit',
    'schedule.number': 'Instalment',
    'schedule.due': 'Due on',
    'schedule.amount': 'Amount',
    'schedule.cumulative': 'Total up to this instalment',
    'pay.title': 'Record a payment',
    'pay.date': 'Date',
    'pay.amount': 'Amount (euro)',
    'pay.save': 'Record payment',
    'pay.saved': 'Payment of {amount} recorded.',
    'act.title': 'Record counter-performance',
    'act.date': 'Date',
    'act.host': 'Host organisation',
    'act.description': 'What did the young person do?',
    'act.descriptionHelp': 'For example: a guest lesson on debts at a vocational school. No phone numbers or e-mail addresses.',
    'act.hours': 'Hours',
    'act.hoursHelp': 'In quarter hours: 1.5 is an hour and a half.',
    'act.confirmedBy': 'Confirmed by',
    'act.notYet': 'not yet confirmed',
    'act.coach': 'me, as the coach',
    'act.host.option': 'the host organisation',
    'act.confirmer': 'Who at the host organisation confirmed?',
    'act.save': 'Record counter-performance',
    'act.saved': 'Counter-performance recorded.',
    'confirm.title': 'Confirm hours',
    'confirm.activity': 'Counter-performance',
    'confirm.choose': 'Choose…',
    'confirm.option': '{date}: {description} ({host}), {hours} hours',
    'confirm.save': 'Confirm hours',
    'confirm.saved': 'Hours confirmed: they count now.',
    'error.amount': 'Enter an amount in euros, for example 200.00.',
    'error.hours': 'Enter the hours in quarter hours, for example 1.5 or 2.25.',
    'error.choose': 'Choose a counter-performance.',
    'error.summary': 'Not all fields are filled in correctly.',
  },
);

interface Entry {
  id: string;
  kind: 'betaling' | 'activiteit';
  date: string;
  amountCents: number | null;
  host: string | null;
  description: string | null;
  quarterHours: number | null;
  hourlyRateCents: number | null;
  valueCents: number | null;
  confirmed: boolean;
  confirmedBy: { kind: 'coach' | 'host'; name: string } | null;
}
interface LedgerView {
  asOf: string;
  hourlyRateCents: number;
  credit: { amountCents: number; grantedDate: string; termMonths: number; monthlyInstalmentCents: number } | null;
  totals: {
    creditCents: number;
    paidCents: number;
    hoursValuedCents: number;
    confirmedQuarterHours: number;
    unconfirmedQuarterHours: number;
    balanceCents: number;
    expectedCents: number;
    arrearsCents: number;
  } | null;
  schedule: { number: number; dueDate: string; amountCents: number; cumulativeCents: number }[];
  entries: Entry[];
  can: { record: boolean; confirmAsCoach: boolean };
}

const today = () => new Date().toISOString().slice(0, 10);

function useHours() {
  const { locale } = useLocale();
  const fmt = new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 });
  return (quarterHours: number) => fmt.format(quarterHours / 4);
}

/** The ledger section of the participant page. */
export function Ledger({ participantId }: { participantId: string }) {
  const t = useT(gm);
  const f = useFormat();
  const { locale } = useLocale();
  const { workspace } = useWorkspace();
  const hours = useHours();
  // Kept here: confirming the last open activity removes the confirm form, not its message.
  const [confirmed, setConfirmed] = useState('');
  const path = `participants/${participantId}/ledger`;
  const query = useQuery({
    queryKey: ['w', workspace.slug, 'youth-debt', path],
    queryFn: () => api.get<LedgerView>(wsPath(workspace.slug, `youth-debt/${path}`)),
    retry: (count, error) => !(error instanceof ApiError && [400, 403, 404].includes(error.status)) && count < 2,
  });
  const euros = (cents: number) => formatEuros(cents, locale);
  return (
    <Section id="yd-ledger" title={t('ledger.title')}>
      <Loaded query={query}>
        {(l) =>
          !l.credit || !l.totals ? (
            <EmptyState title={t('ledger.noCredit')}>
              <Paragraph>{t('ledger.noCreditHelp')}</Paragraph>
            </EmptyState>
          ) : (
            <>
              <Paragraph>{t('ledger.intro', { date: f.date(l.asOf) })}</Paragraph>
              <DataList
                items={[
                  [t('totals.credit'), euros(l.totals.creditCents)],
                  [t('totals.paid'), euros(l.totals.paidCents)],
                  [t('totals.valued'), t('totals.valuedValue', { amount: euros(l.totals.hoursValuedCents), hours: hours(l.totals.confirmedQuarterHours) })],
                  ...(l.totals.unconfirmedQuarterHours ? ([[t('totals.unconfirmed'), t('totals.unconfirmedValue', { hours: hours(l.totals.unconfirmedQuarterHours) })]] as [string, string][]) : []),
                  [t('totals.balance'), euros(l.totals.balanceCents)],
                  [t('totals.expected'), euros(l.totals.expectedCents)],
                  [t('totals.arrears'), l.totals.arrearsCents > 0 ? <strong key="a">{euros(l.totals.arrearsCents)}</strong> : t('totals.none')],
                ]}
              />
              <Paragraph small>{t('ledger.rate', { rate: euros(l.hourlyRateCents) })}</Paragraph>
              <details className="yd-schedule">
                <summary>{t('schedule.title', { n: l.schedule.length })}</summary>
                <DataTable
                  caption={t('schedule.caption')}
                  captionHidden
                  rows={l.schedule}
                  rowKey={(s) => String(s.number)}
                  columns={[
                    { header: t('schedule.number'), cell: (s) => s.number, rowHeader: true },
                    { header: t('schedule.due'), cell: (s) => f.date(s.dueDate) },
                    { header: t('schedule.amount'), cell: (s) => euros(s.amountCents), numeric: true },
                    { header: t('schedule.cumulative'), cell: (s) => euros(s.cumulativeCents), numeric: true },
                  ]}
                />
              </details>
              <Heading level={3}>{t('entries.title')}</Heading>
              {l.entries.length === 0 ? (
                <Paragraph>{t('entries.empty')}</Paragraph>
              ) : (
                <DataTable
                  caption={t('entries.caption')}
                  captionHidden
                  rows={l.entries}
                  rowKey={(e) => e.id}
                  columns={[
                    { header: t('entries.date'), cell: (e) => f.date(e.date), rowHeader: true },
                    { header: t('entries.kind'), cell: (e) => (e.kind === 'betaling' ? t('entries.payment') : t('entries.activity')) },
                    { header: t('entries.what'), cell: (e) => (e.kind === 'betaling' ? t('entries.paymentWhat') : t('entries.activityWhat', { description: e.description ?? '', host: e.host ?? '' })) },
                    { header: t('entries.hours'), cell: (e) => (e.quarterHours ? t('entries.rate', { hours: hours(e.quarterHours), rate: euros(e.hourlyRateCents ?? 0) }) : t('entries.notApplicable')) },
                    { header: t('entries.amount'), cell: (e) => euros(e.amountCents ?? e.valueCents ?? 0), numeric: true },
                    {
                      header: t('entries.confirmed'),
                      cell: (e) =>
                        e.kind === 'betaling'
                          ? t('entries.notApplicable')
                          : e.confirmedBy
                            ? e.confirmedBy.kind === 'coach'
                              ? t('entries.byCoach', { name: e.confirmedBy.name })
                              : t('entries.byHost', { name: e.confirmedBy.name })
                            : t('entries.notYet'),
                    },
                    l.can.record && { header: t('entries.action'), cell: (e) => <DeleteEntry entry={e} /> },
                  ]}
                />
              )}
              {l.can.record && (
                <>
                  <PaymentForm participantId={participantId} />
                  <ActivityForm participantId={participantId} confirmAsCoach={l.can.confirmAsCoach} />
                  <p className="nl-paragraph" role="status">
                    {confirmed}
                  </p>
                  {l.entries.some((e) => !e.confirmed) && <ConfirmForm entries={l.entries.filter((e) => !e.confirmed)} confirmAsCoach={l.can.confirmAsCoach} onSaved={setConfirmed} />}
                </>
              )}
            </>
          )
        }
      </Loaded>
    </Section>
  );
}

/** Removes an entry recorded by mistake, after asking. */
function DeleteEntry({ entry }: { entry: Entry }) {
  const t = useT(gm);
  const ts = useT(shellMessages);
  const f = useFormat();
  const { locale } = useLocale();
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const what = t(entry.kind === 'betaling' ? 'delete.payment' : 'delete.activity', {
    amount: formatEuros(entry.amountCents ?? entry.valueCents ?? 0, locale),
    date: f.date(entry.date),
    description: entry.description ?? '',
  });
  const remove = useMutation({
    mutationFn: () => api.delete(wsPath(workspace.slug, `youth-debt/ledger-entries/${entry.id}`)),
    onSuccess: async () => {
      setOpen(false);
      await refreshAfterWrite(client, { queryKey: ['w', workspace.slug, 'youth-debt'] });
    },
  });
  return (
    <>
      <Button
        appearance="subtle"
        aria-label={t('delete.label', { what })}
        onClick={() => {
          remove.reset();
          setOpen(true);
        }}
      >
        {t('delete.action')}
      </Button>
      <ConfirmDialog
        open={open}
        title={t('delete.title')}
        body={t('delete.body', { what })}
        confirmLabel={t('delete.action')}
        busy={remove.isPending}
        error={remove.isError ? <Alert type="error">{errorMessage(remove.error, ts)}</Alert> : undefined}
        onConfirm={() => remove.mutate()}
        onCancel={() => setOpen(false)}
      />
    </>
  );
}

function PaymentForm({ participantId }: { participantId: string }) {
  const t = useT(gm);
  const { locale } = useLocale();
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const [date, setDate] = useState(today());
  const [amount, setAmount] = useState('');
  const [saved, setSaved] = useState('');
  const fields: Record<string, FieldRef> = { date: { id: 'yd-pay-date', label: t('pay.date') }, amountCents: { id: 'yd-pay-amount', label: t('pay.amount') } };
  const form = useFormSubmit({
    fields,
    send: () => {
      const cents = parseEuros(amount);
      if (cents === null || cents === 0) throw new ApiError(400, 'request.invalid', t('error.summary'), [{ path: 'amountCents', message: t('error.amount') }]);
      return api.post(wsPath(workspace.slug, `youth-debt/participants/${participantId}/ledger/payments`), { date, amountCents: cents }).then(() => cents);
    },
    onSaved: async (cents) => {
      setAmount('');
      setSaved(t('pay.saved', { amount: formatEuros(cents, locale) }));
      await refreshAfterWrite(client, { queryKey: ['w', workspace.slug, 'youth-debt'] });
    },
  });
  return (
    <>
      <Heading level={3}>{t('pay.title')}</Heading>
      <p className="nl-paragraph" role="status">
        {saved}
      </p>
      <Form form={form}>
        <TextField id="yd-pay-date" type="date" label={t('pay.date')} className="dichter-input-date" value={date} onChange={(e) => setDate(e.target.value)} error={form.fieldError('date')} />
        <TextField id="yd-pay-amount" label={t('pay.amount')} inputMode="decimal" autoComplete="off" className="dichter-input-short yd-input-money" value={amount} onChange={(e) => setAmount(e.target.value)} error={form.fieldError('amountCents')} />
        <ButtonGroup>
          <SubmitButton busy={form.busy}>{t('pay.save')}</SubmitButton>
        </ButtonGroup>
      </Form>
    </>
  );
}

/** Hours as typed (`1,5`, `2.25`) in whole quarter hours, or null. */
function quarterHoursOf(text: string): number | null {
  const h = parseDecimal(text);
  if (h === null) return null;
  const q = h * 4;
  return Number.isInteger(q) && q >= 1 ? q : null;
}

function ActivityForm({ participantId, confirmAsCoach }: { participantId: string; confirmAsCoach: boolean }) {
  const t = useT(gm);
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const [v, setV] = useState({ date: today(), host: '', description: '', hours: '', confirmedBy: '', confirmerName: '' });
  const set = (field: keyof typeof v) => (e: { target: { value: string } }) => setV((old) => ({ ...old, [field]: e.target.value }));
  const [saved, setSaved] = useState('');
  const fields: Record<string, FieldRef> = {
    date: { id: 'yd-act-date', label: t('act.date') },
    host: { id: 'yd-act-host', label: t('act.host') },
    description: { id: 'yd-act-description', label: t('act.description') },
    quarterHours: { id: 'yd-act-hours', label: t('act.hours') },
    confirmedBy: { id: 'yd-act-confirmed', label: t('act.confirmedBy') },
    confirmerName: { id: 'yd-act-confirmer', label: t('act.confirmer') },
  };
  const form = useFormSubmit({
    fields,
    send: () => {
      const quarterHours = quarterHoursOf(v.hours);
      const errors: FieldError[] = [];
      if (quarterHours === null) errors.push({ path: 'quarterHours', message: t('error.hours') });
      if (errors.length) throw new ApiError(400, 'request.invalid', t('error.summary'), errors);
      return api.post(wsPath(workspace.slug, `youth-debt/participants/${participantId}/ledger/activities`), {
        date: v.date,
        host: v.host,
        description: v.description,
        quarterHours,
        ...(v.confirmedBy ? { confirmedBy: v.confirmedBy } : {}),
        ...(v.confirmedBy === 'host' ? { confirmerName: v.confirmerName } : {}),
      });
    },
    onSaved: async () => {
      setV({ date: today(), host: '', description: '', hours: '', confirmedBy: '', confirmerName: '' });
      setSaved(t('act.saved'));
      await refreshAfterWrite(client, { queryKey: ['w', workspace.slug, 'youth-debt'] });
    },
  });
  return (
    <>
      <Heading level={3}>{t('act.title')}</Heading>
      <p className="nl-paragraph" role="status">
        {saved}
      </p>
      <Form form={form}>
        <TextField id="yd-act-date" type="date" label={t('act.date')} className="dichter-input-date" value={v.date} onChange={set('date')} error={form.fieldError('date')} />
        <TextField id="yd-act-host" label={t('act.host')} autoComplete="off" value={v.host} onChange={set('host')} error={form.fieldError('host')} />
        <TextAreaField id="yd-act-description" label={t('act.description')} description={t('act.descriptionHelp')} value={v.description} onChange={set('description')} error={form.fieldError('description')} />
        <TextField id="yd-act-hours" label={t('act.hours')} description={t('act.hoursHelp')} inputMode="decimal" autoComplete="off" className="dichter-input-short" value={v.hours} onChange={set('hours')} error={form.fieldError('quarterHours')} />
        <SelectField
          id="yd-act-confirmed"
          label={t('act.confirmedBy')}
          options={[{ value: '', label: t('act.notYet') }, ...(confirmAsCoach ? [{ value: 'coach', label: t('act.coach') }] : []), { value: 'host', label: t('act.host.option') }]}
          value={v.confirmedBy}
          onChange={set('confirmedBy')}
          error={form.fieldError('confirmedBy')}
        />
        {v.confirmedBy === 'host' && <TextField id="yd-act-confirmer" label={t('act.confirmer')} autoComplete="off" value={v.confirmerName} onChange={set('confirmerName')} error={form.fieldError('confirmerName')} />}
        <ButtonGroup>
          <SubmitButton busy={form.busy}>{t('act.save')}</SubmitButton>
        </ButtonGroup>
      </Form>
    </>
  );
}

function ConfirmForm({ entries, confirmAsCoach, onSaved }: { entries: Entry[]; confirmAsCoach: boolean; onSaved(message: string): void }) {
  const t = useT(gm);
  const f = useFormat();
  const hours = useHours();
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const [entryId, setEntryId] = useState('');
  const [by, setBy] = useState(confirmAsCoach ? 'coach' : 'host');
  const [name, setName] = useState('');
  const fields: Record<string, FieldRef> = {
    entry: { id: 'yd-conf-entry', label: t('confirm.activity') },
    confirmedBy: { id: 'yd-conf-by', label: t('act.confirmedBy') },
    confirmerName: { id: 'yd-conf-name', label: t('act.confirmer') },
  };
  const form = useFormSubmit({
    fields,
    send: () => {
      if (!entryId) throw new ApiError(400, 'request.invalid', t('error.summary'), [{ path: 'entry', message: t('error.choose') }]);
      return api.post(wsPath(workspace.slug, `youth-debt/ledger-entries/${entryId}/confirm`), { confirmedBy: by, ...(by === 'host' ? { confirmerName: name } : {}) });
    },
    onSaved: async () => {
      setEntryId('');
      setName('');
      onSaved(t('confirm.saved'));
      await refreshAfterWrite(client, { queryKey: ['w', workspace.slug, 'youth-debt'] });
    },
  });
  return (
    <>
      <Heading level={3}>{t('confirm.title')}</Heading>
      <Form form={form}>
        <SelectField
          id="yd-conf-entry"
          label={t('confirm.activity')}
          options={[{ value: '', label: t('confirm.choose') }, ...entries.map((e) => ({ value: e.id, label: t('confirm.option', { date: f.date(e.date), description: e.description ?? '', host: e.host ?? '', hours: hours(e.quarterHours ?? 0) }) }))]}
          value={entryId}
          onChange={(e) => setEntryId(e.target.value)}
          error={form.fieldError('entry')}
        />
        <SelectField
          id="yd-conf-by"
          label={t('act.confirmedBy')}
          options={[...(confirmAsCoach ? [{ value: 'coach', label: t('act.coach') }] : []), { value: 'host', label: t('act.host.option') }]}
          value={by}
          onChange={(e) => setBy(e.target.value)}
          error={form.fieldError('confirmedBy')}
        />
        {by === 'host' && <TextField id="yd-conf-name" label={t('act.confirmer')} autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} error={form.fieldError('confirmerName')} />}
        <ButtonGroup>
          <SubmitButton busy={form.busy}>{t('confirm.save')}</SubmitButton>
        </ButtonGroup>
      </Form>
    </>
  );
}
