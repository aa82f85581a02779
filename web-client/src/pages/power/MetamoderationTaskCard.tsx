import { useId, useRef, useState, type FormEvent } from 'react';
import { bidi, isolate, personName } from '../../components/isolate';
import { formatDate } from '../../components/format';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import type { MetamoderationTaskData } from './useMetamoderation';

/** One moderator action a drawn member judges: what was done and why, then fair or unfair with an optional comment. */
export function MetamoderationTaskCard({ task, onJudge }: { task: MetamoderationTaskData; onJudge: (fair: boolean, comment: string) => Promise<string | null> }) {
  const { t, language } = useI18n();
  const m = t.metamoderation;
  const id = useId();
  const [fair, setFair] = useState<boolean | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const kind = (t.power.moderation.logKinds as Record<string, string>)[task.type] ?? task.type;
  const who = task.moderator ? personName(task.moderator) : '–';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (fair == null) {
      setError(m.chooseFirst);
      return;
    }
    setBusy(true);
    const refusal = await onJudge(fair, comment);
    setBusy(false);
    setError(refusal);
    if (refusal) box.current?.focus();
  }

  return (
    <li className="panel meta-task" data-testid="meta-task">
      <h3>{bidi(m.action(kind, isolate(who), formatDate(task.at, language)))}</h3>
      {task.proposal ? (
        <p>
          {m.onProposal} <Link href={`/proposals/${encodeURIComponent(task.proposal.id)}`}>{bidi(isolate(task.proposal.title))}</Link>
        </p>
      ) : null}
      <p>{task.reason ? bidi(m.reason(isolate(task.reason))) : m.noReason}</p>
      {task.fair != null ? (
        <>
          <p role="status" className="notice">
            {m.judged(task.fair)}
          </p>
          {task.comment ? <p>{bidi(m.yourComment(isolate(task.comment)))}</p> : null}
        </>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <fieldset>
            <legend>{m.verdict}</legend>
            <label>
              <input type="radio" name={`${id}-fair`} checked={fair === true} onChange={() => setFair(true)} /> {m.fair}
            </label>{' '}
            <label>
              <input type="radio" name={`${id}-fair`} checked={fair === false} onChange={() => setFair(false)} /> {m.unfair}
            </label>
          </fieldset>
          <div className={error ? 'field field-invalid' : 'field'}>
            <label htmlFor={`${id}-comment`}>{m.comment}</label>
            <textarea
              ref={box}
              id={`${id}-comment`}
              rows={2}
              maxLength={1000}
              value={comment}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(e) => setComment(e.target.value)}
            />
            {error ? (
              <p id={`${id}-error`} className="field-error" role="alert">
                {error}
              </p>
            ) : null}
          </div>
          <button type="submit" className="button" disabled={busy}>
            {m.submit}
          </button>
        </form>
      )}
    </li>
  );
}
