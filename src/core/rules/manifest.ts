import { areaUse, defineModule } from '../../platform/module';
import { registerRuleDirectory } from '../observations/links';
import { ruleErrors } from './errors';
import { exportRules } from './exports';
import { migrations } from './migrations';
import { globalRoutes } from './national';
import { routes } from './routes';
import { seedDemoRules } from './seeds';
import { rulesForObservations, rulesForObservationsByCode } from './service';
import { ruleReportSections } from './report';

export default defineModule({
  id: 'rules',
  migrations,
  areaUses: [areaUse('rule_areas', { nl: 'regels', en: 'rules' }), areaUse('deviations', { nl: 'afwijkingen', en: 'deviations' })],
  routes,
  globalRoutes,
  errors: ruleErrors,
  nav: [{ path: 'regels', label: 'nav.rules', order: 25 }],
  seeds: seedDemoRules,
  exports: exportRules,
  // Observations link rules and route signals to their owner; this module tells it which rules exist.
  start: () => registerRuleDirectory({ module: 'rules', refs: rulesForObservations, byCodes: rulesForObservationsByCode }),
  reportSections: ruleReportSections,
});
