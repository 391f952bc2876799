import { areaUse, defineModule } from '../../platform/module';
import { youthDebtErrors } from './errors';
import { exportYouthDebt } from './exports';
import { runFeed } from './feed';
import { migrations } from './migrations';
import { youthDebtReportSections } from './dashboard';
import { globalRoutes, routes } from './routes';
import { questionnairePublicRoutes } from './questionnaires.routes';
import { seedDemoYouthDebt } from './seeds';

/**
 * Practice module youth-debt: the Jongeren Perspectief Fonds approach (settlement credit,
 * repayment in money or in kind, two years of coaching, effect monitor, MKBA). It reaches the
 * core only through this manifest and the core's exported services.
 */
export default defineModule({
  id: 'youth-debt',
  migrations,
  areaUses: [areaUse('youth_debt_participants', { nl: 'deelnemers', en: 'participants' })],
  routes,
  // The admin-only approach view and, beside it (its own plugin, so the admin check stays in its own), the young person's private questionnaire link.
  globalRoutes: async (app) => {
    await app.register(globalRoutes);
    await app.register(questionnairePublicRoutes);
  },
  reportSections: youthDebtReportSections,
  errors: youthDebtErrors,
  nav: [{ path: 'schuldenaanpak', label: 'nav.youthDebt', order: 50 }],
  seeds: seedDemoYouthDebt,
  jobs: [{ name: 'youth-debt.indicators', description: 'werkt de indicatoren van de schuldenaanpak bij (actieve deelnemers, schuldenvrij, werk of opleiding, welzijn)', everyHours: 24, run: runFeed }],
  exports: exportYouthDebt,
});
