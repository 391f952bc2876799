import type { ErrorCatalogue } from '../../platform/errors';
import { fileErrors } from '../../platform/files/files';

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
  'observation.unknown_kind': {
    status: 400,
    nl: 'Deze soort waarneming kent deze werkruimte niet. Kies verhaal, signaal, knelpunt, idee, succes of een soort die een praktijk toevoegt.',
    en: 'This workspace does not know this kind of observation. Choose story, signal, bottleneck, idea, success or a kind a practice adds.',
  },
  'observation.unknown_rule': { status: 400, nl: 'Deze regel staat niet in het regelregister van deze werkruimte.', en: 'This rule is not in the rule register of this workspace.' },
  'observation.point_outside_area': {
    status: 400,
    nl: 'Het punt op de kaart ligt buiten het gekozen gebied. Kies het gebied waarin het punt ligt, of verplaats het punt.',
    en: 'The point on the map lies outside the chosen area. Choose the area the point lies in, or move the point.',
  },
  'observation.import_failed': {
    status: 422,
    nl: 'Het bestand is niet ingelezen: {count} rij(en) bevatten fouten. Er is niets opgeslagen; verbeter de rijen en probeer het opnieuw.',
    en: 'The file was not imported: {count} row(s) contain errors. Nothing was stored; correct the rows and try again.',
  },
  'observation.import_unreadable': {
    status: 400,
    nl: 'Het bestand kon niet worden gelezen. Stuur een CSV- of XLSX-bestand in het veld "file", met minstens de kolommen kind en title.',
    en: 'The file could not be read. Send a CSV or XLSX file in the field "file", with at least the columns kind and title.',
  },
  'observation.occurred_in_future': { status: 400, nl: 'Het moment waarop het gebeurde ligt in de toekomst.', en: 'The moment it happened lies in the future.' },
  'observation.not_answered_kind': { status: 409, nl: 'Alleen een signaal of knelpunt krijgt een antwoord en een tevredenheidsscore.', en: 'Only a signal or bottleneck gets an answer and a satisfaction score.' },
  'observation.rate_not_allowed': { status: 409, nl: 'U kunt pas zeggen of het antwoord hielp als de waarneming is beantwoord of afgesloten.', en: 'You can say whether the answer helped once the observation has been answered or closed.' },
  'observation.template_not_found': { status: 404, nl: 'Dit standaardantwoord bestaat niet in deze werkruimte.', en: 'This standard answer does not exist in this workspace.' },
  'observation.template_taken': { status: 409, nl: 'Er is al een standaardantwoord met deze titel.', en: 'There is already a standard answer with this title.' },
  'observation.spam': { status: 400, nl: 'Uw melding kon niet worden verstuurd. Probeer het opnieuw.', en: 'Your report could not be sent. Please try again.' },
  'observation.retention_duplicate': { status: 400, nl: 'Voor deze soort en status staat al een bewaartermijn.', en: 'There already is a retention rule for this kind and status.' },
  'observation.link_not_found': { status: 404, nl: 'Deze link naar een melding klopt niet (meer).', en: 'This link to a report is not (or no longer) valid.' },
  // Attachments
  ...fileErrors('observation.attachment'),
  'observation.attachment_limit': {
    status: 409,
    nl: 'Deze waarneming heeft al het maximum van 5 bijlagen. Verwijder eerst een bijlage als u een ander bestand wilt toevoegen.',
    en: 'This observation already has the maximum of 5 attachments. Remove one first if you want to add another file.',
  },
  'observation.attachment_not_found': { status: 404, nl: 'Deze bijlage bestaat niet (meer) bij deze waarneming.', en: 'This attachment does not exist (any more) on this observation.' },
  'observation.attachment_upload_not_allowed': {
    status: 403,
    nl: 'Alleen de melder, de eigenaar of een coördinator mag bij deze waarneming een bijlage toevoegen.',
    en: 'Only the reporter, the owner or a coordinator may attach a file to this observation.',
  },
  'observation.attachment_delete_not_allowed': {
    status: 403,
    nl: 'Alleen wie de bijlage heeft toegevoegd of een coördinator mag die verwijderen.',
    en: 'Only the person who added the attachment or a coordinator may remove it.',
  },
  // Most Significant Change
  'msc.domain_not_found': { status: 404, nl: 'Dit domein van verandering bestaat niet in deze werkruimte.', en: 'This domain of change does not exist in this workspace.' },
  'msc.domain_taken': { status: 409, nl: 'Er is al een domein van verandering met deze naam.', en: 'There is already a domain of change with this name.' },
  'msc.domain_in_use': {
    status: 409,
    nl: 'Dit domein hoort bij {stories} verhalen en {rounds} selectierondes en kan daarom niet weg. Zet het op niet actief.',
    en: 'This domain belongs to {stories} stories and {rounds} selection rounds, so it cannot be removed. Make it inactive instead.',
  },
  'msc.domain_inactive': { status: 400, nl: 'Dit domein is niet meer actief; kies een actief domein.', en: 'This domain is no longer active; choose an active domain.' },
  'msc.period_not_found': { status: 404, nl: 'Deze verzamelperiode bestaat niet in deze werkruimte.', en: 'This collection period does not exist in this workspace.' },
  'msc.period_taken': { status: 409, nl: 'Er is al een verzamelperiode met deze naam.', en: 'There is already a collection period with this name.' },
  'msc.period_dates': { status: 400, nl: 'De einddatum ligt vóór de begindatum.', en: 'The end date lies before the start date.' },
  'msc.period_in_use': {
    status: 409,
    nl: 'Er zijn al {rounds} selectierondes in deze periode; de data en de periode zelf liggen daarom vast.',
    en: 'This period already has {rounds} selection rounds, so its dates and the period itself are fixed.',
  },
  'msc.story_not_found': { status: 404, nl: 'Dit verhaal bestaat niet in deze werkruimte, of u mag het niet zien.', en: 'This story does not exist in this workspace, or you may not see it.' },
  'msc.classify_not_allowed': { status: 403, nl: 'Alleen de verteller, een coördinator of een beleidsadviseur mag het domein van een verhaal kiezen.', en: 'Only the storyteller, a coordinator or a policy adviser may choose the domain of a story.' },
  'msc.round_not_found': { status: 404, nl: 'Deze selectieronde bestaat niet in deze werkruimte.', en: 'This selection round does not exist in this workspace.' },
  'msc.round_finished': {
    status: 409,
    nl: 'Deze selectieronde is afgerond en de vertellers hebben de keuze al gehoord; er kan niets meer aan veranderen.',
    en: 'This selection round is finished and the storytellers have been told; nothing in it can change any more.',
  },
  'msc.round_empty': { status: 409, nl: 'Kies eerst minstens één verhaal, met de reden, voordat u de ronde afrondt.', en: 'Choose at least one story, with the reason, before finishing the round.' },
  'msc.panel_not_member': { status: 400, nl: 'Dit panellid is geen lid van de werkruimte; vul dan alleen een naam in.', en: 'This panel member is not a member of the workspace; enter a name only.' },
  'msc.not_candidate': {
    status: 400,
    nl: 'Dit verhaal hoort niet bij deze ronde: kies een verhaal uit de periode {period}{domain}.',
    en: 'This story does not belong to this round: choose a story from the period {period}{domain}.',
  },
  'msc.already_selected': { status: 409, nl: 'Dit verhaal is in deze ronde al gekozen.', en: 'This story has already been chosen in this round.' },
  'msc.rank_taken': { status: 409, nl: 'Plaats {rank} is in deze ronde al gegeven aan een ander verhaal.', en: 'Rank {rank} has already been given to another story in this round.' },
  'msc.selection_not_found': { status: 404, nl: 'Deze keuze bestaat niet in deze selectieronde.', en: 'This choice does not exist in this selection round.' },
};
