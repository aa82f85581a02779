import { useCallback, useEffect, useId, useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { useThrottled } from '../../components/throttle';
import { graphql } from '../../gql';
import type { CommentOrder } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { CommentForm } from './CommentForm';
import { CommentItem } from './CommentItem';

const pageSize = 20;

const DiscussionQuery = graphql(`
  query Discussion($id: ID!, $order: CommentOrder!, $first: Int!, $after: String) {
    proposal(id: $id) {
      id
      comments(orderBy: $order, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          ...CommentItem
          replies(first: 50) {
            id
            ...CommentItem
          }
        }
      }
    }
  }
`);

const CommentsChangedSubscription = graphql(`
  subscription CommentsChanged($proposal: ID!) {
    commentsChanged(proposal: $proposal) {
      kind
    }
  }
`);

interface Props {
  proposalId: string;
  viewerId: string | null;
}

/**
 * A proposal's discussion: threads in the order chosen, each with its replies three levels
 * deep, a page at a time (keyset cursors: "show more" never repeats a thread), live over
 * commentsChanged. Signed-in members post, reply, edit, delete and mark comments useful.
 */
export function Discussion({ proposalId, viewerId }: Props) {
  const { t } = useI18n();
  const d = t.deliberation.discussion;
  const orderId = useId();
  const [order, setOrder] = useState<CommentOrder>('NEWEST');
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [refresh, setRefresh] = useState(0);
  const bump = useCallback(() => setRefresh((n) => n + 1), []);
  // A busy thread must not make every open page refetch on each comment: at most once a second.
  const bumpLive = useThrottled(bump, 1000);
  useSubscription({ query: CommentsChangedSubscription, variables: { proposal: proposalId } }, (_, event) => {
    bumpLive();
    return event;
  });

  return (
    <section aria-labelledby="discussion-heading" className="discussion">
      <h2 id="discussion-heading">{d.title}</h2>
      {viewerId ? (
        <CommentForm proposalId={proposalId} label={d.newComment} submitLabel={d.post} onDone={bump} />
      ) : (
        <p>{d.signIn}</p>
      )}
      <p className="discussion-order">
        <label htmlFor={orderId}>{d.order}</label>{' '}
        <select
          id={orderId}
          value={order}
          onChange={(e) => {
            setOrder(e.target.value as CommentOrder);
            setCursors([null]);
          }}
        >
          {(['NEWEST', 'OLDEST', 'MOST_ENDORSED'] as const).map((o) => (
            <option key={o} value={o}>
              {d.orders[o]}
            </option>
          ))}
        </select>
      </p>
      {cursors.map((after, i) => (
        <ThreadPage
          key={`${order}-${after ?? 'first'}`}
          proposalId={proposalId}
          viewerId={viewerId}
          order={order}
          after={after}
          refresh={refresh}
          first={i === 0}
          last={i === cursors.length - 1}
          onChanged={bump}
          onMore={(cursor) => setCursors((c) => [...c, cursor])}
        />
      ))}
    </section>
  );
}

function ThreadPage({
  proposalId,
  viewerId,
  order,
  after,
  refresh,
  first,
  last,
  onChanged,
  onMore,
}: Props & { order: CommentOrder; after: string | null; refresh: number; first: boolean; last: boolean; onChanged: () => void; onMore: (cursor: string) => void }) {
  const { t } = useI18n();
  const d = t.deliberation.discussion;
  const [{ data, error }, refetch] = useQuery({ query: DiscussionQuery, variables: { id: proposalId, order, first: pageSize, after } });
  useEffect(() => {
    if (refresh > 0) refetch({ requestPolicy: 'network-only' });
  }, [refresh, refetch]);
  if (error && !data) return first ? <p className="notice">{d.failed}</p> : null;
  const comments = data?.proposal?.comments;
  if (!comments) return null;
  if (first && comments.totalCount === 0) return <p data-testid="no-comments">{d.empty}</p>;
  return (
    <>
      <ol className="threads" data-testid="threads">
        {comments.nodes.map((thread) => (
          <li key={thread.id} className="thread">
            <CommentItem comment={thread} proposalId={proposalId} viewerId={viewerId} canComment={viewerId !== null} onChanged={onChanged} />
            {thread.replies.map((reply) => (
              <CommentItem key={reply.id} comment={reply} proposalId={proposalId} viewerId={viewerId} canComment={viewerId !== null} onChanged={onChanged} />
            ))}
          </li>
        ))}
      </ol>
      {last && comments.pageInfo.hasNextPage && comments.pageInfo.endCursor ? (
        <p>
          <button type="button" className="button button-secondary" onClick={() => onMore(comments.pageInfo.endCursor!)}>
            {d.more}
          </button>
        </p>
      ) : null}
    </>
  );
}
