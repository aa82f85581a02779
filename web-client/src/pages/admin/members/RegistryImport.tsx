import { useId, useState } from 'react';
import { useMutation } from 'urql';
import { FormAlert } from '../../../components/FormAlert';
import { useFocusAfterRender } from '../../../components/focusAfterRender';
import type { ImportRegistryMutation } from '../../../gql/graphql';
import { useI18n } from '../../../i18n/i18n';
import { problemOf, type Problem } from './problem';
import { ImportRegistry } from './queries';

type Report = NonNullable<ImportRegistryMutation['importRegistry']['report']>;

/** The membership register as CSV: a dry run shows what would change, the import applies it. */
export function RegistryImport() {
  const { t } = useI18n();
  const a = t.admin;
  const id = useId();
  const [csv, setCsv] = useState('member_number,email,name,status\n');
  const [problem, setProblem] = useState<Problem>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [, run] = useMutation(ImportRegistry);
  const [alert, focusAlert] = useFocusAfterRender<HTMLDivElement>();
  const [heading, focusHeading] = useFocusAfterRender<HTMLHeadingElement>();

  async function submit(dryRun: boolean) {
    const result = await run({ csv, dryRun });
    const p = problemOf(result, result.data?.importRegistry.errors);
    setProblem(p);
    setReport(p ? null : (result.data?.importRegistry.report ?? null));
    if (p) focusAlert();
    else focusHeading();
  }

  const handles = (list: Report['granted']) => (list.length === 0 ? a.none : list.map((g) => `@${g.member.handle}`).join(', '));
  return (
    <section aria-labelledby={`${id}-h`} className="panel">
      <h2 id={`${id}-h`}>{a.registryTitle}</h2>
      <p>{a.registryIntro}</p>
      <form className="form" noValidate onSubmit={(e) => e.preventDefault()}>
        <FormAlert ref={alert} message={problem?.message ?? null} />
        <div className="field">
          <label htmlFor={`${id}-csv`}>{a.registryCsv}</label>
          <textarea id={`${id}-csv`} rows={8} value={csv} spellCheck={false} onChange={(e) => setCsv(e.target.value)} />
        </div>
        <div className="actions-row">
          <button type="button" className="button button-secondary" onClick={() => void submit(true)}>
            {a.registryDryRun}
          </button>{' '}
          <button type="button" className="button" onClick={() => void submit(false)}>
            {a.registryImport}
          </button>
        </div>
      </form>
      {report ? (
        <div data-testid="registry-report">
          <h3 ref={heading} tabIndex={-1}>
            {a.registryReport(report.dryRun)}
          </h3>
          <p>{a.registrySummary(report.lines, report.added, report.updated, report.unchanged)}</p>
          <dl>
            <dt>{a.registryGranted}</dt>
            <dd>{handles(report.granted)}</dd>
            <dt>{a.registrySuspended}</dt>
            <dd>{handles(report.suspended)}</dd>
          </dl>
          {report.changes.length > 0 ? (
            <table>
              <caption>{a.registryChanges}</caption>
              <thead>
                <tr>
                  <th scope="col">{a.registryColumns.line}</th>
                  <th scope="col">{a.registryColumns.number}</th>
                  <th scope="col">{a.registryColumns.change}</th>
                </tr>
              </thead>
              <tbody>
                {report.changes.map((c) => (
                  <tr key={c.memberNumber}>
                    <td>{c.line}</td>
                    <td>{c.memberNumber}</td>
                    <td>{c.added ? a.registryAdded : c.changedFields.join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
