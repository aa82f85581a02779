import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { FormAlert } from '../../components/FormAlert';
import { graphql } from '../../gql';
import type { ProposalStatus, VoteChoice } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { outcomeOf } from './userErrors';

const VoteMutation = graphql(`
  mutation Vote($input: VoteInput!) {
    vote(input: $input) {
      choice
      proposal {
        id
        myVote
      }
      errors {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

const choices: VoteChoice[] = ['YES', 'NO', 'ABSTAIN'];

/** Yes / No / Abstain while voting is open, changeable until it closes. */
export function VotePanel({ proposalId, status, myVote, votingRight = true }: { proposalId: string; status: ProposalStatus; myVote: VoteChoice | null; votingRight?: boolean }) {
  const { t } = useI18n();
  const name = useId();
  const [choice, setChoice] = useState<VoteChoice | null>(myVote);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [{ fetching }, vote] = useMutation(VoteMutation);
  const alert = useRef<HTMLDivElement>(null);
  const [refusals, setRefusals] = useState(0);
  // Focus the alert once it shows: while empty it is hidden and cannot take focus.
  useEffect(() => {
    if (refusals > 0) alert.current?.focus();
  }, [refusals]);

  if (status !== 'VOTING') {
    const note = ['OPEN', 'ON_AGENDA', 'SCHEDULED'].includes(status)
      ? status === 'SCHEDULED'
        ? t.vote.notYet
        : t.vote.notVoting
      : ['ACCEPTED', 'REJECTED'].includes(status)
        ? t.vote.closed
        : t.vote.notVoting;
    return (
      <>
        <p>{note}</p>
        {myVote ? <p data-testid="my-vote">{t.vote.mine(t.vote.choices[myVote])}</p> : null}
      </>
    );
  }

  if (!votingRight) {
    // DESIGN §3: without a voting right a member neither votes nor carries weight. Say so
    // before they choose, rather than refuse after they submit.
    return (
      <p className="notice" data-testid="no-voting-right">
        {t.vote.noVotingRight}
      </p>
    );
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    if (!choice) return;
    const result = await vote({ input: { proposal: proposalId, choice } });
    const outcome = outcomeOf(t, result.data?.vote.errors, result.error);
    const message = outcome.form ?? (Object.values(outcome.fields).join(' ') || null);
    setError(message);
    if (message) setRefusals((n) => n + 1);
    else if (result.data?.vote.choice) setDone(t.vote.saved(t.vote.choices[result.data.vote.choice]));
  }

  return (
    <form className="vote-form" noValidate onSubmit={(e) => void submit(e)}>
      <FormAlert ref={alert} message={error} />
      <p data-testid="my-vote">{myVote ? t.vote.mine(t.vote.choices[myVote]) : t.vote.none}</p>
      <fieldset>
        <legend>{t.vote.choice}</legend>
        {choices.map((c) => (
          <label key={c} className="choice">
            <input type="radio" name={name} value={c} checked={choice === c} onChange={() => setChoice(c)} /> {t.vote.choices[c]}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="button" disabled={fetching || !choice}>
        {myVote ? t.vote.change : t.vote.cast}
      </button>
      <p role="status" className="done">
        {done}
      </p>
    </form>
  );
}
