import { useEffect } from 'react';
import { useQuery } from 'urql';
import { DelegationRouteView } from '../../../components/DelegationRouteView';
import { EndorseButton, EndorsementRule } from '../../../components/Endorse';
import { bidi, isolate, personName } from '../../../components/isolate';
import { superDelegateOutlook } from '../../../components/superDelegate';
import { type FragmentType, getFragmentData, graphql } from '../../../gql';
import { useI18n } from '../../../i18n/i18n';

const RouteQuery = graphql(`
  query DelegationsRoute($area: ID, $proposal: ID) {
    viewer {
      delegationRoute(area: $area, proposal: $proposal) {
        ...DelegationRouteFields
      }
    }
  }
`);

export const SkippedDelegatesFields = graphql(`
  fragment SkippedDelegatesFields on Delegation {
    id
    delegates {
      id
      handle
      displayName
      votingRight
    }
  }
`);

export const DelegatorRowFields = graphql(`
  fragment DelegatorRowFields on Delegator {
    member {
      id
      handle
      displayName
    }
    scope {
      kind
      area {
        id
        name
      }
      proposal {
        id
        title
      }
    }
    rank
  }
`);

/**
 * What my delegations do at the place chosen (the root area for the global scope): the server's
 * route, the same sentence the proposal page shows. For the global scope, also where an area's
 * own delegation or block leaves the global one unused.
 */
export function RouteHere({
  area,
  proposal,
  ownAreas,
  version,
}: {
  area: string | null;
  proposal: string | null;
  ownAreas: readonly { id: string; isBlock: boolean; scope: { area?: { name: string } | null } }[];
  version: string;
}) {
  const { t } = useI18n();
  const [{ data }, refetch] = useQuery({ query: RouteQuery, variables: { area, proposal }, pause: !area && !proposal });
  useEffect(() => {
    if (area || proposal) refetch({ requestPolicy: 'network-only' });
  }, [version, area, proposal, refetch]);
  const route = data?.viewer?.delegationRoute;
  if ((!area && !proposal) || !route) return null;
  return (
    <section className="panel" aria-labelledby="route-heading" data-testid="route-here">
      <h2 id="route-heading">{t.votePath.title}</h2>
      <DelegationRouteView route={route} />
      {ownAreas.length > 0 ? (
        <>
          <p>{t.route.globalShadowedIn}</p>
          <ul data-testid="global-shadowed">
            {ownAreas.map((del) => (
              <li key={del.id}>{bidi(del.isBlock ? t.route.ownBlock(isolate(del.scope.area?.name ?? '')) : t.route.ownList(isolate(del.scope.area?.name ?? '')))}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/**
 * DESIGN §3: a delegation to a member without a voting right is skipped as if they were not
 * on the list. Say so to the member whose list names them, or their vote goes elsewhere
 * (or nowhere) without their knowing.
 */
export function SkippedDelegates(props: { delegations: readonly FragmentType<typeof SkippedDelegatesFields>[] }) {
  const { t } = useI18n();
  const delegations = getFragmentData(SkippedDelegatesFields, props.delegations);
  const skipped = delegations
    .flatMap((del) => del.delegates)
    .filter((p, i, all) => !p.votingRight && all.findIndex((q) => q.id === p.id) === i);
  if (skipped.length === 0) return null;
  return (
    <div className="notice notice-warning" role="status" data-testid="skipped-delegates">
      <p>{t.power.delegations.skippedTitle}</p>
      <ul>
        {skipped.map((p) => (
          <li key={p.id}>{bidi(t.power.delegations.skipped(personName(p)))}</li>
        ))}
      </ul>
    </div>
  );
}

export function WeightPanel({ areaName, carried, isSuper, eligible, share }: { areaName: string; carried: number | null; isSuper: boolean; eligible: number; share: number }) {
  const { t } = useI18n();
  const d = t.power.delegations;
  const outlook = superDelegateOutlook(carried, isSuper, eligible, share);
  return (
    <section className="panel" aria-labelledby="weight-heading">
      <h2 id="weight-heading">{d.weightTitle}</h2>
      <p data-testid="carried-weight">{bidi(carried === null ? d.passesOn(areaName) : d.carried(t.power.formatWeight(carried), areaName))}</p>
      {outlook.kind !== 'passesOn' ? <p>{d.threshold(t.power.formatWeight(Math.round(outlook.line * 100) / 100), t.power.percent(share))}</p> : null}
      {outlook.kind === 'super' ? (
        <p className="notice notice-warning" role="status">
          {d.isSuper}
        </p>
      ) : null}
      {outlook.kind === 'aboutTo' ? (
        <p className="notice notice-warning" role="status">
          {d.aboutToBeSuper(outlook.more)}
        </p>
      ) : null}
    </section>
  );
}

/** Who delegates to me, in which scope and at which rank; each can be endorsed from here. */
export function DelegatorsPanel(props: { delegators: readonly FragmentType<typeof DelegatorRowFields>[] }) {
  const { t } = useI18n();
  const d = t.power.delegations;
  const delegators = getFragmentData(DelegatorRowFields, props.delegators);
  return (
    <section className="panel" aria-labelledby="delegators-heading">
      <h2 id="delegators-heading">{d.delegatorsTitle}</h2>
      {delegators.length === 0 ? (
        <p>{d.delegatorsNone}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.power.member}</th>
                <th scope="col">{d.scopeColumn}</th>
                <th scope="col">{d.rankColumn}</th>
                <th scope="col">{t.endorse.column}</th>
              </tr>
            </thead>
            <tbody>
              {delegators.map((row) => (
                <tr key={`${row.member.id}-${row.scope.kind}-${row.scope.area?.id ?? ''}-${row.scope.proposal?.id ?? ''}`}>
                  <td>{bidi(personName(row.member))}</td>
                  <td>
                    {row.scope.kind === 'GLOBAL'
                      ? d.scopeName.GLOBAL
                      : row.scope.kind === 'AREA'
                        ? bidi(d.scopeName.AREA(isolate(row.scope.area?.name ?? '')))
                        : bidi(d.scopeName.PROPOSAL(isolate(row.scope.proposal?.title ?? '')))}
                  </td>
                  <td>{d.rank(row.rank)}</td>
                  <td>
                    <EndorseButton member={row.member} describedBy="delegators-endorsement-rule" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {delegators.length > 0 ? <EndorsementRule id="delegators-endorsement-rule" /> : null}
      <p className="muted">{d.live}</p>
    </section>
  );
}
