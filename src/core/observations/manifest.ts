import { defineModule } from '../../platform/module';
import { observationErrors } from './errors';
import { exportObservations } from './exports';
import { migrations } from './migrations';
import { globalRoutes, routes } from './routes';
import { seedDemoObservations } from './seeds';

export default defineModule({
  id: 'observations',
  migrations,
  routes,
  globalRoutes,
  errors: observationErrors,
  nav: [
    { path: 'waarnemingen', label: 'nav.observations', order: 20 },
    { path: 'inbox', label: 'nav.inbox', order: 5 },
  ],
  seeds: seedDemoObservations,
  exports: exportObservations,
});
