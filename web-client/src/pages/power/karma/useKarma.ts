import { useQuery } from 'urql';
import { graphql } from '../../../gql';
import { decayForecast } from '../forecast';

const KarmaQuery = graphql(`
  query KarmaPage {
    viewer {
      member {
        id
      }
      karma
      level
      allowance
      allowanceLeft
      maxPointsPerProposal
      lotteryChance
      nextDrawAt
      endorsementsGiven {
        to {
          id
          handle
          displayName
        }
        at
        karmaAwarded
      }
      endorsementsReceived {
        from {
          id
          handle
          displayName
        }
        at
        karmaAwarded
      }
    }
    policyInForce {
      karmaHalfLifeDays
      levelThresholds
    }
    lotteryDraws(first: 10) {
      periodId
      ...DrawItemFields
    }
  }
`);

const forecastWeeks = 12;

/** The viewer's karma, level, allowance and endorsements, the last draws, and the karma's decay forecast. */
export function useKarma() {
  const [{ data, error }] = useQuery({ query: KarmaQuery, requestPolicy: 'cache-and-network' });
  const viewer = data?.viewer;
  const policy = data?.policyInForce;
  const halfLife = policy?.karmaHalfLifeDays ?? 60;
  const forecast = viewer ? decayForecast(viewer.karma, halfLife, policy?.levelThresholds ?? [10, 25, 40], forecastWeeks) : [];
  return { draws: data?.lotteryDraws ?? [], error, viewer, halfLife, forecast };
}
