import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { Link, useRouter } from '../router';
import { useSession } from '../session/session';
import { LanguageSwitch } from './LanguageSwitch';
import { PowerNavItems } from './PowerNav';
import { NotificationBell } from '../notifications/NotificationBell';

/** Landmarks (banner, navigation, main, contentinfo) and a skip link to the main content. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { state, signOut } = useSession();
  const { path, navigate } = useRouter();
  const current = (href: string) => (path === href ? ('page' as const) : undefined);

  return (
    <>
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header className="site-header">
        <Link href="/" className="brand">
          {t.appName}
        </Link>
        <nav aria-label={t.mainNavigation}>
          <ul>
            <li>
              <Link href="/" aria-current={current('/')}>
                {t.nav.home}
              </Link>
            </li>
            <PowerNavItems />
            {state.status === 'signedIn' ? (
              <li>
                <Link href="/propose" aria-current={current('/propose')}>
                  {t.proposalNav.propose}
                </Link>
              </li>
            ) : null}
            {state.status === 'signedIn' ? (
              <li>
                <Link href="/account" aria-current={current('/account')}>
                  {t.account.nav}
                </Link>
              </li>
            ) : null}
            {state.status === 'signedIn' && state.session.member.roles.includes('admin') ? (
              <li>
                <Link href="/admin/members" aria-current={current('/admin/members')}>
                  {t.admin.nav}
                </Link>
              </li>
            ) : null}
            {state.status === 'signedIn' && state.session.member.roles.includes('admin') ? (
              <li>
                <Link href="/admin/areas" aria-current={current('/admin/areas')}>
                  {t.adminAreas.nav}
                </Link>
              </li>
            ) : null}
            {state.status === 'signedIn' ? (
              <li>
                <NotificationBell />
              </li>
            ) : null}
            {state.status === 'signedIn' ? (
              <li>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => void signOut().then(() => navigate('/sign-in'))}
                >
                  {t.nav.signOut}
                </button>
              </li>
            ) : (
              <>
                <li>
                  <Link href="/sign-in" aria-current={current('/sign-in')}>
                    {t.nav.signIn}
                  </Link>
                </li>
                <li>
                  <Link href="/register" aria-current={current('/register')}>
                    {t.nav.register}
                  </Link>
                </li>
              </>
            )}
          </ul>
        </nav>
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t.footer}</p>
      </footer>
    </>
  );
}
