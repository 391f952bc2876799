import { definePolicy } from '../../platform/policy';
import { ROLES } from '../workspaces/schema';

const everyone = ROLES;

export const ladderPolicy = definePolicy({
  'ladder.read': everyone,
  'ladder.manage': ['beheerder', 'programmamanager'],
  'ladder.import': ['beheerder', 'programmamanager'],
  'theory.manage': ['beheerder', 'programmamanager'],
});
