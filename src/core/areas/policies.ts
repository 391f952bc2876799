import { definePolicy } from '../../platform/policy';
import { ROLES } from '../workspaces/schema';

const everyone = ROLES;

export const areaPolicy = definePolicy({
  'area.read': everyone,
  'area.manage': ['beheerder', 'programmamanager'],
  'area.import': ['beheerder', 'programmamanager'],
});
