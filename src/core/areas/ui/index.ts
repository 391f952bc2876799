import { lazy } from 'react';
import { defineMessages } from '../../../web/i18n';
import type { ModuleUi } from '../../../web/module-ui';

/** The page behind the manifest's nav path `gebieden` (list, detail, new, import and map below it). */
export const areasUi: ModuleUi = {
  id: 'areas',
  pages: {
    gebieden: lazy(() => import('./AreasPage')),
  },
  nav: defineMessages(
    {
      'nav.areas': 'Gebieden',
      'nav.areas.intro': 'Gemeenten, wijken en buurten van CBS per jaar, eigen gebieden, en een kaart met de grenzen.',
    },
    {
      'nav.areas': 'Areas',
      'nav.areas.intro': 'CBS municipalities, districts and neighbourhoods per year, your own areas, and a map of their boundaries.',
    },
  ),
  audit: defineMessages(
    {
      'entity.area': 'Gebied',
      'entity.area_team': 'Gebiedsteam',
      'entity.area_import': 'Import van gebieden',
    },
    {
      'entity.area': 'Area',
      'entity.area_team': 'Area team',
      'entity.area_import': 'Area import',
    },
  ),
};
