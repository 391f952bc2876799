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
};

/** The public page for residents (no sign-in): /openbaar/:slug and /openbaar/:slug/gebied/:areaCode. */
export const PublicLadderPage = lazy(() => import('./PublicLadderPage'));
