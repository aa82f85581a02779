import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { FormAlert } from '../../../components/FormAlert';
import { useFocusAfterRender } from '../../../components/focusAfterRender';
import { useI18n } from '../../../i18n/i18n';
import { problemOf, type Problem } from './problem';
import { SetRegistration } from './queries';

/** The organisation's registration policy: open, invite or registry. */
export function RegistrationForm({ current, onDone }: { current: string; onDone: () => void }) {
  const { t } = useI18n();
  const a = t.admin;
  const id = useId();
  const [value, setValue] = useState(current);
  const [problem, setProblem] = useState<Problem>(null);
  const [done, setDone] = useState<string | null>(null);
  const [, save] = useMutation(SetRegistration);
  const [alert, focusAlert] = useFocusAfterRender<HTMLDivElement>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await save({ changes: JSON.stringify({ registration: value }) });
    const p = problemOf(result, result.data?.setPolicy.errors);
    setProblem(p);
    if (p) focusAlert();
    if (!p) {
      setDone(a.registrationSaved(a.registrationOptions[value] ?? value));
      onDone();
    }
  }

  return (
    <section aria-labelledby={`${id}-h`} className="panel">
      <h2 id={`${id}-h`}>{a.registrationTitle}</h2>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <FormAlert ref={alert} message={problem?.message ?? null} />
        <div className="field">
          <label htmlFor={`${id}-select`}>{a.registrationLabel}</label>
          <select id={`${id}-select`} value={value} onChange={(e) => setValue(e.target.value)}>
            {['open', 'invite', 'registry'].map((option) => (
              <option key={option} value={option}>
                {a.registrationOptions[option]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {a.registrationSave}
        </button>
        {done ? <p role="status">{done}</p> : null}
      </form>
    </section>
  );
}
