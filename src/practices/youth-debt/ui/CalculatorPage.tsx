import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api, ApiError, wsPath, type FieldError } from '../../../web/api';
import { useLocale, useT } from '../../../web/i18n';
import {
  Alert,
  BackLink,
  Button,
  ButtonGroup,
  DataList,
  Form,
  Heading,
  PageHeading,
  Paragraph,
  RowHeader,
  Section,
  SubmitButton,
  Table,
  TBody,
  Td,
  TextField,
  Th,
  THead,
  Tr,
  focusSoon,
  useFormSubmit,
  useNarrowScreen,
  type FieldRef,
} from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import { m } from './messages';
import { formatEuros, formatPercent, parseDecimal, parseEuros, parseWhole } from './money';
import './youth-debt.css';

/** The answer of `POST …/youth-debt/offer-preview`. */
interface Offer {
  availableCents: number;
  paidOutCents: number;
  concurrentPercentage: number;
  preferentialPercentage: number;
  payouts: { creditor: string; payoutCents: number; percentage: number }[];
}

interface Row {
  key: number;
  creditor: string;
  amount: string;
  preferential: boolean;
}

interface Computed {
  offer: Offer;
  capacityCents: number;
  termMonths: number;
  debts: { creditor: string; amountCents: number; preferential: boolean }[];
}

let rowKeys = 0;
const newRow = (): Row => ({ key: ++rowKeys, creditor: '', amount: '', preferential: false });
const rowId = (row: Row, part: 'creditor' | 'amount' | 'preferential' | 'remove') => `yd-debt-${row.key}-${part}`;

/** The settlement calculator: capacity, term and debts in; per creditor the payout and percentage out. */
export function CalculatorPage() {
  const t = useT(m);
  const pagePath = usePagePath();
  const { locale } = useLocale();
  const { workspace } = useWorkspace();
  const [capacity, setCapacity] = useState('');
  const [term, setTerm] = useState('18');
  const [multiplier, setMultiplier] = useState('2');
  const [rows, setRows] = useState<Row[]>(() => [newRow()]);
  const [computed, setComputed] = useState<Computed | null>(null);
  const [stale, setStale] = useState(false);
  const pending = useRef<Omit<Computed, 'offer'> | null>(null);
  // The workspace's term and multiplier are the starting values, until the user types their own.
  const typed = useRef({ term: false, multiplier: false });
  const settings = useQuery({
    queryKey: ['w', workspace.slug, 'youth-debt', 'settings'],
    queryFn: () => api.get<{ termMonths: number; preferentialMultiplier: number }>(wsPath(workspace.slug, 'youth-debt/settings')),
  });
  useEffect(() => {
    if (!settings.data) return;
    if (!typed.current.term) setTerm(String(settings.data.termMonths));
    if (!typed.current.multiplier) setMultiplier(new Intl.NumberFormat('nl-NL').format(settings.data.preferentialMultiplier));
  }, [settings.data]);

  const euros = (cents: number) => formatEuros(cents, locale);
  const percent = (value: number) => formatPercent(value, locale);
  const changed = () => computed && setStale(true);

  const fields: Record<string, FieldRef> = {
    monthlyCapacityCents: { id: 'yd-capacity', label: t('calc.capacity') },
    termMonths: { id: 'yd-term', label: t('calc.term') },
    preferentialMultiplier: { id: 'yd-multiplier', label: t('calc.multiplier') },
    debts: { id: 'yd-add-debt', label: t('calc.debts') },
    ...Object.fromEntries(
      rows.flatMap((row, i) => [
        [`debts.${i}.creditor`, { id: rowId(row, 'creditor'), label: `${t('calc.debt', { n: i + 1 })}: ${t('calc.creditor')}` }],
        [`debts.${i}.amountCents`, { id: rowId(row, 'amount'), label: `${t('calc.debt', { n: i + 1 })}: ${t('calc.amount')}` }],
      ]),
    ),
  };

  const form = useFormSubmit({
    fields,
    send: async () => {
      const errors: FieldError[] = [];
      const capacityCents = parseEuros(capacity);
      if (capacityCents === null) errors.push({ path: 'monthlyCapacityCents', message: t('calc.error.amount') });
      const termMonths = parseWhole(term);
      if (termMonths === null || termMonths < 1 || termMonths > 120) errors.push({ path: 'termMonths', message: t('calc.error.term') });
      const factor = parseDecimal(multiplier);
      if (factor === null || factor < 1 || factor > 10) errors.push({ path: 'preferentialMultiplier', message: t('calc.error.multiplier') });
      const debts = rows.map((row, i) => {
        const amountCents = parseEuros(row.amount);
        if (!row.creditor.trim()) errors.push({ path: `debts.${i}.creditor`, message: t('calc.error.creditor') });
        if (amountCents === null) errors.push({ path: `debts.${i}.amountCents`, message: t('calc.error.amount') });
        return { creditor: row.creditor.trim(), amountCents: amountCents ?? 0, preferential: row.preferential };
      });
      if (errors.length) throw new ApiError(400, 'request.invalid', t('calc.error.summary'), errors);
      pending.current = { capacityCents: capacityCents!, termMonths: termMonths!, debts };
      return api.post<Offer>(wsPath(workspace.slug, 'youth-debt/offer-preview'), {
        monthlyCapacityCents: capacityCents,
        termMonths,
        preferentialMultiplier: factor,
        debts,
      });
    },
    onSaved: (offer) => {
      setComputed({ offer, ...pending.current! });
      setStale(false);
      focusSoon('yd-result-title');
    },
  });

  const updateRow = (key: number, patch: Partial<Row>) => {
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
    changed();
  };
  const addRow = () => {
    const row = newRow();
    setRows((rs) => [...rs, row]);
    changed();
    focusSoon(rowId(row, 'creditor'));
  };
  const removeRow = (index: number) => {
    const next = rows.filter((_, i) => i !== index);
    setRows(next);
    changed();
    const focus = next[index] ?? next[index - 1];
    focusSoon(focus ? rowId(focus, 'creditor') : 'yd-add-debt');
  };

  const factorShown = parseDecimal(multiplier) ?? 2;
  return (
    <>
      <BackLink to={pagePath('schuldenaanpak')}>{t('back')}</BackLink>
      <PageHeading title={t('calc.title')} />
      <Paragraph lead>{t('calc.intro')}</Paragraph>

      <Section id="yd-calc-title" title={t('calc.input')}>
        <Form form={form}>
          <TextField
            id="yd-capacity"
            label={t('calc.capacity')}
            description={t('calc.capacity.help')}
            inputMode="decimal"
            autoComplete="off"
            className="dichter-input-short yd-input-money"
            value={capacity}
            onChange={(e) => {
              setCapacity(e.target.value);
              changed();
            }}
            error={form.fieldError('monthlyCapacityCents')}
          />
          <TextField
            id="yd-term"
            label={t('calc.term')}
            description={t('calc.term.help')}
            inputMode="numeric"
            autoComplete="off"
            className="dichter-input-short"
            value={term}
            onChange={(e) => {
              typed.current.term = true;
              setTerm(e.target.value);
              changed();
            }}
            error={form.fieldError('termMonths')}
          />
          <TextField
            id="yd-multiplier"
            label={t('calc.multiplier')}
            description={t('calc.multiplier.help')}
            inputMode="decimal"
            autoComplete="off"
            className="dichter-input-short"
            value={multiplier}
            onChange={(e) => {
              typed.current.multiplier = true;
              setMultiplier(e.target.value);
              changed();
            }}
            error={form.fieldError('preferentialMultiplier')}
          />
          <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset yd-debts" aria-describedby="yd-debts-help">
            <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('calc.debts')}</legend>
            <p className="utrecht-form-field-description" id="yd-debts-help">
              {t('calc.debts.help')}
            </p>
            {form.fieldError('debts') && <p className="utrecht-form-field-error-message">{form.fieldError('debts')}</p>}
            {rows.length === 0 && <Paragraph>{t('calc.debts.empty')}</Paragraph>}
            <ol className="yd-debt-list">
              {rows.map((row, i) => (
                <li key={row.key} className="yd-debt">
                  <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset yd-debt__fieldset">
                    <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend yd-debt__legend">{t('calc.debt', { n: i + 1 })}</legend>
                    <div className="yd-debt__fields">
                      <TextField
                        id={rowId(row, 'creditor')}
                        label={t('calc.creditor')}
                        fieldClassName="yd-debt__creditor"
                        autoComplete="off"
                        maxLength={200}
                        value={row.creditor}
                        onChange={(e) => updateRow(row.key, { creditor: e.target.value })}
                        error={form.fieldError(`debts.${i}.creditor`)}
                      />
                      <TextField
                        id={rowId(row, 'amount')}
                        label={t('calc.amount')}
                        fieldClassName="yd-debt__amount"
                        className="yd-input-money"
                        inputMode="decimal"
                        autoComplete="off"
                        value={row.amount}
                        onChange={(e) => updateRow(row.key, { amount: e.target.value })}
                        error={form.fieldError(`debts.${i}.amountCents`) ?? form.fieldError(`debts.${i}`)}
                      />
                      <div className="dichter-field dichter-radio yd-debt__preferential">
                        <input
                          id={rowId(row, 'preferential')}
                          type="checkbox"
                          className="utrecht-checkbox utrecht-checkbox--html-input"
                          checked={row.preferential}
                          onChange={(e) => updateRow(row.key, { preferential: e.target.checked })}
                        />
                        <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={rowId(row, 'preferential')}>
                          {t('calc.preferential')}
                        </label>
                      </div>
                      <Button id={rowId(row, 'remove')} appearance="subtle" className="yd-debt__remove" onClick={() => removeRow(i)}>
                        {row.creditor.trim() ? t('calc.removeNamed', { n: i + 1, creditor: row.creditor.trim() }) : t('calc.remove', { n: i + 1 })}
                      </Button>
                    </div>
                  </fieldset>
                </li>
              ))}
            </ol>
            <Button id="yd-add-debt" onClick={addRow}>
              {t('calc.add')}
            </Button>
          </fieldset>
          <ButtonGroup>
            <SubmitButton busy={form.busy} busyLabel={t('calc.busy')}>
              {t('calc.submit')}
            </SubmitButton>
          </ButtonGroup>
        </Form>
      </Section>

      <section className="dichter-section yd-result" aria-labelledby="yd-result-title">
        <Heading level={2} id="yd-result-title" tabIndex={-1}>
          {t('result.title')}
        </Heading>
        {!computed ? (
          <Paragraph>{t('result.empty')}</Paragraph>
        ) : (
          <OfferResult computed={computed} stale={stale} euros={euros} percent={percent} />
        )}
      </section>

      <Section id="yd-rule-title" title={t('rule.title')}>
        <Paragraph>{t('rule.available')}</Paragraph>
        <Paragraph>{t('rule.share', { m: new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB').format(factorShown) })}</Paragraph>
        <Paragraph>{t('rule.cap')}</Paragraph>
        <Paragraph>{t('rule.cents')}</Paragraph>
      </Section>
    </>
  );
}

function OfferResult({ computed, stale, euros, percent }: { computed: Computed; stale: boolean; euros(cents: number): string; percent(value: number): string }) {
  const t = useT(m);
  const { offer, debts } = computed;
  const totalDebt = debts.reduce((s, d) => s + d.amountCents, 0);
  const hasPreferential = debts.some((d) => d.preferential);
  const hasConcurrent = debts.some((d) => !d.preferential);
  const covered = offer.availableCents >= totalDebt;
  const narrow = useNarrowScreen();
  const kind = (i: number) => (debts[i].preferential ? t('kind.preferential') : t('kind.concurrent'));
  return (
    <>
      {stale && (
        <Alert type="warning" role="status">
          <Paragraph>{t('result.stale')}</Paragraph>
        </Alert>
      )}
      <DataList
        items={[
          [t('result.available'), `${euros(offer.availableCents)} (${t('result.availableHow', { capacity: euros(computed.capacityCents), term: computed.termMonths })})`],
          [t('result.totalDebt'), euros(totalDebt)],
          [t('result.paidOut'), euros(offer.paidOutCents)],
          ...(hasConcurrent || !hasPreferential ? [[t('result.concurrent'), percent(offer.concurrentPercentage)] as [string, string]] : []),
          ...(hasPreferential ? [[t('result.preferential'), percent(offer.preferentialPercentage)] as [string, string]] : []),
        ]}
      />
      {covered && debts.length > 0 && <Paragraph>{t('result.covered')}</Paragraph>}
      {!covered && hasPreferential && offer.preferentialPercentage === 100 && <Paragraph>{t('result.capped')}</Paragraph>}
      {debts.length > 0 && narrow && (
        <>
          <Heading level={3}>{t('result.caption')}</Heading>
          <ul className="dichter-cards yd-offer-cards">
            {offer.payouts.map((p, i) => (
              <li key={i} className="dichter-card yd-offer-card">
                <Heading level={4}>
                  {p.creditor} <span className="dichter-small yd-kind">({kind(i)})</span>
                </Heading>
                <DataList
                  items={[
                    [t('result.debt'), euros(debts[i].amountCents)],
                    [t('result.percentage'), percent(p.percentage)],
                    [t('result.payout'), euros(p.payoutCents)],
                  ]}
                />
              </li>
            ))}
          </ul>
        </>
      )}
      {debts.length > 0 && !narrow && (
        <Table caption={t('result.caption')} className="yd-offer-table">
          <THead>
            <Th>{t('result.creditor')}</Th>
            <Th numeric>{t('result.debt')}</Th>
            <Th numeric>{t('result.percentage')}</Th>
            <Th numeric>{t('result.payout')}</Th>
          </THead>
          <TBody>
            {offer.payouts.map((p, i) => (
              <Tr key={i}>
                <RowHeader>
                  {p.creditor} <span className="dichter-small yd-kind">({kind(i)})</span>
                </RowHeader>
                <Td numeric>{euros(debts[i].amountCents)}</Td>
                <Td numeric>{percent(p.percentage)}</Td>
                <Td numeric>{euros(p.payoutCents)}</Td>
              </Tr>
            ))}
          </TBody>
          <tfoot className="utrecht-table__footer">
            <tr className="utrecht-table__row">
              <th scope="row" className="utrecht-table__cell dichter-row-header">
                {t('result.total')}
              </th>
              <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{euros(totalDebt)}</td>
              <td className="utrecht-table__cell" />
              <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{euros(offer.paidOutCents)}</td>
            </tr>
          </tfoot>
        </Table>
      )}
    </>
  );
}
