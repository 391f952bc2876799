import { Suspense, useEffect, type ReactNode } from 'react';
import { Navigate, Outlet, useLocation, useParams } from 'react-router';
import { ApiError } from '../api';
import { shellMessages } from '../messages';
import { useLocale, useT } from '../i18n';
import { applyTheme, useSession, type SessionView } from '../session';
import { ExternalLink, LoadError, Loading, NoticeArea, TitleParts, useFocusOnNavigation } from '../ui';
import { useNavQuery, useWorkspaceQuery, WorkspaceProvider, type NavItem, type WorkspaceView } from '../workspace';
import { NotFoundPage } from '../pages/NotFoundPage';
import { Header } from './Header';

function SkipLink() {
  const t = useT(shellMessages);
  return (
    <a
      className="nl-skip-link nl-skip-link--visible-on-focus"
      href="#main"
      onClick={(event) => {
        const main = document.getElementById('main');
        if (!main) return;
        event.preventDefault();
        main.focus();
      }}
    >
      {t('skip.toMain')}
    </a>
  );
}

function Footer({ session }: { session: SessionView }) {
  const t = useT(shellMessages);
  return (
    <footer className="dichter-footer">
      <p className="nl-paragraph dichter-small">
        {t('footer.text', { version: session.version })} <ExternalLink href="/api/docs">{t('footer.api')}</ExternalLink>
      </p>
    </footer>
  );
}

/**
 * The language when this device remembers no choice: the one saved in the account, else the
 * workspace's default (inside a workspace), else Dutch.
 */
function useStartLocale(session: SessionView, workspace?: WorkspaceView) {
  const { suggestLocale } = useLocale();
  const preferred = session.user?.locale ?? workspace?.defaultLocale ?? 'nl';
  useEffect(() => suggestLocale(preferred), [preferred, suggestLocale]);
}

/** Header, skip link, main landmark and footer around every page. */
export function Frame({ session, workspace, nav, children }: { session: SessionView; workspace?: WorkspaceView; nav?: NavItem[]; children: ReactNode }) {
  useFocusOnNavigation();
  useStartLocale(session, workspace);
  const theme = workspace?.theme ?? session.theme;
  useEffect(() => applyTheme(theme), [theme]);
  return (
    <>
      <SkipLink />
      <Header session={session} workspace={workspace} nav={nav} />
      <main id="main" tabIndex={-1} className="dichter-main">
        <NoticeArea />
        <Suspense fallback={<Loading />}>{children}</Suspense>
      </main>
      <Footer session={session} />
    </>
  );
}

/** Pages that need an account; others are sent to the sign-in page and come back afterwards. */
export function SignedInLayout() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (session.isError) return <LoadError error={session.error} onRetry={() => session.refetch()} />;
  if (!session.data.user) return <Navigate to="/inloggen" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return (
    <Frame session={session.data}>
      <Outlet />
    </Frame>
  );
}

/** Pages inside one workspace: its theme, its menu (from GET /nav) and its name in the title. */
export function WorkspaceLayout() {
  const { slug = '' } = useParams();
  const session = useSession();
  const location = useLocation();
  const workspace = useWorkspaceQuery(slug);
  const nav = useNavQuery(slug);
  if (session.isPending) return <Loading />;
  if (session.isError) return <LoadError error={session.error} onRetry={() => session.refetch()} />;
  if (!session.data.user) return <Navigate to="/inloggen" replace state={{ from: `${location.pathname}${location.search}` }} />;
  const error = workspace.error ?? nav.error;
  const ready = workspace.data && nav.data ? { workspace: workspace.data, nav: nav.data.items } : null;
  let content: ReactNode;
  if (error) content = error instanceof ApiError && error.status === 404 ? <NotFoundPage /> : <LoadError error={error} onRetry={() => (workspace.refetch(), nav.refetch())} />;
  else if (!ready) content = <Loading />;
  // A new workspace is a new page: forms start from its own settings.
  else content = <Outlet key={slug} />;
  return (
    <WorkspaceProvider value={ready}>
      <TitleParts parts={ready ? [ready.workspace.name] : []}>
        <Frame session={session.data} workspace={ready?.workspace} nav={ready?.nav}>
          {content}
        </Frame>
      </TitleParts>
    </WorkspaceProvider>
  );
}

/** Pages for everyone (sign-in): the same frame without account menus. */
export function PublicLayout() {
  const session = useSession();
  if (session.isPending) return <Loading />;
  if (session.isError) return <LoadError error={session.error} onRetry={() => session.refetch()} />;
  return (
    <Frame session={session.data}>
      <Outlet />
    </Frame>
  );
}
