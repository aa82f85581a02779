import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../../gql';

const ConcentrationQuery = graphql(`
  query PowerBalancePage($area: ID) {
    concentration(area: $area) {
      area {
        id
        name
      }
      eligible
      holders
      delegating
      trapped
      distribution {
        minWeight
        maxWeight
        holders
        totalWeight
      }
      largest {
        member {
          id
          handle
          displayName
        }
        weight
        share
      }
      superDelegates {
        id
        handle
        displayName
      }
      longestChains {
        member {
          id
          handle
        }
        holder {
          id
          handle
        }
        hops
        path {
          id
          handle
        }
      }
      cycles {
        size
        trapsWeight
        members {
          id
          handle
        }
      }
    }
  }
`);

/** The live concentration of voting weight in an area (the root until one is chosen). */
export function useConcentration() {
  const [area, setArea] = useState<string | null>(null);
  const [{ data, error }] = useQuery({ query: ConcentrationQuery, variables: { area } });
  return { area, setArea, concentration: data?.concentration ?? null, error };
}
