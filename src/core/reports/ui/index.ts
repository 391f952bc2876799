import { lazy } from 'react';
import { defineMessages } from '../../../web/i18n';
import type { ModuleUi } from '../../../web/module-ui';

export const reportsUi: ModuleUi = {
  id: 'reports',
  pages: {
    rapportage: lazy(() => import('./ReportPage')),
  },
  nav: defineMessages(
    {
      'nav.reports': 'Rapportage',
      'nav.reports.intro': 'De voortgangsrapportage voor bestuur en bewoners: plan, verhalen, cijfers en besluiten in één document, als webpagina of PDF.',
    },
    {
      'nav.reports': 'Reports',
      'nav.reports.intro': 'The progress report for the board and residents: plan, stories, figures and decisions in one document, as a web page or PDF.',
    },
  ),
};
