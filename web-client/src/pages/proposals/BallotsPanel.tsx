import { useEffect } from 'react';
import { useQuery } from 'urql';
import { bidi, personName } from '../../components/isolate';
import { formatWeight } from '../../components/format';
import { graphql } from '../../gql';
import type { ProposalStatus } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';

const BallotsQuery = graphql(`
  query ProposalBallots($id: ID!) {
    proposal(id: $id) {
      id
      policy {
        privacy
      }
      ballots(first: 50) {
        totalCount
        nodes {
          voter {
            id
            handle
            displayName
          }
          choice
          weight
          carriesMyVote
        }
      }
    }
  }
`);

/**
 * The ballots the proposal's privacy policy shows me (DESIGN §5): while the vote runs, the
 * ballot of the member who carries my vote, so that I can override it; after the close, the
 * public ballots. The server decides what I may see; this only draws it.
 */
export function BallotsPanel({ proposalId, status, refresh }: { proposalId: string; status: ProposalStatus; refresh: number }) {
  const { t, language } = useI18n();
  const b = t.ballots;
  const relevant = status === 'VOTING' || status === 'ACCEPTED' || status === 'REJECTED';
  const [{ data }, refetch] = useQuery({ query: BallotsQuery, variables: { id: proposalId }, pause: !relevant });
  useEffect(() => {
    if (refresh > 0 && relevant) refetch({ requestPolicy: 'network-only' });
  }, [refresh, relevant, refetch]);
  const proposal = data?.proposal;
  if (!relevant || !proposal) return null;

  const ballots = proposal.ballots.nodes;
  const carrier = ballots.find((ballot) => ballot.carriesMyVote);
  return (
    <section aria-labelledby="ballots-heading" className="panel" data-testid="ballots">
      <h2 id="ballots-heading">{b.title}</h2>
      {status === 'VOTING' && carrier ? (
        <div className="notice" data-testid="carrier-ballot">
          <p>{bidi(b.carrierVoted(personName(carrier.voter), b.choices[carrier.choice]))}</p>
          <p>
            <a href="#vote-heading">{b.override}</a>
          </p>
        </div>
      ) : null}
      {status === 'VOTING' ? <p>{b.hiddenWhileVoting}</p> : null}
      {status !== 'VOTING' && ballots.length === 0 ? <p data-testid="no-ballots">{b.none}</p> : null}
      {status !== 'VOTING' && ballots.length > 0 ? (
        <div className="table-scroll">
          <table data-testid="ballot-table">
            <thead>
              <tr>
                <th scope="col">{b.voter}</th>
                <th scope="col">{b.choice}</th>
                <th scope="col">{b.weight}</th>
              </tr>
            </thead>
            <tbody>
              {ballots.map((ballot) => (
                <tr key={ballot.voter.id}>
                  <td>
                    {bidi(personName(ballot.voter))}
                    {ballot.carriesMyVote ? <span className="muted"> · {b.yours}</span> : null}
                  </td>
                  <td>{b.choices[ballot.choice]}</td>
                  <td>{ballot.weight == null ? '—' : formatWeight(ballot.weight, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p className="muted">{b.policy[proposal.policy.privacy]}</p>
    </section>
  );
}
