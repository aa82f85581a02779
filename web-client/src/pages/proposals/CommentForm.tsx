import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { FormAlert } from '../../components/FormAlert';
import { graphql } from '../../gql';
import { useI18n } from '../../i18n/i18n';
import { outcomeOf } from './userErrors';

/** The server's limit (CommentService.MaxBodyLength), stated next to every comment box. */
export const maxCommentLength = 5000;

const PostCommentMutation = graphql(`
  mutation PostComment($input: PostCommentInput!) {
    postComment(input: $input) {
      comment {
        id
      }
      errors {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

const EditCommentMutation = graphql(`
  mutation EditComment($input: EditCommentInput!) {
    editComment(input: $input) {
      comment {
        id
        body
        editedAt
      }
      errors {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

/**
 * A comment box: a new thread, a reply (replyTo) or an edit (comment). States the limit, counts
 * down, and shows the server's refusal next to the field it names; nothing is lost on a refusal.
 */
export function CommentForm({
  proposalId,
  replyTo,
  comment,
  initial = '',
  label,
  submitLabel,
  onDone,
  onCancel,
}: {
  proposalId: string;
  replyTo?: string;
  comment?: string;
  initial?: string;
  label: string;
  submitLabel: string;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const d = t.deliberation.discussion;
  const id = useId();
  const [body, setBody] = useState(initial);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [{ fetching: posting }, post] = useMutation(PostCommentMutation);
  const [{ fetching: saving }, save] = useMutation(EditCommentMutation);
  const box = useRef<HTMLTextAreaElement>(null);
  const alert = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (replyTo || comment) box.current?.focus();
  }, [replyTo, comment]);
  const [refused, setRefused] = useState(0);
  useEffect(() => {
    if (refused > 0) alert.current?.focus();
  }, [refused]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = comment
      ? await save({ input: { comment, body } }).then((r) => ({ errors: r.data?.editComment.errors, error: r.error }))
      : await post({ input: { proposal: proposalId, body, replyTo: replyTo ?? null } }).then((r) => ({ errors: r.data?.postComment.errors, error: r.error }));
    const outcome = outcomeOf(t, result.errors, result.error);
    const field = outcome.fields.body ?? null;
    const form = outcome.form ?? Object.entries(outcome.fields).find(([k]) => k !== 'body')?.[1] ?? null;
    setFieldError(field);
    setFormError(form);
    if (field) box.current?.focus();
    else if (form) setRefused((n) => n + 1);
    else {
      setBody('');
      onDone();
    }
  }

  const left = maxCommentLength - body.length;
  return (
    <form className="comment-form" onSubmit={(e) => void submit(e)} noValidate>
      {/* Rendered only with a message: the page has one live alert region of its own already. */}
      {formError ? <FormAlert ref={alert} message={formError} /> : null}
      <div className={fieldError ? 'field field-invalid' : 'field'}>
      <label htmlFor={`${id}-body`}>{label}</label>
      <p id={`${id}-hint`} className="field-hint">
        {d.limit(maxCommentLength)}
      </p>
      <textarea
        ref={box}
        id={`${id}-body`}
        name="body"
        rows={comment || replyTo ? 3 : 4}
        value={body}
        aria-invalid={fieldError ? true : undefined}
        aria-describedby={`${id}-hint ${id}-count${fieldError ? ` ${id}-error` : ''}`}
        onChange={(e) => setBody(e.target.value)}
      />
      <p id={`${id}-count`} className={left < 0 ? 'field-hint comment-over' : 'field-hint'} aria-live="polite">
        {d.remaining(left)}
      </p>
      {fieldError ? (
        <p id={`${id}-error`} className="field-error">
          {fieldError}
        </p>
      ) : null}
      </div>
      <p className="actions-row">
        <button type="submit" className="button" disabled={posting || saving}>
          {submitLabel}
        </button>{' '}
        {onCancel ? (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {d.cancel}
          </button>
        ) : null}
      </p>
    </form>
  );
}
