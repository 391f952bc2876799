import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { recordAudit } from '../audit';
import type { Actor, ServiceContext } from '../context';
import { transaction, type Db } from '../db/database';
import { DomainError, type Locale } from '../errors';
import { newId } from '../ids';
import * as repo from './repository';
import { createUserInput, type CreateUserInput, type UpdateMeInput, type UserView } from './schema';

export const SESSION_COOKIE = 'dichter_sid';
const SESSION_HOURS = 12;
const TOKEN_PREFIX = 'dct_';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');

// Verified against when an e-mail address is unknown, so timing does not tell which exist.
let dummyHash: Promise<string> | undefined;

export function presentUser(user: Pick<repo.UserRow, 'id' | 'email' | 'name' | 'isAdmin' | 'locale'>): UserView {
  return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin, locale: user.locale === 'en' ? 'en' : 'nl' };
}

const toActor = (u: { userId: string; email: string; name: string; isAdmin: boolean }, via: Actor['via']): Actor => ({
  userId: u.userId,
  email: u.email,
  name: u.name,
  isAdmin: u.isAdmin,
  via,
});

/** Creates an account; the password is optional for people who sign in through their organisation. */
export async function createUser(ctx: ServiceContext, raw: CreateUserInput): Promise<UserView> {
  const input = createUserInput.parse(raw);
  return transaction(ctx.db, async (trx) => {
    if (await repo.findUserByEmail(trx, input.email)) throw new DomainError('user.email_taken', {}, [{ path: 'email', message: 'user.email_taken' }]);
    const row = await repo.insertUser(trx, {
      id: newId(),
      email: input.email,
      name: input.name,
      passwordHash: input.password ? await hash(input.password) : null,
      isAdmin: input.isAdmin ?? false,
      locale: ctx.locale,
      oidcIssuer: null,
      oidcSubject: null,
    });
    await recordAudit(trx, { workspaceId: null, actor: ctx.actor, entity: 'user', entityId: row.id, action: 'create', after: row });
    return presentUser(row);
  });
}

/** Finds an account by e-mail address, or creates one without password (for inviting members). */
export async function ensureUser(ctx: ServiceContext, input: { email: string; name: string }): Promise<UserView> {
  const existing = await repo.findUserByEmail(ctx.db, input.email);
  if (existing) return presentUser(existing);
  return createUser(ctx, { email: input.email, name: input.name });
}

export async function findUserByEmail(db: Db, email: string) {
  const row = await repo.findUserByEmail(db, email);
  return row ? presentUser(row) : undefined;
}

export const usersByIds = (db: Db, ids: string[]) => repo.listUsersByIds(db, ids);

/** Changes the acting person's own name or preferred language. */
export async function updateMe(ctx: ServiceContext, patch: UpdateMeInput): Promise<UserView> {
  const actor = requireActor(ctx);
  return transaction(ctx.db, async (trx) => {
    const before = await repo.findUserById(trx, actor.userId);
    if (!before) throw new DomainError('user.not_found');
    const after = await repo.updateUser(trx, actor.userId, patch);
    await recordAudit(trx, { workspaceId: null, actor, entity: 'user', entityId: actor.userId, action: 'update', before, after });
    return presentUser(after);
  });
}

/** Sets or replaces an account's password (command line). */
export async function setPassword(ctx: ServiceContext, email: string, newPassword: string): Promise<void> {
  const user = await repo.findUserByEmail(ctx.db, email);
  if (!user) throw new DomainError('user.not_found');
  await transaction(ctx.db, async (trx) => {
    const updated = await repo.updateUser(trx, user.id, { passwordHash: await hash(newPassword) });
    await recordAudit(trx, { workspaceId: null, actor: ctx.actor, entity: 'user', entityId: user.id, action: 'update', before: user, after: updated });
  });
}

export interface NewSession {
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
  user: UserView;
}

async function startSession(db: Db, user: repo.UserRow): Promise<NewSession> {
  const sessionId = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
  await repo.insertSession(db, { idHash: sha256(sessionId), userId: user.id, csrfToken, createdAt: new Date(), expiresAt });
  await repo.updateUser(db, user.id, { lastSignInAt: new Date() });
  return { sessionId, csrfToken, expiresAt, user: presentUser(user) };
}

/** Checks e-mail and password and starts a session. The same error for unknown e-mail and wrong password. */
export async function signIn(ctx: ServiceContext, input: { email: string; password: string }): Promise<NewSession> {
  const user = await repo.findUserByEmail(ctx.db, input.email);
  if (!user?.passwordHash) {
    dummyHash ??= hash(randomToken());
    await verify(await dummyHash, input.password).catch(() => false);
    throw new DomainError('auth.invalid_credentials');
  }
  if (!(await verify(user.passwordHash, input.password))) throw new DomainError('auth.invalid_credentials');
  return startSession(ctx.db, user);
}

/** Signs in a person whose organisation vouched for them via OpenID Connect. */
export async function signInWithOidc(
  ctx: ServiceContext,
  claims: { issuer: string; subject: string; email?: string; emailVerified?: boolean; name?: string },
): Promise<NewSession> {
  let user = await repo.findUserByOidc(ctx.db, claims.issuer, claims.subject);
  if (!user) {
    if (!claims.email || claims.emailVerified === false) throw new DomainError('auth.oidc_no_email');
    const byEmail = await repo.findUserByEmail(ctx.db, claims.email);
    if (byEmail) {
      user = await repo.updateUser(ctx.db, byEmail.id, { oidcIssuer: claims.issuer, oidcSubject: claims.subject });
    } else {
      const created = await createUser(ctx, { email: claims.email, name: claims.name || claims.email });
      user = await repo.updateUser(ctx.db, created.id, { oidcIssuer: claims.issuer, oidcSubject: claims.subject });
    }
  }
  return startSession(ctx.db, user);
}

export interface SignedIn {
  actor: Actor;
  /** What the `scope` SQL gave for this person, read in the same statement; absent without it. */
  scope?: unknown;
}

export interface SessionActor extends SignedIn {
  csrfToken: string;
  locale: Locale;
}

/**
 * Resolves a session cookie; slides its expiry when it is more than an hour old. With `scope`,
 * also reads that (the request's workspace membership) in the same statement.
 */
export async function authenticateSession(db: Db, sessionId: string, scope?: repo.ScopeSql): Promise<SessionActor | undefined> {
  const idHash = sha256(sessionId);
  const row = await repo.findSession(db, idHash, scope);
  if (!row) return undefined;
  const remaining = row.expiresAt.getTime() - Date.now();
  if (remaining < (SESSION_HOURS - 1) * 3600_000) await repo.extendSession(db, idHash, new Date(Date.now() + SESSION_HOURS * 3600_000));
  return { actor: toActor(row, 'session'), csrfToken: row.csrfToken, locale: row.locale === 'en' ? 'en' : 'nl', ...(scope ? { scope: row.scope } : {}) };
}

export async function signOut(db: Db, sessionId: string) {
  await repo.deleteSession(db, sha256(sessionId));
}

export function csrfMatches(expected: string, given: string | undefined) {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Resolves a bearer token to its owner; records when it was last used (at most once a minute).
 * With `scope`, also reads that (the request's workspace membership) in the same statement.
 */
export async function authenticateToken(db: Db, token: string, scope?: repo.ScopeSql): Promise<SignedIn | undefined> {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const row = await repo.findActiveToken(db, sha256(token), scope);
  if (!row) return undefined;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) await repo.touchToken(db, row.tokenId);
  return { actor: toActor(row, 'token'), ...(scope ? { scope: row.scope } : {}) };
}

const presentToken = (row: { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null }) => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

function requireActor(ctx: ServiceContext): Actor {
  if (!ctx.actor) throw new DomainError('auth.required');
  return ctx.actor;
}

/** Creates a personal API token for the acting person. The token text is returned only now. */
export async function createToken(ctx: ServiceContext, name: string) {
  const actor = requireActor(ctx);
  const token = `${TOKEN_PREFIX}${randomToken()}`;
  return transaction(ctx.db, async (trx) => {
    const row = await repo.insertToken(trx, { id: newId(), userId: actor.userId, name, tokenHash: sha256(token), prefix: token.slice(0, 10), createdAt: new Date() });
    await recordAudit(trx, { workspaceId: null, actor, entity: 'api_token', entityId: row.id, action: 'create', after: { name, prefix: row.prefix } });
    return { ...presentToken(row), token };
  });
}

export async function listTokens(ctx: ServiceContext) {
  const actor = requireActor(ctx);
  return (await repo.listTokens(ctx.db, actor.userId)).map(presentToken);
}

/** Revokes one of the acting person's tokens; it stops working at once. */
export async function revokeToken(ctx: ServiceContext, id: string) {
  const actor = requireActor(ctx);
  return transaction(ctx.db, async (trx) => {
    const row = await repo.revokeToken(trx, actor.userId, id);
    if (!row) throw new DomainError('token.not_found');
    await recordAudit(trx, { workspaceId: null, actor, entity: 'api_token', entityId: id, action: 'revoke', after: { revokedAt: row.revokedAt } });
    return presentToken(row);
  });
}

export const purgeExpiredSessions = (db: Db) => repo.deleteExpiredSessions(db);
