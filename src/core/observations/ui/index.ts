import { lazy } from 'react';
import { defineMessages } from '../../../web/i18n';
import type { ModuleUi } from '../../../web/module-ui';

/**
 * The pages behind the manifest's nav paths `waarnemingen` (list, new, one observation, edit,
 * standard answers below it), `inbox` (what awaits my answer, and what I reported) and
 * `verhalen` (Most Significant Change: domains, periods, selection rounds).
 */
export const observationsUi: ModuleUi = {
  id: 'observations',
  pages: {
    waarnemingen: lazy(() => import('./ObservationsPage')),
    inbox: lazy(() => import('./InboxPage')),
    verhalen: lazy(() => import('./MscPage')),
  },
  nav: defineMessages(
    {
      'nav.observations': 'Waarnemingen',
      'nav.observations.intro': 'Verhalen, signalen, knelpunten, ideeën en successen uit de praktijk: zoeken, filteren, beantwoorden en exporteren.',
      'nav.inbox': 'Mijn inbox',
      'nav.inbox.intro': 'Wat op uw antwoord wacht, te laat eerst, en hoe het staat met wat u zelf meldde.',
      'nav.msc': 'Betekenisvolle verhalen',
      'nav.msc.intro': 'Verhalen per domein en periode; een panel kiest de meest betekenisvolle en vertelt de vertellers waarom (Most Significant Change).',
    },
    {
      'nav.observations': 'Observations',
      'nav.observations.intro': 'Stories, signals, bottlenecks, ideas and successes from practice: search, filter, answer and export.',
      'nav.inbox': 'My inbox',
      'nav.inbox.intro': 'What awaits your answer, overdue first, and where the things you reported stand.',
      'nav.msc': 'Significant stories',
      'nav.msc.intro': 'Stories per domain and period; a panel picks the most significant ones and tells the storytellers why (Most Significant Change).',
    },
  ),
  audit: defineMessages(
    {
      'entity.observation': 'Waarneming',
      'entity.observation_attachment': 'Bijlage bij een waarneming',
      'entity.observation_template': 'Standaardantwoord',
      'entity.observation_retention': 'Bewaartermijn van waarnemingen',
      'entity.msc_domain': 'Domein van verandering',
      'entity.msc_period': 'Verzamelperiode',
      'entity.msc_round': 'Selectieronde',
      'entity.msc_selection': 'Keuze in een selectieronde',
      'entity.msc_story_domain': 'Domein van een verhaal',
      'action.transition': 'van status veranderd',
      'action.rate': 'beoordeeld door de melder',
      'action.retention_delete': 'verwijderd na de bewaartermijn',
    },
    {
      'entity.observation': 'Observation',
      'entity.observation_attachment': 'Observation attachment',
      'entity.observation_template': 'Standard answer',
      'entity.observation_retention': 'Observation retention',
      'entity.msc_domain': 'Domain of change',
      'entity.msc_period': 'Collection period',
      'entity.msc_round': 'Selection round',
      'entity.msc_selection': 'Choice in a selection round',
      'entity.msc_story_domain': 'Domain of a story',
      'action.transition': 'changed status',
      'action.rate': 'rated by the reporter',
      'action.retention_delete': 'deleted after the retention period',
    },
  ),
};
