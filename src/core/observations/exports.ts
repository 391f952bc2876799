import type { ServiceContext } from '../../platform/context';
import { exportRecords } from './service';

/** Everything of the observations module for one workspace, for `dichter export`. */
export async function exportObservations(ctx: ServiceContext) {
  return { observations: await exportRecords(ctx, {}) };
}
