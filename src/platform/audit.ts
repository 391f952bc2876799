import { sql, type Expression, type Kysely } from 'kysely';
import type { Actor } from './context';
import type { Db } from './db/database';
import { newId } from './ids';

interface AuditTables {
  auditLog: {
    id: string;
    workspaceId: string | null;
    actorId: string | null;
    actorName: string | null;
    entity: string;
    entityId: string;
    entityLabel: string | null;
    action: string;
    changes: Record<string, { before: unknown; after: unknown }>;
    createdAt: Date;
  };
}

export type AuditAction = 'create' | 'update' | 'delete' | string;

export interface AuditEntry {
  workspaceId: string | null;
  actor: Actor | null;
  entity: string;
  entityId: string;
  /** A human name of the changed thing; by default the record's `name` or `title`. */
  label?: string;
  action: AuditAction;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Fields never written to the audit log in clear. */
const SECRET_FIELDS = new Set(['passwordHash', 'password', 'tokenHash', 'csrfToken', 'idHash']);
/** Bulky fields: the log records that they changed, not their contents. */
const BULKY_FIELDS = new Set(['geometry']);

function normalise(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/** The changed fields between two versions of a record, as {field: {before, after}}. */
export function diffFields(before: Record<string, unknown> | null | undefined, after: Record<string, unknown> | null | undefined) {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (key === 'updatedAt' || key === 'workspaceId') continue;
    const b = normalise(before?.[key]);
    const a = normalise(after?.[key]);
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    if (SECRET_FIELDS.has(key)) changes[key] = { before: b == null ? null : '***', after: a == null ? null : '***' };
    else if (BULKY_FIELDS.has(key)) changes[key] = { before: b == null ? null : '(gewijzigd)', after: a == null ? null : '(gewijzigd)' };
    else changes[key] = { before: b ?? null, after: a ?? null };
  }
  return changes;
}

/**
 * Writes one audit row. Call it inside the transaction of the change it describes, so a
 * change never lands without its audit row (nor the row without the change).
 */
export async function recordAudit(trx: Db, entry: AuditEntry): Promise<void> {
  await auditInsert(trx, entry)?.execute();
}

/**
 * The INSERT of one audit row, not yet run (null for an update that changed nothing): for a
 * repository that writes the change and its audit row in one statement. `computed` replaces
 * the label or the changes with SQL of that statement (a value the database itself assigns,
 * such as a number; the changes as jsonb).
 */
export function auditInsert(db: Db, entry: AuditEntry, computed: { label?: Expression<string>; changes?: (changes: Expression<unknown>) => Expression<unknown> } = {}) {
  const row = auditRow(entry, computed);
  return row && (db as Kysely<AuditTables>).insertInto('auditLog').values(row);
}

/** Writes many audit rows in one statement, e.g. for the records of an import: each as `recordAudit` would. */
export async function recordAudits(trx: Db, entries: readonly AuditEntry[]): Promise<void> {
  const rows = entries.map((e) => auditRow(e)).filter((r) => r !== null);
  if (rows.length) await (trx as Kysely<AuditTables>).insertInto('auditLog').values(rows).execute();
}

function auditRow(entry: AuditEntry, computed: { label?: Expression<string>; changes?: (changes: Expression<unknown>) => Expression<unknown> } = {}) {
  const changes = diffFields(entry.before, entry.after);
  const named = (r: Record<string, unknown> | null | undefined) => (typeof r?.name === 'string' ? r.name : typeof r?.title === 'string' ? r.title : undefined);
  const label = entry.label ?? named(entry.after) ?? named(entry.before) ?? null;
  if (entry.action === 'update' && Object.keys(changes).length === 0) return null;
  return {
    id: newId(),
    workspaceId: entry.workspaceId,
    actorId: entry.actor && entry.actor.via !== 'cli' ? entry.actor.userId : null,
    actorName: entry.actor?.name ?? null,
    entity: entry.entity,
    entityId: entry.entityId,
    entityLabel: computed.label ?? label,
    action: entry.action,
    changes: (computed.changes ? computed.changes(sql`${JSON.stringify(changes)}::jsonb`) : JSON.stringify(changes)) as never,
    createdAt: new Date(),
  };
}

export interface AuditQuery {
  entity?: string;
  entityId?: string;
  limit: number;
  offset: number;
}

/** A workspace's audit log, newest first. */
export async function listAudit(db: Db, workspaceId: string, query: AuditQuery) {
  const base = (db as Kysely<AuditTables>)
    .selectFrom('auditLog')
    .where('workspaceId', '=', workspaceId)
    .$if(!!query.entity, (q) => q.where('entity', '=', query.entity!))
    .$if(!!query.entityId, (q) => q.where('entityId', '=', query.entityId!));
  const [items, total] = await Promise.all([
    base.selectAll().orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(query.limit).offset(query.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** Everything the log holds for one workspace, oldest first (for exports). */
export async function exportAudit(db: Db, workspaceId: string) {
  return (db as Kysely<AuditTables>).selectFrom('auditLog').selectAll().where('workspaceId', '=', workspaceId).orderBy('createdAt').execute();
}
