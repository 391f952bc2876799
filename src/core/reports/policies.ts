import { definePolicy } from '../../platform/policy';
import { ROLES } from '../workspaces/schema';

export const reportPolicy = definePolicy({
  /** Every member may make a report; each section shows only what the member may see in its module. */
  'reports.read': ROLES,
});
