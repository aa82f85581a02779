import { useQuery } from 'urql';
import { PageHeading } from '../../components/PageHeading';
import { graphql } from '../../gql';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { useSession } from '../../session/session';
import { DataSection } from './DataSection';
import { LanguageSection } from './LanguageSection';
import { PasswordSection } from './PasswordSection';
import { SessionsSection } from './SessionsSection';
import { TokensSection } from './TokensSection';

const AccountQuery = graphql(`
  query Account {
    viewer {
      handle
      language
      sessions {
        id
        createdAt
        expiresAt
        userAgent
        current
      }
      accessTokens {
        id
        name
        scopes
        createdAt
        expiresAt
        lastUsedAt
      }
    }
  }
`);

/** /account: the member's password, sessions, personal access tokens and language. */
export function AccountPage() {
  const { t } = useI18n();
  const a = t.account;
  const { state } = useSession();
  const signedIn = state.status === 'signedIn';
  const [{ data }, refetch] = useQuery({ query: AccountQuery, pause: !signedIn, requestPolicy: 'cache-and-network' });
  if (!signedIn) {
    return (
      <>
        <PageHeading>{a.title}</PageHeading>
        <p>
          <Link href="/sign-in">{a.signInFirst}</Link>
        </p>
      </>
    );
  }

  const reload = () => refetch({ requestPolicy: 'network-only' });
  const viewer = data?.viewer;
  return (
    <>
      <PageHeading>{a.title}</PageHeading>
      <p className="lead">{a.intro}</p>
      <PasswordSection onDone={reload} />
      {viewer ? (
        <>
          <SessionsSection rows={viewer.sessions} onDone={reload} />
          <TokensSection rows={viewer.accessTokens} onDone={reload} />
          {/* Keyed by the stored value: a save's refetch must not reset the choice being made. */}
          <LanguageSection key={viewer.handle} stored={viewer.language ?? null} onDone={reload} />
          <DataSection />
        </>
      ) : (
        <p role="status">{t.loading}</p>
      )}
    </>
  );
}
