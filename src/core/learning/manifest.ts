import { defineModule } from '../../platform/module';
import { learningErrors } from './errors';
import { exportLearning } from './exports';
import { migrations } from './migrations';
import { routes } from './routes';
import { seedDemoLearning } from './seeds';
import { learningReportSections } from './report';

export default defineModule({
  id: 'learning',
  migrations,
  routes,
  errors: learningErrors,
  nav: [{ path: 'leren', label: 'nav.learning', order: 28 }],
  seeds: seedDemoLearning,
  exports: exportLearning,
  reportSections: learningReportSections,
});
