import type { ErrorCatalogue } from '../../platform/errors';

export const workspaceErrors: ErrorCatalogue = {
  'workspace.slug_taken': { status: 409, nl: 'Dit webadres (slug) is al in gebruik door een andere werkruimte.', en: 'This web address (slug) is already used by another workspace.' },
  'workspace.slug_format': { status: 400, nl: 'Gebruik 3 tot 50 kleine letters, cijfers en losse streepjes, bijvoorbeeld samen-nieuw-west.', en: 'Use 3 to 50 lowercase letters, digits and single dashes, e.g. samen-nieuw-west.' },
  'member.exists': { status: 409, nl: 'Deze persoon is al lid van de werkruimte.', en: 'This person is already a member of the workspace.' },
  'member.not_found': { status: 404, nl: 'Deze persoon is geen lid van de werkruimte.', en: 'This person is not a member of the workspace.' },
  'member.last_beheerder': { status: 409, nl: 'Een werkruimte houdt altijd minstens één beheerder. Maak eerst iemand anders beheerder.', en: 'A workspace always keeps at least one beheerder (administrator). Make someone else beheerder first.' },
  'partner.not_found': { status: 404, nl: 'Deze partnerorganisatie bestaat niet in deze werkruimte.', en: 'This partner organisation does not exist in this workspace.' },
  'partner.name_taken': { status: 409, nl: 'Er is al een partner met deze naam.', en: 'There already is a partner with this name.' },
  'partner.signed_charter': { status: 409, nl: 'Deze partner heeft het convenant ondertekend. Verwijder eerst de ondertekening.', en: 'This partner signed the charter. Remove the signature first.' },
  'charter.value_not_found': { status: 404, nl: 'Deze waarde staat niet in het convenant.', en: 'This value is not in the charter.' },
  'charter.value_exists': { status: 409, nl: 'Het convenant bevat al een waarde met deze naam.', en: 'The charter already has a value with this name.' },
  'charter.signatory_not_found': { status: 404, nl: 'Deze ondertekening bestaat niet.', en: 'This signature does not exist.' },
  'charter.signed_in_future': { status: 400, nl: 'De datum van ondertekening ligt in de toekomst.', en: 'The signing date lies in the future.' },
};
