import { areaUse, defineModule } from '../../platform/module';
import { learningErrors } from './errors';
import { exportLearning } from './exports';
import { migrations } from './migrations';
import { routes } from './routes';
import { seedDemoLearning } from './seeds';
import { learningReportSections } from './report';

export default defineModule({
  id: 'learning',
  migrations,
  areaUses: [areaUse('learning_cycles', { nl: 'leercycli', en: 'learning cycles' }, 'scope_id', "scope_kind = 'area'")],
  routes,
  errors: learningErrors,
  nav: [{ path: 'leren', label: 'nav.learning', order: 28 }],
  seeds: seedDemoLearning,
  exports: exportLearning,
  reportSections: learningReportSections,
});
