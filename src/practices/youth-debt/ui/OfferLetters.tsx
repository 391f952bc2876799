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
  ExternalLink,
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
import { formatEuros, formatPercent, parseEuros } from './money';

/** Sending the offer to the creditors, their letters and responses, and the credit (participant page). */
export const lm = defineMessages(
  {
    'letters.title': 'Voorstel aan schuldeisers',
    'letters.intro': 'Verstuur het voorstel hierboven aan de schuldeisers. De bedragen worden dan per schuldeiser vastgelegd: een brief die verstuurd is, verandert niet meer als schulden of adressen later wijzigen.',
    'letters.none': 'Er is nog geen voorstel verstuurd.',
    'letters.noneHelp': 'Kies ‘Voorstel versturen’ zodra de schulden, het inkomen en het VTLB kloppen. Daarna opent u per schuldeiser de brief en legt u de reactie vast.',
    'letters.send': 'Voorstel versturen',
    'letters.sendAgain': 'Nieuw voorstel versturen',
    'letters.confirmTitle': 'Voorstel versturen?',
    'letters.confirmBody': 'Het voorstel wordt per schuldeiser vastgelegd zoals het nu is berekend, en de schulden krijgen de status ‘voorstel gedaan’.',
    'letters.confirmReplace': 'Het openstaande voorstel {version} wordt vervangen; reacties daarop blijven bewaard bij dat voorstel.',
    'letters.sent': 'Voorstel {version} is verstuurd.',
    'letters.summary': 'Voorstel {version}, verstuurd op {date}: {accepted} akkoord, {refused} geweigerd, {countered} tegenvoorstel, {awaiting} wacht op reactie.',
    'letters.caption': 'Verstuurd voorstel per schuldeiser',
    'letters.creditor': 'Schuldeiser',
    'letters.debt': 'Schuld',
    'letters.offer': 'Aanbod',
    'letters.response': 'Reactie',
    'letters.letter': 'Brief',
    'letters.html': 'Brief aan {creditor} openen',
    'letters.htmlShort': 'Openen',
    'letters.pdf': 'Brief aan {creditor} als PDF',
    'letters.pdfShort': 'PDF',
    'letters.namesOnly': 'De brieven noemen de deelnemer bij naam. Alleen de eigen jongerenbegeleider en schuldhulpverlener kunnen ze openen; dat openen wordt vastgelegd.',
    'letters.earlier': 'Eerdere voorstellen: {list}.',
    'letters.earlierItem': 'voorstel {version} van {date} ({status})',
    'option.akkoord': 'akkoord',
    'option.geweigerd': 'geweigerd',
    'option.tegenvoorstel': 'tegenvoorstel',
    'response.none': 'wacht op reactie',
    'response.akkoord': 'akkoord',
    'response.akkoordAmount': 'akkoord voor {amount}',
    'response.geweigerd': 'geweigerd',
    'response.tegenvoorstel': 'tegenvoorstel: {amount}',
    'offerStatus.verstuurd': 'verstuurd',
    'offerStatus.geaccepteerd': 'iedereen akkoord',
    'offerStatus.vervangen': 'vervangen',
    'next.title': 'Volgende stap',
    'next.refused': '{creditor} weigert: {reason}',
    'next.refusedStep': 'Nieuw voorstel doen of verzoek tot dwangakkoord (art. 287a Fw) overwegen.',
    'next.countered': '{creditor} doet een tegenvoorstel van {amount}.',
    'next.counteredStep': 'Neem het tegenvoorstel aan (leg ‘akkoord’ vast met het afgesproken bedrag) of doe een nieuw voorstel.',
    'respond.title': 'Reactie vastleggen',
    'respond.line': 'Schuldeiser',
    'respond.choose': 'Kies…',
    'respond.response': 'Reactie',
    'respond.reason': 'Reden of toelichting',
    'respond.reasonHelp': 'Verplicht bij een weigering. Geen telefoonnummers of e-mailadressen.',
    'respond.counter': 'Bedrag van het tegenvoorstel (euro)',
    'respond.agreed': 'Afgesproken bedrag (euro)',
    'respond.agreedHelp': 'Laat leeg als de schuldeiser het aanbod aanneemt; vul een ander bedrag in als u een tegenvoorstel aanneemt.',
    'respond.save': 'Reactie vastleggen',
    'respond.saved': 'Reactie van {creditor} vastgelegd.',
    'respond.granted': 'Alle schuldeisers zijn akkoord: het krediet is verleend.',
    'respond.errorLine': 'Kies een schuldeiser.',
    'respond.errorAmount': 'Vul een bedrag in euro in, bijvoorbeeld 1234,56.',
    'respond.errorSummary': 'Niet alle velden zijn goed ingevuld.',
    'credit.title': 'Krediet',
    'credit.granted': 'Alle schuldeisers gingen akkoord. Het krediet is verleend op {date} en de schulden zijn geregeld.',
    'credit.amount': 'Krediet',
    'credit.grantedOn': 'Verleend op',
    'credit.term': 'Looptijd',
    'credit.termValue': '{months} maanden',
    'credit.instalment': 'Maandtermijn',
    'credit.instalmentValue': '{amount} (de termijnen verschillen hoogstens 1 cent en tellen precies op tot het krediet)',
    'settings.lettersTitle': 'Brief aan schuldeisers en tegenprestatie',
    'settings.template': 'Briefsjabloon',
    'settings.templateHelp': 'Elke regel wordt een alinea. Plaatshouders: {list}. Een verstuurd voorstel houdt het sjabloon van dat moment.',
    'settings.hourlyRate': 'Uurtarief maatschappelijke tegenprestatie (euro)',
    'settings.hourlyRateHelp': 'Zoveel is een uur tegenprestatie waard. Een vastgelegde tegenprestatie houdt het tarief van dat moment.',
    'settings.default': 'Standaardsjabloon terugzetten',
    'settings.save': 'Opslaan',
    'settings.saved': 'Briefsjabloon en uurtarief opgeslagen.',
    'settings.current': 'Uurtarief voor de tegenprestatie: {rate} per uur. De brief aan schuldeisers volgt {template}.',
    'settings.currentDefault': 'het standaardsjabloon',
    'settings.currentOwn': 'een eigen sjabloon van de werkruimte',
    'settings.errorRate': 'Vul een bedrag in euro in van 0 tot en met 1000.',
  },
  {
    'letters.title': 'Offer to creditors',
    'letters.intro': 'Send the offer above to the creditors. The amounts are then recorded per creditor: a letter that went out no longer changes when debts or addresses change later.',
    'letters.none': 'No offer has been sent yet.',
    'letters.noneHelp': 'Choose ‘Send offer’ once the debts, the income and the VTLB are right. Then open the letter per creditor and record the response.',
    'letters.send': 'Send offer',
    'letters.sendAgain': 'Send a new offer',
    'letters.confirmTitle': 'Send the offer?',
    'letters.confirmBody': 'The offer is recorded per creditor as it is calculated now, and the debts get the status ‘offer made’.',
    'letters.confirmReplace': 'The open offer {version} is replaced; responses to it stay with that offer.',
    'letters.sent': 'Offer {version} has been sent.',
    'letters.summary': 'Offer {version}, sent on {date}: {accepted} accepted, {refused} refused, {countered} counter-proposal, {awaiting} awaiting a response.',
    'letters.caption': 'Sent offer per creditor',
    'letters.creditor': 'Creditor',
    'letters.debt': 'Debt',
    'letters.offer': 'Offer',
    'letters.response': 'Response',
    'letters.letter': 'Letter',
    'letters.html': 'Open the letter to {creditor}',
    'letters.htmlShort': 'Open',
    'letters.pdf': 'Letter to {creditor} as PDF',
    'letters.pdfShort': 'PDF',
    'letters.namesOnly': 'The letters name the participant. Only their own coach and debt counsellor can open them; opening is recorded.',
    'letters.earlier': 'Earlier offers: {list}.',
    'letters.earlierItem': 'offer {version} of {date} ({status})',
    'option.akkoord': 'accepted',
    'option.geweigerd': 'refused',
    'option.tegenvoorstel': 'counter-proposal',
    'response.none': 'awaiting a response',
    'response.akkoord': 'accepted',
    'response.akkoordAmount': 'accepted for {amount}',
    'response.geweigerd': 'refused',
    'response.tegenvoorstel': 'counter-proposal: {amount}',
    'offerStatus.verstuurd': 'sent',
    'offerStatus.geaccepteerd': 'all accepted',
    'offerStatus.vervangen': 'replaced',
    'next.title': 'Next step',
    'next.refused': '{creditor} refuses: {reason}',
    'next.refusedStep': 'Make a new offer or consider a request for a court-imposed settlement (art. 287a Fw).',
    'next.countered': '{creditor} makes a counter-proposal of {amount}.',
    'next.counteredStep': 'Take the counter-proposal (record ‘accepted’ with the agreed amount) or make a new offer.',
    'respond.title': 'Record a response',
    'respond.line': 'Creditor',
    'respond.choose': 'Choose…',
    'respond.response': 'Response',
    'respond.reason': 'Reason or explanation',
    'respond.reasonHelp': 'Required for a refusal. No phone numbers or e-mail addresses.',
    'respond.counter': 'Amount of the counter-proposal (euro)',
    'respond.agreed': 'Agreed amount (euro)',
    'respond.agreedHelp': 'Leave empty if the creditor accepts the offer; enter another amount when you take a counter-proposal.',
    'respond.save': 'Record response',
    'respond.saved': 'Response of {creditor} recorded.',
    'respond.granted': 'All creditors accepted: the credit has been granted.',
    'respond.errorLine': 'Choose a creditor.',
    'respond.errorAmount': 'Enter an amount in euros, for example 1234.56.',
    'respond.errorSummary': 'Not all fields are filled in correctly.',
    'credit.title': 'Credit',
    'credit.granted': 'All creditors accepted. The credit was granted on {date} and the debts are settled.',
    'credit.amount': 'Credit',
    'credit.grantedOn': 'Granted on',
    'credit.term': 'Term',
    'credit.termValue': '{months} months',
    'credit.instalment': 'Monthly instalment',
    'credit.instalmentValue': '{amount} (instalments differ by at most 1 cent and add up exactly to the credit)',
    'settings.lettersTitle': 'Letter to creditors and counter-performance',
    'settings.template': 'Letter template',
    'settings.templateHelp': 'Every line becomes a paragraph. Placeholders: {list}. A sent offer keeps the template of that moment.',
    'settings.hourlyRate': 'Hourly rate of the counter-performance (euro)',
    'settings.hourlyRateHelp': 'What an hour of counter-performance is worth. A recorded activity keeps the rate of that moment.',
    'settings.default': 'Restore the default template',
    'settings.save': 'Save',
    'settings.saved': 'Letter template and hourly rate saved.',
    'settings.current': 'Hourly rate of the counter-performance: {rate} an hour. The letter to creditors follows {template}.',
    'settings.currentDefault': 'the default template',
    'settings.currentOwn': 'a template of this workspace',
    'settings.errorRate': 'Enter an amount in euros from 0 to 1000.',
  },
);

type Response = 'akkoord' | 'geweigerd' | 'tegenvoorstel';
type OfferStatus = 'verstuurd' | 'geaccepteerd' | 'vervangen';
interface OfferLine {
  id: string;
  creditorName: string;
  debtCents: number;
  payoutCents: number;
  percentage: number;
  preferential: boolean;
  response: Response | null;
  responseReason: string | null;
  counterCents: number | null;
  agreedCents: number | null;
  reference: string;
}
export interface Credit {
  amountCents: number;
  grantedDate: string;
  termMonths: number;
  monthlyInstalmentCents: number;
}
interface Settlement {
  offer: {
    version: number;
    status: OfferStatus;
    sentDate: string;
    lines: OfferLine[];
    accepted: number;
    refused: number;
    countered: number;
    awaiting: number;
  } | null;
  earlier: { id: string; version: number; sentDate: string; status: OfferStatus }[];
  credit: Credit | null;
  can: { send: boolean; respond: boolean; readLetters: boolean };
}

const PLACEHOLDERS = ['schuldeiser', 'adres', 'deelnemer', 'deelnemernummer', 'schuldbedrag', 'aanbod', 'percentage', 'looptijd', 'datum', 'reactietermijn', 'werkruimte'];

function useSettlement(participantId: string) {
  const { workspace } = useWorkspace();
  const path = `participants/${participantId}/settlement`;
  return useQuery({
    queryKey: ['w', workspace.slug, 'youth-debt', path],
    queryFn: () => api.get<Settlement>(wsPath(workspace.slug, `youth-debt/${path}`)),
    retry: (count, error) => !(error instanceof ApiError && [400, 403, 404].includes(error.status)) && count < 2,
  });
}

/** The credit in a few lines; also shown above the ledger. */
export function CreditFacts({ credit }: { credit: Credit }) {
  const t = useT(lm);
  const f = useFormat();
  const { locale } = useLocale();
  return (
    <DataList
      items={[
        [t('credit.amount'), formatEuros(credit.amountCents, locale)],
        [t('credit.term'), t('credit.termValue', { months: credit.termMonths })],
        [t('credit.instalment'), t('credit.instalmentValue', { amount: formatEuros(credit.monthlyInstalmentCents, locale) })],
        [t('credit.grantedOn'), f.date(credit.grantedDate)],
      ]}
    />
  );
}

/** The section on the participant page (id yd-letters): send, letters, responses with the next step, and the credit. */
export function OfferLetters({ participantId }: { participantId: string }) {
  const t = useT(lm);
  const f = useFormat();
  const { locale } = useLocale();
  const { workspace } = useWorkspace();
  const query = useSettlement(participantId);
  // Outside the forms: the response form goes away once the credit is granted, its message must not.
  const [notice, setNotice] = useState('');
  const euros = (cents: number) => formatEuros(cents, locale);
  const letter = (lineId: string, query = '') => `${wsPath(workspace.slug, `youth-debt/offer-lines/${encodeURIComponent(lineId)}/letter`)}${query}`;
  const responseText = (l: OfferLine) =>
    l.response === null
      ? t('response.none')
      : l.response === 'akkoord'
        ? l.agreedCents !== null && l.agreedCents !== l.payoutCents
          ? t('response.akkoordAmount', { amount: euros(l.agreedCents) })
          : t('response.akkoord')
        : l.response === 'geweigerd'
          ? t('response.geweigerd')
          : t('response.tegenvoorstel', { amount: euros(l.counterCents ?? 0) });
  return (
    <Section id="yd-letters" title={t('letters.title')}>
      <Loaded query={query}>
        {(s) => (
          <>
            <Paragraph>{t('letters.intro')}</Paragraph>
            {s.offer === null ? (
              <EmptyState title={t('letters.none')}>
                <Paragraph>{t('letters.noneHelp')}</Paragraph>
              </EmptyState>
            ) : (
              <>
                <Paragraph role="status">
                  {t('letters.summary', { version: s.offer.version, date: f.date(s.offer.sentDate), accepted: s.offer.accepted, refused: s.offer.refused, countered: s.offer.countered, awaiting: s.offer.awaiting })}
                </Paragraph>
                <DataTable
                  caption={t('letters.caption')}
                  rows={s.offer.lines}
                  rowKey={(l) => l.id}
                  columns={[
                    { header: t('letters.creditor'), cell: (l) => l.creditorName, rowHeader: true },
                    { header: t('letters.debt'), cell: (l) => euros(l.debtCents), numeric: true },
                    { header: t('letters.offer'), cell: (l) => `${euros(l.payoutCents)} (${formatPercent(l.percentage, locale)})`, numeric: true },
                    { header: t('letters.response'), cell: responseText },
                    s.can.readLetters && {
                      header: t('letters.letter'),
                      cell: (l) => (
                        <>
                          <ExternalLink href={letter(l.id)} target="_blank" rel="noopener" aria-label={t('letters.html', { creditor: l.creditorName })}>
                            {t('letters.htmlShort')}
                          </ExternalLink>
                          {' · '}
                          <ExternalLink href={letter(l.id, '?format=pdf')} aria-label={t('letters.pdf', { creditor: l.creditorName })}>
                            {t('letters.pdfShort')}
                          </ExternalLink>
                        </>
                      ),
                    },
                  ]}
                />
                {!s.can.readLetters && <Paragraph small>{t('letters.namesOnly')}</Paragraph>}
                <NextSteps lines={s.offer.lines} />
                {s.earlier.length > 0 && (
                  <Paragraph small>
                    {t('letters.earlier', { list: s.earlier.map((o) => t('letters.earlierItem', { version: o.version, date: f.date(o.sentDate), status: t(`offerStatus.${o.status}`) })).join('; ') })}
                  </Paragraph>
                )}
              </>
            )}
            <p className="nl-paragraph" role="status">
              {notice}
            </p>
            {s.can.send && <SendOffer participantId={participantId} openVersion={s.offer?.status === 'verstuurd' ? s.offer.version : null} onDone={setNotice} />}
            {s.can.respond && s.offer && <ResponseForm participantId={participantId} lines={s.offer.lines} onSaved={setNotice} />}
            {s.credit && (
              <>
                <Heading level={3}>{t('credit.title')}</Heading>
                <Paragraph>{t('credit.granted', { date: f.date(s.credit.grantedDate) })}</Paragraph>
                <CreditFacts credit={s.credit} />
              </>
            )}
          </>
        )}
      </Loaded>
    </Section>
  );
}

/** A reason as a sentence: with a full stop unless it already ends in punctuation. */
const sentence = (text: string) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

/** Refusals and counter-proposals, each with what to do next. */
function NextSteps({ lines }: { lines: OfferLine[] }) {
  const t = useT(lm);
  const { locale } = useLocale();
  const open = lines.filter((l) => l.response === 'geweigerd' || l.response === 'tegenvoorstel');
  if (!open.length) return null;
  return (
    <Alert type="warning">
      <Heading level={3} appearance={4}>
        {t('next.title')}
      </Heading>
      {open.map((l) =>
        l.response === 'geweigerd' ? (
          <Paragraph key={l.id}>
            {t('next.refused', { creditor: l.creditorName, reason: sentence(l.responseReason ?? '') })} <strong>{t('next.refusedStep')}</strong>
          </Paragraph>
        ) : (
          <Paragraph key={l.id}>
            {t('next.countered', { creditor: l.creditorName, amount: formatEuros(l.counterCents ?? 0, locale) })} {l.responseReason ? `(${l.responseReason}) ` : ''}
            <strong>{t('next.counteredStep')}</strong>
          </Paragraph>
        ),
      )}
    </Alert>
  );
}

function SendOffer({ participantId, openVersion, onDone }: { participantId: string; openVersion: number | null; onDone(message: string): void }) {
  const t = useT(lm);
  const ts = useT(shellMessages);
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const send = useMutation({
    mutationFn: () => api.post<Settlement>(wsPath(workspace.slug, `youth-debt/participants/${participantId}/settlement/send`), {}),
    onSuccess: async (s) => {
      setOpen(false);
      onDone(t('letters.sent', { version: s.offer?.version ?? '' }));
      await refreshAfterWrite(client, { queryKey: ['w', workspace.slug, 'youth-debt'] });
    },
  });
  return (
    <>
      <ButtonGroup>
        <Button
          appearance="primary"
          onClick={() => {
            send.reset();
            setOpen(true);
          }}
        >
          {openVersion === null ? t('letters.send') : t('letters.sendAgain')}
        </Button>
      </ButtonGroup>
      <ConfirmDialog
        open={open}
        title={t('letters.confirmTitle')}
        body={
          <>
            <Paragraph>{t('letters.confirmBody')}</Paragraph>
            {openVersion !== null && <Paragraph>{t('letters.confirmReplace', { version: openVersion })}</Paragraph>}
          </>
        }
        confirmLabel={t('letters.send')}
        busy={send.isPending}
        error={send.isError ? <Alert type="error">{errorMessage(send.error, ts)}</Alert> : undefined}
        onConfirm={() => send.mutate()}
        onCancel={() => setOpen(false)}
      />
    </>
  );
}

function ResponseForm({ participantId, lines, onSaved }: { participantId: string; lines: OfferLine[]; onSaved(message: string): void }) {
  const t = useT(lm);
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const [lineId, setLineId] = useState('');
  const [response, setResponse] = useState<Response>('akkoord');
  const [reason, setReason] = useState('');
  const [amount, setAmount] = useState('');
  const fields: Record<string, FieldRef> = {
    line: { id: 'yd-r-line', label: t('respond.line') },
    response: { id: 'yd-r-response', label: t('respond.response') },
    reason: { id: 'yd-r-reason', label: t('respond.reason') },
    counterCents: { id: 'yd-r-amount', label: t('respond.counter') },
    agreedCents: { id: 'yd-r-amount', label: t('respond.agreed') },
  };
  const form = useFormSubmit({
    fields,
    send: () => {
      const errors: FieldError[] = [];
      const cents = amount.trim() ? parseEuros(amount) : undefined;
      if (!lineId) errors.push({ path: 'line', message: t('respond.errorLine') });
      if (cents === null) errors.push({ path: response === 'tegenvoorstel' ? 'counterCents' : 'agreedCents', message: t('respond.errorAmount') });
      if (errors.length) throw new ApiError(400, 'request.invalid', t('respond.errorSummary'), errors);
      return api.post<Settlement>(wsPath(workspace.slug, `youth-debt/offer-lines/${lineId}/response`), {
        response,
        ...(reason.trim() ? { reason } : {}),
        ...(response === 'tegenvoorstel' && cents !== undefined ? { counterCents: cents } : {}),
        ...(response === 'akkoord' && cents !== undefined ? { agreedCents: cents } : {}),
      });
    },
    onSaved: async (s) => {
      const creditor = lines.find((l) => l.id === lineId)?.creditorName ?? '';
      onSaved(s.credit ? t('respond.granted') : t('respond.saved', { creditor }));
      setLineId('');
      setReason('');
      setAmount('');
      setResponse('akkoord');
      await refreshAfterWrite(client, { queryKey: ['w', workspace.slug, 'youth-debt'] });
    },
  });
  return (
    <>
      <Heading level={3}>{t('respond.title')}</Heading>
      <Form form={form}>
        <SelectField
          id="yd-r-line"
          label={t('respond.line')}
          options={[{ value: '', label: t('respond.choose') }, ...lines.map((l) => ({ value: l.id, label: `${l.creditorName} (${l.reference})` }))]}
          value={lineId}
          onChange={(e) => setLineId(e.target.value)}
          error={form.fieldError('line')}
        />
        <SelectField
          id="yd-r-response"
          label={t('respond.response')}
          options={(['akkoord', 'geweigerd', 'tegenvoorstel'] as const).map((r) => ({ value: r, label: t(`option.${r}`) }))}
          value={response}
          onChange={(e) => setResponse(e.target.value as Response)}
          error={form.fieldError('response')}
        />
        <TextAreaField
          id="yd-r-reason"
          label={t('respond.reason')}
          description={t('respond.reasonHelp')}
          optional={response !== 'geweigerd'}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={form.fieldError('reason')}
        />
        {response !== 'geweigerd' && (
          <TextField
            id="yd-r-amount"
            label={response === 'tegenvoorstel' ? t('respond.counter') : t('respond.agreed')}
            description={response === 'akkoord' ? t('respond.agreedHelp') : undefined}
            optional={response === 'akkoord'}
            inputMode="decimal"
            autoComplete="off"
            className="dichter-input-short yd-input-money"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            error={form.fieldError(response === 'tegenvoorstel' ? 'counterCents' : 'agreedCents')}
          />
        )}
        <ButtonGroup>
          <SubmitButton busy={form.busy}>{t('respond.save')}</SubmitButton>
        </ButtonGroup>
      </Form>
    </>
  );
}

/** The settings for letters and counter-performance: the template and the hourly rate (beheerder, programmamanager; others read them). */
export function LetterSettings() {
  const t = useT(lm);
  const { locale } = useLocale();
  const { workspace } = useWorkspace();
  const query = useQuery({
    queryKey: ['w', workspace.slug, 'youth-debt', 'settings'],
    queryFn: () => api.get<{ hourlyRateCents: number; letterTemplate: string; letterTemplateIsDefault: boolean; can: { manage: boolean } }>(wsPath(workspace.slug, 'youth-debt/settings')),
  });
  return (
    <Loaded query={query}>
      {(settings) =>
        settings.can.manage ? (
          <LetterSettingsForm settings={settings} />
        ) : (
          <Paragraph>
            {t('settings.current', { rate: formatEuros(settings.hourlyRateCents, locale), template: settings.letterTemplateIsDefault ? t('settings.currentDefault') : t('settings.currentOwn') })}
          </Paragraph>
        )
      }
    </Loaded>
  );
}

function LetterSettingsForm({ settings }: { settings: { hourlyRateCents: number; letterTemplate: string } }) {
  const t = useT(lm);
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const [template, setTemplate] = useState(settings.letterTemplate);
  const [rate, setRate] = useState(new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2 }).format(settings.hourlyRateCents / 100));
  const [reset, setReset] = useState(false);
  const [saved, setSaved] = useState('');
  const fields: Record<string, FieldRef> = {
    letterTemplate: { id: 'yd-s-template', label: t('settings.template') },
    hourlyRateCents: { id: 'yd-s-rate', label: t('settings.hourlyRate') },
  };
  const form = useFormSubmit({
    fields,
    send: () => {
      const cents = parseEuros(rate);
      if (cents === null || cents > 100_000) throw new ApiError(400, 'request.invalid', t('respond.errorSummary'), [{ path: 'hourlyRateCents', message: t('settings.errorRate') }]);
      return api.patch<{ letterTemplate: string }>(wsPath(workspace.slug, 'youth-debt/settings'), { hourlyRateCents: cents, letterTemplate: reset ? null : template });
    },
    onSaved: async (s) => {
      setTemplate(s.letterTemplate);
      setReset(false);
      setSaved(t('settings.saved'));
      await refreshAfterWrite(client, { queryKey: ['w', workspace.slug, 'youth-debt'] });
    },
  });
  return (
    <>
      <Heading level={3}>{t('settings.lettersTitle')}</Heading>
      <p className="nl-paragraph" role="status">
        {saved}
      </p>
      <Form form={form}>
        <TextField
          id="yd-s-rate"
          label={t('settings.hourlyRate')}
          description={t('settings.hourlyRateHelp')}
          inputMode="decimal"
          autoComplete="off"
          className="dichter-input-short yd-input-money"
          value={rate}
          onChange={(e) => setRate(e.target.value)}
          error={form.fieldError('hourlyRateCents')}
        />
        <TextAreaField
          id="yd-s-template"
          label={t('settings.template')}
          description={t('settings.templateHelp', { list: PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ') })}
          rows={14}
          value={template}
          onChange={(e) => {
            setTemplate(e.target.value);
            setReset(false);
          }}
          error={form.fieldError('letterTemplate')}
        />
        <div className="dichter-field dichter-radio">
          <input id="yd-s-reset" type="checkbox" className="utrecht-checkbox utrecht-checkbox--html-input" checked={reset} onChange={(e) => setReset(e.target.checked)} />
          <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor="yd-s-reset">
            {t('settings.default')}
          </label>
        </div>
        <ButtonGroup>
          <SubmitButton busy={form.busy}>{t('settings.save')}</SubmitButton>
        </ButtonGroup>
      </Form>
    </>
  );
}
