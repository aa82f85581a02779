import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { FormAlert } from '../../../components/FormAlert';
import type { PolicyValuesInput, VotePrivacy } from '../../../gql/graphql';
import { useI18n } from '../../../i18n/i18n';
import { useAccountAction } from '../../account/useAccountAction';
import { PolicyPanel } from '../../rules/PolicyPanel';
import type { AreaNode } from './AreaTree';
import { PolicyOfArea, SetPolicyValues } from './queries';

const numberFields = ['discussionDays', 'votingDays', 'voteQuorumShare', 'majority', 'viscosity'] as const;
type NumberField = (typeof numberFields)[number];

/**
 * The policy of the organisation or of one area: the rules in force with where each value
 * comes from (PolicyPanel), and a form that sets values or, in an area, drops its override.
 */
export function PolicyEditor({ area }: { area: AreaNode | null }) {
  const { t } = useI18n();
  const a = t.adminAreas;
  const id = useId();
  const [{ data }, refetch] = useQuery({ query: PolicyOfArea, variables: { area: area?.id ?? null }, requestPolicy: 'cache-and-network' });
  const [values, setValues] = useState<Partial<Record<NumberField, string>>>({});
  const [privacy, setPrivacy] = useState('');
  const [inherit, setInherit] = useState<string[]>([]);
  const [, save] = useMutation(SetPolicyValues);
  const { problem, status, alert, settle } = useAccountAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const typed: PolicyValuesInput = {};
    for (const field of numberFields) {
      const text = values[field]?.trim();
      if (text && !inherit.includes(field)) typed[field] = Number(text.replace(',', '.'));
    }
    if (privacy && !inherit.includes('privacy')) typed.privacy = privacy as VotePrivacy;
    const result = await save({ area: area?.id ?? null, values: typed, inherit: inherit.length > 0 ? inherit : null });
    if (settle(result, result.data?.setPolicy.errors, a.policySaved(result.data?.setPolicy.version ?? 0))) {
      setValues({});
      setPrivacy('');
      setInherit([]);
      refetch({ requestPolicy: 'network-only' });
    }
  }

  const toggleInherit = (field: string) => setInherit((list) => (list.includes(field) ? list.filter((f) => f !== field) : [...list, field]));
  const scope = area ? area.name : a.organisation;
  return (
    <section aria-labelledby={`${id}-h`} className="panel" data-testid="policy-editor">
      <h2 id={`${id}-h`}>{a.policyTitle(scope)}</h2>
      {data ? <PolicyPanel policy={data.policyInForce} lead={a.policyInForce} /> : <p role="status">{t.loading}</p>}
      <h3>{a.policyEdit}</h3>
      <p>{a.policyEditIntro}</p>
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <FormAlert ref={alert} message={problem?.message ?? null} />
        {numberFields.map((field) => (
          <div key={field} className={problem?.field === field ? 'field field-invalid' : 'field'}>
            <label htmlFor={`${id}-${field}`}>{a.fields[field]}</label>
            <input
              id={`${id}-${field}`}
              inputMode="decimal"
              value={values[field] ?? ''}
              disabled={inherit.includes(field)}
              onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
            />
            {area ? (
              <label className="checkbox">
                <input type="checkbox" checked={inherit.includes(field)} onChange={() => toggleInherit(field)} /> {a.inherit}
                <span className="visually-hidden"> ({a.fields[field]})</span>
              </label>
            ) : null}
          </div>
        ))}
        <div className="field">
          <label htmlFor={`${id}-privacy`}>{a.fields.privacy}</label>
          <select id={`${id}-privacy`} value={privacy} onChange={(e) => setPrivacy(e.target.value)}>
            {Object.entries(a.privacyOptions).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {a.savePolicy}
        </button>
        {status ? <p role="status">{status}</p> : null}
      </form>
    </section>
  );
}
