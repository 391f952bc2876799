import { recordAudit } from '../../platform/audit';
import type { ServiceContext, WorkspaceScope } from '../../platform/context';
import { transaction, type Db } from '../../platform/db/database';
import { DomainError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { areaNames } from '../areas/service';
import { nodeRefs } from '../ladder/service';
import { observationRefs, observationsLinkedToRules, personalDataIn } from '../observations/service';
import { localDate } from '../../platform/workdays';
import { listMembers, listPartners } from '../workspaces/service';
import { rulePolicy as policy } from './policies';
import * as repo from './repository';
import type { CreateRuleInput, DeviationInput, DeviationView, PressureQuery, ReviewInput, RuleListQuery, RuleSummaryView, RuleView, UpdateRuleInput } from './schema';

const within = (ctx: ServiceContext, db: Db): ServiceContext => ({ ...ctx, db });
const fieldError = (id: string, path: string, params: Record<string, string | number> = {}) => new DomainError(id, params, [{ path, message: id }]);
const DAY = 24 * 60 * 60 * 1000;
/** Today in the Netherlands: a deviation just after midnight belongs to the new day. */
const today = () => localDate(new Date());
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
const COORDINATORS = ['beheerder', 'programmamanager'];

// Checks against other modules

async function checkRefs(ctx: ServiceContext, input: { ownerUserId?: string | null; ownerPartnerId?: string | null; areaIds?: string[]; ladderNodeIds?: string[]; approverUserIds?: string[] }) {
  const needMembers = input.ownerUserId || input.approverUserIds?.length;
  const members = needMembers ? new Set((await listMembers(ctx)).map((m) => m.userId)) : new Set<string>();
  if (input.ownerUserId && !members.has(input.ownerUserId)) throw fieldError('rule.owner_not_member', 'ownerUserId');
  input.approverUserIds?.forEach((id, i) => {
    if (!members.has(id)) throw fieldError('rule.owner_not_member', `approverUserIds.${i}`);
  });
  if (input.ownerPartnerId && !(await listPartners(ctx)).some((p) => p.id === input.ownerPartnerId)) throw fieldError('rule.partner_not_found', 'ownerPartnerId');
  if (input.areaIds?.length) {
    const found = new Set((await areaNames(ctx, input.areaIds)).map((a) => a.id));
    const missing = input.areaIds.findIndex((id) => !found.has(id));
    if (missing >= 0) throw fieldError('rule.area_not_found', `areaIds.${missing}`);
  }
  if (input.ladderNodeIds?.length) {
    const found = new Set((await nodeRefs(ctx, input.ladderNodeIds)).map((n) => n.id));
    const missing = input.ladderNodeIds.findIndex((id) => !found.has(id));
    if (missing >= 0) throw fieldError('rule.node_not_found', `ladderNodeIds.${missing}`);
  }
}

function checkPeriod(from: string | null | undefined, to: string | null | undefined) {
  if (from && to && from > to) throw fieldError('rule.period_invalid', 'validTo');
}

// Rules

const isActive = (r: Pick<repo.RuleRow, 'validFrom' | 'validTo'>) => (!r.validFrom || r.validFrom <= today()) && (!r.validTo || r.validTo >= today());

function presentSummary(r: repo.RuleRow & { active?: boolean; deviationCount?: number }): RuleSummaryView {
  return {
    id: r.id,
    code: r.code,
    title: r.title,
    kind: r.kind as RuleSummaryView['kind'],
    level: r.level as RuleSummaryView['level'],
    domain: r.domain as RuleSummaryView['domain'],
    intent: r.intent,
    mandate: r.mandate as RuleSummaryView['mandate'],
    ownerUserId: r.ownerUserId,
    ownerPartnerId: r.ownerPartnerId,
    validFrom: r.validFrom,
    validTo: r.validTo,
    active: r.active ?? isActive(r),
    deviationCount: Number(r.deviationCount ?? 0),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** The register: rules by code, filtered by text, kind, level, domain or validity. */
export async function listRules(ctx: ServiceContext, query: RuleListQuery) {
  const scope = policy.authorize(ctx, 'rule.read');
  const { items, total } = await repo.listRules(ctx.db, scope.id, query);
  return { items: items.map(presentSummary), total, can: { create: policy.can(scope, 'rule.manage'), import: policy.can(scope, 'rule.manage') } };
}

async function findRule(db: Db, scope: WorkspaceScope, id: string) {
  const row = await repo.findRule(db, scope.id, id);
  if (!row) throw new DomainError('rule.not_found');
  return row;
}

type DirectLink = Awaited<ReturnType<typeof observationsLinkedToRules>>[number];

/**
 * The reviews of a rule, each with its later effect: deviations and signals in equal windows
 * before and after the decision. Signals are the distinct observations linked to those
 * deviations or to the rule itself (`direct`, every observation that links the rule).
 */
async function reviewsWithEffect(db: Db, scope: WorkspaceScope, ruleId: string, direct: readonly DirectLink[]) {
  const reviews = await repo.reviewsOf(db, scope.id, ruleId);
  const signals = (window: { observationIds: string[] }, from: string, to: string) =>
    new Set([...window.observationIds, ...direct.filter((l) => l.occurredOn >= from && l.occurredOn <= to).map((l) => l.observationId)]).size;
  return Promise.all(
    reviews.map(async (r) => {
      const days = Math.max(0, Math.min(180, daysBetween(r.decidedOn, today())));
      const windows = { before: [addDays(r.decidedOn, -days), addDays(r.decidedOn, -1)], after: [r.decidedOn, addDays(r.decidedOn, days)] } as const;
      const [countsBefore, countsAfter] = await Promise.all([
        repo.countsBetween(db, scope.id, ruleId, ...windows.before),
        repo.countsBetween(db, scope.id, ruleId, ...windows.after),
      ]);
      const before = { deviations: countsBefore.deviations, signals: signals(countsBefore, ...windows.before) };
      const after = { deviations: countsAfter.deviations, signals: signals(countsAfter, ...windows.after) };
      return {
        id: r.id,
        decidedOn: r.decidedOn,
        decision: r.decision as RuleView['reviews'][number]['decision'],
        rationale: r.rationale,
        escalatedTo: r.escalatedTo as RuleView['level'] | null,
        deviationIds: r.evidence.deviationIds ?? [],
        observationIds: r.evidence.observationIds ?? [],
        decidedByName: r.decidedByName,
        createdAt: r.createdAt.toISOString(),
        effect: { days, deviationsBefore: before.deviations, deviationsAfter: after.deviations, signalsBefore: before.signals, signalsAfter: after.signals },
      };
    }),
  );
}

/** How many of the observations that link a rule the rule's page lists (the newest). */
const LINKED_SIGNALS_SHOWN = 20;

async function present(ctx: ServiceContext, db: Db, scope: WorkspaceScope, row: repo.RuleRow & { active?: boolean }): Promise<RuleView> {
  const c = within(ctx, db);
  const direct = await observationsLinkedToRules(c, [row.id]);
  const newest = direct.slice(-LINKED_SIGNALS_SHOWN).reverse();
  const [areaIds, nodeIds, approverIds, tests, reviews, members, partners, deviationCount, signalRefs] = await Promise.all([
    repo.linksOf(db, 'ruleAreas', scope.id, row.id),
    repo.linksOf(db, 'ruleNodes', scope.id, row.id),
    repo.linksOf(db, 'ruleApprovers', scope.id, row.id),
    repo.testsOf(db, scope.id, row.id),
    reviewsWithEffect(db, scope, row.id, direct),
    listMembers(c),
    row.ownerPartnerId ? listPartners(c) : Promise.resolve([]),
    repo.countDeviations(db, scope.id, row.id),
    observationRefs(c, newest.map((l) => l.observationId)),
  ]);
  const [areas, nodes] = await Promise.all([areaNames(c, areaIds), nodeRefs(c, nodeIds)]);
  const signalOf = new Map(signalRefs.map((o) => [o.id, o]));
  const nameOf = new Map(members.map((m) => [m.userId, m.name]));
  const manage = policy.can(scope, 'rule.manage');
  return {
    ...presentSummary({ ...row, deviationCount }),
    sourceUrl: row.sourceUrl,
    ownerName: row.ownerUserId ? (nameOf.get(row.ownerUserId) ?? null) : null,
    ownerPartnerName: row.ownerPartnerId ? (partners.find((p) => p.id === row.ownerPartnerId)?.name ?? null) : null,
    areas: areas.map((a) => ({ id: a.id, name: a.name })),
    ladderNodes: nodes.map((n) => ({ id: n.id, rung: n.rung, code: n.code, title: n.title })),
    approvers: approverIds.map((userId) => ({ userId, name: nameOf.get(userId) ?? '?' })),
    tests: tests.map((t) => ({ id: t.id, testedOn: t.testedOn, moment: t.moment as 'voor_vaststelling', participants: t.participants, findings: t.findings, verdict: t.verdict as 'werkbaar', createdAt: t.createdAt.toISOString() })),
    reviews,
    linkedObservations: {
      total: direct.length,
      items: newest.flatMap((l) => {
        const o = signalOf.get(l.observationId);
        return o ? [{ id: o.id, number: o.number, kind: o.kind, title: o.title, status: o.status, occurredAt: o.occurredAt }] : [];
      }),
    },
    createdAt: row.createdAt.toISOString(),
    can: {
      update: manage,
      delete: manage,
      review: manage || row.ownerUserId === ctx.actor!.userId,
      deviate: policy.can(scope, 'deviation.create'),
    },
  };
}

export async function getRule(ctx: ServiceContext, id: string): Promise<RuleView> {
  const scope = policy.authorize(ctx, 'rule.read');
  return present(ctx, ctx.db, scope, await findRule(ctx.db, scope, id));
}

/**
 * For the observations module (registered as its rule directory in the manifest): these rules
 * of the workspace with code, title and owner, so an observation can link, show and route them.
 */
export async function rulesForObservations(ctx: ServiceContext, ids: readonly string[]) {
  const scope = policy.authorize(ctx, 'rule.read');
  return repo.findRules(ctx.db, scope.id, ids);
}

export async function rulesForObservationsByCode(ctx: ServiceContext, codes: readonly string[]) {
  const scope = policy.authorize(ctx, 'rule.read');
  return repo.findRulesByCode(ctx.db, scope.id, codes);
}

export async function createRule(ctx: ServiceContext, input: CreateRuleInput): Promise<RuleView> {
  const scope = policy.authorize(ctx, 'rule.manage');
  checkPeriod(input.validFrom, input.validTo);
  await checkRefs(ctx, input);
  const row = await transaction(ctx.db, async (trx) => {
    if (await repo.findRuleByCode(trx, scope.id, input.code)) throw fieldError('rule.code_taken', 'code');
    const row = await repo.insertRule(trx, {
      workspaceId: scope.id,
      id: newId(),
      code: input.code,
      title: input.title,
      kind: input.kind,
      level: input.level,
      intent: input.intent,
      domain: input.domain,
      ownerUserId: input.ownerUserId ?? null,
      ownerPartnerId: input.ownerPartnerId ?? null,
      sourceUrl: input.sourceUrl ?? null,
      validFrom: input.validFrom ?? null,
      validTo: input.validTo ?? null,
      mandate: input.mandate ?? 'explain_afterwards',
    });
    await repo.replaceLinks(trx, 'ruleAreas', scope.id, row.id, input.areaIds ?? []);
    await repo.replaceLinks(trx, 'ruleNodes', scope.id, row.id, input.ladderNodeIds ?? []);
    await repo.replaceLinks(trx, 'ruleApprovers', scope.id, row.id, input.approverUserIds ?? []);
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'rule', entityId: row.id, label: `${row.code} ${row.title}`, action: 'create', after: row });
    return row;
  });
  return present(ctx, ctx.db, scope, row);
}

export async function updateRule(ctx: ServiceContext, id: string, input: UpdateRuleInput): Promise<RuleView> {
  const scope = policy.authorize(ctx, 'rule.manage');
  await checkRefs(ctx, input);
  const row = await transaction(ctx.db, async (trx) => {
    const before = await findRule(trx, scope, id);
    checkPeriod(input.validFrom === undefined ? before.validFrom : input.validFrom, input.validTo === undefined ? before.validTo : input.validTo);
    if (input.code && input.code !== before.code && (await repo.findRuleByCode(trx, scope.id, input.code))) throw fieldError('rule.code_taken', 'code');
    const { areaIds, ladderNodeIds, approverUserIds, ...fields } = input;
    const after = Object.keys(fields).length ? await repo.updateRule(trx, scope.id, id, fields) : before;
    if (areaIds) await repo.replaceLinks(trx, 'ruleAreas', scope.id, id, areaIds);
    if (ladderNodeIds) await repo.replaceLinks(trx, 'ruleNodes', scope.id, id, ladderNodeIds);
    if (approverUserIds) await repo.replaceLinks(trx, 'ruleApprovers', scope.id, id, approverUserIds);
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'rule', entityId: id, label: `${after.code} ${after.title}`, action: 'update', before, after });
    return after;
  });
  return present(ctx, ctx.db, scope, row);
}

/** Removes a rule with its deviations and reviews (coordinators; audited). */
export async function deleteRule(ctx: ServiceContext, id: string) {
  const scope = policy.authorize(ctx, 'rule.manage');
  await transaction(ctx.db, async (trx) => {
    const before = await findRule(trx, scope, id);
    await repo.deleteRule(trx, scope.id, id);
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'rule', entityId: id, label: `${before.code} ${before.title}`, action: 'delete', before });
  });
}

/** Records an implementation test (uitvoeringstoets) of a rule, before it was made or after. */
export async function addTest(ctx: ServiceContext, ruleId: string, input: { testedOn: string; moment: string; participants: string; findings: string; verdict: string }) {
  const scope = policy.authorize(ctx, 'rule.manage');
  await transaction(ctx.db, async (trx) => {
    const rule = await findRule(trx, scope, ruleId);
    const row = await repo.insertTest(trx, { workspaceId: scope.id, id: newId(), ruleId, ...input });
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'rule_test', entityId: row.id, label: `${rule.code} ${input.testedOn}`, action: 'create', after: row });
  });
  return getRule(ctx, ruleId);
}

/** Decides on a rule with the evidence in view: keep, adjust, abolish or escalate. */
export async function reviewRule(ctx: ServiceContext, ruleId: string, input: ReviewInput): Promise<RuleView> {
  const scope = policy.authorize(ctx, 'rule.read');
  const rule = await findRule(ctx.db, scope, ruleId);
  if (!policy.can(scope, 'rule.manage') && rule.ownerUserId !== ctx.actor!.userId) throw new DomainError('auth.forbidden');
  if (input.decision === 'escalate' && !input.escalatedTo) throw fieldError('rule.escalation_level_required', 'escalatedTo');
  const deviationIds = [...new Set(input.deviationIds ?? [])];
  const observationIds = [...new Set(input.observationIds ?? [])];
  const found = await repo.listDeviations(ctx.db, scope.id, { ruleId, ids: deviationIds, limit: 500, offset: 0 });
  const missing = deviationIds.findIndex((id) => !found.items.some((d) => d.id === id));
  if (missing >= 0) throw fieldError('rule.evidence_not_found', `deviationIds.${missing}`);
  const seen = new Set((await observationRefs(ctx, observationIds)).map((o) => o.id));
  const missingObs = observationIds.findIndex((id) => !seen.has(id));
  if (missingObs >= 0) throw fieldError('rule.evidence_not_found', `observationIds.${missingObs}`);
  await transaction(ctx.db, async (trx) => {
    const row = await repo.insertReview(trx, {
      workspaceId: scope.id,
      id: newId(),
      ruleId,
      decidedOn: input.decidedOn ?? today(),
      decision: input.decision,
      rationale: input.rationale,
      escalatedTo: input.decision === 'escalate' ? input.escalatedTo! : null,
      evidence: { deviationIds, observationIds },
      decidedBy: ctx.actor!.userId,
      decidedByName: ctx.actor!.name,
    });
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'rule_review', entityId: row.id, label: `${rule.code}: ${input.decision}`, action: 'create', after: { ...row, evidence: JSON.stringify(row.evidence) } });
  });
  return getRule(ctx, ruleId);
}

// Deviations

function guard(ctx: ServiceContext, input: DeviationInput) {
  const fields = (['situation', 'explanation', 'insteadDone', 'expectedBenefit'] as const).filter((f) => personalDataIn({ text: input[f] ?? '' }).length > 0);
  if (fields.length) throw new DomainError('deviation.personal_data', {}, fields.map((path) => ({ path, message: 'deviation.personal_data' })));
}

async function presentDeviations(ctx: ServiceContext, db: Db, scope: WorkspaceScope, rows: repo.DeviationRow[]): Promise<DeviationView[]> {
  const c = within(ctx, db);
  const ruleIds = [...new Set(rows.map((r) => r.ruleId))];
  const [rules, members, areas, links, events, approvers] = await Promise.all([
    Promise.all(ruleIds.map((id) => repo.findRule(db, scope.id, id))),
    listMembers(c),
    areaNames(c, rows.map((r) => r.areaId).filter((a): a is string => !!a)),
    repo.deviationLinks(db, scope.id, rows.map((r) => r.id)),
    repo.deviationEventsOf(db, scope.id, rows.map((r) => r.id)),
    Promise.all(ruleIds.map(async (id) => [id, await repo.linksOf(db, 'ruleApprovers', scope.id, id)] as const)),
  ]);
  const ruleOf = new Map(rules.filter((r) => !!r).map((r) => [r!.id, r!]));
  const approversOf = new Map(approvers);
  const nameOf = new Map(members.map((m) => [m.userId, m.name]));
  const areaOf = new Map(areas.map((a) => [a.id, a.name]));
  const me = ctx.actor!.userId;
  const coordinator = COORDINATORS.includes(scope.role);
  return rows.map((d) => {
    const rule = ruleOf.get(d.ruleId)!;
    const named = approversOf.get(d.ruleId) ?? [];
    return {
      id: d.id,
      ruleId: d.ruleId,
      ruleCode: rule.code,
      ruleTitle: rule.title,
      occurredOn: d.occurredOn,
      areaId: d.areaId,
      areaName: d.areaId ? (areaOf.get(d.areaId) ?? null) : null,
      situation: d.situation,
      explanation: d.explanation,
      insteadDone: d.insteadDone,
      expectedBenefit: d.expectedBenefit,
      reporterName: nameOf.get(d.reporterUserId) ?? '?',
      status: d.status as DeviationView['status'],
      followUpOn: d.followUpOn,
      outcome: d.outcome as DeviationView['outcome'],
      outcomeNote: d.outcomeNote,
      observationIds: links.observations.filter((l) => l.deviationId === d.id).map((l) => l.observationId),
      ladderNodeIds: links.nodes.filter((l) => l.deviationId === d.id).map((l) => l.nodeId),
      createdAt: d.createdAt.toISOString(),
      history: events.filter((e) => e.deviationId === d.id).map((e) => ({ id: e.id, at: e.at.toISOString(), actorName: e.actorName, action: e.action, message: e.message })),
      can: {
        approve: d.status === 'wacht_op_akkoord' && (named.length ? named.includes(me) : coordinator) && d.reporterUserId !== me,
        recordOutcome: d.reporterUserId === me && !d.outcome && (d.status === 'vastgelegd' || d.status === 'akkoord'),
      },
    };
  });
}

async function deviationEvent(trx: Db, ctx: ServiceContext, d: repo.DeviationRow, action: string, message: string | null) {
  await repo.insertDeviationEvent(trx, { workspaceId: d.workspaceId, id: newId(), deviationId: d.id, actorUserId: ctx.actor!.userId, actorName: ctx.actor!.name, action, message });
}

/**
 * A professional records a deviation from a rule, with why the rule did not serve its intent
 * here. Under "explain afterwards" it is recorded at once; under "ask first" it waits for a
 * member with the mandate. No personal data in the text.
 */
export async function recordDeviation(ctx: ServiceContext, ruleId: string, input: DeviationInput): Promise<DeviationView> {
  const scope = policy.authorize(ctx, 'deviation.create');
  guard(ctx, input);
  const occurredOn = input.occurredOn ?? today();
  if (occurredOn > today()) throw fieldError('deviation.in_future', 'occurredOn');
  if (input.areaId && (await areaNames(ctx, [input.areaId])).length === 0) throw fieldError('rule.area_not_found', 'areaId');
  if (input.ladderNodeIds?.length) await checkRefs(ctx, { ladderNodeIds: input.ladderNodeIds });
  const observationIds = [...new Set(input.observationIds ?? [])];
  const seen = new Set((await observationRefs(ctx, observationIds)).map((o) => o.id));
  const missing = observationIds.findIndex((id) => !seen.has(id));
  if (missing >= 0) throw fieldError('rule.evidence_not_found', `observationIds.${missing}`);
  const row = await transaction(ctx.db, async (trx) => {
    const rule = await findRule(trx, scope, ruleId);
    const askFirst = rule.mandate === 'ask_first';
    const row = await repo.insertDeviation(trx, {
      workspaceId: scope.id,
      id: newId(),
      ruleId,
      occurredOn,
      areaId: input.areaId ?? null,
      situation: input.situation,
      explanation: input.explanation,
      insteadDone: input.insteadDone ?? '',
      expectedBenefit: input.expectedBenefit ?? '',
      reporterUserId: ctx.actor!.userId,
      status: askFirst ? 'wacht_op_akkoord' : 'vastgelegd',
      followUpOn: input.followUpOn ?? addDays(occurredOn, 42),
    });
    await repo.replaceDeviationLinks(trx, scope.id, row.id, observationIds, input.ladderNodeIds ?? []);
    await deviationEvent(trx, ctx, row, askFirst ? 'asked' : 'recorded', null);
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'deviation', entityId: row.id, label: `${rule.code} ${occurredOn}`, action: 'create', after: { status: row.status, occurredOn, areaId: row.areaId } });
    return row;
  });
  ctx.events.emit('deviation.recorded', { workspaceId: scope.id, id: row.id, ruleId });
  return (await presentDeviations(ctx, ctx.db, scope, [row]))[0];
}

async function findDeviation(db: Db, scope: WorkspaceScope, ruleId: string, id: string) {
  const row = await repo.findDeviation(db, scope.id, ruleId, id);
  if (!row) throw new DomainError('deviation.not_found');
  return row;
}

export async function getDeviation(ctx: ServiceContext, ruleId: string, id: string) {
  const scope = policy.authorize(ctx, 'rule.read');
  return (await presentDeviations(ctx, ctx.db, scope, [await findDeviation(ctx.db, scope, ruleId, id)]))[0];
}

export async function listDeviations(ctx: ServiceContext, ruleId: string, query: { status?: string; from?: string; to?: string; limit: number; offset: number }) {
  const scope = policy.authorize(ctx, 'rule.read');
  await findRule(ctx.db, scope, ruleId);
  const { items, total } = await repo.listDeviations(ctx.db, scope.id, { ruleId, ...query });
  return { items: await presentDeviations(ctx, ctx.db, scope, items), total };
}

/** Under "ask first": a member with the mandate approves or declines, with a reason that goes into the history. */
export async function decide(ctx: ServiceContext, ruleId: string, id: string, input: { approve: boolean; reason: string }) {
  const scope = policy.authorize(ctx, 'rule.read');
  const row = await transaction(ctx.db, async (trx) => {
    const before = await findDeviation(trx, scope, ruleId, id);
    if (before.status !== 'wacht_op_akkoord') throw new DomainError('deviation.not_pending');
    const [view] = await presentDeviations(ctx, trx, scope, [before]);
    if (!view.can.approve) throw new DomainError('deviation.no_mandate');
    const after = await repo.updateDeviation(trx, scope.id, id, { status: input.approve ? 'akkoord' : 'afgewezen' });
    await deviationEvent(trx, ctx, after, input.approve ? 'approved' : 'declined', input.reason);
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'deviation', entityId: id, label: view.ruleCode, action: input.approve ? 'approve' : 'decline', before: { status: before.status }, after: { status: after.status } });
    return after;
  });
  return (await presentDeviations(ctx, ctx.db, scope, [row]))[0];
}

/** After the follow-up period the professional records what the deviation did: helped, no difference, harmed. */
export async function recordOutcome(ctx: ServiceContext, ruleId: string, id: string, input: { outcome: string; note?: string }) {
  const scope = policy.authorize(ctx, 'rule.read');
  const row = await transaction(ctx.db, async (trx) => {
    const before = await findDeviation(trx, scope, ruleId, id);
    const [view] = await presentDeviations(ctx, trx, scope, [before]);
    if (!view.can.recordOutcome) throw new DomainError('deviation.outcome_not_allowed');
    const after = await repo.updateDeviation(trx, scope.id, id, { outcome: input.outcome, outcomeNote: input.note?.trim() || null, outcomeAt: new Date() });
    await deviationEvent(trx, ctx, after, `outcome_${input.outcome}`, input.note?.trim() || null);
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'deviation', entityId: id, label: view.ruleCode, action: 'outcome', after: { outcome: input.outcome } });
    return after;
  });
  return (await presentDeviations(ctx, ctx.db, scope, [row]))[0];
}

/** What awaits this member in the rule register: approvals, new deviations on their rules (30 days), outcomes they owe. */
export async function deviationInbox(ctx: ServiceContext) {
  const scope = policy.authorize(ctx, 'rule.read');
  const rows = await repo.inboxRows(ctx.db, scope.id, ctx.actor!.userId, COORDINATORS.includes(scope.role), new Date(Date.now() - 30 * DAY));
  const views = await presentDeviations(ctx, ctx.db, scope, rows);
  return rows.map((r, i) => ({ reason: r.reason, deviation: views[i] }));
}

// Pressure and load

/** Rules ranked by pressure in a period, against the period of the same length before it. */
export async function rulePressure(ctx: ServiceContext, query: PressureQuery) {
  const scope = policy.authorize(ctx, 'rule.read');
  const to = query.to ?? today();
  const from = query.from ?? addDays(to, -89);
  if (from > to) throw fieldError('rule.period_invalid', 'from');
  const length = daysBetween(from, to) + 1;
  const previousTo = addDays(from, -1);
  const previousFrom = addDays(from, -length);
  // Observations that link a rule directly count as its signals too; the observations module owns those links.
  const direct = await observationsLinkedToRules(ctx, undefined, { from, to });
  const [rows, total] = await Promise.all([
    repo.pressure(ctx.db, scope.id, { from, to, previousFrom, previousTo, domain: query.domain, level: query.level, limit: query.limit }, direct),
    repo.countRules(ctx.db, scope.id, query),
  ]);
  return {
    from,
    to,
    previousFrom,
    previousTo,
    items: rows.map((r, i) => ({
      ruleId: r.ruleId,
      code: r.code,
      title: r.title,
      kind: r.kind as 'wet',
      level: r.level as 'rijk',
      domain: r.domain as 'jeugd',
      deviations: r.deviations,
      previousDeviations: r.previousDeviations,
      trend: (r.deviations > r.previousDeviations ? 'up' : r.deviations < r.previousDeviations ? 'down' : 'flat') as 'up' | 'down' | 'flat',
      helpedShare: r.withOutcome ? Math.round((r.helped / r.withOutcome) * 100) / 100 : null,
      linkedSignals: r.linkedSignals,
      areas: r.areas,
      professionals: r.professionals,
      rank: i + 1,
    })),
    total,
  };
}

/** The numbers that make rule load visible: active rules per domain and level, new rules per year, deviations per rule. */
export async function ruleLoad(ctx: ServiceContext) {
  const scope = policy.authorize(ctx, 'rule.read');
  const l = await repo.load(ctx.db, scope.id);
  return {
    activeByDomainAndLevel: l.byDomain.map((r) => ({ domain: r.domain as 'jeugd', level: r.level as 'rijk', count: Number(r.count) })),
    newPerYear: l.perYear.map((r) => ({ year: Number(r.year), count: Number(r.count) })),
    deviationsPerRule: l.perRule.map((r) => ({ ruleId: r.ruleId, code: r.code, title: r.title, count: Number(r.count) })),
    activeRules: l.byDomain.reduce((n, r) => n + Number(r.count), 0),
  };
}

export { presentDeviations, findRule as findRuleRow };

/**
 * For learning cycles (the evidence pack of a session): the deviations of a scope — linked,
 * themselves or through their rule, to one of `nodeIds` (an action line and its
 * interventions), or in one of `areaIds`, or the whole workspace when both are absent —
 * between `since` and `until` (inclusive), newest first (at most 500); and the rules under
 * pressure there: deviations per rule in the period against the period of the same length before.
 */
export async function deviationsForLearning(ctx: ServiceContext, f: { nodeIds?: readonly string[]; areaIds?: readonly string[]; since: string; until: string }) {
  const scope = policy.authorize(ctx, 'rule.read');
  const previousFrom = addDays(f.since, -(daysBetween(f.since, f.until) + 1));
  const [rows, pressure] = await Promise.all([repo.deviationsInScope(ctx.db, scope.id, { ...f, limit: 500 }), repo.pressureInScope(ctx.db, scope.id, { ...f, previousFrom })]);
  return {
    deviations: rows.map((d) => ({
      id: d.id,
      ruleId: d.ruleId,
      ruleCode: d.ruleCode,
      ruleTitle: d.ruleTitle,
      occurredOn: d.occurredOn,
      areaId: d.areaId,
      situation: d.situation,
      explanation: d.explanation,
      outcome: d.outcome,
    })),
    rulesUnderPressure: pressure,
  };
}

/** For other modules (learning cycles, board decisions): these rules' code and title; unknown ids are left out. */
export async function ruleRefsForLearning(ctx: ServiceContext, ids: readonly string[]) {
  const scope = policy.authorize(ctx, 'rule.read');
  const rows = await Promise.all([...new Set(ids)].map((id) => repo.findRule(ctx.db, scope.id, id)));
  return rows.filter((r): r is NonNullable<typeof r> => !!r).map((r) => ({ id: r.id, code: r.code, title: r.title }));
}

/** For learning cycles: whether these deviations exist in the workspace (the ids that do). */
export async function deviationRefsForLearning(ctx: ServiceContext, ids: readonly string[]) {
  const scope = policy.authorize(ctx, 'rule.read');
  const found = await repo.listDeviations(ctx.db, scope.id, { ids: [...new Set(ids)], limit: 500, offset: 0 });
  return found.items.map((d) => ({ id: d.id, ruleId: d.ruleId, occurredOn: d.occurredOn, situation: d.situation }));
}
