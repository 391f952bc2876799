import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError, wsPath, type FieldError, type List } from '../../../web/api';
import { useT } from '../../../web/i18n';
import { refreshAfterWrite } from '../../../web/queries';
import {
  BackLink,
  ButtonGroup,
  ButtonLink,
  Form,
  PageHeading,
  Paragraph,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  focusSoon,
  useFormSubmit,
  useNotify,
  type FieldRef,
} from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import { m } from './messages';
import { centsToInput, parseDecimal, parseEuros, parseWhole } from './money';

interface Member {
  userId: string;
  name: string;
  role: string;
}
interface Creditor {
  id: string;
  name: string;
  preferential: boolean;
}

const today = () => new Date().toISOString().slice(0, 10);
const euroOrNull = (text: string) => (text.trim() === '' ? null : parseEuros(text));

/** Registering a participant: gets a number; name and contact only for the coach and counsellor chosen here. */
export function RegisterParticipantPage() {
  const t = useT(m);
  const { workspace } = useWorkspace();
  const pagePath = usePagePath();
  const notify = useNotify();
  const client = useQueryClient();
  const members = useQuery({ queryKey: ['w', workspace.slug, 'members'], queryFn: () => api.get<List<Member>>(wsPath(workspace.slug, 'members')) });
  const [v, setV] = useState({ name: '', contact: '', birthDate: '', startDate: today(), coachUserId: '', counsellorUserId: '', ageExceptionReason: '', income: '', vtlb: '' });
  const set = (field: keyof typeof v) => (e: { target: { value: string } }) => setV((old) => ({ ...old, [field]: e.target.value }));
  const fields: Record<string, FieldRef> = {
    name: { id: 'yd-p-name', label: t('form.name') },
    contact: { id: 'yd-p-contact', label: t('form.contact') },
    birthDate: { id: 'yd-p-birth', label: t('form.birthDate') },
    startDate: { id: 'yd-p-start', label: t('form.startDate') },
    coachUserId: { id: 'yd-p-coach', label: t('form.coach') },
    counsellorUserId: { id: 'yd-p-counsellor', label: t('form.counsellor') },
    ageExceptionReason: { id: 'yd-p-exception', label: t('form.ageException') },
    monthlyIncomeCents: { id: 'yd-p-income', label: t('form.income') },
    vtlbCents: { id: 'yd-p-vtlb', label: t('form.vtlb') },
  };
  const memberOptions = [{ value: '', label: t('form.choose') }, ...(members.data?.items ?? []).map((x) => ({ value: x.userId, label: x.name }))];
  const form = useFormSubmit({
    fields,
    send: () => {
      const income = euroOrNull(v.income);
      const vtlb = euroOrNull(v.vtlb);
      const errors: FieldError[] = [];
      if (income === null && v.income.trim()) errors.push({ path: 'monthlyIncomeCents', message: t('calc.error.amount') });
      if (vtlb === null && v.vtlb.trim()) errors.push({ path: 'vtlbCents', message: t('calc.error.amount') });
      if (errors.length) throw new ApiError(400, 'request.invalid', t('calc.error.summary'), errors);
      return api.post<{ id: string; number: string }>(wsPath(workspace.slug, 'youth-debt/participants'), {
        name: v.name,
        ...(v.contact.trim() ? { contact: v.contact } : {}),
        birthDate: v.birthDate,
        startDate: v.startDate,
        coachUserId: v.coachUserId || null,
        counsellorUserId: v.counsellorUserId || null,
        ...(v.ageExceptionReason.trim() ? { ageExceptionReason: v.ageExceptionReason } : {}),
        ...(income !== null ? { monthlyIncomeCents: income } : {}),
        ...(vtlb !== null ? { vtlbCents: vtlb } : {}),
      });
    },
    onSaved: async (created) => {
      await refreshAfterWrite(client, { queryKey: ['w', workspace.slug, 'youth-debt'] });
      notify(t('form.registered', { number: created.number }), pagePath(`schuldenaanpak/deelnemers/${created.id}`));
    },
  });
  return (
    <>
      <BackLink to={pagePath('schuldenaanpak')}>{t('participant.back')}</BackLink>
      <PageHeading title={t('form.registerTitle')} />
      <Paragraph>{t('form.registerIntro')}</Paragraph>
      <Form form={form}>
        <TextField id="yd-p-name" label={t('form.name')} description={t('form.name.help')} autoComplete="off" value={v.name} onChange={set('name')} error={form.fieldError('name')} />
        <TextField id="yd-p-contact" label={t('form.contact')} optional autoComplete="off" value={v.contact} onChange={set('contact')} error={form.fieldError('contact')} />
        <TextField id="yd-p-birth" type="date" label={t('form.birthDate')} className="dichter-input-date" value={v.birthDate} onChange={set('birthDate')} error={form.fieldError('birthDate')} />
        <TextField id="yd-p-start" type="date" label={t('form.startDate')} className="dichter-input-date" value={v.startDate} onChange={set('startDate')} error={form.fieldError('startDate')} />
        <TextAreaField
          id="yd-p-exception"
          label={t('form.ageException')}
          description={t('form.ageException.help')}
          optional
          value={v.ageExceptionReason}
          onChange={set('ageExceptionReason')}
          error={form.fieldError('ageExceptionReason')}
        />
        <SelectField id="yd-p-coach" label={t('form.coach')} options={memberOptions} value={v.coachUserId} onChange={set('coachUserId')} error={form.fieldError('coachUserId')} />
        <SelectField id="yd-p-counsellor" label={t('form.counsellor')} options={memberOptions} value={v.counsellorUserId} onChange={set('counsellorUserId')} error={form.fieldError('counsellorUserId')} />
        <TextField id="yd-p-income" label={t('form.income')} optional inputMode="decimal" autoComplete="off" className="dichter-input-short yd-input-money" value={v.income} onChange={set('income')} error={form.fieldError('monthlyIncomeCents')} />
        <TextField id="yd-p-vtlb" label={t('form.vtlb')} optional inputMode="decimal" autoComplete="off" className="dichter-input-short yd-input-money" value={v.vtlb} onChange={set('vtlb')} error={form.fieldError('vtlbCents')} />
        <ButtonGroup>
          <SubmitButton busy={form.busy}>{t('form.register')}</SubmitButton>
          <ButtonLink appearance="subtle" to={pagePath('schuldenaanpak')}>
            {t('form.cancel')}
          </ButtonLink>
        </ButtonGroup>
      </Form>
    </>
  );
}

/** Recording a debt on the participant page: creditor from the shared list, amount typed in euros. */
export function AddDebtForm({ participantId }: { participantId: string }) {
  const t = useT(m);
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const creditors = useQuery({ queryKey: ['w', workspace.slug, 'youth-debt', 'creditors'], queryFn: () => api.get<List<Creditor>>(wsPath(workspace.slug, 'youth-debt/creditors')) });
  const [creditorId, setCreditorId] = useState('');
  const [amount, setAmount] = useState('');
  const [preferential, setPreferential] = useState(false);
  const [saved, setSaved] = useState('');
  const fields: Record<string, FieldRef> = {
    creditorId: { id: 'yd-d-creditor', label: t('debts.creditor') },
    amountCents: { id: 'yd-d-amount', label: t('calc.amount') },
  };
  const form = useFormSubmit({
    fields,
    send: () => {
      const cents = parseEuros(amount);
      const errors: FieldError[] = [];
      if (!creditorId) errors.push({ path: 'creditorId', message: t('form.chooseCreditor') });
      if (cents === null) errors.push({ path: 'amountCents', message: t('calc.error.amount') });
      if (errors.length) throw new ApiError(400, 'request.invalid', t('calc.error.summary'), errors);
      return api.post<{ creditorName: string }>(wsPath(workspace.slug, 'youth-debt/debts'), { participantId, creditorId, amountCents: cents, preferential });
    },
    onSaved: async (debt) => {
      setAmount('');
      setSaved(t('form.debtAdded', { creditor: debt.creditorName }));
      await refreshAfterWrite(client, { queryKey: ['w', workspace.slug, 'youth-debt'] });
      focusSoon('yd-debts');
    },
  });
  return (
    <>
      <p className="nl-paragraph" role="status">
        {saved}
      </p>
      <Form form={form}>
        <SelectField
          id="yd-d-creditor"
          label={t('debts.creditor')}
          options={[{ value: '', label: t('form.choose') }, ...(creditors.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))]}
          value={creditorId}
          onChange={(e) => {
            setCreditorId(e.target.value);
            setPreferential(creditors.data?.items.find((c) => c.id === e.target.value)?.preferential ?? false);
          }}
          error={form.fieldError('creditorId')}
        />
        <TextField id="yd-d-amount" label={t('calc.amount')} inputMode="decimal" autoComplete="off" className="dichter-input-short yd-input-money" value={amount} onChange={(e) => setAmount(e.target.value)} error={form.fieldError('amountCents')} />
        <div className="dichter-field dichter-radio">
          <input id="yd-d-preferential" type="checkbox" className="utrecht-checkbox utrecht-checkbox--html-input" checked={preferential} onChange={(e) => setPreferential(e.target.checked)} />
          <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor="yd-d-preferential">
            {t('calc.preferential')}
          </label>
        </div>
        <ButtonGroup>
          <SubmitButton busy={form.busy}>{t('form.addDebt')}</SubmitButton>
        </ButtonGroup>
      </Form>
    </>
  );
}

const STATUSES = ['aanmelding', 'intake', 'actief', 'afgerond', 'uitgevallen'] as const;

/** The counsellor's update of a case: status (with the reason for leaving), income and VTLB. */
export function UpdateCaseForm({
  participant,
}: {
  participant: { id: string; status: (typeof STATUSES)[number]; leavingReason: string | null; monthlyIncomeCents: number | null; vtlbCents: number | null };
}) {
  const t = useT(m);
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const [status, setStatus] = useState<string>(participant.status);
  const [leavingReason, setLeavingReason] = useState(participant.leavingReason ?? '');
  const [income, setIncome] = useState(centsToInput(participant.monthlyIncomeCents));
  const [vtlb, setVtlb] = useState(centsToInput(participant.vtlbCents));
  const [saved, setSaved] = useState('');
  const fields: Record<string, FieldRef> = {
    status: { id: 'yd-u-status', label: t('participant.status') },
    leavingReason: { id: 'yd-u-leaving', label: t('participant.leavingReason') },
    monthlyIncomeCents: { id: 'yd-u-income', label: t('form.income') },
    vtlbCents: { id: 'yd-u-vtlb', label: t('form.vtlb') },
  };
  const form = useFormSubmit({
    fields,
    send: () => {
      const incomeCents = euroOrNull(income);
      const vtlbCents = euroOrNull(vtlb);
      const errors: FieldError[] = [];
      if (incomeCents === null && income.trim()) errors.push({ path: 'monthlyIncomeCents', message: t('calc.error.amount') });
      if (vtlbCents === null && vtlb.trim()) errors.push({ path: 'vtlbCents', message: t('calc.error.amount') });
      if (errors.length) throw new ApiError(400, 'request.invalid', t('calc.error.summary'), errors);
      return api.patch(wsPath(workspace.slug, `youth-debt/participants/${participant.id}`), {
        status,
        leavingReason: status === 'uitgevallen' ? leavingReason.trim() || null : null,
        monthlyIncomeCents: incomeCents,
        vtlbCents,
      });
    },
    onSaved: async () => {
      setSaved(t('form.caseSaved'));
      await refreshAfterWrite(client, { queryKey: ['w', workspace.slug, 'youth-debt'] });
    },
  });
  return (
    <>
      <p className="nl-paragraph" role="status">
        {saved}
      </p>
      <Form form={form}>
        <SelectField
          id="yd-u-status"
          label={t('participant.status')}
          options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          error={form.fieldError('status')}
        />
        {status === 'uitgevallen' && (
          <TextAreaField id="yd-u-leaving" label={t('participant.leavingReason')} value={leavingReason} onChange={(e) => setLeavingReason(e.target.value)} error={form.fieldError('leavingReason')} />
        )}
        <TextField id="yd-u-income" label={t('form.income')} optional inputMode="decimal" autoComplete="off" className="dichter-input-short yd-input-money" value={income} onChange={(e) => setIncome(e.target.value)} error={form.fieldError('monthlyIncomeCents')} />
        <TextField
          id="yd-u-vtlb"
          label={t('form.vtlb')}
          description={t('form.vtlb.help')}
          optional
          inputMode="decimal"
          autoComplete="off"
          className="dichter-input-short yd-input-money"
          value={vtlb}
          onChange={(e) => setVtlb(e.target.value)}
          error={form.fieldError('vtlbCents')}
        />
        <ButtonGroup>
          <SubmitButton busy={form.busy}>{t('form.saveCase')}</SubmitButton>
        </ButtonGroup>
      </Form>
    </>
  );
}

/** The workspace's settings for offers: term and multiplier (beheerder, programmamanager). */
export function SettingsForm({ settings }: { settings: { termMonths: number; preferentialMultiplier: number } }) {
  const t = useT(m);
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const [term, setTerm] = useState(String(settings.termMonths));
  const [multiplier, setMultiplier] = useState(new Intl.NumberFormat('nl-NL').format(settings.preferentialMultiplier));
  const [saved, setSaved] = useState('');
  const fields: Record<string, FieldRef> = {
    termMonths: { id: 'yd-s-term', label: t('calc.term') },
    preferentialMultiplier: { id: 'yd-s-multiplier', label: t('calc.multiplier') },
  };
  const form = useFormSubmit({
    fields,
    send: () => {
      const termMonths = parseWhole(term);
      const factor = parseDecimal(multiplier);
      const errors: FieldError[] = [];
      if (termMonths === null || termMonths < 1 || termMonths > 120) errors.push({ path: 'termMonths', message: t('calc.error.term') });
      if (factor === null || factor < 1 || factor > 10) errors.push({ path: 'preferentialMultiplier', message: t('calc.error.multiplier') });
      if (errors.length) throw new ApiError(400, 'request.invalid', t('calc.error.summary'), errors);
      return api.patch(wsPath(workspace.slug, 'youth-debt/settings'), { termMonths, preferentialMultiplier: factor });
    },
    onSaved: async () => {
      setSaved(t('settings.saved'));
      await refreshAfterWrite(client, { queryKey: ['w', workspace.slug, 'youth-debt'] });
    },
  });
  return (
    <>
      <p className="nl-paragraph" role="status">
        {saved}
      </p>
      <Form form={form}>
        <TextField id="yd-s-term" label={t('calc.term')} description={t('calc.term.help')} inputMode="numeric" autoComplete="off" className="dichter-input-short" value={term} onChange={(e) => setTerm(e.target.value)} error={form.fieldError('termMonths')} />
        <TextField
          id="yd-s-multiplier"
          label={t('calc.multiplier')}
          description={t('calc.multiplier.help')}
          inputMode="decimal"
          autoComplete="off"
          className="dichter-input-short"
          value={multiplier}
          onChange={(e) => setMultiplier(e.target.value)}
          error={form.fieldError('preferentialMultiplier')}
        />
        <ButtonGroup>
          <SubmitButton busy={form.busy}>{t('settings.save')}</SubmitButton>
        </ButtonGroup>
      </Form>
    </>
  );
}
