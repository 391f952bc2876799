import { recordAudit } from '../../platform/audit';
import type { ServiceContext, WorkspaceScope } from '../../platform/context';
import { transaction, type Db } from '../../platform/db/database';
import { DomainError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { findPersonalData } from '../../platform/privacy';
import { localDate } from '../../platform/workdays';
import { activityValueCents, ledgerSummary } from './ledger';
import * as lrepo from './letters.repository';
import { creditView } from './letters.service';
import * as repo from './ledger.repository';
import type { ActivityInput, Confirmer, ConfirmInput, EntryKind, EntryListQuery, PaymentInput } from './ledger.schema';
import { youthDebtPolicy as policy } from './policies';
import { type ParticipantRow } from './repository';
import { participantNumber, settingsOf } from './service';
import { fieldError, participantOr404 } from './common';

/*
 * Repaying the settlement credit: payments in money and counter-performance activities valued
 * at the workspace's hourly rate (only confirmed ones count), and the ledger that adds them up.
 */

const audit = (db: Db, ctx: ServiceContext, scope: WorkspaceScope, entityId: string, action: string, label: string, after: Record<string, unknown> | null, before?: Record<string, unknown> | null) =>
  recordAudit(db, { workspaceId: scope.id, actor: ctx.actor, entity: 'youth_debt_ledger_entry', entityId, action, label, after, before: before ?? null });

const isCoach = (ctx: ServiceContext, p: Pick<ParticipantRow, 'coachUserId'>) => !!ctx.actor?.userId && p.coachUserId === ctx.actor.userId;

const entryView = (e: repo.LedgerEntryListRow) => {
  const activity = e.kind === 'activiteit';
  const confirmed = !activity || e.confirmedDate !== null;
  return {
    id: e.id,
    participantId: e.participantId,
    participantNumber: participantNumber(e.participantNumber),
    kind: e.kind as EntryKind,
    date: e.entryDate,
    amountCents: e.amountCents === null ? null : Number(e.amountCents),
    host: e.host,
    description: e.description,
    quarterHours: e.quarterHours,
    hourlyRateCents: e.hourlyRateCents,
    valueCents: activity ? activityValueCents(e.quarterHours!, e.hourlyRateCents!) : null,
    confirmed,
    confirmedBy: activity && e.confirmedDate ? { kind: (e.confirmedByUserId ? 'coach' : 'host') as Confirmer, name: e.confirmedByName ?? '' } : null,
    confirmedDate: activity ? e.confirmedDate : null,
  };
};

/** The ledger of a participant: the credit, its schedule, every entry, and the totals as of today. */
export async function ledger(ctx: ServiceContext, participantId: string) {
  const scope = policy.authorize(ctx, 'youth_debt.case.read');
  const p = await participantOr404(ctx.db, scope, participantId);
  const [credit, entries, settings] = await Promise.all([lrepo.findCreditOfParticipant(ctx.db, scope.id, participantId), repo.entriesOfParticipant(ctx.db, scope.id, participantId), settingsOf(ctx.db, scope.id)]);
  const asOf = localDate(new Date());
  const manage = policy.can(scope, 'youth_debt.case.manage');
  const summary = credit
    ? ledgerSummary(
        { amountCents: Number(credit.amountCents), termMonths: credit.termMonths, grantedDate: credit.grantedDate },
        entries.map((e) =>
          e.kind === 'betaling'
            ? { kind: 'betaling' as const, date: e.entryDate, amountCents: Number(e.amountCents) }
            : { kind: 'activiteit' as const, date: e.entryDate, quarterHours: e.quarterHours!, hourlyRateCents: e.hourlyRateCents!, confirmed: e.confirmedDate !== null },
        ),
        asOf,
      )
    : null;
  const { schedule, ...totals } = summary ?? { schedule: [] };
  return {
    participantId: p.id,
    number: participantNumber(p.number),
    asOf,
    hourlyRateCents: settings.hourlyRateCents,
    credit: credit ? creditView(credit) : null,
    totals: summary ? (totals as Omit<NonNullable<typeof summary>, 'schedule'>) : null,
    schedule,
    entries: entries.map(entryView),
    can: { record: manage && !!credit, confirmAsCoach: manage && !!credit && isCoach(ctx, p) },
  };
}

/** The participant's credit, and a date that lies between its granting and today. */
async function creditFor(db: Db, scope: WorkspaceScope, participantId: string, date: string) {
  const credit = await lrepo.findCreditOfParticipant(db, scope.id, participantId);
  if (!credit) throw new DomainError('youth_debt.no_credit');
  if (date < credit.grantedDate || date > localDate(new Date())) throw fieldError('youth_debt.entry_date_invalid', 'date');
  return credit;
}

/** Who confirms: the participant's own coach (by account), or someone at the host organisation (by name). */
function confirmation(ctx: ServiceContext, p: Pick<ParticipantRow, 'coachUserId'>, by: Confirmer, name: string | undefined) {
  if (by === 'coach') {
    if (!isCoach(ctx, p)) throw new DomainError('youth_debt.confirm_coach_only', {}, [{ path: 'confirmedBy', message: 'youth_debt.confirm_coach_only' }]);
    return { confirmedByUserId: ctx.actor!.userId, confirmedByName: ctx.actor!.name, confirmedDate: localDate(new Date()) };
  }
  if (!name) throw fieldError('youth_debt.confirmer_required', 'confirmerName');
  if (findPersonalData(name).length) throw fieldError('youth_debt.personal_data', 'confirmerName');
  return { confirmedByUserId: null, confirmedByName: name, confirmedDate: localDate(new Date()) };
}

/** Records an instalment payment. */
export async function recordPayment(ctx: ServiceContext, participantId: string, input: PaymentInput) {
  const scope = policy.authorize(ctx, 'youth_debt.case.manage');
  await transaction(ctx.db, async (trx) => {
    const p = await participantOr404(trx, scope, participantId);
    const credit = await creditFor(trx, scope, participantId, input.date);
    const id = newId();
    await repo.insertEntry(trx, {
      workspaceId: scope.id,
      id,
      participantId,
      creditId: credit.id,
      kind: 'betaling',
      entryDate: input.date,
      amountCents: input.amountCents,
      host: null,
      description: null,
      quarterHours: null,
      hourlyRateCents: null,
      confirmedByUserId: null,
      confirmedByName: null,
      confirmedDate: null,
      recordedBy: ctx.actor?.userId ?? null,
    });
    await audit(trx, ctx, scope, id, 'create', `${participantNumber(p.number)} betaling`, { kind: 'betaling', date: input.date, amountCents: input.amountCents });
  });
  return ledger(ctx, participantId);
}

/** Records a counter-performance activity at today's hourly rate (stored on the entry); it counts once confirmed. */
export async function recordActivity(ctx: ServiceContext, participantId: string, input: ActivityInput) {
  const scope = policy.authorize(ctx, 'youth_debt.case.manage');
  for (const field of ['host', 'description'] as const) if (findPersonalData(input[field]).length) throw fieldError('youth_debt.personal_data', field);
  await transaction(ctx.db, async (trx) => {
    const p = await participantOr404(trx, scope, participantId);
    const credit = await creditFor(trx, scope, participantId, input.date);
    const confirmed = input.confirmedBy ? confirmation(ctx, p, input.confirmedBy, input.confirmerName) : { confirmedByUserId: null, confirmedByName: null, confirmedDate: null };
    const { hourlyRateCents } = await settingsOf(trx, scope.id);
    const id = newId();
    const row = {
      workspaceId: scope.id,
      id,
      participantId,
      creditId: credit.id,
      kind: 'activiteit',
      entryDate: input.date,
      amountCents: null,
      host: input.host,
      description: input.description,
      quarterHours: input.quarterHours,
      hourlyRateCents,
      ...confirmed,
      recordedBy: ctx.actor?.userId ?? null,
    };
    await repo.insertEntry(trx, row);
    const { workspaceId: _w, id: _i, participantId: _p, creditId: _c, recordedBy: _r, amountCents: _a, ...audited } = row;
    await audit(trx, ctx, scope, id, 'create', `${participantNumber(p.number)} tegenprestatie`, { ...audited, valueCents: activityValueCents(input.quarterHours, hourlyRateCents) });
  });
  return ledger(ctx, participantId);
}

/** Confirms a recorded activity, by the coach or on behalf of the host organisation; from then on its hours count. */
export async function confirmActivity(ctx: ServiceContext, entryId: string, input: ConfirmInput) {
  const scope = policy.authorize(ctx, 'youth_debt.case.manage');
  let participantId = '';
  await transaction(ctx.db, async (trx) => {
    const entry = await repo.findEntry(trx, scope.id, entryId);
    if (!entry) throw new DomainError('youth_debt.ledger_entry_not_found');
    participantId = entry.participantId;
    if (entry.kind !== 'activiteit' || entry.confirmedDate) throw new DomainError('youth_debt.already_confirmed');
    const p = await participantOr404(trx, scope, entry.participantId);
    const values = confirmation(ctx, p, input.confirmedBy, input.confirmerName);
    await repo.confirmEntry(trx, scope.id, entryId, values);
    await audit(trx, ctx, scope, entryId, 'update', `${participantNumber(entry.participantNumber)} tegenprestatie bevestigd`, values, { confirmedByUserId: null, confirmedByName: null, confirmedDate: null });
  });
  return ledger(ctx, participantId);
}

/** Removes an entry recorded by mistake (audited with what it held); the totals follow. */
export async function deleteEntry(ctx: ServiceContext, entryId: string) {
  const scope = policy.authorize(ctx, 'youth_debt.case.manage');
  let participantId = '';
  await transaction(ctx.db, async (trx) => {
    const entry = await repo.findEntry(trx, scope.id, entryId);
    if (!entry) throw new DomainError('youth_debt.ledger_entry_not_found');
    participantId = entry.participantId;
    await repo.deleteEntry(trx, scope.id, entryId);
    const { workspaceId: _w, participantNumber: _n, recordedBy: _r, ...before } = entry;
    await audit(trx, ctx, scope, entryId, 'delete', `${participantNumber(entry.participantNumber)} ${entry.kind}`, null, before);
  });
  return ledger(ctx, participantId);
}

/** Ledger entries, per participant (?participantId=…). */
export async function listEntries(ctx: ServiceContext, query: EntryListQuery) {
  const scope = policy.authorize(ctx, 'youth_debt.case.read');
  const { items, total } = await repo.listEntries(ctx.db, scope.id, query);
  return { items: items.map(entryView), total };
}
