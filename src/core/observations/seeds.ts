import type { ServiceContext } from '../../platform/context';
import { transaction } from '../../platform/db/database';
import { prepareFile } from '../../platform/files/files';
import { textPdf } from '../../platform/files/pdf';
import { newId } from '../../platform/ids';
import type { DemoContext } from '../../platform/module';
import { listAreas } from '../areas/service';
import { listNodes } from '../ladder/service';
import { listMembers } from '../workspaces/service';
import * as repo from './repository';
import type { Kind } from './schema';
import { createTemplate, listTemplates } from './service';
import * as msc from './msc.service';
import { setStoryDomain as assignStoryDomain } from './msc.repository';
import { addWorkingDays } from '../../platform/workdays';

/*
 * Observations of the demo "Nieuw-West Verbindt": fictional, written for dichter, spread over
 * the buurten of Nieuw-West and the last half year; some answered and closed, some still open,
 * some overdue. Generated with a fixed seed, so every demo looks the same.
 */

const SUBJECTS: Record<Kind, [title: string, text: string, tags: string[]][]> = {
  signaal: [
    ['Schimmel in kinderkamer', 'Bij een huisbezoek zag ik schimmel op de muren van de kinderkamer. De corporatie is al twee keer gebeld. Het gezin durft niet opnieuw te klagen.', ['wonen', 'gezondheid']],
    ['Lekkage in de portiek', 'Water loopt langs de trap naar beneden; bewoners zetten emmers neer. De melding bij de corporatie staat al weken open.', ['wonen']],
    ['Jongeren hangen ’s avonds bij de speeltuin', 'Ouders voelen zich onveilig om met kleine kinderen naar de speeltuin te gaan. Het jongerenwerk kent de groep nog niet.', ['veiligheid', 'jeugd']],
    ['Oudere buurvrouw komt de deur niet meer uit', 'De buren maken zich zorgen: de post stapelt zich op en ze neemt de telefoon niet op.', ['ouderen', 'eenzaamheid']],
    ['Stapel aanmaningen bij gezin', 'Tijdens het spreekuur liet een moeder een tas vol ongeopende post zien. Ze weet niet waar ze moet beginnen.', ['schulden']],
    ['Zwerfvuil rond de containers', 'De ondergrondse containers zitten vol en het afval staat ernaast. Meeuwen trekken de zakken open.', ['openbare ruimte']],
    ['Kapotte straatverlichting op het fietspad', 'Langs het fietspad naar het station is het al weken donker. Scholieren fietsen hier om zeven uur.', ['veiligheid', 'openbare ruimte']],
    ['Energierekening niet te betalen', 'Een gezin met drie kinderen kreeg een voorschot van 400 euro per maand. Ze zetten de verwarming uit.', ['energie', 'schulden']],
  ],
  knelpunt: [
    ['Wachtlijst schuldhulp te lang voor jongeren', 'Jongeren die zich melden horen pas na acht weken iets. In die tijd komen er nieuwe schulden bij en haken ze af.', ['schulden', 'jeugd']],
    ['Aanvraagformulier bijzondere bijstand te ingewikkeld', 'Bewoners die slecht Nederlands lezen lopen vast op het formulier; wij vullen het in, maar mogen dat eigenlijk niet.', ['regels', 'inkomen']],
    ['Kostendelersnorm houdt mantelzorg tegen', 'Een zoon wil bij zijn zieke moeder intrekken maar dan daalt haar uitkering. Ze kiezen voor minder zorg.', ['regels', 'zorg']],
    ['Geen plek voor huiswerkbegeleiding', 'Het buurthuis is na vijf uur dicht, terwijl de vrijwilligers dan pas kunnen.', ['jeugd', 'ontmoeting']],
    ['Doorverwijzing GGZ duurt maanden', 'Het wijkteam kan niet meer doen dan wachten; in de tussentijd verslechtert de situatie.', ['gezondheid', 'zorg']],
    ['Corporatie en gemeente wijzen naar elkaar', 'Bij overlast door vocht zegt de corporatie dat het aan het stookgedrag ligt, de gemeente verwijst terug.', ['wonen', 'samenwerking']],
  ],
  verhaal: [
    ['Buren koken voor elkaar in de ramadan', 'In de flat aan het plein koken bewoners om de beurt voor wie alleen is. Ook niet-moslims schuiven aan.', ['ontmoeting']],
    ['Jongere heeft na een jaar weer een baan', 'Na het traject met de coach en een regeling met zijn schuldeisers werkt hij nu bij een installatiebedrijf.', ['werk', 'schulden']],
    ['Moeder durft weer hulp te vragen', 'Eerst wilde ze niemand binnenlaten. Nu komt ze zelf naar het spreekuur en neemt haar buurvrouw mee.', ['vertrouwen']],
    ['Straatfeest brengt nieuwe en oude bewoners samen', 'Voor het eerst kenden mensen in de straat elkaars naam. Er is een appgroep ontstaan.', ['ontmoeting']],
    ['Schoolkeuze na gesprek met ouders', 'Na drie gesprekken met de ouders en de leerkracht kreeg een leerling een hoger advies en hij redt het.', ['onderwijs']],
  ],
  idee: [
    ['Spreekuur in de moskee', 'Veel mannen komen niet naar het buurthuis maar wel naar de moskee. Kunnen we daar een geldspreekuur houden?', ['schulden', 'bereik']],
    ['Energiecoaches uit de buurt zelf', 'Bewoners die al geholpen zijn willen zelf buren helpen met hun energierekening.', ['energie', 'bewoners aan zet']],
    ['Sleutelbeheer buurthuis bij bewoners', 'Als bewoners zelf de sleutel hebben, kan het buurthuis ook ’s avonds open.', ['ontmoeting', 'bewoners aan zet']],
    ['Eén formulier voor alle regelingen', 'Laat bewoners hun gegevens één keer geven voor kindregelingen, stadspas en bijzondere bijstand.', ['regels', 'inkomen']],
  ],
  succes: [
    ['Portiek binnen een week schimmelvrij', 'Na een gezamenlijk huisbezoek van wijkteam en corporatie is de portiek aangepakt, zonder discussie over schuld.', ['wonen', 'samenwerking']],
    ['Twintig huishoudens van hun betalingsachterstand af', 'Dankzij vroegsignalering bij de corporatie kregen ze op tijd een regeling.', ['schulden']],
    ['Opkomst ouderavond verdubbeld', 'Door de avond in het buurthuis te houden en tolken te regelen kwamen er twee keer zoveel ouders.', ['onderwijs', 'bereik']],
  ],
};

const KIND_WEIGHTS: [Kind, number][] = [
  ['signaal', 35],
  ['knelpunt', 20],
  ['verhaal', 25],
  ['idee', 10],
  ['succes', 10],
];

const ANSWERS = [
  'Dank voor uw melding. We hebben contact opgenomen met de corporatie; een monteur komt binnen twee weken langs.',
  'We pakken dit op met het jongerenwerk en de wijkagent. Over vier weken kijken we samen of het beter gaat.',
  'Dit nemen we mee in de leersessie van de actielijn; in de tussentijd kan het wijkteam een uitzondering maken.',
  'De container wordt vanaf volgende week twee keer per week geleegd.',
  'Er is een huisbezoek afgesproken. Wij houden u op de hoogte.',
];

/** A small, fixed pseudo-random sequence (mulberry32), so every demo is the same. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 24 * 60 * 60 * 1000;
export const DEMO_OBSERVATION_COUNT = 320;

export async function seedDemoObservations(ctx: ServiceContext, demo: DemoContext) {
  const scope = ctx.workspace;
  if (!scope) return;
  if ((await listTemplates(ctx)).total === 0) {
    await createTemplate(ctx, { title: 'Ontvangst en doorverwijzing', body: 'Dank voor uw melding. Dit onderwerp ligt bij een andere organisatie; wij hebben uw melding aan hen doorgegeven en zij nemen contact met u op.' });
    await createTemplate(ctx, { title: 'Opgelost', body: 'Dank voor uw melding. Het probleem is opgelost. Klopt dat niet? Dan kunt u de melding heropenen.' });
    await createTemplate(ctx, { title: 'Meegenomen in de leersessie', body: 'Dank voor dit signaal. We bespreken het in de volgende leersessie van de actielijn en laten u weten wat we besluiten.' });
  }
  const existing = await repo.listObservations(ctx.db, scope.id, { userId: ctx.actor!.userId, seeIntern: true }, {}, { limit: 1, offset: 0 });
  if (existing.length > 0) return seedDemoMsc(ctx, demo);

  const [members, buurten, lines] = await Promise.all([
    listMembers(ctx),
    listAreas(ctx, { kind: 'buurt', limit: 500, offset: 0 }),
    listNodes(ctx, { rung: 'action_line', limit: 500, offset: 0 }),
  ]);
  const byRole = (role: string) => members.filter((m) => m.role === role).map((m) => m.userId);
  const reporters = [...byRole('professional'), ...byRole('partner'), ...byRole('programmamanager'), ...byRole('beleidsadviseur')];
  const coordinator = byRole('programmamanager')[0] ?? byRole('beheerder')[0];
  const rand = random(20261128);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const pickKind = () => {
    let r = rand() * 100;
    for (const [k, w] of KIND_WEIGHTS) if ((r -= w) < 0) return k;
    return 'signaal' as Kind;
  };
  const nameOf = new Map(members.map((m) => [m.userId, m.name]));
  const now = Date.now();
  let reports = 0;

  await transaction(ctx.db, async (trx) => {
    for (let i = 0; i < DEMO_OBSERVATION_COUNT; i++) {
      const kind = pickKind();
      const [title, text, tags] = pick(SUBJECTS[kind]);
      const area = buurten.items.length ? pick(buurten.items) : null;
      const line = lines.items.length && rand() < 0.6 ? pick(lines.items) : null;
      const created = new Date(now - Math.floor(rand() * 180 * DAY) - Math.floor(rand() * DAY));
      const resident = kind === 'signaal' && rand() < 0.25;
      const reporter = resident ? null : pick(reporters);
      const answered = kind === 'signaal' || kind === 'knelpunt';
      const owner = answered ? (line?.ownerUserId ?? coordinator ?? null) : null;
      const dueAt = answered ? addWorkingDays(created, 10) : null;
      const age = (now - created.getTime()) / DAY;
      // older ones have mostly run their course; a few stay open past their due date
      const course: string[] = !answered ? [] : age > 30 ? (rand() < 0.85 ? ['in_behandeling', 'beantwoord', 'afgesloten'] : ['in_behandeling']) : age > 10 ? pick([['in_behandeling', 'beantwoord'], ['in_behandeling'], []]) : pick([[], ['in_behandeling']]);
      const number = await repo.nextNumber(trx, scope.id);
      const visibility = resident ? 'public' : rand() < 0.15 ? 'public' : rand() < 0.1 ? 'intern' : 'workspace';
      let status = 'nieuw';
      let at = created.getTime();
      const steps = course.map((to) => {
        at += Math.floor((0.5 + rand() * 4) * DAY);
        const step = { to, from: status, at: new Date(Math.min(at, now - 60_000)) };
        status = to;
        return step;
      });
      const row = await repo.insertObservation(
        trx,
        {
          workspaceId: scope.id,
          id: newId(),
          number,
          kind,
          title,
          text,
          areaId: area?.id ?? null,
          lat: null,
          lon: null,
          occurredAt: new Date(created.getTime() - Math.floor(rand() * 3 * DAY)),
          visibility,
          containsPersonalData: false,
          status,
          ownerUserId: owner,
          routedBy: owner ? (line?.ownerUserId ? 'action_line' : 'coordinator') : null,
          forwardedTo: null,
          dueAt,
          reporterUserId: reporter,
          reporterName: resident ? 'Bewoner' : null,
          reporterEmail: null,
          reporterPhone: null,
          accessTokenHash: null,
          source: resident ? 'public' : 'web',
          satisfaction: status === 'afgesloten' && rand() < 0.6 ? 2 + Math.floor(rand() * 4) : null,
          satisfactionNote: null,
          answeredAt: steps.find((s) => s.to === 'beantwoord')?.at ?? null,
          closedAt: steps.find((s) => s.to === 'afgesloten')?.at ?? null,
          createdAt: created,
          updatedAt: steps.at(-1)?.at ?? created,
        },
        tags,
      );
      if (line) await repo.addNodes(trx, scope.id, row.id, [line.id]);
      const actorName = reporter ? (nameOf.get(reporter) ?? '?') : 'Bewoner';
      await repo.insertEvent(trx, { ...baseEvent(scope.id, row.id, created), actorUserId: reporter, actorName, action: 'created', toStatus: 'nieuw', ownerUserId: owner, dueAt });
      for (const step of steps) {
        const who = step.to === 'afgesloten' && reporter ? reporter : owner;
        await repo.insertEvent(trx, {
          ...baseEvent(scope.id, row.id, step.at),
          actorUserId: who,
          actorName: who ? (nameOf.get(who) ?? '?') : 'Bewoner',
          action: 'transition',
          fromStatus: step.from,
          toStatus: step.to,
          message: step.to === 'beantwoord' ? pick(ANSWERS) : step.to === 'in_behandeling' ? 'Opgepakt.' : null,
        });
      }
      if (kind === 'knelpunt' && reporter && reports < CASE_REPORTS) {
        const file = prepareFile({ data: caseReport(number, created, title, text), fileName: `Verslag casusoverleg #${number}.pdf` }, 'observation.attachment');
        await repo.insertAttachment(trx, { workspaceId: scope.id, id: newId(), observationId: row.id, fileName: file.fileName, contentType: file.contentType, sizeBytes: file.data.length, data: file.data, uploadedBy: reporter });
        reports++;
      }
    }
  });
  demo.log(`${DEMO_OBSERVATION_COUNT} waarnemingen (${reports} met een verslag als bijlage) en 3 standaardantwoorden`);
  await seedDemoMsc(ctx, demo);
}

/** How many of the demo's bottlenecks carry the report of the case meeting as a PDF. */
const CASE_REPORTS = 6;

/** The report of a case meeting about a bottleneck, as a one-page PDF (Latin-1, lines of at most 80 characters). */
function caseReport(number: number, at: Date, title: string, text: string) {
  const lines: string[] = [];
  for (const word of text.replace(/’/g, "'").split(' ')) {
    if (lines.length && `${lines.at(-1)} ${word}`.length <= 80) lines[lines.length - 1] += ` ${word}`;
    else lines.push(word);
  }
  const day = at.toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });
  return textPdf([`Verslag casusoverleg ${day}`, '', `Knelpunt #${number}: ${title.replace(/’/g, "'")}`, '', ...lines, '', 'Afspraak: het wijkteam legt het knelpunt voor aan de eigenaar van de regel.', '', '(Fictieve bijlage uit de demo van dichter.)']);
}

function baseEvent(workspaceId: string, observationId: string, at: Date): repo.EventRow {
  return {
    workspaceId,
    id: newId(),
    observationId,
    at,
    actorUserId: null,
    actorName: '',
    action: 'created',
    fromStatus: null,
    toStatus: null,
    message: null,
    ownerUserId: null,
    forwardedTo: null,
    dueAt: null,
    internal: false,
  };
}

// Most Significant Change: domains of change, the last two quarters, and a finished round

const MSC_DOMAINS = [
  { name: 'Meedoen en ontmoeten', description: 'Bewoners kennen elkaar, doen mee en vinden elkaar in de buurt.' },
  { name: 'Bestaanszekerheid', description: 'Genoeg inkomen, werk, een betaalbaar huis en grip op schulden om vooruit te kunnen kijken.' },
  { name: 'Vertrouwen in instanties', description: 'Bewoners durven hulp te vragen en merken dat gemeente, school en corporatie hen serieus nemen.' },
];
/** The domain of each demo story (by title); the school story is left for someone to classify. */
const MSC_STORY_DOMAINS: Record<string, string> = {
  'Buren koken voor elkaar in de ramadan': 'Meedoen en ontmoeten',
  'Straatfeest brengt nieuwe en oude bewoners samen': 'Meedoen en ontmoeten',
  'Jongere heeft na een jaar weer een baan': 'Bestaanszekerheid',
  'Moeder durft weer hulp te vragen': 'Vertrouwen in instanties',
};
/** What the panel chose in the earlier quarter, by rank, and why. */
const MSC_CHOICES: [title: string, reason: string][] = [
  [
    'Moeder durft weer hulp te vragen',
    'Vertrouwen is de voorwaarde voor alles wat we doen. Dat zij nu zelf komt én haar buurvrouw meeneemt, laat zien dat het vertrouwen zich verspreidt: dit is de verandering waar het programma om draait.',
  ],
  [
    'Jongere heeft na een jaar weer een baan',
    'Het laat zien wat er gebeurt als schuldhulp en werk samen optrekken: de regeling met schuldeisers maakte de baan mogelijk. Het panel wil dat deze aanpak de gewone route wordt.',
  ],
  [
    'Buren koken voor elkaar in de ramadan',
    'Niemand heeft dit georganiseerd: bewoners deden het zelf, over grenzen van geloof heen. Het panel koos dit verhaal omdat het laat zien dat ontmoeting ontstaat als er ruimte voor is.',
  ],
];

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
function quarter(year: number, index: number) {
  const y = year + Math.floor(index / 4);
  const q = ((index % 4) + 4) % 4;
  return { name: `${q + 1}e kwartaal ${y}`, startDate: isoDay(new Date(Date.UTC(y, q * 3, 1))), endDate: isoDay(new Date(Date.UTC(y, q * 3 + 3, 0))) };
}

/** Idempotent: only when the workspace has no domains of change yet. */
async function seedDemoMsc(ctx: ServiceContext, demo: DemoContext) {
  const scope = ctx.workspace;
  if (!scope || (await msc.listDomains(ctx)).total > 0) return;
  const domains = new Map<string, string>();
  for (const d of MSC_DOMAINS) domains.set(d.name, (await msc.createDomain(ctx, { ...d, active: true })).id);
  const now = new Date();
  const current = Math.floor(now.getUTCMonth() / 3);
  const earlier = await msc.createPeriod(ctx, quarter(now.getUTCFullYear(), current - 1));
  await msc.createPeriod(ctx, quarter(now.getUTCFullYear(), current));

  const stories = await msc.listStories(ctx, { limit: 500, offset: 0 });
  await transaction(ctx.db, async (trx) => {
    for (const story of stories.items) {
      const domain = domains.get(MSC_STORY_DOMAINS[story.title] ?? '');
      if (domain) await assignStoryDomain(trx, scope.id, story.id, domain);
    }
  });

  const members = await listMembers(ctx);
  const member = (role: string) => members.find((m) => m.role === role);
  const panel = [member('programmamanager'), member('beleidsadviseur')].filter((m) => !!m).map((m) => ({ userId: m.userId }));
  const round = await msc.createRound(ctx, {
    periodId: earlier.id,
    name: `Panelronde ${earlier.name}`,
    heldOn: isoDay(new Date(Math.min(new Date(`${earlier.endDate}T12:00:00Z`).getTime() + 14 * DAY, now.getTime()))),
    panel: [...panel, { name: 'Fatima el Amrani (bewoner)' }, { name: 'Kees de Vries (woningcorporatie)' }],
  });
  // the first story of each chosen title in the period, not an intern one
  let rank = 0;
  for (const [title, reason] of MSC_CHOICES) {
    const story = round.candidates.find((c) => c.title === title && c.visibility !== 'intern');
    if (story) await msc.addSelection(ctx, round.id, { observationId: story.id, rank: ++rank, reason });
  }
  if (rank > 0) await msc.updateRound(ctx, round.id, { status: 'afgerond' });
  demo.log(`3 domeinen van verandering, 2 verzamelperiodes en een afgeronde selectieronde met ${rank} gekozen verhalen`);
}
