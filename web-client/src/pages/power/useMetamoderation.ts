import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { refusalOf } from '../proposals/reportMutations';

const TasksQuery = graphql(`
  query MetamoderationTasks {
    metamoderationTasks {
      periodId
      judgingEndsAt
      action
      at
      type
      reason
      fair
      comment
      moderator {
        id
        handle
        displayName
      }
      proposal {
        id
        title
      }
    }
  }
`);

const ResultsQuery = graphql(`
  query MetamoderationResults {
    metamoderationResults {
      moderator {
        id
        handle
        displayName
      }
      judgements
      fair
      fairShare
      windowJudgements
      windowFairShare
      isModerator
      underReview
    }
    policyInForce {
      metamoderationMinFairShare
      metamoderationMinJudgements
      metamoderationWindowDays
    }
  }
`);

const DrawsQuery = graphql(`
  query MetamoderationDraws {
    metamoderationDraws(first: 5) {
      periodId
      eligible
      actions
      judgements
      jurors {
        id
      }
    }
  }
`);

const ReviewsQuery = graphql(`
  query ModeratorReviews {
    moderatorReviews {
      id
      suspendedAt
      fairShare
      judgements
      decidedAt
      restored
      reason
      moderator {
        id
        handle
        displayName
      }
    }
  }
`);

const JudgeMutation = graphql(`
  mutation JudgeModeration($input: JudgeModerationInput!) {
    judgeModeration(input: $input) {
      task {
        action
        fair
        comment
      }
      errors {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

const DecideReviewMutation = graphql(`
  mutation DecideModeratorReview($input: DecideModeratorReviewInput!) {
    decideModeratorReview(input: $input) {
      review {
        id
        restored
      }
      errors {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

/** The caller's metamoderation tasks and the judge command: null on success, else the refusal to show. */
export function useMetamoderationTasks(pause = false) {
  const [{ data, fetching }, refetch] = useQuery({ query: TasksQuery, requestPolicy: 'cache-and-network', pause });
  const [, judgeMutation] = useMutation(JudgeMutation);
  const tasks = data?.metamoderationTasks ?? [];
  async function judge(period: string, action: string, fair: boolean, comment: string): Promise<string | null> {
    const result = await judgeMutation({ input: { period, action, fair, comment: comment.trim() === '' ? null : comment } });
    const refusal = refusalOf(result.data?.judgeModeration.errors, result.error);
    if (!refusal) refetch({ requestPolicy: 'network-only' });
    return refusal;
  }
  return { tasks, loaded: data != null || !fetching, judge };
}

export type MetamoderationTaskData = ReturnType<typeof useMetamoderationTasks>['tasks'][number];

/** The public results per moderator, with the policy's threshold. */
export function useMetamoderationResults() {
  const [{ data }] = useQuery({ query: ResultsQuery, requestPolicy: 'cache-and-network' });
  return { results: data?.metamoderationResults ?? [], policy: data?.policyInForce ?? null };
}

/** The latest draws. */
export function useMetamoderationDraws() {
  const [{ data }] = useQuery({ query: DrawsQuery, requestPolicy: 'cache-and-network' });
  return data?.metamoderationDraws ?? [];
}

/** Admins: moderators awaiting review, and the decide command. */
export function useModeratorReviews(pause: boolean) {
  const [{ data }, refetch] = useQuery({ query: ReviewsQuery, requestPolicy: 'cache-and-network', pause });
  const [, decideMutation] = useMutation(DecideReviewMutation);
  async function decide(review: string, restore: boolean, reason: string): Promise<string | null> {
    const result = await decideMutation({ input: { review, restore, reason } });
    const refusal = refusalOf(result.data?.decideModeratorReview.errors, result.error);
    if (!refusal) refetch({ requestPolicy: 'network-only' });
    return refusal;
  }
  return { reviews: data?.moderatorReviews ?? [], decide };
}
