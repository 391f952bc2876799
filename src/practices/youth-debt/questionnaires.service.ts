import { createHash, randomBytes } from 'node:crypto';

import type { Actor, ServiceContext, WorkspaceScope } from '../../platform/context';
import { transaction, type Db } from '../../platform/db/database';
import { DomainError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { localDate } from '../../platform/workdays';
import { findWorkspaceByIdForPublicPage, listMembers } from '../../core/workspaces/service';
import { youthDebtPolicy as policy } from './policies';
import { isSmall } from './protect';
import {
  LINK_VALID_DAYS,
  MOMENTS,
  SCORE_KEYS,
  dueDate,
  mayFillOn,
  momentState,
  opensOn,
  participantDevelopment,
  scoreDevelopment,
  type Moment,
  type Respondent,
  type Scores,
} from './questionnaires';
import * as qrepo from './questionnaires.repository';
import type { FillInput, LinkInput, PublicFillInput } from './questionnaires.schema';
import * as repo from './repository';
import { participantNumber } from './service';
import { audit, fieldError, ownCase, participantOr404 } from './common';
import { cachedFigures } from './figures';

/*
 * The effect monitor: questionnaires per participant and moment, by the young person (through a
 * private link, no account) and by the coach. Scores of one participant are for their own coach
 * and counsellor only; other case workers see which moments are filled in; every member sees
 * the workspace's means, with small-number protection.
 */

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');
/** Who acts through the private link: the young person, without an account. */
const LINK_ACTOR: Actor = { userId: '00000000-0000-0000-0000-000000000000', email: '', name: 'jongere (privélink)', isAdmin: false, via: 'system' };
const DAY = 86_400_000;
const momentLabel = (moment: Moment) => (moment === 0 ? 'intake' : `${moment} maanden`);
/** The audit log is read by others: it records that scores were given or changed, not the scores themselves. */
const auditScores = (scores: Scores | null) => (scores ? Object.fromEntries(SCORE_KEYS.map((k) => [k, '(ingevuld)'])) : {});

const scoresOf = (row: Scores): Scores => Object.fromEntries(SCORE_KEYS.map((k) => [k, row[k]])) as Scores;

type LinkState = 'actief' | 'gebruikt' | 'verlopen' | 'ingetrokken';
function linkState(l: qrepo.LinkRow, now = Date.now()): LinkState {
  if (l.usedAt) return 'gebruikt';
  if (l.revokedAt) return 'ingetrokken';
  return l.expiresAt.getTime() <= now ? 'verlopen' : 'actief';
}

function linkView(l: qrepo.LinkRow, mayManage: boolean) {
  const state = linkState(l);
  return {
    id: l.id,
    moment: l.moment,
    state,
    createdAt: l.createdAt.toISOString(),
    expiresAt: l.expiresAt.toISOString(),
    usedAt: l.usedAt?.toISOString() ?? null,
    revokedAt: l.revokedAt?.toISOString() ?? null,
    can: { revoke: mayManage && state === 'actief' },
  };
}

/** The moments of one participant (due dates, what is filled in and by whom), with scores and their development for the own coach and counsellor. */
export async function participantQuestionnaires(ctx: ServiceContext, participantId: string) {
  const scope = policy.authorize(ctx, 'youth_debt.case.read');
  const p = await participantOr404(ctx.db, scope, participantId);
  const own = ownCase(ctx, p);
  const mayManage = own && policy.can(scope, 'youth_debt.case.manage');
  const [rows, links, members] = await Promise.all([qrepo.questionnairesOf(ctx.db, scope.id, p.id), qrepo.linksOf(ctx.db, scope.id, p.id), listMembers(ctx)]);
  const memberName = new Map(members.map((m) => [m.userId, m.name]));
  const today = localDate(new Date());
  const answer = (moment: Moment, respondent: Respondent, due: string) => {
    const row = rows.find((r) => r.moment === moment && r.respondent === respondent);
    return {
      state: momentState(due, today, !!row),
      filledAt: row?.filledAt.toISOString() ?? null,
      filledBy: row ? (row.linkId ? { via: 'link' as const, name: null } : { via: 'lid' as const, name: memberName.get(row.filledByUserId!) ?? null }) : null,
      scores: row && own ? scoresOf(row) : null,
    };
  };
  return {
    participantId: p.id,
    number: participantNumber(p.number),
    startDate: p.startDate,
    scoresVisible: own,
    moments: MOMENTS.map((moment) => {
      const due = dueDate(p.startDate, moment);
      const active = links.find((l) => l.moment === moment && linkState(l) === 'actief');
      return { moment, dueDate: due, opensOn: opensOn(due), jongere: answer(moment, 'jongere', due), begeleider: answer(moment, 'begeleider', due), activeLink: active ? linkView(active, mayManage) : null };
    }),
    development: own ? participantDevelopment(rows.map((r) => ({ participantId: r.participantId, moment: r.moment, respondent: r.respondent, scores: scoresOf(r) }))) : null,
    can: { fill: mayManage, link: mayManage },
  };
}

/** Checks that the actor may fill in or hand out this participant's questionnaire of `moment`, and that the moment is open. */
async function checkFill(ctx: ServiceContext, db: Db, scope: WorkspaceScope, participantId: string, moment: Moment) {
  const p = await participantOr404(db, scope, participantId);
  if (!ownCase(ctx, p)) throw new DomainError('youth_debt.questionnaire_not_allowed');
  const due = dueDate(p.startDate, moment);
  if (!mayFillOn(due, localDate(new Date()))) throw fieldError('youth_debt.questionnaire_not_due', 'moment', { date: opensOn(due) });
  return p;
}

/** The coach's (or counsellor's) questionnaire of one moment: filled in, or corrected when it was filled in before. */
export async function fillAsCoach(ctx: ServiceContext, participantId: string, input: FillInput) {
  const scope = policy.authorize(ctx, 'youth_debt.case.manage');
  const moment = input.moment as Moment;
  await transaction(ctx.db, async (trx) => {
    const p = await checkFill(ctx, trx, scope, participantId, moment);
    const label = `${participantNumber(p.number)} – ${momentLabel(moment)} – begeleider`;
    const before = await qrepo.findQuestionnaire(trx, scope.id, p.id, moment, 'begeleider');
    const values = { ...input.scores, filledByUserId: ctx.actor!.userId };
    if (before) {
      await qrepo.updateQuestionnaire(trx, scope.id, before.id, values);
      const changed = SCORE_KEYS.filter((k) => before[k] !== input.scores[k]);
      await audit(trx, ctx, scope, 'youth_debt_questionnaire', before.id, 'update', label, Object.fromEntries(changed.map((k) => [k, '(gewijzigd)'])), Object.fromEntries(changed.map((k) => [k, '(ingevuld)'])));
    } else {
      const id = newId();
      await qrepo.insertQuestionnaire(trx, { workspaceId: scope.id, id, participantId: p.id, moment, respondent: 'begeleider', ...values, linkId: null });
      await audit(trx, ctx, scope, 'youth_debt_questionnaire', id, 'create', label, { moment, respondent: 'begeleider', ...auditScores(input.scores) });
    }
  });
  return participantQuestionnaires(ctx, participantId);
}

/** Every private link of a participant (never the token), newest first. */
export async function listLinks(ctx: ServiceContext, participantId: string) {
  const scope = policy.authorize(ctx, 'youth_debt.case.read');
  const p = await participantOr404(ctx.db, scope, participantId);
  const mayManage = ownCase(ctx, p) && policy.can(scope, 'youth_debt.case.manage');
  const items = (await qrepo.linksOf(ctx.db, scope.id, p.id)).map((l) => linkView(l, mayManage));
  return { items, total: items.length };
}

/**
 * A private link for the young person's own questionnaire of one moment: a random token, shown
 * once (only its hash is stored), valid for 30 days and once. A link made earlier for the same
 * moment that still works is revoked, so only the newest one works.
 */
export async function createLink(ctx: ServiceContext, participantId: string, input: LinkInput) {
  const scope = policy.authorize(ctx, 'youth_debt.case.manage');
  const moment = input.moment as Moment;
  const token = randomBytes(24).toString('base64url');
  const id = newId();
  const row = await transaction(ctx.db, async (trx) => {
    const p = await checkFill(ctx, trx, scope, participantId, moment);
    if (await qrepo.findQuestionnaire(trx, scope.id, p.id, moment, 'jongere')) throw fieldError('youth_debt.questionnaire_already_filled', 'moment');
    const label = `${participantNumber(p.number)} – ${momentLabel(moment)}`;
    for (const old of await qrepo.revokeOpenLinks(trx, scope.id, p.id, moment, ctx.actor!.userId)) {
      await audit(trx, ctx, scope, 'youth_debt_questionnaire_link', old, 'revoke', label, { revoked: true }, { revoked: false });
    }
    const expiresAt = new Date(Date.now() + LINK_VALID_DAYS * DAY);
    await qrepo.insertLink(trx, { workspaceId: scope.id, id, participantId: p.id, moment, tokenHash: sha256(token), expiresAt, createdByUserId: ctx.actor!.userId });
    await audit(trx, ctx, scope, 'youth_debt_questionnaire_link', id, 'create', label, { moment, expiresAt });
    return (await qrepo.findLink(trx, scope.id, p.id, id))!;
  });
  return { ...linkView(row, true), token, path: `/vragenlijst/${token}` };
}

/** Revokes a private link that has not been used: it stops working at once. Revoking a revoked or expired link changes nothing. */
export async function revokeLink(ctx: ServiceContext, participantId: string, linkId: string) {
  const scope = policy.authorize(ctx, 'youth_debt.case.manage');
  const row = await transaction(ctx.db, async (trx) => {
    const p = await participantOr404(trx, scope, participantId);
    if (!ownCase(ctx, p)) throw new DomainError('youth_debt.questionnaire_not_allowed');
    const link = await qrepo.findLink(trx, scope.id, p.id, linkId);
    if (!link) throw new DomainError('youth_debt.link_unknown');
    const state = linkState(link);
    if (state === 'gebruikt') throw new DomainError('youth_debt.link_not_revocable');
    if (state === 'actief') {
      await qrepo.revokeLink(trx, scope.id, link.id, ctx.actor!.userId);
      await audit(trx, ctx, scope, 'youth_debt_questionnaire_link', link.id, 'revoke', `${participantNumber(p.number)} – ${momentLabel(link.moment)}`, { revoked: true }, { revoked: false });
    }
    return (await qrepo.findLink(trx, scope.id, p.id, link.id))!;
  });
  return linkView(row, true);
}

/** The score development of the workspace: means per domain, moment and respondent; none for fewer than 5 questionnaires. */
export async function effectMonitor(ctx: ServiceContext) {
  const scope = policy.authorize(ctx, 'youth_debt.dashboard.read');
  return cachedFigures(ctx, scope.id, 'effect-monitor', async () => {
    const [groups, participants] = await Promise.all([qrepo.scoreGroups(ctx.db, scope.id), qrepo.participantsWithQuestionnaires(ctx.db, scope.id)]);
    return { ...scoreDevelopment({ groups }), participants: isSmall(participants) ? null : participants };
  });
}

// The private link (no account)

/** The link behind a token, if it still works; otherwise the reason as a stable error id. */
async function workingLink(db: Db, base: ServiceContext, token: string) {
  const link = await qrepo.findLinkByTokenHash(db, sha256(token));
  const ws = link && (await findWorkspaceByIdForPublicPage({ ...base, db }, link.workspaceId));
  if (!link || !ws) throw new DomainError('youth_debt.link_not_found');
  const state = linkState(link);
  if (state === 'gebruikt') throw new DomainError('youth_debt.link_used');
  if (state === 'ingetrokken') throw new DomainError('youth_debt.link_revoked');
  if (state === 'verlopen') throw new DomainError('youth_debt.link_expired');
  return { link, ws };
}

/** What the young person sees through the link: the moment and the questions; no name, no participant number. */
export async function publicQuestionnaire(base: ServiceContext, token: string) {
  const { link } = await workingLink(base.db, base, token);
  return { moment: link.moment, expiresAt: link.expiresAt.toISOString(), domains: [...SCORE_KEYS] };
}

/** The young person fills in their own questionnaire of the link's moment; the link then stops working. */
export async function fillByLink(base: ServiceContext, token: string, input: PublicFillInput) {
  const ctx: ServiceContext = { ...base, actor: LINK_ACTOR };
  return transaction(ctx.db, async (trx) => {
    const { link, ws } = await workingLink(trx, ctx, token);
    // Claimed under a row lock: of two submissions at the same moment, the second finds it used.
    if (!(await qrepo.claimLink(trx, link.workspaceId, link.id))) {
      await workingLink(trx, ctx, token);
      throw new DomainError('youth_debt.link_used');
    }
    if (await qrepo.findQuestionnaire(trx, link.workspaceId, link.participantId, link.moment, 'jongere')) throw new DomainError('youth_debt.link_used');
    const p = (await repo.findParticipant(trx, link.workspaceId, link.participantId))!;
    const id = newId();
    await qrepo.insertQuestionnaire(trx, { workspaceId: link.workspaceId, id, participantId: link.participantId, moment: link.moment, respondent: 'jongere', ...input.scores, filledByUserId: null, linkId: link.id });
    await audit(trx, ctx, ws, 'youth_debt_questionnaire', id, 'create', `${participantNumber(p.number)} – ${momentLabel(link.moment)} – jongere`, { moment: link.moment, respondent: 'jongere', via: 'privélink', ...auditScores(input.scores) });
    const row = (await qrepo.findQuestionnaire(trx, link.workspaceId, link.participantId, link.moment, 'jongere'))!;
    return { moment: link.moment, filledAt: row.filledAt.toISOString() };
  });
}
