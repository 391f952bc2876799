import { recordAudit, listAudit } from '../../platform/audit';
import { ensureUser, usersByIds } from '../../platform/auth/service';
import type { Expression } from 'kysely';
import type { ServiceContext, WorkspaceScope } from '../../platform/context';
import { transaction } from '../../platform/db/database';
import { DomainError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { requireWorkspace } from '../../platform/policy';
import type { TenancySql } from '../../platform/module';
import { workspacePolicy as policy } from './policies';
import * as repo from './repository';
import type { CreateWorkspaceInput, Role, UpdateWorkspaceInput, WorkspaceView } from './schema';
import type { z } from 'zod';
import type { addMemberBody, charterValueBody, charterValuePatch, partnerBody, partnerPatch, signatoryBody, auditQuery } from './schema';
import { localDate } from '../../platform/workdays';

const iso = (d: Date) => d.toISOString();

function present(ctx: ServiceContext, row: repo.WorkspaceRow, role: string): WorkspaceView {
  const scope = { role };
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    responseDays: row.responseDays,
    defaultLocale: row.defaultLocale === 'en' ? 'en' : 'nl',
    theme: row.theme as WorkspaceView['theme'],
    createdAt: iso(row.createdAt),
    role: role as Role,
    can: {
      update: policy.can(scope, 'workspace.update'),
      manageMembers: policy.can(scope, 'member.manage'),
      managePartners: policy.can(scope, 'partner.manage'),
      manageCharter: policy.can(scope, 'charter.manage'),
      readAudit: policy.can(scope, 'audit.read'),
    },
  };
}

/** Tenancy for the platform: the acting person's membership of the workspace with this slug. */
export async function resolveMembership(ctx: ServiceContext, slug: string): Promise<WorkspaceScope | null> {
  if (!ctx.actor) return null;
  if (ctx.actor.via === 'cli') {
    // The operator at the command line works in any workspace, as its beheerder.
    const ws = await repo.findWorkspaceBySlug(ctx.db, slug);
    return ws ? { id: ws.id, slug: ws.slug, name: ws.name, role: 'beheerder' } : null;
  }
  const row = await repo.findMembership(ctx.db, slug, ctx.actor.userId);
  return row ? { id: row.id, slug: row.slug, name: row.name, role: row.role } : null;
}

/** `resolveMembership` for a signed-in person, as SQL the platform reads with the account (one statement). */
export const membershipSql: TenancySql = (slug, userId) => repo.membershipSql(slug, userId);

/**
 * The workspace with this slug, without any access check: only for public pages, which must
 * show nothing but what is marked public.
 */
export async function findWorkspaceForPublicPage(ctx: ServiceContext, slug: string): Promise<Omit<WorkspaceScope, 'role'> | null> {
  const ws = await repo.findWorkspaceBySlug(ctx.db, slug);
  return ws ? { id: ws.id, slug: ws.slug, name: ws.name } : null;
}

/** Like `findWorkspaceForPublicPage`, by id: for a resident's private link to their report. */
export async function findWorkspaceByIdForPublicPage(ctx: ServiceContext, id: string): Promise<Omit<WorkspaceScope, 'role'> | null> {
  const ws = await repo.findWorkspaceById(ctx.db, id);
  return ws ? { id: ws.id, slug: ws.slug, name: ws.name } : null;
}

/** Several workspaces by id in one statement (ids not found are left out), without an access check: for installation-wide views that check access themselves. */
export async function findWorkspacesByIds(ctx: ServiceContext, ids: readonly string[]): Promise<Omit<WorkspaceScope, 'role'>[]> {
  return repo.findWorkspacesByIds(ctx.db, ids);
}

/** Creates a workspace; the person who creates it becomes its first beheerder. */
export async function createWorkspace(ctx: ServiceContext, input: CreateWorkspaceInput): Promise<WorkspaceView> {
  const actor = ctx.actor;
  if (!actor) throw new DomainError('auth.required');
  const created = await transaction(ctx.db, async (trx) => {
    if (await repo.findWorkspaceBySlug(trx, input.slug)) throw new DomainError('workspace.slug_taken', {}, [{ path: 'slug', message: 'workspace.slug_taken' }]);
    const row = await repo.insertWorkspace(trx, {
      id: newId(),
      slug: input.slug,
      name: input.name,
      description: input.description ?? '',
      responseDays: input.responseDays ?? 10,
      defaultLocale: input.defaultLocale ?? ctx.locale,
      theme: input.theme ?? 'voorbeeld',
    });
    await repo.insertMember(trx, { workspaceId: row.id, userId: actor.userId, role: 'beheerder' });
    await recordAudit(trx, { workspaceId: row.id, actor, entity: 'workspace', entityId: row.id, action: 'create', after: row });
    await recordAudit(trx, { workspaceId: row.id, actor, entity: 'member', entityId: actor.userId, action: 'create', after: { name: actor.name, role: 'beheerder' } });
    return row;
  });
  ctx.events.emit('workspace.created', { workspaceId: created.id, slug: created.slug });
  return present(ctx, created, 'beheerder');
}

/** The workspaces the acting person is a member of. */
export async function listMyWorkspaces(ctx: ServiceContext): Promise<WorkspaceView[]> {
  if (!ctx.actor) throw new DomainError('auth.required');
  const rows = await repo.listWorkspacesOfUser(ctx.db, ctx.actor.userId);
  return rows.map((row) => present(ctx, row, row.role));
}

async function loadCurrent(ctx: ServiceContext) {
  const scope = requireWorkspace(ctx);
  const row = await repo.findWorkspaceBySlug(ctx.db, scope.slug);
  if (!row) throw new DomainError('workspace.not_found');
  return row;
}

/** The current workspace, with what the acting member may do in it. */
export async function getWorkspace(ctx: ServiceContext): Promise<WorkspaceView> {
  const scope = policy.authorize(ctx, 'workspace.read');
  return present(ctx, await loadCurrent(ctx), scope.role);
}

/** Changes the workspace's settings (name, description, response time, language, theme). */
export async function updateWorkspace(ctx: ServiceContext, patch: UpdateWorkspaceInput): Promise<WorkspaceView> {
  const scope = policy.authorize(ctx, 'workspace.update');
  return transaction(ctx.db, async (trx) => {
    const before = await loadCurrent({ ...ctx, db: trx });
    const after = await repo.updateWorkspace(trx, scope.id, patch);
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'workspace', entityId: scope.id, action: 'update', before, after });
    return present(ctx, after, scope.role);
  });
}

// Members

/**
 * For other modules: which of the users an SQL expression (uuid[]) gives are members, with their
 * names as `listMembers` gives them, as an SQL expression (a JSON array of `{ userId, name }`,
 * name null for '?') to read within their own statement.
 */
export function memberNamesSql(ctx: ServiceContext, userIds: Expression<string[]>) {
  const scope = policy.authorize(ctx, 'member.read');
  return repo.memberNamesSql(scope.id, userIds);
}

/** Members with name and role; e-mail addresses only for beheerders. */
export async function listMembers(ctx: ServiceContext) {
  const scope = policy.authorize(ctx, 'member.read');
  const showEmail = policy.can(scope, 'member.readEmail');
  return (await repo.membersWithNames(ctx.db, scope.id)).map((m) => ({
    userId: m.userId,
    name: m.name ?? '?',
    email: showEmail ? m.email : null,
    role: m.role as Role,
    since: iso(m.createdAt),
  }));
}

/**
 * For routing a new observation, to read within its own statement: the workspace's response
 * time in working days and its members with name, role and since when (as `listMembers` gives
 * them, without e-mail addresses). An SQL expression (a JSON object).
 */
export function membersAndResponseDaysSql(ctx: ServiceContext) {
  policy.authorize(ctx, 'workspace.read');
  const scope = policy.authorize(ctx, 'member.read');
  return repo.membersWithResponseDaysSql(scope.id);
}

/** Adds a person by e-mail address with a role; creates their account (without password) if needed. */
export async function addMember(ctx: ServiceContext, input: z.infer<typeof addMemberBody>) {
  const scope = policy.authorize(ctx, 'member.manage');
  return transaction(ctx.db, async (trx) => {
    const user = await ensureUser({ ...ctx, db: trx }, { email: input.email, name: input.name });
    if (await repo.findMember(trx, scope.id, user.id)) throw new DomainError('member.exists', {}, [{ path: 'email', message: 'member.exists' }]);
    const row = await repo.insertMember(trx, { workspaceId: scope.id, userId: user.id, role: input.role });
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'member', entityId: user.id, action: 'create', after: { name: user.name, role: row.role } });
    return { userId: user.id, name: user.name, email: user.email, role: row.role as Role, since: iso(row.createdAt) };
  });
}

async function guardLastBeheerder(trx: ServiceContext['db'], workspaceId: string, member: repo.MemberRow) {
  if (member.role === 'beheerder' && (await repo.countMembersWithRole(trx, workspaceId, 'beheerder')) <= 1) throw new DomainError('member.last_beheerder');
}

/** Gives a member another role. A workspace always keeps at least one beheerder. */
export async function changeMemberRole(ctx: ServiceContext, userId: string, role: Role) {
  const scope = policy.authorize(ctx, 'member.manage');
  return transaction(ctx.db, async (trx) => {
    const member = await repo.findMember(trx, scope.id, userId);
    if (!member) throw new DomainError('member.not_found');
    if (role !== 'beheerder') await guardLastBeheerder(trx, scope.id, member);
    const after = await repo.updateMemberRole(trx, scope.id, userId, role);
    const [user] = await usersByIds(trx, [userId]);
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'member', entityId: userId, label: user?.name, action: 'update', before: { role: member.role }, after: { role: after.role } });
    return { userId, name: user?.name ?? '?', email: user?.email ?? null, role: after.role as Role, since: iso(after.createdAt) };
  });
}

/** Removes a member from the workspace (their account stays). */
export async function removeMember(ctx: ServiceContext, userId: string) {
  const scope = policy.authorize(ctx, 'member.manage');
  await transaction(ctx.db, async (trx) => {
    const member = await repo.findMember(trx, scope.id, userId);
    if (!member) throw new DomainError('member.not_found');
    await guardLastBeheerder(trx, scope.id, member);
    await repo.deleteMember(trx, scope.id, userId);
    const [user] = await usersByIds(trx, [userId]);
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'member', entityId: userId, label: user?.name, action: 'delete', before: { role: member.role } });
  });
}

// Partners

const presentPartner = (row: repo.PartnerRow & { signedCharter?: boolean }) => ({
  id: row.id,
  name: row.name,
  type: row.type as z.infer<typeof partnerBody>['type'],
  description: row.description,
  website: row.website,
  createdAt: iso(row.createdAt),
  signedCharter: !!row.signedCharter,
});

export async function listPartners(ctx: ServiceContext) {
  const scope = policy.authorize(ctx, 'partner.read');
  return (await repo.listPartners(ctx.db, scope.id)).map(presentPartner);
}

export async function getPartner(ctx: ServiceContext, id: string) {
  const scope = policy.authorize(ctx, 'partner.read');
  const row = await repo.findPartner(ctx.db, scope.id, id);
  if (!row) throw new DomainError('partner.not_found');
  return presentPartner({ ...row, signedCharter: (await repo.countSignaturesOfPartner(ctx.db, scope.id, id)) > 0 });
}

async function assertPartnerNameFree(trx: ServiceContext['db'], workspaceId: string, name: string, exceptId?: string) {
  const other = await repo.findPartnerByName(trx, workspaceId, name);
  if (other && other.id !== exceptId) throw new DomainError('partner.name_taken', {}, [{ path: 'name', message: 'partner.name_taken' }]);
}

/** Registers a partner organisation of the alliance. */
export async function createPartner(ctx: ServiceContext, input: z.infer<typeof partnerBody>) {
  const scope = policy.authorize(ctx, 'partner.manage');
  return transaction(ctx.db, async (trx) => {
    await assertPartnerNameFree(trx, scope.id, input.name);
    const row = await repo.insertPartner(trx, { workspaceId: scope.id, id: newId(), name: input.name, type: input.type, description: input.description ?? '', website: input.website ?? '' });
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'partner', entityId: row.id, action: 'create', after: row });
    return presentPartner(row);
  });
}

export async function updatePartner(ctx: ServiceContext, id: string, patch: z.infer<typeof partnerPatch>) {
  const scope = policy.authorize(ctx, 'partner.manage');
  return transaction(ctx.db, async (trx) => {
    const before = await repo.findPartner(trx, scope.id, id);
    if (!before) throw new DomainError('partner.not_found');
    if (patch.name) await assertPartnerNameFree(trx, scope.id, patch.name, id);
    const after = await repo.updatePartner(trx, scope.id, id, patch);
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'partner', entityId: id, action: 'update', before, after });
    return presentPartner({ ...after, signedCharter: (await repo.countSignaturesOfPartner(trx, scope.id, id)) > 0 });
  });
}

/** Removes a partner. A partner that signed the charter stays: remove its signature first. */
export async function deletePartner(ctx: ServiceContext, id: string) {
  const scope = policy.authorize(ctx, 'partner.manage');
  await transaction(ctx.db, async (trx) => {
    const before = await repo.findPartner(trx, scope.id, id);
    if (!before) throw new DomainError('partner.not_found');
    if ((await repo.countSignaturesOfPartner(trx, scope.id, id)) > 0) throw new DomainError('partner.signed_charter');
    await repo.deletePartner(trx, scope.id, id);
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'partner', entityId: id, action: 'delete', before });
  });
}

// Charter

const presentValue = (row: repo.CharterValueRow) => ({ id: row.id, title: row.title, description: row.description, position: row.position });
const presentSignatory = (row: repo.SignatoryRow & { partnerName?: string | null }) => ({
  id: row.id,
  partnerId: row.partnerId,
  partnerName: row.partnerName ?? null,
  personName: row.personName,
  personRole: row.personRole,
  signedOn: typeof row.signedOn === 'string' ? row.signedOn : row.signedOn.toISOString().slice(0, 10),
});

/** The charter: the shared values and who signed it. */
export async function getCharter(ctx: ServiceContext) {
  const scope = policy.authorize(ctx, 'charter.read');
  const [values, signatories] = await Promise.all([repo.listCharterValues(ctx.db, scope.id), repo.listSignatories(ctx.db, scope.id)]);
  return { values: values.map(presentValue), signatories: signatories.map(presentSignatory), can: { manage: policy.can(scope, 'charter.manage') } };
}

/** The shared values of a workspace's charter, in order (for other modules, e.g. the ladder). */
export async function listCharterValues(ctx: ServiceContext) {
  const scope = policy.authorize(ctx, 'charter.read');
  return (await repo.listCharterValues(ctx.db, scope.id)).map(presentValue);
}

async function assertValueTitleFree(trx: ServiceContext['db'], workspaceId: string, title: string, exceptId?: string) {
  const other = await repo.findCharterValueByTitle(trx, workspaceId, title);
  if (other && other.id !== exceptId) throw new DomainError('charter.value_exists', {}, [{ path: 'title', message: 'charter.value_exists' }]);
}

export async function addCharterValue(ctx: ServiceContext, input: z.infer<typeof charterValueBody>) {
  const scope = policy.authorize(ctx, 'charter.manage');
  return transaction(ctx.db, async (trx) => {
    await assertValueTitleFree(trx, scope.id, input.title);
    const row = await repo.insertCharterValue(trx, {
      workspaceId: scope.id,
      id: newId(),
      title: input.title,
      description: input.description ?? '',
      position: input.position ?? (await repo.nextCharterPosition(trx, scope.id)),
    });
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'charter_value', entityId: row.id, action: 'create', after: row });
    return presentValue(row);
  });
}

export async function updateCharterValue(ctx: ServiceContext, id: string, patch: z.infer<typeof charterValuePatch>) {
  const scope = policy.authorize(ctx, 'charter.manage');
  return transaction(ctx.db, async (trx) => {
    const before = await repo.findCharterValue(trx, scope.id, id);
    if (!before) throw new DomainError('charter.value_not_found');
    if (patch.title) await assertValueTitleFree(trx, scope.id, patch.title, id);
    const after = await repo.updateCharterValue(trx, scope.id, id, patch);
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'charter_value', entityId: id, action: 'update', before, after });
    return presentValue(after);
  });
}

export async function deleteCharterValue(ctx: ServiceContext, id: string) {
  const scope = policy.authorize(ctx, 'charter.manage');
  await transaction(ctx.db, async (trx) => {
    const before = await repo.findCharterValue(trx, scope.id, id);
    if (!before) throw new DomainError('charter.value_not_found');
    await repo.deleteCharterValue(trx, scope.id, id);
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'charter_value', entityId: id, action: 'delete', before });
  });
  ctx.events.emit('charter.value_deleted', { workspaceId: scope.id, valueId: id });
}

/** Records that a person (for a partner organisation, or on their own behalf) signed the charter. */
export async function addSignatory(ctx: ServiceContext, input: z.infer<typeof signatoryBody>) {
  const scope = policy.authorize(ctx, 'charter.manage');
  return transaction(ctx.db, async (trx) => {
    const partner = input.partnerId ? await repo.findPartner(trx, scope.id, input.partnerId) : undefined;
    if (input.partnerId && !partner) throw new DomainError('partner.not_found', {}, [{ path: 'partnerId', message: 'partner.not_found' }]);
    if (input.signedOn > localDate(new Date())) throw new DomainError('charter.signed_in_future', {}, [{ path: 'signedOn', message: 'charter.signed_in_future' }]);
    const row = await repo.insertSignatory(trx, {
      workspaceId: scope.id,
      id: newId(),
      partnerId: input.partnerId ?? null,
      personName: input.personName,
      personRole: input.personRole ?? '',
      signedOn: input.signedOn,
    });
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'charter_signatory', entityId: row.id, label: row.personName, action: 'create', after: row });
    return presentSignatory({ ...row, partnerName: partner?.name ?? null });
  });
}

export async function removeSignatory(ctx: ServiceContext, id: string) {
  const scope = policy.authorize(ctx, 'charter.manage');
  await transaction(ctx.db, async (trx) => {
    const before = await repo.findSignatory(trx, scope.id, id);
    if (!before) throw new DomainError('charter.signatory_not_found');
    await repo.deleteSignatory(trx, scope.id, id);
    await recordAudit(trx, { workspaceId: scope.id, actor: ctx.actor, entity: 'charter_signatory', entityId: id, label: before.personName, action: 'delete', before });
  });
}

// Audit log

/** The workspace's audit log, newest first (beheerders only). */
export async function readAuditLog(ctx: ServiceContext, query: z.infer<typeof auditQuery>) {
  const scope = policy.authorize(ctx, 'audit.read');
  const { items, total } = await listAudit(ctx.db, scope.id, query);
  return {
    items: items.map((row) => ({
      id: row.id,
      actorName: row.actorName,
      entity: row.entity,
      entityId: row.entityId,
      entityLabel: row.entityLabel,
      action: row.action,
      changes: row.changes,
      createdAt: iso(row.createdAt),
    })),
    total,
  };
}
