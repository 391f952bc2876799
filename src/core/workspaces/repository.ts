import { sql, type Expression, type Generated, type Kysely, type Selectable } from 'kysely';
import type { Db } from '../../platform/db/database';

interface WorkspaceTable {
  id: string;
  slug: string;
  name: string;
  description: string;
  responseDays: number;
  defaultLocale: string;
  theme: string;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}
interface MemberTable {
  workspaceId: string;
  userId: string;
  role: string;
  createdAt: Generated<Date>;
}
interface PartnerTable {
  workspaceId: string;
  id: string;
  name: string;
  type: string;
  description: string;
  website: string;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}
interface CharterValueTable {
  workspaceId: string;
  id: string;
  title: string;
  description: string;
  position: number;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}
interface SignatoryTable {
  workspaceId: string;
  id: string;
  partnerId: string | null;
  personName: string;
  personRole: string;
  signedOn: Date | string;
  createdAt: Generated<Date>;
}
interface Tables {
  workspaces: WorkspaceTable;
  workspaceMembers: MemberTable;
  partners: PartnerTable;
  charterValues: CharterValueTable;
  charterSignatories: SignatoryTable;
}
export type WorkspaceRow = Selectable<WorkspaceTable>;
export type MemberRow = Selectable<MemberTable>;
export type PartnerRow = Selectable<PartnerTable>;
export type CharterValueRow = Selectable<CharterValueTable>;
export type SignatoryRow = Selectable<SignatoryTable>;
const t = (db: Db) => db as Kysely<Tables>;

// Workspaces

export const findWorkspaceBySlug = (db: Db, slug: string) => t(db).selectFrom('workspaces').selectAll().where('slug', '=', slug).executeTakeFirst();
export const findWorkspaceById = (db: Db, id: string) => t(db).selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();

export const findWorkspacesByIds = (db: Db, ids: readonly string[]) =>
  ids.length === 0 ? Promise.resolve([]) : t(db).selectFrom('workspaces').select(['id', 'slug', 'name']).where('id', 'in', [...ids]).execute();

export const insertWorkspace = (db: Db, row: Omit<WorkspaceRow, 'createdAt' | 'updatedAt'>) =>
  t(db).insertInto('workspaces').values(row).returningAll().executeTakeFirstOrThrow();

export const updateWorkspace = (db: Db, id: string, patch: Partial<Omit<WorkspaceRow, 'id' | 'slug' | 'createdAt'>>) =>
  t(db).updateTable('workspaces').set({ ...patch, updatedAt: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

/** The membership of one person in the workspace with this slug, with the workspace. */
export const findMembership = (db: Db, slug: string, userId: string) =>
  t(db)
    .selectFrom('workspaces')
    .innerJoin('workspaceMembers', 'workspaceMembers.workspaceId', 'workspaces.id')
    .select(['workspaces.id', 'workspaces.slug', 'workspaces.name', 'workspaceMembers.role'])
    .where('workspaces.slug', '=', slug)
    .where('workspaceMembers.userId', '=', userId)
    .executeTakeFirst();

/** `findMembership` as an SQL expression for the platform's sign-in statement (JSON, or null). */
export const membershipSql = (slug: string, userId: Expression<string>) =>
  sql<{ id: string; slug: string; name: string; role: string } | null>`(select json_build_object('id', w.id, 'slug', w.slug, 'name', w.name, 'role', m.role)
    from workspaces w join workspace_members m on m.workspace_id = w.id
    where w.slug = ${slug} and m.user_id = ${userId})`;

export const listWorkspacesOfUser = (db: Db, userId: string) =>
  t(db)
    .selectFrom('workspaces')
    .innerJoin('workspaceMembers', 'workspaceMembers.workspaceId', 'workspaces.id')
    .selectAll('workspaces')
    .select('workspaceMembers.role')
    .where('workspaceMembers.userId', '=', userId)
    .orderBy('workspaces.name')
    .execute();

// Members

export const listMembers = (db: Db, workspaceId: string) =>
  t(db).selectFrom('workspaceMembers').selectAll().where('workspaceId', '=', workspaceId).orderBy('createdAt').execute();

/**
 * Which of the users an SQL expression (uuid[]) gives are members, with their names, as a JSON
 * array of `{ userId, name }` (name null without an account), for another module's statement.
 */
export const memberNamesSql = (workspaceId: string, userIds: Expression<string[]>) =>
  sql<{ userId: string; name: string | null }[]>`(select coalesce(json_agg(json_build_object('userId', m.user_id, 'name', u.name)), '[]')
    from workspace_members m left join users u on u.id = m.user_id
    where m.workspace_id = ${workspaceId} and m.user_id = any(${userIds}))`;

/** The members, oldest first, with their names and e-mail addresses from the accounts: one statement. */
export const membersWithNames = async (db: Db, workspaceId: string) =>
  (
    await sql<{ userId: string; role: string; createdAt: Date; name: string | null; email: string | null }>`
      select m.user_id as "userId", m.role, m.created_at as "createdAt", u.name, u.email
      from workspace_members m
      left join users u on u.id = m.user_id
      where m.workspace_id = ${workspaceId}
      order by m.created_at`.execute(db)
  ).rows;

/**
 * The workspace's response time with its members, oldest first, and their names from the
 * accounts, as an SQL expression (a JSON object; null when there is no such workspace).
 */
export const membersWithResponseDaysSql = (workspaceId: string) =>
  sql<{ responseDays: number; members: { userId: string; name: string; role: string; since: string }[] } | null>`(
    select json_build_object('responseDays', w.response_days, 'members', coalesce((
      select json_agg(json_build_object('userId', m.user_id, 'name', coalesce(u.name, '?'), 'role', m.role,
        'since', to_char(m.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) order by m.created_at)
      from workspace_members m left join users u on u.id = m.user_id
      where m.workspace_id = w.id), '[]'))
    from workspaces w where w.id = ${workspaceId})`;

export const findMember = (db: Db, workspaceId: string, userId: string) =>
  t(db).selectFrom('workspaceMembers').selectAll().where('workspaceId', '=', workspaceId).where('userId', '=', userId).executeTakeFirst();

export const insertMember = (db: Db, row: Omit<MemberRow, 'createdAt'>) => t(db).insertInto('workspaceMembers').values(row).returningAll().executeTakeFirstOrThrow();

export const updateMemberRole = (db: Db, workspaceId: string, userId: string, role: string) =>
  t(db).updateTable('workspaceMembers').set({ role }).where('workspaceId', '=', workspaceId).where('userId', '=', userId).returningAll().executeTakeFirstOrThrow();

export const deleteMember = (db: Db, workspaceId: string, userId: string) =>
  t(db).deleteFrom('workspaceMembers').where('workspaceId', '=', workspaceId).where('userId', '=', userId).execute();

export const countMembersWithRole = async (db: Db, workspaceId: string, role: string) =>
  Number(
    (
      await t(db)
        .selectFrom('workspaceMembers')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('workspaceId', '=', workspaceId)
        .where('role', '=', role)
        .executeTakeFirstOrThrow()
    ).n,
  );

// Partners

export const listPartners = (db: Db, workspaceId: string) =>
  t(db)
    .selectFrom('partners')
    .selectAll('partners')
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('charterSignatories')
            .select('charterSignatories.id')
            .whereRef('charterSignatories.workspaceId', '=', 'partners.workspaceId')
            .whereRef('charterSignatories.partnerId', '=', 'partners.id'),
        )
        .$castTo<boolean>()
        .as('signedCharter'),
    )
    .where('partners.workspaceId', '=', workspaceId)
    .orderBy(sql`lower(partners.name)`)
    .execute();

export const findPartner = (db: Db, workspaceId: string, id: string) =>
  t(db).selectFrom('partners').selectAll().where('workspaceId', '=', workspaceId).where('id', '=', id).executeTakeFirst();

export const findPartnerByName = (db: Db, workspaceId: string, name: string) =>
  t(db)
    .selectFrom('partners')
    .selectAll()
    .where('workspaceId', '=', workspaceId)
    .where(sql<boolean>`lower(name) = lower(${name})`)
    .executeTakeFirst();

export const insertPartner = (db: Db, row: Omit<PartnerRow, 'createdAt' | 'updatedAt'>) => t(db).insertInto('partners').values(row).returningAll().executeTakeFirstOrThrow();

export const updatePartner = (db: Db, workspaceId: string, id: string, patch: Partial<Pick<PartnerRow, 'name' | 'type' | 'description' | 'website'>>) =>
  t(db).updateTable('partners').set({ ...patch, updatedAt: new Date() }).where('workspaceId', '=', workspaceId).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

export const deletePartner = (db: Db, workspaceId: string, id: string) => t(db).deleteFrom('partners').where('workspaceId', '=', workspaceId).where('id', '=', id).execute();

// Charter

export const listCharterValues = (db: Db, workspaceId: string) =>
  t(db).selectFrom('charterValues').selectAll().where('workspaceId', '=', workspaceId).orderBy('position').orderBy('createdAt').execute();

export const findCharterValue = (db: Db, workspaceId: string, id: string) =>
  t(db).selectFrom('charterValues').selectAll().where('workspaceId', '=', workspaceId).where('id', '=', id).executeTakeFirst();

export const findCharterValueByTitle = (db: Db, workspaceId: string, title: string) =>
  t(db)
    .selectFrom('charterValues')
    .selectAll()
    .where('workspaceId', '=', workspaceId)
    .where(sql<boolean>`lower(title) = lower(${title})`)
    .executeTakeFirst();

export const nextCharterPosition = async (db: Db, workspaceId: string) =>
  Number(
    (
      await t(db)
        .selectFrom('charterValues')
        .select(sql<number>`coalesce(max(position) + 1, 0)`.as('next'))
        .where('workspaceId', '=', workspaceId)
        .executeTakeFirstOrThrow()
    ).next,
  );

export const insertCharterValue = (db: Db, row: Omit<CharterValueRow, 'createdAt' | 'updatedAt'>) =>
  t(db).insertInto('charterValues').values(row).returningAll().executeTakeFirstOrThrow();

export const updateCharterValue = (db: Db, workspaceId: string, id: string, patch: Partial<Pick<CharterValueRow, 'title' | 'description' | 'position'>>) =>
  t(db).updateTable('charterValues').set({ ...patch, updatedAt: new Date() }).where('workspaceId', '=', workspaceId).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

export const deleteCharterValue = (db: Db, workspaceId: string, id: string) =>
  t(db).deleteFrom('charterValues').where('workspaceId', '=', workspaceId).where('id', '=', id).execute();

export const listSignatories = (db: Db, workspaceId: string) =>
  t(db)
    .selectFrom('charterSignatories')
    .leftJoin('partners', (join) => join.onRef('partners.workspaceId', '=', 'charterSignatories.workspaceId').onRef('partners.id', '=', 'charterSignatories.partnerId'))
    .selectAll('charterSignatories')
    .select('partners.name as partnerName')
    .where('charterSignatories.workspaceId', '=', workspaceId)
    .orderBy('charterSignatories.signedOn')
    .orderBy('charterSignatories.personName')
    .execute();

export const findSignatory = (db: Db, workspaceId: string, id: string) =>
  t(db).selectFrom('charterSignatories').selectAll().where('workspaceId', '=', workspaceId).where('id', '=', id).executeTakeFirst();

export const insertSignatory = (db: Db, row: Omit<SignatoryRow, 'createdAt'>) =>
  t(db).insertInto('charterSignatories').values(row).returningAll().executeTakeFirstOrThrow();

export const deleteSignatory = (db: Db, workspaceId: string, id: string) =>
  t(db).deleteFrom('charterSignatories').where('workspaceId', '=', workspaceId).where('id', '=', id).execute();

export const countSignaturesOfPartner = async (db: Db, workspaceId: string, partnerId: string) =>
  Number(
    (
      await t(db)
        .selectFrom('charterSignatories')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('workspaceId', '=', workspaceId)
        .where('partnerId', '=', partnerId)
        .executeTakeFirstOrThrow()
    ).n,
  );
