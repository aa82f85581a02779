import { transportMessage } from '../../components/transportError';
import { bidi, isolate, personName } from '../../components/isolate';
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useSubscription } from 'urql';
import { AreaPicker } from '../../components/AreaPicker';
import { DelegationRouteView } from '../../components/DelegationRouteView';
import { FormAlert } from '../../components/FormAlert';
import { useFocusAfterRender } from '../../components/focusAfterRender';
import { PageHeading } from '../../components/PageHeading';
import { SignInRequired } from '../../components/SignInRequired';
import { superDelegateOutlook } from '../../components/superDelegate';
import { firstUserError } from '../../components/userErrors';
import { EndorseButton, EndorsementRule } from '../../components/Endorse';
import { graphql } from '../../gql';
import { useOnReconnect } from '../../graphql/useReconnected';
import type { ScopeInput } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';

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
        delegates {
          id
          handle
          displayName
          votingRight
        }
      }
      delegators {
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

const RouteQuery = graphql(`
  query DelegationsRoute($area: ID, $proposal: ID) {
    viewer {
      delegationRoute(area: $area, proposal: $proposal) {
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

const MemberSearch = graphql(`
  query DelegateSearch($search: String!) {
    members(search: $search, first: 8) {
      nodes {
        id
        handle
        displayName
        votingRight
      }
    }
  }
`);

const DelegateMutation = graphql(`
  mutation Delegate($input: DelegateInput!) {
    delegate(input: $input) {
      delegation {
        id
      }
      errors {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

const BlockMutation = graphql(`
  mutation BlockDelegation($input: BlockDelegationInput!) {
    blockDelegation(input: $input) {
      delegation {
        id
      }
      errors {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

const RevokeMutation = graphql(`
  mutation RevokeDelegation($input: RevokeDelegationInput!) {
    revokeDelegation(input: $input) {
      revoked
      errors {
        __typename
        ...UserErrorFields
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

type ScopeKind = 'global' | 'area' | 'proposal';
interface Person {
  id: string;
  handle: string;
  displayName: string;
}

function proposalFromLink(): string {
  return new URLSearchParams(window.location.search).get('proposal') ?? '';
}

export function DelegationsPage() {
  const { t } = useI18n();
  const { state } = useSession();
  if (state.status !== 'signedIn') return <SignInRequired title={t.power.delegations.title} />;
  return <Delegations />;
}

function Delegations() {
  const { t } = useI18n();
  const d = t.power.delegations;
  const [kind, setKind] = useState<ScopeKind>(() => (proposalFromLink() ? 'proposal' : 'global'));
  const [areaId, setAreaId] = useState<string | null>(null);
  const [proposalId, setProposalId] = useState(proposalFromLink);
  const [proposalResult] = useQuery({ query: ProposalForScope, variables: { id: proposalId.trim() }, pause: kind !== 'proposal' || proposalId.trim() === '' });
  const proposal = kind === 'proposal' ? proposalResult.data?.proposal ?? null : null;

  // The weight shown is for the scope's area: the chosen area, the proposal's, or the root.
  const weightArea = kind === 'area' ? areaId : kind === 'proposal' ? proposal?.area.id ?? null : null;
  const [{ data, error }, refetch] = useQuery({ query: ViewerDelegations, variables: { area: weightArea }, requestPolicy: 'cache-and-network' });
  const [changes] = useSubscription({ query: DelegationsChanged });
  useEffect(() => {
    if (changes.data) refetch({ requestPolicy: 'network-only' });
  }, [changes.data, refetch]);
  useOnReconnect(() => refetch({ requestPolicy: 'network-only' }));

  // No default area: "An area" + "Block inheritance" must never block a place the member did not choose.
  const scopeArea = areaId;
  const scope: ScopeInput | null =
    kind === 'global' ? { global: true } : kind === 'area' ? (scopeArea ? { area: scopeArea } : null) : proposal ? { proposal: proposal.id } : null;

  const current = useMemo(() => {
    const all = data?.viewer?.delegations ?? [];
    return (
      all.find((del) =>
        kind === 'global'
          ? del.scope.kind === 'GLOBAL'
          : kind === 'area'
            ? del.scope.kind === 'AREA' && del.scope.area?.id === scopeArea
            : del.scope.kind === 'PROPOSAL' && del.scope.proposal?.id === proposal?.id,
      ) ?? null
    );
  }, [data, kind, scopeArea, proposal]);

  const scopeFieldId = useId();
  const proposalFieldId = useId();

  return (
    <>
      <PageHeading>{d.title}</PageHeading>
      <p className="lead">{d.intro}</p>
      {error ? <p role="alert" className="form-alert">{t.power.loadFailed(transportMessage(t, error))}</p> : null}
      <SkippedDelegates delegations={data?.viewer?.delegations ?? []} />

      <section className="panel" aria-labelledby={`${scopeFieldId}-heading`}>
        <h2 id={`${scopeFieldId}-heading`}>{d.scope}</h2>
        <fieldset className="radio-group">
          <legend className="visually-hidden">{d.scope}</legend>
          {(['global', 'area', 'proposal'] as const).map((k) => (
            <label key={k} className="radio">
              <input type="radio" name={`${scopeFieldId}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} />
              {k === 'global' ? d.scopeGlobal : k === 'area' ? d.scopeArea : d.scopeProposal}
            </label>
          ))}
        </fieldset>
        {kind === 'area' ? <AreaPicker value={scopeArea} onChange={setAreaId} placeholder={t.route.chooseArea} /> : null}
        {kind === 'proposal' ? (
          <div className="field">
            <label htmlFor={proposalFieldId}>{d.proposalId}</label>
            <p id={`${proposalFieldId}-hint`} className="field-hint">
              {d.proposalHint}
            </p>
            <input
              id={proposalFieldId}
              aria-describedby={`${proposalFieldId}-hint`}
              value={proposalId}
              onChange={(event) => setProposalId(event.target.value)}
              autoComplete="off"
            />
            {proposal ? <p>{bidi(d.forProposal(isolate(proposal.title)))}</p> : null}
            {proposalId.trim() && !proposalResult.fetching && (proposalResult.error || (proposalResult.data && !proposalResult.data.proposal)) ? (
              <p className="field-error">{d.unknownProposal}</p>
            ) : null}
          </div>
        ) : null}
      </section>

      {data?.viewer ? (
        <RouteHere
          area={kind === 'area' ? scopeArea : kind === 'global' ? data.concentration?.area.id ?? null : null}
          proposal={kind === 'proposal' ? proposal?.id ?? null : null}
          ownAreas={kind === 'global' ? data.viewer.delegations.filter((del) => del.scope.kind === 'AREA') : []}
          version={data.viewer.delegations.map((del) => del.id).join()}
        />
      ) : null}

      {scope && data?.viewer ? (
        <DelegationEditor
          key={JSON.stringify(scope)}
          scope={scope}
          current={current}
          me={data.viewer.member.id}
          maxDelegates={data.policyInForce.maxDelegates}
          onChanged={() => refetch({ requestPolicy: 'network-only' })}
        />
      ) : null}

      {data?.viewer ? (
        <>
          <WeightPanel
            areaName={isolate(data.concentration?.area.name ?? '')}
            carried={data.viewer.carriedWeight ?? null}
            isSuper={data.viewer.isSuperDelegate}
            eligible={data.concentration?.eligible ?? 0}
            share={data.policyInForce.superDelegateShare}
          />
          <section className="panel" aria-labelledby="delegators-heading">
            <h2 id="delegators-heading">{d.delegatorsTitle}</h2>
            {data.viewer.delegators.length === 0 ? (
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
                    {data.viewer.delegators.map((row) => (
                      <tr key={`${row.member.id}-${row.scope.kind}-${row.scope.area?.id ?? ''}-${row.scope.proposal?.id ?? ''}`}>
                        <td>
                          {bidi(personName(row.member))}
                        </td>
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
            {data.viewer.delegators.length > 0 ? <EndorsementRule id="delegators-endorsement-rule" /> : null}
            <p className="muted">{d.live}</p>
          </section>
        </>
      ) : null}
    </>
  );
}

/**
 * What my delegations do at the place chosen (the root area for the global scope): the server's
 * route, the same sentence the proposal page shows. For the global scope, also where an area's
 * own delegation or block leaves the global one unused.
 */
function RouteHere({
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
function SkippedDelegates({ delegations }: { delegations: readonly { id: string; delegates: readonly { id: string; handle: string; displayName: string; votingRight: boolean }[] }[] }) {
  const { t } = useI18n();
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

function WeightPanel({ areaName, carried, isSuper, eligible, share }: { areaName: string; carried: number | null; isSuper: boolean; eligible: number; share: number }) {
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

type Current = { id: string; isBlock: boolean; delegates: Person[] } | null;

function DelegationEditor({
  scope,
  current,
  me,
  maxDelegates,
  onChanged,
}: {
  scope: ScopeInput;
  current: Current;
  me: string;
  maxDelegates: number;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const d = t.power.delegations;
  const [chosen, setChosen] = useState<Person[]>(current && !current.isBlock ? current.delegates : []);
  // A new version (saved here, or changed in another tab) resets the editor to it.
  const currentId = current?.id ?? null;
  useEffect(() => {
    setChosen(current && !current.isBlock ? current.delegates : []);
  }, [currentId]);
  const [search, setSearch] = useState('');
  const [alert, setAlert] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [alertRef, focusAlert] = useFocusAfterRender<HTMLDivElement>();
  const searchId = useId();
  const [{ fetching: delegating }, delegate] = useMutation(DelegateMutation);
  const [{ fetching: blocking }, block] = useMutation(BlockMutation);
  const [{ fetching: revoking }, revoke] = useMutation(RevokeMutation);
  const busy = delegating || blocking || revoking;
  const term = search.trim();
  const [{ data: found }] = useQuery({ query: MemberSearch, variables: { search: term }, pause: term.length < 2 });
  const results = (found?.members.nodes ?? []).filter((m) => m.id !== me && !chosen.some((c) => c.id === m.id));

  const fail = (message: string) => {
    setStatus(null);
    setAlert(message);
    // After React renders the message, so a screen reader reads it and Tab continues from it.
    focusAlert();
  };
  const succeed = (message: string) => {
    setAlert(null);
    setStatus(message);
    onChanged();
  };

  const move = (index: number, by: number) => {
    const next = [...chosen];
    const [item] = next.splice(index, 1);
    if (!item) return;
    next.splice(index + by, 0, item);
    setChosen(next);
  };

  const onSave = async (event: FormEvent) => {
    event.preventDefault();
    if (chosen.length === 0) return fail(d.needDelegate);
    const result = await delegate({ input: { scope, delegates: chosen.map((c) => c.id) } });
    const problem = result.error ? { message: transportMessage(t, result.error) } : firstUserError(result.data?.delegate.errors);
    if (problem) return fail(problem.message);
    succeed(d.saved);
  };
  const onBlock = async () => {
    const result = await block({ input: { scope } });
    const problem = result.error ? { message: transportMessage(t, result.error) } : firstUserError(result.data?.blockDelegation.errors);
    if (problem) return fail(problem.message);
    succeed(d.blocked);
  };
  const onRevoke = async () => {
    const result = await revoke({ input: { scope } });
    const problem = result.error ? { message: transportMessage(t, result.error) } : firstUserError(result.data?.revokeDelegation.errors);
    if (problem) return fail(problem.message);
    succeed(result.data?.revokeDelegation.revoked ? d.revoked : d.nothingToRevoke);
  };

  return (
    <section className="panel" aria-labelledby="current-heading">
      <h2 id="current-heading">{d.currentTitle}</h2>
      <div data-testid="current-delegation">
        {current === null ? (
          <p>{d.currentNone}</p>
        ) : current.isBlock ? (
          <p>{d.currentBlocked}</p>
        ) : (
          <>
            <p>{d.currentList}</p>
            <ol>
              {current.delegates.map((p) => (
                <li key={p.id}>
                  {bidi(personName(p))}
                </li>
              ))}
            </ol>
          </>
        )}
      </div>
      <FormAlert ref={alertRef} message={alert} />
      <p role="status" className={status ? 'notice' : 'notice notice-empty'}>
        {status}
      </p>
      <form onSubmit={(event) => void onSave(event)} aria-labelledby="edit-heading">
        <h3 id="edit-heading">{d.editTitle}</h3>
        <h4 id="chosen-heading">{d.chosenTitle}</h4>
        {chosen.length === 0 ? (
          <p>{d.chosenEmpty}</p>
        ) : (
          <ol aria-labelledby="chosen-heading" className="ranked">
            {chosen.map((p, i) => (
              <li key={p.id}>
                <span className="ranked-name">
                  {d.rank(i + 1)}: {bidi(personName(p))}
                </span>
                <span className="ranked-actions">
                  <button type="button" className="button button-small button-secondary" disabled={i === 0} onClick={() => move(i, -1)} aria-label={d.moveUp(p.displayName)}>
                    ↑
                  </button>
                  <button
                    type="button"
                    className="button button-small button-secondary"
                    disabled={i === chosen.length - 1}
                    onClick={() => move(i, 1)}
                    aria-label={d.moveDown(p.displayName)}
                  >
                    ↓
                  </button>
                  <button type="button" className="button button-small button-secondary" onClick={() => setChosen(chosen.filter((c) => c.id !== p.id))} aria-label={d.remove(p.displayName)}>
                    ×
                  </button>
                </span>
              </li>
            ))}
          </ol>
        )}
        <div className="field">
          <label htmlFor={searchId}>{d.search}</label>
          <p id={`${searchId}-hint`} className="field-hint">
            {chosen.length >= maxDelegates ? d.full(maxDelegates) : d.searchHint}
          </p>
          <input id={searchId} type="search" aria-describedby={`${searchId}-hint`} value={search} onChange={(event) => setSearch(event.target.value)} autoComplete="off" />
        </div>
        {term.length >= 2 && found ? (
          <>
            <p role="status" className="muted">
              {d.searchResults(results.length)}
            </p>
            {results.length > 0 ? <EndorsementRule id={`${searchId}-endorsement-rule`} /> : null}
            <ul className="search-results">
              {results.map((m) => (
                <li key={m.id}>
                  <span>
                    {bidi(personName(m))}
                    <EndorseButton member={m} describedBy={`${searchId}-endorsement-rule`} />
                  </span>
                  <button
                    type="button"
                    className="button button-small"
                    disabled={chosen.length >= maxDelegates}
                    onClick={() => {
                      setChosen([...chosen, { id: m.id, handle: m.handle, displayName: m.displayName }]);
                      setSearch('');
                    }}
                  >
                    {bidi(d.add(isolate(m.displayName)))}
                  </button>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            {delegating ? d.saving : d.save}
          </button>
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => void onBlock()}>
            {d.block}
          </button>
          <button type="button" className="button button-secondary" disabled={busy || current === null} onClick={() => void onRevoke()}>
            {d.revoke}
          </button>
        </div>
      </form>
    </section>
  );
}
