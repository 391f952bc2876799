import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';
import type { Movement, MovementKind } from './fund';

export interface FundRow {
  capitalCents: number;
  capitalDate: string | null;
  sibDebtFreeCents: number;
  sibWorkOrSchoolCents: number;
}

export async function findFund(db: Db, workspaceId: string): Promise<FundRow | undefined> {
  const r = await sql<FundRow>`select capital_cents::float8 as "capitalCents", to_char(capital_date, 'YYYY-MM-DD') as "capitalDate",
      sib_debt_free_cents::float8 as "sibDebtFreeCents", sib_work_or_school_cents::float8 as "sibWorkOrSchoolCents"
    from youth_debt_fund where workspace_id = ${workspaceId}`.execute(db);
  return r.rows[0];
}

export async function saveFund(db: Db, workspaceId: string, row: FundRow) {
  await sql`insert into youth_debt_fund (workspace_id, capital_cents, capital_date, sib_debt_free_cents, sib_work_or_school_cents, updated_at)
    values (${workspaceId}, ${row.capitalCents}, ${row.capitalDate}, ${row.sibDebtFreeCents}, ${row.sibWorkOrSchoolCents}, now())
    on conflict (workspace_id) do update set capital_cents = excluded.capital_cents, capital_date = excluded.capital_date,
      sib_debt_free_cents = excluded.sib_debt_free_cents, sib_work_or_school_cents = excluded.sib_work_or_school_cents, updated_at = now()`.execute(db);
}

/**
 * The fund's movements per month, summed in the database: credits granted (out), payments and
 * confirmed hours valued as the ledger values them (quarter hours × rate / 4, half up, per
 * entry), and outcome payments of the social impact bond by the month the outcome was recorded.
 */
export async function movements(db: Db, workspaceId: string, sib: { debtFree: number; workOrSchool: number }): Promise<Movement[]> {
  const r = await sql<{ month: string; kind: MovementKind; cents: number }>`
    select to_char(granted_date, 'YYYY-MM') as month, 'kredieten' as kind, -sum(amount_cents)::float8 as cents
      from youth_debt_credits where workspace_id = ${workspaceId} group by 1
    union all
    select to_char(entry_date, 'YYYY-MM'), 'aflossingen', sum(amount_cents)::float8
      from youth_debt_ledger_entries where workspace_id = ${workspaceId} and kind = 'betaling' group by 1
    union all
    select to_char(entry_date, 'YYYY-MM'), 'uren', sum((quarter_hours::bigint * hourly_rate_cents * 2 + 4) / 8)::float8
      from youth_debt_ledger_entries where workspace_id = ${workspaceId} and kind = 'activiteit' and confirmed_date is not null group by 1
    union all
    select to_char(recorded_on, 'YYYY-MM'), 'resultaatbetalingen',
        (count(*) filter (where debt_free = 'ja') * ${sib.debtFree}::bigint + count(*) filter (where in_work = 'ja' or in_education = 'ja') * ${sib.workOrSchool}::bigint)::float8
      from youth_debt_outcomes where workspace_id = ${workspaceId} group by 1`.execute(db);
  return r.rows.filter((m) => m.cents !== 0).map((m) => ({ month: m.month, kind: m.kind, cents: Number(m.cents) }));
}

/** What is still owed on the credits: per credit the amount minus payments and confirmed hours, never below zero. */
export async function outstanding(db: Db, workspaceId: string): Promise<number> {
  const r = await sql<{ cents: number | null }>`
    select sum(greatest(c.amount_cents - coalesce(e.repaid, 0), 0))::float8 as cents
    from youth_debt_credits c
    left join (
      select credit_id, sum(case when kind = 'betaling' then amount_cents
                                 when confirmed_date is not null then (quarter_hours::bigint * hourly_rate_cents * 2 + 4) / 8 else 0 end) as repaid
      from youth_debt_ledger_entries where workspace_id = ${workspaceId} group by credit_id
    ) e on e.credit_id = c.id
    where c.workspace_id = ${workspaceId}`.execute(db);
  return Number(r.rows[0]?.cents ?? 0);
}
