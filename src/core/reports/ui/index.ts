import { defineMessages } from '../../../web/i18n';
import type { ModuleUi } from '../../../web/module-ui';

export const reportsUi: ModuleUi = {
  id: 'reports',
  pages: {},
  nav: defineMessages({}, {}),
};
