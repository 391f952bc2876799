
import type { ServiceContext, WorkspaceScope } from '../../platform/context';
import { transaction, type Db } from '../../platform/db/database';
import { DomainError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { findPersonalData } from '../../platform/privacy';
import { localDate } from '../../platform/workdays';
import { createObservation } from '../../core/observations/service';
import { youthDebtPolicy as policy } from './policies';
import { ANSWERS, LIFE_DOMAINS, OUTCOMES, goalProgress, outcomeOpen, timeline, wholeShares, type Answer, type ContactKind, type GoalStatus, type LifeDomain } from './plan';
import * as repo from './plan.repository';
import type { ContactListQuery, CreateContactInput, CreateGoalInput, GoalListQuery, OutcomeInput, StepInput, StoryInput, UpdateContactInput, UpdateGoalInput } from './plan.schema';
import { MINIMUM_GROUP, protect, shown } from './protect';
import * as cases from './repository';
import { participantNumber } from './service';
import { audit, fieldError, ownCase, participantOr404 } from './common';
import { cachedFigures } from './figures';

/*
 * The perspective plan of a participant (goals per life domain with steps), coaching contacts,
 * the two-year timeline and the outcomes at the end; and their aggregates for the dashboard.
 * Goals and outcomes are case data (every case worker); a contact's note is personal data, read
 * and written only by the participant's own coach and debt counsellor, and every read is logged.
 */

const today = () => localDate(new Date());

/** A participant named in a body: a 400 on the field when it does not exist here. */
async function participantField(db: Db, scope: WorkspaceScope, id: string) {
  const row = await cases.findParticipant(db, scope.id, id);
  if (!row) throw fieldError('youth_debt.participant_unknown', 'participantId');
  return row;
}

/** Titles and notes may not carry a BSN, IBAN, e-mail address or phone number (the core's detector, as for observations). */
function refusePersonalData(text: string | undefined, id: string, path: string) {
  if (text && findPersonalData(text).length) throw fieldError(id, path);
}

// Goals

function goalView(g: repo.GoalRow, steps: readonly repo.StepRow[]) {
  const own = steps.filter((s) => s.goalId === g.id).map((s) => ({ id: s.id, title: s.title, done: s.doneOn !== null, doneOn: s.doneOn }));
  return {
    id: g.id,
    participantId: g.participantId,
    domain: g.domain as LifeDomain,
    title: g.title,
    status: g.status as GoalStatus,
    progress: goalProgress(own, g.progress),
    progressFromSteps: own.length > 0,
    reachedOn: g.reachedOn,
    steps: own,
  };
}

async function goalsWithSteps(db: Db, scope: WorkspaceScope, rows: repo.GoalRow[]) {
  const steps = await repo.stepsOfGoals(
    db,
    scope.id,
    rows.map((g) => g.id),
  );
  return rows.map((g) => goalView(g, steps));
}

/** The new steps of a goal: known steps keep the date they were done on; a step done now gets today. */
function nextSteps(input: readonly StepInput[], before: readonly repo.StepRow[], on: string) {
  const known = new Map(before.map((s) => [s.id, s]));
  const used = new Set<string>();
  return input.map((s) => {
    const old = s.id && !used.has(s.id) ? known.get(s.id) : undefined;
    const id = old ? old.id : newId();
    used.add(id);
    return { id, title: s.title, doneOn: s.done ? (old?.doneOn ?? on) : null };
  });
}

const auditGoal = (g: { domain: string; title: string; status: string; progress: number; steps?: { title: string; doneOn: string | null }[] }) => ({
  domain: g.domain,
  title: g.title,
  status: g.status,
  progress: g.progress,
  ...(g.steps ? { steps: g.steps.map((s) => `${s.doneOn ? '[x]' : '[ ]'} ${s.title}`) } : {}),
});

export async function listGoals(ctx: ServiceContext, query: GoalListQuery) {
  const scope = policy.authorize(ctx, 'youth_debt.case.read');
  const { items, total } = await repo.listGoals(ctx.db, scope.id, query);
  return { items: await goalsWithSteps(ctx.db, scope, items), total };
}

async function goalOr404(db: Db, scope: WorkspaceScope, id: string) {
  const row = await repo.findGoal(db, scope.id, id);
  if (!row) throw new DomainError('youth_debt.goal_not_found');
  return row;
}

export async function getGoal(ctx: ServiceContext, id: string) {
  const scope = policy.authorize(ctx, 'youth_debt.case.read');
  const [goal] = await goalsWithSteps(ctx.db, scope, [await goalOr404(ctx.db, scope, id)]);
  return goal;
}

/** Adds a goal to a participant's perspective plan, with its steps in order. */
export async function createGoal(ctx: ServiceContext, input: CreateGoalInput) {
  const scope = policy.authorize(ctx, 'youth_debt.case.manage');
  refusePersonalData(input.title, 'youth_debt.plan_personal_data', 'title');
  input.steps?.forEach((s, i) => refusePersonalData(s.title, 'youth_debt.plan_personal_data', `steps.${i}.title`));
  if (input.steps?.length && input.progress !== undefined) throw fieldError('youth_debt.progress_from_steps', 'progress');
  const id = newId();
  await transaction(ctx.db, async (trx) => {
    const participant = await participantField(trx, scope, input.participantId);
    const steps = nextSteps(input.steps ?? [], [], today());
    const row = { workspaceId: scope.id, id, participantId: participant.id, domain: input.domain, title: input.title, status: 'open', progress: input.progress ?? 0, reachedOn: null };
    await repo.insertGoal(trx, row);
    await repo.replaceSteps(trx, scope.id, id, steps);
    await audit(trx, ctx, scope, 'youth_debt_goal', id, 'create', `${participantNumber(participant.number)} – ${input.title}`, auditGoal({ ...row, steps }));
  });
  return getGoal(ctx, id);
}

/** Changes a goal: title, domain, status (bereikt records today as the date), its steps (ticking one off), or the progress of a goal without steps. */
export async function updateGoal(ctx: ServiceContext, id: string, patch: UpdateGoalInput) {
  const scope = policy.authorize(ctx, 'youth_debt.case.manage');
  refusePersonalData(patch.title, 'youth_debt.plan_personal_data', 'title');
  patch.steps?.forEach((s, i) => refusePersonalData(s.title, 'youth_debt.plan_personal_data', `steps.${i}.title`));
  await transaction(ctx.db, async (trx) => {
    const before = await goalOr404(trx, scope, id);
    const oldSteps = await repo.stepsOfGoals(trx, scope.id, [id]);
    const steps = patch.steps ? nextSteps(patch.steps, oldSteps, today()) : oldSteps;
    if (patch.progress !== undefined && steps.length) throw fieldError('youth_debt.progress_from_steps', 'progress');
    const changes: Parameters<typeof repo.updateGoal>[3] = {};
    if (patch.domain !== undefined) changes.domain = patch.domain;
    if (patch.title !== undefined) changes.title = patch.title;
    if (patch.progress !== undefined) changes.progress = patch.progress;
    if (patch.status !== undefined && patch.status !== before.status) {
      changes.status = patch.status;
      changes.reachedOn = patch.status === 'bereikt' ? today() : null;
    }
    await repo.updateGoal(trx, scope.id, id, changes);
    if (patch.steps) await repo.replaceSteps(trx, scope.id, id, steps);
    const after = { ...before, ...changes };
    const label = `${participantNumber((await participantOr404(trx, scope, before.participantId)).number)} – ${after.title}`;
    await audit(trx, ctx, scope, 'youth_debt_goal', id, 'update', label, auditGoal({ ...after, steps: patch.steps ? steps : undefined }), auditGoal({ ...before, steps: patch.steps ? oldSteps : undefined }));
  });
  return getGoal(ctx, id);
}

export async function deleteGoal(ctx: ServiceContext, id: string) {
  const scope = policy.authorize(ctx, 'youth_debt.case.manage');
  await transaction(ctx.db, async (trx) => {
    const before = await goalOr404(trx, scope, id);
    const participant = await participantOr404(trx, scope, before.participantId);
    await repo.deleteGoal(trx, scope.id, id);
    await audit(trx, ctx, scope, 'youth_debt_goal', id, 'delete', `${participantNumber(participant.number)} – ${before.title}`, null, auditGoal(before));
  });
}

// Coaching contacts

function contactView(c: repo.ContactRow, notes: boolean) {
  return { id: c.id, participantId: c.participantId, date: c.contactDate, kind: c.kind as ContactKind, durationMinutes: c.durationMinutes, note: notes ? c.note : null, observationId: c.observationId };
}

/** Every read of contact notes (personal data) is recorded, once per participant, with who read them. */
async function auditNoteRead(ctx: ServiceContext, scope: WorkspaceScope, participants: readonly { id: string; number: number }[]) {
  for (const p of participants) await audit(ctx.db, ctx, scope, 'youth_debt_participant', p.id, 'read_notes', participantNumber(p.number), null);
}

/** What the audit log may show of a contact: never the note (the log is read by others than the coach and counsellor). */
const auditContact = (c: { contactDate?: string; kind?: string; durationMinutes?: number | null; note?: string }) => ({
  ...(c.contactDate !== undefined ? { date: c.contactDate } : {}),
  ...(c.kind !== undefined ? { kind: c.kind } : {}),
  ...(c.durationMinutes !== undefined ? { durationMinutes: c.durationMinutes } : {}),
  ...(c.note !== undefined ? { note: c.note ? '(notitie)' : '' } : {}),
});

/** Contacts, newest first; the note only for the participant's own coach and counsellor. */
export async function listContacts(ctx: ServiceContext, query: ContactListQuery) {
  const scope = policy.authorize(ctx, 'youth_debt.case.read');
  const { items, total } = await repo.listContacts(ctx.db, scope.id, query);
  const ids = [...new Set(items.map((c) => c.participantId))];
  const people = (await Promise.all(ids.map((id) => cases.findParticipant(ctx.db, scope.id, id)))).filter((p): p is cases.ParticipantListRow => !!p);
  const own = people.filter((p) => ownCase(ctx, p));
  const ownIds = new Set(own.map((p) => p.id));
  await auditNoteRead(
    ctx,
    scope,
    own.filter((p) => items.some((c) => c.participantId === p.id && c.note)),
  );
  return { items: items.map((c) => contactView(c, ownIds.has(c.participantId))), total };
}

async function contactOr404(db: Db, scope: WorkspaceScope, id: string) {
  const row = await repo.findContact(db, scope.id, id);
  if (!row) throw new DomainError('youth_debt.contact_not_found');
  return row;
}

export async function getContact(ctx: ServiceContext, id: string) {
  const scope = policy.authorize(ctx, 'youth_debt.case.read');
  const c = await contactOr404(ctx.db, scope, id);
  const p = await participantOr404(ctx.db, scope, c.participantId);
  const notes = ownCase(ctx, p);
  if (notes && c.note) await auditNoteRead(ctx, scope, [p]);
  return contactView(c, notes);
}

/** Contacts are the coach's log with a personal note: only the participant's own coach and counsellor record, change or remove them. */
function mayWriteContacts(ctx: ServiceContext, p: cases.ParticipantRow) {
  if (!ownCase(ctx, p)) throw new DomainError('youth_debt.contact_not_allowed');
}

function checkContact(input: { date?: string; note?: string }) {
  if (input.date !== undefined && input.date > today()) throw fieldError('youth_debt.contact_in_future', 'date');
  refusePersonalData(input.note, 'youth_debt.note_personal_data', 'note');
}

/** Records a coaching contact: date, kind, duration and a short note (refused when it holds a BSN, IBAN, e-mail address or phone number). */
export async function createContact(ctx: ServiceContext, input: CreateContactInput) {
  const scope = policy.authorize(ctx, 'youth_debt.case.manage');
  const id = newId();
  await transaction(ctx.db, async (trx) => {
    const participant = await participantField(trx, scope, input.participantId);
    mayWriteContacts(ctx, participant);
    checkContact(input);
    const row = {
      workspaceId: scope.id,
      id,
      participantId: participant.id,
      contactDate: input.date,
      kind: input.kind,
      durationMinutes: input.durationMinutes ?? null,
      note: input.note ?? '',
      createdBy: ctx.actor?.userId ?? null,
    };
    await repo.insertContact(trx, row);
    await audit(trx, ctx, scope, 'youth_debt_contact', id, 'create', participantNumber(participant.number), auditContact(row));
  });
  return getContact(ctx, id);
}

export async function updateContact(ctx: ServiceContext, id: string, patch: UpdateContactInput) {
  const scope = policy.authorize(ctx, 'youth_debt.case.manage');
  await transaction(ctx.db, async (trx) => {
    const before = await contactOr404(trx, scope, id);
    const participant = await participantOr404(trx, scope, before.participantId);
    mayWriteContacts(ctx, participant);
    checkContact(patch);
    const changes: Parameters<typeof repo.updateContact>[3] = {};
    if (patch.date !== undefined) changes.contactDate = patch.date;
    if (patch.kind !== undefined) changes.kind = patch.kind;
    if (patch.durationMinutes !== undefined) changes.durationMinutes = patch.durationMinutes;
    if (patch.note !== undefined) changes.note = patch.note;
    await repo.updateContact(trx, scope.id, id, changes);
    const was = Object.fromEntries(Object.keys(changes).map((k) => [k, (before as Record<string, unknown>)[k]]));
    await audit(trx, ctx, scope, 'youth_debt_contact', id, 'update', participantNumber(participant.number), auditContact(changes), auditContact(was));
  });
  return getContact(ctx, id);
}

export async function deleteContact(ctx: ServiceContext, id: string) {
  const scope = policy.authorize(ctx, 'youth_debt.case.manage');
  await transaction(ctx.db, async (trx) => {
    const before = await contactOr404(trx, scope, id);
    const participant = await participantOr404(trx, scope, before.participantId);
    mayWriteContacts(ctx, participant);
    await repo.deleteContact(trx, scope.id, id);
    await audit(trx, ctx, scope, 'youth_debt_contact', id, 'delete', participantNumber(participant.number), null, auditContact(before));
  });
}

/**
 * The coach shares a story from a contact as an observation (kind verhaal) of the workspace, so it
 * reaches the learning sessions and the reports. Only the participant's own coach or counsellor,
 * once per contact; the observation carries no name and no participant number, the core's
 * personal-data guard applies, and it cannot be public. One transaction: the observation and the
 * contact's link to it are stored together or not at all.
 */
export async function shareStory(ctx: ServiceContext, contactId: string, input: StoryInput) {
  const scope = policy.authorize(ctx, 'youth_debt.case.manage');
  return transaction(ctx.db, async (trx) => {
    const contact = await repo.lockContact(trx, scope.id, contactId);
    if (!contact) throw new DomainError('youth_debt.contact_not_found');
    const participant = await participantOr404(trx, scope, contact.participantId);
    mayWriteContacts(ctx, participant);
    if (contact.observationId) throw new DomainError('youth_debt.story_exists');
    const observation = await createObservation(
      { ...ctx, db: trx },
      {
        kind: 'verhaal',
        title: input.title,
        text: input.text,
        visibility: input.visibility,
        // the day of the contact (today: now, never in the future)
        ...(contact.contactDate < today() ? { occurredAt: `${contact.contactDate}T12:00:00Z` } : {}),
        tags: [STORY_TAG],
        containsPersonalData: false,
      },
    );
    await repo.setContactObservation(trx, scope.id, contactId, observation.id);
    await audit(trx, ctx, scope, 'youth_debt_contact', contactId, 'share_story', participantNumber(participant.number), { observation: observation.number });
    return { observationId: observation.id, number: observation.number };
  });
}

/** The tag of coaches' stories among the workspace's observations. */
export const STORY_TAG = 'schuldenaanpak';

// Outcomes and the plan as a whole

const outcomeView = (o: repo.OutcomeRow) => ({
  debtFree: o.debtFree as Answer,
  inEducation: o.inEducation as Answer,
  inWork: o.inWork as Answer,
  stableHousing: o.stableHousing as Answer,
  socialAssistance: o.socialAssistance as Answer,
  recordedOn: o.recordedOn,
});

/** The perspective plan of one participant: goals with steps, contacts (notes for the own coach and counsellor), the timeline and the outcomes. */
export async function getPlan(ctx: ServiceContext, participantId: string) {
  const scope = policy.authorize(ctx, 'youth_debt.case.read');
  const p = await participantOr404(ctx.db, scope, participantId);
  const [goalRows, contactRows, outcome] = await Promise.all([
    repo.listGoals(ctx.db, scope.id, { participantId, limit: 1000, offset: 0 }),
    repo.listContacts(ctx.db, scope.id, { participantId, limit: 1000, offset: 0 }),
    repo.findOutcome(ctx.db, scope.id, participantId),
  ]);
  const goals = await goalsWithSteps(ctx.db, scope, goalRows.items);
  const notes = ownCase(ctx, p);
  if (notes && contactRows.items.some((c) => c.note)) await auditNoteRead(ctx, scope, [p]);
  const now = today();
  const manage = policy.can(scope, 'youth_debt.case.manage');
  return {
    participantId: p.id,
    number: participantNumber(p.number),
    startDate: p.startDate,
    goals,
    contacts: contactRows.items.map((c) => contactView(c, notes)),
    timeline: timeline({
      startDate: p.startDate,
      status: p.status,
      today: now,
      goals,
      contacts: contactRows.items.map((c) => ({ id: c.id, date: c.contactDate, kind: c.kind as ContactKind })),
      outcome: outcome ? { recordedOn: outcome.recordedOn } : null,
    }),
    outcome: outcome ? outcomeView(outcome) : null,
    outcomeOpen: outcomeOpen(p.status, p.startDate, now),
    notesVisible: notes,
    can: { manageGoals: manage, manageContacts: manage && notes, recordOutcome: manage && outcomeOpen(p.status, p.startDate, now) },
  };
}

/** Records the outcomes at the end (afgerond or uitgevallen, or from 24 months after the start): each yes, no or unknown, with the date. */
export async function recordOutcome(ctx: ServiceContext, participantId: string, input: OutcomeInput) {
  const scope = policy.authorize(ctx, 'youth_debt.case.manage');
  const now = today();
  if (input.recordedOn !== undefined && input.recordedOn > now) throw fieldError('youth_debt.outcome_in_future', 'recordedOn');
  await transaction(ctx.db, async (trx) => {
    const p = await participantOr404(trx, scope, participantId);
    if (!outcomeOpen(p.status, p.startDate, now)) throw new DomainError('youth_debt.outcome_too_early');
    if (input.recordedOn !== undefined && input.recordedOn < p.startDate) throw fieldError('youth_debt.outcome_before_start', 'recordedOn');
    const before = await repo.findOutcome(trx, scope.id, participantId);
    const row = {
      workspaceId: scope.id,
      participantId,
      debtFree: input.debtFree,
      inEducation: input.inEducation,
      inWork: input.inWork,
      stableHousing: input.stableHousing,
      socialAssistance: input.socialAssistance,
      recordedOn: input.recordedOn ?? now,
      recordedBy: ctx.actor?.userId ?? null,
    };
    await repo.saveOutcome(trx, row);
    await audit(trx, ctx, scope, 'youth_debt_outcome', participantId, before ? 'update' : 'create', participantNumber(p.number), outcomeView({ ...row, updatedAt: new Date() }), before ? outcomeView(before) : null);
  });
  return getPlan(ctx, participantId);
}

// The dashboard's figures

/**
 * Goals reached per life domain and the outcomes (shares) of this workspace, for every member
 * who may read the dashboard. No figure for a group of fewer than 5 participants, and none that
 * would let such a figure be recomputed from the others (protect.ts).
 */
export async function planSummary(ctx: ServiceContext) {
  const scope = policy.authorize(ctx, 'youth_debt.dashboard.read');
  return cachedFigures(ctx, scope.id, 'plan-summary', () => computePlanSummary(ctx, scope.id));
}

async function computePlanSummary(ctx: ServiceContext, workspaceId: string) {
  const [domains, people, counts] = await Promise.all([repo.goalsByDomain(ctx.db, workspaceId), repo.goalParticipants(ctx.db, workspaceId), repo.outcomeCounts(ctx.db, workspaceId)]);
  const row = (d: LifeDomain) => domains.find((r) => r.domain === d) ?? { goals: 0, reached: 0, participants: 0, participantsReached: 0 };
  const table = (value: (d: LifeDomain) => number, group: (d: LifeDomain) => number, total: { value: number; participants: number }) =>
    protect({
      values: [LIFE_DOMAINS.map(value)],
      participants: [LIFE_DOMAINS.map(group)],
      rowTotals: [total],
      columnTotals: LIFE_DOMAINS.map((d) => ({ value: value(d), participants: group(d) })),
      grand: total,
    });
  const goalTotal = domains.reduce((s, r) => s + r.goals, 0);
  const reachedTotal = domains.reduce((s, r) => s + r.reached, 0);
  const goalMask = table((d) => row(d).goals, (d) => row(d).participants, { value: goalTotal, participants: people.participants });
  const reachedMask = table((d) => row(d).reached, (d) => row(d).participantsReached, { value: reachedTotal, participants: people.participantsReached });

  const outcomes = OUTCOMES.map((outcome) => {
    const n = ANSWERS.map((a) => counts.find((c) => c.outcome === outcome && c.answer === a)?.n ?? 0);
    const recorded = n.reduce((s, x) => s + x, 0);
    const mask = protect({
      values: [n],
      participants: [n],
      rowTotals: [{ value: recorded, participants: recorded }],
      columnTotals: n.map((x) => ({ value: x, participants: x })),
      grand: { value: recorded, participants: recorded },
    });
    const percents = wholeShares(n);
    return {
      outcome,
      recorded: shown(recorded, mask.rowTotals[0]),
      answers: ANSWERS.map((answer, i) => {
        const hidden = mask.cells[0][i] || mask.rowTotals[0];
        return { answer, participants: shown(n[i], hidden), percent: hidden ? null : percents[i] };
      }),
    };
  });
  return {
    minimumGroup: MINIMUM_GROUP,
    goals: LIFE_DOMAINS.map((domain, i) => ({ domain, goals: shown(row(domain).goals, goalMask.cells[0][i]), reached: shown(row(domain).reached, reachedMask.cells[0][i]) })),
    goalTotals: { goals: shown(goalTotal, goalMask.rowTotals[0]), reached: shown(reachedTotal, reachedMask.rowTotals[0]) },
    outcomes,
  };
}
