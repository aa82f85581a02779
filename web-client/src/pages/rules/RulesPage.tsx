import { useEffect } from 'react';
import { PageHeading } from '../../components/PageHeading';
import { useI18n } from '../../i18n/i18n';
import { ruleKeys } from '../../i18n/messages.rules';

/** /rules: what each rule in force means, one section per rule, each an anchor the rules panels link to. */
export function RulesPage() {
  const { t } = useI18n();
  const p = t.rulesPage;
  useEffect(() => {
    // The client router changes the path without the browser's own jump to the fragment.
    const target = window.location.hash ? document.getElementById(window.location.hash.slice(1)) : null;
    target?.scrollIntoView();
  }, []);
  return (
    <>
      <PageHeading>{p.title}</PageHeading>
      <p className="lead">{p.intro}</p>
      <dl className="rules-explained">
        {ruleKeys.map((key) => (
          <div key={key} id={key}>
            <dt>
              <strong>{t.rules.names[key]}</strong>
            </dt>
            <dd>{p.explanations[key]}</dd>
          </div>
        ))}
      </dl>
      <h2>{p.origins}</h2>
      <p>{p.originsText}</p>
    </>
  );
}
