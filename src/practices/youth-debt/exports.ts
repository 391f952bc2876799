import type { ServiceContext } from '../../platform/context';
import * as repo from './repository';
import { participantNumber } from './service';

/**
 * What `dichter export` writes for the youth-debt module: settings, creditors, participants,
 * debts, offers and credits, the ledger, plans, outcomes, questionnaires and the programme's own
 * figures (fund, MKBA, toolkit). Participants go out pseudonymous (number, no name, contact or
 * date of birth); contact notes and the documents on debts stay home: an export file travels
 * further than the two people allowed to see them. Link tokens are never exported (only their hashes exist anyway).
 */
export async function exportYouthDebt(ctx: ServiceContext): Promise<Record<string, unknown[]>> {
  const scope = ctx.workspace;
  if (!scope) return {};
  const [settings, creditors, participants, debts] = await Promise.all([
    repo.getSettings(ctx.db, scope.id),
    repo.listCreditors(ctx.db, scope.id),
    repo.listParticipants(ctx.db, scope.id, { limit: 1_000_000, offset: 0 }),
    repo.listDebts(ctx.db, scope.id, { limit: 10_000_000, offset: 0 }),
  ]);
  return {
    youthDebtSettings: settings ? [{ termMonths: settings.termMonths, preferentialMultiplier: settings.preferentialMultiplierHundredths / 100 }] : [],
    youthDebtCreditors: creditors.map((c) => ({ id: c.id, name: c.name, address: c.address, preferential: c.preferential })),
    youthDebtParticipants: participants.items.map((p) => ({
      id: p.id,
      number: participantNumber(p.number),
      status: p.status,
      startDate: p.startDate,
      areaId: p.areaId,
      coachUserId: p.coachUserId,
      counsellorUserId: p.counsellorUserId,
      leavingReason: p.leavingReason,
      monthlyIncomeCents: p.monthlyIncomeCents,
      vtlbCents: p.vtlbCents,
    })),
    youthDebtDebts: debts.items.map((d) => ({ id: d.id, participantId: d.participantId, creditorId: d.creditorId, amountCents: d.amountCents, preferential: d.preferential, status: d.status })),
    ...Object.fromEntries(await Promise.all(TABLES.map(async ([key, table, columns, order]) => [key, await repo.exportRows(ctx.db, scope.id, table, columns, order)] as const))),
  };
}

/** The other tables, by export key: only columns without personal data. */
const TABLES: [string, string, string[], string?][] = [
  ['youthDebtOffers', 'youth_debt_offers', ['id', 'participant_id', 'version', 'status', 'sent_date', 'monthly_capacity_cents', 'term_months', 'preferential_multiplier_hundredths', 'available_cents', 'paid_out_cents']],
  ['youthDebtOfferLines', 'youth_debt_offer_lines', ['id', 'offer_id', 'participant_id', 'debt_id', 'position', 'creditor_name', 'debt_cents', 'preferential', 'payout_cents', 'percentage_hundredths', 'response', 'counter_cents', 'agreed_cents', 'responded_date'], 'id'],
  ['youthDebtCredits', 'youth_debt_credits', ['id', 'participant_id', 'offer_id', 'amount_cents', 'granted_date', 'term_months', 'monthly_instalment_cents']],
  ['youthDebtLedgerEntries', 'youth_debt_ledger_entries', ['id', 'participant_id', 'credit_id', 'kind', 'entry_date', 'amount_cents', 'host', 'quarter_hours', 'hourly_rate_cents', 'confirmed_date']],
  ['youthDebtGoals', 'youth_debt_goals', ['id', 'participant_id', 'domain', 'status', 'progress', 'reached_on']],
  ['youthDebtContacts', 'youth_debt_contacts', ['id', 'participant_id', 'contact_date', 'kind', 'duration_minutes', 'observation_id']],
  ['youthDebtOutcomes', 'youth_debt_outcomes', ['participant_id', 'debt_free', 'in_education', 'in_work', 'stable_housing', 'social_assistance', 'recorded_on'], 'participant_id'],
  ['youthDebtQuestionnaires', 'youth_debt_questionnaires', ['id', 'participant_id', 'moment', 'respondent', 'school', 'werk', 'wonen', 'gezondheid', 'financien', 'sociaal_netwerk', 'welzijn', 'filled_at']],
  ['youthDebtFund', 'youth_debt_fund', ['capital_cents', 'capital_date', 'sib_debt_free_cents', 'sib_work_or_school_cents'], 'workspace_id'],
  ['youthDebtMkba', 'youth_debt_mkba', ['assumptions'], 'workspace_id'],
  ['youthDebtToolkitSteps', 'youth_debt_toolkit_steps', ['step', 'done_on', 'note'], 'step'],
];
