import { definePolicy } from '../../platform/policy';
import { ROLES } from '../workspaces/schema';

/** Who keeps the indicators: coordinators and the policy advisers (research) who make the area monitor. */
export const STEWARDS = ['beheerder', 'programmamanager', 'beleidsadviseur'] as const;

export const indicatorPolicy = definePolicy({
  'indicator.read': ROLES,
  /** Define, change and delete indicators; import files. */
  'indicator.manage': STEWARDS,
  /** Enter a measurement by hand (the workspace's own figures). */
  'indicator.record': [...STEWARDS, 'professional'],
  /** Store pseudonymous panel data and run the composition analysis on it. */
  'indicator.panel': STEWARDS,
});
