import { lazy } from 'react';
import { defineMessages } from '../../../web/i18n';
import type { ModuleUi } from '../../../web/module-ui';

/** The page behind the manifest's nav path `ladder` (tree, node, theory of change, import, check below it). */
export const ladderUi: ModuleUi = {
  id: 'ladder',
  pages: {
    ladder: lazy(() => import('./LadderPage')),
  },
  nav: defineMessages(
    {
      'nav.ladder': 'Beleidsladder',
      'nav.ladder.intro': 'Van waarden via opgaven en doelen naar actielijnen en interventies, met de verandertheorie per actielijn.',
    },
    {
      'nav.ladder': 'Policy ladder',
      'nav.ladder.intro': 'From values through challenges and goals to action lines and interventions, with the theory of change of each action line.',
    },
  ),
  audit: defineMessages(
    {
      'entity.ladder_node': 'Onderdeel van de ladder',
      'entity.ladder_import': 'Import van de ladder',
      'entity.theory_element': 'Element van de veranderingstheorie',
      'entity.theory_assumption': 'Aanname',
      'entity.theory_link': 'Verband in de veranderingstheorie',
      'action.relink': 'verplaatst',
      'action.outcome': 'uitkomst vastgelegd',
    },
    {
      'entity.ladder_node': 'Ladder item',
      'entity.ladder_import': 'Ladder import',
      'entity.theory_element': 'Theory-of-change element',
      'entity.theory_assumption': 'Assumption',
      'entity.theory_link': 'Theory-of-change link',
      'action.relink': 'moved',
      'action.outcome': 'outcome recorded',
    },
  ),
};

/** The public page for residents (no sign-in): /openbaar/:slug and /openbaar/:slug/gebied/:areaCode. */
export const PublicLadderPage = lazy(() => import('./PublicLadderPage'));
