import { useId, useState, type FormEvent } from 'react';
import { Field } from '../../components/Field';
import { useMutation, useQuery } from 'urql';
import { FormAlert } from '../../components/FormAlert';
import { firstUserError } from '../../components/userErrors';
import { graphql } from '../../gql';
import { useI18n } from '../../i18n/i18n';
import { outcomeOf } from './userErrors';
import { RankingBallot } from './RankingBallot';
import { IssueResultView } from './IssueResult';
import { AlternativesCompare } from './AlternativesCompare';
import { Link } from '../../router';

const IssueQuery = graphql(`
  query IssuePanel($id: ID!) {
    proposal(id: $id) {
      id
      status
      title
      body
      issue {
        id
        ballotThreshold
        discussionOpen
        ranked
        myRanking
        choices {
          key
          title
        }
        alternatives {
          id
          key
          title
          body
          supporters
          supportPoints
          status
          onBallot
          supportedByMe
          proposal {
            id
          }
          author {
            id
            handle
          }
        }
        result {
          winner
          ranking
          quorumReached
          pairwise {
            row
            column
            weight
          }
          strongestPaths {
            row
            column
            weight
          }
        }
      }
    }
  }
`);

const AddAlternativeMutation = graphql(`
  mutation AddAlternative($input: AddAlternativeInput!) {
    addAlternative(input: $input) {
      alternative {
        id
      }
      errors {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

const SupportAlternativeMutation = graphql(`
  mutation SupportAlternative($input: SupportAlternativeInput!) {
    supportAlternative(input: $input) {
      alternative {
        id
        supporters
        supportPoints
        onBallot
        supportedByMe
      }
      errors {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

/** The issue a proposal leads (DESIGN §8): its alternatives, the ranked ballot and the Schulze result. */
export function IssuePanel({ proposalId, signedIn }: { proposalId: string; signedIn: boolean }) {
  const { t } = useI18n();
  const [{ data }, refetch] = useQuery({
    query: IssueQuery,
    variables: { id: proposalId },
    requestPolicy: 'cache-and-network',
  });
  const [, support] = useMutation(SupportAlternativeMutation);
  const [error, setError] = useState<string | null>(null);
  const issue = data?.proposal?.issue;
  if (!issue || !data?.proposal) return null;
  const names = new Map<string, string>(issue.choices.map((c) => [c.key, c.title ?? t.issue.statusQuo]));
  names.set('statusQuo', t.issue.statusQuo);
  for (const a of issue.alternatives) names.set(a.key, a.title);
  const nameOf = (key: string) => names.get(key) ?? key;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const standing = (status: string, onBallot: boolean) =>
    status === 'EXPIRED' ? t.issue.expired : status === 'ACCEPTED' ? t.issue.accepted : status === 'REJECTED' ? t.issue.rejected : onBallot ? t.issue.onBallot : t.issue.notOnBallot;

  async function supportIt(id: string) {
    const result = await support({ input: { alternative: id } });
    setError(outcomeOf(t, result.data?.supportAlternative.errors, result.error).form ?? (firstUserError(result.data?.supportAlternative.errors)?.message || null));
    reload();
  }

  return (
    <section aria-labelledby="issue-heading" className="panel" data-testid="issue">
      <h2 id="issue-heading">{t.issue.title}</h2>
      <p>{t.issue.intro(issue.ballotThreshold)}</p>
      <FormAlert message={error} />
      {issue.alternatives.length === 0 ? <p>{t.issue.none}</p> : null}
      <ul className="alternatives">
        {issue.alternatives.map((a) => (
          <li key={a.id} className="alternative" data-testid={`alternative-${a.key}`}>
            <h3>
              <Link href={`/proposals/${encodeURIComponent(a.proposal.id)}`} aria-label={`${a.title}: ${t.issue.open}`}>
                {a.title}
              </Link>
            </h3>
            <p>
              {t.issue.supporters(a.supporters)} · {a.status === 'OPEN' ? `${t.issue.points(a.supportPoints, issue.ballotThreshold)} · ` : ''}
              {standing(a.status, a.onBallot)}
            </p>
            {signedIn && issue.discussionOpen ? (
              a.supportedByMe ? (
                <p>{t.issue.supported}</p>
              ) : (
                <button type="button" className="button" onClick={() => void supportIt(a.id)} aria-label={`${t.issue.support}: ${a.title}`}>
                  {t.issue.support}
                </button>
              )
            ) : null}
          </li>
        ))}
      </ul>
      {issue.alternatives.length > 0 ? (
        <AlternativesCompare
          texts={[
            { key: 'lead', title: data.proposal.title, body: data.proposal.body },
            ...issue.alternatives.map((a) => ({ key: a.key, title: a.title, body: a.body })),
          ]}
        />
      ) : null}
      {signedIn && issue.discussionOpen ? <AddAlternative issueId={issue.id} onAdded={reload} /> : null}
      {signedIn && issue.ranked && data?.proposal?.status === 'VOTING' ? (
        <RankingBallot issueId={issue.id} choices={issue.choices.map((c) => c.key)} mine={issue.myRanking ?? null} nameOf={nameOf} onSaved={reload} />
      ) : null}
      {issue.result ? <IssueResultView result={issue.result} nameOf={nameOf} /> : null}
    </section>
  );
}

function AddAlternative({ issueId, onAdded }: { issueId: string; onAdded: () => void }) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [{ fetching }, add] = useMutation(AddAlternativeMutation);
  const bodyId = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    const result = await add({ input: { issue: issueId, title, body } });
    const outcome = outcomeOf(t, result.data?.addAlternative.errors, result.error);
    const message = outcome.form ?? (Object.values(outcome.fields).join(' ') || null);
    setError(message);
    if (!message) {
      setTitle('');
      setBody('');
      setDone(t.issue.added);
      onAdded();
    }
  }

  return (
    <form className="alternative-form" noValidate onSubmit={(e) => void submit(e)}>
      <h3>{t.issue.addTitle}</h3>
      <FormAlert message={error} />
      <Field label={t.issue.altTitle} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />
      <div className="field">
        <label htmlFor={bodyId}>{t.issue.altBody}</label>
        <textarea id={bodyId} value={body} onChange={(e) => setBody(e.target.value)} rows={4} />
      </div>
      <button type="submit" className="button" disabled={fetching}>
        {t.issue.add}
      </button>
      <p role="status" className="done">
        {done}
      </p>
    </form>
  );
}
