import { definePolicy } from '../../platform/policy';
import { ROLES } from '../../core/workspaces/schema';

/** Who works on the cases: the programme, coaches (professionals) and counsellors (often of a partner such as the credit bank). */
const caseWorkers = ['beheerder', 'programmamanager', 'professional', 'partner'] as const;

export const youthDebtPolicy = definePolicy({
  /** Try a settlement offer or an MKBA without saving anything: every member. */
  'youth_debt.preview': ROLES,
  /** The dashboard: aggregates only (no names, no participant numbers), for every member. */
  'youth_debt.dashboard.read': ROLES,
  /** The workspace's settings for the offer (term, multiplier): read by all, kept by the programme. */
  'youth_debt.settings.read': ROLES,
  'youth_debt.settings.manage': ['beheerder', 'programmamanager'],
  /**
   * Participants (by number, pseudonymous), their debts and offers. Names, contact details and
   * dates of birth are further limited to the participant's own coach and counsellor (service).
   */
  'youth_debt.case.read': caseWorkers,
  'youth_debt.case.manage': caseWorkers,
  /**
   * Who may (re)assign a participant's coach and counsellor once registered: the programme only,
   * because the assignment is what opens the name, contact and date of birth.
   */
  'youth_debt.case.assign': ['beheerder', 'programmamanager'],
  /** The shared creditor list with addresses for letters. */
  'youth_debt.creditor.read': caseWorkers,
  'youth_debt.creditor.manage': caseWorkers,
});
