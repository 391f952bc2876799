import type { ErrorCatalogue } from '../../platform/errors';

export const reportErrors: ErrorCatalogue = {
  'report.period_reversed': { status: 400, nl: 'De einddatum ligt vóór de begindatum. Kies een periode die na het begin eindigt.', en: 'The end date is before the start date. Choose a period that ends after it starts.' },
  'report.period_too_long': { status: 400, nl: 'Een rapportage beslaat hoogstens tien jaar.', en: 'A report covers at most ten years.' },
  'report.area_not_found': { status: 400, nl: 'Dit gebied bestaat niet in deze werkruimte.', en: 'This area does not exist in this workspace.' },
  'report.scope_not_action_line': { status: 400, nl: 'Dit is geen actielijn van de beleidsladder in deze werkruimte.', en: 'This is not an action line of the policy ladder in this workspace.' },
  'report.scope_twice': { status: 400, nl: 'Kies een gebied óf een actielijn, niet allebei.', en: 'Choose an area or an action line, not both.' },
};
