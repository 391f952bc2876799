import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError, wsPath, type FieldError } from '../../../web/api';
import { defineMessages, useLocale, useT } from '../../../web/i18n';
import { refreshAfterWrite } from '../../../web/queries';
import { DataTable, Form, Heading, Loaded, Paragraph, Section, SubmitButton, TextField, useFormSubmit, useNotify } from '../../../web/ui';
import { useWorkspace } from '../../../web/workspace';
import type { FundView } from '../fund.schema';
import { centsToInput, formatEuros, parseEuros } from './money';

const m = defineMessages(
  {
    title: 'Revolverend fonds',
    intro: 'Uit het fonds gaan de saneringskredieten; aflossingen en de waarde van bevestigde uren tegenprestatie vloeien terug, en een social impact bond betaalt per afgesproken uitkomst.',
    empty: 'Er is nog niets in of uit het fonds gegaan. Leg het startkapitaal vast; kredieten, aflossingen en uren komen er vanzelf bij.',
    summary: 'Saldo nu {balance}. Nog uit te staan op kredieten: {outstanding}.',
    lowest: 'Het laagste saldo was {balance} in {month}.',
    dry: 'In {month} stond het fonds op {balance}: er ging meer uit dan erin zat.',
    caption: 'Het fonds per maand, nieuwste eerst',
    month: 'Maand',
    kapitaal: 'Kapitaal',
    kredieten: 'Kredieten',
    aflossingen: 'Aflossingen',
    uren: 'Uren',
    resultaatbetalingen: 'Resultaat\u00adbetalingen',
    balance: 'Saldo',
    'settings.title': 'Gegevens van het fonds',
    capital: 'Startkapitaal',
    capitalDate: 'Datum van het startkapitaal',
    sibDebtFree: 'Social impact bond: betaling per deelnemer die schuldenvrij afrondt',
    sibWorkOrSchool: 'Social impact bond: betaling per deelnemer die met werk of opleiding afrondt',
    sibHelp: 'Laat 0 staan als er geen afspraak is.',
    save: 'Fonds opslaan',
    saved: 'De gegevens van het fonds zijn opgeslagen.',
    invalid: 'Niet alle bedragen zijn goed ingevuld.',
    invalidAmount: 'Vul een bedrag in, bijvoorbeeld 100.000 of 100.000,00.',
  },
  {
    title: 'Revolving fund',
    intro: 'The settlement credits go out of the fund; repayments and the value of confirmed counter-performance hours flow back, and a social impact bond pays per agreed outcome.',
    empty: 'Nothing has gone into or out of the fund yet. Record the starting capital; credits, repayments and hours are added by themselves.',
    summary: 'Balance now {balance}. Still outstanding on credits: {outstanding}.',
    lowest: 'The lowest balance was {balance} in {month}.',
    dry: 'In {month} the fund stood at {balance}: more went out than was in it.',
    caption: 'The fund per month, newest first',
    month: 'Month',
    kapitaal: 'Capital',
    kredieten: 'Credits',
    aflossingen: 'Repayments',
    uren: 'Hours',
    resultaatbetalingen: 'Outcome payments',
    balance: 'Balance',
    'settings.title': 'The fund’s figures',
    capital: 'Starting capital',
    capitalDate: 'Date of the starting capital',
    sibDebtFree: 'Social impact bond: payment per participant who finishes debt-free',
    sibWorkOrSchool: 'Social impact bond: payment per participant who finishes in work or education',
    sibHelp: 'Leave 0 when there is no such agreement.',
    save: 'Save fund',
    saved: 'The fund’s figures have been saved.',
    invalid: 'Not all amounts are filled in correctly.',
    invalidAmount: 'Enter an amount, for example 100,000 or 100000.00.',
  },
);

const fundKey = (slug: string) => ['w', slug, 'youth-debt', 'fund'];

function FundForm({ fund }: { fund: FundView }) {
  const t = useT(m);
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const notify = useNotify();
  const [capital, setCapital] = useState(centsToInput(fund.settings.capitalCents));
  const [capitalDate, setCapitalDate] = useState(fund.settings.capitalDate ?? '');
  const [debtFree, setDebtFree] = useState(centsToInput(fund.settings.sibDebtFreeCents));
  const [workOrSchool, setWorkOrSchool] = useState(centsToInput(fund.settings.sibWorkOrSchoolCents));
  const form = useFormSubmit({
    fields: {
      capitalCents: { id: 'yd-fund-capital', label: t('capital') },
      capitalDate: { id: 'yd-fund-date', label: t('capitalDate') },
      sibDebtFreeCents: { id: 'yd-fund-sib-debt-free', label: t('sibDebtFree') },
      sibWorkOrSchoolCents: { id: 'yd-fund-sib-work', label: t('sibWorkOrSchool') },
    },
    send: () => {
      const amounts = { capitalCents: capital, sibDebtFreeCents: debtFree, sibWorkOrSchoolCents: workOrSchool };
      const errors: FieldError[] = [];
      const body: Record<string, unknown> = { capitalDate: capitalDate || null };
      for (const [key, text] of Object.entries(amounts)) {
        const cents = parseEuros(text);
        if (cents === null) errors.push({ path: key, message: t('invalidAmount') });
        else body[key] = cents;
      }
      if (errors.length) throw new ApiError(400, 'request.invalid', t('invalid'), errors);
      return api.patch<FundView>(wsPath(workspace.slug, 'youth-debt/fund'), body);
    },
    onSaved: async () => {
      await refreshAfterWrite(client, { queryKey: fundKey(workspace.slug) });
      notify(t('saved'));
    },
  });
  return (
    <Form form={form}>
      <TextField id="yd-fund-capital" label={t('capital')} inputMode="decimal" autoComplete="off" className="dichter-input-short" value={capital} onChange={(e) => setCapital(e.target.value)} error={form.fieldError('capitalCents')} />
      <TextField id="yd-fund-date" type="date" label={t('capitalDate')} className="dichter-input-date" value={capitalDate} onChange={(e) => setCapitalDate(e.target.value)} error={form.fieldError('capitalDate')} />
      <TextField
        id="yd-fund-sib-debt-free"
        label={t('sibDebtFree')}
        description={t('sibHelp')}
        inputMode="decimal"
        autoComplete="off"
        className="dichter-input-short"
        value={debtFree}
        onChange={(e) => setDebtFree(e.target.value)}
        error={form.fieldError('sibDebtFreeCents')}
      />
      <TextField
        id="yd-fund-sib-work"
        label={t('sibWorkOrSchool')}
        description={t('sibHelp')}
        inputMode="decimal"
        autoComplete="off"
        className="dichter-input-short"
        value={workOrSchool}
        onChange={(e) => setWorkOrSchool(e.target.value)}
        error={form.fieldError('sibWorkOrSchoolCents')}
      />
      <SubmitButton busy={form.busy}>{t('save')}</SubmitButton>
    </Form>
  );
}

/** The revolving fund on the overview page: the balance month by month, and its figures for the programme. */
export function FundSection() {
  const t = useT(m);
  const { locale } = useLocale();
  const { workspace } = useWorkspace();
  const fund = useQuery({ queryKey: fundKey(workspace.slug), queryFn: () => api.get<FundView>(wsPath(workspace.slug, 'youth-debt/fund')) });
  const euros = (cents: number) => formatEuros(cents, locale);
  const monthName = (month: string) => new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
  return (
    <Section id="yd-fund" title={t('title')}>
      <Paragraph>{t('intro')}</Paragraph>
      <Loaded query={fund}>
        {(data) => (
          <>
            {data.months.length === 0 ? (
              <Paragraph>{t('empty')}</Paragraph>
            ) : (
              <>
                <Paragraph>
                  {t('summary', { balance: euros(data.balance), outstanding: euros(data.outstandingCents) })}{' '}
                  {data.lowest && (data.lowest.balance < 0 ? t('dry', { month: monthName(data.lowest.month), balance: euros(data.lowest.balance) }) : t('lowest', { month: monthName(data.lowest.month), balance: euros(data.lowest.balance) }))}
                </Paragraph>
                <DataTable
                  caption={t('caption')}
                  rows={[...data.months].reverse()}
                  rowKey={(r) => r.month}
                  columns={[
                    { header: t('month'), cell: (r) => monthName(r.month), rowHeader: true },
                    ...(['kapitaal', 'kredieten', 'aflossingen', 'uren', 'resultaatbetalingen'] as const).map((k) => ({ header: t(k), cell: (r: FundView['months'][number]) => euros(r.movements[k]), numeric: true })),
                    { header: t('balance'), cell: (r) => euros(r.balance), numeric: true },
                  ]}
                />
              </>
            )}
            {data.can.manage && (
              <>
                <Heading level={3}>{t('settings.title')}</Heading>
                <FundForm key={JSON.stringify(data.settings)} fund={data} />
              </>
            )}
          </>
        )}
      </Loaded>
    </Section>
  );
}
