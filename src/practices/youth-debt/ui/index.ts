import { defineMessages } from '../../../web/i18n';
import type { ModuleUi } from '../../../web/module-ui';

export const youthDebtUi: ModuleUi = {
  id: 'youth-debt',
  pages: {},
  nav: defineMessages({}, {}),
};
