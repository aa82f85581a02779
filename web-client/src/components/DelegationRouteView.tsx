import type { ScopeKind } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { bidi, isolate } from './isolate';

export interface RouteStepData {
  isBlock: boolean;
  scope: { kind: ScopeKind; area?: { name: string } | null };
}

export interface DelegationRouteData {
  blocked: boolean;
  applied?: RouteStepData | null;
  unused: readonly RouteStepData[];
}

/**
 * Which of my delegations applies here and which wider ones it leaves unused, in one sentence
 * or two: the server's answer (DelegationEngine.Route), drawn the same on the proposal page and
 * on the Delegations page, so the two never disagree.
 */
export function DelegationRouteView({ route, votedDirectly = false }: { route: DelegationRouteData; votedDirectly?: boolean }) {
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
