import { useEffect } from 'react';
import { useQuery } from 'urql';
import { DelegationRouteView } from '../../components/DelegationRouteView';
import { formatWeight } from '../../components/format';
import { bidi, isolate } from '../../components/isolate';
import { graphql } from '../../gql';
import type { ProposalPageQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { PathEndorsements, VotePathView } from './VotePathView';

const WeightQuery = graphql(`
  query MyWeight($area: ID!) {
    viewer {
      carriedWeight(area: $area)
      isSuperDelegate(area: $area)
    }
  }
`);

/** The weight I would carry in the proposal's area: it moves when someone delegates to me. */
function MyWeight({ areaId, areaName, refresh, votesHere }: { areaId: string; areaName: string; refresh: number; votesHere: boolean }) {
  const { t, language } = useI18n();
  const [{ data }, refetch] = useQuery({ query: WeightQuery, variables: { area: areaId } });
  useEffect(() => {
    if (refresh > 0) refetch({ requestPolicy: 'network-only' });
  }, [refresh, refetch]);
  const viewer = data?.viewer;
  // "In the area you pass your vote on" beside "you vote yourself" would contradict the path:
  // on this proposal my own vote counts, whatever I delegated for the area.
  if (!viewer || (viewer.carriedWeight == null && votesHere)) return null;
  return (
    <>
      <p data-testid="my-weight">
        {bidi(viewer.carriedWeight == null ? t.votePath.passesOn(areaName) : t.votePath.weight(formatWeight(viewer.carriedWeight, language), areaName))}
      </p>
      {viewer.isSuperDelegate ? <p className="notice">{t.votePath.superDelegate}</p> : null}
    </>
  );
}

/** Statuses in which the proposal's vote is still to come or under way. */
export const undecidedStatuses: string[] = ['OPEN', 'ON_AGENDA', 'SCHEDULED', 'VOTING'];

type ProposalData = NonNullable<ProposalPageQuery['proposal']>;

/** "Where does my vote go?": the path, the delegation route, my weight here, and a link to delegate for this proposal. */
export function VotePathSection({ proposal, refresh }: { proposal: Pick<ProposalData, 'id' | 'status' | 'area' | 'whereDoesMyVoteGo'>; refresh: number }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="path-heading" className="panel">
      <h2 id="path-heading">{t.votePath.title}</h2>
      {proposal.whereDoesMyVoteGo ? <VotePathView path={proposal.whereDoesMyVoteGo} decided={!undecidedStatuses.includes(proposal.status)} /> : <p>{t.votePath.noPath}</p>}
      {proposal.whereDoesMyVoteGo?.route ? (
        <DelegationRouteView route={proposal.whereDoesMyVoteGo.route} votedDirectly={proposal.whereDoesMyVoteGo.outcome === 'VOTES_DIRECTLY'} />
      ) : null}
      {proposal.whereDoesMyVoteGo ? <PathEndorsements path={proposal.whereDoesMyVoteGo} /> : null}
      <MyWeight areaId={proposal.area.id} areaName={isolate(proposal.area.name)} refresh={refresh} votesHere={proposal.whereDoesMyVoteGo?.outcome === 'VOTES_DIRECTLY'} />
      {/* A delegation for this proposal only matters while its vote is still to come. */}
      {undecidedStatuses.includes(proposal.status) ? (
        <p>
          <Link href={`/delegations?proposal=${encodeURIComponent(proposal.id)}`}>{t.votePath.delegateForProposal}</Link>
        </p>
      ) : null}
    </section>
  );
}
