import { Provider as UrqlProvider } from 'urql';
import { useMemo } from 'react';
import { Layout } from './components/Layout';
import { createGraphQLClient } from './graphql/client';
import { I18nProvider, useI18n } from './i18n/i18n';
import { MembersAdminPage } from './pages/admin/MembersAdminPage';
import { AccountPage } from './pages/account/AccountPage';
import { AreasAdminPage } from './pages/admin/areas/AreasAdminPage';
import { useStoredLanguage } from './pages/account/useStoredLanguage';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { proposalRoute } from './pages/proposals/routes';
import { powerRoute } from './pages/power/routes';
import { rulesRoute } from './pages/rules/routes';
import { notificationsRoute } from './notifications/routes';
import { RegisterPage } from './pages/RegisterPage';
import { SignInPage } from './pages/SignInPage';
import { RouterProvider, useRouter } from './router';
import { SessionProvider, useSession } from './session/session';

function Routes() {
  const { path } = useRouter();
  const { state } = useSession();
  const { t } = useI18n();
  useStoredLanguage();
  if (state.status === 'loading') {
    return (
      <p role="status" className="loading">
        {t.loading}
      </p>
    );
  }
  switch (path) {
    case '/':
      return <HomePage key={path} />;
    case '/sign-in':
      return <SignInPage key={path} />;
    case '/register':
      return <RegisterPage key={path} />;
    case '/account':
      return <AccountPage key={path} />;
    case '/admin/areas':
      return <AreasAdminPage key={path} />;
    case '/admin/members':
      return <MembersAdminPage key={path} />;
    default:
      return proposalRoute(path) ?? powerRoute(path) ?? rulesRoute(path) ?? notificationsRoute(path) ?? <NotFoundPage key={path} />;
  }
}

export function App() {
  const client = useMemo(() => createGraphQLClient(), []);
  return (
    <I18nProvider>
      <UrqlProvider value={client}>
        <RouterProvider>
          <SessionProvider>
            <Layout>
              <Routes />
            </Layout>
          </SessionProvider>
        </RouterProvider>
      </UrqlProvider>
    </I18nProvider>
  );
}
