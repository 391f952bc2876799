import { areaUse, defineModule } from '../../platform/module';
import { ladderErrors } from './errors';
import { exportLadder } from './exports';
import { migrations } from './migrations';
import { globalRoutes, routes } from './routes';
import { seedDemoLadder } from './seeds';
import { ladderReportSections } from './report';

export default defineModule({
  id: 'ladder',
  migrations,
  areaUses: [areaUse('ladder_node_areas', { nl: 'onderdelen van de ladder', en: 'ladder items' })],
  routes,
  globalRoutes,
  errors: ladderErrors,
  nav: [{ path: 'ladder', label: 'nav.ladder', order: 15 }],
  seeds: seedDemoLadder,
  exports: exportLadder,
  reportSections: ladderReportSections,
});
