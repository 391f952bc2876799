import { defineModule } from '../../platform/module';
import { reportErrors } from './errors';
import { routes } from './routes';
import { registerReportSections } from './service';

export default defineModule({
  id: 'reports',
  routes,
  errors: reportErrors,
  nav: [{ path: 'rapportage', label: 'nav.reports', order: 40 }],
  // The sections come from every module's manifest (`reportSections`); the platform hands them over here.
  start: (services) => registerReportSections(services.reportSections),
});
