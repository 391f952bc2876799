import type { ErrorCatalogue } from '../../platform/errors';
import { analysisErrors } from './analysis';

export const indicatorErrors: ErrorCatalogue = {
  ...analysisErrors,
  'indicator.not_found': { status: 404, nl: 'Deze indicator bestaat niet in deze werkruimte.', en: 'This indicator does not exist in this workspace.' },
  'indicator.code_taken': { status: 409, nl: 'Er is al een indicator met deze code.', en: 'There already is an indicator with this code.' },
  'indicator.has_measurements': {
    status: 409,
    nl: 'Deze indicator heeft {count} metingen. Verwijder hem alleen als u zeker weet dat die weg mogen (bevestig met ?confirm=true).',
    en: 'This indicator has {count} measurements. Delete it only if you are sure they may go (confirm with ?confirm=true).',
  },
  'indicator.used_in_formula': {
    status: 409,
    nl: 'Deze indicator wordt gebruikt in de formule van {indicator}. Pas die formule eerst aan.',
    en: 'This indicator is used in the formula of {indicator}. Change that formula first.',
  },
  'indicator.formula_required': {
    status: 400,
    nl: 'Een berekende indicator heeft een teller, een noemer en een factor nodig.',
    en: 'A computed indicator needs a numerator, a denominator and a factor.',
  },
  'indicator.formula_unexpected': { status: 400, nl: 'Alleen een indicator met bron "formule" heeft een formule.', en: 'Only an indicator with source "formula" has a formula.' },
  'indicator.formula_unknown': { status: 400, nl: 'De formule noemt een indicator die niet bestaat: {code}.', en: 'The formula names an indicator that does not exist: {code}.' },
  'indicator.formula_nested': {
    status: 400,
    nl: 'Teller en noemer moeten gemeten indicatoren zijn, geen andere formules of de indicator zelf.',
    en: 'Numerator and denominator must be measured indicators, not other formulas or the indicator itself.',
  },
  'indicator.period_type_locked': {
    status: 409,
    nl: 'Deze indicator heeft al metingen per {periodType}; het periodetype kan niet meer veranderen. Maak een nieuwe indicator.',
    en: 'This indicator already has measurements per {periodType}; its period type can no longer change. Create a new indicator.',
  },
  'indicator.computed': { status: 409, nl: 'Deze indicator wordt berekend uit een formule; voer de teller en de noemer in.', en: 'This indicator is computed from a formula; enter its numerator and denominator.' },
  'indicator.unknown_ladder_node': { status: 400, nl: 'Een gekoppeld onderdeel van de beleidsladder bestaat niet in deze werkruimte.', en: 'A linked part of the policy ladder does not exist in this workspace.' },
  'indicator.area_not_found': { status: 404, nl: 'Er is geen gebied met code {code} in deze werkruimte.', en: 'There is no area with code {code} in this workspace.' },
  'indicator.period_invalid': {
    status: 400,
    nl: 'De periode past niet bij de indicator: gebruik een jaar (2024), kwartaal (2024-Q1) of maand (2024-03), zoals de indicator wordt gemeten ({periodType}).',
    en: 'The period does not fit the indicator: use a year (2024), quarter (2024-Q1) or month (2024-03), as the indicator is measured ({periodType}).',
  },
  'indicator.value_required': {
    status: 400,
    nl: 'Een definitieve of voorlopige meting heeft een waarde; alleen een geheimgehouden meting is leeg.',
    en: 'A final or provisional measurement has a value; only a suppressed one is empty.',
  },
  'indicator.no_period': { status: 404, nl: 'Deze indicator heeft nog geen metingen.', en: 'This indicator has no measurements yet.' },
  'indicator.panel_too_large': {
    status: 413,
    nl: 'Te veel paneelgegevens in één keer: ten hoogste {max} records.',
    en: 'Too much panel data at once: at most {max} records.',
  },
  'indicator.panel_unknown_area': { status: 400, nl: 'De paneelgegevens noemen een gebied dat niet bestaat: {code}.', en: 'The panel data names an area that does not exist: {code}.' },
  'indicator.import_unreadable': { status: 400, nl: 'Het bestand kon niet worden ingelezen.', en: 'The file could not be read.' },
  'indicator.import_period_unknown': {
    status: 400,
    nl: 'De periode van de cijfers is onbekend. Geef de periode op, of zet het jaar in de bestandsnaam (bijvoorbeeld kerncijfers_2019.csv).',
    en: 'The period of the figures is unknown. Give the period, or put the year in the file name (for example kerncijfers_2019.csv).',
  },
  'indicator.mapping_unknown': { status: 400, nl: 'De koppeling noemt een indicator die niet bestaat: {code}.', en: 'The mapping names an indicator that does not exist: {code}.' },
};
