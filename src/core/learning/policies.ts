import { definePolicy } from '../../platform/policy';
import { ROLES } from '../workspaces/schema';

/** Who runs learning cycles: the coordinators and policy advisers who facilitate sessions. */
export const FACILITATORS = ['beheerder', 'programmamanager', 'beleidsadviseur'] as const;

export const learningPolicy = definePolicy({
  'learning.read': ROLES,
  /** Start cycles, plan and run sessions, record rounds, decisions, actions and the agenda. */
  'learning.facilitate': FACILITATORS,
  /** Annotate the timeline (a high, a low, a learning moment): every participant but readers. */
  'learning.annotate': ROLES.filter((r) => r !== 'lezer'),
  /** Record board decisions (and their follow-up from practice). */
  'learning.board': ['beheerder', 'programmamanager', 'bestuurder'],
  /** Report what practice saw after a board decision. */
  'learning.followUp': ['beheerder', 'programmamanager', 'beleidsadviseur', 'professional', 'partner', 'bestuurder'],
});
