import { lazy } from 'react';
import { defineMessages } from '../../../web/i18n';
import type { ModuleUi } from '../../../web/module-ui';

/**
 * The page behind the manifest's nav path `regels`: the register, one rule with its deviations,
 * tests and decisions, the forms (rule, deviation, decision), rules under pressure and rule load.
 * It also adds the deviations that await the member to the inbox page (`inboxSection`).
 */
export const rulesUi: ModuleUi = {
  id: 'rules',
  pages: {
    regels: lazy(() => import('./RulesPage')),
  },
  inboxSection: lazy(() => import('./InboxSection')),
  nav: defineMessages(
    {
      'nav.rules': 'Regels',
      'nav.rules.intro': 'Het regelregister met de bedoeling van elke regel: afwijken en uitleggen, regels onder druk, besluiten en regeldruk.',
    },
    {
      'nav.rules': 'Rules',
      'nav.rules.intro': 'The rule register with the intent of each rule: deviate and explain, rules under pressure, decisions and rule load.',
    },
  ),
  audit: defineMessages(
    {
      'entity.rule': 'Regel',
      'entity.rule_import': 'Import van regels',
      'entity.rule_review': 'Herziening van een regel',
      'entity.rule_test': 'Toets van een regel',
      'entity.deviation': 'Afwijking',
      'action.outcome': 'uitkomst vastgelegd',
    },
    {
      'entity.rule': 'Rule',
      'entity.rule_import': 'Rule import',
      'entity.rule_review': 'Rule review',
      'entity.rule_test': 'Rule test',
      'entity.deviation': 'Deviation',
      'action.outcome': 'outcome recorded',
    },
  ),
};
