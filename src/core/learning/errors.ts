import type { ErrorCatalogue } from '../../platform/errors';

export const learningErrors: ErrorCatalogue = {
  'learning.cycle_not_found': { status: 404, nl: 'Deze leercyclus bestaat niet in deze werkruimte.', en: 'This learning cycle does not exist in this workspace.' },
  'learning.session_not_found': { status: 404, nl: 'Deze sessie bestaat niet in deze werkruimte.', en: 'This session does not exist in this workspace.' },
  'learning.round_not_found': { status: 404, nl: 'Deze ronde hoort niet bij deze sessie.', en: 'This round does not belong to this session.' },
  'learning.action_not_found': { status: 404, nl: 'Deze actie bestaat niet in deze werkruimte.', en: 'This action does not exist in this workspace.' },
  'learning.question_not_found': { status: 404, nl: 'Deze leervraag bestaat niet in deze werkruimte.', en: 'This learning question does not exist in this workspace.' },
  'learning.event_not_found': { status: 404, nl: 'Deze gebeurtenis op de tijdlijn bestaat niet in deze werkruimte.', en: 'This timeline event does not exist in this workspace.' },
  'learning.board_decision_not_found': { status: 404, nl: 'Dit bestuursbesluit bestaat niet in deze werkruimte.', en: 'This board decision does not exist in this workspace.' },
  'learning.agenda_version_not_found': { status: 404, nl: 'Van deze sessie is geen versie van de leeragenda bewaard.', en: 'No version of the learning agenda was kept for this session.' },
  'learning.scope_id_required': { status: 400, nl: 'Kies de actielijn of het gebied waar het om gaat.', en: 'Choose the action line or area it is about.' },
  'learning.scope_id_not_allowed': { status: 400, nl: 'Een leercyclus voor de hele werkruimte heeft geen actielijn of gebied.', en: 'A cycle for the whole workspace has no action line or area.' },
  'learning.scope_not_action_line': { status: 400, nl: 'Dit is geen actielijn van de beleidsladder in deze werkruimte.', en: 'This is not an action line of the policy ladder in this workspace.' },
  'learning.area_not_found': { status: 400, nl: 'Dit gebied bestaat niet in deze werkruimte.', en: 'This area does not exist in this workspace.' },
  'learning.node_not_found': { status: 400, nl: 'Deze trede van de beleidsladder bestaat niet in deze werkruimte.', en: 'This node of the policy ladder does not exist in this workspace.' },
  'learning.rule_not_found': { status: 400, nl: 'Deze regel bestaat niet in deze werkruimte.', en: 'This rule does not exist in this workspace.' },
  'learning.not_member': { status: 400, nl: 'Deze persoon is geen lid van deze werkruimte.', en: 'This person is not a member of this workspace.' },
  'learning.partner_not_found': { status: 400, nl: 'Deze partnerorganisatie bestaat niet in deze werkruimte.', en: 'This partner organisation does not exist in this workspace.' },
  'learning.participant_incomplete': { status: 400, nl: 'Kies een lid, of geef de naam van de gast.', en: 'Choose a member, or give the guest’s name.' },
  'learning.participant_not_found': { status: 400, nl: 'Deze persoon neemt niet deel aan deze leercyclus.', en: 'This person does not take part in this learning cycle.' },
  'learning.action_line_out_of_scope': {
    status: 400,
    nl: 'Over deze actielijn besluit deze sessie niet: zij valt buiten de reikwijdte van de leercyclus.',
    en: 'This session does not decide on this action line: it lies outside the scope of the learning cycle.',
  },
  'learning.rationale_required': {
    status: 400,
    nl: 'Leg uit waarom: bij anders doen of stoppen is een onderbouwing verplicht.',
    en: 'Explain why: doing something different or stopping requires a rationale.',
  },
  'learning.evidence_required': {
    status: 400,
    nl: 'Noem ten minste één bewijsstuk (waarneming, afwijking, aanname, meting, sessie of oogst) waarop het besluit rust.',
    en: 'Name at least one piece of evidence (observation, deviation, assumption, measurement, session or outcome) the decision rests on.',
  },
  'learning.evidence_not_found': { status: 400, nl: 'Dit bewijsstuk bestaat niet (of u mag het niet zien).', en: 'This piece of evidence does not exist (or you may not see it).' },
  'learning.assumption_out_of_scope': {
    status: 400,
    nl: 'Deze aanname hoort niet bij een verandertheorie binnen de reikwijdte van deze leercyclus.',
    en: 'This assumption does not belong to a theory of change within the scope of this learning cycle.',
  },
  'learning.comparison_other_cycle': { status: 400, nl: 'Vergelijk versies van de leeragenda van dezelfde leercyclus.', en: 'Compare versions of the learning agenda of the same learning cycle.' },
};
