import { useEffect, useMemo, useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { graphql } from '../../../gql';
import type { ScopeInput } from '../../../gql/graphql';
import { useOnReconnect } from '../../../graphql/useReconnected';

/** The viewer's delegations, who delegates to them and the weight they carry in the scope's area. */
const ViewerDelegations = graphql(`
  query DelegationsPage($area: ID) {
    viewer {
      member {
        id
      }
      delegations {
        id
        isBlock
        scope {
          kind
          area {
            id
            name
          }
          proposal {
            id
          }
        }
        ...SkippedDelegatesFields
        ...CurrentDelegationFields
      }
      delegators {
        ...DelegatorRowFields
      }
      carriedWeight(area: $area)
      isSuperDelegate(area: $area)
    }
    concentration(area: $area) {
      area {
        id
        name
      }
      eligible
    }
    policyInForce(area: $area) {
      superDelegateShare
      maxDelegates
    }
  }
`);

const ProposalForScope = graphql(`
  query DelegationProposal($id: ID!) {
    proposal(id: $id) {
      id
      title
      area {
        id
      }
    }
  }
`);

const DelegationsChanged = graphql(`
  subscription MyDelegationsChanged {
    myDelegationsChanged {
      kind
      at
    }
  }
`);

export type ScopeKind = 'global' | 'area' | 'proposal';

function proposalFromLink(): string {
  return new URLSearchParams(window.location.search).get('proposal') ?? '';
}

/**
 * The delegations page's data: the scope being edited (global, an area, or a proposal named by
 * its id or the link's ?proposal=), the viewer's delegations, kept fresh by the
 * myDelegationsChanged subscription and on reconnect, and the delegation in force in that scope.
 */
export function useDelegations() {
  const [kind, setKind] = useState<ScopeKind>(() => (proposalFromLink() ? 'proposal' : 'global'));
  const [areaId, setAreaId] = useState<string | null>(null);
  const [proposalId, setProposalId] = useState(proposalFromLink);
  const [proposalResult] = useQuery({ query: ProposalForScope, variables: { id: proposalId.trim() }, pause: kind !== 'proposal' || proposalId.trim() === '' });
  const proposal = kind === 'proposal' ? proposalResult.data?.proposal ?? null : null;
  const unknownProposal = proposalId.trim() !== '' && !proposalResult.fetching && Boolean(proposalResult.error || (proposalResult.data && !proposalResult.data.proposal));

  // The weight shown is for the scope's area: the chosen area, the proposal's, or the root.
  const weightArea = kind === 'area' ? areaId : kind === 'proposal' ? proposal?.area.id ?? null : null;
  const [{ data, error }, refetch] = useQuery({ query: ViewerDelegations, variables: { area: weightArea }, requestPolicy: 'cache-and-network' });
  const [changes] = useSubscription({ query: DelegationsChanged });
  useEffect(() => {
    if (changes.data) refetch({ requestPolicy: 'network-only' });
  }, [changes.data, refetch]);
  useOnReconnect(() => refetch({ requestPolicy: 'network-only' }));
  const reload = () => refetch({ requestPolicy: 'network-only' });

  // No default area: "An area" + "Block inheritance" must never block a place the member did not choose.
  const scope: ScopeInput | null =
    kind === 'global' ? { global: true } : kind === 'area' ? (areaId ? { area: areaId } : null) : proposal ? { proposal: proposal.id } : null;

  const current = useMemo(() => {
    const all = data?.viewer?.delegations ?? [];
    return (
      all.find((del) =>
        kind === 'global'
          ? del.scope.kind === 'GLOBAL'
          : kind === 'area'
            ? del.scope.kind === 'AREA' && del.scope.area?.id === areaId
            : del.scope.kind === 'PROPOSAL' && del.scope.proposal?.id === proposal?.id,
      ) ?? null
    );
  }, [data, kind, areaId, proposal]);

  return { kind, setKind, areaId, setAreaId, proposalId, setProposalId, proposal, unknownProposal, data, error, reload, scope, current };
}
