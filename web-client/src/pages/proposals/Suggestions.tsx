import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { bidi, personName } from '../../components/isolate';
import { Markdown } from '../../components/Markdown';
import { graphql } from '../../gql';
import type { OpinionDegree } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { refusalOf } from './reportMutations';

const SuggestionsQuery = graphql(`
  query ProposalSuggestions($id: ID!) {
    proposal(id: $id) {
      id
      author {
        id
      }
      suggestions {
        id
        body
        supportWeight
        weight
        must
        should
        shouldNot
        mustNot
        fulfilled
        notFulfilled
        editedSince
        answeredAt
        myOpinion
        myFulfilled
        author {
          id
          handle
          displayName
        }
      }
    }
  }
`);

const SuggestMutation = graphql(`
  mutation Suggest($input: SuggestInput!) {
    suggest(input: $input) {
      suggestion {
        id
      }
      errors {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

const GiveOpinionMutation = graphql(`
  mutation GiveOpinion($input: GiveOpinionInput!) {
    giveOpinion(input: $input) {
      suggestion {
        id
        supportWeight
        weight
        must
        should
        shouldNot
        mustNot
        fulfilled
        notFulfilled
        myOpinion
        myFulfilled
      }
      errors {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

const MarkAnsweredMutation = graphql(`
  mutation MarkSuggestionAnswered($input: MarkSuggestionAnsweredInput!) {
    markSuggestionAnswered(input: $input) {
      suggestion {
        id
        answeredAt
      }
      errors {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

const degrees: OpinionDegree[] = ['MUST', 'SHOULD', 'SHOULD_NOT', 'MUST_NOT'];

/**
 * LiquidFeedback's suggestions: concrete changes members propose, ranked by the weight of the
 * opinions on them (must, should, should not, must not); after an edit, fulfilled or not; the
 * author marks one answered.
 */
export function Suggestions({ proposalId, viewerId }: { proposalId: string; viewerId: string | null }) {
  const { t } = useI18n();
  const s = t.deliberation.suggestions;
  const id = useId();
  const [{ data }, refetch] = useQuery({ query: SuggestionsQuery, variables: { id: proposalId }, requestPolicy: 'cache-and-network' });
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // The choice shows at once; the server's answer (and a refusal) follows.
  const [chosen, setChosen] = useState<Record<string, OpinionDegree>>({});
  const [, suggest] = useMutation(SuggestMutation);
  const [, opine] = useMutation(GiveOpinionMutation);
  const [, answer] = useMutation(MarkAnsweredMutation);
  const isAuthor = viewerId !== null && viewerId === data?.proposal?.author.id;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await suggest({ input: { proposal: proposalId, body } });
    const refusal = refusalOf(result.data?.suggest.errors, result.error);
    setError(refusal);
    if (!refusal) {
      setBody('');
      refetch({ requestPolicy: 'network-only' });
    }
  }

  async function run(promise: Promise<{ error?: import('urql').CombinedError; data?: unknown }>, errors: (data: unknown) => readonly { message?: string }[] | null | undefined) {
    const result = await promise;
    setMessage(refusalOf(errors(result.data), result.error));
    refetch({ requestPolicy: 'network-only' });
  }

  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{s.title}</h2>
      <p className="field-hint">{s.intro}</p>
      {viewerId ? (
        <form className="comment-form" onSubmit={(e) => void submit(e)} noValidate>
          <div className={error ? 'field field-invalid' : 'field'}>
            <label htmlFor={`${id}-body`}>{s.newSuggestion}</label>
            <p id={`${id}-hint`} className="field-hint">
              {s.limit}
            </p>
            <textarea id={`${id}-body`} rows={3} value={body} aria-invalid={error ? true : undefined} aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`} onChange={(e) => setBody(e.target.value)} />
            {error ? (
              <p id={`${id}-error`} className="field-error">
                {error}
              </p>
            ) : null}
          </div>
          <p>
            <button type="submit" className="button">
              {s.suggest}
            </button>
          </p>
        </form>
      ) : null}
      {message ? <p role="status">{message}</p> : null}
      {data?.proposal?.suggestions.length === 0 ? <p>{s.empty}</p> : null}
      <ol className="threads" data-testid="suggestions">
        {data?.proposal?.suggestions.map((x) => (
          <li key={x.id} className="thread" data-testid="suggestion">
            <p className="comment-meta">
              <strong>{bidi(personName(x.author))}</strong> · {s.weight(x.supportWeight, x.weight)}
              {x.answeredAt ? ` · ${s.answered}` : null}
            </p>
            <Markdown text={x.body} className="comment-body" />
            <p className="comment-meta">{s.counts(x.must, x.should, x.shouldNot, x.mustNot)}</p>
            {x.editedSince ? <p className="comment-meta">{s.fulfilledCounts(x.fulfilled, x.notFulfilled)}</p> : null}
            {viewerId ? (
              <fieldset className="opinion">
                <legend>{s.myOpinion}</legend>
                {degrees.map((d) => (
                  <label key={d} className="opinion-choice">
                    <input
                      type="radio"
                      name={`${x.id}-degree`}
                      checked={(chosen[x.id] ?? x.myOpinion) === d}
                      onChange={() => setChosen((c) => ({ ...c, [x.id]: d }))}
                      onClick={() => void run(opine({ input: { suggestion: x.id, degree: d, fulfilled: x.editedSince ? (x.myFulfilled ?? null) : null } }), (r) => (r as { giveOpinion?: { errors?: { message?: string }[] | null } })?.giveOpinion?.errors)}
                    />{' '}
                    {s.degrees[d]}
                  </label>
                ))}
                {x.myOpinion && x.editedSince ? (
                  <label className="opinion-choice">
                    <input
                      type="checkbox"
                      checked={x.myFulfilled ?? false}
                      onChange={(e) => void run(opine({ input: { suggestion: x.id, degree: x.myOpinion, fulfilled: e.target.checked } }), (r) => (r as { giveOpinion?: { errors?: { message?: string }[] | null } })?.giveOpinion?.errors)}
                    />{' '}
                    {s.fulfilledLabel}
                  </label>
                ) : null}
              </fieldset>
            ) : null}
            {isAuthor ? (
              <p>
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => void run(answer({ input: { suggestion: x.id, answered: !x.answeredAt } }), (r) => (r as { markSuggestionAnswered?: { errors?: { message?: string }[] | null } })?.markSuggestionAnswered?.errors)}
                >
                  {x.answeredAt ? s.unmark : s.markAnswered}
                </button>
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
