import { type FragmentType, getFragmentData, graphql } from '../gql';
import type { DelegationRouteFieldsFragment } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { bidi, isolate } from './isolate';

/** What the route sentence needs of a DelegationRoute; the proposal page and the Delegations page spread it. */
export const DelegationRouteFields = graphql(`
  fragment DelegationRouteFields on DelegationRoute {
    blocked
    applied {
      isBlock
      scope {
        kind
        area {
          id
          name
        }
      }
    }
    unused {
      isBlock
      scope {
        kind
        area {
          id
          name
        }
      }
    }
  }
`);

type RouteStepData = NonNullable<DelegationRouteFieldsFragment['applied']>;

/**
 * Which of my delegations applies here and which wider ones it leaves unused, in one sentence
 * or two: the server's answer (DelegationEngine.Route), drawn the same on the proposal page and
 * on the Delegations page, so the two never disagree.
 */
export function DelegationRouteView({ route: masked, votedDirectly = false }: { route: FragmentType<typeof DelegationRouteFields>; votedDirectly?: boolean }) {
  const route = getFragmentData(DelegationRouteFields, masked);
  const { t } = useI18n();
  const r = t.route;
  const which = (step: RouteStepData) =>
    step.scope.kind === 'AREA' ? r.which.AREA(isolate(step.scope.area?.name ?? '')) : r.which[step.scope.kind];
  const place = (step: RouteStepData) => (step.scope.kind === 'AREA' ? isolate(step.scope.area?.name ?? '') : r.place[step.scope.kind]);
  const unused = route.unused.map(which).join(r.and);
  let text: string;
  if (votedDirectly) text = r.votedDirectly;
  else if (!route.applied) text = r.none;
  else if (route.applied.isBlock) text = unused ? r.blocked(place(route.applied), unused) : r.blockedNothing(place(route.applied));
  else text = unused ? `${r.applies(which(route.applied))} ${r.shadows(unused)}` : r.applies(which(route.applied));
  return (
    <p data-testid="delegation-route" data-blocked={route.blocked ? 'true' : 'false'} className={route.blocked && !votedDirectly ? 'notice notice-warning' : undefined}>
      {bidi(text)}
    </p>
  );
}
