import { areaUse, defineModule } from '../../platform/module';
import { indicatorErrors } from './errors';
import { exportIndicators } from './exports';
import { migrations } from './migrations';
import { indicatorReportSections } from './report';
import { routes } from './routes';
import { seedDemoIndicators } from './seeds';

export default defineModule({
  id: 'indicators',
  migrations,
  areaUses: [areaUse('measurements', { nl: 'metingen', en: 'measurements' }), areaUse('indicator_panel_records', { nl: 'paneelgegevens', en: 'panel records' })],
  routes,
  errors: indicatorErrors,
  nav: [{ path: 'indicatoren', label: 'nav.indicators', order: 30 }],
  seeds: seedDemoIndicators,
  exports: exportIndicators,
  reportSections: indicatorReportSections,
});
