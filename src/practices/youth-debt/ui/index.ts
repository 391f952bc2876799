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
  audit: defineMessages(
    {
      'entity.youth_debt_participant': 'Deelnemer',
      'entity.youth_debt_debt': 'Schuld',
      'entity.youth_debt_debt_document': 'Document bij een schuld',
      'entity.youth_debt_creditor': 'Schuldeiser',
      'entity.youth_debt_offer': 'Schikkingsvoorstel',
      'entity.youth_debt_offer_line': 'Regel van een schikkingsvoorstel',
      'entity.youth_debt_settings': 'Instellingen van de schuldenaanpak',
      'entity.youth_debt_fund': 'Fonds',
      'entity.youth_debt_credit': 'Krediet',
      'entity.youth_debt_ledger_entry': 'Boeking',
      'entity.youth_debt_goal': 'Doel in het plan',
      'entity.youth_debt_step': 'Stap in het plan',
      'entity.youth_debt_contact': 'Contact',
      'entity.youth_debt_outcome': 'Resultaat',
      'entity.youth_debt_questionnaire': 'Vragenlijst',
      'entity.youth_debt_questionnaire_link': 'Link naar een vragenlijst',
      'entity.youth_debt_mkba': 'Maatschappelijke kosten-batenanalyse',
      'action.revoke': 'ingetrokken',
      'action.share_story': 'verhaal gedeeld',
      'action.read_letter': 'brief ingezien',
      'action.read_notes': 'notities ingezien',
    },
    {
      'entity.youth_debt_participant': 'Participant',
      'entity.youth_debt_debt': 'Debt',
      'entity.youth_debt_debt_document': 'Document on a debt',
      'entity.youth_debt_creditor': 'Creditor',
      'entity.youth_debt_offer': 'Settlement offer',
      'entity.youth_debt_offer_line': 'Settlement offer line',
      'entity.youth_debt_settings': 'Youth debt settings',
      'entity.youth_debt_fund': 'Fund',
      'entity.youth_debt_credit': 'Credit',
      'entity.youth_debt_ledger_entry': 'Ledger entry',
      'entity.youth_debt_goal': 'Plan goal',
      'entity.youth_debt_step': 'Plan step',
      'entity.youth_debt_contact': 'Contact',
      'entity.youth_debt_outcome': 'Result',
      'entity.youth_debt_questionnaire': 'Questionnaire',
      'entity.youth_debt_questionnaire_link': 'Questionnaire link',
      'entity.youth_debt_mkba': 'Social cost-benefit analysis',
      'action.revoke': 'revoked',
      'action.share_story': 'story shared',
      'action.read_letter': 'letter viewed',
      'action.read_notes': 'notes viewed',
    },
  ),
};
