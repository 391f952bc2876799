import { defineModule } from '../../platform/module';
import { youthDebtErrors } from './errors';
import { exportYouthDebt } from './exports';
import { migrations } from './migrations';
import { youthDebtReportSections } from './dashboard';
import { globalRoutes, routes } from './routes';
import { seedDemoYouthDebt } from './seeds';

/**
 * Practice module youth-debt: the Jongeren Perspectief Fonds approach (settlement credit,
 * repayment in money or in kind, two years of coaching, effect monitor, MKBA). It reaches the
 * core only through this manifest and the core's exported services.
 */
export default defineModule({
  id: 'youth-debt',
  migrations,
  routes,
  globalRoutes,
  reportSections: youthDebtReportSections,
  errors: youthDebtErrors,
  nav: [{ path: 'schuldenaanpak', label: 'nav.youthDebt', order: 50 }],
  seeds: seedDemoYouthDebt,
  exports: exportYouthDebt,
});
