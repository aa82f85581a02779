import { useCallback, useEffect, useRef, useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { useSocketState } from '../../components/LiveStatus';
import { useThrottled } from '../../components/throttle';
import { graphql } from '../../gql';
import { useSession } from '../../session/session';

const ProposalQuery = graphql(`
  query ProposalPage($id: ID!) {
    proposal(id: $id) {
      id
      title
      body
      status
      createdAt
      editedAt
      reworkUntil
      mergedInto {
        id
        title
      }
      score
      supporterCount
      mySupport
      myVote
      hidden {
        reason
        automatic
        appealedAt
        decidedAt
      }
      issue {
        id
        ranked
      }
      appeal {
        deadline
        outcome
        score
        supporterCount
        target
        minimumSupporters
      }
      policy {
        ...PolicyPanel
      }
      area {
        id
        name
      }
      author {
        id
        handle
        displayName
      }
      statusHistory {
        status
        at
        reason
        appealOutcome
        actor {
          id
          handle
          displayName
        }
      }
      whereDoesMyVoteGo {
        outcome
        route {
          ...DelegationRouteFields
        }
        arrivingWeight
        carrier {
          id
          handle
          displayName
        }
        deadEnd {
          id
          handle
          displayName
        }
        cycle {
          id
          handle
          displayName
        }
        hops {
          rank
          scope {
            kind
          }
          from {
            id
            handle
            displayName
          }
          to {
            id
            handle
            displayName
          }
        }
      }
      tally {
        yes
        no
        abstain
        quorumReached
        passed
      }
    }
    viewer {
      member {
        id
        votingRight
      }
      allowance
      allowanceLeft
      maxPointsPerProposal
    }
  }
`);

const ProposalChangedSubscription = graphql(`
  subscription ProposalChanged($id: ID!) {
    proposalChanged(id: $id) {
      id
    }
  }
`);

const TallyChangedSubscription = graphql(`
  subscription TallyChanged($id: ID!) {
    tallyChanged(id: $id) {
      yes
    }
  }
`);

const MyDelegationsChangedSubscription = graphql(`
  subscription ProposalPageDelegationsChanged {
    myDelegationsChanged {
      kind
    }
  }
`);

/**
 * The proposal page's data: the proposal and viewer, refetched live. Someone's support, vote or
 * a status change; the result at close; a delegation to or from me: each refetches the page, at
 * most once a second (on the night of a vote a change arrives with every vote, and a thousand
 * open pages must not each refetch ten times a second). After a dropped socket reconnects, it
 * fetches what may have changed meanwhile. `refresh` counts reloads, for panels with their own query.
 */
export function useProposal(id: string) {
  const { state } = useSession();
  const signedIn = state.status === 'signedIn';
  const [{ data, error, fetching }, refetch] = useQuery({ query: ProposalQuery, variables: { id } });
  const socket = useSocketState();
  const [refresh, setRefresh] = useState(0);

  const reload = useCallback(() => {
    refetch({ requestPolicy: 'network-only' });
    setRefresh((n) => n + 1);
  }, [refetch]);

  const reloadLive = useThrottled(reload, 1000);
  useSubscription({ query: ProposalChangedSubscription, variables: { id } }, (_, event) => {
    reloadLive();
    return event;
  });
  useSubscription({ query: TallyChangedSubscription, variables: { id } }, (_, event) => {
    reloadLive();
    return event;
  });
  useSubscription({ query: MyDelegationsChangedSubscription, pause: !signedIn }, (_, event) => {
    reloadLive();
    return event;
  });

  const generation = useRef(socket.generation);
  useEffect(() => {
    if (socket.generation > 1 && socket.generation !== generation.current) reload();
    generation.current = socket.generation;
  }, [socket.generation, reload]);

  return { data, error, fetching, socket, refresh, reload };
}
