import { defineModule } from '../../platform/module';
import { workspaceErrors } from './errors';
import { migrations } from './migrations';
import { globalRoutes, routes } from './routes';
import { membershipSql, resolveMembership } from './service';
import { seedDemoWorkspace } from './seeds';
import { exportWorkspace } from './exports';
import { workspaceReportSections } from './report';

export default defineModule({
  id: 'workspaces',
  migrations,
  routes,
  globalRoutes,
  errors: workspaceErrors,
  tenancy: resolveMembership,
  tenancySql: membershipSql,
  nav: [
    { path: 'instellingen', label: 'nav.settings', order: 90, roles: ['beheerder'] },
    { path: 'leden', label: 'nav.members', order: 80 },
    { path: 'partners', label: 'nav.partners', order: 20 },
    { path: 'convenant', label: 'nav.charter', order: 10 },
    { path: 'audit', label: 'nav.audit', order: 95, roles: ['beheerder'] },
  ],
  seeds: seedDemoWorkspace,
  exports: exportWorkspace,
  reportSections: workspaceReportSections,
});
