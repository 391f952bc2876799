import type { ServiceContext } from '../../platform/context';
import * as service from './service';

/** Every area of the workspace, with population and boundaries, for `dichter export`. */
export async function exportAreas(ctx: ServiceContext) {
  return service.exportAreas(ctx);
}
