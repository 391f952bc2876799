import { CompiledQuery } from 'kysely';
import type { Db } from '../../src/platform/db/database';
import { round } from './util';

/** SQL for the result file: whitespace collapsed, long parameter lists shortened ($4, …, $612: 609 values). */
export const compact = (text: string) =>
  text.replace(/\s+/g, ' ').replace(/\$(\d+)(?:, \$\d+){3,}, \$(\d+)/g, (_m, a: string, b: string) => `$${a}, …, $${b} (${Number(b) - Number(a) + 1} values)`);

export interface PlanSummary {
  sql: string;
  executionMs: number;
  planningMs: number;
  topNode: string;
  rows: number;
  sharedHit: number;
  sharedRead: number;
}

/** EXPLAIN ANALYZE of one query on this database: its times, top node, rows and buffers. */
export async function explainPlan(db: Db, q: CompiledQuery): Promise<PlanSummary> {
  const res = await db.executeQuery(CompiledQuery.raw(`explain (analyze, buffers, format json) ${q.sql}`, [...q.parameters]));
  const cell = Object.values(res.rows[0] as Record<string, unknown>)[0];
  const plan = (typeof cell === 'string' ? JSON.parse(cell) : cell) as { Plan: Record<string, number | string>; 'Execution Time': number; 'Planning Time': number }[];
  const p = plan[0].Plan;
  return {
    sql: compact(q.sql).slice(0, 300),
    executionMs: round(plan[0]['Execution Time']),
    planningMs: round(plan[0]['Planning Time']),
    topNode: String(p['Node Type']),
    rows: Number(p['Actual Rows']),
    sharedHit: Number(p['Shared Hit Blocks'] ?? 0),
    sharedRead: Number(p['Shared Read Blocks'] ?? 0),
  };
}

/** EXPLAIN ANALYZE of each query, one after the other. */
export async function explainAll(db: Db, queries: readonly CompiledQuery[]) {
  const out: PlanSummary[] = [];
  for (const q of queries) out.push(await explainPlan(db, q));
  return out;
}

/** The whole plan as text, for the slowest query. */
export async function explainText(db: Db, q: CompiledQuery) {
  const res = await db.executeQuery(CompiledQuery.raw(`explain (analyze, buffers) ${q.sql}`, [...q.parameters]));
  return (res.rows as Record<string, string>[]).map((r) => Object.values(r)[0]);
}
