import { useEffect, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { FormAlert } from '../../components/FormAlert';
import { graphql } from '../../gql';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { outcomeOf } from './userErrors';

const WithdrawProposalMutation = graphql(`
  mutation WithdrawProposal($input: WithdrawProposalInput!) {
    withdrawProposal(input: $input) {
      proposal {
        id
        status
      }
      errors {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

/** Edit, and withdraw after a confirmation step; the author's only, while the proposal is open. */
export function AuthorActions({ proposalId }: { proposalId: string }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [{ fetching }, withdraw] = useMutation(WithdrawProposalMutation);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const withdrawButton = useRef<HTMLButtonElement>(null);
  const alert = useRef<HTMLDivElement>(null);
  const wasConfirming = useRef(false);
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals > 0) alert.current?.focus();
  }, [refusals]);

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (wasConfirming.current) withdrawButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  async function confirm() {
    const result = await withdraw({ input: { proposal: proposalId } });
    const outcome = outcomeOf(t, result.data?.withdrawProposal.errors, result.error);
    setConfirming(false);
    const refusal = outcome.form ?? Object.values(outcome.fields)[0] ?? null;
    setMessage(refusal);
    if (refusal) setRefusals((n) => n + 1);
    // Withdrawn, these controls go away: keep focus on the page rather than lose it to <body>.
    else document.querySelector<HTMLElement>('main h1')?.focus();
  }

  return (
    <div className="author-actions">
      <FormAlert ref={alert} message={message} />
      {confirming ? (
        <div role="group" aria-labelledby="withdraw-confirm" className="confirm">
          <p id="withdraw-confirm">{t.proposal.withdrawConfirm}</p>
          <button ref={confirmButton} type="button" className="button button-danger" disabled={fetching} onClick={() => void confirm()}>
            {t.proposal.withdrawYes}
          </button>{' '}
          <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
            {t.proposal.withdrawNo}
          </button>
        </div>
      ) : (
        <p className="actions-row">
          <Link href={`/proposals/${encodeURIComponent(proposalId)}/edit`} className="button button-secondary">
            {t.proposal.edit}
          </Link>{' '}
          <button ref={withdrawButton} type="button" className="button button-secondary" onClick={() => setConfirming(true)}>
            {t.proposal.withdraw}
          </button>
        </p>
      )}
    </div>
  );
}
