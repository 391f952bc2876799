import type { ErrorCatalogue } from '../../platform/errors';

export const areaErrors: ErrorCatalogue = {
  'area.not_found': { status: 404, nl: 'Dit gebied bestaat niet in deze werkruimte.', en: 'This area does not exist in this workspace.' },
  'area.code_taken': { status: 409, nl: 'Er is al een gebied met deze code in de gebiedsindeling van dit jaar.', en: "There already is an area with this code in this year's area division." },
  'area.code_format': {
    status: 400,
    nl: 'Deze code past niet bij de soort gebied. Een gemeente heeft GM en 4 cijfers (GM0363), een wijk WK en 6 tekens (WK036305, WK0363AA), een buurt BU en 8 tekens (BU03630501, BU0363AA01).',
    en: 'This code does not fit the kind of area. A gemeente has GM and 4 digits (GM0363), a wijk WK and 6 characters (WK036305, WK0363AA), a buurt BU and 8 characters (BU03630501, BU0363AA01).',
  },
  'area.has_children': { status: 409, nl: 'Dit gebied heeft nog onderliggende gebieden. Verwijder of verplaats die eerst.', en: 'This area still has areas below it. Delete or move those first.' },
  'area.in_use': {
    status: 409,
    nl: 'Dit gebied wordt nog gebruikt: {uses}. Zolang er gegevens in dit gebied liggen, blijft het bestaan. Wijs die gegevens eerst een ander gebied toe of verwijder ze.',
    en: 'This area is still in use: {uses}. As long as records lie in this area, it stays. Give those records another area or delete them first.',
  },
  'area.cycle': { status: 409, nl: 'Een gebied kan niet onder zichzelf of onder een van zijn eigen onderliggende gebieden vallen.', en: 'An area cannot lie within itself or within one of its own sub-areas.' },
  'area.team_not_member': { status: 400, nl: 'Iemand in het gebiedsteam is geen lid van deze werkruimte. Voeg die persoon eerst toe als lid.', en: 'Someone in the area team is not a member of this workspace. Add them as a member first.' },
  'area.team_duplicate': { status: 400, nl: 'Iemand staat twee keer in het gebiedsteam.', en: 'Someone is in the area team twice.' },
  'area.team_two_contacts': { status: 400, nl: 'Een gebiedsteam heeft één aanspreekpunt. Kies er één.', en: 'An area team has one contact. Choose one.' },
  'area.parent_not_found': { status: 400, nl: 'Het bovenliggende gebied bestaat niet in deze werkruimte.', en: 'The parent area does not exist in this workspace.' },
  'area.import_year_unknown': {
    status: 400,
    nl: 'Het jaar van de gebiedsindeling is onbekend. Geef het jaar op, of zet het in de bestandsnaam (bijvoorbeeld kerncijfers_2019.csv).',
    en: 'The year of the area division is unknown. Give the year, or put it in the file name (for example kerncijfers_2019.csv).',
  },
  'area.import_unreadable': {
    status: 400,
    nl: 'Het bestand kon niet worden ingelezen als CBS-tabel (CSV of JSON) of als GeoJSON.',
    en: 'The file could not be read as a CBS table (CSV or JSON) or as GeoJSON.',
  },
};
