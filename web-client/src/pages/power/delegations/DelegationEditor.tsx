import { useId } from 'react';
import { EndorseButton, EndorsementRule } from '../../../components/Endorse';
import { FormAlert } from '../../../components/FormAlert';
import { bidi, isolate, personName } from '../../../components/isolate';
import type { FragmentType } from '../../../gql';
import type { ScopeInput } from '../../../gql/graphql';
import { useI18n } from '../../../i18n/i18n';
import { type CurrentDelegationFields, useDelegationEditor } from './useDelegationEditor';

/** The delegation in force in one scope, and the form that ranks 1 to maxDelegates delegates, blocks or revokes it. */
export function DelegationEditor(props: {
  scope: ScopeInput;
  current: FragmentType<typeof CurrentDelegationFields> | null;
  me: string;
  maxDelegates: number;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const d = t.power.delegations;
  const { maxDelegates } = props;
  const e = useDelegationEditor(props);
  const { current, chosen, setChosen } = e;
  const searchId = useId();

  return (
    <section className="panel" aria-labelledby="current-heading">
      <h2 id="current-heading">{d.currentTitle}</h2>
      <div data-testid="current-delegation">
        {current === null ? (
          <p>{d.currentNone}</p>
        ) : current.isBlock ? (
          <p>{d.currentBlocked}</p>
        ) : (
          <>
            <p>{d.currentList}</p>
            <ol>
              {current.delegates.map((p) => (
                <li key={p.id}>{bidi(personName(p))}</li>
              ))}
            </ol>
          </>
        )}
      </div>
      <FormAlert ref={e.alertRef} message={e.alert} />
      <p role="status" className={e.status ? 'notice' : 'notice notice-empty'}>
        {e.status}
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void e.save();
        }}
        aria-labelledby="edit-heading"
      >
        <h3 id="edit-heading">{d.editTitle}</h3>
        <h4 id="chosen-heading">{d.chosenTitle}</h4>
        {chosen.length === 0 ? (
          <p>{d.chosenEmpty}</p>
        ) : (
          <ol aria-labelledby="chosen-heading" className="ranked">
            {chosen.map((p, i) => (
              <li key={p.id}>
                <span className="ranked-name">
                  {d.rank(i + 1)}: {bidi(personName(p))}
                </span>
                <span className="ranked-actions">
                  <button type="button" className="button button-small button-secondary" disabled={i === 0} onClick={() => e.move(i, -1)} aria-label={d.moveUp(p.displayName)}>
                    ↑
                  </button>
                  <button
                    type="button"
                    className="button button-small button-secondary"
                    disabled={i === chosen.length - 1}
                    onClick={() => e.move(i, 1)}
                    aria-label={d.moveDown(p.displayName)}
                  >
                    ↓
                  </button>
                  <button type="button" className="button button-small button-secondary" onClick={() => setChosen(chosen.filter((c) => c.id !== p.id))} aria-label={d.remove(p.displayName)}>
                    ×
                  </button>
                </span>
              </li>
            ))}
          </ol>
        )}
        <div className="field">
          <label htmlFor={searchId}>{d.search}</label>
          <p id={`${searchId}-hint`} className="field-hint">
            {chosen.length >= maxDelegates ? d.full(maxDelegates) : d.searchHint}
          </p>
          <input id={searchId} type="search" aria-describedby={`${searchId}-hint`} value={e.search} onChange={(event) => e.setSearch(event.target.value)} autoComplete="off" />
        </div>
        {e.term.length >= 2 && e.found ? (
          <>
            <p role="status" className="muted">
              {d.searchResults(e.results.length)}
            </p>
            {e.results.length > 0 ? <EndorsementRule id={`${searchId}-endorsement-rule`} /> : null}
            <ul className="search-results">
              {e.results.map((m) => (
                <li key={m.id}>
                  <span>
                    {bidi(personName(m))}
                    <EndorseButton member={m} describedBy={`${searchId}-endorsement-rule`} />
                  </span>
                  <button
                    type="button"
                    className="button button-small"
                    disabled={chosen.length >= maxDelegates}
                    onClick={() => {
                      setChosen([...chosen, { id: m.id, handle: m.handle, displayName: m.displayName }]);
                      e.setSearch('');
                    }}
                  >
                    {bidi(d.add(isolate(m.displayName)))}
                  </button>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <div className="button-row">
          <button type="submit" className="button" disabled={e.busy}>
            {e.delegating ? d.saving : d.save}
          </button>
          <button type="button" className="button button-secondary" disabled={e.busy} onClick={() => void e.blockHere()}>
            {d.block}
          </button>
          <button type="button" className="button button-secondary" disabled={e.busy || current === null} onClick={() => void e.revokeHere()}>
            {d.revoke}
          </button>
        </div>
      </form>
    </section>
  );
}
