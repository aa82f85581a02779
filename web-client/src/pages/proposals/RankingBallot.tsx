import { useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import '../../styles.issues.css';
import { useRanking } from './useRanking';
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

/**
 * The ranked ballot (DESIGN §8), usable with a mouse and without one. Drag a choice to its place;
 * or focus a choice and press ↑/↓ to move it (Home/End take it to the top or the bottom), or use
 * its buttons, which also tie it with the one above or leave it unranked. Every move is
 * announced (aria-live). Ties and unranked choices are allowed; the groups go to
 * castRankedBallot best first.
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
  const { ranked, unranked, places, moveTo, toggleTie, exclude, include, groups } = useRanking(choices, mine);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [dragged, setDragged] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const [{ fetching }, cast] = useMutation(CastRankedBallotMutation);

  const moved = (key: string, to: number, place: number | null, focus: boolean) => {
    if (place === null) return;
    setAnnouncement(t.issue.moved(nameOf(key), place));
    // Keep the focus on the moved choice, so that arrow after arrow carries it on.
    if (focus) requestAnimationFrame(() => list.current?.querySelectorAll<HTMLElement>('li.ranking-row')[to]?.focus());
  };
  const move = (i: number, to: number, focus = false) => {
    const key = ranked[i]?.key;
    if (key) moved(key, to, moveTo(i, to), focus);
  };
  const onKey = (event: KeyboardEvent<HTMLLIElement>, i: number) => {
    if (event.target !== event.currentTarget) return; // the row's own buttons keep their keys
    const to = { ArrowUp: i - 1, ArrowDown: i + 1, Home: 0, End: ranked.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    move(i, to, true);
  };
  const onDrop = (event: DragEvent<HTMLLIElement>, to: number) => {
    event.preventDefault();
    if (dragged !== null) move(dragged, to);
    setDragged(null);
    setOver(null);
  };

  async function submit() {
    setDone(null);
    const result = await cast({ input: { issue: issueId, ranking: groups() } });
    const outcome = outcomeOf(t, result.data?.castRankedBallot.errors, result.error);
    const message = outcome.form ?? (Object.values(outcome.fields).join(' ') || null);
    setError(message);
    if (!message) {
      setDone(t.issue.saved);
      onSaved();
    }
  }

  return (
    <div className="ranking-ballot" data-testid="ranking-ballot">
      <h3>{t.issue.ballotTitle}</h3>
      <p id={`${issueId}-ballot-help`}>{t.issue.ballotHelp}</p>
      <FormAlert message={error} />
      <ol ref={list} className="ranking" aria-label={t.issue.ballotTitle} style={{ listStyle: 'none', paddingLeft: 0 }}>
        {ranked.map((row, i) => {
          const name = nameOf(row.key);
          const classes = ['ranking-row', row.tied ? 'tied' : '', dragged === i ? 'dragging' : '', over === i && dragged !== i ? 'drop-target' : ''];
          return (
            <li
              key={row.key}
              data-testid={`rank-${row.key}`}
              className={classes.filter(Boolean).join(' ')}
              tabIndex={0}
              aria-label={t.issue.rowLabel(name, places[i] ?? i + 1, row.tied)}
              aria-describedby={`${issueId}-ballot-help`}
              draggable
              onKeyDown={(e) => onKey(e, i)}
              onDragStart={(e) => {
                e.dataTransfer.effectAllowed = 'move';
                e.dataTransfer.setData('text/plain', row.key);
                setDragged(i);
              }}
              onDragOver={(e) => {
                e.preventDefault();
                setOver(i);
              }}
              onDragEnd={() => {
                setDragged(null);
                setOver(null);
              }}
              onDrop={(e) => onDrop(e, i)}
            >
              <span className="ranking-place" aria-hidden="true">
                {t.issue.rank(places[i] ?? i + 1)}
              </span>{' '}
              <span className="ranking-name" aria-hidden="true">
                {name}
              </span>
              <span className="ranking-actions" style={{ marginLeft: '0.75em', whiteSpace: 'nowrap' }}>
                <button type="button" onClick={() => move(i, i - 1)} disabled={i === 0} aria-label={t.issue.up(name)}>
                  ↑
                </button>
                <button type="button" onClick={() => move(i, i + 1)} disabled={i === ranked.length - 1} aria-label={t.issue.down(name)}>
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
      <p aria-live="polite" className="visually-hidden" data-testid="ranking-announcement">
        {announcement}
      </p>
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
