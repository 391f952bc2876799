import type { ErrorCatalogue } from '../../platform/errors';

/** Error ids of the youth-debt module (Jongeren Perspectief Fonds); also used as field messages by the schemas. */
export const youthDebtErrors: ErrorCatalogue = {
  'youth_debt.amount_invalid': {
    status: 400,
    nl: 'Vul een bedrag in hele centen in van 0 tot en met 1 miljard euro.',
    en: 'Enter an amount in whole cents from 0 up to 1 billion euros.',
  },
  'youth_debt.capacity_invalid': {
    status: 400,
    nl: 'De aflossingscapaciteit per maand is een bedrag in hele centen van 0 tot en met 100.000 euro.',
    en: 'The monthly repayment capacity is an amount in whole cents from 0 up to 100,000 euros.',
  },
  'youth_debt.term_invalid': { status: 400, nl: 'De looptijd is een heel aantal maanden van 1 tot en met 120.', en: 'The term is a whole number of months from 1 to 120.' },
  'youth_debt.multiplier_invalid': {
    status: 400,
    nl: 'De factor voor preferente schuldeisers ligt tussen 1 en 10, met hoogstens twee decimalen.',
    en: 'The factor for preferential creditors lies between 1 and 10, with at most two decimals.',
  },
  'youth_debt.too_many_debts': { status: 400, nl: 'Een voorstel kan hoogstens 500 schulden bevatten.', en: 'An offer can contain at most 500 debts.' },
  'youth_debt.creditor_required': { status: 400, nl: 'Vul de naam van de schuldeiser in (hoogstens 200 tekens).', en: 'Enter the name of the creditor (at most 200 characters).' },
  'youth_debt.discount_rate_invalid': {
    status: 400,
    nl: 'De discontovoet ligt tussen 0 en 0,25 (bijvoorbeeld 0,0225 voor 2,25 %), met hoogstens acht decimalen.',
    en: 'The discount rate lies between 0 and 0.25 (for example 0.0225 for 2.25 %), with at most eight decimals.',
  },
  'youth_debt.year_invalid': { status: 400, nl: 'Het jaar is een heel getal van 0 (het startjaar) tot en met 50.', en: 'The year is a whole number from 0 (the start year) to 50.' },
  'youth_debt.too_many_lines': { status: 400, nl: 'Een MKBA kan hoogstens 1000 regels bevatten.', en: 'A social cost-benefit analysis can contain at most 1000 lines.' },
  'youth_debt.label_required': { status: 400, nl: 'Geef de regel een omschrijving (hoogstens 200 tekens).', en: 'Give the line a description (at most 200 characters).' },
  'youth_debt.participant_not_found': { status: 404, nl: 'Deze deelnemer bestaat niet in deze werkruimte.', en: 'This participant does not exist in this workspace.' },
  'youth_debt.creditor_not_found': { status: 404, nl: 'Deze schuldeiser bestaat niet in deze werkruimte.', en: 'This creditor does not exist in this workspace.' },
  'youth_debt.debt_not_found': { status: 404, nl: 'Deze schuld bestaat niet in deze werkruimte.', en: 'This debt does not exist in this workspace.' },
  'youth_debt.creditor_unknown': { status: 400, nl: 'Kies een schuldeiser uit de lijst van deze werkruimte.', en: 'Choose a creditor from the list of this workspace.' },
  'youth_debt.participant_unknown': { status: 400, nl: 'Kies een deelnemer van deze werkruimte.', en: 'Choose a participant of this workspace.' },
  'youth_debt.creditor_name_taken': { status: 409, nl: 'Er staat al een schuldeiser met deze naam in de lijst.', en: 'A creditor with this name is already on the list.' },
  'youth_debt.not_member': { status: 400, nl: 'De jongerenbegeleider en de schuldhulpverlener moeten lid zijn van deze werkruimte.', en: 'The coach and the debt counsellor must be members of this workspace.' },
  'youth_debt.area_not_found': { status: 400, nl: 'Dit gebied bestaat niet in deze werkruimte.', en: 'This area does not exist in this workspace.' },
  'youth_debt.age_out_of_range': {
    status: 400,
    nl: 'De aanpak is voor jongeren van 18 tot en met 27 jaar bij de start. Leg vast waarom u voor deze deelnemer een uitzondering maakt.',
    en: 'The approach is for young people aged 18 to 27 at the start. Record why you make an exception for this participant.',
  },
  'youth_debt.birth_date_invalid': { status: 400, nl: 'De geboortedatum ligt na de startdatum.', en: 'The date of birth lies after the start date.' },
  'youth_debt.leaving_reason_required': { status: 400, nl: 'Leg vast waarom de deelnemer is uitgevallen.', en: 'Record why the participant left.' },
  'youth_debt.personal_data': {
    status: 400,
    nl: 'Deze toelichting lijkt een BSN, IBAN, e-mailadres of telefoonnummer te bevatten. Haal dat weg: contactgegevens horen in het veld voor contact.',
    en: 'This explanation seems to contain a citizen service number, IBAN, e-mail address or phone number. Remove it: contact details belong in the contact field.',
  },
  'youth_debt.bsn_not_allowed': { status: 400, nl: 'Sla geen BSN op: de aanpak werkt met een deelnemersnummer.', en: 'Do not store a citizen service number: the approach works with a participant number.' },
  'youth_debt.personal_not_allowed': {
    status: 403,
    nl: 'Alleen de jongerenbegeleider en de schuldhulpverlener van deze deelnemer mogen naam, contactgegevens en geboortedatum wijzigen.',
    en: 'Only the coach and the debt counsellor of this participant may change the name, contact details and date of birth.',
  },
  'youth_debt.assign_not_allowed': {
    status: 403,
    nl: 'Alleen de beheerder of de programmamanager wijst een andere jongerenbegeleider of schuldhulpverlener toe: daarmee krijgt iemand de naam en contactgegevens te zien.',
    en: 'Only the administrator or programme manager assigns another coach or debt counsellor: that is what lets someone see the name and contact details.',
  },
  'youth_debt.text_invalid': { status: 400, nl: 'Deze tekst is te lang of leeg.', en: 'This text is too long or empty.' },
  'youth_debt.vtlb_above_income': { status: 400, nl: 'Het vrij te laten bedrag (VTLB) is hoger dan het inkomen: de aflossingscapaciteit is dan 0. Controleer de bedragen.', en: 'The protected amount (VTLB) exceeds the income: the repayment capacity is then 0. Check the amounts.' },
};
