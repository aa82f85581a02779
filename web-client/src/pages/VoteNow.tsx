import { useQuery } from 'urql';
import { formatDate } from '../components/format';
import { bidi, isolate, personName } from '../components/isolate';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';

const VoteNowQuery = graphql(`
  query VoteNow {
    proposals(status: VOTING, orderBy: NEW, first: 20) {
      nodes {
        id
        title
        votingEndsAt
        myVote
        whereDoesMyVoteGo {
          outcome
          carrier {
            id
            handle
            displayName
          }
        }
      }
    }
  }
`);

/**
 * The home page's first section: every vote open now, closing soonest first, each with its
 * close time and what happens to my vote there (I voted, who carries it, or nobody).
 */
export function VoteNow() {
  const { t, language } = useI18n();
  const v = t.voteNow;
  const [{ data }] = useQuery({ query: VoteNowQuery, requestPolicy: 'cache-and-network' });
  if (!data) return null;
  const votes = [...data.proposals.nodes].sort((a, b) => (a.votingEndsAt ?? '').localeCompare(b.votingEndsAt ?? ''));
  return (
    <section aria-labelledby="vote-now-heading" className="panel" data-testid="vote-now">
      <h2 id="vote-now-heading">{v.title}</h2>
      {votes.length === 0 ? (
        <p>{v.none}</p>
      ) : (
        <ul className="proposal-items">
          {votes.map((p) => {
            const path = p.whereDoesMyVoteGo;
            const mine = p.myVote
              ? v.voted(t.ballots.choices[p.myVote])
              : path?.outcome === 'CARRIED' && path.carrier
                ? v.carried(personName(path.carrier))
                : path?.outcome === 'NO_VOTING_RIGHT'
                  ? v.noRight
                  : v.notCast;
            return (
              <li key={p.id} className="proposal-item" data-testid="vote-now-item">
                <Link href={`/proposals/${encodeURIComponent(p.id)}`} className="proposal-title">
                  {bidi(isolate(p.title))}
                </Link>
                <span className="proposal-facts">
                  {p.votingEndsAt ? <span>{v.closes(formatDate(p.votingEndsAt, language))}</span> : null}
                  <span data-testid="vote-now-mine" className={p.myVote || path?.outcome === 'CARRIED' ? undefined : 'vote-now-open'}>
                    {bidi(mine)}
                  </span>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
