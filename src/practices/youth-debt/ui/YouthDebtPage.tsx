import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Route, Routes, useParams } from 'react-router';
import { api, ApiError, wsPath } from '../../../web/api';
import { useFormat, useLocale, useT } from '../../../web/i18n';
import { NotFoundPage } from '../../../web/pages/NotFoundPage';
import {
  BackLink,
  Button,
  ButtonLink,
  DataList,
  DataTable,
  EmptyState,
  Heading,
  Link,
  Loaded,
  PageHeading,
  Paragraph,
  Section,
  SelectField,
  useNarrowScreen,
  VisuallyHidden,
} from '../../../web/ui';
import { useSession } from '../../../web/session';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import { CalculatorPage } from './CalculatorPage';
import { ToolkitLink, ToolkitPage } from './ToolkitPage';
import { FundSection } from './FundSection';
import { MkbaLink, MkbaPage } from './MkbaPage';
import { Contacts } from './Contacts';
import { Dashboard } from './Dashboard';
import { DebtDocuments } from './DebtDocuments';
import { Ledger } from './Ledger';
import { AddDebtForm, RegisterParticipantPage, SettingsForm, UpdateCaseForm } from './forms';
import { m } from './messages';
import { LetterSettings, OfferLetters } from './OfferLetters';
import { Outcomes } from './Outcomes';
import { PlanSection } from './PlanSection';
import { Questionnaires } from './Questionnaires';
import { formatEuros, formatPercent } from './money';
import { Timeline } from './Timeline';
import './youth-debt.css';

const STATUSES = ['aanmelding', 'intake', 'actief', 'afgerond', 'uitgevallen'] as const;
type Status = (typeof STATUSES)[number];
type DebtStatus = 'open' | 'voorgesteld' | 'akkoord' | 'geweigerd' | 'geregeld';
/** The roles that work on cases (the server's `youth_debt.case.read`). */
const CASE_ROLES = ['beheerder', 'programmamanager', 'professional', 'partner'];

interface MemberRef {
  userId: string;
  name: string;
}
interface ParticipantSummary {
  id: string;
  number: string;
  name: string | null;
  status: Status;
  startDate: string;
  coach: MemberRef | null;
  counsellor: MemberRef | null;
  area: { id: string; name: string } | null;
  debts: number;
  debtTotalCents: number;
}
interface Debt {
  id: string;
  creditorName: string;
  amountCents: number;
  preferential: boolean;
  status: DebtStatus;
  documents: number;
}
interface Participant extends ParticipantSummary {
  can: { edit: boolean; editPersonal: boolean };
  contact: string | null;
  birthDate: string | null;
  personalVisible: boolean;
  ageAtStart: number;
  ageExceptionReason: string | null;
  leavingReason: string | null;
  monthlyIncomeCents: number | null;
  vtlbCents: number | null;
  monthlyCapacityCents: number;
  debtList: Debt[];
}
interface ParticipantOffer {
  availableCents: number;
  paidOutCents: number;
  concurrentPercentage: number;
  preferentialPercentage: number;
  monthlyCapacityCents: number;
  termMonths: number;
  preferentialMultiplier: number;
  debts: { debtId: string; creditor: string; amountCents: number; preferential: boolean; payoutCents: number; percentage: number }[];
}

function useGet<T>(path: string, enabled = true) {
  const { workspace } = useWorkspace();
  return useQuery({
    queryKey: ['w', workspace.slug, 'youth-debt', path],
    queryFn: () => api.get<T>(wsPath(workspace.slug, `youth-debt/${path}`)),
    enabled,
    retry: (count, error) => !(error instanceof ApiError && [400, 403, 404].includes(error.status)) && count < 2,
  });
}

/** The page behind the nav path `schuldenaanpak`: the overview with participants, the calculator and a participant. */
export default function YouthDebtPage() {
  return (
    <Routes>
      <Route index element={<OverviewPage />} />
      <Route path="voorstel-berekenen" element={<CalculatorPage />} />
      <Route path="invoeren" element={<ToolkitPage />} />
      <Route path="mkba" element={<MkbaPage />} />
      <Route path="deelnemers/nieuw" element={<RegisterParticipantPage />} />
      <Route path="deelnemers/:participantId" element={<ParticipantPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

function OverviewPage() {
  const t = useT(m);
  const { workspace } = useWorkspace();
  const pagePath = usePagePath();
  const mayRead = CASE_ROLES.includes(workspace.role);
  const { locale } = useLocale();
  const settings = useGet<{ termMonths: number; preferentialMultiplier: number; can: { manage: boolean } }>('settings');
  const session = useSession();
  return (
    <>
      <PageHeading title={t('title')} />
      <Paragraph lead>{t('intro')}</Paragraph>
      <Section id="yd-calc-link" title={t('calc.link')}>
        <Paragraph>{t('calc.linkIntro')}</Paragraph>
        <ButtonLink appearance="primary" to={pagePath('schuldenaanpak/voorstel-berekenen')}>
          {t('calc.link')}
        </ButtonLink>
      </Section>
      <Section id="yd-dashboard" title="Dashboard">
        <Dashboard />
        {session.data?.user?.isAdmin && (
          <Paragraph>
            {t('approach.linkIntro')} <Link to="/aanpak/schuldenaanpak">{t('approach.link')}</Link>
          </Paragraph>
        )}
      </Section>
      <Section id="yd-participants" title={t('participants.title')}>
        {mayRead ? <ParticipantList /> : <Paragraph>{t('participants.notAllowed')}</Paragraph>}
      </Section>
      <FundSection />
      <MkbaLink />
      <ToolkitLink />
      <Section id="yd-settings" title={t('settings.title')}>
        <Loaded query={settings}>
          {(s) => (
            <>
              <Paragraph>{t('settings.intro')}</Paragraph>
              {s.can.manage ? (
                <SettingsForm settings={s} />
              ) : (
                <Paragraph>{t('settings.current', { term: s.termMonths, m: new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB').format(s.preferentialMultiplier) })}</Paragraph>
              )}
            </>
          )}
        </Loaded>
        <LetterSettings />
      </Section>
    </>
  );
}

function ParticipantList() {
  const t = useT(m);
  const f = useFormat();
  const { locale } = useLocale();
  const pagePath = usePagePath();
  const narrow = useNarrowScreen();
  const [status, setStatus] = useState<Status | ''>('');
  const query = useGet<{ items: ParticipantSummary[]; total: number; can: { create: boolean } }>(`participants?limit=500${status ? `&status=${status}` : ''}`);
  const link = (p: ParticipantSummary) => <Link to={pagePath(`schuldenaanpak/deelnemers/${p.id}`)}>{p.number}</Link>;
  const name = (p: ParticipantSummary) => p.name ?? <span className="dichter-small">{t('name.hidden')}</span>;
  return (
    <>
      <Paragraph>{t('participants.intro')}</Paragraph>
      {query.data?.can.create && (
        <Paragraph>
          <ButtonLink to={pagePath('schuldenaanpak/deelnemers/nieuw')}>{t('form.registerLink')}</ButtonLink>
        </Paragraph>
      )}
      <SelectField
        id="yd-status-filter"
        label={t('participants.filter')}
        fieldClassName="yd-filter"
        value={status}
        onChange={(e) => setStatus(e.target.value as Status | '')}
        options={[{ value: '', label: t('participants.filterAll') }, ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
      />
      <Loaded
        query={query}
        isEmpty={(d) => d.items.length === 0}
        empty={
          <EmptyState title={t('participants.empty')}>
            <Paragraph>{t('participants.emptyHelp')}</Paragraph>
          </EmptyState>
        }
      >
        {(data) => (
          <>
            <Paragraph className="dichter-small" role="status">
              {t('participants.count', { total: data.total })}
            </Paragraph>
            {narrow ? (
              <ul className="dichter-cards yd-participant-cards">
                {data.items.map((p) => (
                  <li key={p.id} className="dichter-card">
                    <Heading level={3} appearance={4}>
                      {link(p)}
                    </Heading>
                    <DataList
                      items={[
                        [t('col.name'), name(p)],
                        [t('col.status'), t(`status.${p.status}`)],
                        [t('col.coach'), p.coach?.name ?? t('nobody')],
                        [t('col.debt'), formatEuros(p.debtTotalCents, locale)],
                      ]}
                    />
                  </li>
                ))}
              </ul>
            ) : (
              <DataTable
                caption={t('participants.caption')}
                captionHidden
                rows={data.items}
                rowKey={(p) => p.id}
                columns={[
                  { header: t('col.number'), cell: link, rowHeader: true },
                  { header: t('col.name'), cell: name },
                  { header: t('col.status'), cell: (p) => t(`status.${p.status}`) },
                  { header: t('col.coach'), cell: (p) => p.coach?.name ?? t('nobody') },
                  { header: t('col.start'), cell: (p) => f.date(p.startDate) },
                  { header: t('col.debt'), cell: (p) => formatEuros(p.debtTotalCents, locale), numeric: true },
                ]}
              />
            )}
          </>
        )}
      </Loaded>
    </>
  );
}

/** The debts of a participant; their own coach and counsellor open a debt's documents from the table. */
function Debts({ participant: p }: { participant: Participant }) {
  const t = useT(m);
  const { locale } = useLocale();
  const [openId, setOpenId] = useState<string | null>(null);
  const open = p.debtList.find((d) => d.id === openId);
  return (
    <>
      {p.personalVisible ? <Paragraph>{t('debts.documentsIntro')}</Paragraph> : <Paragraph>{t('debts.documentsHidden')}</Paragraph>}
      <DataTable
        caption={t('debts.caption')}
        captionHidden
        rows={p.debtList}
        rowKey={(d) => d.id}
        columns={[
          { header: t('debts.creditor'), cell: (d) => `${d.creditorName} (${d.preferential ? t('kind.preferential') : t('kind.concurrent')})`, rowHeader: true },
          { header: t('debts.status'), cell: (d) => t(`debtStatus.${d.status}`) },
          { header: t('debts.amount'), cell: (d) => formatEuros(d.amountCents, locale), numeric: true },
          {
            header: t('debts.documents'),
            cell: (d) =>
              p.personalVisible ? (
                <Button appearance="subtle" aria-pressed={d.id === openId} onClick={() => setOpenId(d.id === openId ? null : d.id)}>
                  {t('debts.documentsButton', { n: d.documents })} <VisuallyHidden>{t('debts.documentsOf', { creditor: d.creditorName })}</VisuallyHidden>
                </Button>
              ) : (
                d.documents
              ),
          },
        ]}
      />
      {open && <DebtDocuments key={open.id} debt={open} participantId={p.id} />}
    </>
  );
}

function ParticipantPage() {
  const t = useT(m);
  const f = useFormat();
  const { locale } = useLocale();
  const pagePath = usePagePath();
  const { participantId = '' } = useParams();
  const query = useGet<Participant>(`participants/${participantId}`);
  const offer = useGet<ParticipantOffer>(`participants/${participantId}/offer`, query.isSuccess && query.data.monthlyIncomeCents !== null && query.data.vtlbCents !== null);
  const euros = (cents: number | null) => (cents === null ? t('participant.unknown') : formatEuros(cents, locale));
  if (query.isError && query.error instanceof ApiError && [400, 404].includes(query.error.status)) {
    return (
      <>
        <BackLink to={pagePath('schuldenaanpak')}>{t('participant.back')}</BackLink>
        <PageHeading title={t('participant.notFound')} />
      </>
    );
  }
  return (
    <>
      <BackLink to={pagePath('schuldenaanpak')}>{t('participant.back')}</BackLink>
      <Loaded query={query}>
        {(p) => (
          <>
            <PageHeading title={p.name ? `${p.number} – ${p.name}` : p.number} />
            <Paragraph>{p.personalVisible ? t('participant.personalShown') : t('participant.personalHidden')}</Paragraph>
            <Section id="yd-details" title={t('participant.details')}>
              <DataList
                items={[
                  ...(p.personalVisible
                    ? ([
                        [t('participant.name'), p.name],
                        [t('participant.contact'), p.contact || t('participant.unknown')],
                        [t('participant.birthDate'), p.birthDate ? f.date(p.birthDate) : t('participant.unknown')],
                      ] as [string, string][])
                    : []),
                  [t('participant.age'), t('participant.ageValue', { age: p.ageAtStart })],
                  ...(p.ageExceptionReason ? ([[t('participant.ageException'), p.ageExceptionReason]] as [string, string][]) : []),
                  [t('participant.status'), t(`status.${p.status}`)],
                  ...(p.leavingReason ? ([[t('participant.leavingReason'), p.leavingReason]] as [string, string][]) : []),
                  [t('participant.start'), f.date(p.startDate)],
                  [t('participant.coach'), p.coach?.name ?? t('nobody')],
                  [t('participant.counsellor'), p.counsellor?.name ?? t('nobody')],
                  [t('participant.area'), p.area?.name ?? t('participant.unknown')],
                  [t('participant.income'), euros(p.monthlyIncomeCents)],
                  [t('participant.vtlb'), euros(p.vtlbCents)],
                  [t('participant.capacity'), euros(p.monthlyCapacityCents)],
                ]}
              />
            </Section>
            <Section id="yd-debts" title={t('debts.title')}>
              {p.debtList.length === 0 ? (
                <Paragraph>{t('debts.empty')}</Paragraph>
              ) : (
                <Debts participant={p} />
              )}
            </Section>
            {p.can.edit && (
              <Section id="yd-update-case" title={t('form.caseTitle')}>
                <UpdateCaseForm participant={p} />
              </Section>
            )}
            {p.can.edit && (
              <Section id="yd-add-debt" title={t('form.addDebtTitle')}>
                <AddDebtForm participantId={p.id} />
              </Section>
            )}
            <Section id="yd-offer" title={t('offer.title')}>
              {p.debtList.length === 0 ? (
                <Paragraph>{t('offer.empty')}</Paragraph>
              ) : p.monthlyIncomeCents === null || p.vtlbCents === null ? (
                <Paragraph>{t('offer.noIncome')}</Paragraph>
              ) : (
                <Loaded query={offer}>
                  {(o) => (
                    <>
                      <Paragraph>
                        {t('offer.intro', {
                          capacity: formatEuros(o.monthlyCapacityCents, locale),
                          term: o.termMonths,
                          available: formatEuros(o.availableCents, locale),
                          m: new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB').format(o.preferentialMultiplier),
                        })}
                      </Paragraph>
                      <DataList
                        items={[
                          [t('result.paidOut'), formatEuros(o.paidOutCents, locale)],
                          [t('result.concurrent'), formatPercent(o.concurrentPercentage, locale)],
                          [t('result.preferential'), formatPercent(o.preferentialPercentage, locale)],
                        ]}
                      />
                      <DataTable
                        caption={t('result.caption')}
                        rows={o.debts}
                        rowKey={(d) => d.debtId}
                        columns={[
                          { header: t('result.creditor'), cell: (d) => `${d.creditor} (${d.preferential ? t('kind.preferential') : t('kind.concurrent')})`, rowHeader: true },
                          { header: t('result.debt'), cell: (d) => formatEuros(d.amountCents, locale), numeric: true },
                          { header: t('result.percentage'), cell: (d) => formatPercent(d.percentage, locale), numeric: true },
                          { header: t('result.payout'), cell: (d) => formatEuros(d.payoutCents, locale), numeric: true },
                        ]}
                      />
                    </>
                  )}
                </Loaded>
              )}
            </Section>
            <OfferLetters participantId={p.id} />
            <Ledger participantId={p.id} />
            <PlanSection participantId={p.id} />
            <Contacts participantId={p.id} />
            <Timeline participantId={p.id} />
            <Outcomes participantId={p.id} />
            <Questionnaires participantId={p.id} />
          </>
        )}
      </Loaded>
    </>
  );
}
