import { definePolicy } from '../../platform/policy';
import { ROLES } from './schema';

const everyone = ROLES;

export const workspacePolicy = definePolicy({
  'workspace.read': everyone,
  'workspace.update': ['beheerder'],
  'member.read': everyone,
  'member.readEmail': ['beheerder'],
  'member.manage': ['beheerder'],
  'partner.read': everyone,
  'partner.manage': ['beheerder', 'programmamanager'],
  'charter.read': everyone,
  'charter.manage': ['beheerder', 'programmamanager'],
  'audit.read': ['beheerder'],
});
