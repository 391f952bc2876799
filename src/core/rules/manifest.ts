import { defineModule } from '../../platform/module';
import { ruleErrors } from './errors';
import { exportRules } from './exports';
import { migrations } from './migrations';
import { globalRoutes } from './national';
import { routes } from './routes';
import { seedDemoRules } from './seeds';

export default defineModule({
  id: 'rules',
  migrations,
  routes,
  globalRoutes,
  errors: ruleErrors,
  nav: [{ path: 'regels', label: 'nav.rules', order: 25 }],
  seeds: seedDemoRules,
  exports: exportRules,
});
