import { lazy } from 'react';
import { Route, Routes, useParams } from 'react-router';
import { NotFoundPage } from './pages/NotFoundPage';
import { PublicLayout, SignedInLayout, WorkspaceLayout } from './layout/Layout';
import { moduleUis } from './modules';
import { workspacePages } from '../core/workspaces/ui';
import { PublicLadderPage } from '../core/ladder/ui';
import { PublicFollowUpPage, PublicListPage, PublicReportPage } from '../core/observations/ui/public';
import { QuestionnairePublicPage, YouthDebtApproachPage } from '../practices/youth-debt/ui';
import { useWorkspace } from './workspace';

const SignInPage = lazy(() => import('./pages/SignInPage'));
const TokensPage = lazy(() => import('./pages/TokensPage'));

/**
 * `/w/:slug/<path>/…`: the page a module registered for that nav path. Only paths in this member's
 * menu (GET /nav) are reachable, so the web app never shows what the role may not use.
 */
function ModulePage() {
  const { section = '' } = useParams();
  const { nav } = useWorkspace();
  const entry = moduleUis.pages.get(section);
  if (!entry || !nav.some((item) => item.path === section)) return <NotFoundPage />;
  return <entry.Page />;
}

export function App() {
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route path="/inloggen" element={<SignInPage />} />
        <Route path="/openbaar/:slug" element={<PublicLadderPage />} />
        <Route path="/openbaar/:slug/gebied/:areaCode" element={<PublicLadderPage />} />
        <Route path="/openbaar/:slug/melden" element={<PublicReportPage />} />
        <Route path="/openbaar/:slug/meldingen" element={<PublicListPage />} />
        <Route path="/melding/:token" element={<PublicFollowUpPage />} />
        <Route path="/vragenlijst/:token" element={<QuestionnairePublicPage />} />
      </Route>
      <Route element={<SignedInLayout />}>
        <Route index element={<workspacePages.WorkspaceListPage />} />
        <Route path="werkruimtes/nieuw" element={<workspacePages.NewWorkspacePage />} />
        <Route path="account/tokens" element={<TokensPage />} />
        <Route path="aanpak/schuldenaanpak" element={<YouthDebtApproachPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
      <Route path="/w/:slug" element={<WorkspaceLayout />}>
        <Route index element={<workspacePages.OverviewPage />} />
        <Route path=":section/*" element={<ModulePage />} />
      </Route>
    </Routes>
  );
}
