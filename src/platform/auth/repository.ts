import type { AliasableExpression, Expression, Generated, Kysely, Selectable } from 'kysely';
import { prepared, type Db } from '../db/database';

interface UserTable {
  id: string;
  email: string;
  name: string;
  passwordHash: string | null;
  isAdmin: boolean;
  locale: string;
  oidcIssuer: string | null;
  oidcSubject: string | null;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
  lastSignInAt: Date | null;
}
export type UserRow = Selectable<UserTable>;
interface Tables {
  users: UserTable;
  sessions: { idHash: string; userId: string; csrfToken: string; createdAt: Date; expiresAt: Date };
  apiTokens: {
    id: string;
    userId: string;
    name: string;
    tokenHash: string;
    prefix: string;
    createdAt: Date;
    lastUsedAt: Date | null;
    revokedAt: Date | null;
  };
}
const t = (db: Db) => db as Kysely<Tables>;

/** Something more to read with the account in the same statement (the workspace membership of a request), as `scope`. */
export type ScopeSql = (userId: Expression<string>) => AliasableExpression<unknown>;

export const findUserByEmail = (db: Db, email: string) =>
  t(db).selectFrom('users').selectAll().where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase())).executeTakeFirst();

export const findUserById = (db: Db, id: string) => t(db).selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const findUserByOidc = (db: Db, issuer: string, subject: string) =>
  t(db).selectFrom('users').selectAll().where('oidcIssuer', '=', issuer).where('oidcSubject', '=', subject).executeTakeFirst();

export const insertUser = (db: Db, row: Omit<UserRow, 'createdAt' | 'updatedAt' | 'lastSignInAt'>) =>
  t(db).insertInto('users').values(row).returningAll().executeTakeFirstOrThrow();

export const updateUser = (db: Db, id: string, patch: Partial<Omit<UserRow, 'id' | 'createdAt'>>) =>
  t(db).updateTable('users').set({ ...patch, updatedAt: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

export const listUsersByIds = (db: Db, ids: string[]) =>
  ids.length === 0 ? Promise.resolve([]) : t(db).selectFrom('users').select(['id', 'email', 'name']).where('id', 'in', ids).execute();

export const insertSession = (db: Db, row: Tables['sessions']) => t(db).insertInto('sessions').values(row).execute();

export const findSession = (db: Db, idHash: string, scope?: ScopeSql) =>
  t(db)
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .select(['sessions.idHash', 'sessions.csrfToken', 'sessions.expiresAt', 'users.id as userId', 'users.email', 'users.name', 'users.isAdmin', 'users.locale'])
    .$if(!!scope, (q) => q.select((eb) => scope!(eb.ref('users.id')).as('scope')))
    .where('sessions.idHash', '=', idHash)
    .where('sessions.expiresAt', '>', new Date())
    .modifyFront(prepared)
    .executeTakeFirst() as Promise<SignInRow<{ idHash: string; csrfToken: string; expiresAt: Date }> | undefined>;

export const extendSession = (db: Db, idHash: string, expiresAt: Date) =>
  t(db).updateTable('sessions').set({ expiresAt }).where('idHash', '=', idHash).execute();

export const deleteSession = (db: Db, idHash: string) => t(db).deleteFrom('sessions').where('idHash', '=', idHash).execute();

export const deleteExpiredSessions = (db: Db) => t(db).deleteFrom('sessions').where('expiresAt', '<', new Date()).execute();

export const insertToken = (db: Db, row: Omit<Tables['apiTokens'], 'lastUsedAt' | 'revokedAt'>) =>
  t(db).insertInto('apiTokens').values(row).returning(['id', 'name', 'prefix', 'createdAt', 'lastUsedAt', 'revokedAt']).executeTakeFirstOrThrow();

export const findActiveToken = (db: Db, tokenHash: string, scope?: ScopeSql) =>
  t(db)
    .selectFrom('apiTokens')
    .innerJoin('users', 'users.id', 'apiTokens.userId')
    .select(['apiTokens.id as tokenId', 'apiTokens.lastUsedAt', 'users.id as userId', 'users.email', 'users.name', 'users.isAdmin', 'users.locale'])
    .$if(!!scope, (q) => q.select((eb) => scope!(eb.ref('users.id')).as('scope')))
    .where('apiTokens.tokenHash', '=', tokenHash)
    .where('apiTokens.revokedAt', 'is', null)
    .modifyFront(prepared)
    .executeTakeFirst() as Promise<SignInRow<{ tokenId: string; lastUsedAt: Date | null }> | undefined>;

/** An account as a sign-in reads it, with what `scope` asked for (absent without it). */
type SignInRow<T> = T & { userId: string; email: string; name: string; isAdmin: boolean; locale: string; scope?: unknown };

export const touchToken = (db: Db, id: string) => t(db).updateTable('apiTokens').set({ lastUsedAt: new Date() }).where('id', '=', id).execute();

export const listTokens = (db: Db, userId: string) =>
  t(db)
    .selectFrom('apiTokens')
    .select(['id', 'name', 'prefix', 'createdAt', 'lastUsedAt', 'revokedAt'])
    .where('userId', '=', userId)
    .orderBy('createdAt', 'desc')
    .execute();

export const revokeToken = (db: Db, userId: string, id: string) =>
  t(db)
    .updateTable('apiTokens')
    .set({ revokedAt: new Date() })
    .where('id', '=', id)
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null)
    .returning(['id', 'name', 'prefix', 'createdAt', 'lastUsedAt', 'revokedAt'])
    .executeTakeFirst();
