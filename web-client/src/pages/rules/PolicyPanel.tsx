import { bidi, isolate } from '../../components/isolate';
import { useId } from 'react';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { useI18n } from '../../i18n/i18n';
import { ruleKeys, type RuleKey } from '../../i18n/messages.rules';
import { Link } from '../../router';

/** The policy values a member acts under, typed, with where each comes from. */
export const PolicyPanelFragment = graphql(`
  fragment PolicyPanel on Policy {
    agendaQuorumMinimum
    agendaQuorumShare
    minimumSupporters
    minimumSupportersShare
    appealDays
    appealQuorumFactor
    discussionDays
    votingDays
    voteQuorumShare
    majority
    viscosity
    superDelegateShare
    privacy
    delegationVisibility
    maxDelegates
    sources {
      field
      origin
      area {
        id
        name
      }
    }
  }
`);

/** The Policy field whose source a rule shows (a rule of two values shows its first's). */
const sourceField: Record<RuleKey, string> = {
  agendaQuorum: 'agendaQuorumShare',
  minimumSupporters: 'minimumSupporters',
  appeal: 'appealQuorumFactor',
  discussionDays: 'discussionDays',
  votingDays: 'votingDays',
  voteQuorumShare: 'voteQuorumShare',
  majority: 'majority',
  viscosity: 'viscosity',
  superDelegateShare: 'superDelegateShare',
  privacy: 'privacy',
  delegationVisibility: 'delegationVisibility',
  maxDelegates: 'maxDelegates',
};

/**
 * "Rules in force" on a proposal or an area (DESIGN §6): quorum, minimum supporters, the
 * appeal, the vote's windows, quorum and majority, viscosity, the super-delegate share,
 * privacy, who sees delegations and the delegates per delegation, each with who set it, linked to the page that
 * explains them.
 */
export function PolicyPanel({
  policy: masked,
  lead,
  area,
}: {
  policy: FragmentType<typeof PolicyPanelFragment>;
  lead: string;
  /** On a proposal: its area, whose page shows the rules in force there now. */
  area?: { id: string; name: string };
}) {
  const { t } = useI18n();
  const headingId = useId();
  const policy = getFragmentData(PolicyPanelFragment, masked);
  const r = t.rules;
  const v = r.values;
  const value: Record<RuleKey, string> = {
    agendaQuorum: v.agendaQuorum(policy.agendaQuorumShare, policy.agendaQuorumMinimum),
    minimumSupporters: v.minimumSupporters(policy.minimumSupportersShare, policy.minimumSupporters),
    appeal: v.appeal(policy.appealDays, policy.appealQuorumFactor),
    discussionDays: v.days(policy.discussionDays),
    votingDays: v.days(policy.votingDays),
    voteQuorumShare: v.share(policy.voteQuorumShare),
    majority: v.majority(policy.majority),
    viscosity: v.viscosity(policy.viscosity),
    superDelegateShare: v.share(policy.superDelegateShare),
    privacy: v.privacy[policy.privacy],
    delegationVisibility: v.delegationVisibility[policy.delegationVisibility],
    maxDelegates: v.maxDelegates(policy.maxDelegates),
  };
  const sources = new Map(policy.sources.map((s) => [s.field, s]));
  return (
    <section className="panel" aria-labelledby={headingId} data-testid="rules-in-force">
      <h2 id={headingId}>{r.title}</h2>
      <p>{bidi(lead)}</p>
      <div className="table-scroll">
        <table className="rules-table">
          <thead>
            <tr>
              <th scope="col">{r.ruleColumn}</th>
              <th scope="col">{r.valueColumn}</th>
              <th scope="col">{r.sourceColumn}</th>
            </tr>
          </thead>
          <tbody>
            {ruleKeys.map((key) => {
              const source = sources.get(sourceField[key]);
              return (
                <tr key={key} data-rule={key}>
                  <th scope="row">
                    <Link href={`/rules#${key}`}>{r.names[key]}</Link>
                  </th>
                  <td>{value[key]}</td>
                  <td>
                    {source?.origin === 'AREA' && source.area ? (
                      <Link href={`/areas/${encodeURIComponent(source.area.id)}`}>{bidi(r.origin('AREA', isolate(source.area.name)))}</Link>
                    ) : (
                      r.origin(source?.origin ?? 'ORGANISATION', null)
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="actions-row">
        <Link href="/rules">{r.explain}</Link>
        {area ? <Link href={`/areas/${encodeURIComponent(area.id)}`}>{bidi(r.areaNow(isolate(area.name)))}</Link> : null}
      </p>
    </section>
  );
}
