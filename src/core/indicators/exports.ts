import type { ServiceContext } from '../../platform/context';
import * as service from './service';

/** Indicators, measurements (by area code) and saved import mappings, for `dichter export`; never panel records. */
export async function exportIndicators(ctx: ServiceContext) {
  return service.exportIndicators(ctx);
}
