import { CompiledQuery } from 'kysely';
import { parsedOnce, type Db } from '../../src/platform/db/database';
import { cpuTimeMs } from './cpu';
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

export interface PlanChoice {
  sql: string;
  /** Planned for these parameters on each call (what the app does for lists and searches). */
  custom: { planningMs: number; executionMs: number };
  /** One plan for any parameters (what a named prepared statement settles on after 5 calls). */
  generic: { planningMs: number; executionMs: number };
  /**
   * `calls` calls from the client one after the other, per call: the time and the CPU of all
   * PostgreSQL processes; sent as SQL text each time (parsed, analysed and planned each time),
   * and prepared once but planned per call (what `parsedOnce` does).
   */
  perCall: { calls: number; unprepared: { ms: number; postgresCpuMs: number | null }; parsedOnce: { ms: number; postgresCpuMs: number | null } };
}

/**
 * A query planned per call against the same query with one generic plan, each EXPLAIN ANALYZEd
 * `runs` times on one connection (the median), so the planning saved can be weighed against a
 * plan that ignores the parameters; and whole calls unprepared against prepared but planned per
 * call, which is what parsing once saves. PostgreSQL on this machine only (its CPU via /proc).
 */
export async function comparePlans(db: Db, q: CompiledQuery, runs = 5): Promise<PlanChoice> {
  const median = (xs: number[]) => round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]);
  const times = (res: { rows: unknown[] }) => {
    const cell = Object.values(res.rows[0] as Record<string, unknown>)[0];
    const plan = (typeof cell === 'string' ? JSON.parse(cell) : cell) as { 'Execution Time': number; 'Planning Time': number }[];
    return { planningMs: plan[0]['Planning Time'], executionMs: plan[0]['Execution Time'] };
  };
  // EXECUTE takes no bind parameters: the values go in as literals, typed by the statement.
  const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
  const literal = (v: unknown): string =>
    v === null || v === undefined ? 'null' : typeof v === 'number' || typeof v === 'boolean' ? String(v) : v instanceof Date ? quote(v.toISOString())
      : Array.isArray(v) ? quote(`{${v.map((x) => (x === null ? 'NULL' : `"${String(x).replace(/["\\]/g, '\\$&')}"`)).join(',')}}`) : quote(String(v));
  const args = q.parameters.map(literal).join(', ');
  // A leading comment keeps the statement on this connection, unprepared, whatever its mark;
  // with the mark in front, the app's handle prepares it on a connection that plans per call.
  const unprepared = CompiledQuery.raw(`/* unprepared */ ${q.sql}`, [...q.parameters]);
  const mark = parsedOnce.compile(db).sql;
  const marked = CompiledQuery.raw(q.sql.trimStart().startsWith(mark) ? q.sql : `${mark} ${q.sql}`, [...q.parameters]);
  const timed = async (calls: number, call: () => Promise<unknown>) => {
    const before = cpuTimeMs().postgres;
    const started = performance.now();
    for (let i = 0; i < calls; i++) await call();
    const ms = performance.now() - started;
    const after = cpuTimeMs().postgres;
    return { ms: round(ms / calls, 3), postgresCpuMs: before === null || after === null ? null : round((after - before) / calls, 3) };
  };
  return db.connection().execute(async (c) => {
    const custom = [];
    for (let i = 0; i < runs; i++) custom.push(times(await c.executeQuery(CompiledQuery.raw(`explain (analyze, format json) ${q.sql}`, [...q.parameters]))));
    // Enough calls for the CPU clock's 10 ms ticks; the first few prepare and warm up.
    const calls = Math.max(20, Math.min(200, Math.round(400 / (custom[0].planningMs + custom[0].executionMs))));
    await timed(5, () => db.executeQuery(marked));
    const perCall = { calls, unprepared: await timed(calls, () => c.executeQuery(unprepared)), parsedOnce: await timed(calls, () => db.executeQuery(marked)) };
    const generic = [];
    await c.executeQuery(CompiledQuery.raw(`set plan_cache_mode = force_generic_plan`));
    await c.executeQuery(CompiledQuery.raw(`prepare bench_generic as ${q.sql}`));
    try {
      for (let i = 0; i < runs; i++) generic.push(times(await c.executeQuery(CompiledQuery.raw(`explain (analyze, format json) execute bench_generic${args ? `(${args})` : ''}`))));
    } finally {
      // Only its own statement: the connection's marked ones stay prepared.
      await c.executeQuery(CompiledQuery.raw(`deallocate bench_generic`));
      await c.executeQuery(CompiledQuery.raw(`reset plan_cache_mode`));
    }
    return {
      sql: compact(q.sql).slice(0, 300),
      custom: { planningMs: median(custom.map((t) => t.planningMs)), executionMs: median(custom.map((t) => t.executionMs)) },
      generic: { planningMs: median(generic.map((t) => t.planningMs)), executionMs: median(generic.map((t) => t.executionMs)) },
      perCall,
    };
  });
}
