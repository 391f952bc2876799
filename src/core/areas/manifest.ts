import { defineModule } from '../../platform/module';
import { areaErrors } from './errors';
import { exportAreas } from './exports';
import { migrations } from './migrations';
import { globalRoutes, routes } from './routes';
import { seedDemoAreas } from './seeds';
import { registerAreaUses } from './service';

export default defineModule({
  id: 'areas',
  migrations,
  routes,
  globalRoutes,
  errors: areaErrors,
  nav: [{ path: 'gebieden', label: 'nav.areas', order: 30 }],
  seeds: seedDemoAreas,
  exports: exportAreas,
  start: (services) => registerAreaUses(services.areaUses),
});
