import { useId } from 'react';
import { AreaPicker } from '../../components/AreaPicker';
import { bidi, isolate } from '../../components/isolate';
import { PageHeading } from '../../components/PageHeading';
import { SignInRequired } from '../../components/SignInRequired';
import { transportMessage } from '../../components/transportError';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { DelegationEditor } from './delegations/DelegationEditor';
import { DelegatorsPanel, RouteHere, SkippedDelegates, WeightPanel } from './delegations/DelegationPanels';
import { useDelegations } from './delegations/useDelegations';

export function DelegationsPage() {
  const { t } = useI18n();
  const { state } = useSession();
  if (state.status !== 'signedIn') return <SignInRequired title={t.power.delegations.title} />;
  return <Delegations />;
}

/** My delegations by scope (global, an area, a proposal), who delegates to me and the weight I carry. */
function Delegations() {
  const { t } = useI18n();
  const d = t.power.delegations;
  const { kind, setKind, areaId, setAreaId, proposalId, setProposalId, proposal, unknownProposal, data, error, reload, scope, current } = useDelegations();
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
        {kind === 'area' ? <AreaPicker value={areaId} onChange={setAreaId} placeholder={t.route.chooseArea} /> : null}
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
            {unknownProposal ? <p className="field-error">{d.unknownProposal}</p> : null}
          </div>
        ) : null}
      </section>

      {data?.viewer ? (
        <RouteHere
          area={kind === 'area' ? areaId : kind === 'global' ? data.concentration?.area.id ?? null : null}
          proposal={kind === 'proposal' ? proposal?.id ?? null : null}
          ownAreas={kind === 'global' ? data.viewer.delegations.filter((del) => del.scope.kind === 'AREA') : []}
          version={data.viewer.delegations.map((del) => del.id).join()}
        />
      ) : null}

      {scope && data?.viewer ? (
        <DelegationEditor key={JSON.stringify(scope)} scope={scope} current={current} me={data.viewer.member.id} maxDelegates={data.policyInForce.maxDelegates} onChanged={reload} />
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
          <DelegatorsPanel delegators={data.viewer.delegators} />
        </>
      ) : null}
    </>
  );
}
