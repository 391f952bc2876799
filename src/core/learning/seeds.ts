import type { ServiceContext, WorkspaceScope } from '../../platform/context';
import { transaction } from '../../platform/db/database';
import { newId } from '../../platform/ids';
import type { DemoContext } from '../../platform/module';
import { listNodes } from '../ladder/service';
import { listObservations } from '../observations/service';
import { addCalendarDays, localDate } from '../../platform/workdays';
import { listMembers, listPartners } from '../workspaces/service';
import * as repo from './repository';
import {
  annotateEvent,
  addFollowUp,
  createAction,
  createBoardDecision,
  createCycle,
  createOutcome,
  createQuestion,
  createSession,
  createTimelineEvent,
  recordDecision,
  updateAction,
  updateQuestion,
  updateSession,
} from './service';

/*
 * The learning cycles of the demo "Nieuw-West Verbindt" (fictional): the Jongeren Perspectief
 * Fonds (AL-001) reflects every six weeks with the buurtteam, the credit bank and a school;
 * three sessions were held, the fourth is planned. The programme's steering cycle decided to
 * do the geldcafé differently and to stop the energy emergency fund. A learning agenda in
 * three versions, a timeline with highs and lows, outcome statements, and board decisions:
 * one followed up from practice, one whose follow-up is due.
 */

const WEEK = 7;
// Calendar days from today in Amsterdam (not 24-hour steps, which cross midnight across a DST change).
const day = (daysFromToday: number) => addCalendarDays(localDate(new Date()), daysFromToday);

/** Idempotent: does nothing when the workspace has learning cycles. One transaction. */
export async function seedDemoLearning(base: ServiceContext, demo: DemoContext) {
  const scope = base.workspace;
  if (!scope) return;
  if ((await repo.countCycles(base.db, scope.id)) > 0) return;
  await transaction(base.db, (trx) => seed({ ...base, db: trx }, scope, demo));
}

async function seed(ctx: ServiceContext, scope: WorkspaceScope, demo: DemoContext) {
  const [members, partners, lines, observations] = await Promise.all([
    listMembers(ctx),
    listPartners(ctx),
    listNodes(ctx, { rung: 'action_line', limit: 500, offset: 0 }),
    listObservations(ctx, { limit: 50, offset: 0 }),
  ]);
  const line = (code: string) => lines.items.find((n) => n.code === code);
  const jpf = line('AL-001');
  if (!jpf) return;
  const member = (email: string) => members.find((m) => m.email === email);
  const manager = member('programmamanager@demo.dichter.nl');
  const professional = member('professional@demo.dichter.nl');
  const adviser = member('beleid@demo.dichter.nl');
  const partner = member('partner@demo.dichter.nl');
  const as = (m: (typeof members)[number] | undefined): ServiceContext =>
    m ? { ...ctx, actor: { userId: m.userId, email: m.email ?? '', name: m.name, isAdmin: false, via: 'system' }, workspace: { ...scope, role: m.role } } : ctx;
  const partnerId = (name: string) => partners.find((p) => p.name === name)?.id;
  const who = (manager ?? members[0]).userId;

  // The JPF cycle: every six weeks, with members and guests of partner organisations.
  const cycle = await createCycle(ctx, {
    scope: { kind: 'action_line', id: jpf.id },
    cadenceWeeks: 6,
    title: 'Leercyclus Jongeren Perspectief Fonds',
    startedOn: day(-26 * WEEK),
    participants: [
      ...[manager, professional, adviser, partner].filter((m): m is NonNullable<typeof m> => !!m).map((m) => ({ userId: m.userId })),
      { name: 'Ilse de Wit', partnerId: partnerId('Buurtteam Nieuw-West') },
      { name: 'Mo Amrani', partnerId: partnerId('ROC West') },
    ],
  });
  const people = cycle.participants;
  const SAID: string[][][] = [
    [
      [
        'Zes van de dertig jongeren zitten in de sanering; de eerste creditor gaf binnen twee weken akkoord.',
        'Twee jongeren haakten af bij de intake: drie gesprekken op drie plekken was te veel.',
        'De tegenprestatie loopt: gastlessen op het ROC worden goed ontvangen.',
        'Schuldeisers vragen vaker om het perspectiefplan voordat ze instemmen.',
        'Wij zien jongeren pas als de huur al maanden achterloopt.',
        'Studenten vragen zelf naar de gastlessen; de docenten willen meer.',
      ],
      [
        'De intake is de drempel, niet de regeling zelf.',
        'Het plan helpt om schuldeisers mee te krijgen: het laat zien dat er een toekomst is.',
        'We moeten eerder in beeld zijn, via school en verhuurder.',
        'De gastlessen werken twee kanten op: de jongere groeit, de klas leert.',
        'Vroeg signaleren vraagt dat de corporatie ons belt, niet de deurwaarder.',
        'School is een vindplaats die we nog niet benutten.',
      ],
      ['Eén intakegesprek met coach en schuldhulp samen.', 'Perspectiefplan als vaste bijlage bij het aanbod.', 'Afspraak met de corporatie over signalen.', 'Meer gastlessen inplannen.', 'Kort lijntje met de huurincasso.', 'Mentoren op het ROC laten doorverwijzen.'],
    ],
    [
      [
        'Met één intakegesprek haakte deze periode niemand af.',
        'Huisvesting blijkt vaak het echte probleem: zonder kamer geen rust.',
        'Vier jongeren zijn schuldenvrij; één heeft een baan gevonden via de werkroute.',
        'Twee schuldeisers weigerden; de belastingdienst stemde wel in.',
        'De corporatie belde drie keer bij een achterstand van één maand.',
        'Mentoren verwezen vijf studenten door.',
      ],
      [
        'Rust over geld is niet genoeg als iemand geen dak heeft.',
        'De samenwerking met de corporatie werkt: vroeg is goedkoper.',
        'Weigerende schuldeisers vragen om een sterker verhaal, niet om meer geld.',
        'Het ROC is een goede vindplaats.',
        'We moeten huisvesting in het plan opnemen.',
        'Doorverwijzen werkt als de mentor de coach kent.',
      ],
      ['Huisvesting als vast onderdeel van het perspectiefplan.', 'Gesprek met de weigerende schuldeisers.', 'Vroegsignalering met de corporatie voortzetten.', 'Kennismaking coaches en mentoren.', 'Afspraken over kamers voor jongeren.', 'Tweede ROC-locatie benaderen.'],
    ],
    [
      [
        'Tien jongeren in traject, zeven schuldenvrij; wachttijd voor de intake is twee weken.',
        'Drie jongeren kregen een kamer via de urgentieregeling.',
        'De weigerende schuldeisers stemden in na het gesprek met plan.',
        'Jongeren vragen om een vaste coach na de sanering.',
        'Corporatie meldt minder huisuitzettingen bij jongeren.',
        'Tweede ROC-locatie doet mee.',
      ],
      [
        'Het werkt; de vraag is hoe we het volhouden na twee jaar.',
        'Huisvesting en geld samen: dat is de kern.',
        'Een goed plan overtuigt schuldeisers.',
        'Nazorg is een nieuwe leervraag.',
        'Vroegsignalering levert echt iets op.',
        'Opschalen naar meer scholen kan.',
      ],
      ['Meer doen: uitbreiden naar 45 jongeren.', 'Nazorg uitwerken.', 'Gesprek over financiering met het fonds.', 'Resultaten delen met de stuurgroep.', 'Corporatieafspraak vastleggen.', 'Derde school erbij.'],
    ],
  ];
  const heldOn = [day(-18 * WEEK), day(-12 * WEEK), day(-6 * WEEK)];
  const sessions: Awaited<ReturnType<typeof createSession>>[] = [];
  for (let i = 0; i < 3; i++) {
    const s = await createSession(ctx, cycle.id, { date: heldOn[i] });
    sessions.push(s);
    await repo.insertMany(
      ctx.db,
      'learningContributions',
      s.rounds.flatMap((r, ri) => people.map((p, pi) => ({ workspaceId: scope.id, id: newId(), sessionId: s.id, roundId: r.id, participantId: p.id, text: SAID[i][ri][pi % 6], recordedBy: who }))),
    );
  }
  const insight = (i: number, text: string) => repo.insert(ctx.db, 'learningInsights', { workspaceId: scope.id, id: newId(), sessionId: sessions[i].id, text });
  await insight(0, 'De drempel zit in de intake, niet in de regeling: drie gesprekken op drie plekken is te veel.');
  await insight(1, 'Zonder woonplek geen rust over geld: huisvesting hoort in het perspectiefplan.');
  await insight(2, 'Een goed perspectiefplan overtuigt schuldeisers beter dan een hoger percentage.');

  // The learning agenda, revised at every session: three versions.
  const q1 = await createQuestion(ctx, cycle.id, { text: 'Waarom haken jongeren af tussen aanmelding en intake?', source: 'Sessie 1, ronde "Wat zagen we?"', ladderNodeId: jpf.id, openedOn: heldOn[0] });
  const q2 = await createQuestion(ctx, cycle.id, { text: 'Stemmen schuldeisers eerder in met een perspectiefplan erbij?', source: 'Kredietbank', ladderNodeId: jpf.id, openedOn: heldOn[0] });
  await createQuestion(ctx, cycle.id, { text: 'Welke jongeren bereiken we niet, en waarom?', source: 'Kenniscoalitie', ladderNodeId: jpf.id, openedOn: day(-30 * WEEK) });
  await updateSession(ctx, sessions[0].id, { status: 'held' });
  await updateQuestion(ctx, q1.id, { status: 'provisional', provisionalAnswer: 'Drie gesprekken op drie plekken; met één gezamenlijke intake haakte niemand af.' });
  const q4 = await createQuestion(ctx, cycle.id, { text: 'Is rust over geld genoeg zonder een woonplek?', source: 'Sessie 2', ladderNodeId: jpf.id, openedOn: heldOn[1] });
  await updateSession(ctx, sessions[1].id, { status: 'held' });
  await updateQuestion(ctx, q2.id, { status: 'provisional', provisionalAnswer: 'Ja: de twee weigeraars stemden in na een gesprek met het plan erbij.' });
  await updateQuestion(ctx, q4.id, { status: 'dropped', provisionalAnswer: 'Opgenomen in het plan; geen open vraag meer.' });
  await createQuestion(ctx, cycle.id, { text: 'Wat hebben jongeren nodig na de twee jaar coaching?', source: 'Sessie 3', ladderNodeId: jpf.id, openedOn: heldOn[2] });
  await updateSession(ctx, sessions[2].id, { status: 'held' });
  const planned = await createSession(ctx, cycle.id, { date: day(2 * WEEK) });

  // Actions: the first is done, the last ones still open (they appear in the planned session's pack).
  await createAction(ctx, sessions[0].id, { what: 'Eén gezamenlijke intake van coach en schuldhulpverlener inrichten', whoUserId: (professional ?? manager ?? members[0]).userId, dueOn: day(-15 * WEEK) });
  const done = (await repo.ofSession(ctx.db, 'learningActions', scope.id, sessions[0].id))[0];
  await updateAction(ctx, done.id, { status: 'done' });
  await createAction(ctx, sessions[2].id, { what: 'Nazorg na twee jaar coaching uitwerken met het buurtteam', whoUserId: (adviser ?? manager ?? members[0]).userId, dueOn: day(-1 * WEEK) });
  await createAction(ctx, sessions[2].id, { what: 'Financiering voor 45 jongeren bespreken met het fonds', whoUserId: who, dueOn: day(3 * WEEK) });

  // Outcome statements (outcome harvesting).
  const outcome = await createOutcome(ctx, {
    scope: { kind: 'action_line', id: jpf.id },
    socialActor: 'Woonstichting Tuinstad West',
    change: 'Belt het buurtteam bij één maand huurachterstand van een jongere, in plaats van na drie maanden de deurwaarder in te schakelen.',
    happenedOn: day(-10 * WEEK),
    place: 'Geuzenveld en Slotermeer',
    significance: 'Schulden worden klein aangepakt; huisuitzetting van jongeren wordt voorkomen.',
    contribution: 'De leercyclus bracht corporatie en buurtteam aan tafel; de afspraak kwam uit sessie 1.',
    sources: 'Gesprek met de incassomedewerker; overzicht meldingen van de corporatie.',
    substantiation: 'substantiated',
    substantiationNote: 'Bevestigd door de teamleider incasso van de corporatie.',
  });
  await createOutcome(ctx, {
    scope: { kind: 'action_line', id: jpf.id },
    socialActor: 'ROC West, opleiding Zorg en Welzijn',
    change: 'Neemt gastlessen over schulden door deelnemers op in het lesprogramma van het eerste jaar.',
    happenedOn: day(-8 * WEEK),
    place: 'ROC West, locatie Osdorp',
    significance: 'Studenten leren vroeg over geld van leeftijdgenoten die het zelf meemaakten.',
    contribution: 'De tegenprestatie van de deelnemers maakte de lessen mogelijk.',
    sources: 'Lesrooster; evaluatie door de docenten.',
    substantiation: 'partly',
  });

  // Decisions of the JPF cycle: beter, goed zo, meer doen.
  const obsId = observations.items[0]?.id;
  await recordDecision(ctx, sessions[0].id, { actionLineId: jpf.id, decision: 'better', rationale: 'De intake wordt één gesprek van coach en schuldhulp samen.', evidence: obsId ? [{ kind: 'observation', id: obsId }] : [] });
  await recordDecision(ctx, sessions[1].id, { actionLineId: jpf.id, decision: 'keep', rationale: 'Niemand haakte af; de aanpak werkt zoals bedoeld.', evidence: [{ kind: 'session', id: sessions[0].id }] });
  await recordDecision(ctx, sessions[2].id, { actionLineId: jpf.id, decision: 'more', rationale: 'Zeven van de tien schuldenvrij; uitbreiden naar 45 jongeren.', evidence: [{ kind: 'outcome', id: outcome.id }, { kind: 'session', id: sessions[1].id }] });

  // The programme's steering cycle, for the whole workspace: anders doen, stoppen.
  const steering = await createCycle(ctx, { scope: { kind: 'workspace' }, cadenceWeeks: 13, title: 'Sturingscyclus Nieuw-West Verbindt', startedOn: day(-40 * WEEK), participants: [manager, adviser].filter((m): m is NonNullable<typeof m> => !!m).map((m) => ({ userId: m.userId })) });
  const steer = await createSession(ctx, steering.id, { date: day(-9 * WEEK), title: 'Kwartaalreflectie met de trekkers' });
  await repo.insert(ctx.db, 'learningInsights', { workspaceId: scope.id, id: newId(), sessionId: steer.id, text: 'Wat werkt, zit dicht bij de plek waar mensen al komen: school, corporatie, huisarts.' });
  const cafe = line('AL-004');
  const fund = line('AL-029');
  if (cafe)
    await recordDecision(ctx, steer.id, {
      actionLineId: cafe.id,
      decision: 'different',
      rationale: 'Het geldcafé in het buurthuis trekt vooral ouderen; jongeren bereiken we op school. Het geldcafé gaat mee naar het ROC.',
      evidence: [{ kind: 'session', id: sessions[0].id }, ...(obsId ? [{ kind: 'observation' as const, id: obsId }] : [])],
    });
  if (fund)
    await recordDecision(ctx, steer.id, {
      actionLineId: fund.id,
      decision: 'stop',
      rationale: 'Het noodfonds loste de rekening op maar niet het probleem; het geld gaat naar energiefixers aan de keukentafel.',
      evidence: [{ kind: 'outcome', id: outcome.id }],
    });
  await updateSession(ctx, steer.id, { status: 'held' });

  // The timeline of the JPF, annotated by participants.
  const EVENTS: [weeksAgo: number, title: string, kind: 'high' | 'low' | 'learning', why: string, by: (typeof members)[number] | undefined][] = [
    [30, 'Start van het Jongeren Perspectief Fonds met 30 plekken', 'high', 'Eindelijk een regeling die bij jongeren past.', manager],
    [22, 'Twee jongeren haken af bij de intake', 'low', 'Drie gesprekken op drie plekken was te veel.', professional],
    [17, 'Eerste gezamenlijke intake van coach en schuldhulp', 'learning', 'De drempel zat in onze werkwijze, niet bij de jongeren.', professional],
    [10, 'Corporatie belt bij één maand achterstand', 'high', 'Vroeg signaleren werkt als de corporatie ons vertrouwt.', partner],
    [5, 'Zeven jongeren schuldenvrij', 'high', 'Ruimte voor school en werk.', adviser],
  ];
  for (const [weeks, title, kind, why, by] of EVENTS) {
    const event = await createTimelineEvent(ctx, { date: day(-weeks * WEEK), title, scope: { kind: 'action_line', id: jpf.id } });
    await annotateEvent(as(by), event.id, { kind, why });
  }

  // Board decisions: one followed up from practice, one whose follow-up is due.
  const board = await createBoardDecision(ctx, {
    date: day(-11 * WEEK),
    body: 'stuurgroep',
    text: 'De stuurgroep stemt in met één gezamenlijke intake voor jongeren en vraagt de corporaties om achterstanden na één maand te melden.',
    evidence: [{ kind: 'session', id: sessions[0].id }, ...(obsId ? [{ kind: 'observation' as const, id: obsId }] : [])],
    changedNodeIds: [jpf.id],
    followUpOn: day(-3 * WEEK),
  });
  await addFollowUp(as(professional), board.id, {
    date: day(-3 * WEEK),
    text: 'Sinds het besluit haakte geen jongere meer af bij de intake; de corporatie meldde elf achterstanden van één maand.',
    evidence: [{ kind: 'session', id: sessions[2].id }],
  });
  await createBoardDecision(ctx, {
    date: day(-8 * WEEK),
    body: 'wethouder',
    text: 'De wethouder stopt het noodfonds energie en zet het budget in voor energiefixers aan de keukentafel.',
    evidence: [{ kind: 'session', id: steer.id }, { kind: 'outcome', id: outcome.id }],
    changedNodeIds: fund ? [fund.id] : [],
    followUpOn: day(-1 * WEEK),
  });
  demo.log(`leren: 2 leercycli, ${sessions.length + 2} sessies (één gepland: ${planned.date}), leeragenda in drie versies, tijdlijn, oogst en 2 bestuursbesluiten`);
}
