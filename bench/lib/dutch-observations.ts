/**
 * A vocabulary of Dutch social-domain observations for the observations benchmark: titles per
 * kind, places, sentences, tags and names, so full-text search meets realistic selectivity.
 * Uniform choices from these lists give, per observation (2–5 sentences plus a title):
 * "wijkteam" in roughly one in six, "schulden"/"schimmel"/"portiek" in a few per cent, and the
 * words of RARE_SENTENCES (e.g. "eikenprocessierups") in about one in a thousand.
 * No digits, e-mail addresses or IBAN-like strings: the personal-data guard must not fire.
 */

export const PLACES = [
  'de portiek',
  'het buurthuis',
  'de speeltuin',
  'het winkelcentrum',
  'de bushalte',
  'het schoolplein',
  'het park',
  'de galerijflat',
  'de bibliotheek',
  'het sportveld',
  'de markt',
  'het kerkplein',
  'de onderdoorgang',
  'het trapportaal',
  'de fietsenstalling',
  'het gezondheidscentrum',
  'de voedselbank',
  'de brede school',
  'het hofje',
  'de seniorenflat',
] as const;

/** Title templates per kind; `{p}` becomes a place. */
export const TITLES: Record<'signaal' | 'knelpunt' | 'verhaal' | 'idee' | 'succes', readonly string[]> = {
  signaal: [
    'Schimmel en vocht in woning bij {p}',
    'Oudere bewoner vereenzaamt na overlijden partner',
    'Zorgen over gezin met oplopende schulden',
    'Jongeren hangen rond bij {p}',
    'Overlast door drugshandel rond {p}',
    'Zwerfafval en grofvuil bij {p}',
    'Kapotte verlichting bij {p}',
    'Huurachterstand bij alleenstaande moeder',
    'Ratten en muizen gezien bij {p}',
    'Mantelzorger raakt overbelast',
    'Kinderen komen zonder ontbijt naar school',
    'Verward gedrag van buurtbewoner bij {p}',
    'Tochtige ramen en hoge energierekening',
    'Burenruzie loopt op bij {p}',
    'Statushouder vindt geen weg naar taalles',
    'Lekkage in portiek na regenbui',
  ],
  knelpunt: [
    'Wachtlijst schuldhulpverlening loopt op',
    'Wijkteam moeilijk bereikbaar buiten kantoortijden',
    'Doorverwijzing naar GGZ loopt vast',
    'Woningcorporatie reageert niet op klachten over schimmel',
    'Geen plek in de buitenschoolse opvang',
    'Regels bijzondere bijstand te ingewikkeld',
    'Huisarts verwijst niet door naar het wijkteam',
    'Te weinig ruimte voor jongerenwerk bij {p}',
    'Formulieren alleen digitaal beschikbaar',
    'Geen vervoer naar dagbesteding',
  ],
  verhaal: [
    'Gesprek met bewoners van {p}',
    'Een dag meelopen met het wijkteam',
    'Bewoner vertelt over leven met schulden',
    'Koffieochtend in {p}',
    'Huisbezoek bij oudere bewoner',
    'Ervaringen van mantelzorgers in de wijk',
  ],
  idee: [
    'Moestuin bij {p}',
    'Taalcafé in {p}',
    'Buurtkamer voor ouderen in {p}',
    'Repaircafé bij {p}',
    'Spreekuur van het wijkteam in {p}',
    'Samen koken tegen eenzaamheid',
  ],
  succes: [
    'Schuldenvrij na een jaar begeleiding',
    'Buurtbewoners knappen {p} samen op',
    'Portiekgesprekken verminderen overlast',
    'Jongeren helpen ouderen met boodschappen',
    'Energiecoach bespaart gezinnen veel geld',
    'Volle zaal bij bewonersavond in {p}',
  ],
};

/** Sentences for the text, drawn uniformly (two of fifty mention the wijkteam). */
export const SENTENCES = [
  'Het wijkteam is op de hoogte en plant een huisbezoek.',
  'Bewoners melden dat het probleem al maanden speelt.',
  'De woningcorporatie is gebeld maar heeft nog niet gereageerd.',
  'Er zit schimmel in de badkamer en in de slaapkamer van de kinderen.',
  'De portiek is vies en de verlichting doet het niet.',
  'Het gezin heeft schulden bij de energieleverancier en de zorgverzekeraar.',
  'Een buurtbewoner maakt zich zorgen over de oudere buurvrouw.',
  'De buurtcoach heeft contact gelegd met de school.',
  'Jongeren blijven tot laat in de avond hangen en maken lawaai.',
  'Er ligt veel zwerfafval naast de containers.',
  'De mantelzorger geeft aan het niet langer vol te houden.',
  'Volgens de huisarts is er sprake van eenzaamheid.',
  'De wachtlijst voor schuldhulpverlening is lang.',
  'Bewoners willen graag meedenken over een oplossing.',
  'Op de bewonersavond kwamen veel mensen af.',
  'Vrijwilligers van de voedselbank zien meer gezinnen dan vorig jaar.',
  'De wijkagent is ingelicht over de overlast.',
  'De huurachterstand loopt op en er dreigt een ontruiming.',
  'Er zijn ratten gezien bij de fietsenstalling.',
  'Het jongerenwerk zoekt een ruimte in de buurt.',
  'De ramen tochten en de energierekening is hoog.',
  'Een energiecoach kan helpen met kleine maatregelen.',
  'De statushouders in de flat volgen nog geen taalles.',
  'School signaleert dat kinderen zonder ontbijt komen.',
  'De GGZ heeft een wachttijd van enkele maanden.',
  'Bewoners voelen zich niet gehoord door de gemeente.',
  'Het buurthuis is alleen overdag open.',
  'Er is behoefte aan een ontmoetingsplek voor ouderen.',
  'De trap in de portiek is glad en gevaarlijk.',
  'Er staat vocht in de kelderboxen.',
  'Een vader vertelt dat hij zich schaamt voor de schulden.',
  'De dagbesteding is slecht bereikbaar met het openbaar vervoer.',
  'Bewoners organiseren zelf een schoonmaakactie.',
  'De moestuin brengt buren met elkaar in gesprek.',
  'Het taalcafé trekt elke week nieuwe deelnemers.',
  'Buurtmoeders helpen gezinnen met formulieren.',
  'Het maatschappelijk werk neemt contact op met het gezin.',
  'De melding is doorgezet naar de afdeling handhaving.',
  'Er is een keukentafelgesprek gepland met het wijkteam.',
  'Het sociaal raadsliedenwerk helpt bij de aanvraag van toeslagen.',
  'De bijzondere bijstand is aangevraagd maar nog niet toegekend.',
  'Er staat grofvuil bij de ingang van de galerijflat.',
  'Bewoners klagen over geluidsoverlast van de bovenburen.',
  'De speeltuin is verouderd en onveilig voor kleine kinderen.',
  'Er wordt gedeald bij de onderdoorgang.',
  'Een oudere bewoner is gevallen en had geen alarmering.',
  'Het armoedefonds kan de schoolreis betalen.',
  'Buren houden een oogje in het zeil.',
  'De lift staat al weken stil en ouderen komen de deur niet uit.',
  'Er is een afspraak gemaakt met de verhuurder.',
] as const;

/** Rare sentences: one of them in about one observation in a hundred. */
export const RARE_SENTENCES = [
  'In de eikenbomen langs het fietspad zit de eikenprocessierups.',
  'Er is asbest gevonden in de schuur achter de woning.',
  'Bewoners maken zich zorgen over legionella in de douche.',
  'Een bewoner vermoedt koolmonoxide door een defecte geiser.',
  'De ondermijning in de buurt baart de wijkagent zorgen.',
] as const;

export const TAGS = [
  'armoede',
  'schulden',
  'wonen',
  'schimmel',
  'eenzaamheid',
  'jeugd',
  'veiligheid',
  'overlast',
  'zorg',
  'ggz',
  'mantelzorg',
  'taal',
  'werk',
  'onderwijs',
  'energie',
  'groen',
  'afval',
  'ouderen',
  'statushouders',
  'gezondheid',
  'participatie',
  'vrijwilligers',
  'huurachterstand',
  'buurthuis',
  'portiek',
] as const;

export const ACTION_LINES = [
  'Schulden vroeg in beeld',
  'Portiekaanpak',
  'Gezond en vochtvrij wonen',
  'Samen tegen eenzaamheid',
  'Kansrijk opgroeien',
  'Veilige openbare ruimte',
  'Iedereen doet mee',
  'Energiearmoede aanpakken',
] as const;

export const FIRST_NAMES = ['Anne', 'Bram', 'Daan', 'Eva', 'Fatima', 'Gijs', 'Hanna', 'Ibrahim', 'Jasper', 'Kim', 'Lotte', 'Mohamed', 'Noor', 'Okke', 'Priya', 'Ruben', 'Sanne', 'Tim', 'Yusuf', 'Zeynep'] as const;
export const LAST_NAMES = ['de Vries', 'Jansen', 'van Dijk', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'El Amrani', 'Yilmaz', 'Kaya', 'van Leeuwen', 'Dekker', 'Brouwer'] as const;

/** Parts of made-up place names for gemeenten, wijken and buurten without a real name at hand. */
export const NAME_HEADS = ['Kerk', 'Molen', 'Linden', 'Eiken', 'Beuken', 'Wilgen', 'Haven', 'Dijk', 'Vaart', 'Brink', 'Markt', 'Zuider', 'Noorder', 'Ooster', 'Wester', 'Hof', 'Veld', 'Bloemen', 'Vogel', 'Schilders', 'Componisten', 'Rivieren', 'Sterren', 'Oranje', 'Spoor', 'Water', 'Park', 'Bos', 'Heide', 'Akker'] as const;
export const BUURT_TAILS = ['buurt', 'wijk', 'kwartier', 'hof', 'polder', 'veld', 'rijk', 'dorp', 'laan', 'kade'] as const;
export const WIJK_TAILS = ['wijk', 'kwartier', 'dorp', 'veld', 'polder'] as const;
export const GEMEENTE_TAILS = ['dam', 'dorp', 'veen', 'wijk', 'horst', 'hoven', 'berg', 'meer', 'zijl', 'rade'] as const;
export const SIDES = ['', '', '', ' Noord', ' Zuid', ' Oost', ' West', '-Centrum'] as const;

/**
 * Names of the largest gemeenten by CBS code (the 2024 file has codes and figures, no names);
 * the others are called "Gemeente GMxxxx".
 */
export const GEMEENTE_NAMES: Record<string, string> = {
  GM0363: 'Amsterdam',
  GM0599: 'Rotterdam',
  GM0518: "'s-Gravenhage",
  GM0344: 'Utrecht',
  GM0772: 'Eindhoven',
  GM0014: 'Groningen',
  GM0855: 'Tilburg',
  GM0034: 'Almere',
  GM0758: 'Breda',
  GM0268: 'Nijmegen',
  GM0200: 'Apeldoorn',
  GM0392: 'Haarlem',
  GM0202: 'Arnhem',
  GM0394: 'Haarlemmermeer',
  GM0307: 'Amersfoort',
  GM0153: 'Enschede',
  GM0479: 'Zaanstad',
  GM0796: "'s-Hertogenbosch",
  GM0193: 'Zwolle',
  GM0546: 'Leiden',
  GM0080: 'Leeuwarden',
  GM0637: 'Zoetermeer',
  GM0935: 'Maastricht',
  GM0228: 'Ede',
  GM0505: 'Dordrecht',
};
