import { formatWeight } from '../../components/format';
import { useI18n } from '../../i18n/i18n';
import type { IssuePanelQuery } from '../../gql/graphql';

/** An issue's ranked result as the issue panel selects it (generated type). */
type Result = NonNullable<NonNullable<NonNullable<IssuePanelQuery['proposal']>['issue']>['result']>;
type Cell = Result['pairwise'][number];

function Matrix({ caption, cells, order, nameOf }: { caption: string; cells: Cell[]; order: string[]; nameOf: (key: string) => string }) {
  const { language } = useI18n();
  const at = new Map(cells.map((c) => [`${c.row}\u0000${c.column}`, c.weight]));
  return (
    <table className="matrix">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <td />
          {order.map((c) => (
            <th key={c} scope="col">
              {nameOf(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {order.map((r) => (
          <tr key={r}>
            <th scope="row">{nameOf(r)}</th>
            {order.map((c) => (
              <td key={c}>{r === c ? '—' : formatWeight(at.get(`${r}\u0000${c}`) ?? 0, language)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A closed ranked issue: the winner, the Schulze ranking, the pairwise matrix and the strongest paths. */
export function IssueResultView({ result, nameOf }: { result: Result; nameOf: (key: string) => string }) {
  const { t } = useI18n();
  return (
    <div data-testid="issue-result">
      <h3>{t.issue.resultTitle}</h3>
      <p data-testid="issue-winner">{result.winner ? t.issue.winner(nameOf(result.winner)) : t.issue.statusQuoStays}</p>
      {!result.quorumReached ? <p>{t.vote.quorumMissed}</p> : null}
      <h4>{t.issue.ranking}</h4>
      <ol>
        {result.ranking.map((key) => (
          <li key={key}>{nameOf(key)}</li>
        ))}
      </ol>
      <h4>{t.issue.pairwise}</h4>
      <Matrix caption={t.issue.pairwiseCaption} cells={result.pairwise} order={result.ranking} nameOf={nameOf} />
      <h4>{t.issue.strongest}</h4>
      <Matrix caption={t.issue.strongestCaption} cells={result.strongestPaths} order={result.ranking} nameOf={nameOf} />
    </div>
  );
}
