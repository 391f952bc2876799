import { lazy } from 'react';
import { defineMessages } from '../../../web/i18n';
import type { ModuleUi } from '../../../web/module-ui';

/** The page behind the manifest's nav path `leren`: cycles, the session calendar, a session with its evidence pack and the decision form. */
export const learningUi: ModuleUi = {
  id: 'learning',
  pages: {
    leren: lazy(() => import('./LearningPage')),
  },
  nav: defineMessages(
    {
      'nav.learning': 'Leren',
      'nav.learning.intro': 'Leercycli en sessies: de bewijsmap uit de praktijk, rondes, en besluiten om meer, beter of anders te doen.',
    },
    {
      'nav.learning': 'Learning',
      'nav.learning.intro': 'Learning cycles and sessions: the evidence pack from practice, rounds, and decisions to do more, better or differently.',
    },
  ),
};
