import { definePolicy } from '../../platform/policy';
import { ROLES } from '../workspaces/schema';

export const rulePolicy = definePolicy({
  'rule.read': ROLES,
  /** Keep the register: add, change, import, test and delete rules. */
  'rule.manage': ['beheerder', 'programmamanager', 'beleidsadviseur'],
  /** Deviate from a rule, and explain why. */
  'deviation.create': ['beheerder', 'programmamanager', 'professional', 'beleidsadviseur', 'partner'],
});
