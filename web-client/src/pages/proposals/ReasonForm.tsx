import { useId, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n';

/**
 * A short public text and a button: a report's reason, an appeal, a moderator's reason. The
 * caller sends it and answers with a refusal (shown at the field, focus kept there) or null.
 */
export function ReasonForm({ label, submitLabel, onSubmit, onCancel }: { label: string; submitLabel: string; onSubmit: (text: string) => Promise<string | null>; onCancel?: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const refusal = await onSubmit(text);
    setBusy(false);
    setError(refusal);
    if (refusal) box.current?.focus();
  }

  return (
    <form className="reason-form" onSubmit={(e) => void submit(e)} noValidate>
      <div className={error ? 'field field-invalid' : 'field'}>
        <label htmlFor={id}>{label}</label>
        <textarea ref={box} id={id} rows={2} value={text} autoFocus aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} onChange={(e) => setText(e.target.value)} />
        {error ? (
          <p id={`${id}-error`} className="field-error">
            {error}
          </p>
        ) : null}
      </div>
      <p className="actions-row">
        <button type="submit" className="button button-secondary" disabled={busy}>
          {submitLabel}
        </button>{' '}
        {onCancel ? (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t.deliberation.discussion.cancel}
          </button>
        ) : null}
      </p>
    </form>
  );
}
