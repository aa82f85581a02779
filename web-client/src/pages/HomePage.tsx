import { useQuery } from 'urql';
import { bidi, isolate } from '../components/isolate';
import { PageHeading } from '../components/PageHeading';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { useSession } from '../session/session';
import { ProposalList } from './proposals/ProposalList';
import { VoteNow } from './VoteNow';

const VotingRightQuery = graphql(`
  query ViewerVotingRight {
    viewer {
      votingRightReason
      member {
        id
        votingRight
      }
    }
  }
`);

/** Why a signed-in member cannot vote, when they cannot: the server's reason, in their words. */
function VotingRightNotice() {
  const { t } = useI18n();
  const [{ data }] = useQuery({ query: VotingRightQuery, requestPolicy: 'cache-and-network' });
  const viewer = data?.viewer;
  if (!viewer || viewer.member.votingRight) return null;
  return (
    <p className="notice" data-testid="no-voting-right">
      {t.voting.noVotingRight(viewer.votingRightReason)}
    </p>
  );
}

export function HomePage() {
  const { t } = useI18n();
  const { state, signOut } = useSession();

  if (state.status !== 'signedIn') {
    return (
      <>
        <PageHeading>{t.welcome.title}</PageHeading>
        <p className="lead">{t.welcome.intro}</p>
        <ul className="actions">
          <li>
            {t.welcome.signInPrompt} <Link href="/sign-in">{t.nav.signIn}</Link>
          </li>
          <li>
            {t.welcome.registerPrompt} <Link href="/register">{t.nav.register}</Link>
          </li>
        </ul>
        <section aria-labelledby="proposals-heading" className="panel">
          <h2 id="proposals-heading">{t.home.proposalsTitle}</h2>
          <ProposalList />
        </section>
      </>
    );
  }

  const { member } = state.session;
  return (
    <>
      <PageHeading>{t.home.title}</PageHeading>
      <div className="signed-in">
        <p data-testid="signed-in-as">{bidi(t.home.signedInAs(isolate(member.displayName), member.handle))}</p>
        <button type="button" className="button button-secondary" onClick={() => void signOut()}>
          {t.nav.signOut}
        </button>
      </div>
      <VotingRightNotice />
      <VoteNow />
      <section aria-labelledby="proposals-heading" className="panel">
        <h2 id="proposals-heading">{t.home.proposalsTitle}</h2>
        <ProposalList />
      </section>
    </>
  );
}
