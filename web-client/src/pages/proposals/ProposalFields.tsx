import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { AreaSelect } from '../../components/AreaSelect';
import { FormAlert } from '../../components/FormAlert';
import { Markdown } from '../../components/Markdown';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import type { MutationOutcome } from './userErrors';

const fieldOrder = ['area', 'title', 'body'] as const;

/** The server's limits (core ProposalService): stated in the form, checked before sending. */
export const maxTitleLength = 200;
export const maxBodyLength = 100_000;

/** "n characters left" under a field; past the limit it says by how much, as an error would. */
function Counter({ id, used, limit }: { id: string; used: number; limit: number }) {
  const { t, language } = useI18n();
  const left = limit - used;
  return (
    // Seen while typing; the limit itself is in the field's hint, which a screen reader reads.
    <p id={id} className={left < 0 ? 'field-count field-count-over' : 'field-count'}>
      {left < 0 ? t.propose.over(formatCount(-left, language), formatCount(limit, language)) : t.propose.left(formatCount(left, language), formatCount(limit, language))}
    </p>
  );
}

const formatCount = (n: number, language: string) => n.toLocaleString(language);

/** The limits checked here first (the server checks again): nothing is sent that must be refused. */
export function checkLimits(t: { propose: { titleTooLong: (n: number) => string; bodyTooLong: (n: number) => string } }, values: { title: string; body: string }): Record<string, string> {
  const fields: Record<string, string> = {};
  const title = values.title.trim().length;
  if (title > maxTitleLength) fields.title = t.propose.titleTooLong(title);
  if (values.body.length > maxBodyLength) fields.body = t.propose.bodyTooLong(values.body.length);
  return fields;
}

export interface Values {
  area: string;
  title: string;
  body: string;
}

/** Title, markdown body and (when proposing) the area, with a live sanitised preview. */
export function ProposalFields({
  values,
  onChange,
  withArea,
  outcome,
  busy,
  submitLabel,
  busyLabel,
  cancelHref,
  onSubmit,
}: {
  values: Values;
  onChange: (values: Values) => void;
  withArea: boolean;
  outcome: MutationOutcome;
  busy: boolean;
  submitLabel: string;
  busyLabel: string;
  cancelHref: string;
  onSubmit: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const inputs = useRef<Record<string, HTMLElement | null>>({});
  const alert = useRef<HTMLDivElement>(null);
  const [attempt, setAttempt] = useState(0);
  const lastOutcome = useRef(outcome);

  useEffect(() => {
    if (lastOutcome.current === outcome) return;
    lastOutcome.current = outcome;
    const first = fieldOrder.find((f) => outcome.fields[f]);
    if (first && inputs.current[first]) inputs.current[first]?.focus();
    else if (outcome.form) alert.current?.focus();
  }, [outcome, attempt]);

  const describe = (name: string, hint?: boolean) =>
    [hint ? `${id}-${name}-hint` : null, outcome.fields[name] ? `${id}-${name}-error` : null].filter(Boolean).join(' ') || undefined;
  const error = (name: string) =>
    outcome.fields[name] ? (
      <p id={`${id}-${name}-error`} className="field-error">
        {outcome.fields[name]}
      </p>
    ) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    onSubmit();
  }

  return (
    <div className="proposal-editor">
      <form className="form form-wide" noValidate onSubmit={submit} aria-busy={busy}>
        <FormAlert ref={alert} message={outcome.form} />
        {withArea ? (
          <div className={outcome.fields.area ? 'field field-invalid' : 'field'}>
            <AreaSelect
              label={t.propose.area}
              value={values.area}
              onChange={(area) => onChange({ ...values, area })}
              emptyLabel={t.propose.chooseArea}
              invalid={Boolean(outcome.fields.area)}
              describedBy={describe('area')}
              selectRef={(el) => {
                inputs.current.area = el;
              }}
            />
            {error('area')}
          </div>
        ) : null}
        <div className={outcome.fields.title ? 'field field-invalid' : 'field'}>
          <label htmlFor={`${id}-title`}>{t.propose.proposalTitle}</label>
          <p id={`${id}-title-hint`} className="field-hint">
            {t.propose.titleHint}
          </p>
          <input
            id={`${id}-title`}
            ref={(el) => {
              inputs.current.title = el;
            }}
            value={values.title}
            aria-invalid={outcome.fields.title ? true : undefined}
            aria-describedby={describe('title', true)}
            onChange={(e) => onChange({ ...values, title: e.target.value })}
          />
          <Counter id={`${id}-title-count`} used={values.title.trim().length} limit={maxTitleLength} />
          {error('title')}
        </div>
        <div className={outcome.fields.body ? 'field field-invalid' : 'field'}>
          <label htmlFor={`${id}-body`}>{t.propose.body}</label>
          <p id={`${id}-body-hint`} className="field-hint">
            {t.propose.bodyHint}
          </p>
          <textarea
            id={`${id}-body`}
            ref={(el) => {
              inputs.current.body = el;
            }}
            rows={12}
            value={values.body}
            aria-invalid={outcome.fields.body ? true : undefined}
            aria-describedby={describe('body', true)}
            onChange={(e) => onChange({ ...values, body: e.target.value })}
          />
          <Counter id={`${id}-body-count`} used={values.body.length} limit={maxBodyLength} />
          {error('body')}
        </div>
        <p className="actions-row">
          <button type="submit" className="button" disabled={busy}>
            {busy ? busyLabel : submitLabel}
          </button>{' '}
          <Link href={cancelHref}>{t.propose.cancel}</Link>
        </p>
      </form>
      <section aria-labelledby={`${id}-preview`} className="panel preview">
        <h2 id={`${id}-preview`}>{t.propose.preview}</h2>
        {values.body.trim() ? <Markdown text={values.body} className="proposal-body" /> : <p className="field-hint">{t.propose.previewEmpty}</p>}
      </section>
    </div>
  );
}

