import { lazy } from 'react';
import { defineMessages } from '../../../web/i18n';
import type { ModuleUi } from '../../../web/module-ui';

/** The young person's questionnaire through the private link (/vragenlijst/:token, no sign-in), loaded on first use. */
export const QuestionnairePublicPage = lazy(() => import('./QuestionnairePublicPage'));

/** The approach across every workspace (/aanpak/schuldenaanpak), for administrators of the installation. */
export const YouthDebtApproachPage = lazy(() => import('./ApproachPage'));

/** The page behind the manifest's nav path `schuldenaanpak`: the overview with participants (by number), a participant with debts and offer, and the settlement calculator of the Jongeren Perspectief Fonds. */
export const youthDebtUi: ModuleUi = {
  id: 'youth-debt',
  pages: {
    schuldenaanpak: lazy(() => import('./YouthDebtPage')),
  },
  nav: defineMessages(
    {
      'nav.youthDebt': 'Schuldenaanpak jongeren',
      'nav.youthDebt.intro': 'Jongeren Perspectief Fonds: een schikkingsvoorstel voor schuldeisers berekenen en de aanpak voor jongeren met schulden volgen.',
    },
    {
      'nav.youthDebt': 'Youth debt approach',
      'nav.youthDebt.intro': 'Jongeren Perspectief Fonds: calculate a settlement offer for creditors and follow the approach for young people with debts.',
    },
  ),
};
