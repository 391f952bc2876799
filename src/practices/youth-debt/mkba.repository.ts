import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';

export interface FactRow {
  startDate: string;
  status: string;
  /** Whole months since the start, up to today. */
  monthsSinceStart: number;
  debtCents: number;
  creditCents: number;
  repaidCents: number;
  socialAssistance: string | null;
}

/**
 * Per participant who started (actief, afgerond, uitgevallen): the start, months since, the
 * debts, the credit and what came back of it (payments and confirmed hours, valued as the ledger
 * values them), and the outcome for social assistance. One statement.
 */
export async function participantFacts(db: Db, workspaceId: string): Promise<FactRow[]> {
  const r = await sql<FactRow>`
    select to_char(p.start_date, 'YYYY-MM-DD') as "startDate", p.status,
      ((extract(year from age(current_date, p.start_date)) * 12 + extract(month from age(current_date, p.start_date))))::int as "monthsSinceStart",
      coalesce(d.cents, 0)::float8 as "debtCents", coalesce(c.cents, 0)::float8 as "creditCents", coalesce(e.cents, 0)::float8 as "repaidCents",
      o.social_assistance as "socialAssistance"
    from youth_debt_participants p
    left join (select participant_id, sum(amount_cents) as cents from youth_debt_debts where workspace_id = ${workspaceId} group by 1) d on d.participant_id = p.id
    left join (select participant_id, sum(amount_cents) as cents from youth_debt_credits where workspace_id = ${workspaceId} group by 1) c on c.participant_id = p.id
    left join (
      select participant_id, sum(case when kind = 'betaling' then amount_cents
                                      when confirmed_date is not null then (quarter_hours::bigint * hourly_rate_cents * 2 + 4) / 8 else 0 end) as cents
      from youth_debt_ledger_entries where workspace_id = ${workspaceId} group by 1) e on e.participant_id = p.id
    left join youth_debt_outcomes o on o.workspace_id = p.workspace_id and o.participant_id = p.id
    where p.workspace_id = ${workspaceId} and p.status in ('actief', 'afgerond', 'uitgevallen')`.execute(db);
  return r.rows.map((x) => ({ ...x, debtCents: Number(x.debtCents), creditCents: Number(x.creditCents), repaidCents: Number(x.repaidCents) }));
}

export async function findAssumptions(db: Db, workspaceId: string): Promise<Record<string, number> | undefined> {
  const r = await sql<{ assumptions: Record<string, number> | string }>`select assumptions from youth_debt_mkba where workspace_id = ${workspaceId}`.execute(db);
  const a = r.rows[0]?.assumptions;
  return typeof a === 'string' ? JSON.parse(a) : a;
}

export async function saveAssumptions(db: Db, workspaceId: string, assumptions: Record<string, number>) {
  await sql`insert into youth_debt_mkba (workspace_id, assumptions, updated_at) values (${workspaceId}, ${JSON.stringify(assumptions)}::jsonb, now())
    on conflict (workspace_id) do update set assumptions = excluded.assumptions, updated_at = now()`.execute(db);
}
