import type { ErrorCatalogue } from '../../platform/errors';

export const ruleErrors: ErrorCatalogue = {
  'rule.not_found': { status: 404, nl: 'Deze regel bestaat niet in deze werkruimte.', en: 'This rule does not exist in this workspace.' },
  'rule.code_taken': { status: 409, nl: 'Deze code is al in gebruik in het regelregister van deze werkruimte.', en: 'This code is already used in the rule register of this workspace.' },
  'rule.owner_not_member': { status: 400, nl: 'De eigenaar of fiatteur moet lid zijn van deze werkruimte.', en: 'The owner or approver must be a member of this workspace.' },
  'rule.partner_not_found': { status: 400, nl: 'Deze partnerorganisatie bestaat niet in deze werkruimte.', en: 'This partner organisation does not exist in this workspace.' },
  'rule.area_not_found': { status: 400, nl: 'Dit gebied bestaat niet in deze werkruimte.', en: 'This area does not exist in this workspace.' },
  'rule.node_not_found': { status: 400, nl: 'Deze trede van de beleidsladder bestaat niet in deze werkruimte.', en: 'This node of the policy ladder does not exist in this workspace.' },
  'rule.period_invalid': { status: 400, nl: 'De einddatum ligt vóór de begindatum.', en: 'The end date lies before the start date.' },
  'rule.escalation_level_required': { status: 400, nl: 'Kies het niveau waar de regel thuishoort als u opschaalt.', en: 'Choose the level that owns the rule when you escalate.' },
  'rule.evidence_not_found': { status: 400, nl: 'Dit bewijsstuk bestaat niet (of u mag het niet zien).', en: 'This piece of evidence does not exist (or you may not see it).' },
  'rule.import_failed': {
    status: 422,
    nl: 'Het bestand is niet ingelezen: {count} rij(en) bevatten fouten. Er is niets opgeslagen; verbeter de rijen en probeer het opnieuw.',
    en: 'The file was not imported: {count} row(s) contain errors. Nothing was stored; correct the rows and try again.',
  },
  'rule.import_unreadable': {
    status: 400,
    nl: 'Het bestand kon niet worden gelezen. Stuur een CSV- of XLSX-bestand in het veld "file", met de kolommen code, title, kind, level, domain, intent.',
    en: 'The file could not be read. Send a CSV or XLSX file in the field "file", with the columns code, title, kind, level, domain, intent.',
  },
  'deviation.not_found': { status: 404, nl: 'Deze afwijking bestaat niet bij deze regel.', en: 'This deviation does not exist for this rule.' },
  'deviation.personal_data': {
    status: 400,
    nl: 'Beschrijf de situatie in algemene termen: de tekst lijkt een BSN, IBAN, e-mailadres of telefoonnummer te bevatten. Haal dat weg.',
    en: 'Describe the situation in general terms: the text seems to contain a citizen service number, IBAN, e-mail address or phone number. Remove it.',
  },
  'deviation.in_future': { status: 400, nl: 'De datum van de afwijking ligt in de toekomst.', en: 'The date of the deviation lies in the future.' },
  'deviation.not_pending': { status: 409, nl: 'Over deze afwijking is al besloten.', en: 'This deviation has already been decided on.' },
  'deviation.no_mandate': { status: 403, nl: 'U hebt geen mandaat om over afwijkingen van deze regel te besluiten (en niet over uw eigen afwijking).', en: 'You have no mandate to decide on deviations from this rule (nor on your own deviation).' },
  'deviation.outcome_not_allowed': {
    status: 409,
    nl: 'Alleen wie afweek legt de uitkomst vast, één keer, en alleen als de afwijking is vastgelegd of goedgekeurd.',
    en: 'Only the person who deviated records the outcome, once, and only when the deviation was recorded or approved.',
  },
};
