import { useState } from 'react';
import { useMutation } from 'urql';
import { formatDate } from '../../components/format';
import { bidi, personName } from '../../components/isolate';
import { Markdown } from '../../components/Markdown';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { useI18n } from '../../i18n/i18n';
import { CommentForm } from './CommentForm';
import { ReasonForm } from './ReasonForm';
import { AppealHideMutation, ReportMutation, refusalOf } from './reportMutations';

export const CommentItemFragment = graphql(`
  fragment CommentItem on Comment {
    id
    body
    deleted
    depth
    createdAt
    editedAt
    endorsementCount
    endorsedByMe
    author {
      id
      handle
      displayName
    }
    parent {
      id
    }
    replyTo {
      id
      author {
        id
        handle
        displayName
      }
    }
    history {
      version
      body
      writtenAt
    }
    hidden {
      reason
      automatic
      appealedAt
    }
  }
`);

const DeleteCommentMutation = graphql(`
  mutation DeleteComment($input: DeleteCommentInput!) {
    deleteComment(input: $input) {
      comment {
        id
        deleted
        body
      }
      errors {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

const EndorseCommentMutation = graphql(`
  mutation EndorseComment($input: EndorseCommentInput!) {
    endorseComment(input: $input) {
      comment {
        id
        endorsementCount
        endorsedByMe
      }
      errors {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

type Mode = 'view' | 'reply' | 'edit' | 'delete' | 'report' | 'appeal';

/**
 * One comment in its thread, indented by its depth: the author's edit and delete (after a
 * confirmation), anyone else's reply and "useful"; earlier versions behind a disclosure.
 */
export function CommentItem({
  comment: masked,
  proposalId,
  viewerId,
  canComment,
  onChanged,
}: {
  comment: FragmentType<typeof CommentItemFragment>;
  proposalId: string;
  viewerId: string | null;
  canComment: boolean;
  onChanged: () => void;
}) {
  const { t, language } = useI18n();
  const d = t.deliberation.discussion;
  const comment = getFragmentData(CommentItemFragment, masked);
  const [mode, setMode] = useState<Mode>('view');
  const [message, setMessage] = useState<string | null>(null);
  const [, remove] = useMutation(DeleteCommentMutation);
  const [{ fetching: endorsing }, endorse] = useMutation(EndorseCommentMutation);
  const [, report] = useMutation(ReportMutation);
  const [, appeal] = useMutation(AppealHideMutation);
  const r = t.deliberation.reports;
  const mine = viewerId !== null && viewerId === comment.author.id;
  const author = personName(comment.author);
  const headingId = `comment-${comment.id}`;
  // A reply flattened to depth 3 names what it answers; a nested one sits under it anyway.
  const flattened = comment.replyTo && comment.parent && comment.replyTo.id !== comment.parent.id;

  async function confirmDelete() {
    const result = await remove({ input: { comment: comment.id } });
    setMessage(result.error?.message ?? result.data?.deleteComment.errors?.map((e) => ('message' in e ? e.message : '')).join(' ') ?? null);
    setMode('view');
    onChanged();
  }

  async function toggleEndorse() {
    const result = await endorse({ input: { comment: comment.id, endorse: !comment.endorsedByMe } });
    setMessage(result.error?.message ?? result.data?.endorseComment.errors?.map((e) => ('message' in e ? e.message : '')).join(' ') ?? null);
  }

  return (
    <article className={`comment comment-depth-${comment.depth}`} aria-labelledby={headingId} data-testid="comment">
      <p className="comment-meta" id={headingId}>
        <strong>{bidi(author)}</strong> · <time dateTime={comment.createdAt}>{formatDate(comment.createdAt, language)}</time>
        {comment.editedAt && !comment.deleted ? ` · ${d.edited}` : null}
        {flattened && comment.replyTo ? bidi(` · ${d.inReplyTo(personName(comment.replyTo.author))}`) : null}
      </p>
      {comment.hidden ? (
        <p className="comment-deleted" data-testid="comment-hidden">
          {bidi(comment.hidden.automatic ? r.hiddenAuto(comment.hidden.reason) : r.hidden(comment.hidden.reason))}
        </p>
      ) : null}
      {comment.deleted ? (
        <p className="comment-deleted">{d.deleted}</p>
      ) : comment.body == null ? null : mode === 'edit' ? (
        <CommentForm
          proposalId={proposalId}
          comment={comment.id}
          initial={comment.body ?? ''}
          label={d.editLabel}
          submitLabel={d.save}
          onDone={() => {
            setMode('view');
            onChanged();
          }}
          onCancel={() => setMode('view')}
        />
      ) : (
        <Markdown text={comment.body ?? ''} className="comment-body" />
      )}
      {!comment.deleted && comment.history.length > 0 ? (
        <details className="comment-history">
          <summary>{d.history(comment.history.length)}</summary>
          {comment.history.map((v) => (
            <div key={v.version}>
              <p className="comment-meta">
                {d.version(v.version)} · <time dateTime={v.writtenAt}>{formatDate(v.writtenAt, language)}</time>
              </p>
              <Markdown text={v.body} className="comment-body" />
            </div>
          ))}
        </details>
      ) : null}
      {comment.endorsementCount > 0 ? <p className="comment-endorsements">{d.endorsements(comment.endorsementCount)}</p> : null}
      {message ? <p role="status">{message}</p> : null}
      {!comment.deleted && canComment && mode === 'view' ? (
        <p className="actions-row comment-actions">
          <button type="button" className="button button-secondary" onClick={() => setMode('reply')} aria-describedby={headingId}>
            {d.reply}
          </button>{' '}
          {mine ? (
            <>
              <button type="button" className="button button-secondary" onClick={() => setMode('edit')} aria-describedby={headingId}>
                {d.edit}
              </button>{' '}
              <button type="button" className="button button-secondary" onClick={() => setMode('delete')} aria-describedby={headingId}>
                {d.delete}
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button button-secondary"
              aria-pressed={comment.endorsedByMe ?? false}
              disabled={endorsing}
              onClick={() => void toggleEndorse()}
              aria-describedby={headingId}
            >
              {comment.endorsedByMe ? d.endorsed : d.endorse}
            </button>
          )}{' '}
          {!mine ? (
            <button type="button" className="button button-secondary" onClick={() => setMode('report')} aria-describedby={headingId}>
              {r.report}
            </button>
          ) : comment.hidden && !comment.hidden.appealedAt ? (
            <button type="button" className="button button-secondary" onClick={() => setMode('appeal')} aria-describedby={headingId}>
              {r.appeal}
            </button>
          ) : null}
        </p>
      ) : null}
      {mode === 'report' ? (
        <ReasonForm
          label={r.reportLabel}
          submitLabel={r.send}
          onCancel={() => setMode('view')}
          onSubmit={async (reason) => {
            const result = await report({ input: { target: comment.id, reason } });
            const refusal = refusalOf(result.data?.report.errors, result.error);
            if (!refusal) {
              setMode('view');
              setMessage(r.sent);
              onChanged();
            }
            return refusal;
          }}
        />
      ) : null}
      {mode === 'appeal' ? (
        <ReasonForm
          label={r.appealLabel}
          submitLabel={r.sendAppeal}
          onCancel={() => setMode('view')}
          onSubmit={async (text) => {
            const result = await appeal({ input: { target: comment.id, text } });
            const refusal = refusalOf(result.data?.appealHide.errors, result.error);
            if (!refusal) {
              setMode('view');
              setMessage(r.appealed);
              onChanged();
            }
            return refusal;
          }}
        />
      ) : null}
      {mode === 'delete' ? (
        <div role="group" aria-labelledby={`${headingId}-confirm`} className="confirm">
          <p id={`${headingId}-confirm`}>{d.deleteConfirm}</p>
          <button type="button" className="button button-danger" onClick={() => void confirmDelete()}>
            {d.deleteYes}
          </button>{' '}
          <button type="button" className="button button-secondary" onClick={() => setMode('view')}>
            {d.deleteNo}
          </button>
        </div>
      ) : null}
      {mode === 'reply' ? (
        <CommentForm
          proposalId={proposalId}
          replyTo={comment.id}
          label={d.replyLabel(author)}
          submitLabel={d.postReply}
          onDone={() => {
            setMode('view');
            onChanged();
          }}
          onCancel={() => setMode('view')}
        />
      ) : null}
    </article>
  );
}
