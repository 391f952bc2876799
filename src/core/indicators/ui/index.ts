import { lazy } from 'react';
import { defineMessages } from '../../../web/i18n';
import type { ModuleUi } from '../../../web/module-ui';

/**
 * The page behind the manifest's nav path `indicatoren`: the indicator list, one indicator with
 * its trend, its comparison with peer areas and its composition analysis, and the import of
 * CBS files and own figures.
 */
export const indicatorsUi: ModuleUi = {
  id: 'indicators',
  pages: {
    indicatoren: lazy(() => import('./IndicatorsPage')),
  },
  nav: defineMessages(
    {
      'nav.indicators': 'Indicatoren',
      'nav.indicators.intro': 'Cijfers per buurt en wijk naast hun buren: trends, waar aandacht nodig is, en een waarschuwing als een gemiddelde alleen verandert doordat er andere mensen wonen.',
    },
    {
      'nav.indicators': 'Indicators',
      'nav.indicators.intro': 'Figures per neighbourhood and district beside their peers: trends, where attention is needed, and a warning when an average changes only because different people live there.',
    },
  ),
  audit: defineMessages(
    {
      'entity.indicator': 'Indicator',
      'entity.indicator_import': 'Import van cijfers',
      'entity.indicator_panel': 'Dashboardpaneel',
      'entity.measurement': 'Meting',
    },
    {
      'entity.indicator': 'Indicator',
      'entity.indicator_import': 'Figures import',
      'entity.indicator_panel': 'Dashboard panel',
      'entity.measurement': 'Measurement',
    },
  ),
};
