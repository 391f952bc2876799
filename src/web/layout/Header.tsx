import { useRef, useState } from 'react';
import { NavLink, useNavigate } from 'react-router';
import { shellMessages } from '../messages';
import { moduleUis } from '../modules';
import { useLocale, useT } from '../i18n';
import { useSignOut, useSwitchLocale, type SessionView } from '../session';
import { Disclosure, Link } from '../ui';
import { useMyWorkspaces, type NavItem, type WorkspaceView } from '../workspace';

function LanguageSwitch() {
  const { locale } = useLocale();
  const switchLocale = useSwitchLocale();
  const t = useT(shellMessages);
  const other = locale === 'nl' ? 'en' : 'nl';
  return (
    <button
      type="button"
      className="utrecht-button utrecht-button--subtle dichter-header__language"
      lang={other}
      aria-label={t('header.languageLabel')}
      onClick={() => void switchLocale(other)}
    >
      {t('header.language')}
    </button>
  );
}

function WorkspaceSwitcher({ current }: { current?: WorkspaceView }) {
  const t = useT(shellMessages);
  const workspaces = useMyWorkspaces();
  return (
    <Disclosure
      className="dichter-header__switcher"
      label={current ? <>{current.name}</> : t('header.workspaces')}
      buttonLabel={current ? t('header.workspaceSwitcher', { name: current.name }) : undefined}
    >
      <p className="nl-paragraph dichter-menu__title">{t('header.chooseWorkspace')}</p>
      <ul className="dichter-menu">
        {workspaces.data?.items.map((w) => (
          <li key={w.id}>
            <Link to={`/w/${w.slug}`} aria-current={current?.slug === w.slug ? 'true' : undefined}>
              {w.name}
            </Link>
          </li>
        ))}
        <li className="dichter-menu__separator">
          <Link to="/">{t('header.allWorkspaces')}</Link>
        </li>
        <li>
          <Link to="/werkruimtes/nieuw">{t('header.newWorkspace')}</Link>
        </li>
      </ul>
    </Disclosure>
  );
}

function AccountMenu({ session }: { session: SessionView }) {
  const t = useT(shellMessages);
  const signOut = useSignOut();
  const navigate = useNavigate();
  const name = session.user?.name ?? '';
  return (
    <Disclosure className="dichter-header__account" panelClassName="dichter-disclosure__panel--end" label={t('header.account')} buttonLabel={t('header.accountOf', { name })}>
      <p className="nl-paragraph dichter-menu__title">
        {name}
        <br />
        <span className="dichter-small">{session.user?.email}</span>
      </p>
      <ul className="dichter-menu">
        <li>
          <Link to="/account/tokens">{t('header.tokens')}</Link>
        </li>
        <li>
          <button
            type="button"
            className="utrecht-button utrecht-button--subtle dichter-menu__button"
            onClick={async () => {
              await signOut().catch(() => undefined);
              navigate('/inloggen', { replace: true, state: { notice: t('signIn.signedOut') } });
            }}
          >
            {t('header.signOut')}
          </button>
        </li>
      </ul>
    </Disclosure>
  );
}

/** The workspace menu from GET /nav; behind a menu button on narrow screens. */
function WorkspaceNav({ workspace, items }: { workspace: WorkspaceView; items: NavItem[] }) {
  const t = useT(shellMessages);
  const navT = useT(moduleUis.nav);
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const base = `/w/${workspace.slug}`;
  const link = ({ isActive }: { isActive: boolean }) => `dichter-nav__link${isActive ? ' dichter-nav__link--current' : ''}`;
  return (
    <nav
      className="dichter-nav"
      aria-label={t('nav.label')}
      onKeyDown={(event) => {
        // On a phone the open menu closes with Escape, like the other menus.
        if (event.key === 'Escape' && open) {
          setOpen(false);
          toggle.current?.focus();
        }
      }}
    >
      <button
        ref={toggle}
        type="button"
        className="utrecht-button utrecht-button--secondary-action dichter-nav__toggle"
        aria-expanded={open}
        aria-controls="workspace-nav-list"
        onClick={() => setOpen((v) => !v)}
      >
        <span className="dichter-nav__toggle-icon" aria-hidden="true" />
        {t('nav.menu')}
      </button>
      <ul
        id="workspace-nav-list"
        className="dichter-nav__list"
        data-open={open ? 'true' : 'false'}
        onClick={(event) => {
          if ((event.target as HTMLElement).closest('a')) setOpen(false);
        }}
      >
        <li>
          <NavLink end to={base} className={link}>
            {t('nav.overview')}
          </NavLink>
        </li>
        {items.map((item) => (
          <li key={item.path}>
            <NavLink to={`${base}/${item.path}`} className={link}>
              {navT(item.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function Header({ session, workspace, nav }: { session: SessionView; workspace?: WorkspaceView; nav?: NavItem[] }) {
  const t = useT(shellMessages);
  return (
    <header className="dichter-header">
      <div className="dichter-header__bar">
        <Link to="/" className="dichter-brand">
          {t('app.name')}
        </Link>
        {session.user && <WorkspaceSwitcher current={workspace} />}
        <div className="dichter-header__tools">
          <LanguageSwitch />
          {session.user && <AccountMenu session={session} />}
        </div>
      </div>
      {workspace && nav && <WorkspaceNav workspace={workspace} items={nav} />}
    </header>
  );
}
