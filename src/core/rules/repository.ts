import { sql, type Generated, type Kysely, type SqlBool } from 'kysely';
import type { Db } from '../../platform/db/database';

export type RuleRow = {
  workspaceId: string;
  id: string;
  code: string;
  title: string;
  kind: string;
  level: string;
  intent: string;
  domain: string;
  ownerUserId: string | null;
  ownerPartnerId: string | null;
  sourceUrl: string | null;
  validFrom: string | null;
  validTo: string | null;
  mandate: string;
  createdAt: Date;
  updatedAt: Date;
};
export type NewRule = Omit<RuleRow, 'createdAt' | 'updatedAt'> & Partial<Pick<RuleRow, 'createdAt'>>;
export type RulePatch = Partial<Omit<RuleRow, 'workspaceId' | 'id' | 'createdAt' | 'updatedAt'>>;
export type TestRow = { workspaceId: string; id: string; ruleId: string; testedOn: string; moment: string; participants: string; findings: string; verdict: string; createdAt: Date };
export type DeviationRow = {
  workspaceId: string;
  id: string;
  ruleId: string;
  occurredOn: string;
  areaId: string | null;
  situation: string;
  explanation: string;
  insteadDone: string;
  expectedBenefit: string;
  reporterUserId: string;
  status: string;
  followUpOn: string;
  outcome: string | null;
  outcomeNote: string | null;
  outcomeAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};
export type NewDeviation = Omit<DeviationRow, 'createdAt' | 'updatedAt' | 'outcome' | 'outcomeNote' | 'outcomeAt'> & Partial<Pick<DeviationRow, 'createdAt' | 'outcome' | 'outcomeNote' | 'outcomeAt'>>;
export type DeviationEventRow = { workspaceId: string; id: string; deviationId: string; at: Date; actorUserId: string | null; actorName: string; action: string; message: string | null };
export type ReviewRow = {
  workspaceId: string;
  id: string;
  ruleId: string;
  decidedOn: string;
  decision: string;
  rationale: string;
  escalatedTo: string | null;
  evidence: { deviationIds: string[]; observationIds: string[] };
  decidedBy: string | null;
  decidedByName: string;
  createdAt: Date;
};

interface Tables {
  rules: Omit<RuleRow, 'createdAt' | 'updatedAt'> & { createdAt: Generated<Date>; updatedAt: Generated<Date> };
  ruleAreas: { workspaceId: string; ruleId: string; areaId: string };
  ruleNodes: { workspaceId: string; ruleId: string; nodeId: string };
  ruleApprovers: { workspaceId: string; ruleId: string; userId: string };
  ruleTests: Omit<TestRow, 'createdAt'> & { createdAt: Generated<Date> };
  deviations: Omit<DeviationRow, 'createdAt' | 'updatedAt'> & { createdAt: Generated<Date>; updatedAt: Generated<Date> };
  /** `ruleId` and `occurredOn` are the deviation's, copied in by a trigger as the link is written. */
  deviationObservations: { workspaceId: string; deviationId: string; observationId: string; ruleId: Generated<string>; occurredOn: Generated<string> };
  deviationNodes: { workspaceId: string; deviationId: string; nodeId: string };
  deviationEvents: Omit<DeviationEventRow, 'at'> & { at: Generated<Date> };
  ruleReviews: Omit<ReviewRow, 'createdAt' | 'evidence'> & { createdAt: Generated<Date>; evidence: string };
}
const t = (db: Db) => db as Kysely<Tables>;
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
const activeToday = sql<SqlBool>`(rules.valid_from is null or rules.valid_from <= current_date) and (rules.valid_to is null or rules.valid_to >= current_date)`;

// Rules

export interface RuleFilter {
  q?: string;
  kind?: string;
  level?: string;
  domain?: string;
  active?: boolean;
  limit: number;
  offset: number;
}

/** A page of rules by code, with how many deviations each has had. */
export async function listRules(db: Db, workspaceId: string, f: RuleFilter) {
  const base = t(db)
    .selectFrom('rules')
    .where('rules.workspaceId', '=', workspaceId)
    .$if(!!f.kind, (q) => q.where('rules.kind', '=', f.kind!))
    .$if(!!f.level, (q) => q.where('rules.level', '=', f.level!))
    .$if(!!f.domain, (q) => q.where('rules.domain', '=', f.domain!))
    .$if(f.active !== undefined, (q) => q.where(f.active ? activeToday : sql<SqlBool>`not (${activeToday})`))
    .$if(!!f.q, (q) => {
      const pattern = `%${escapeLike(f.q!)}%`;
      return q.where((eb) => eb.or([eb('rules.code', 'ilike', pattern), eb('rules.title', 'ilike', pattern), eb('rules.intent', 'ilike', pattern)]));
    });
  const [items, total] = await Promise.all([
    base
      .selectAll('rules')
      .select(activeToday.as('active'))
      .select((eb) =>
        eb
          .selectFrom('deviations as d')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('d.ruleId', '=', 'rules.id')
          .where('d.workspaceId', '=', workspaceId)
          .as('deviationCount'),
      )
      .orderBy('rules.code')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: items as (RuleRow & { active: boolean; deviationCount: number })[], total: Number(total.n) };
}

export const findRule = (db: Db, workspaceId: string, id: string) =>
  t(db).selectFrom('rules').selectAll().select(activeToday.as('active')).where('workspaceId', '=', workspaceId).where('id', '=', id).executeTakeFirst() as Promise<
    (RuleRow & { active: boolean }) | undefined
  >;
/** Several rules by id in one statement (ids not found are left out). */
export const findRules = (db: Db, workspaceId: string, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([] as Pick<RuleRow, 'id' | 'code' | 'title' | 'ownerUserId' | 'ownerPartnerId'>[])
    : t(db).selectFrom('rules').select(['id', 'code', 'title', 'ownerUserId', 'ownerPartnerId']).where('workspaceId', '=', workspaceId).where('id', '=', sql<string>`any(${[...ids]}::uuid[])`).execute();
/** Several rules by code in one statement (codes not found are left out). */
export const findRulesByCode = (db: Db, workspaceId: string, codes: readonly string[]) =>
  codes.length === 0
    ? Promise.resolve([] as Pick<RuleRow, 'id' | 'code' | 'title' | 'ownerUserId' | 'ownerPartnerId'>[])
    : t(db).selectFrom('rules').select(['id', 'code', 'title', 'ownerUserId', 'ownerPartnerId']).where('workspaceId', '=', workspaceId).where('code', '=', sql<string>`any(${[...codes]}::text[])`).execute();
export const findRuleByCode = (db: Db, workspaceId: string, code: string) =>
  t(db).selectFrom('rules').selectAll().where('workspaceId', '=', workspaceId).where('code', '=', code).executeTakeFirst() as Promise<RuleRow | undefined>;
export const allRules = (db: Db, workspaceId: string) => t(db).selectFrom('rules').selectAll().where('workspaceId', '=', workspaceId).orderBy('code').execute() as Promise<RuleRow[]>;
export const countDeviations = async (db: Db, workspaceId: string, ruleId: string) =>
  Number((await t(db).selectFrom('deviations').select((eb) => eb.fn.countAll<number>().as('n')).where('workspaceId', '=', workspaceId).where('ruleId', '=', ruleId).executeTakeFirstOrThrow()).n);

export const insertRules = async (db: Db, rows: NewRule[]) => {
  for (let i = 0; i < rows.length; i += 500) await t(db).insertInto('rules').values(rows.slice(i, i + 500)).execute();
};
export const insertRule = (db: Db, row: NewRule) => t(db).insertInto('rules').values(row).returningAll().executeTakeFirstOrThrow() as Promise<RuleRow>;
export const updateRule = (db: Db, workspaceId: string, id: string, patch: RulePatch) =>
  t(db).updateTable('rules').set({ ...patch, updatedAt: new Date() }).where('workspaceId', '=', workspaceId).where('id', '=', id).returningAll().executeTakeFirstOrThrow() as Promise<RuleRow>;
export const deleteRule = (db: Db, workspaceId: string, id: string) => t(db).deleteFrom('rules').where('workspaceId', '=', workspaceId).where('id', '=', id).execute();

type LinkTable = 'ruleAreas' | 'ruleNodes' | 'ruleApprovers';
const LINK_COLUMN = { ruleAreas: 'areaId', ruleNodes: 'nodeId', ruleApprovers: 'userId' } as const;

/** Replaces a rule's areas, ladder nodes or approvers. */
export async function replaceLinks(db: Db, table: LinkTable, workspaceId: string, ruleId: string, ids: readonly string[]) {
  await t(db).deleteFrom(table).where('workspaceId', '=', workspaceId).where('ruleId', '=', ruleId).execute();
  if (ids.length) await t(db).insertInto(table).values([...new Set(ids)].map((id) => ({ workspaceId, ruleId, [LINK_COLUMN[table]]: id }) as never)).execute();
}
export const linksOf = async (db: Db, table: LinkTable, workspaceId: string, ruleId: string) =>
  (await t(db).selectFrom(table).select(`${LINK_COLUMN[table]} as id` as never).where('workspaceId', '=', workspaceId).where('ruleId', '=', ruleId).execute()).map((r) => (r as unknown as { id: string }).id);

// Implementation tests

export const insertTest = (db: Db, row: Omit<TestRow, 'createdAt'>) => t(db).insertInto('ruleTests').values(row).returningAll().executeTakeFirstOrThrow() as Promise<TestRow>;
export const testsOf = (db: Db, workspaceId: string, ruleId: string) =>
  t(db).selectFrom('ruleTests').selectAll().where('workspaceId', '=', workspaceId).where('ruleId', '=', ruleId).orderBy('testedOn', 'desc').execute() as Promise<TestRow[]>;

// Deviations

export const insertDeviation = (db: Db, row: NewDeviation) => t(db).insertInto('deviations').values(row).returningAll().executeTakeFirstOrThrow() as Promise<DeviationRow>;
export const updateDeviation = (db: Db, workspaceId: string, id: string, patch: Partial<Pick<DeviationRow, 'status' | 'outcome' | 'outcomeNote' | 'outcomeAt'>>) =>
  t(db).updateTable('deviations').set({ ...patch, updatedAt: new Date() }).where('workspaceId', '=', workspaceId).where('id', '=', id).returningAll().executeTakeFirstOrThrow() as Promise<DeviationRow>;
export const findDeviation = (db: Db, workspaceId: string, ruleId: string, id: string) =>
  t(db).selectFrom('deviations').selectAll().where('workspaceId', '=', workspaceId).where('ruleId', '=', ruleId).where('id', '=', id).executeTakeFirst() as Promise<DeviationRow | undefined>;

export async function listDeviations(db: Db, workspaceId: string, f: { ruleId?: string; status?: string; from?: string; to?: string; reporterId?: string; ids?: readonly string[]; limit: number; offset: number }) {
  const base = t(db)
    .selectFrom('deviations')
    .where('workspaceId', '=', workspaceId)
    .$if(!!f.ruleId, (q) => q.where('ruleId', '=', f.ruleId!))
    .$if(!!f.status, (q) => q.where('status', '=', f.status!))
    .$if(!!f.from, (q) => q.where('occurredOn', '>=', f.from!))
    .$if(!!f.to, (q) => q.where('occurredOn', '<=', f.to!))
    .$if(!!f.reporterId, (q) => q.where('reporterUserId', '=', f.reporterId!))
    .$if(!!f.ids, (q) => (f.ids!.length ? q.where('id', 'in', [...f.ids!]) : q.where(sql<SqlBool>`false`)));
  const [items, total] = await Promise.all([
    base.selectAll().orderBy('occurredOn', 'desc').orderBy('createdAt', 'desc').limit(f.limit).offset(f.offset).execute() as Promise<DeviationRow[]>,
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function replaceDeviationLinks(db: Db, workspaceId: string, deviationId: string, observationIds: readonly string[], nodeIds: readonly string[]) {
  if (observationIds.length) await t(db).insertInto('deviationObservations').values([...new Set(observationIds)].map((observationId) => ({ workspaceId, deviationId, observationId }))).execute();
  if (nodeIds.length) await t(db).insertInto('deviationNodes').values([...new Set(nodeIds)].map((nodeId) => ({ workspaceId, deviationId, nodeId }))).execute();
}
export async function deviationLinks(db: Db, workspaceId: string, deviationIds: readonly string[]) {
  if (deviationIds.length === 0) return { observations: [], nodes: [] };
  const [observations, nodes] = await Promise.all([
    t(db).selectFrom('deviationObservations').select(['deviationId', 'observationId']).where('workspaceId', '=', workspaceId).where('deviationId', 'in', [...deviationIds]).execute(),
    t(db).selectFrom('deviationNodes').select(['deviationId', 'nodeId']).where('workspaceId', '=', workspaceId).where('deviationId', 'in', [...deviationIds]).execute(),
  ]);
  return { observations, nodes };
}

export const insertDeviationEvent = (db: Db, row: Omit<DeviationEventRow, 'at'> & { at?: Date }) => t(db).insertInto('deviationEvents').values(row).execute();
export const deviationEventsOf = (db: Db, workspaceId: string, deviationIds: readonly string[]) =>
  deviationIds.length === 0
    ? Promise.resolve([] as DeviationEventRow[])
    : (t(db).selectFrom('deviationEvents').selectAll().where('workspaceId', '=', workspaceId).where('deviationId', 'in', [...deviationIds]).orderBy('at').orderBy('id').execute() as Promise<DeviationEventRow[]>);

/** What awaits this member: deviations to approve (as approver of an ask-first rule, or coordinator when a rule names none), new deviations on rules they own, outcomes they still owe. */
export async function inboxRows(db: Db, workspaceId: string, userId: string, isCoordinator: boolean, since: Date) {
  const toApprove = t(db)
    .selectFrom('deviations as d')
    .innerJoin('rules as r', (j) => j.onRef('r.workspaceId', '=', 'd.workspaceId').onRef('r.id', '=', 'd.ruleId'))
    .selectAll('d')
    .select(sql<string>`'approve'`.as('reason'))
    .where('d.workspaceId', '=', workspaceId)
    .where('d.status', '=', 'wacht_op_akkoord')
    .where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom('ruleApprovers as a').select('a.userId').whereRef('a.ruleId', '=', 'd.ruleId').where('a.workspaceId', '=', workspaceId).where('a.userId', '=', userId)),
        isCoordinator
          ? eb.not(eb.exists(eb.selectFrom('ruleApprovers as a').select('a.userId').whereRef('a.ruleId', '=', 'd.ruleId').where('a.workspaceId', '=', workspaceId)))
          : sql<SqlBool>`false`,
      ]),
    );
  const onMyRules = t(db)
    .selectFrom('deviations as d')
    .innerJoin('rules as r', (j) => j.onRef('r.workspaceId', '=', 'd.workspaceId').onRef('r.id', '=', 'd.ruleId'))
    .selectAll('d')
    .select(sql<string>`'owner'`.as('reason'))
    .where('d.workspaceId', '=', workspaceId)
    .where('r.ownerUserId', '=', userId)
    .where('d.status', '<>', 'wacht_op_akkoord')
    .where('d.createdAt', '>=', since);
  const outcomes = t(db)
    .selectFrom('deviations as d')
    .selectAll('d')
    .select(sql<string>`'outcome'`.as('reason'))
    .where('d.workspaceId', '=', workspaceId)
    .where('d.reporterUserId', '=', userId)
    .where('d.outcome', 'is', null)
    .where('d.status', 'in', ['vastgelegd', 'akkoord'])
    .where('d.followUpOn', '<=', sql<string>`current_date`);
  return (await toApprove.unionAll(onMyRules).unionAll(outcomes).execute()) as (DeviationRow & { reason: 'approve' | 'owner' | 'outcome' })[];
}

// Reviews

export const insertReview = async (db: Db, row: Omit<ReviewRow, 'createdAt'>) => {
  const inserted = await t(db)
    .insertInto('ruleReviews')
    .values({ ...row, evidence: JSON.stringify(row.evidence) })
    .returningAll()
    .executeTakeFirstOrThrow();
  return inserted as unknown as ReviewRow;
};
export const reviewsOf = async (db: Db, workspaceId: string, ruleId: string) =>
  (await t(db).selectFrom('ruleReviews').selectAll().where('workspaceId', '=', workspaceId).where('ruleId', '=', ruleId).orderBy('decidedOn', 'desc').orderBy('createdAt', 'desc').execute()) as unknown as ReviewRow[];

/** Deviations of a rule, and the observations linked to them, in a window of days. */
export async function countsBetween(db: Db, workspaceId: string, ruleId: string, from: string, to: string) {
  const row = await t(db)
    .selectFrom('deviations as d')
    .leftJoin('deviationObservations as o', (j) => j.onRef('o.workspaceId', '=', 'd.workspaceId').onRef('o.deviationId', '=', 'd.id'))
    .select([
      sql<number>`count(distinct d.id)`.as('deviations'),
      sql<number>`count(distinct o.observation_id)`.as('signals'),
      sql<string[]>`coalesce(array_agg(distinct o.observation_id::text) filter (where o.observation_id is not null), '{}')`.as('observationIds'),
    ])
    .where('d.workspaceId', '=', workspaceId)
    .where('d.ruleId', '=', ruleId)
    .where('d.occurredOn', '>=', from)
    .where('d.occurredOn', '<=', to)
    .executeTakeFirstOrThrow();
  return { deviations: Number(row.deviations), signals: Number(row.signals), observationIds: row.observationIds };
}

// Pressure and load

export interface PressureRow {
  ruleId: string;
  code: string;
  title: string;
  kind: string;
  level: string;
  domain: string;
  deviations: number;
  previousDeviations: number;
  helped: number;
  withOutcome: number;
  linkedSignals: number;
  areas: number;
  professionals: number;
}

/**
 * Every rule of the workspace with its deviations in the period and the period before,
 * ranked: most deviations first, then the steepest rise, then the most linked signals.
 * Linked signals are the distinct observations linked to the period's deviations or, given in
 * `direct` (by the observations module, which owns those links), to the rule itself.
 */
export async function pressure(
  db: Db,
  workspaceId: string,
  p: { from: string; to: string; previousFrom: string; previousTo: string; domain?: string; level?: string; limit: number },
  direct: readonly { ruleId: string; observationId: string }[] = [],
) {
  const result = await sql<PressureRow>`
    with cur as (
      select d.rule_id, count(*) as n, count(*) filter (where d.outcome = 'helped') as helped, count(d.outcome) as with_outcome,
             count(distinct d.area_id) as areas, count(distinct d.reporter_user_id) as professionals
      from deviations d
      where d.workspace_id = ${workspaceId} and d.occurred_on between ${p.from}::date and ${p.to}::date
      group by d.rule_id
    ), prev as (
      select d.rule_id, count(*) as n from deviations d
      where d.workspace_id = ${workspaceId} and d.occurred_on between ${p.previousFrom}::date and ${p.previousTo}::date
      group by d.rule_id
    ), sig as (
      -- a link carries its deviation's rule and date: the period's links without visiting its deviations
      select s.rule_id, count(distinct s.observation_id) as n from (
        select o.rule_id, o.observation_id
        from deviation_observations o
        where o.workspace_id = ${workspaceId} and o.occurred_on between ${p.from}::date and ${p.to}::date
        union all
        select l.rule_id, l.observation_id
        from unnest(${direct.map((l) => l.ruleId)}::uuid[], ${direct.map((l) => l.observationId)}::uuid[]) as l(rule_id, observation_id)
      ) s
      group by s.rule_id
    )
    select r.id as rule_id, r.code, r.title, r.kind, r.level, r.domain,
           coalesce(cur.n, 0)::int as deviations, coalesce(prev.n, 0)::int as previous_deviations,
           coalesce(cur.helped, 0)::int as helped, coalesce(cur.with_outcome, 0)::int as with_outcome,
           coalesce(sig.n, 0)::int as linked_signals, coalesce(cur.areas, 0)::int as areas, coalesce(cur.professionals, 0)::int as professionals
    from rules r
      left join cur on cur.rule_id = r.id
      left join prev on prev.rule_id = r.id
      left join sig on sig.rule_id = r.id
    where r.workspace_id = ${workspaceId}
      ${p.domain ? sql`and r.domain = ${p.domain}` : sql``}
      ${p.level ? sql`and r.level = ${p.level}` : sql``}
    order by deviations desc, (coalesce(cur.n, 0) - coalesce(prev.n, 0)) desc, linked_signals desc, r.code
    limit ${p.limit}`.execute(db);
  return result.rows;
}

export async function countRules(db: Db, workspaceId: string, f: { domain?: string; level?: string }) {
  const row = await t(db)
    .selectFrom('rules')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspaceId', '=', workspaceId)
    .$if(!!f.domain, (q) => q.where('domain', '=', f.domain!))
    .$if(!!f.level, (q) => q.where('level', '=', f.level!))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Rule load: active rules per domain and level, new rules per year (by valid_from, else created), deviations per rule. */
export async function load(db: Db, workspaceId: string) {
  const [byDomain, perYear, perRule] = await Promise.all([
    t(db)
      .selectFrom('rules')
      .select(['domain', 'level', (eb) => eb.fn.countAll<number>().as('count')])
      .where('workspaceId', '=', workspaceId)
      .where(activeToday)
      .groupBy(['domain', 'level'])
      .orderBy('domain')
      .orderBy('level')
      .execute(),
    t(db)
      .selectFrom('rules')
      .select([sql<number>`extract(year from coalesce(valid_from, created_at::date))::int`.as('year'), (eb) => eb.fn.countAll<number>().as('count')])
      .where('workspaceId', '=', workspaceId)
      .groupBy(sql`1`)
      .orderBy(sql`1`)
      .execute(),
    t(db)
      .selectFrom('deviations as d')
      .innerJoin('rules as r', (j) => j.onRef('r.workspaceId', '=', 'd.workspaceId').onRef('r.id', '=', 'd.ruleId'))
      .select(['r.id as ruleId', 'r.code', 'r.title', (eb) => eb.fn.countAll<number>().as('count')])
      .where('d.workspaceId', '=', workspaceId)
      .groupBy(['r.id', 'r.code', 'r.title'])
      .orderBy('count', 'desc')
      .limit(50)
      .execute(),
  ]);
  return { byDomain, perYear, perRule };
}

// National

export interface NationalPressureRow {
  workspaceId: string;
  workspaceSlug: string;
  workspaceName: string;
  ruleId: string;
  title: string;
  deviations: number;
  previousDeviations: number;
  helped: number;
  withOutcome: number;
  linkedSignals: number;
  areas: number;
  professionals: number;
}

/**
 * Across the installation (administrators only; the service checks): every workspace that keeps
 * a rule with this code at level rijk, with that rule's deviations in the period and the period
 * before, ranked as `pressure` ranks rules: most deviations, steepest rise, most linked signals.
 */
export async function nationalPressure(db: Db, code: string, p: { from: string; to: string; previousFrom: string; previousTo: string }) {
  // One pass over each copy's deviations of both periods (the period before ends before `from`),
  // and the signals from the link table's rule index instead of a probe per deviation.
  const result = await sql<NationalPressureRow>`
    with r as (
      select rules.workspace_id, rules.id, rules.title from rules where rules.code = ${code} and rules.level = 'rijk'
    ), agg as (
      select d.workspace_id,
             count(*) filter (where d.occurred_on >= ${p.from}::date) as n,
             count(*) filter (where d.occurred_on <= ${p.previousTo}::date) as prev,
             count(*) filter (where d.occurred_on >= ${p.from}::date and d.outcome = 'helped') as helped,
             count(d.outcome) filter (where d.occurred_on >= ${p.from}::date) as with_outcome,
             count(distinct d.area_id) filter (where d.occurred_on >= ${p.from}::date) as areas,
             count(distinct d.reporter_user_id) filter (where d.occurred_on >= ${p.from}::date) as professionals
      from r join deviations d on d.workspace_id = r.workspace_id and d.rule_id = r.id
      where d.occurred_on between ${p.previousFrom}::date and ${p.to}::date
        and (d.occurred_on >= ${p.from}::date or d.occurred_on <= ${p.previousTo}::date)
      group by d.workspace_id
    ), sig as (
      select o.workspace_id, count(distinct o.observation_id) as n
      from r join deviation_observations o on o.workspace_id = r.workspace_id and o.rule_id = r.id
      where o.occurred_on between ${p.from}::date and ${p.to}::date
      group by o.workspace_id
    )
    select w.id as workspace_id, w.slug as workspace_slug, w.name as workspace_name, r.id as rule_id, r.title,
           coalesce(agg.n, 0)::int as deviations, coalesce(agg.prev, 0)::int as previous_deviations,
           coalesce(agg.helped, 0)::int as helped, coalesce(agg.with_outcome, 0)::int as with_outcome,
           coalesce(sig.n, 0)::int as linked_signals, coalesce(agg.areas, 0)::int as areas, coalesce(agg.professionals, 0)::int as professionals
    from r
      join workspaces w on w.id = r.workspace_id
      left join agg on agg.workspace_id = r.workspace_id
      left join sig on sig.workspace_id = r.workspace_id
    order by deviations desc, (coalesce(agg.n, 0) - coalesce(agg.prev, 0)) desc, linked_signals desc, w.name, w.slug`.execute(db);
  return result.rows;
}

// Dossier, import and export

export type DossierDeviationRow = Pick<DeviationRow, 'id' | 'occurredOn' | 'status' | 'areaId' | 'situation' | 'explanation' | 'insteadDone' | 'expectedBenefit' | 'outcome' | 'outcomeNote' | 'reporterUserId'> & {
  /** Observations linked to the deviation. */
  observationIds: string[];
};

/**
 * Every deviation of one rule, newest first (the dossier shows them all), with the fields the
 * dossier shows and its linked observations. The rows come back as one JSON array: the busiest
 * rule has thousands of deviations, and on PGlite decoding them row by row, field by field,
 * took five times as long as reading them (300 ms against 60 ms for 6,900 deviations).
 */
export async function deviationsForDossier(db: Db, workspaceId: string, ruleId: string): Promise<DossierDeviationRow[]> {
  const [{ rows }, links] = await Promise.all([
    sql<{ list: string }>`
      select coalesce(json_agg(json_build_array(d.id, d.occurred_on, d.status, d.area_id, d.situation, d.explanation, d.instead_done, d.expected_benefit,
                                                d.outcome, d.outcome_note, d.reporter_user_id)
                               order by d.occurred_on desc, d.created_at desc, d.id desc), '[]')::text as list
      from deviations d
      where d.workspace_id = ${workspaceId} and d.rule_id = ${ruleId}`.execute(db),
    sql<{ list: string }>`
      select coalesce(json_agg(json_build_array(o.deviation_id, o.observation_id)), '[]')::text as list
      from deviation_observations o
      where o.workspace_id = ${workspaceId} and o.rule_id = ${ruleId}`.execute(db),
  ]);
  const observationsOf = new Map<string, string[]>();
  for (const [deviationId, observationId] of JSON.parse(links.rows[0].list) as [string, string][]) {
    const list = observationsOf.get(deviationId);
    if (list) list.push(observationId);
    else observationsOf.set(deviationId, [observationId]);
  }
  type Row = [string, string, string, string | null, string, string, string, string, string | null, string | null, string];
  return (JSON.parse(rows[0].list) as Row[]).map(([id, occurredOn, status, areaId, situation, explanation, insteadDone, expectedBenefit, outcome, outcomeNote, reporterUserId]) => ({
    id,
    occurredOn,
    status,
    areaId,
    situation,
    explanation,
    insteadDone,
    expectedBenefit,
    outcome,
    outcomeNote,
    reporterUserId,
    observationIds: observationsOf.get(id) ?? [],
  }));
}

export interface RankRow {
  /** Index of the quarter: 0 is the oldest. */
  i: number;
  deviations: number;
  previousDeviations: number;
  signals: number;
  professionals: number;
  /** Rules that rank above this one in the quarter, as `pressure` ranks them. */
  ahead: number;
  /** Active rules (as `active`) whose code sorts before this rule's. */
  activeBeforeCode: number;
  /** Active rules (as `active`). */
  activeCount: number;
  /** Whether this rule had deviations or signals in the quarter, or deviations in the one before. */
  active: boolean;
}

const DAY = 24 * 60 * 60 * 1000;
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + DAY).toISOString().slice(0, 10);

/**
 * The rule's place in the pressure ranking per period, exactly as `pressure` ranks (most
 * deviations, then the steepest rise against the equally long period just before, then linked
 * signals — through deviations, or `direct` to a rule — then code), without ranking every rule:
 * only rules with deviations or signals in a period, or deviations in the one before, are
 * compared; all others score zero and sort by code.
 *
 * The workspace's deviations are read once: each falls in a bucket between consecutive period
 * boundaries (`width_bucket`), counted per rule and bucket, and a period's count is the sum of
 * its buckets. Reading them once per period (eight quarters and the eight periods before them)
 * and counting distinct ids after joining their links cost about 400 ms for the largest
 * workspace (48,000 deviations); the signals come from the links' own period index.
 */
export async function rankHistory(
  db: Db,
  workspaceId: string,
  rule: { id: string; code: string },
  periods: readonly { from: string; to: string; previousFrom: string; previousTo: string }[],
  direct: readonly { ruleId: string; observationId: string; occurredOn: string }[] = [],
) {
  // Boundaries: the first day of each period and the day after its last. A date d falls in
  // bucket k when bounds[k-1] <= d < bounds[k] (1-based, as width_bucket counts); each bucket
  // lies wholly inside or outside each period, and may lie in several periods before.
  const bounds = [...new Set(periods.flatMap((p) => [p.from, nextDay(p.to), p.previousFrom, nextDay(p.previousTo)]))].sort();
  const buckets: ReturnType<typeof sql>[] = [];
  for (let k = 1; k < bounds.length; k++) {
    const day = bounds[k - 1];
    periods.forEach((p, i) => {
      if (p.from <= day && day <= p.to) buckets.push(sql`(${k}::int, ${i}::int, true)`);
      if (p.previousFrom <= day && day <= p.previousTo) buckets.push(sql`(${k}::int, ${i}::int, false)`);
    });
  }
  const first = bounds[0];
  const end = bounds[bounds.length - 1];
  const [rows, totals] = await Promise.all([
    sql<RankRow>`
      with q(i, f, t) as (values ${sql.join(periods.map((p, i) => sql`(${i}::int, ${p.from}::date, ${p.to}::date)`))}),
      m(b, i, cur) as (values ${sql.join(buckets)}),
      per_bucket as (
        select d.rule_id, width_bucket(d.occurred_on, ${bounds}::date[]) as b, count(*)::int as n
        from deviations d
        where d.workspace_id = ${workspaceId} and d.occurred_on >= ${first}::date and d.occurred_on < ${end}::date
        group by 1, 2
      ), signals as (
        -- distinct observations per quarter and rule, by grouping (hashed) rather than count(distinct) (sorted)
        select x.i, x.rule_id from (
          select m.i, o.rule_id, o.observation_id
          from deviation_observations o join m on m.b = width_bucket(o.occurred_on, ${bounds}::date[]) and m.cur
          where o.workspace_id = ${workspaceId} and o.occurred_on >= ${first}::date and o.occurred_on < ${end}::date
          union all
          select q.i, l.rule_id, l.observation_id
          from unnest(${direct.map((l) => l.ruleId)}::uuid[], ${direct.map((l) => l.observationId)}::uuid[], ${direct.map((l) => l.occurredOn)}::date[]) as l(rule_id, observation_id, occurred_on)
            join q on l.occurred_on between q.f and q.t
        ) x
        group by x.i, x.rule_id, x.observation_id
      ), counts as (
        select m.i, x.rule_id, coalesce(sum(x.n) filter (where m.cur), 0) as n, coalesce(sum(x.n) filter (where not m.cur), 0) as prev, 0 as s
        from per_bucket x join m on m.b = x.b
        group by 1, 2
        union all
        select i, rule_id, 0, 0, count(*) from signals group by 1, 2
      ), stats as (
        select c.i, c.rule_id, sum(c.n)::int as n, sum(c.n - c.prev)::int as rise, sum(c.s)::int as s
        from counts c group by 1, 2
      ), professionals as (
        select q.i, count(distinct d.reporter_user_id)::int as p
        from q join deviations d on d.workspace_id = ${workspaceId} and d.rule_id = ${rule.id} and d.occurred_on between q.f and q.t
        group by q.i
      ), me as materialized (
        select q.i, coalesce(x.n, 0) as n, coalesce(x.n - x.rise, 0) as prev, coalesce(x.s, 0) as s, coalesce(m.p, 0) as p,
               x.rule_id is not null as active
        from q
          left join stats x on x.i = q.i and x.rule_id = ${rule.id}
          left join professionals m on m.i = q.i
      ), coded as (
        select s.i, s.rule_id, s.n, s.rise, s.s, r.code
        from stats s left join (select id, code from rules where workspace_id = ${workspaceId}) r on r.id = s.rule_id
      )
      select me.i, me.n as deviations, me.prev as previous_deviations, me.s as signals, me.p as professionals, me.active,
        (count(s.code) filter (where s.rule_id <> ${rule.id}
            and (s.n > me.n or (s.n = me.n and (s.rise > me.n - me.prev or (s.rise = me.n - me.prev and (s.s > me.s or (s.s = me.s and s.code < ${rule.code}))))))))::int as ahead,
        (count(s.code) filter (where s.code < ${rule.code}))::int as active_before_code,
        count(s.rule_id)::int as active_count
      from me left join coded s on s.i = me.i
      group by me.i, me.n, me.prev, me.s, me.p, me.active
      order by me.i`.execute(db),
    sql<{ total: number; beforeCode: number }>`
      select count(*)::int as total, (count(*) filter (where code < ${rule.code}))::int as before_code from rules where workspace_id = ${workspaceId}`.execute(db),
  ]);
  return { rows: rows.rows, total: Number(totals.rows[0].total), beforeCode: Number(totals.rows[0].beforeCode) };
}

export type RuleFields = Pick<RuleRow, 'id' | 'title' | 'kind' | 'level' | 'intent' | 'domain' | 'ownerUserId' | 'ownerPartnerId' | 'sourceUrl' | 'validFrom' | 'validTo' | 'mandate'>;

/** Updates many rules at once (an import), 500 per statement. */
export async function updateRules(db: Db, workspaceId: string, rows: readonly RuleFields[]) {
  for (let i = 0; i < rows.length; i += 500) {
    const values = sql.join(
      rows
        .slice(i, i + 500)
        .map((r) => sql`(${r.id}, ${r.title}, ${r.kind}, ${r.level}, ${r.intent}, ${r.domain}, ${r.ownerUserId}, ${r.ownerPartnerId}, ${r.sourceUrl}, ${r.validFrom}, ${r.validTo}, ${r.mandate})`),
    );
    await sql`
      update rules as r set title = v.title, kind = v.kind, level = v.level, intent = v.intent, domain = v.domain,
        owner_user_id = v.owner_user_id::uuid, owner_partner_id = v.owner_partner_id::uuid, source_url = v.source_url,
        valid_from = v.valid_from::date, valid_to = v.valid_to::date, mandate = v.mandate, updated_at = now()
      from (values ${values}) as v(id, title, kind, level, intent, domain, owner_user_id, owner_partner_id, source_url, valid_from, valid_to, mandate)
      where r.workspace_id = ${workspaceId} and r.id = v.id::uuid`.execute(db);
  }
}

/** Every link of one kind in the workspace (rule → area, ladder node or approver). */
export const allLinks = async (db: Db, table: LinkTable, workspaceId: string) =>
  (await t(db)
    .selectFrom(table)
    .select(['ruleId', `${LINK_COLUMN[table]} as id` as never])
    .where('workspaceId', '=', workspaceId)
    .orderBy('ruleId')
    .execute()) as unknown as { ruleId: string; id: string }[];
export const allTests = (db: Db, workspaceId: string) => t(db).selectFrom('ruleTests').selectAll().where('workspaceId', '=', workspaceId).orderBy('ruleId').orderBy('testedOn').execute() as Promise<TestRow[]>;
export const allDeviations = (db: Db, workspaceId: string) =>
  t(db).selectFrom('deviations').selectAll().where('workspaceId', '=', workspaceId).orderBy('ruleId').orderBy('occurredOn').orderBy('id').execute() as Promise<DeviationRow[]>;
export async function allDeviationLinks(db: Db, workspaceId: string) {
  const [observations, nodes] = await Promise.all([
    t(db).selectFrom('deviationObservations').select(['deviationId', 'observationId']).where('workspaceId', '=', workspaceId).orderBy('deviationId').execute(),
    t(db).selectFrom('deviationNodes').select(['deviationId', 'nodeId']).where('workspaceId', '=', workspaceId).orderBy('deviationId').execute(),
  ]);
  return { observations, nodes };
}
export const allDeviationEvents = (db: Db, workspaceId: string) =>
  t(db).selectFrom('deviationEvents').selectAll().where('workspaceId', '=', workspaceId).orderBy('deviationId').orderBy('at').orderBy('id').execute() as Promise<DeviationEventRow[]>;
export const allReviews = async (db: Db, workspaceId: string) =>
  (await t(db).selectFrom('ruleReviews').selectAll().where('workspaceId', '=', workspaceId).orderBy('ruleId').orderBy('decidedOn').orderBy('createdAt').execute()) as unknown as ReviewRow[];

/** The scope condition of a deviation for learning cycles: linked (itself or through its rule) to one of the nodes, or in one of the areas. */
function learningScope(workspaceId: string, f: { nodeIds?: readonly string[]; areaIds?: readonly string[] }) {
  const parts = [sql`d.workspace_id = ${workspaceId}`];
  if (f.areaIds) parts.push(f.areaIds.length ? sql`d.area_id in (${sql.join(f.areaIds.map((id) => sql`${id}::uuid`))})` : sql`false`);
  if (f.nodeIds) {
    const ids = f.nodeIds.length ? sql.join(f.nodeIds.map((id) => sql`${id}::uuid`)) : null;
    parts.push(
      ids
        ? // `in (subquery)` lets the planner hash each link table once; `exists` per row probed both for every deviation (EXPLAIN: 46,000 → a few thousand buffers)
          sql`(d.id in (select n.deviation_id from deviation_nodes n where n.workspace_id = ${workspaceId} and n.node_id in (${ids}))
            or d.rule_id in (select rn.rule_id from rule_nodes rn where rn.workspace_id = ${workspaceId} and rn.node_id in (${ids})))`
        : sql`false`,
    );
  }
  return sql.join(parts, sql` and `);
}

/** For learning cycles: deviations of a scope in a period, newest first, with their rule's code and title; at most `limit`. */
export async function deviationsInScope(db: Db, workspaceId: string, f: { nodeIds?: readonly string[]; areaIds?: readonly string[]; since: string; until: string; limit: number }) {
  const { rows } = await sql<DeviationRow & { ruleCode: string; ruleTitle: string }>`
    select d.*, r.code as rule_code, r.title as rule_title
    from deviations d join rules r on r.workspace_id = d.workspace_id and r.id = d.rule_id
    where ${learningScope(workspaceId, f)} and d.occurred_on between ${f.since}::date and ${f.until}::date
    order by d.occurred_on desc, d.id desc
    limit ${f.limit}`.execute(db);
  return rows;
}

/** For learning cycles: per rule, the deviations of a scope in the period and in the period of the same length before it. */
export async function pressureInScope(db: Db, workspaceId: string, f: { nodeIds?: readonly string[]; areaIds?: readonly string[]; previousFrom: string; since: string; until: string }) {
  const { rows } = await sql<{ ruleId: string; code: string; title: string; deviations: number; previousDeviations: number }>`
    select r.id as rule_id, r.code, r.title,
      count(*) filter (where d.occurred_on >= ${f.since}::date)::int as deviations,
      count(*) filter (where d.occurred_on < ${f.since}::date)::int as previous_deviations
    from deviations d join rules r on r.workspace_id = d.workspace_id and r.id = d.rule_id
    where ${learningScope(workspaceId, f)} and d.occurred_on between ${f.previousFrom}::date and ${f.until}::date
    group by r.id, r.code, r.title
    having count(*) filter (where d.occurred_on >= ${f.since}::date) > 0
    order by deviations desc, r.code
    limit 50`.execute(db);
  return rows.map((r) => ({ ...r, deviations: Number(r.deviations), previousDeviations: Number(r.previousDeviations) }));
}

/** Review decisions taken in a period, with their rule (for the progress report). */
export const reviewsBetween = async (db: Db, workspaceId: string, from: string, to: string) =>
  (await t(db)
    .selectFrom('ruleReviews as v')
    .innerJoin('rules as r', (j) => j.onRef('r.id', '=', 'v.ruleId').on('r.workspaceId', '=', workspaceId))
    .select(['v.decidedOn', 'v.decision', 'v.rationale', 'v.escalatedTo', 'r.code', 'r.title'])
    .where('v.workspaceId', '=', workspaceId)
    .where('v.decidedOn', '>=', from)
    .where('v.decidedOn', '<=', to)
    .orderBy('v.decidedOn')
    .execute()) as { decidedOn: string; decision: string; rationale: string; escalatedTo: string | null; code: string; title: string }[];
