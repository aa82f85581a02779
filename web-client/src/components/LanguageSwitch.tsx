import { useId } from 'react';
import { useI18n } from '../i18n/i18n';
import { languages, type Language } from '../i18n/messages';

export function LanguageSwitch() {
  const { t, language, setLanguage } = useI18n();
  const id = useId();
  return (
    <div className="language-switch">
      <label htmlFor={id}>{t.language}</label>
      <select id={id} value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
        {languages.map((l) => (
          <option key={l} value={l} lang={l}>
            {t.languageNames[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
