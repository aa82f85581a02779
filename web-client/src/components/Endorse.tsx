import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';
import { formatDate } from './format';
import { bidi, isolate } from './isolate';
import { firstUserError } from './userErrors';

/** What I may still endorse; every Endorse button and note on a page shares this one query (urql's cache). */
export const EndorsementAllowanceQuery = graphql(`
  query EndorsementAllowance {
    viewer {
      member {
        id
      }
      endorsementAllowance {
        perWeek
        left
        nextFreeAt
        sameMemberDays
        recent {
          member {
            id
          }
          at
          againAt
        }
      }
    }
  }
`);

const EndorseMutation = graphql(`
  mutation Endorse($input: EndorseInput!) {
    endorse(input: $input) {
      karmaAwarded
      member {
        id
      }
      errors {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

/**
 * The rule beside the Endorse buttons of a section (DESIGN §4): how many endorsements are left
 * this week, the weekly allowance, and the one-per-member rule.
 */
export function EndorsementRule({ id }: { id?: string }) {
  const { t, language } = useI18n();
  const [{ data }] = useQuery({ query: EndorsementAllowanceQuery });
  const allowance = data?.viewer?.endorsementAllowance;
  if (!allowance) return null;
  return (
    <p id={id} className="muted endorse-rule" data-testid="endorsement-rule">
      {t.endorse.allowance(allowance.left, allowance.perWeek, allowance.sameMemberDays)}
      {allowance.left === 0 && allowance.nextFreeAt ? ` ${t.endorse.nextFree(formatDate(allowance.nextFreeAt, language))}` : null}
    </p>
  );
}

/**
 * "This member shows good judgement": one button per member met on a page (never for myself).
 * A refusal (the weekly allowance used, the same member within 30 days) shows beside it, in
 * the reader's language by its code; a recent endorsement says when another is possible.
 */
export function EndorseButton({ member, describedBy }: { member: { id: string; displayName: string }; describedBy?: string }) {
  const { t, language } = useI18n();
  const [{ data }, refetch] = useQuery({ query: EndorsementAllowanceQuery });
  const [{ fetching }, endorse] = useMutation(EndorseMutation);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const viewer = data?.viewer;
  if (viewer && viewer.member.id === member.id) return null;
  const recent = viewer?.endorsementAllowance.recent.find((r) => r.member.id === member.id);

  async function onEndorse() {
    setDone(null);
    const result = await endorse({ input: { member: member.id } });
    const problem = result.error ? { message: result.error.networkError ? t.errors.network : result.error.message, code: '' } : firstUserError(result.data?.endorse.errors);
    if (problem) {
      setError(t.endorse.errors[problem.code] ?? problem.message);
      return;
    }
    setError(null);
    setDone(t.endorse.done(isolate(member.displayName), result.data?.endorse.karmaAwarded ?? 0));
    refetch({ requestPolicy: 'network-only' });
  }

  return (
    <span className="endorse">
      <button
        type="button"
        className="button button-small button-secondary"
        aria-label={t.endorse.label(member.displayName)}
        aria-describedby={describedBy}
        disabled={fetching}
        onClick={() => void onEndorse()}
      >
        {t.endorse.button}
      </button>
      {recent && !done ? <span className="muted endorse-recent">{t.endorse.recent(formatDate(recent.at, language), formatDate(recent.againAt, language))}</span> : null}
      <span role="status" className="endorse-done">
        {done ? bidi(done) : null}
      </span>
      {/* Inserted with its text: an alert is announced when it appears, and an empty one would stand beside every button. */}
      {error ? (
        <span role="alert" className="field-error endorse-error">
          {error}
        </span>
      ) : null}
    </span>
  );
}
