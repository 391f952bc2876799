import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError, wsPath, type FieldError } from '../../../web/api';
import { defineMessages, useLocale, useT, type Messages } from '../../../web/i18n';
import { refreshAfterWrite } from '../../../web/queries';
import { BackLink, ButtonLink, DataTable, ExternalLink, Form, Loaded, PageHeading, Paragraph, Section, SubmitButton, TextField, useFormSubmit, useNotify } from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import type { WorkspaceMkbaView } from '../mkba-model.schema';
import { centsToInput, formatEuros, parseDecimal, parseEuros, parseWhole } from './money';

const m = defineMessages(
  {
    title: 'Maatschappelijke kosten-batenanalyse',
    intro: 'De aanpak in deze werkruimte (het projectalternatief) tegenover dezelfde jongeren zonder de aanpak (het referentiealternatief). De hoeveelheden komen uit de eigen deelnemers, kredieten, het grootboek en de uitkomsten; de eenheidsprijzen en aannames staan hieronder met hun bron en zijn aan te passen.',
    back: 'Terug naar de schuldenaanpak',
    link: 'Naar de MKBA',
    linkIntro: 'Wie wint wat bij de aanpak: gemeente, rijk, schuldeisers en de jongeren zelf, in contante waarde, met een gevoeligheidsanalyse.',
    empty: 'Er zijn nog geen deelnemers die begonnen zijn: zonder hen valt er niets door te rekenen.',
    summary: 'Contante waarde bij {rate} discontovoet: baten {benefits}, kosten {costs}, saldo {balance}.',
    ratio: 'Elke euro kosten levert {ratio} euro baten op.',
    basis: 'Gebaseerd op {participants} deelnemers vanaf {year}; jaar 0 is het startjaar.',
    byActor: 'Saldo per actor',
    actor: 'Actor',
    benefits: 'Baten',
    costs: 'Kosten',
    balance: 'Saldo',
    ratioCol: 'Baten/kosten',
    total: 'Totaal',
    sensitivity: 'Gevoeligheid',
    sensitivityIntro: 'Hoe het saldo verandert als de discontovoet of de eenheidsprijzen anders uitvallen.',
    scenario: 'Scenario',
    lines: 'Kosten en baten per jaar',
    year: 'Jaar',
    kind: 'Soort',
    item: 'Post',
    amount: 'Bedrag',
    grounds: 'Grondslag',
    cost: 'kosten',
    benefit: 'baten',
    assumptions: 'Eenheidsprijzen en aannames',
    save: 'Aannames opslaan',
    saved: 'De aannames zijn opgeslagen; de analyse is opnieuw doorgerekend.',
    invalid: 'Niet alle aannames zijn goed ingevuld.',
    invalidValue: 'Vul een getal of bedrag in.',
    html: 'Afdrukbare pagina',
    pdf: 'PDF',
    'actor.jongere': 'Jongeren',
    'actor.gemeente': 'Gemeente',
    'actor.rijk': 'Rijk',
    'actor.schuldeisers': 'Schuldeisers',
    'scenario.base': 'Basis',
    'scenario.rate_low': 'Discontovoet 1 procentpunt lager',
    'scenario.rate_high': 'Discontovoet 1 procentpunt hoger',
    'scenario.benefits_low': 'Baten 20 % lager',
    'scenario.benefits_high': 'Baten 20 % hoger',
    'scenario.costs_low': 'Kosten 20 % lager',
    'scenario.costs_high': 'Kosten 20 % hoger',
    'a.discountRate': 'Discontovoet (bijvoorbeeld 0,0225)',
    'a.horizonYears': 'Horizon in jaren',
    'a.coachingPerParticipantYearCents': 'Begeleiding per deelnemer per jaar',
    'a.executionPerYearCents': 'Uitvoering per jaar',
    'a.socialAssistancePerYearCents': 'Bijstand per uitkering per jaar',
    'a.referenceAssistancePercent': 'Referentie: aandeel in de bijstand (%)',
    'a.referenceRecoveryPercent': 'Referentie: wat schuldeisers innen (%)',
    'a.evictionAvoidedPercent': 'Aandeel voorkomen huisuitzettingen (%)',
    'a.evictionCostCents': 'Kosten van een huisuitzetting en opvang',
  },
  {
    title: 'Social cost-benefit analysis',
    intro: 'The approach in this workspace (the project alternative) against the same young people without it (the reference alternative). Quantities come from the workspace’s own participants, credits, ledger and outcomes; the unit values and assumptions are below with their source and can be changed.',
    back: 'Back to the youth debt approach',
    link: 'Go to the analysis',
    linkIntro: 'Who gains what from the approach: municipality, central government, creditors and the young people, in present value, with a sensitivity analysis.',
    empty: 'No participant has started yet: without them there is nothing to calculate.',
    summary: 'Present value at a {rate} discount rate: benefits {benefits}, costs {costs}, balance {balance}.',
    ratio: 'Each euro of cost yields {ratio} euros of benefit.',
    basis: 'Based on {participants} participants from {year}; year 0 is the start year.',
    byActor: 'Balance per actor',
    actor: 'Actor',
    benefits: 'Benefits',
    costs: 'Costs',
    balance: 'Balance',
    ratioCol: 'Benefit/cost',
    total: 'Total',
    sensitivity: 'Sensitivity',
    sensitivityIntro: 'How the balance changes when the discount rate or the unit values turn out differently.',
    scenario: 'Scenario',
    lines: 'Costs and benefits per year',
    year: 'Year',
    kind: 'Kind',
    item: 'Item',
    amount: 'Amount',
    grounds: 'Basis',
    cost: 'cost',
    benefit: 'benefit',
    assumptions: 'Unit values and assumptions',
    save: 'Save assumptions',
    saved: 'The assumptions have been saved; the analysis has been recalculated.',
    invalid: 'Not all assumptions are filled in correctly.',
    invalidValue: 'Enter a number or an amount.',
    html: 'Printable page',
    pdf: 'PDF',
    'actor.jongere': 'Young people',
    'actor.gemeente': 'Municipality',
    'actor.rijk': 'Central government',
    'actor.schuldeisers': 'Creditors',
    'scenario.base': 'Base',
    'scenario.rate_low': 'Discount rate 1 point lower',
    'scenario.rate_high': 'Discount rate 1 point higher',
    'scenario.benefits_low': 'Benefits 20 % lower',
    'scenario.benefits_high': 'Benefits 20 % higher',
    'scenario.costs_low': 'Costs 20 % lower',
    'scenario.costs_high': 'Costs 20 % higher',
    'a.discountRate': 'Discount rate (for example 0.0225)',
    'a.horizonYears': 'Horizon in years',
    'a.coachingPerParticipantYearCents': 'Coaching per participant per year',
    'a.executionPerYearCents': 'Execution per year',
    'a.socialAssistancePerYearCents': 'Social assistance per benefit per year',
    'a.referenceAssistancePercent': 'Reference: share on social assistance (%)',
    'a.referenceRecoveryPercent': 'Reference: what creditors recover (%)',
    'a.evictionAvoidedPercent': 'Share of evictions prevented (%)',
    'a.evictionCostCents': 'Cost of an eviction and shelter',
  },
);

type Key = typeof m extends Messages<infer K> ? K : never;
const ACTORS = ['jongere', 'gemeente', 'rijk', 'schuldeisers'] as const;
const mkbaKey = (slug: string) => ['w', slug, 'youth-debt', 'mkba'];

function AssumptionsForm({ view }: { view: WorkspaceMkbaView }) {
  const t = useT(m);
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const notify = useNotify();
  const show = (key: string, value: number) => (key.endsWith('Cents') ? centsToInput(value) : new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 8 }).format(value));
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(view.assumptions.map((a) => [a.key, show(a.key, a.value)])));
  const fields = Object.fromEntries(view.assumptions.map((a) => [a.key, { id: `yd-mkba-${a.key}`, label: t(`a.${a.key}` as Key) }]));
  const form = useFormSubmit({
    fields,
    send: () => {
      const errors: FieldError[] = [];
      const body: Record<string, number> = {};
      for (const a of view.assumptions) {
        const raw = values[a.key];
        const value = a.key.endsWith('Cents') ? parseEuros(raw) : a.key === 'horizonYears' ? parseWhole(raw) : parseDecimal(raw);
        if (value === null) errors.push({ path: a.key, message: t('invalidValue') });
        else body[a.key] = value;
      }
      if (errors.length) throw new ApiError(400, 'request.invalid', t('invalid'), errors);
      return api.patch<WorkspaceMkbaView>(wsPath(workspace.slug, 'youth-debt/mkba/assumptions'), body);
    },
    onSaved: async () => {
      await refreshAfterWrite(client, { queryKey: mkbaKey(workspace.slug) });
      notify(t('saved'));
    },
  });
  return (
    <Form form={form}>
      {view.assumptions.map((a) => (
        <TextField
          key={a.key}
          id={`yd-mkba-${a.key}`}
          label={t(`a.${a.key}` as Key)}
          description={a.source}
          inputMode="decimal"
          autoComplete="off"
          className="dichter-input-short"
          value={values[a.key]}
          onChange={(e) => setValues({ ...values, [a.key]: e.target.value })}
          error={form.fieldError(a.key)}
        />
      ))}
      <SubmitButton busy={form.busy}>{t('save')}</SubmitButton>
    </Form>
  );
}

/** `schuldenaanpak/mkba`: the workspace's analysis, its sensitivity, the lines and the assumptions. */
export function MkbaPage() {
  const t = useT(m);
  const { locale } = useLocale();
  const { workspace } = useWorkspace();
  const pagePath = usePagePath();
  const mkba = useQuery({ queryKey: mkbaKey(workspace.slug), queryFn: () => api.get<WorkspaceMkbaView>(wsPath(workspace.slug, 'youth-debt/mkba')) });
  const euros = (cents: number) => formatEuros(cents, locale);
  const num = (n: number | null) => (n === null ? '—' : new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n));
  const documentHref = (format: 'html' | 'pdf') => wsPath(workspace.slug, `youth-debt/mkba/document?format=${format}`);
  return (
    <>
      <BackLink to={pagePath('schuldenaanpak')}>{t('back')}</BackLink>
      <PageHeading title={t('title')} />
      <Paragraph lead>{t('intro')}</Paragraph>
      <Loaded query={mkba}>
        {(v) => (
          <>
            {v.quantities.participants === 0 ? (
              <Paragraph>{t('empty')}</Paragraph>
            ) : (
              <>
                <Paragraph>
                  {t('summary', {
                    rate: `${new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 4 }).format(v.result.discountRate * 100)} %`,
                    benefits: euros(v.result.benefitsPresentValueCents),
                    costs: euros(v.result.costsPresentValueCents),
                    balance: euros(v.result.presentValueCents),
                  })}{' '}
                  {v.result.ratio !== null && t('ratio', { ratio: num(v.result.ratio) })} {t('basis', { participants: v.quantities.participants, year: v.quantities.firstYear ?? '' })}
                </Paragraph>
                <Paragraph>
                  <ExternalLink href={documentHref('html')}>{t('html')}</ExternalLink>
                  {' · '}
                  <ExternalLink href={documentHref('pdf')} download>
                    {t('pdf')}
                  </ExternalLink>
                </Paragraph>
                <Section id="yd-mkba-actors" title={t('byActor')}>
                  <DataTable
                    caption={t('byActor')}
                    captionHidden
                    rows={[...ACTORS.map((a) => ({ name: t(`actor.${a}` as Key), b: v.result.byActor[a] })), { name: t('total'), b: v.result }]}
                    rowKey={(r) => r.name}
                    columns={[
                      { header: t('actor'), cell: (r) => r.name, rowHeader: true },
                      { header: t('benefits'), cell: (r) => euros(r.b.benefitsPresentValueCents), numeric: true },
                      { header: t('costs'), cell: (r) => euros(r.b.costsPresentValueCents), numeric: true },
                      { header: t('balance'), cell: (r) => euros(r.b.presentValueCents), numeric: true },
                      { header: t('ratioCol'), cell: (r) => num(r.b.ratio), numeric: true },
                    ]}
                  />
                </Section>
                <Section id="yd-mkba-sensitivity" title={t('sensitivity')}>
                  <Paragraph>{t('sensitivityIntro')}</Paragraph>
                  <DataTable
                    caption={t('sensitivity')}
                    captionHidden
                    rows={v.sensitivity}
                    rowKey={(r) => r.scenario}
                    columns={[
                      { header: t('scenario'), cell: (r) => t(`scenario.${r.scenario}` as Key), rowHeader: true },
                      { header: t('balance'), cell: (r) => euros(r.result.presentValueCents), numeric: true },
                      { header: t('ratioCol'), cell: (r) => num(r.result.ratio), numeric: true },
                    ]}
                  />
                </Section>
                <Section id="yd-mkba-lines" title={t('lines')}>
                  <DataTable
                    caption={t('lines')}
                    captionHidden
                    rows={v.lines}
                    rowKey={(r, i) => `${i}`}
                    columns={[
                      { header: t('year'), cell: (r) => String(r.year), rowHeader: true },
                      { header: t('actor'), cell: (r) => t(`actor.${r.actor}` as Key) },
                      { header: t('kind'), cell: (r) => t(r.kind) },
                      { header: t('item'), cell: (r) => r.label },
                      { header: t('amount'), cell: (r) => euros(r.amountCents), numeric: true },
                      { header: t('grounds'), cell: (r) => r.basis },
                    ]}
                  />
                </Section>
              </>
            )}
            {v.can.manage && (
              <Section id="yd-mkba-assumptions" title={t('assumptions')}>
                <AssumptionsForm key={JSON.stringify(v.assumptions)} view={v} />
              </Section>
            )}
          </>
        )}
      </Loaded>
    </>
  );
}

/** For the overview page: the way to the analysis. */
export function MkbaLink() {
  const t = useT(m);
  const pagePath = usePagePath();
  return (
    <Section id="yd-mkba-link" title={t('title')}>
      <Paragraph>{t('linkIntro')}</Paragraph>
      <ButtonLink to={pagePath('schuldenaanpak/mkba')}>{t('link')}</ButtonLink>
    </Section>
  );
}
