import { recordAudit } from '../../platform/audit';
import type { Actor, ServiceContext, WorkspaceScope } from '../../platform/context';
import { transaction, type Db } from '../../platform/db/database';
import { DomainError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { areaNames } from '../areas/service';
import { listMembers } from '../workspaces/service';
import * as repo from './msc.repository';
import type {
  CandidateView,
  DomainInput,
  DomainPatch,
  DomainView,
  PeriodInput,
  PeriodPatch,
  PeriodView,
  RoundInput,
  RoundPatch,
  RoundStatus,
  RoundSummaryView,
  RoundView,
  SelectedItem,
  SelectionInput,
  SelectionPatch,
  SelectionView,
  StoriesQuery,
  StoryView,
} from './msc.schema';
import { observationPolicy as policy } from './policies';
import { insertEvent, type Access } from './repository';
import type { HistoryEntry } from './schema';

/*
 * Most Significant Change on top of observations. Stories are observations of kind `verhaal`;
 * this file adds their domain of change, the collection periods, the selection rounds and the
 * panel's choices. Finishing a round writes the choice and its reason into the history of each
 * chosen story, where the storyteller (a member, or a resident through the private link) reads it.
 */

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const within = (ctx: ServiceContext, db: Db): ServiceContext => ({ ...ctx, db });
const fieldError = (id: string, path: string, params: Record<string, string | number> = {}) => new DomainError(id, params, [{ path, message: id }]);
const access = (ctx: ServiceContext, scope: WorkspaceScope): Access => ({ userId: ctx.actor!.userId, seeIntern: policy.can(scope, 'observation.seeIntern') });
/** Enough for any period of a panel's work; a panel does not read more stories than this in one sitting. */
const MAX_CANDIDATES = 1000;
const NOBODY = '00000000-0000-0000-0000-000000000000';

/**
 * Appends one entry to an observation's history (the history is append-only), inside the
 * caller's transaction. For other parts of the module that tell the reporter something.
 */
export async function appendObservationHistory(
  trx: Db,
  entry: { workspaceId: string; observationId: string; actor: Actor | null; action: HistoryEntry['action']; message: string; internal?: boolean; at?: Date },
) {
  return insertEvent(trx, {
    workspaceId: entry.workspaceId,
    id: newId(),
    observationId: entry.observationId,
    ...(entry.at ? { at: entry.at } : {}),
    // the command line and the public side act as nobody in particular
    actorUserId: entry.actor && entry.actor.via !== 'cli' && entry.actor.userId !== NOBODY ? entry.actor.userId : null,
    actorName: entry.actor?.name ?? '?',
    action: entry.action,
    fromStatus: null,
    toStatus: null,
    message: entry.message,
    ownerUserId: null,
    forwardedTo: null,
    dueAt: null,
    internal: entry.internal ?? false,
  });
}

// Names

async function namesFor(ctx: ServiceContext, db: Db, areaIds: (string | null)[]) {
  const c = within(ctx, db);
  const [members, areas] = await Promise.all([listMembers(c), areaNames(c, areaIds.filter((a): a is string => !!a))]);
  return { member: new Map(members.map((m) => [m.userId, m.name])), area: new Map(areas.map((a) => [a.id, a.name])) };
}
type Names = Awaited<ReturnType<typeof namesFor>>;

function presentStory(ctx: ServiceContext, scope: WorkspaceScope, row: repo.StoryRow, names: Names): StoryView {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    text: row.text,
    occurredAt: row.occurredAt.toISOString(),
    visibility: row.visibility as StoryView['visibility'],
    areaName: row.areaId ? (names.area.get(row.areaId) ?? null) : null,
    storyteller: row.reporterUserId ? (names.member.get(row.reporterUserId) ?? '?') : (row.reporterName ?? (ctx.locale === 'en' ? 'resident' : 'bewoner')),
    domainId: row.domainId,
    domainName: row.domainName,
    can: { classify: policy.can(scope, 'msc.classify') || (!!row.reporterUserId && row.reporterUserId === ctx.actor!.userId) },
  };
}

// Domains of change

const presentDomain = (row: repo.DomainRow, use = { stories: 0, rounds: 0 }): DomainView => ({
  id: row.id,
  name: row.name,
  description: row.description,
  active: row.active,
  stories: Number(use.stories ?? 0),
  rounds: Number(use.rounds ?? 0),
  updatedAt: row.updatedAt.toISOString(),
});
const auditDomain = (row: repo.DomainRow) => ({ name: row.name, description: row.description, active: row.active });

export async function listDomains(ctx: ServiceContext) {
  const scope = policy.authorize(ctx, 'observation.read');
  const items = (await repo.listDomains(ctx.db, scope.id)).map((r) => presentDomain(r, { stories: r.stories ?? 0, rounds: r.rounds ?? 0 }));
  return { items, total: items.length, can: { manage: policy.can(scope, 'msc.manage') } };
}

async function findDomain(db: Db, scope: WorkspaceScope, id: string) {
  const row = await repo.findDomain(db, scope.id, id);
  if (!row) throw new DomainError('msc.domain_not_found');
  return row;
}

export async function createDomain(ctx: ServiceContext, input: DomainInput) {
  const scope = policy.authorize(ctx, 'msc.manage');
  return transaction(ctx.db, async (trx) => {
    if (await repo.findDomainByName(trx, scope.id, input.name)) throw fieldError('msc.domain_taken', 'name');
    const row = await repo.insertDomain(trx, { workspaceId: scope.id, id: newId(), ...input });
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'msc_domain', entityId: row.id, action: 'create', after: auditDomain(row) });
    return presentDomain(row);
  });
}

export async function updateDomain(ctx: ServiceContext, id: string, patch: DomainPatch) {
  const scope = policy.authorize(ctx, 'msc.manage');
  return transaction(ctx.db, async (trx) => {
    const before = await findDomain(trx, scope, id);
    if (patch.name && patch.name.toLowerCase() !== before.name.toLowerCase() && (await repo.findDomainByName(trx, scope.id, patch.name))) throw fieldError('msc.domain_taken', 'name');
    const after = await repo.updateDomain(trx, scope.id, id, patch);
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'msc_domain', entityId: id, action: 'update', before: auditDomain(before), after: auditDomain(after) });
    return presentDomain(after, await repo.domainUse(trx, scope.id, id));
  });
}

/** Removes a domain nobody uses; one with stories or rounds can only be made inactive. */
export async function deleteDomain(ctx: ServiceContext, id: string) {
  const scope = policy.authorize(ctx, 'msc.manage');
  await transaction(ctx.db, async (trx) => {
    const before = await findDomain(trx, scope, id);
    const use = await repo.domainUse(trx, scope.id, id);
    if (use.stories || use.rounds) throw new DomainError('msc.domain_in_use', use);
    await repo.deleteDomain(trx, scope.id, id);
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'msc_domain', entityId: id, action: 'delete', before: auditDomain(before) });
  });
}

// Collection periods

const presentPeriod = (row: repo.PeriodRow, use = { stories: 0, rounds: 0 }): PeriodView => ({
  id: row.id,
  name: row.name,
  startDate: row.startDate,
  endDate: row.endDate,
  stories: Number(use.stories ?? 0),
  rounds: Number(use.rounds ?? 0),
  updatedAt: row.updatedAt.toISOString(),
});
const auditPeriod = (row: repo.PeriodRow) => ({ name: row.name, startDate: row.startDate, endDate: row.endDate });

export async function listPeriods(ctx: ServiceContext) {
  const scope = policy.authorize(ctx, 'observation.read');
  const items = (await repo.listPeriods(ctx.db, scope.id, access(ctx, scope))).map((r) => presentPeriod(r, { stories: r.stories ?? 0, rounds: r.rounds ?? 0 }));
  return { items, total: items.length, can: { manage: policy.can(scope, 'msc.manage') } };
}

async function findPeriod(db: Db, scope: WorkspaceScope, id: string, field?: string) {
  const row = await repo.findPeriod(db, scope.id, id);
  if (!row) throw field ? fieldError('msc.period_not_found', field) : new DomainError('msc.period_not_found');
  return row;
}

function checkDates(startDate: string, endDate: string) {
  if (endDate < startDate) throw fieldError('msc.period_dates', 'endDate');
}

export async function createPeriod(ctx: ServiceContext, input: PeriodInput) {
  const scope = policy.authorize(ctx, 'msc.manage');
  checkDates(input.startDate, input.endDate);
  return transaction(ctx.db, async (trx) => {
    if (await repo.findPeriodByName(trx, scope.id, input.name)) throw fieldError('msc.period_taken', 'name');
    const row = await repo.insertPeriod(trx, { workspaceId: scope.id, id: newId(), ...input });
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'msc_period', entityId: row.id, action: 'create', after: auditPeriod(row) });
    const [counted] = (await repo.listPeriods(trx, scope.id, access(ctx, scope))).filter((p) => p.id === row.id);
    return presentPeriod(row, { stories: counted?.stories ?? 0, rounds: 0 });
  });
}

/** A period's dates define which stories its rounds choose from, so they are fixed once it has rounds. */
export async function updatePeriod(ctx: ServiceContext, id: string, patch: PeriodPatch) {
  const scope = policy.authorize(ctx, 'msc.manage');
  return transaction(ctx.db, async (trx) => {
    const before = await findPeriod(trx, scope, id);
    const startDate = patch.startDate ?? before.startDate;
    const endDate = patch.endDate ?? before.endDate;
    checkDates(startDate, endDate);
    if (patch.name && patch.name.toLowerCase() !== before.name.toLowerCase() && (await repo.findPeriodByName(trx, scope.id, patch.name))) throw fieldError('msc.period_taken', 'name');
    const rounds = await repo.roundCountOfPeriod(trx, scope.id, id);
    if (rounds && (startDate !== before.startDate || endDate !== before.endDate)) throw new DomainError('msc.period_in_use', { rounds });
    const after = await repo.updatePeriod(trx, scope.id, id, patch);
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'msc_period', entityId: id, action: 'update', before: auditPeriod(before), after: auditPeriod(after) });
    const [counted] = (await repo.listPeriods(trx, scope.id, access(ctx, scope))).filter((p) => p.id === id);
    return presentPeriod(after, { stories: counted?.stories ?? 0, rounds });
  });
}

export async function deletePeriod(ctx: ServiceContext, id: string) {
  const scope = policy.authorize(ctx, 'msc.manage');
  await transaction(ctx.db, async (trx) => {
    const before = await findPeriod(trx, scope, id);
    const rounds = await repo.roundCountOfPeriod(trx, scope.id, id);
    if (rounds) throw new DomainError('msc.period_in_use', { rounds });
    await repo.deletePeriod(trx, scope.id, id);
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'msc_period', entityId: id, action: 'delete', before: auditPeriod(before) });
  });
}

// Stories and their domain

/** Stories the member may see, oldest first; of one period and/or one domain (`none`: without a domain). */
export async function listStories(ctx: ServiceContext, query: StoriesQuery) {
  const scope = policy.authorize(ctx, 'observation.read');
  const period = query.periodId ? await findPeriod(ctx.db, scope, query.periodId) : undefined;
  if (query.domainId && query.domainId !== 'none') await findDomain(ctx.db, scope, query.domainId);
  const { items, total } = await repo.listStories(ctx.db, scope.id, access(ctx, scope), { from: period?.startDate, to: period?.endDate, domainId: query.domainId }, query);
  const names = await namesFor(ctx, ctx.db, items.map((i) => i.areaId));
  return { items: items.map((r) => presentStory(ctx, scope, r, names)), total };
}

/** Gives a story its domain of change (null: none). The storyteller, coordinators and policy advisers may. */
export async function setStoryDomain(ctx: ServiceContext, observationId: string, domainId: string | null): Promise<StoryView> {
  const scope = policy.authorize(ctx, 'observation.read');
  const row = await transaction(ctx.db, async (trx) => {
    const before = await repo.findStory(trx, scope.id, access(ctx, scope), observationId);
    if (!before) throw new DomainError('msc.story_not_found');
    if (!policy.can(scope, 'msc.classify') && before.reporterUserId !== ctx.actor!.userId) throw new DomainError('msc.classify_not_allowed');
    if (domainId && domainId !== before.domainId) {
      const domain = await repo.findDomain(trx, scope.id, domainId);
      if (!domain) throw fieldError('msc.domain_not_found', 'domainId');
      if (!domain.active) throw fieldError('msc.domain_inactive', 'domainId');
    }
    await repo.setStoryDomain(trx, scope.id, observationId, domainId);
    await recordAudit(trx, {
      workspaceId: scope.id,
      actor: ctx.actor,
      entity: 'msc_story_domain',
      entityId: observationId,
      label: `#${before.number}`,
      action: 'update',
      before: { domainId: before.domainId },
      after: { domainId },
    });
    return (await repo.findStory(trx, scope.id, access(ctx, scope), observationId))!;
  });
  return presentStory(ctx, scope, row, await namesFor(ctx, ctx.db, [row.areaId]));
}

// Selection rounds

type RoundRow = NonNullable<Awaited<ReturnType<typeof repo.findRound>>>;

const presentRoundSummary = (row: RoundRow): RoundSummaryView => ({
  id: row.id,
  name: row.name,
  heldOn: row.heldOn,
  periodId: row.periodId,
  periodName: row.periodName,
  domainId: row.domainId,
  domainName: row.domainName,
  status: row.status as RoundStatus,
  finishedAt: iso(row.finishedAt),
  selections: Number(row.selections ?? 0),
});
const auditRound = (row: repo.RoundRow) => ({ name: row.name, heldOn: row.heldOn, periodId: row.periodId, domainId: row.domainId, panel: row.panel, status: row.status });

export async function listRounds(ctx: ServiceContext, query: { periodId?: string }) {
  const scope = policy.authorize(ctx, 'observation.read');
  const items = (await repo.listRounds(ctx.db, scope.id, query.periodId)).map(presentRoundSummary);
  return { items, total: items.length, can: { create: policy.can(scope, 'msc.manage') } };
}

async function findRound(db: Db, scope: WorkspaceScope, id: string) {
  const row = await repo.findRound(db, scope.id, id);
  if (!row) throw new DomainError('msc.round_not_found');
  return row;
}

/** Members by id get their account's name; others are kept by name. */
async function resolvePanel(ctx: ServiceContext, db: Db, panel: { userId?: string; name?: string }[]): Promise<repo.PanelEntry[]> {
  if (!panel.some((p) => p.userId)) return panel.map((p) => ({ userId: null, name: p.name! }));
  const members = new Map((await listMembers(within(ctx, db))).map((m) => [m.userId, m.name]));
  return panel.map((p, i) => {
    if (!p.userId) return { userId: null, name: p.name! };
    const name = members.get(p.userId);
    if (name === undefined) throw fieldError('msc.panel_not_member', `panel.${i}.userId`);
    return { userId: p.userId, name };
  });
}

export async function createRound(ctx: ServiceContext, input: RoundInput): Promise<RoundView> {
  const scope = policy.authorize(ctx, 'msc.manage');
  const id = await transaction(ctx.db, async (trx) => {
    await findPeriod(trx, scope, input.periodId, 'periodId');
    if (input.domainId && !(await repo.findDomain(trx, scope.id, input.domainId))) throw fieldError('msc.domain_not_found', 'domainId');
    const panel = await resolvePanel(ctx, trx, input.panel);
    const row = await repo.insertRound(trx, { workspaceId: scope.id, id: newId(), periodId: input.periodId, domainId: input.domainId ?? null, name: input.name, heldOn: input.heldOn, panel });
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'msc_round', entityId: row.id, action: 'create', after: auditRound(row) });
    return row.id;
  });
  return getRound(ctx, id);
}

/** The stories the round chooses from: the period's (and domain's) stories the member may see. */
const candidateFilter = (round: RoundRow): repo.StoryFilter => ({ from: round.periodStart, to: round.periodEnd, domainId: round.domainId ?? undefined });

/** A round with its panel, the stories chosen (by rank, with the reasons) and the candidates. */
export async function getRound(ctx: ServiceContext, id: string): Promise<RoundView> {
  const scope = policy.authorize(ctx, 'observation.read');
  const round = await findRound(ctx.db, scope, id);
  const who = access(ctx, scope);
  const [candidates, selections] = await Promise.all([
    repo.listStories(ctx.db, scope.id, who, candidateFilter(round), { limit: MAX_CANDIDATES, offset: 0 }),
    repo.selectionsOf(ctx.db, scope.id, id),
  ]);
  const chosen = await repo.listStories(ctx.db, scope.id, who, { ids: selections.map((s) => s.observationId) }, { limit: MAX_CANDIDATES, offset: 0 });
  const names = await namesFor(ctx, ctx.db, [...candidates.items, ...chosen.items].map((s) => s.areaId));
  const storyOf = new Map(chosen.items.map((s) => [s.id, s]));
  const selectionOf = new Map(selections.map((s) => [s.observationId, s.id]));
  const open = round.status === 'open';
  const manage = policy.can(scope, 'msc.manage');
  return {
    ...presentRoundSummary(round),
    periodStart: round.periodStart,
    periodEnd: round.periodEnd,
    panel: round.panel,
    // a chosen story the member may not see (an intern one) is left out, like everywhere else
    selections: selections.flatMap((s): SelectionView[] => {
      const story = storyOf.get(s.observationId);
      if (!story) return [];
      const { can: _can, ...ref } = presentStory(ctx, scope, story, names);
      return [{ id: s.id, rank: s.rank, reason: s.reason, story: ref, updatedAt: s.updatedAt.toISOString() }];
    }),
    candidates: candidates.items.map((r): CandidateView => {
      const { can: _can, ...story } = presentStory(ctx, scope, r, names);
      return { ...story, selectionId: selectionOf.get(r.id) ?? null };
    }),
    can: { update: manage && open, select: open && policy.can(scope, 'msc.select'), finish: manage && open, delete: manage && open },
  };
}

/** The round locked for this transaction, refused once it is finished. */
async function openRound(trx: Db, scope: WorkspaceScope, id: string) {
  const row = await repo.lockRound(trx, scope.id, id);
  if (!row) throw new DomainError('msc.round_not_found');
  if (row.status !== 'open') throw new DomainError('msc.round_finished');
  return row;
}

/** The line in the storyteller's history: which round chose the story, at which place, and why. */
function feedbackMessage(round: RoundRow, selection: repo.SelectionRow, of: number) {
  const where = [round.periodName, round.domainName].filter(Boolean).join(', ');
  return `Gekozen als meest betekenisvolle verhaal in ronde "${round.name}" (${where}; plaats ${selection.rank} van ${of}). Reden: ${selection.reason}`;
}

/**
 * Changes the round's name, date or panel; `status: afgerond` finishes it: the choice is then
 * fixed, and each chosen story's history tells its storyteller that, and why, it was chosen.
 */
export async function updateRound(ctx: ServiceContext, id: string, patch: RoundPatch): Promise<RoundView> {
  const scope = policy.authorize(ctx, 'msc.manage');
  const finished = await transaction(ctx.db, async (trx) => {
    const before = await openRound(trx, scope, id);
    const changes: Parameters<typeof repo.updateRound>[3] = {};
    if (patch.name !== undefined) changes.name = patch.name;
    if (patch.heldOn !== undefined) changes.heldOn = patch.heldOn;
    if (patch.panel !== undefined) changes.panel = await resolvePanel(ctx, trx, patch.panel);
    const finishing = patch.status === 'afgerond';
    const selections = finishing ? await repo.selectionsOf(trx, scope.id, id) : [];
    if (finishing) {
      if (selections.length === 0) throw new DomainError('msc.round_empty');
      Object.assign(changes, { status: 'afgerond', finishedAt: new Date() });
    }
    const after = await repo.updateRound(trx, scope.id, id, changes);
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'msc_round', entityId: id, action: finishing ? 'finish' : 'update', before: auditRound(before), after: auditRound(after) });
    if (finishing) {
      const round = (await repo.findRound(trx, scope.id, id))!;
      for (const s of selections) {
        await appendObservationHistory(trx, { workspaceId: scope.id, observationId: s.observationId, actor: ctx.actor, action: 'msc_selected', message: feedbackMessage(round, s, selections.length) });
      }
    }
    return finishing;
  });
  if (finished) ctx.events.emit('msc.round_finished', { workspaceId: scope.id, id });
  return getRound(ctx, id);
}

/** Removes an open round with its choices (a finished round has been told to the storytellers and stays). */
export async function deleteRound(ctx: ServiceContext, id: string) {
  const scope = policy.authorize(ctx, 'msc.manage');
  await transaction(ctx.db, async (trx) => {
    const before = await openRound(trx, scope, id);
    await repo.deleteRound(trx, scope.id, id);
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'msc_round', entityId: id, action: 'delete', before: auditRound(before) });
  });
}

// The panel's choices

/** The story, if it is one of the round's candidates; otherwise a clear refusal. */
async function candidate(ctx: ServiceContext, trx: Db, scope: WorkspaceScope, round: RoundRow, observationId: string) {
  const who = access(ctx, scope);
  const story = await repo.findStory(trx, scope.id, who, observationId);
  if (!story) throw fieldError('msc.story_not_found', 'observationId');
  const { items } = await repo.listStories(trx, scope.id, who, { ...candidateFilter(round), ids: [observationId] }, { limit: 1, offset: 0 });
  if (items.length === 0) {
    const en = ctx.locale === 'en';
    const domain = round.domainName ? (en ? ` and the domain ${round.domainName}` : ` en het domein ${round.domainName}`) : '';
    throw fieldError('msc.not_candidate', 'observationId', { period: `${round.periodName} (${round.periodStart} – ${round.periodEnd})`, domain });
  }
  return story;
}

function checkRank(selections: repo.SelectionRow[], rank: number, except?: string) {
  if (selections.some((s) => s.rank === rank && s.id !== except)) throw fieldError('msc.rank_taken', 'rank', { rank });
}

const auditSelection = (row: repo.SelectionRow) => ({ roundId: row.roundId, observationId: row.observationId, rank: row.rank, reason: row.reason });

/** The panel chooses a story, with its place and the reason. */
export async function addSelection(ctx: ServiceContext, roundId: string, input: SelectionInput): Promise<RoundView> {
  const scope = policy.authorize(ctx, 'msc.select');
  await transaction(ctx.db, async (trx) => {
    await openRound(trx, scope, roundId);
    const round = (await repo.findRound(trx, scope.id, roundId))!;
    const story = await candidate(ctx, trx, scope, round, input.observationId);
    const selections = await repo.selectionsOf(trx, scope.id, roundId);
    if (selections.some((s) => s.observationId === input.observationId)) throw fieldError('msc.already_selected', 'observationId');
    checkRank(selections, input.rank);
    const row = await repo.insertSelection(trx, { workspaceId: scope.id, id: newId(), roundId, observationId: input.observationId, rank: input.rank, reason: input.reason, selectedBy: ctx.actor!.userId });
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'msc_selection', entityId: row.id, label: `${round.name}: #${story.number}`, action: 'create', after: auditSelection(row) });
  });
  return getRound(ctx, roundId);
}

async function findSelection(trx: Db, scope: WorkspaceScope, roundId: string, selectionId: string) {
  const selections = await repo.selectionsOf(trx, scope.id, roundId);
  const selection = selections.find((s) => s.id === selectionId);
  if (!selection) throw new DomainError('msc.selection_not_found');
  return { selection, selections };
}

export async function updateSelection(ctx: ServiceContext, roundId: string, selectionId: string, patch: SelectionPatch): Promise<RoundView> {
  const scope = policy.authorize(ctx, 'msc.select');
  await transaction(ctx.db, async (trx) => {
    const round = await openRound(trx, scope, roundId);
    const { selection, selections } = await findSelection(trx, scope, roundId, selectionId);
    if (patch.rank !== undefined) checkRank(selections, patch.rank, selectionId);
    const after = await repo.updateSelection(trx, scope.id, selectionId, patch);
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'msc_selection', entityId: selectionId, label: round.name, action: 'update', before: auditSelection(selection), after: auditSelection(after) });
  });
  return getRound(ctx, roundId);
}

export async function removeSelection(ctx: ServiceContext, roundId: string, selectionId: string) {
  const scope = policy.authorize(ctx, 'msc.select');
  await transaction(ctx.db, async (trx) => {
    const round = await openRound(trx, scope, roundId);
    const { selection } = await findSelection(trx, scope, roundId, selectionId);
    await repo.deleteSelection(trx, scope.id, selectionId);
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'msc_selection', entityId: selectionId, label: round.name, action: 'delete', before: auditSelection(selection) });
  });
}

// What reports include

/** The stories chosen in finished rounds, with the reasons: what a report includes. Of one period and/or domain. */
export async function listSelected(ctx: ServiceContext, query: { periodId?: string; domainId?: string }) {
  const scope = policy.authorize(ctx, 'observation.read');
  if (query.periodId) await findPeriod(ctx.db, scope, query.periodId);
  if (query.domainId) await findDomain(ctx.db, scope, query.domainId);
  const rows = await repo.selectedInFinishedRounds(ctx.db, scope.id, query);
  const stories = await repo.listStories(ctx.db, scope.id, access(ctx, scope), { ids: [...new Set(rows.map((r) => r.observationId))] }, { limit: 10_000, offset: 0 });
  const names = await namesFor(ctx, ctx.db, stories.items.map((s) => s.areaId));
  const storyOf = new Map(stories.items.map((s) => [s.id, s]));
  const items = rows.flatMap((r): SelectedItem[] => {
    const story = storyOf.get(r.observationId);
    if (!story) return [];
    const { can: _can, ...ref } = presentStory(ctx, scope, story, names);
    return [
      {
        id: r.id,
        rank: r.rank,
        reason: r.reason,
        roundId: r.roundId,
        roundName: r.roundName,
        heldOn: r.heldOn,
        finishedAt: r.finishedAt.toISOString(),
        periodId: r.periodId,
        periodName: r.periodName,
        roundDomainName: r.roundDomainName,
        panel: r.panel,
        story: ref,
      },
    ];
  });
  return { items, total: items.length };
}

/**
 * For the progress report: the stories a panel selected as most significant (with the reason)
 * that happened or were chosen in the period, then the most recent other stories. `publicOnly`
 * keeps public stories and names no storyteller.
 */
export async function storiesForReport(ctx: ServiceContext, f: { from: string; to: string; publicOnly: boolean; recent: number }) {
  const scope = policy.authorize(ctx, 'observation.read');
  const inPeriod = (iso: string) => iso.slice(0, 10) >= f.from && iso.slice(0, 10) <= f.to;
  type Told = Pick<StoryView, 'visibility' | 'storyteller'>;
  const shown = (s: Told) => !f.publicOnly || s.visibility === 'public';
  const teller = (s: Told) => (f.publicOnly ? (s.storyteller === 'bewoner' || s.storyteller === 'resident' ? 'een bewoner' : 'een professional') : s.storyteller);
  const selected = (await listSelected(ctx, {})).items.filter((i) => shown(i.story) && (inPeriod(i.story.occurredAt) || (i.heldOn !== null && inPeriod(i.heldOn))));
  const chosen = new Set(selected.map((i) => i.story.id));
  const rows = await repo.listStories(ctx.db, scope.id, access(ctx, scope), { from: f.from, to: f.to }, { limit: 500, offset: 0 });
  const names = await namesFor(ctx, ctx.db, rows.items.map((r) => r.areaId));
  const recent = rows.items
    .map((r) => presentStory(ctx, scope, r, names))
    .filter((s) => shown(s) && !chosen.has(s.id))
    .reverse()
    .slice(0, f.recent);
  return {
    selected: [...new Map(selected.map((i) => [i.story.id, { ...i.story, storyteller: teller(i.story), reason: i.reason, chosenOn: i.heldOn ?? i.finishedAt.slice(0, 10) }])).values()],
    recent: recent.map((s) => ({ ...s, storyteller: teller(s) })),
  };
}
