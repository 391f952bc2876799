import { lazy } from 'react';

/**
 * The resident-facing pages of the observations module (no sign-in), each loaded on first use:
 * report (/openbaar/:slug/melden), follow-up through the private link (/melding/:token) and
 * the public list with its map (/openbaar/:slug/meldingen).
 */
export const PublicReportPage = lazy(() => import('./PublicReportPage'));
export const PublicFollowUpPage = lazy(() => import('./PublicFollowUpPage'));
export const PublicListPage = lazy(() => import('./PublicListPage'));
