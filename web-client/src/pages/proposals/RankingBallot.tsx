import { useState } from 'react';
import { useMutation } from 'urql';
import { FormAlert } from '../../components/FormAlert';
import { graphql } from '../../gql';
import { useI18n } from '../../i18n/i18n';
import { outcomeOf } from './userErrors';

const CastRankedBallotMutation = graphql(`
  mutation CastRankedBallot($input: CastRankedBallotInput!) {
    castRankedBallot(input: $input) {
      issue {
        id
        myRanking
      }
      errors {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

/** A ranked choice: tied with the one above it, or a rank of its own. */
type Row = { key: string; tied: boolean };

function rowsOf(choices: string[], mine: string[][] | null): { ranked: Row[]; unranked: string[] } {
  if (!mine)
    return {
      ranked: choices.map((key) => ({ key, tied: false })),
      unranked: [],
    };
  const ranked = mine.flatMap((group) => group.map((key, i) => ({ key, tied: i > 0 })));
  const seen = new Set(ranked.map((r) => r.key));
  return { ranked, unranked: choices.filter((c) => !seen.has(c)) };
}

function groupsOf(ranked: Row[]): string[][] {
  const groups: string[][] = [];
  for (const row of ranked) {
    const last = groups[groups.length - 1];
    if (row.tied && last) last.push(row.key);
    else groups.push([row.key]);
  }
  return groups;
}

/**
 * The ranked ballot (DESIGN §8), usable without a mouse: each choice has buttons to move it up or
 * down, to tie it with the one above, or to leave it unranked. Ties and unranked choices are
 * allowed; the groups go to castRankedBallot best first.
 */
export function RankingBallot({
  issueId,
  choices,
  mine,
  nameOf,
  onSaved,
}: {
  issueId: string;
  choices: string[];
  mine: string[][] | null;
  nameOf: (key: string) => string;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const initial = rowsOf(choices, mine);
  const [ranked, setRanked] = useState<Row[]>(initial.ranked);
  const [unranked, setUnranked] = useState<string[]>(initial.unranked);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [{ fetching }, cast] = useMutation(CastRankedBallotMutation);

  const move = (i: number, by: number) => {
    const j = i + by;
    const a = ranked[i];
    const b = ranked[j];
    if (!a || !b) return;
    const next = ranked.map((r, k) => (k === i ? b : k === j ? a : r));
    setRanked(next.map((r, k) => (k === 0 ? { ...r, tied: false } : r)));
  };
  const toggleTie = (i: number) => setRanked(ranked.map((r, k) => (k === i ? { ...r, tied: !r.tied } : r)));
  const exclude = (i: number) => {
    const row = ranked[i];
    if (!row) return;
    setRanked(ranked.filter((_, k) => k !== i).map((r, k) => (k === 0 ? { ...r, tied: false } : r)));
    setUnranked([...unranked, row.key]);
  };
  const include = (key: string) => {
    setUnranked(unranked.filter((k) => k !== key));
    setRanked([...ranked, { key, tied: false }]);
  };

  async function submit() {
    setDone(null);
    const result = await cast({
      input: { issue: issueId, ranking: groupsOf(ranked) },
    });
    const outcome = outcomeOf(t, result.data?.castRankedBallot.errors, result.error);
    const message = outcome.form ?? (Object.values(outcome.fields).join(' ') || null);
    setError(message);
    if (!message) {
      setDone(t.issue.saved);
      onSaved();
    }
  }

  let rank = 0;
  return (
    <div className="ranking-ballot" data-testid="ranking-ballot">
      <h3>{t.issue.ballotTitle}</h3>
      <p>{t.issue.ballotHelp}</p>
      <FormAlert message={error} />
      <ol className="ranking" aria-label={t.issue.ballotTitle} style={{ listStyle: 'none', paddingLeft: 0 }}>
        {ranked.map((row, i) => {
          if (!row.tied || i === 0) rank += 1;
          const name = nameOf(row.key);
          return (
            <li key={row.key} data-testid={`rank-${row.key}`} className={row.tied ? 'ranking-row tied' : 'ranking-row'}>
              <span className="ranking-place">{t.issue.rank(rank)}</span> <span className="ranking-name">{name}</span>
              <span className="ranking-actions" style={{ marginLeft: '0.75em', whiteSpace: 'nowrap' }}>
                <button type="button" onClick={() => move(i, -1)} disabled={i === 0} aria-label={t.issue.up(name)}>
                  ↑
                </button>
                <button type="button" onClick={() => move(i, 1)} disabled={i === ranked.length - 1} aria-label={t.issue.down(name)}>
                  ↓
                </button>
                <button type="button" onClick={() => toggleTie(i)} disabled={i === 0} aria-pressed={row.tied} aria-label={row.tied ? t.issue.untie(name) : t.issue.tie(name)}>
                  =
                </button>
                <button type="button" onClick={() => exclude(i)} aria-label={t.issue.exclude(name)}>
                  ×
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      {unranked.length > 0 ? (
        <div>
          <h4>{t.issue.unranked}</h4>
          <ul>
            {unranked.map((key) => (
              <li key={key}>
                {nameOf(key)}{' '}
                <button type="button" onClick={() => include(key)} aria-label={t.issue.include(nameOf(key))}>
                  +
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <button type="button" className="button" disabled={fetching || ranked.length === 0} onClick={() => void submit()}>
        {mine ? t.issue.change : t.issue.cast}
      </button>
      <p role="status" className="done">
        {done}
      </p>
    </div>
  );
}
