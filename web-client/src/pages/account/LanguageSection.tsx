import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { FormAlert } from '../../components/FormAlert';
import { graphql } from '../../gql';
import { useI18n } from '../../i18n/i18n';
import { languages, type Language } from '../../i18n/messages';
import { useAccountAction } from './useAccountAction';

const SetLanguage = graphql(`
  mutation SetLanguage($language: String) {
    setLanguage(input: { language: $language }) {
      language
      errors {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

/** The language preference, stored with the account so that it follows the member to any browser. */
export function LanguageSection({ stored, onDone }: { stored: string | null; onDone: () => void }) {
  const { t, setLanguage } = useI18n();
  const a = t.account;
  const id = useId();
  const [value, setValue] = useState(stored ?? '');
  const [, save] = useMutation(SetLanguage);
  const { problem, status, alert, settle } = useAccountAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await save({ language: value || null });
    const saved = result.data?.setLanguage.language;
    // The confirmation reads in the language just chosen.
    if (saved && (languages as string[]).includes(saved)) setLanguage(saved as Language);
    if (settle(result, result.data?.setLanguage.errors, a.languageSaved)) onDone();
  }

  return (
    <section aria-labelledby={`${id}-h`} className="panel">
      <h2 id={`${id}-h`}>{a.languageTitle}</h2>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <FormAlert ref={alert} message={problem?.message ?? null} />
        <div className="field">
          <label htmlFor={`${id}-select`}>{a.languageLabel}</label>
          <select id={`${id}-select`} value={value} onChange={(e) => setValue(e.target.value)}>
            <option value="">{a.languageBrowser}</option>
            {languages.map((l) => (
              <option key={l} value={l} lang={l}>
                {t.languageNames[l]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {a.saveLanguage}
        </button>
        {status ? <p role="status">{status}</p> : null}
      </form>
    </section>
  );
}
