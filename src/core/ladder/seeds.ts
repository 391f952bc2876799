import type { ServiceContext } from '../../platform/context';
import type { DemoContext } from '../../platform/module';
import { listMembers } from '../workspaces/service';
import * as repo from './repository';
import type { Rung } from './schema';
import * as service from './service';

/*
 * The demo ladder of "Nieuw-West Verbindt": fictional, written for dichter. Values are the
 * charter's five values; challenges, goals, action lines and interventions sit below them,
 * across the wijken of Nieuw-West (CBS division 2019), with theories of change for several
 * action lines.
 */

const VALUE_CODES: Record<string, string> = {
  'Bewoners aan zet': 'W1',
  'Vertrouwen boven controle': 'W2',
  'Samen leren': 'W3',
  'Gelijke kansen': 'W4',
  'Lange adem': 'W5',
};

const CHALLENGES: [code: string, parents: string[], title: string, description: string][] = [
  ['OP-01', ['W4', 'W2'], 'Armoede en schulden doorbreken', 'Eén op de vier huishoudens in Nieuw-West leeft van een laag inkomen; schulden blokkeren school, werk en gezondheid.'],
  ['OP-02', ['W4'], 'Kansrijk opgroeien', 'Kinderen in de tuinsteden krijgen minder vaak een passend schooladvies dan elders in de stad.'],
  ['OP-03', ['W4'], 'Werk en inkomen dichterbij', 'Veel bewoners willen werken maar vinden de weg naar een baan of opleiding niet.'],
  ['OP-04', ['W4', 'W1'], 'Gezond leven in de wijk', 'Bewoners leven hier gemiddeld korter en in minder goede gezondheid dan elders in Amsterdam.'],
  ['OP-05', ['W1'], 'Veilige en schone buurten', 'Bewoners voelen zich niet overal veilig; zwerfvuil en overlast drukken op het woonplezier.'],
  ['OP-06', ['W4', 'W5'], 'Goed en betaalbaar wonen', 'Verouderde portiekflats, vocht en schimmel, lange wachttijden voor een passende woning.'],
  ['OP-07', ['W5', 'W1'], 'Energiearmoede en verduurzaming', 'Hoge energielasten in slecht geïsoleerde woningen; de overstap van aardgas moet betaalbaar blijven.'],
  ['OP-08', ['W1'], 'Meedoen en ontmoeten', 'Bewoners willen zelf iets betekenen voor hun buurt, maar missen plekken en steun.'],
  ['OP-09', ['W1'], 'Eenzaamheid onder ouderen', 'Steeds meer ouderen wonen alleen en zien weinig mensen.'],
  ['OP-10', ['W2'], 'Ondersteuning dichtbij en zonder schotten', 'Hulp is versnipperd over loketten; bewoners vertellen hun verhaal vijf keer.'],
  ['OP-11', ['W2', 'W3'], 'Regels die werken voor bewoners', 'Professionals lopen vast op regels die hun bedoeling voorbijschieten.'],
  ['OP-12', ['W3', 'W5'], 'Leren als programma', 'Twintig jaar volhouden vraagt dat we elk jaar beter worden in wat werkt.'],
];

const GOALS: [code: string, parents: string[], title: string][] = [
  ['DL-01', ['OP-01'], 'Minder jongeren met problematische schulden'],
  ['DL-02', ['OP-01'], 'Huishoudens vinden eerder hulp bij geldzorgen'],
  ['DL-03', ['OP-02'], 'Elk kind gaat met een passend schooladvies naar het voortgezet onderwijs'],
  ['DL-04', ['OP-02'], 'Meer kinderen doen mee aan sport en cultuur'],
  ['DL-05', ['OP-03'], 'Meer bewoners aan het werk of in opleiding'],
  ['DL-06', ['OP-03', 'OP-01'], 'Jongeren maken hun opleiding af'],
  ['DL-07', ['OP-04'], 'Gezond gewicht bij kinderen'],
  ['DL-08', ['OP-04', 'OP-10'], 'Psychische klachten eerder herkend en opgevangen'],
  ['DL-09', ['OP-05'], 'Bewoners voelen zich veiliger op straat'],
  ['DL-10', ['OP-05'], 'Schone straten en pleinen, onderhouden met bewoners'],
  ['DL-11', ['OP-06'], 'Geen woningen meer met ernstig vocht en schimmel'],
  ['DL-12', ['OP-06'], 'Doorstroming naar passende woningen voor ouderen en gezinnen'],
  ['DL-13', ['OP-07'], 'Lagere energierekening voor huishoudens met een laag inkomen'],
  ['DL-14', ['OP-07', 'OP-08'], 'Buurten maken samen de overstap van aardgas'],
  ['DL-15', ['OP-08'], 'Bewonersinitiatieven krijgen ruimte en geld'],
  ['DL-16', ['OP-08'], 'Ontmoetingsplekken in elke buurt'],
  ['DL-17', ['OP-09'], 'Ouderen hebben een netwerk om zich heen'],
  ['DL-18', ['OP-10'], 'Eén plan en één regisseur per huishouden'],
  ['DL-19', ['OP-10'], 'Professionals kennen elkaar en de buurt'],
  ['DL-20', ['OP-11'], 'Afwijken van regels wordt benut om regels te verbeteren'],
  ['DL-21', ['OP-11'], 'Minder stapeling van controles en wachttijden'],
  ['DL-22', ['OP-12'], 'Elke actielijn leert in korte cycli met bewoners'],
  ['DL-23', ['OP-12'], 'Het bestuur stuurt op verhalen én cijfers'],
];

const P = [
  'Gemeente Amsterdam, stadsdeel Nieuw-West',
  'Woonstichting Tuinstad West',
  'Buurtteam Nieuw-West',
  'Gezondheidscentrum Slotermeer',
  'Basisteam politie Nieuw-West',
  'Brede school De Tuinstad',
  'ROC West',
  'Energiecoöperatie Zon op Slotermeer',
  'Bewonersplatform Geuzenveld',
];
type Phase = 'verkennen' | 'experimenteren' | 'uitvoeren' | 'verankeren';
type Status = 'gepland' | 'lopend' | 'gepauzeerd' | 'afgerond' | 'gestopt';
/** [code, goals, title, owner partner, other partners, wijk codes (WK0363..), phase, status, public, start] */
const ACTION_LINES: [string, string[], string, number, number[], string[], Phase, Status, boolean, string][] = [
  ['AL-001', ['DL-01'], 'Jongeren Perspectief Fonds: schulden saneren met tegenprestatie', 0, [2, 6], ['78', '76', '77'], 'experimenteren', 'lopend', true, '2024-03-01'],
  ['AL-002', ['DL-01', 'DL-06'], 'Geldlessen op het mbo', 6, [2], ['86'], 'uitvoeren', 'lopend', true, '2024-09-01'],
  ['AL-003', ['DL-02'], 'Vroegsignalering betalingsachterstanden huur en energie', 1, [2, 0], ['76', '77', '78', '79'], 'uitvoeren', 'lopend', true, '2024-02-15'],
  ['AL-004', ['DL-02'], 'Geldcafé in de buurthuiskamer', 2, [8], ['78'], 'experimenteren', 'lopend', true, '2024-05-01'],
  ['AL-005', ['DL-02'], 'Eén schuldhulpgesprek in plaats van drie intakes', 2, [0], ['81', '82', '83'], 'verkennen', 'gepland', false, '2025-01-15'],
  ['AL-006', ['DL-03'], 'Schooladviesgesprek met ouders en leerling samen', 5, [2], ['76', '77'], 'uitvoeren', 'lopend', true, '2024-08-26'],
  ['AL-007', ['DL-03'], 'Verlengde schooldag in groep 7 en 8', 5, [0], ['77', '78'], 'verankeren', 'lopend', true, '2023-09-01'],
  ['AL-008', ['DL-03'], 'Ouderkamer als vaste plek op elke basisschool', 5, [2, 8], ['78', '79'], 'uitvoeren', 'lopend', true, '2024-01-08'],
  ['AL-009', ['DL-04'], 'Sportpas zonder aanvraagformulier', 0, [5], ['76', '77', '78', '79', '80'], 'experimenteren', 'lopend', true, '2024-06-01'],
  ['AL-010', ['DL-04'], 'Cultuurcoaches op de brede school', 5, [0], ['81', '82'], 'uitvoeren', 'afgerond', true, '2023-01-09'],
  ['AL-011', ['DL-05'], 'Werkroute in de wijk: van eerste gesprek tot baan', 0, [6, 2], ['85', '86', '87'], 'uitvoeren', 'lopend', true, '2024-04-01'],
  ['AL-012', ['DL-05'], 'Leerwerkplekken bij de corporatie', 1, [6], ['76', '77'], 'experimenteren', 'lopend', true, '2024-10-01'],
  ['AL-013', ['DL-05'], 'Taal op de werkvloer', 6, [0], ['86'], 'verkennen', 'gepauzeerd', true, '2024-11-01'],
  ['AL-014', ['DL-06'], 'Mentoren voor jongeren die dreigen uit te vallen', 6, [2], ['81', '82', '83'], 'uitvoeren', 'lopend', true, '2024-02-01'],
  ['AL-015', ['DL-07'], 'Gezonde schoolpleinen en watertappunten', 5, [3, 0], ['77', '78'], 'verankeren', 'afgerond', true, '2023-04-01'],
  ['AL-016', ['DL-07'], 'Kookclubs voor ouders en kinderen', 3, [8], ['78'], 'experimenteren', 'lopend', true, '2024-09-15'],
  ['AL-017', ['DL-08'], 'Praktijkondersteuner jeugd in het gezondheidscentrum', 3, [2], ['76', '77'], 'uitvoeren', 'lopend', true, '2024-01-15'],
  ['AL-018', ['DL-08'], 'Mentale gezondheid bespreekbaar in moskee en kerk', 2, [3, 8], ['78', '79'], 'verkennen', 'lopend', true, '2025-02-01'],
  ['AL-019', ['DL-09'], 'Buurtvaders en buurtmoeders op straat', 4, [8, 0], ['76', '77'], 'verankeren', 'lopend', true, '2023-06-01'],
  ['AL-020', ['DL-09'], 'Persoonsgerichte aanpak jonge veelplegers', 4, [2, 0], ['81', '82'], 'uitvoeren', 'lopend', false, '2024-01-01'],
  ['AL-021', ['DL-09'], 'Licht en zicht: donkere plekken aanpakken met bewoners', 0, [8, 4], ['83', '84'], 'experimenteren', 'lopend', true, '2024-10-15'],
  ['AL-022', ['DL-10'], 'Schoonmaakploegen van bewoners met een vergoeding', 0, [8], ['78', '79'], 'experimenteren', 'lopend', true, '2024-04-15'],
  ['AL-023', ['DL-10'], 'Afvalcoaches in de portiekflats', 1, [0], ['76', '77'], 'uitvoeren', 'lopend', true, '2024-03-01'],
  ['AL-024', ['DL-11'], 'Vocht en schimmel: eerst de woning, dan het gesprek', 1, [3], ['76', '77', '78'], 'uitvoeren', 'lopend', true, '2024-01-15'],
  ['AL-025', ['DL-11'], 'Renovatie Slotermeer-Noordoost met bewoners', 1, [8, 0], ['76'], 'uitvoeren', 'lopend', true, '2023-09-01'],
  ['AL-026', ['DL-12'], 'Verhuisbegeleiding voor ouderen naar een gelijkvloerse woning', 1, [2], ['81', '82', '83'], 'experimenteren', 'lopend', true, '2024-06-01'],
  ['AL-027', ['DL-12'], 'Woningruil binnen de buurt', 1, [], ['85', '86'], 'verkennen', 'gepland', true, '2025-03-01'],
  ['AL-028', ['DL-13'], 'Energiefixers aan de keukentafel', 7, [1, 2], ['76', '77', '78'], 'uitvoeren', 'lopend', true, '2023-11-01'],
  ['AL-029', ['DL-13'], 'Noodfonds energie voor huishoudens in de knel', 0, [2], ['76', '77', '78', '79', '80'], 'verankeren', 'gestopt', false, '2023-01-01'],
  ['AL-030', ['DL-14'], 'Zonnedaken op corporatiewoningen via de coöperatie', 7, [1], ['77'], 'experimenteren', 'lopend', true, '2024-05-01'],
  ['AL-031', ['DL-14'], 'Buurtwarmte Geuzenveld: verkenning warmtenet', 7, [0, 1], ['78'], 'verkennen', 'lopend', true, '2025-01-01'],
  ['AL-032', ['DL-15'], 'Buurtbudget: bewoners beslissen over € 250.000 per jaar', 0, [8], ['78', '79', '80'], 'experimenteren', 'lopend', true, '2024-03-15'],
  ['AL-033', ['DL-15'], 'Initiatievenloket zonder formulieren', 0, [8], ['81', '82', '83', '84'], 'uitvoeren', 'lopend', true, '2024-01-01'],
  ['AL-034', ['DL-16'], 'Huiskamers van de buurt in plinten van flats', 1, [2, 8], ['76', '86'], 'uitvoeren', 'lopend', true, '2024-02-01'],
  ['AL-035', ['DL-16'], 'Schoolpleinen open na schooltijd', 5, [0], ['77', '81'], 'experimenteren', 'lopend', true, '2024-09-01'],
  ['AL-036', ['DL-17'], 'Bezoekersnetwerk voor alleenwonende ouderen', 2, [3, 8], ['76', '77', '78'], 'uitvoeren', 'lopend', true, '2023-10-01'],
  ['AL-037', ['DL-17'], 'Signaleren van eenzaamheid bij de huisarts', 3, [2], ['76', '77'], 'experimenteren', 'lopend', true, '2024-11-01'],
  ['AL-038', ['DL-18'], 'Eén gezin, één plan, één regisseur', 2, [0, 3, 1], ['76', '77', '78', '79'], 'uitvoeren', 'lopend', true, '2024-01-01'],
  ['AL-039', ['DL-19'], 'Wijkprofessionals lunchen maandelijks samen', 2, [3, 4, 5], ['78'], 'verankeren', 'lopend', true, '2023-05-01'],
  ['AL-040', ['DL-20'], 'Pas toe of leg uit: afwijkingen vastleggen en bespreken', 0, [2], ['76', '77', '78'], 'experimenteren', 'lopend', true, '2024-06-15'],
  ['AL-041', ['DL-21'], 'Vier ogen worden twee: doorlooptijd ondersteuning halveren', 0, [2], ['81', '82'], 'experimenteren', 'lopend', false, '2024-09-01'],
  ['AL-042', ['DL-22', 'DL-23'], 'Reflexieve monitoring met de kenniscoalitie', 0, [6], ['76', '77', '78', '81'], 'uitvoeren', 'lopend', true, '2024-02-12'],
  ['AL-043', ['DL-23'], 'Voortgangsgesprek met verhalen van bewoners in de stuurgroep', 0, [8], ['78'], 'uitvoeren', 'lopend', true, '2024-06-01'],
];

type Kind = 'project' | 'maatregel' | 'activiteit';
/** [code, action lines, title, kind, budget in euros or null, public] */
const INTERVENTIONS: [string, string[], string, Kind, number | null, boolean][] = [
  ['IV-001', ['AL-001'], 'Saneringskrediet via de Kredietbank voor 30 jongeren', 'project', 450_000, true],
  ['IV-002', ['AL-001'], 'Gastlessen over schulden door deelnemers op scholen', 'activiteit', 12_000, true],
  ['IV-003', ['AL-001'], 'Jongerencoach naast de schuldhulpverlener', 'maatregel', 180_000, true],
  ['IV-004', ['AL-002'], 'Lespakket "Rond komen" in het eerste mbo-jaar', 'activiteit', 8_500, true],
  ['IV-005', ['AL-003'], 'Huisbezoek binnen vijf dagen na de eerste gemiste huur', 'maatregel', null, true],
  ['IV-006', ['AL-003'], 'Gegevensafspraken corporatie–buurtteam', 'maatregel', null, false],
  ['IV-007', ['AL-004'], 'Wekelijks geldcafé in buurthuis De Honingraat', 'activiteit', 15_000, true],
  ['IV-008', ['AL-006'], 'Training gespreksvoering voor leerkrachten groep 8', 'activiteit', 9_000, true],
  ['IV-009', ['AL-007'], 'Extra lesuren met vakdocenten muziek en techniek', 'project', 220_000, true],
  ['IV-010', ['AL-008'], 'Ouderconsulent op vier basisscholen', 'maatregel', 160_000, true],
  ['IV-011', ['AL-009'], 'Sportpas automatisch bij de stadspas', 'maatregel', 95_000, true],
  ['IV-012', ['AL-010'], 'Cultuurcoach op De Tuinstad', 'activiteit', 45_000, true],
  ['IV-013', ['AL-011'], 'Werkspreekuur in de bibliotheek Osdorp', 'activiteit', 30_000, true],
  ['IV-014', ['AL-011'], 'Baangarantie bij afronden van de leerroute', 'maatregel', null, true],
  ['IV-015', ['AL-012'], 'Tien leerwerkplekken in het onderhoudsteam', 'project', 140_000, true],
  ['IV-016', ['AL-014'], 'Mentorprogramma met oud-leerlingen', 'project', 60_000, true],
  ['IV-017', ['AL-015'], 'Watertappunten op zes schoolpleinen', 'project', 36_000, true],
  ['IV-018', ['AL-016'], 'Kookclub op woensdagmiddag', 'activiteit', 7_500, true],
  ['IV-019', ['AL-017'], 'Spreekuur praktijkondersteuner jeugd', 'maatregel', 85_000, true],
  ['IV-020', ['AL-018'], 'Gespreksavonden over stress en somberheid', 'activiteit', 6_000, true],
  ['IV-021', ['AL-019'], 'Avondrondes buurtvaders rond het Plein \'40-\'45', 'activiteit', 24_000, true],
  ['IV-022', ['AL-020'], 'Casusoverleg veelplegers', 'maatregel', null, false],
  ['IV-023', ['AL-021'], 'Schouw met bewoners en nieuwe verlichting', 'project', 75_000, true],
  ['IV-024', ['AL-022'], 'Schoonmaakploeg Eendracht', 'activiteit', 40_000, true],
  ['IV-025', ['AL-023'], 'Afvalcoach per portiek', 'maatregel', 52_000, true],
  ['IV-026', ['AL-024'], 'Schimmelteam met vaste hersteltermijn van tien werkdagen', 'maatregel', 600_000, true],
  ['IV-027', ['AL-025'], 'Renovatie 412 woningen blok Burgemeester de Vlugtlaan', 'project', 31_000_000, true],
  ['IV-028', ['AL-026'], 'Verhuiscoach en verhuisvergoeding', 'maatregel', 90_000, true],
  ['IV-029', ['AL-028'], 'Energiefixers: 800 huisbezoeken per jaar', 'activiteit', 210_000, true],
  ['IV-030', ['AL-028'], 'Gratis tochtstrips, radiatorfolie en ledlampen', 'maatregel', 48_000, true],
  ['IV-031', ['AL-029'], 'Eenmalige tegemoetkoming energiekosten', 'maatregel', 1_200_000, false],
  ['IV-032', ['AL-030'], 'Zonnepanelen op 14 daken', 'project', 380_000, true],
  ['IV-033', ['AL-031'], 'Haalbaarheidsstudie aquathermie', 'project', 120_000, true],
  ['IV-034', ['AL-032'], 'Stemronde buurtbudget 2025', 'activiteit', 250_000, true],
  ['IV-035', ['AL-033'], 'Initiatievenloket op afspraak en op straat', 'maatregel', 55_000, true],
  ['IV-036', ['AL-034'], 'Huiskamer van de buurt Overtoomse Veld', 'project', 130_000, true],
  ['IV-037', ['AL-035'], 'Schoolplein open tot 19.00 uur met pleinbeheerder', 'activiteit', 28_000, true],
  ['IV-038', ['AL-036'], 'Vrijwillige bezoekers: werving en scholing', 'activiteit', 22_000, true],
  ['IV-039', ['AL-038'], 'Gezinsregisseurs in drie buurtteams', 'maatregel', 420_000, true],
  ['IV-040', ['AL-039'], 'Maandelijkse wijklunch', 'activiteit', 4_800, true],
  ['IV-041', ['AL-040'], 'Afwijkingenregister en kwartaalbespreking met beleid', 'maatregel', null, true],
  ['IV-042', ['AL-041'], 'Proef: één handtekening voor ondersteuning tot € 5.000', 'project', null, false],
  ['IV-043', ['AL-042'], 'Leerbijeenkomsten per kwartaal met mbo, hbo en universiteit', 'activiteit', 65_000, true],
  ['IV-044', ['AL-043'], 'Verhalenronde voorafgaand aan elke stuurgroep', 'activiteit', 3_000, true],
  ['IV-045', ['AL-037'], 'Eenzaamheidsvraag in het ouderenconsult', 'maatregel', null, true],
];

type El = [key: string, kind: 'activity' | 'output' | 'outcome' | 'impact', title: string];
type Assumption = [text: string, status: 'untested' | 'holds' | 'doubtful' | 'refuted', evidence: string, reason: string];
type Theory = { elements: El[]; links: [from: string, to: string, assumptions: Assumption[]][] };
const THEORIES: Record<string, Theory> = {
  'AL-001': {
    elements: [
      ['a', 'activity', 'Saneringskrediet en twee jaar coaching'],
      ['b', 'activity', 'Tegenprestatie: gastlessen en vrijwilligerswerk'],
      ['c', 'output', 'Jongeren zijn binnen zes maanden schuldenrust'],
      ['d', 'outcome', 'Jongeren gaan naar school of werk'],
      ['e', 'impact', 'Minder jongeren langdurig in de bijstand'],
    ],
    links: [
      ['a', 'c', [['Schuldeisers accepteren een finale kwijting tegen het aangeboden percentage', 'holds', 'Bij de eerste 18 deelnemers accepteerden alle schuldeisers, de Belastingdienst na één herinnering.', 'Eerste ronde aanbiedingen afgerond.']]],
      ['c', 'd', [['Rust over geld geeft ruimte om aan school of werk te denken', 'doubtful', 'Coaches zien dat huisvesting vaker dan geld de blokkade blijft.', 'Leersessie kwartaal 3: huisvesting is een tweede blokkade.']]],
      ['b', 'd', [['Een tegenprestatie versterkt zelfvertrouwen en netwerk', 'untested', '', '']]],
      ['d', 'e', [['Werk of diploma leidt tot een duurzaam inkomen', 'untested', '', '']]],
    ],
  },
  'AL-024': {
    elements: [
      ['a', 'activity', 'Schimmelteam herstelt binnen tien werkdagen'],
      ['b', 'output', 'Woningen zonder ernstig vocht en schimmel'],
      ['c', 'outcome', 'Minder luchtwegklachten bij kinderen'],
      ['d', 'impact', 'Gezonder opgroeien in de tuinsteden'],
    ],
    links: [
      ['a', 'b', [['Herstel is blijvend als ook de ventilatie wordt aangepakt', 'holds', 'Na zes maanden terugkeer van schimmel in 4 van 120 woningen.', 'Steekproef najaar 2024.']]],
      ['b', 'c', [['Huisartsen zien het verschil in klachten binnen een jaar', 'untested', '', '']]],
      ['c', 'd', []],
    ],
  },
  'AL-028': {
    elements: [
      ['a', 'activity', 'Energiefixers komen langs aan de keukentafel'],
      ['b', 'output', 'Kleine maatregelen geplaatst en advies over de rekening'],
      ['c', 'outcome', 'Lagere energierekening'],
      ['d', 'outcome', 'Bewoners vertrouwen de coöperatie'],
      ['e', 'impact', 'Minder huishoudens in energiearmoede'],
    ],
    links: [
      ['a', 'b', [['Bewoners laten een buurtgenoot eerder binnen dan een instantie', 'holds', '78% van de aangeschreven huishoudens deed open (2024).', 'Jaarcijfers energiefixers.']]],
      ['b', 'c', [['Kleine maatregelen besparen gemiddeld € 150 per jaar', 'doubtful', 'Meterstanden laten € 60–90 zien; het gedrag verandert minder dan gedacht.', 'Meting met netbeheerder.']]],
      ['a', 'd', [['Een goed huisbezoek leidt tot deelname aan grotere projecten', 'untested', '', '']]],
      ['c', 'e', []],
      ['d', 'e', [['Vertrouwen in de coöperatie maakt de overstap van aardgas haalbaar', 'refuted', 'Bewoners vertrouwen de coöperatie wel, maar wachten op de corporatie.', 'Bewonersavond: de corporatie beslist.']]],
    ],
  },
  'AL-040': {
    elements: [
      ['a', 'activity', 'Professionals leggen afwijkingen van regels vast met de reden'],
      ['b', 'activity', 'Kwartaalbespreking van afwijkingen met beleidsadviseurs'],
      ['c', 'output', 'Overzicht van regels onder druk'],
      ['d', 'outcome', 'Regels en werkinstructies worden aangepast'],
      ['e', 'impact', 'Hulp sluit aan op wat bewoners nodig hebben'],
    ],
    links: [
      ['a', 'c', [['Professionals voelen zich veilig genoeg om afwijkingen te melden', 'doubtful', 'In het eerste kwartaal 11 meldingen; teamleiders noemen angst voor afrekening.', 'Eerste evaluatie met teamleiders.']]],
      ['b', 'd', [['Beleidsadviseurs hebben mandaat om werkinstructies te wijzigen', 'holds', 'Twee werkinstructies aangepast binnen zes weken.', 'Besluit directieoverleg.']]],
      ['c', 'b', []],
      ['d', 'e', [['Aangepaste regels worden ook echt anders uitgevoerd', 'untested', '', '']]],
    ],
  },
  'AL-042': {
    elements: [
      ['a', 'activity', 'Leerbijeenkomsten per kwartaal per actielijn'],
      ['b', 'output', 'Dynamische leeragenda met open vragen'],
      ['c', 'outcome', 'Plannen worden bijgesteld op wat we leren'],
      ['d', 'impact', 'Het programma blijft twintig jaar relevant'],
    ],
    links: [
      ['a', 'b', [['Trekkers maken tijd vrij voor reflectie', 'holds', 'Opkomst 85% over vier kwartalen.', '']]],
      ['b', 'c', [['De stuurgroep neemt besluiten op basis van de leeragenda', 'untested', '', '']]],
      ['c', 'd', []],
    ],
  },
};

const eur = (n: number | null) => (n == null ? null : n * 100);

/** Builds the demo ladder through the ladder's own services; what exists (by code) is left alone. */
export async function seedDemoLadder(ctx: ServiceContext, demo: DemoContext) {
  const scope = ctx.workspace;
  if (!scope) return;
  const { partners, members, areas } = await service.lookups(ctx);
  const partnerId = (i: number) => partners.find((p) => p.name === P[i])?.id;
  const areaId = (suffix: string) => areas.find((a) => a.code === `WK0363${suffix}`)?.id;
  const manager = members.find((m) => m.role === 'programmamanager')?.userId ?? null;
  const ids = new Map<string, string>();
  let created = 0;

  // Values come from the charter; give them the codes the sheet uses.
  const tree = await service.getTree(ctx);
  for (const v of tree.nodes.filter((n) => n.rung === 'value')) {
    const code = VALUE_CODES[v.title];
    if (!code) continue;
    if (v.code !== code) await service.updateNode(ctx, v.id, { code });
    ids.set(code, v.id);
  }
  const ensure = async (code: string, rung: Rung, parents: string[], title: string, fields: Record<string, unknown>) => {
    const existing = await repo.findNodeByCode(ctx.db, scope.id, code);
    if (existing) return void ids.set(code, existing.id);
    const parentIds = parents.map((p) => ids.get(p)).filter((x): x is string => !!x);
    if (parentIds.length === 0) return;
    const node = await service.createNode(ctx, { rung, code, title, parentIds, ...fields } as never);
    ids.set(code, node.id);
    created++;
  };
  for (const [code, parents, title, description] of CHALLENGES) await ensure(code, 'challenge', parents, title, { description, public: true });
  for (const [code, parents, title] of GOALS) await ensure(code, 'goal', parents, title, { public: true });
  for (const [code, goals, title, owner, others, wijken, phase, status, isPublic, start] of ACTION_LINES) {
    await ensure(code, 'action_line', goals, title, {
      public: isPublic,
      ownerPartnerId: partnerId(owner) ?? null,
      ownerUserId: ['AL-001', 'AL-040', 'AL-042'].includes(code) ? manager : null,
      partnerIds: others.map(partnerId).filter(Boolean),
      areaIds: wijken.map(areaId).filter(Boolean),
      phase,
      status,
      startDate: start,
      endDate: status === 'afgerond' || status === 'gestopt' ? '2024-12-31' : null,
    });
  }
  const lineByCode = new Map(ACTION_LINES.map((a) => [a[0], a]));
  for (const [code, lines, title, kind, budget, isPublic] of INTERVENTIONS) {
    const line = lineByCode.get(lines[0])!;
    await ensure(code, 'intervention', lines, title, {
      kind,
      public: isPublic,
      budgetCents: eur(budget),
      ownerPartnerId: partnerId(line[3]) ?? null,
      areaIds: line[5].slice(0, 2).map(areaId).filter(Boolean),
      status: line[7] === 'gepland' ? 'gepland' : line[7],
      startDate: line[9],
    });
  }

  let theories = 0;
  for (const [code, theory] of Object.entries(THEORIES)) {
    const nodeId = ids.get(code);
    if (!nodeId || (await repo.elementsOf(ctx.db, scope.id, nodeId)).length > 0) continue;
    const el = new Map<string, string>();
    for (const [key, kind, title] of theory.elements) el.set(key, (await service.addElement(ctx, nodeId, { kind, title })).id);
    for (const [from, to, assumptions] of theory.links) {
      const link = await service.addLink(ctx, nodeId, { fromElementId: el.get(from)!, toElementId: el.get(to)! });
      for (const [text, status, evidence, reason] of assumptions) {
        const a = await service.addAssumption(ctx, nodeId, { linkId: link.id, text });
        // Tested assumptions got there through a learning session: their history shows it.
        if (status !== 'untested') await service.updateAssumption(ctx, nodeId, a.id, { status, evidence, reason, statusDate: '2025-01-20' });
      }
    }
    theories++;
  }
  demo.log(`beleidsladder: ${created} tredes toegevoegd, ${theories} verandertheorieën`);
}
