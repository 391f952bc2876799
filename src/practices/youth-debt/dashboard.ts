import type { ServiceContext } from '../../platform/context';
import { DomainError } from '../../platform/errors';
import { barChartSvg } from '../../platform/charts';
import type { ReportBlock, ReportSectionDefinition } from '../../platform/report';
import { findWorkspacesByIds } from '../../core/workspaces/service';
import { youthDebtPolicy as policy } from './policies';
import { MINIMUM_GROUP, isSmall, protect, shown, type Cell, type Grid, type Mask } from './protect';
import { cachedFigures } from './figures';
import { getFund } from './fund.service';
import { planSummary } from './plan.service';
import { effectMonitor } from './questionnaires.service';
import * as repo from './repository';
import { DEBT_STATUSES, PARTICIPANT_STATUSES, approachView as approachViewSchema } from './schema';

/*
 * The effect monitor's figures: a dashboard per workspace (aggregates only: no names, no
 * participant numbers), the approach-wide view across every workspace that runs the approach
 * (for the foundation; small-number protection, see protect.ts) and the module's section of the
 * core progress report.
 */

export const AGE_BANDS = ['jonger', '18-19', '20-21', '22-23', '24-25', '26-27', 'ouder'] as const;
export const LOAD_BANDS = ['1-5', '6-10', '11-15', '16-20', '21+'] as const;
export const DEBT_KINDS = ['concurrent', 'preferent'] as const;
const DEBT_GROUPS = DEBT_STATUSES.flatMap((status) => DEBT_KINDS.map((kind) => ({ status, kind })));
const num = (v: number | string | null | undefined) => (v === null || v === undefined ? 0 : Number(v));

type Figures = Awaited<ReturnType<typeof readFigures>>;

/** Every aggregate, grouped by workspace; `workspaceId` null reads all workspaces. */
async function readFigures(ctx: ServiceContext, workspaceId: string | null) {
  const [status, debts, perParticipant, quarters, ages, load, withoutCoach] = await Promise.all([
    repo.participantsByStatus(ctx.db, workspaceId),
    repo.debtGroups(ctx.db, workspaceId),
    repo.debtPerParticipant(ctx.db, workspaceId),
    repo.newPerQuarter(ctx.db, workspaceId),
    repo.ageAtStart(ctx.db, workspaceId),
    repo.coachLoad(ctx.db, workspaceId),
    repo.runningWithoutCoach(ctx.db, workspaceId),
  ]);
  return { status, debts, perParticipant, quarters, ages, load, withoutCoach };
}

const pick = <T extends { workspaceId: string | null }>(rows: T[], workspaceId: string) => rows.filter((r) => r.workspaceId === workspaceId);

/** The figures of one workspace, unprotected (for its own members). */
function workspaceFigures(f: Figures, ws: string) {
  const status = pick(f.status, ws);
  const debts = pick(f.debts, ws);
  const per = f.perParticipant.find((r) => r.workspaceId === ws);
  const quarters = pick(f.quarters, ws).sort((a, b) => a.band.localeCompare(b.band));
  const ages = pick(f.ages, ws);
  const load = pick(f.load, ws);
  const count = (s: string) => status.find((r) => r.status === s)?.n ?? 0;
  const debtGroup = (s: string, kind: string) => debts.find((d) => d.status === s && d.preferential === (kind === 'preferent'));
  return {
    participants: status.reduce((s, r) => s + r.n, 0),
    byStatus: PARTICIPANT_STATUSES.map((s) => ({ status: s, participants: count(s) })),
    debts: DEBT_GROUPS.map(({ status: s, kind }) => {
      const g = debtGroup(s, kind);
      return { status: s, kind, debts: g?.debts ?? 0, amountCents: num(g?.amountCents), participants: g?.participants ?? 0 };
    }),
    debtTotals: {
      debts: debts.reduce((s, d) => s + d.debts, 0),
      totalCents: num(per?.totalCents),
      participantsWithDebts: per?.participants ?? 0,
      medianCents: per ? num(per.medianCents) : null,
    },
    newPerQuarter: quarters.map((q) => ({ quarter: q.band, participants: q.n })),
    ageAtStart: AGE_BANDS.map((band) => ({ band, participants: ages.find((a) => a.band === band)?.n ?? 0 })),
    coachLoad: LOAD_BANDS.map((band) => {
      const l = load.find((x) => x.band === band);
      return { band, coaches: l?.coaches ?? 0, participants: l?.participants ?? 0 };
    }),
    runningWithoutCoach: f.withoutCoach.find((r) => r.workspaceId === ws)?.n ?? 0,
  };
}
export type WorkspaceFigures = ReturnType<typeof workspaceFigures>;

/** The dashboard of this workspace: aggregates only, for every member who may read the module. */
export async function dashboard(ctx: ServiceContext) {
  const scope = policy.authorize(ctx, 'youth_debt.dashboard.read');
  return workspaceDashboard(ctx, scope.id);
}

/** Computed once per version of the workspace's data (figures.ts). */
function workspaceDashboard(ctx: ServiceContext, workspaceId: string) {
  return cachedFigures(ctx, workspaceId, 'dashboard', async () => {
    const [figures, reasons] = await Promise.all([readFigures(ctx, workspaceId), repo.leavingReasons(ctx.db, workspaceId)]);
    return { ...workspaceFigures(figures, workspaceId), leavingReasons: reasons.map((r) => ({ reason: r.reason, participants: r.n })) };
  });
}

// The approach-wide view

/** Only an administrator of the installation looks across workspaces (as the rules' national view). */
export function requireAdmin(ctx: ServiceContext) {
  if (!ctx.actor) throw new DomainError('auth.required');
  if (!ctx.actor.isAdmin) throw new DomainError('auth.forbidden');
}

type Column<T> = { key: string; of: (w: WorkspaceFigures) => { value: number; participants: number }; meta: T };

function grid<T>(rows: WorkspaceFigures[], total: WorkspaceFigures, columns: Column<T>[], rowTotal: (w: WorkspaceFigures) => { value: number; participants: number }): Grid {
  return {
    values: rows.map((w) => columns.map((c) => c.of(w).value)),
    participants: rows.map((w) => columns.map((c) => c.of(w).participants)),
    rowTotals: rows.map(rowTotal),
    columnTotals: columns.map((c) => c.of(total)),
    grand: rowTotal(total),
  };
}

/** Sum of several workspaces' figures (the approach total); the median comes from the database. */
function sumFigures(list: WorkspaceFigures[], median: { participants: number; medianCents: number | null }): WorkspaceFigures {
  const add = <T extends Record<string, unknown>>(rows: T[][], key: (r: T) => string, fields: (keyof T)[]) => {
    const out = new Map<string, T>();
    for (const r of rows.flat()) {
      const k = key(r);
      const prev = out.get(k);
      if (!prev) out.set(k, { ...r });
      else for (const f of fields) (prev as Record<keyof T, unknown>)[f] = (prev[f] as number) + (r[f] as number);
    }
    return [...out.values()];
  };
  return {
    participants: list.reduce((s, w) => s + w.participants, 0),
    byStatus: add(list.map((w) => w.byStatus), (r) => r.status, ['participants']) as WorkspaceFigures['byStatus'],
    debts: add(list.map((w) => w.debts), (r) => `${r.status}/${r.kind}`, ['debts', 'amountCents', 'participants']) as WorkspaceFigures['debts'],
    debtTotals: {
      debts: list.reduce((s, w) => s + w.debtTotals.debts, 0),
      totalCents: list.reduce((s, w) => s + w.debtTotals.totalCents, 0),
      participantsWithDebts: median.participants,
      medianCents: median.medianCents,
    },
    newPerQuarter: add(list.map((w) => w.newPerQuarter), (r) => r.quarter, ['participants']).sort((a, b) => a.quarter.localeCompare(b.quarter)),
    ageAtStart: add(list.map((w) => w.ageAtStart), (r) => r.band, ['participants']) as WorkspaceFigures['ageAtStart'],
    coachLoad: add(list.map((w) => w.coachLoad), (r) => r.band, ['coaches', 'participants']) as WorkspaceFigures['coachLoad'],
    runningWithoutCoach: list.reduce((s, w) => s + w.runningWithoutCoach, 0),
  };
}

/** A workspace's quarters as a full row over the quarters of the whole approach (zero where it had none). */
const quarterOf = (w: WorkspaceFigures, quarter: string) => w.newPerQuarter.find((q) => q.quarter === quarter)?.participants ?? 0;

/**
 * The approach-wide view: per workspace that runs the approach (at least one participant) the
 * dashboard's figures, and in total, with small-number protection — no figure for a group of
 * fewer than 5 participants, and none that would let one be recomputed from the others.
 * Leaving reasons (free text) stay in the workspace. As the API sends it: serialised once per
 * version of the figures (checked against its schema then) and sent as kept.
 */
export async function approachJson(ctx: ServiceContext) {
  return (await keptApproach(ctx)).json;
}

/** The protected view is worked out (and serialised) once per version of the figures and of the workspaces' names. */
async function keptApproach(ctx: ServiceContext) {
  requireAdmin(ctx);
  const figures = await cachedFigures(ctx, null, 'figures', () => readFigures(ctx, null));
  const ids = [...new Set(figures.status.map((r) => r.workspaceId))];
  const workspaces = await findWorkspacesByIds(ctx, ids);
  const names = JSON.stringify(workspaces.map((w) => [w.id, w.slug, w.name]));
  const kept = approachViews.get(figures);
  if (kept?.names === names) return kept;
  const view = approachView(figures, workspaces);
  const fresh = { names, view, json: JSON.stringify(approachViewSchema.parse(view)) };
  approachViews.set(figures, fresh);
  return fresh;
}
const approachViews = new WeakMap<Figures, { names: string; view: ReturnType<typeof approachView>; json: string }>();

function approachView(figures: Figures, workspaces: { id: string; slug: string; name: string }[]) {
  workspaces = [...workspaces].sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.slug.localeCompare(b.slug));
  const rows = workspaces.map((w) => workspaceFigures(figures, w.id));
  const overall = figures.perParticipant.find((r) => r.workspaceId === null);
  const total = sumFigures(rows, { participants: overall?.participants ?? 0, medianCents: overall ? num(overall.medianCents) : null });
  const quarters = total.newPerQuarter.map((q) => q.quarter);
  const people = (n: number) => ({ value: n, participants: n });

  // Tables about participants share their row totals (the workspace's number of participants)
  // and grand total: a total hidden in one is hidden in all, until nothing changes.
  const participantTables = [
    { name: 'status', columns: PARTICIPANT_STATUSES.map((s) => ({ key: s, of: (w: WorkspaceFigures) => people(w.byStatus.find((x) => x.status === s)!.participants), meta: null })) },
    { name: 'age', columns: AGE_BANDS.map((b) => ({ key: b, of: (w: WorkspaceFigures) => people(w.ageAtStart.find((x) => x.band === b)!.participants), meta: null })) },
    { name: 'quarter', columns: quarters.map((q) => ({ key: q, of: (w: WorkspaceFigures) => people(quarterOf(w, q)), meta: null })) },
  ];
  const grids = participantTables.map((t) => grid(rows, total, t.columns, (w) => people(w.participants)));
  let forced = { rowTotals: rows.map(() => false), grand: false };
  let masks: Mask[] = [];
  for (;;) {
    masks = grids.map((g) => protect(g, forced));
    const next = { rowTotals: rows.map((_, r) => masks.some((m) => m.rowTotals[r])), grand: masks.some((m) => m.grand) };
    if (next.grand === forced.grand && next.rowTotals.every((v, r) => v === forced.rowTotals[r])) break;
    forced = next;
  }
  const [statusMask, ageMask, quarterMask] = masks;

  // Debts: amounts and counts add up the same way, so one mask serves both; the group is the participants with such debts.
  const debtGrid = grid(
    rows,
    total,
    DEBT_GROUPS.map((g, i) => ({ key: `${g.status}/${g.kind}`, of: (w: WorkspaceFigures) => ({ value: w.debts[i].amountCents, participants: w.debts[i].participants }), meta: null })),
    (w) => ({ value: w.debtTotals.totalCents, participants: w.debtTotals.participantsWithDebts }),
  );
  const debtMask = protect(debtGrid);
  const loadGrid = grid(
    rows,
    total,
    LOAD_BANDS.map((b, i) => ({ key: b, of: (w: WorkspaceFigures) => ({ value: w.coachLoad[i].coaches, participants: w.coachLoad[i].participants }), meta: null })),
    (w) => ({ value: w.coachLoad.reduce((s, l) => s + l.coaches, 0), participants: w.coachLoad.reduce((s, l) => s + l.participants, 0) }),
  );
  const loadMask = protect(loadGrid);

  const view = (w: WorkspaceFigures, at: (m: Mask, c: number) => boolean, rowHidden: (m: Mask) => boolean) => ({
    participants: shown(w.participants, rowHidden(statusMask)),
    byStatus: w.byStatus.map((s, c) => ({ status: s.status, participants: shown(s.participants, at(statusMask, c)) })),
    debts: w.debts.map((d, c) => ({ status: d.status, kind: d.kind, debts: shown(d.debts, at(debtMask, c)), amountCents: shown(d.amountCents, at(debtMask, c)) })),
    debtTotals: {
      debts: shown(w.debtTotals.debts, rowHidden(debtMask)),
      totalCents: shown(w.debtTotals.totalCents, rowHidden(debtMask)),
      medianCents: shown(w.debtTotals.medianCents ?? 0, w.debtTotals.participantsWithDebts < MINIMUM_GROUP),
    },
    newPerQuarter: quarters.map((q, c) => ({ quarter: q, participants: shown(quarterOf(w, q), at(quarterMask, c)) })),
    ageAtStart: w.ageAtStart.map((a, c) => ({ band: a.band, participants: shown(a.participants, at(ageMask, c)) })),
    coachLoad: w.coachLoad.map((l, c) => ({ band: l.band, coaches: shown(l.coaches, at(loadMask, c)) })),
  });
  return {
    minimumGroup: MINIMUM_GROUP,
    items: workspaces.map((ws, r) => ({
      workspaceId: ws.id,
      workspaceSlug: ws.slug,
      workspaceName: ws.name,
      ...view(
        rows[r],
        (m, c) => m.cells[r][c],
        (m) => m.rowTotals[r],
      ),
    })),
    total: view(
      total,
      (m, c) => m.columnTotals[c],
      (m) => m.grand,
    ),
  };
}
export type { Cell };

// The progress report

const STATUS_LABEL: Record<string, string> = { aanmelding: 'Aanmelding', intake: 'Intake', actief: 'Actief', afgerond: 'Afgerond', uitgevallen: 'Uitgevallen' };
const euros = (cents: number) => new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }).format(cents / 100);
const count = (n: number) => new Intl.NumberFormat('nl-NL').format(n);
const HIDDEN = 'minder dan 5';

/**
 * `youth-debt.progress`: participants by status, debts settled and the total debt in the
 * approach. The public version shows no figure for a group of fewer than 5 participants (and
 * hides a second figure where the first could be recomputed from the total).
 */
export const youthDebtReportSections: ReportSectionDefinition[] = [
  {
    id: 'youth-debt.progress',
    order: 66,
    part: 'above',
    title: { nl: 'Schuldenaanpak jongeren', en: 'Youth debt approach' },
    async build(ctx, scope) {
      const ws = ctx.workspace;
      // Participants are not tied to action lines; the figures are for the whole workspace.
      if (!ws || scope.actionLineId || scope.areaId || !policy.can(ws, 'youth_debt.dashboard.read')) return [];
      const f = await workspaceDashboard(ctx, ws.id);
      if (f.participants === 0) return [];
      const settled = f.debts.filter((d) => d.status === 'geregeld');
      const settledDebts = settled.reduce((s, d) => s + d.debts, 0);
      const settledCents = settled.reduce((s, d) => s + d.amountCents, 0);
      // Participants with a settled debt: distinct per kind, so take the larger as a lower bound of the group.
      const settledPeople = Math.max(0, ...settled.map((d) => d.participants));
      let statusRows: string[][];
      let summary: string;
      const blocks: ReportBlock[] = [];
      if (scope.publicOnly) {
        const mask = protect({
          values: [f.byStatus.map((s) => s.participants)],
          participants: [f.byStatus.map((s) => s.participants)],
          rowTotals: [{ value: f.participants, participants: f.participants }],
          columnTotals: f.byStatus.map((s) => ({ value: s.participants, participants: s.participants })),
          grand: { value: f.participants, participants: f.participants },
        });
        const hiddenTotal = mask.rowTotals[0];
        statusRows = [...f.byStatus.map((s, c) => [STATUS_LABEL[s.status], mask.cells[0][c] ? HIDDEN : count(s.participants)]), ['Totaal', hiddenTotal ? HIDDEN : count(f.participants)]];
        summary = hiddenTotal ? 'Aan de aanpak doen minder dan 5 jongeren mee; de aantallen blijven daarom verborgen.' : `Aan de aanpak doen ${count(f.participants)} jongeren mee.`;
        blocks.push({ p: `${summary} Groepen van minder dan 5 deelnemers tonen we niet, zodat niemand herkenbaar is.` });
        blocks.push({ table: { caption: 'Deelnemers naar status', head: ['Status', 'Deelnemers'], rows: statusRows } });
        const debtHidden = isSmall(f.debtTotals.participantsWithDebts);
        const settledHidden = settledPeople > 0 && (settledPeople < MINIMUM_GROUP || debtHidden);
        blocks.push({
          table: {
            caption: 'Schulden',
            head: ['', 'Aantal schulden', 'Bedrag'],
            rows: [
              ['Geregeld met schuldeisers', settledHidden ? HIDDEN : count(settledDebts), settledHidden ? HIDDEN : euros(settledCents)],
              ['Totale schuld in de aanpak', debtHidden ? HIDDEN : count(f.debtTotals.debts), debtHidden ? HIDDEN : euros(f.debtTotals.totalCents)],
            ],
          },
        });
        return [...blocks, ...(await followUpBlocks(ctx))];
      }
      summary = `Aan de aanpak doen ${count(f.participants)} jongeren mee: ${f.byStatus.map((s) => `${STATUS_LABEL[s.status].toLowerCase()} ${count(s.participants)}`).join(', ')}.`;
      const bars = f.byStatus.map((s) => ({ label: STATUS_LABEL[s.status], value: s.participants }));
      blocks.push({ p: `${summary} Van de ${count(f.debtTotals.debts)} schulden (samen ${euros(f.debtTotals.totalCents)}) zijn er ${count(settledDebts)} geregeld met de schuldeisers (${euros(settledCents)}).` });
      blocks.push({
        chart: {
          title: 'Deelnemers naar status',
          summary,
          svg: barChartSvg({ title: 'Deelnemers naar status', desc: summary, bars }),
          table: { head: ['Status', 'Deelnemers'], rows: bars.map((b) => [b.label, count(b.value)]) },
        },
      });
      blocks.push({
        table: {
          caption: 'Schulden',
          head: ['', 'Aantal schulden', 'Bedrag'],
          rows: [
            ['Geregeld met schuldeisers', count(settledDebts), euros(settledCents)],
            ['Totale schuld in de aanpak', count(f.debtTotals.debts), euros(f.debtTotals.totalCents)],
            ...(f.debtTotals.medianCents !== null ? [['Mediane schuld per deelnemer met schulden', '', euros(f.debtTotals.medianCents)]] : []),
          ],
        },
      });
      return [...blocks, ...(await followUpBlocks(ctx)), ...(await fundBlocks(ctx))];
    },
  },
];

const OUTCOME_LABEL: Record<string, string> = { debtFree: 'Schuldenvrij', inEducation: 'In opleiding', inWork: 'Aan het werk', stableHousing: 'Stabiele huisvesting', socialAssistance: 'Bijstand' };
const momentLabel = (m: number) => (m === 0 ? 'Intake' : `Na ${m} maanden`);
const cell = (c: Cell, show: (v: number) => string = count) => (c.suppressed || c.value === null ? HIDDEN : show(c.value));
const grade = (v: number) => v.toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Goals and outcomes (perspective plans) and wellbeing by moment (effect monitor), already protected against small numbers. */
async function followUpBlocks(ctx: ServiceContext): Promise<ReportBlock[]> {
  const [summary, monitor] = await Promise.all([planSummary(ctx), effectMonitor(ctx)]);
  const blocks: ReportBlock[] = [];
  const { goals, reached } = summary.goalTotals;
  if (goals.suppressed || (goals.value ?? 0) > 0) blocks.push({ p: `In de perspectiefplannen staan ${cell(goals)} doelen; ${cell(reached)} daarvan zijn bereikt.` });
  if (summary.outcomes.some((o) => o.recorded.suppressed || (o.recorded.value ?? 0) > 0))
    blocks.push({
      table: {
        caption: 'Uitkomsten bij afronding',
        head: ['Uitkomst', 'Vastgelegd', 'Ja', 'Nee', 'Onbekend'],
        rows: summary.outcomes.map((o) => [OUTCOME_LABEL[o.outcome], cell(o.recorded), ...o.answers.map((a) => (a.percent === null ? cell(a.participants) : `${cell(a.participants)} (${a.percent} %)`))]),
      },
    });
  const own = monitor.respondents.find((r) => r.respondent === 'jongere');
  const rows = (own?.moments ?? []).filter((m) => m.questionnaires !== 0);
  if (rows.length)
    blocks.push({
      table: {
        caption: 'Welzijn volgens de jongeren zelf (rapportcijfer 1–10)',
        head: ['Moment', 'Vragenlijsten', 'Gemiddeld welzijn', 'Verschil met de intake'],
        rows: rows.map((m) => {
          const w = m.domains.find((d) => d.domain === 'welzijn')!;
          const change = w.changeSinceIntake;
          return [
            momentLabel(m.moment),
            m.questionnaires === null ? HIDDEN : count(m.questionnaires),
            w.score.suppressed || w.score.mean === null ? HIDDEN : grade(w.score.mean),
            m.moment === 0 ? '' : !change || change.suppressed || change.mean === null ? HIDDEN : `${change.mean > 0 ? '+' : ''}${grade(change.mean)}`,
          ];
        }),
      },
    });
  return blocks;
}

/** The revolving fund now (internal report only: with few credits, one young person's credit could be read from the totals). */
async function fundBlocks(ctx: ServiceContext): Promise<ReportBlock[]> {
  const fund = await getFund(ctx);
  if (fund.months.length === 0) return [];
  return [
    {
      table: {
        caption: 'Revolverend fonds tot en met deze maand',
        head: ['', 'Bedrag'],
        rows: [
          ['Kapitaal', euros(fund.totals.kapitaal)],
          ['Verstrekte kredieten', euros(-fund.totals.kredieten)],
          ['Aflossingen', euros(fund.totals.aflossingen)],
          ['Gewaardeerde uren tegenprestatie', euros(fund.totals.uren)],
          ['Resultaatbetalingen (social impact bond)', euros(fund.totals.resultaatbetalingen)],
          ['Saldo van het fonds', euros(fund.balance)],
          ['Nog uitstaand op kredieten', euros(fund.outstandingCents)],
        ],
      },
    },
  ];
}
