import { defineMessages } from '../../../web/i18n';
import type { ModuleUi } from '../../../web/module-ui';

export const indicatorsUi: ModuleUi = {
  id: 'indicators',
  pages: {},
  nav: defineMessages({}, {}),
};
