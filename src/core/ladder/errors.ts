import type { ErrorCatalogue } from '../../platform/errors';

export const ladderErrors: ErrorCatalogue = {
  'ladder.node_not_found': { status: 404, nl: 'Deze trede van de beleidsladder bestaat niet in deze werkruimte.', en: 'This node of the policy ladder does not exist in this workspace.' },
  'ladder.orphan': {
    status: 400,
    nl: 'Elke trede behalve een waarde hangt onder minstens één trede direct erboven (waarde → opgave → doel → actielijn → interventie). Kies een geldige bovenliggende trede.',
    en: 'Every node except a value hangs below at least one node on the rung directly above (value → challenge → goal → action line → intervention). Choose a valid parent.',
  },
  'ladder.parent_wrong_rung': { status: 400, nl: 'Deze bovenliggende trede staat niet op de trede direct erboven.', en: 'This parent is not on the rung directly above.' },
  'ladder.parent_not_found': { status: 400, nl: 'Deze bovenliggende trede bestaat niet in deze werkruimte.', en: 'This parent does not exist in this workspace.' },
  'ladder.would_orphan': {
    status: 409,
    nl: 'Hieronder hangen tredes die dan geen bovenliggende trede meer hebben. Zeg wat ermee moet gebeuren: verwijderen (children=delete) of verhangen (children=reparent&newParentId=…).',
    en: 'Nodes below would lose their last parent. Say what happens to them: delete them (children=delete) or move them (children=reparent&newParentId=…).',
  },
  'ladder.new_parent_invalid': {
    status: 400,
    nl: 'De nieuwe bovenliggende trede moet bestaan, op dezelfde trede staan als wat u verwijdert, en er niet zelf onder vallen.',
    en: 'The new parent must exist, be on the same rung as the node you delete, and not be part of what is deleted.',
  },
  'ladder.code_taken': { status: 409, nl: 'Deze code is al in gebruik op de beleidsladder van deze werkruimte.', en: 'This code is already used on the policy ladder of this workspace.' },
  'ladder.field_not_for_rung': { status: 400, nl: 'Dit veld hoort niet bij deze trede.', en: 'This field does not belong to this rung.' },
  'ladder.owner_not_member': { status: 400, nl: 'De trekker moet lid zijn van deze werkruimte.', en: 'The owner must be a member of this workspace.' },
  'ladder.partner_not_found': { status: 400, nl: 'Deze partnerorganisatie bestaat niet in deze werkruimte.', en: 'This partner organisation does not exist in this workspace.' },
  'ladder.area_not_found': { status: 400, nl: 'Dit gebied bestaat niet in deze werkruimte.', en: 'This area does not exist in this workspace.' },
  'ladder.period_invalid': { status: 400, nl: 'De einddatum ligt vóór de begindatum.', en: 'The end date lies before the start date.' },
  'ladder.value_in_charter': {
    status: 409,
    nl: 'Een waarde op de ladder is een waarde uit het convenant; daar is al een waarde met deze naam.',
    en: 'A value on the ladder is a value of the charter, which already holds a value with this name.',
  },
  'ladder.import_failed': {
    status: 422,
    nl: 'Het bestand is niet ingelezen: {count} rij(en) bevatten fouten. Er is niets opgeslagen; verbeter de rijen en probeer het opnieuw.',
    en: 'The file was not imported: {count} row(s) contain errors. Nothing was stored; correct the rows and try again.',
  },
  'ladder.import_unreadable': {
    status: 400,
    nl: 'Het bestand kon niet worden gelezen. Stuur een CSV- of XLSX-bestand in het veld "file", met de kolommen rung, code, title, parent_codes, owner, partners, areas, phase, public.',
    en: 'The file could not be read. Send a CSV or XLSX file in the field "file", with the columns rung, code, title, parent_codes, owner, partners, areas, phase, public.',
  },
  'theory.not_action_line': { status: 404, nl: 'Alleen een actielijn heeft een verandertheorie.', en: 'Only an action line has a theory of change.' },
  'theory.element_not_found': { status: 404, nl: 'Dit element bestaat niet in de verandertheorie van deze actielijn.', en: 'This element does not exist in the theory of change of this action line.' },
  'theory.link_not_found': { status: 404, nl: 'Deze verbinding bestaat niet in de verandertheorie van deze actielijn.', en: 'This link does not exist in the theory of change of this action line.' },
  'theory.link_exists': { status: 409, nl: 'Deze twee elementen zijn al met elkaar verbonden.', en: 'These two elements are already linked.' },
  'theory.link_self': { status: 400, nl: 'Een element kan niet naar zichzelf leiden.', en: 'An element cannot lead to itself.' },
  'theory.assumption_not_found': { status: 404, nl: 'Deze aanname bestaat niet in de verandertheorie van deze actielijn.', en: 'This assumption does not exist in the theory of change of this action line.' },
};
