import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { FormAlert } from '../../components/FormAlert';
import { graphql } from '../../gql';
import { useI18n } from '../../i18n/i18n';
import { outcomeOf } from './userErrors';

const SupportMutation = graphql(`
  mutation Support($input: SupportInput!) {
    support(input: $input) {
      points
      allowanceLeft
      proposal {
        id
        score
        supporterCount
        mySupport
      }
      errors {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

const WithdrawSupportMutation = graphql(`
  mutation WithdrawSupport($input: WithdrawSupportInput!) {
    withdrawSupport(input: $input) {
      allowanceLeft
      proposal {
        id
        score
        supporterCount
        mySupport
      }
      errors {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

/**
 * My support points on an open proposal: how many I gave, how many I have left and the cap per
 * proposal; set them (1 up to the cap) or take them back. The server decides: its refusals
 * (over the allowance, over the cap, no longer open) are shown as they come.
 */
export function SupportPanel({
  proposalId,
  open,
  mine,
  allowance,
  allowanceLeft,
  cap,
}: {
  proposalId: string;
  open: boolean;
  mine: number;
  allowance: number;
  allowanceLeft: number;
  cap: number;
}) {
  const { t } = useI18n();
  const id = useId();
  const [points, setPoints] = useState(String(Math.max(1, Math.min(cap, mine || 1))));
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [{ fetching: saving }, support] = useMutation(SupportMutation);
  const [{ fetching: withdrawing }, withdraw] = useMutation(WithdrawSupportMutation);
  const alert = useRef<HTMLDivElement>(null);
  const [refusals, setRefusals] = useState(0);
  // Focus the alert once it shows: while empty it is hidden and cannot take focus.
  useEffect(() => {
    if (refusals > 0) alert.current?.focus();
  }, [refusals]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    // Whole points only: "1.5" once became 1 without a word.
    if (!/^\d+$/.test(points.trim()) || Number(points) < 1) {
      setError(t.support.whole(cap));
      setRefusals((n) => n + 1);
      return;
    }
    const result = await support({ input: { proposal: proposalId, points: Number(points) } });
    const outcome = outcomeOf(t, result.data?.support.errors, result.error);
    const message = outcome.form ?? (Object.values(outcome.fields).join(' ') || null);
    setError(message);
    if (message) setRefusals((n) => n + 1);
    else setDone(t.support.saved(result.data?.support.points ?? 0));
  }

  async function takeBack() {
    setDone(null);
    const result = await withdraw({ input: { proposal: proposalId } });
    const outcome = outcomeOf(t, result.data?.withdrawSupport.errors, result.error);
    const message = outcome.form ?? (Object.values(outcome.fields).join(' ') || null);
    setError(message);
    if (message) setRefusals((n) => n + 1);
    else setDone(t.support.withdrawn);
  }

  return (
    <div className="support-panel">
      <h3>{t.support.title}</h3>
      <p data-testid="my-support">{t.support.mine(mine)}</p>
      <p id={`${id}-allowance`} data-testid="allowance">
        {t.support.allowance(allowanceLeft, allowance, cap)}
      </p>
      {open ? (
        <form className="inline-form" noValidate onSubmit={(e) => void submit(e)}>
          <FormAlert ref={alert} message={error} />
          <div className="field field-inline">
            <label htmlFor={id}>{t.support.points}</label>
            <input
              id={id}
              type="number"
              inputMode="numeric"
              min={1}
              max={cap}
              step={1}
              value={points}
              aria-describedby={`${id}-allowance`}
              aria-invalid={error ? true : undefined}
              onChange={(e) => setPoints(e.target.value)}
            />
          </div>
          <button type="submit" className="button" disabled={saving}>
            {mine > 0 ? t.support.change : t.support.give}
          </button>
          {mine > 0 ? (
            <button type="button" className="button button-secondary" disabled={withdrawing} onClick={() => void takeBack()}>
              {t.support.withdraw}
            </button>
          ) : null}
        </form>
      ) : (
        <p>{t.support.closed}</p>
      )}
      <p role="status" className="done">
        {done}
      </p>
    </div>
  );
}
