import type { ServiceContext, WorkspaceScope } from '../../platform/context';
import { newId } from '../../platform/ids';
import type { DemoContext } from '../../platform/module';
import { addCalendarDays, localDate } from '../../platform/workdays';
import { CONTACT_KINDS, COACHING_MONTHS, addMonths, type LifeDomain } from './plan';
import * as repo from './plan.repository';
import * as cases from './repository';

/*
 * Demo perspective plans (fictional): goals per life domain for every participant past the
 * registration, with steps ticked off as the months pass; contacts with the coach about every four
 * weeks (short notes without personal data); and outcomes for those who finished or left. All
 * choices follow from the participant's number and dates, so every demo is the same.
 */

const GOALS: Record<LifeDomain, { title: string; steps: string[] }> = {
  financien: { title: 'Overzicht van inkomsten en uitgaven', steps: ['Alle post openen en sorteren', 'Budgetplan maken', 'Vaste lasten automatisch betalen'] },
  werk: { title: 'Een baan van minstens 24 uur per week', steps: ['Cv bijwerken', 'Drie sollicitaties per week', 'Proefdag bij een werkgever'] },
  school: { title: 'Startkwalificatie halen (mbo niveau 2)', steps: ['Opleiding kiezen', 'Inschrijven', 'Eerste periode afronden', 'Stage vinden'] },
  wonen: { title: 'Een eigen kamer', steps: ['Inschrijven als woningzoekende', 'Reageren op kamers', 'Huurcontract tekenen'] },
  gezondheid: { title: 'Beter slapen en weer sporten', steps: [] },
  sociaal_netwerk: { title: 'Contact met familie herstellen', steps: [] },
};
/** After finances, the domains a participant works on, varied by number. */
const OTHER_DOMAINS: LifeDomain[] = ['werk', 'school', 'wonen', 'gezondheid', 'sociaal_netwerk'];
const NOTES = [
  'Samen de post doorgenomen en de brieven van schuldeisers gesorteerd.',
  'Budgetplan besproken; de vaste lasten passen binnen het leefgeld.',
  'Gesproken over werk: twee vacatures uitgezocht om op te reageren.',
  'Korte check: het gaat goed, afspraak voor volgende maand gemaakt.',
  'Groepsbijeenkomst over omgaan met geld, actief meegedaan.',
  'Voorbereid op het gesprek met de schuldhulpverlener over het voorstel.',
  'Thuis gekeken naar de administratie; mappen ingericht.',
  '',
];
const DURATIONS = [45, 15, 60, 30, 90];
const CONTACT_EVERY_DAYS = 28;
/** Days to reach the first goal, and each further one. */
const GOAL_DAYS = 240;
const NEXT_GOAL_DAYS = 150;
const MAX_CONTACTS = 12;

const minDate = (a: string, b: string) => (a < b ? a : b);
/** Days from `from` to `to` (both YYYY-MM-DD). */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);

/** Runs inside the youth-debt demo's transaction, right after the participants were made (so only once). */
export async function seedDemoPlan(ctx: ServiceContext, scope: WorkspaceScope, demo: DemoContext) {
  const today = localDate(new Date());
  const { items } = await cases.listParticipants(ctx.db, scope.id, { limit: 10_000, offset: 0 });
  // A participant's place within its stage (0, 1, …, by number): what the demo's choices follow.
  const rank = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const p of items) {
    rank.set(p.id, seen.get(p.status) ?? 0);
    seen.set(p.status, (seen.get(p.status) ?? 0) + 1);
  }
  let goals = 0;
  let contacts = 0;
  let outcomes = 0;
  for (const p of items) {
    if (p.status === 'aanmelding') continue;
    const n = p.number;
    const ended = p.status === 'afgerond' || p.status === 'uitgevallen';
    // The end of the approach: two years after the start, or (for the demo) today, whichever comes first.
    const end = minDate(today, addMonths(p.startDate, COACHING_MONTHS));
    const span = Math.max(1, daysBetween(p.startDate, end));
    const elapsed = (days: number) => minDate(addCalendarDays(p.startDate, Math.min(days, span)), end);

    // Goals: finances for everyone; in the approach one to three more (a finished participant two or three).
    const domains: LifeDomain[] = ['financien'];
    if (p.status !== 'intake') {
      const extra = p.status === 'uitgevallen' ? 1 : p.status === 'afgerond' ? 2 + (n % 2) : 1 + (n % 3);
      for (let i = 0; i < extra; i++) domains.push(OTHER_DOMAINS[(n + i * 2) % OTHER_DOMAINS.length]);
    }
    const k = rank.get(p.id) ?? 0;
    for (const [i, domain] of domains.entries()) {
      const template = GOALS[domain];
      // The first goal takes about eight months, every further one five more. A finished
      // participant reached them (every third left the last one open); one who left let go of all but the first.
      const due = GOAL_DAYS + i * NEXT_GOAL_DAYS;
      const status =
        p.status === 'uitgevallen' && i > 0
          ? 'losgelaten'
          : p.status === 'afgerond'
            ? k % 3 === 2 && i === domains.length - 1
              ? 'open'
              : 'bereikt'
            : p.status === 'actief' && span >= due
              ? 'bereikt'
              : 'open';
      const share = status === 'bereikt' ? 1 : p.status === 'intake' ? 0 : Math.min(1, span / due);
      const done = Math.floor(template.steps.length * share);
      const reachedAfter = Math.min(span, due);
      const id = newId();
      await repo.insertGoal(ctx.db, {
        workspaceId: scope.id,
        id,
        participantId: p.id,
        domain,
        title: template.title,
        status,
        progress: template.steps.length ? 0 : status === 'bereikt' ? 100 : Math.floor(share * 10) * 10,
        reachedOn: status === 'bereikt' ? elapsed(reachedAfter) : null,
      });
      await repo.replaceSteps(
        ctx.db,
        scope.id,
        id,
        template.steps.map((title, s) => ({ id: newId(), title, doneOn: s < done ? elapsed(Math.round(((s + 1) * reachedAfter) / (template.steps.length + 1))) : null })),
      );
      goals++;
    }

    // Contacts with the coach about every four weeks since the start (the most recent twelve).
    const dates: string[] = [];
    for (let day = 0; day <= span && daysBetween(p.startDate, today) >= day; day += CONTACT_EVERY_DAYS) dates.push(addCalendarDays(p.startDate, day + (n % 5)));
    for (const [i, date] of dates.filter((date) => date <= today).slice(-MAX_CONTACTS).entries()) {
      const kind = p.status === 'intake' || i === 0 ? 'gesprek' : CONTACT_KINDS[(n + i) % (CONTACT_KINDS.length - 1)];
      await repo.insertContact(ctx.db, {
        workspaceId: scope.id,
        id: newId(),
        participantId: p.id,
        contactDate: date,
        kind,
        durationMinutes: DURATIONS[(n + i) % DURATIONS.length],
        note: NOTES[(n * 3 + i) % NOTES.length],
        createdBy: p.coachUserId,
      });
      contacts++;
    }

    // Outcomes at the end. Of those who finished, most are free of debts, about half study and the
    // others work, none receives social assistance. Of those who left, only that they receive it is known.
    if (ended) {
      const done = p.status === 'afgerond';
      await repo.saveOutcome(ctx.db, {
        workspaceId: scope.id,
        participantId: p.id,
        debtFree: done && k < 9 ? 'ja' : 'nee',
        inEducation: done ? (k % 2 === 0 && k < 10 ? 'ja' : 'nee') : 'onbekend',
        inWork: done ? (k % 2 === 1 || k === 10 ? 'ja' : 'nee') : 'onbekend',
        stableHousing: done ? 'ja' : 'onbekend',
        socialAssistance: done ? 'nee' : 'ja',
        recordedOn: end,
        recordedBy: p.coachUserId,
      });
      outcomes++;
    }
  }
  demo.log(`schuldenaanpak jongeren: ${goals} doelen, ${contacts} contacten, ${outcomes} uitkomsten`);
}
