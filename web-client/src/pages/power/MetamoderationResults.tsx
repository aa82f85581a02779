import { bidi, isolate, personName } from '../../components/isolate';
import { useI18n } from '../../i18n/i18n';
import { useMetamoderationResults } from './useMetamoderation';

/** How jurors judged each moderator: all told and over the policy's window, with the threshold stated (public). */
export function MetamoderationResults() {
  const { t } = useI18n();
  const m = t.metamoderation;
  const { results, policy } = useMetamoderationResults();
  const days = policy?.metamoderationWindowDays ?? 90;
  return (
    <section className="panel meta-results" aria-labelledby="meta-results-heading" data-testid="meta-results">
      <h2 id="meta-results-heading">{m.resultsTitle}</h2>
      {policy ? <p className="muted">{m.resultsIntro(`${Math.round(policy.metamoderationMinFairShare * 100)} %`, policy.metamoderationMinJudgements, days)}</p> : null}
      {results.length === 0 ? (
        <p>{m.resultsEmpty}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{m.moderator}</th>
                <th scope="col">{m.fairShare}</th>
                <th scope="col">{m.window(days)}</th>
                <th scope="col">{m.state}</th>
              </tr>
            </thead>
            <tbody>
              {results.map((r, i) => (
                <tr key={r.moderator?.id ?? i} data-testid="meta-result">
                  <th scope="row">{r.moderator ? bidi(isolate(personName(r.moderator))) : '–'}</th>
                  <td>{m.percent(r.fairShare, r.judgements)}</td>
                  <td>{m.percent(r.windowFairShare, r.windowJudgements)}</td>
                  <td>{r.underReview ? m.underReview : r.isModerator ? m.isModerator : m.formerModerator}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
