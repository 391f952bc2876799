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
  audit: defineMessages(
    {
      'entity.learning_cycle': 'Leercyclus',
      'entity.learning_session': 'Leersessie',
      'entity.learning_participant': 'Deelnemer aan een sessie',
      'entity.learning_round': 'Ronde',
      'entity.learning_contribution': 'Bijdrage',
      'entity.learning_question': 'Leervraag',
      'entity.learning_agenda_version': 'Versie van de leeragenda',
      'entity.learning_insight': 'Inzicht',
      'entity.learning_decision': 'Besluit',
      'entity.learning_action': 'Actie',
      'entity.learning_outcome': 'Uitkomst',
      'entity.learning_assumption_update': 'Bijstelling van een aanname',
      'entity.learning_board_decision': 'Besluit van het bestuur',
      'entity.learning_board_follow_up': 'Opvolging van een bestuursbesluit',
      'entity.learning_timeline_event': 'Gebeurtenis op de tijdlijn',
      'entity.learning_timeline_annotation': 'Aantekening bij de tijdlijn',
    },
    {
      'entity.learning_cycle': 'Learning cycle',
      'entity.learning_session': 'Learning session',
      'entity.learning_participant': 'Session participant',
      'entity.learning_round': 'Round',
      'entity.learning_contribution': 'Contribution',
      'entity.learning_question': 'Learning question',
      'entity.learning_agenda_version': 'Learning agenda version',
      'entity.learning_insight': 'Insight',
      'entity.learning_decision': 'Decision',
      'entity.learning_action': 'Action',
      'entity.learning_outcome': 'Outcome',
      'entity.learning_assumption_update': 'Assumption revision',
      'entity.learning_board_decision': 'Board decision',
      'entity.learning_board_follow_up': 'Follow-up of a board decision',
      'entity.learning_timeline_event': 'Timeline event',
      'entity.learning_timeline_annotation': 'Timeline note',
    },
  ),
};
