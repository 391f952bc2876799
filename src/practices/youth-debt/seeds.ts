import type { ServiceContext, WorkspaceScope } from '../../platform/context';
import { transaction } from '../../platform/db/database';
import { newId } from '../../platform/ids';
import type { DemoContext } from '../../platform/module';
import { addCalendarDays, localDate } from '../../platform/workdays';
import { listAreas } from '../../core/areas/service';
import { listMembers } from '../../core/workspaces/service';
import { seedDemoDocuments } from './documents.seeds';
import { saveFund } from './fund.repository';
import { seedDemoLetters } from './letters.seeds';
import { seedDemoPlan } from './plan.seeds';
import { seedDemoQuestionnaires } from './questionnaires.seeds';
import * as repo from './repository';
import type { DebtStatus, ParticipantStatus } from './schema';

/*
 * The Jongeren Perspectief Fonds of the demo "Nieuw-West Verbindt" (all fictional): a creditor
 * list, 60 participants at every stage — coached by Jeroen Bakker (professional), their debts
 * handled by Kees Hoekstra of the credit bank (partner) — with income, VTLB and debts. Names
 * and dates come from a fixed pseudo-random sequence, so every demo is the same.
 */

const CREDITORS: { name: string; address: string; preferential: boolean }[] = [
  { name: 'Belastingdienst', address: 'Postbus 100\n6400 AC Heerlen', preferential: true },
  { name: 'CJIB', address: 'Postbus 1794\n8901 CB Leeuwarden', preferential: false },
  { name: 'DUO', address: 'Postbus 50061\n9702 AB Groningen', preferential: false },
  { name: 'Zorgverzekeraar Zuidwest', address: 'Postbus 4100\n3006 AC Rotterdam', preferential: false },
  { name: 'BelBel Telecom', address: 'Postbus 2200\n1000 CE Amsterdam', preferential: false },
  { name: 'Webwinkel Koopgraag', address: 'Havenstraat 12\n1013 AB Amsterdam', preferential: false },
  { name: 'Woonstichting Nieuw-West', address: 'Postbus 9050\n1006 AB Amsterdam', preferential: false },
  { name: 'Energie Samen', address: 'Postbus 333\n3500 AH Utrecht', preferential: false },
];

const FIRST = ['Daan', 'Sanne', 'Mohamed', 'Lisa', 'Youssef', 'Emma', 'Bilal', 'Fleur', 'Kevin', 'Naima', 'Jayden', 'Sara', 'Rayan', 'Lotte', 'Dylan', 'Amira', 'Milan', 'Iris', 'Omar', 'Julia'];
const LAST = ['de Jong', 'Bakker', 'El Amrani', 'Visser', 'Smit', 'Öztürk', 'de Boer', 'Mulder', 'Pinas', 'Bos', 'Vos', 'Kaya', 'Dekker', 'Peters', 'Hendriks'];
const LEAVING = ['Verhuisd naar een andere gemeente', 'Wilde na de intake niet verder', 'Kon de afspraken niet nakomen', 'Koos voor een ander traject'];
/** Stages of the 60: most are active, some just signed up, some finished, a few left. */
const STATUSES: ParticipantStatus[] = [
  ...Array<ParticipantStatus>(8).fill('aanmelding'),
  ...Array<ParticipantStatus>(10).fill('intake'),
  ...Array<ParticipantStatus>(26).fill('actief'),
  ...Array<ParticipantStatus>(11).fill('afgerond'),
  ...Array<ParticipantStatus>(5).fill('uitgevallen'),
];

/** A small deterministic generator (mulberry32). */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Calendar days back from today in Amsterdam (not 24-hour steps, which cross midnight across a DST change).
const daysAgo = (n: number) => addCalendarDays(localDate(new Date()), -n);
const minusYears = (date: string, years: number, days: number) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
};

/** Idempotent: does nothing when the workspace has participants. One transaction. */
export async function seedDemoYouthDebt(base: ServiceContext, demo: DemoContext) {
  const scope = base.workspace;
  if (!scope) return;
  if ((await repo.countParticipants(base.db, scope.id)) > 0) return;
  await transaction(base.db, (trx) => seed({ ...base, db: trx }, scope, demo));
}

async function seed(ctx: ServiceContext, scope: WorkspaceScope, demo: DemoContext) {
  const [members, areas] = await Promise.all([listMembers(ctx), listAreas(ctx, { limit: 50, offset: 0 })]);
  const member = (email: string) => members.find((m) => m.email === email)?.userId ?? null;
  const coach = member('professional@demo.dichter.nl');
  const counsellor = member('partner@demo.dichter.nl');
  const manager = member('programmamanager@demo.dichter.nl');

  await repo.saveSettings(ctx.db, scope.id, { termMonths: 18, preferentialMultiplierHundredths: 200 });
  const creditors: repo.CreditorRow[] = [];
  for (const c of CREDITORS) {
    const existing = await repo.findCreditorByName(ctx.db, scope.id, c.name);
    if (existing) creditors.push(existing);
    else {
      const row = { workspaceId: scope.id, id: newId(), ...c };
      await repo.insertCreditor(ctx.db, row);
      creditors.push({ ...row, createdAt: new Date(), updatedAt: new Date() });
    }
  }

  const rnd = random(20_261_129);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  // Draw everyone first, then number them in the order they started (JPF-0001 started first).
  const drawn = STATUSES.map((status) => {
    // Earlier stages started recently; finished ones up to two years ago.
    const startedDaysAgo = status === 'aanmelding' ? Math.floor(rnd() * 20) : status === 'intake' ? 20 + Math.floor(rnd() * 40) : status === 'actief' ? 60 + Math.floor(rnd() * 500) : 400 + Math.floor(rnd() * 330);
    const startDate = daysAgo(startedDaysAgo);
    const age = 18 + Math.floor(rnd() * 10);
    const income = status === 'aanmelding' ? null : 95_000 + Math.floor(rnd() * 60) * 1_000;
    const vtlb = income === null ? null : Math.min(income, 85_000 + Math.floor(rnd() * 15) * 1_000);
    const n = 2 + Math.floor(rnd() * 4);
    const debtDraws = Array.from({ length: n }, (_, j) => ({
      creditor: j === 0 && rnd() < 0.5 ? creditors[0] : pick(creditors),
      // €150 to €9,000, in whole cents that rarely divide evenly
      amountCents: 15_000 + Math.floor(rnd() * 885_000),
      settled: pick(['voorgesteld', 'akkoord', 'akkoord', 'geregeld'] as const),
    }));
    return {
      status,
      startDate,
      name: `${pick(FIRST)} ${pick(LAST)}`,
      contact: `06-${String(10_000_000 + Math.floor(rnd() * 89_999_999))}`,
      birthDate: minusYears(startDate, age, Math.floor(rnd() * 300)),
      areaId: areas.items.length ? pick(areas.items).id : null,
      leavingReason: status === 'uitgevallen' ? pick(LEAVING) : null,
      income,
      vtlb,
      debtDraws,
    };
  }).sort((a, b) => a.startDate.localeCompare(b.startDate));

  let debts = 0;
  for (const [i, p] of drawn.entries()) {
    const id = newId();
    await repo.insertParticipant(ctx.db, {
      workspaceId: scope.id,
      id,
      number: i + 1,
      name: p.name,
      contact: p.contact,
      birthDate: p.birthDate,
      ageExceptionReason: null,
      areaId: p.areaId,
      // one in six is coached by the programme manager, so not every participant has the same coach
      coachUserId: i % 6 === 5 ? manager : coach,
      counsellorUserId: counsellor,
      startDate: p.startDate,
      status: p.status,
      leavingReason: p.leavingReason,
      monthlyIncomeCents: p.income,
      vtlbCents: p.vtlb,
    });
    const used = new Set<string>();
    for (const draw of p.debtDraws) {
      if (used.has(draw.creditor.id)) continue;
      used.add(draw.creditor.id);
      const debtStatus: DebtStatus = p.status === 'afgerond' ? 'geregeld' : p.status === 'actief' ? draw.settled : 'open';
      await repo.insertDebt(ctx.db, {
        workspaceId: scope.id,
        id: newId(),
        participantId: id,
        creditorId: draw.creditor.id,
        amountCents: draw.amountCents,
        preferential: draw.creditor.preferential,
        status: debtStatus,
      });
      debts++;
    }
  }
  demo.log(`schuldenaanpak jongeren: ${CREDITORS.length} schuldeisers, ${STATUSES.length} deelnemers, ${debts} schulden`);
  await seedDemoDocuments(ctx, scope, demo);
  await seedDemoLetters(ctx, scope, demo);
  await seedDemoQuestionnaires(ctx, scope, demo);
  await seedDemoPlan(ctx, scope, demo);
  // The municipality put €250,000 into the revolving fund when the first young person started;
  // a social impact bond pays per participant who finishes debt-free or in work or school.
  await saveFund(ctx.db, scope.id, { capitalCents: 25_000_000, capitalDate: drawn[0].startDate, sibDebtFreeCents: 250_000, sibWorkOrSchoolCents: 150_000 });
}
