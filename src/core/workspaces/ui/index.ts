import { lazy } from 'react';
import { defineMessages } from '../../../web/i18n';
import type { ModuleUi } from '../../../web/module-ui';

/** Pages behind the nav paths of manifest.ts (instellingen, leden, partners, convenant, audit). */
export const workspacesUi: ModuleUi = {
  id: 'workspaces',
  pages: {
    convenant: lazy(() => import('./CharterPage')),
    partners: lazy(() => import('./PartnersPage')),
    leden: lazy(() => import('./MembersPage')),
    instellingen: lazy(() => import('./SettingsPage')),
    audit: lazy(() => import('./AuditPage')),
  },
  nav: defineMessages(
    {
      'nav.charter': 'Convenant',
      'nav.charter.intro': 'De gedeelde waarden van de partners, en wie het convenant heeft ondertekend.',
      'nav.partners': 'Partners',
      'nav.partners.intro': 'De organisaties die meedoen: gemeente, corporaties, zorg, welzijn, school, politie en bewoners.',
      'nav.members': 'Leden',
      'nav.members.intro': 'Wie er meewerkt in deze werkruimte, en met welke rol.',
      'nav.settings': 'Instellingen',
      'nav.settings.intro': 'Naam, beschrijving, reactietermijn, taal en huisstijl van de werkruimte.',
      'nav.audit': 'Auditlog',
      'nav.audit.intro': 'Wie wat heeft gewijzigd, en wanneer.',
    },
    {
      'nav.charter': 'Charter',
      'nav.charter.intro': 'The values the partners share, and who signed the charter.',
      'nav.partners': 'Partners',
      'nav.partners.intro': 'The organisations taking part: municipality, housing corporations, care, welfare, school, police and residents.',
      'nav.members': 'Members',
      'nav.members.intro': 'Who works in this workspace, and in which role.',
      'nav.settings': 'Settings',
      'nav.settings.intro': 'Name, description, response time, language and theme of the workspace.',
      'nav.audit': 'Audit log',
      'nav.audit.intro': 'Who changed what, and when.',
    },
  ),
};

/** Pages outside the workspace menu that the shell routes to itself. */
export const workspacePages = {
  WorkspaceListPage: lazy(() => import('./WorkspaceListPage')),
  NewWorkspacePage: lazy(() => import('./NewWorkspacePage')),
  OverviewPage: lazy(() => import('./OverviewPage')),
};
