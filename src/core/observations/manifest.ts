import { areaUse, defineModule } from '../../platform/module';
import { observationErrors } from './errors';
import { exportObservations } from './exports';
import { registerPracticeKinds } from './kinds';
import { startResidentMail } from './mail';
import { migrations } from './migrations';
import { open311Routes } from './open311';
import { runRetention } from './retention';
import { globalRoutes, routes } from './routes';
import { seedDemoObservations } from './seeds';
import { observationReportSections } from './report';

export default defineModule({
  id: 'observations',
  migrations,
  areaUses: [areaUse('observations', { nl: 'waarnemingen', en: 'observations' })],
  routes,
  globalRoutes,
  rootRoutes: open311Routes,
  errors: observationErrors,
  nav: [
    { path: 'waarnemingen', label: 'nav.observations', order: 20 },
    { path: 'inbox', label: 'nav.inbox', order: 5 },
    { path: 'verhalen', label: 'nav.msc', order: 21 },
  ],
  seeds: seedDemoObservations,
  exports: exportObservations,
  jobs: [{ name: 'observations.retention', description: 'verwijdert waarnemingen na hun bewaartermijn (per werkruimte in te stellen)', everyHours: 24, run: runRetention }],
  start: (services) => {
    // the kinds the practices' manifests add, collected and checked by the platform
    registerPracticeKinds(services.observationKinds);
    startResidentMail(services);
  },
  reportSections: observationReportSections,
});
