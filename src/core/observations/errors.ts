import type { ErrorCatalogue } from '../../platform/errors';

export const observationErrors: ErrorCatalogue = {
  'observation.not_found': { status: 404, nl: 'Deze waarneming bestaat niet in deze werkruimte, of u mag haar niet zien.', en: 'This observation does not exist in this workspace, or you may not see it.' },
  'observation.personal_data': {
    status: 400,
    nl: 'De tekst lijkt persoonsgegevens te bevatten ({kinds}). Een openbare waarneming mag die niet hebben: haal ze weg, of maak de waarneming niet openbaar en geef aan dat ze persoonsgegevens bevat.',
    en: 'The text seems to contain personal data ({kinds}). A public observation may not: remove it, or do not make the observation public and mark it as containing personal data.',
  },
  'observation.personal_data_unmarked': {
    status: 400,
    nl: 'De tekst lijkt persoonsgegevens te bevatten ({kinds}). Haal ze weg, of geef aan dat deze waarneming persoonsgegevens bevat.',
    en: 'The text seems to contain personal data ({kinds}). Remove it, or mark this observation as containing personal data.',
  },
  'observation.illegal_transition': {
    status: 409,
    nl: 'Van "{from}" kan een waarneming niet naar "{to}". Mogelijk vanaf hier: {allowed}.',
    en: 'An observation cannot go from "{from}" to "{to}". Possible from here: {allowed}.',
  },
  'observation.transition_not_allowed': { status: 403, nl: 'Alleen de eigenaar, de melder of een coördinator mag deze stap zetten.', en: 'Only the owner, the reporter or a coordinator may take this step.' },
  'observation.message_required': { status: 400, nl: 'Schrijf het antwoord of de reden erbij.', en: 'Write the answer or the reason.' },
  'observation.forward_target_required': {
    status: 400,
    nl: 'Kies aan wie u de waarneming doorzet: een lid van de werkruimte of een andere organisatie.',
    en: 'Choose who takes the observation over: a member of the workspace or another organisation.',
  },
  'observation.owner_not_member': { status: 400, nl: 'De nieuwe eigenaar moet lid zijn van deze werkruimte.', en: 'The new owner must be a member of this workspace.' },
  'observation.area_not_found': { status: 400, nl: 'Dit gebied bestaat niet in deze werkruimte.', en: 'This area does not exist in this workspace.' },
  'observation.node_not_found': { status: 400, nl: 'Deze trede van de beleidsladder bestaat niet in deze werkruimte.', en: 'This node of the policy ladder does not exist in this workspace.' },
  'observation.occurred_in_future': { status: 400, nl: 'Het moment waarop het gebeurde ligt in de toekomst.', en: 'The moment it happened lies in the future.' },
  'observation.not_answered_kind': { status: 409, nl: 'Alleen een signaal of knelpunt krijgt een antwoord en een tevredenheidsscore.', en: 'Only a signal or bottleneck gets an answer and a satisfaction score.' },
  'observation.rate_not_allowed': { status: 409, nl: 'U kunt pas zeggen of het antwoord hielp als de waarneming is beantwoord of afgesloten.', en: 'You can say whether the answer helped once the observation has been answered or closed.' },
  'observation.template_not_found': { status: 404, nl: 'Dit standaardantwoord bestaat niet in deze werkruimte.', en: 'This standard answer does not exist in this workspace.' },
  'observation.template_taken': { status: 409, nl: 'Er is al een standaardantwoord met deze titel.', en: 'There is already a standard answer with this title.' },
  'observation.spam': { status: 400, nl: 'Uw melding kon niet worden verstuurd. Probeer het opnieuw.', en: 'Your report could not be sent. Please try again.' },
  'observation.link_not_found': { status: 404, nl: 'Deze link naar een melding klopt niet (meer).', en: 'This link to a report is not (or no longer) valid.' },
};
