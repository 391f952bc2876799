import { definePolicy } from '../../platform/policy';
import { ROLES } from '../workspaces/schema';

/** Coordinators receive what nobody else owns, may move anything along and keep the standard answers. */
export const COORDINATOR_ROLES = ['beheerder', 'programmamanager'] as const;

export const observationPolicy = definePolicy({
  'observation.read': ROLES,
  'observation.create': ROLES.filter((r) => r !== 'lezer'),
  'observation.coordinate': COORDINATOR_ROLES,
  'observation.seeIntern': COORDINATOR_ROLES,
  'observation.delete': ['beheerder'],
  // Importing records observations on behalf of others, routed into their inboxes: a coordinator's task.
  'observation.import': COORDINATOR_ROLES,
  'observation.export': ['beheerder', 'programmamanager', 'beleidsadviseur', 'bestuurder'],
  'template.manage': COORDINATOR_ROLES,
  'observation.retention': ['beheerder'],
  // Most Significant Change: coordinators keep domains, periods and rounds; the panel's choices are recorded by them and policy advisers
  'msc.manage': COORDINATOR_ROLES,
  'msc.select': [...COORDINATOR_ROLES, 'beleidsadviseur'],
  'msc.classify': [...COORDINATOR_ROLES, 'beleidsadviseur'],
});
