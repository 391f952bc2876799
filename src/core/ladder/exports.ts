import type { ServiceContext } from '../../platform/context';
import { exportLadderData } from './importer';

/** The whole ladder with theories of change, for `dichter export`. */
export async function exportLadder(ctx: ServiceContext) {
  return exportLadderData(ctx);
}
