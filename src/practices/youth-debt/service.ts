
import type { ServiceContext, WorkspaceScope } from '../../platform/context';
import { transaction, type Db } from '../../platform/db/database';
import { DomainError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { findPersonalData } from '../../platform/privacy';
import { localDate } from '../../platform/workdays';
import { areaNames } from '../../core/areas/service';
import { listMembers } from '../../core/workspaces/service';
import { DEFAULT_DISCOUNT_RATE, presentValue, type MkbaResult } from './mkba';
import { DEFAULT_PREFERENTIAL_MULTIPLIER, DEFAULT_TERM_MONTHS, settlementOffer, type Offer } from './offer';
import { DEFAULT_HOURLY_RATE_CENTS } from './ledger';
import { checkLetterTemplate, DEFAULT_LETTER_TEMPLATE } from './letters';
import { youthDebtPolicy as policy } from './policies';
import * as repo from './repository';
import type {
  CreateDebtInput,
  CreateParticipantInput,
  CreditorInput,
  CreditorPatch,
  DebtListQuery,
  DebtStatus,
  MkbaPreviewInput,
  OfferPreviewInput,
  ParticipantListQuery,
  ParticipantStatus,
  SettingsInput,
  UpdateDebtInput,
  UpdateParticipantInput,
} from './schema';
import { audit, fieldError, ownCase, participantOr404 } from './common';

/** Participant numbers as shown: JPF-0001. */
export const participantNumber = (n: number) => `JPF-${String(n).padStart(4, '0')}`;

// Settings

/** The workspace's settings with their defaults (also read by the letters and the ledger). */
export async function settingsOf(db: Db, workspaceId: string) {
  const row = await repo.getSettings(db, workspaceId);
  return {
    termMonths: row?.termMonths ?? DEFAULT_TERM_MONTHS,
    preferentialMultiplier: row ? row.preferentialMultiplierHundredths / 100 : DEFAULT_PREFERENTIAL_MULTIPLIER,
    hourlyRateCents: row?.hourlyRateCents ?? DEFAULT_HOURLY_RATE_CENTS,
    letterTemplate: row?.letterTemplate ?? DEFAULT_LETTER_TEMPLATE,
    letterTemplateIsDefault: !row?.letterTemplate,
  };
}

export async function getSettings(ctx: ServiceContext) {
  const scope = policy.authorize(ctx, 'youth_debt.settings.read');
  return { ...(await settingsOf(ctx.db, scope.id)), can: { manage: policy.can(scope, 'youth_debt.settings.manage') } };
}

export async function updateSettings(ctx: ServiceContext, input: SettingsInput) {
  const scope = policy.authorize(ctx, 'youth_debt.settings.manage');
  if (input.letterTemplate) checkLetterTemplate(input.letterTemplate);
  await transaction(ctx.db, async (trx) => {
    const before = await settingsOf(trx, scope.id);
    const after = {
      termMonths: input.termMonths ?? before.termMonths,
      preferentialMultiplier: input.preferentialMultiplier ?? before.preferentialMultiplier,
      hourlyRateCents: input.hourlyRateCents ?? before.hourlyRateCents,
      // null puts the default template back
      letterTemplate: input.letterTemplate === undefined ? (before.letterTemplateIsDefault ? null : before.letterTemplate) : input.letterTemplate,
    };
    await repo.saveSettings(trx, scope.id, {
      termMonths: after.termMonths,
      preferentialMultiplierHundredths: Math.round(after.preferentialMultiplier * 100),
      hourlyRateCents: after.hourlyRateCents,
      letterTemplate: after.letterTemplate,
    });
    const { letterTemplateIsDefault: wasDefault, ...was } = before;
    await audit(trx, ctx, scope, 'youth_debt_settings', scope.id, 'update', 'Instellingen schuldenaanpak', after, { ...was, letterTemplate: wasDefault ? null : was.letterTemplate });
  });
  return getSettings(ctx);
}

// Previews (nothing saved)

/** A settlement offer for a scenario; term and multiplier default to the workspace's settings. */
export async function previewOffer(ctx: ServiceContext, input: OfferPreviewInput): Promise<Offer> {
  const scope = policy.authorize(ctx, 'youth_debt.preview');
  const settings = await settingsOf(ctx.db, scope.id);
  return settlementOffer({ ...input, termMonths: input.termMonths ?? settings.termMonths, preferentialMultiplier: input.preferentialMultiplier ?? settings.preferentialMultiplier });
}

/** Present values of an MKBA scenario, without saving anything. */
export function previewMkba(ctx: ServiceContext, input: MkbaPreviewInput): MkbaResult {
  policy.authorize(ctx, 'youth_debt.preview');
  return presentValue(input.lines, input.discountRate ?? DEFAULT_DISCOUNT_RATE);
}

// Creditors

const creditorView = (c: repo.CreditorRow & { debts?: number }) => ({ id: c.id, name: c.name, address: c.address, preferential: c.preferential, debts: c.debts ?? 0 });

export async function listCreditors(ctx: ServiceContext) {
  const scope = policy.authorize(ctx, 'youth_debt.creditor.read');
  const items = (await repo.listCreditors(ctx.db, scope.id)).map(creditorView);
  return { items, total: items.length };
}

async function creditorOr404(db: Db, scope: WorkspaceScope, id: string) {
  const row = await repo.findCreditor(db, scope.id, id);
  if (!row) throw new DomainError('youth_debt.creditor_not_found');
  return row;
}

export async function createCreditor(ctx: ServiceContext, input: CreditorInput) {
  const scope = policy.authorize(ctx, 'youth_debt.creditor.manage');
  const id = newId();
  await transaction(ctx.db, async (trx) => {
    if (await repo.findCreditorByName(trx, scope.id, input.name)) throw fieldError('youth_debt.creditor_name_taken', 'name');
    const row = { workspaceId: scope.id, id, name: input.name, address: input.address ?? '', preferential: input.preferential ?? false };
    await repo.insertCreditor(trx, row);
    await audit(trx, ctx, scope, 'youth_debt_creditor', id, 'create', row.name, { name: row.name, address: row.address, preferential: row.preferential });
  });
  return creditorView((await repo.findCreditor(ctx.db, scope.id, id))!);
}

export async function updateCreditor(ctx: ServiceContext, id: string, patch: CreditorPatch) {
  const scope = policy.authorize(ctx, 'youth_debt.creditor.manage');
  await transaction(ctx.db, async (trx) => {
    const before = await creditorOr404(trx, scope, id);
    if (patch.name !== undefined && patch.name.toLowerCase() !== before.name.toLowerCase()) {
      if (await repo.findCreditorByName(trx, scope.id, patch.name)) throw fieldError('youth_debt.creditor_name_taken', 'name');
    }
    await repo.updateCreditor(trx, scope.id, id, patch);
    await audit(trx, ctx, scope, 'youth_debt_creditor', id, 'update', patch.name ?? before.name, { ...patch }, { name: before.name, address: before.address, preferential: before.preferential });
  });
  const rows = await repo.listCreditors(ctx.db, scope.id);
  return creditorView(rows.find((r) => r.id === id)!);
}

// Participants

/** Age in whole years on `on` (both YYYY-MM-DD). */
export function ageOn(birthDate: string, on: string) {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Every read of a name (personal data) is recorded, with who read it. */
async function auditNameRead(ctx: ServiceContext, scope: WorkspaceScope, rows: readonly repo.ParticipantRow[]) {
  for (const p of rows) await audit(ctx.db, ctx, scope, 'youth_debt_participant', p.id, 'read_personal', participantNumber(p.number), null);
}

async function lookups(ctx: ServiceContext, rows: readonly repo.ParticipantRow[]) {
  const [members, areas] = await Promise.all([
    listMembers(ctx),
    areaNames(
      ctx,
      rows.map((r) => r.areaId).filter((a): a is string => !!a),
    ),
  ]);
  const memberName = new Map(members.map((m) => [m.userId, m.name]));
  const areaName = new Map((areas as { id: string; name: string }[]).map((a) => [a.id, a.name]));
  return {
    member: (id: string | null) => (id ? { userId: id, name: memberName.get(id) ?? '?' } : null),
    area: (id: string | null) => (id && areaName.has(id) ? { id, name: areaName.get(id)! } : null),
  };
}

function summaryView(ctx: ServiceContext, p: repo.ParticipantListRow, look: Awaited<ReturnType<typeof lookups>>) {
  return {
    id: p.id,
    number: participantNumber(p.number),
    name: ownCase(ctx, p) ? p.name : null,
    status: p.status as ParticipantStatus,
    startDate: p.startDate,
    coach: look.member(p.coachUserId),
    counsellor: look.member(p.counsellorUserId),
    area: look.area(p.areaId),
    debts: p.debts,
    debtTotalCents: Number(p.debtTotalCents),
  };
}

const capacityOf = (p: Pick<repo.ParticipantRow, 'monthlyIncomeCents' | 'vtlbCents'>) => Math.max(0, (p.monthlyIncomeCents ?? 0) - (p.vtlbCents ?? 0));

const debtView = (d: repo.DebtListRow) => ({
  id: d.id,
  participantId: d.participantId,
  participantNumber: participantNumber(d.participantNumber),
  creditorId: d.creditorId,
  creditorName: d.creditorName,
  amountCents: Number(d.amountCents),
  preferential: d.preferential,
  status: d.status as DebtStatus,
  documents: d.documents,
});

export async function listParticipants(ctx: ServiceContext, query: ParticipantListQuery) {
  const scope = policy.authorize(ctx, 'youth_debt.case.read');
  const { items, total } = await repo.listParticipants(ctx.db, scope.id, query);
  const look = await lookups(ctx, items);
  await auditNameRead(
    ctx,
    scope,
    items.filter((p) => ownCase(ctx, p)),
  );
  return { items: items.map((p) => summaryView(ctx, p, look)), total, can: { create: policy.can(scope, 'youth_debt.case.manage') } };
}

export async function getParticipant(ctx: ServiceContext, id: string) {
  const scope = policy.authorize(ctx, 'youth_debt.case.read');
  const p = await participantOr404(ctx.db, scope, id);
  const [look, debts] = await Promise.all([lookups(ctx, [p]), repo.debtsOfParticipant(ctx.db, scope.id, id)]);
  const personal = ownCase(ctx, p);
  if (personal) await auditNameRead(ctx, scope, [p]);
  const manage = policy.can(scope, 'youth_debt.case.manage');
  return {
    ...summaryView(ctx, p, look),
    contact: personal ? p.contact : null,
    birthDate: personal ? p.birthDate : null,
    personalVisible: personal,
    ageAtStart: ageOn(p.birthDate, p.startDate),
    ageExceptionReason: p.ageExceptionReason,
    leavingReason: p.leavingReason,
    monthlyIncomeCents: p.monthlyIncomeCents === null ? null : Number(p.monthlyIncomeCents),
    vtlbCents: p.vtlbCents === null ? null : Number(p.vtlbCents),
    monthlyCapacityCents: capacityOf(p),
    debtList: debts.map(debtView),
    can: { edit: manage, editPersonal: manage && personal },
  };
}

/** Checks the references and rules shared by create and update; `next` is the participant as it would be stored. */
async function checkParticipant(ctx: ServiceContext, next: Omit<repo.ParticipantRow, 'workspaceId' | 'id' | 'number' | 'createdAt' | 'updatedAt'>, touched: Set<string>) {
  if (touched.has('name') && findPersonalData(next.name).some((h) => h.kind === 'bsn')) throw fieldError('youth_debt.bsn_not_allowed', 'name');
  if (touched.has('contact') && findPersonalData(next.contact).some((h) => h.kind === 'bsn')) throw fieldError('youth_debt.bsn_not_allowed', 'contact');
  for (const field of ['ageExceptionReason', 'leavingReason'] as const) {
    const text = next[field];
    if (touched.has(field) && text && findPersonalData(text).length) throw fieldError('youth_debt.personal_data', field);
  }
  if (next.birthDate > next.startDate) throw fieldError('youth_debt.birth_date_invalid', 'birthDate');
  const age = ageOn(next.birthDate, next.startDate);
  if ((age < 18 || age > 27) && !next.ageExceptionReason) throw fieldError('youth_debt.age_out_of_range', 'ageExceptionReason');
  if (next.status === 'uitgevallen' && !next.leavingReason) throw fieldError('youth_debt.leaving_reason_required', 'leavingReason');
  if ((touched.has('coachUserId') && next.coachUserId) || (touched.has('counsellorUserId') && next.counsellorUserId)) {
    const members = new Set((await listMembers(ctx)).map((m) => m.userId));
    if (touched.has('coachUserId') && next.coachUserId && !members.has(next.coachUserId)) throw fieldError('youth_debt.not_member', 'coachUserId');
    if (touched.has('counsellorUserId') && next.counsellorUserId && !members.has(next.counsellorUserId)) throw fieldError('youth_debt.not_member', 'counsellorUserId');
  }
  if (touched.has('areaId') && next.areaId) {
    const found = (await areaNames(ctx, [next.areaId])) as { id: string }[];
    if (!found.some((a) => a.id === next.areaId)) throw fieldError('youth_debt.area_not_found', 'areaId');
  }
}

/** What the audit log may show of a participant: never the name, contact or date of birth (the log is read by others). */
function auditable(p: Partial<repo.ParticipantRow>) {
  const { name, contact, birthDate, ...rest } = p;
  return {
    ...rest,
    ...(name !== undefined ? { name: '(gewijzigd)' } : {}),
    ...(contact !== undefined ? { contact: '(gewijzigd)' } : {}),
    ...(birthDate !== undefined ? { birthDate: '(gewijzigd)' } : {}),
  };
}

export async function createParticipant(ctx: ServiceContext, input: CreateParticipantInput) {
  const scope = policy.authorize(ctx, 'youth_debt.case.manage');
  const next = {
    name: input.name,
    contact: input.contact ?? '',
    birthDate: input.birthDate,
    ageExceptionReason: input.ageExceptionReason ?? null,
    areaId: input.areaId ?? null,
    coachUserId: input.coachUserId ?? null,
    counsellorUserId: input.counsellorUserId ?? null,
    startDate: input.startDate ?? localDate(new Date()),
    status: input.status ?? 'aanmelding',
    leavingReason: input.leavingReason ?? null,
    monthlyIncomeCents: input.monthlyIncomeCents ?? null,
    vtlbCents: input.vtlbCents ?? null,
  };
  await checkParticipant(ctx, next, new Set(Object.keys(next)));
  const id = newId();
  await transaction(ctx.db, async (trx) => {
    const number = await repo.nextParticipantNumber(trx, scope.id);
    await repo.insertParticipant(trx, { workspaceId: scope.id, id, number, ...next });
    await audit(trx, ctx, scope, 'youth_debt_participant', id, 'create', participantNumber(number), auditable(next));
  });
  return getParticipant(ctx, id);
}

export async function updateParticipant(ctx: ServiceContext, id: string, patch: UpdateParticipantInput) {
  const scope = policy.authorize(ctx, 'youth_debt.case.manage');
  const before = await participantOr404(ctx.db, scope, id);
  const personalFields = (['name', 'contact', 'birthDate'] as const).filter((f) => patch[f] !== undefined);
  if (personalFields.length && !ownCase(ctx, before)) throw new DomainError('youth_debt.personal_not_allowed', {}, personalFields.map((f) => ({ path: f, message: 'youth_debt.personal_not_allowed' })));
  const reassigned = (['coachUserId', 'counsellorUserId'] as const).filter((f) => patch[f] !== undefined && patch[f] !== before[f]);
  if (reassigned.length && !policy.can(scope, 'youth_debt.case.assign')) throw new DomainError('youth_debt.assign_not_allowed', {}, reassigned.map((f) => ({ path: f, message: 'youth_debt.assign_not_allowed' })));
  const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<repo.ParticipantRow>;
  const { workspaceId: _w, id: _i, number: _n, createdAt: _c, updatedAt: _u, debts: _d, debtTotalCents: _t, ...current } = before;
  const next = { ...current, ...changes };
  await checkParticipant(ctx, next, new Set(Object.keys(changes)));
  await transaction(ctx.db, async (trx) => {
    await repo.updateParticipant(trx, scope.id, id, changes);
    const was = Object.fromEntries(Object.keys(changes).map((k) => [k, (current as Record<string, unknown>)[k]]));
    await audit(trx, ctx, scope, 'youth_debt_participant', id, 'update', participantNumber(before.number), auditable(changes), auditable(was));
  });
  return getParticipant(ctx, id);
}

/** The settlement offer for a participant: capacity (income − VTLB) × the workspace's term against their debts. */
export async function participantOffer(ctx: ServiceContext, id: string) {
  const scope = policy.authorize(ctx, 'youth_debt.case.read');
  const p = await participantOr404(ctx.db, scope, id);
  const [settings, debts] = await Promise.all([settingsOf(ctx.db, scope.id), repo.debtsOfParticipant(ctx.db, scope.id, id)]);
  const capacity = capacityOf(p);
  const offer = settlementOffer({
    monthlyCapacityCents: capacity,
    termMonths: settings.termMonths,
    preferentialMultiplier: settings.preferentialMultiplier,
    debts: debts.map((d) => ({ creditor: d.creditorName, amountCents: Number(d.amountCents), preferential: d.preferential })),
  });
  return {
    ...offer,
    participantId: p.id,
    number: participantNumber(p.number),
    monthlyCapacityCents: capacity,
    termMonths: settings.termMonths,
    preferentialMultiplier: settings.preferentialMultiplier,
    debts: debts.map((d, i) => ({
      debtId: d.id,
      creditorId: d.creditorId,
      creditor: d.creditorName,
      amountCents: Number(d.amountCents),
      preferential: d.preferential,
      payoutCents: offer.payouts[i].payoutCents,
      percentage: offer.payouts[i].percentage,
    })),
  };
}

// Debts

export async function listDebts(ctx: ServiceContext, query: DebtListQuery) {
  const scope = policy.authorize(ctx, 'youth_debt.case.read');
  const { items, total } = await repo.listDebts(ctx.db, scope.id, query);
  return { items: items.map(debtView), total };
}

export async function getDebt(ctx: ServiceContext, id: string) {
  const scope = policy.authorize(ctx, 'youth_debt.case.read');
  const row = await repo.findDebt(ctx.db, scope.id, id);
  if (!row) throw new DomainError('youth_debt.debt_not_found');
  return debtView(row);
}

export async function createDebt(ctx: ServiceContext, input: CreateDebtInput) {
  const scope = policy.authorize(ctx, 'youth_debt.case.manage');
  const id = newId();
  await transaction(ctx.db, async (trx) => {
    const participant = await repo.findParticipant(trx, scope.id, input.participantId);
    if (!participant) throw fieldError('youth_debt.participant_unknown', 'participantId');
    const creditor = await repo.findCreditor(trx, scope.id, input.creditorId);
    if (!creditor) throw fieldError('youth_debt.creditor_unknown', 'creditorId');
    const row = { workspaceId: scope.id, id, participantId: input.participantId, creditorId: input.creditorId, amountCents: input.amountCents, preferential: input.preferential ?? creditor.preferential, status: input.status ?? 'open' };
    await repo.insertDebt(trx, row);
    await audit(trx, ctx, scope, 'youth_debt_debt', id, 'create', `${participantNumber(participant.number)} – ${creditor.name}`, {
      participantId: row.participantId,
      creditorId: row.creditorId,
      amountCents: row.amountCents,
      preferential: row.preferential,
      status: row.status,
    });
  });
  return getDebt(ctx, id);
}

export async function updateDebt(ctx: ServiceContext, id: string, patch: UpdateDebtInput) {
  const scope = policy.authorize(ctx, 'youth_debt.case.manage');
  await transaction(ctx.db, async (trx) => {
    const before = await repo.findDebt(trx, scope.id, id);
    if (!before) throw new DomainError('youth_debt.debt_not_found');
    if (patch.creditorId !== undefined && !(await repo.findCreditor(trx, scope.id, patch.creditorId))) throw fieldError('youth_debt.creditor_unknown', 'creditorId');
    const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    await repo.updateDebt(trx, scope.id, id, changes);
    const was = Object.fromEntries(Object.keys(changes).map((k) => [k, (before as Record<string, unknown>)[k]]));
    await audit(trx, ctx, scope, 'youth_debt_debt', id, 'update', `${participantNumber(before.participantNumber)} – ${before.creditorName}`, changes, was);
  });
  return getDebt(ctx, id);
}
