import { Fragment, useId, useState, type FormEvent } from 'react';
import '../../../styles.adminMembers.css';
import { useI18n } from '../../../i18n/i18n';
import { MemberEditor } from './MemberEditor';
import { useMemberSearch } from './useMemberSearch';

const roleOrder = ['MEMBER', 'MODERATOR', 'ADMIN'];

/** Members by handle or display name, a page at a time, each with their roles and voting right to manage. */
export function MemberSearch() {
  const { t } = useI18n();
  const m = t.adminMembers;
  const id = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const found = useMemberSearch();
  const rolesText = (roles: readonly string[]) => roleOrder.filter((r) => roles.includes(r)).map((r) => m.roleNames[r]).join(', ');

  function submit(event: FormEvent) {
    event.preventDefault();
    setOpen(null);
    void found.search(query);
  }

  return (
    <section aria-labelledby={`${id}-h`} className="panel">
      <h2 id={`${id}-h`}>{m.searchTitle}</h2>
      <form className="form" role="search" aria-labelledby={`${id}-h`} onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-q`}>{m.searchLabel}</label>
          <input id={`${id}-q`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
        <div className="actions-row">
          <button type="submit" className="button">
            {m.searchButton}
          </button>
        </div>
      </form>
      {found.error ? <p role="alert">{found.error}</p> : null}
      <p role="status" data-testid="member-count">
        {found.loading && found.rows.length === 0 ? m.loading : found.total === 0 ? m.none : m.found(found.rows.length, found.total)}
      </p>
      {found.rows.length > 0 ? (
        <table className="member-table" data-testid="member-results">
          <thead>
            <tr>
              <th scope="col">{m.columns.member}</th>
              <th scope="col">{m.columns.roles}</th>
              <th scope="col">{m.columns.votingRight}</th>
              <th scope="col">{m.columns.action}</th>
            </tr>
          </thead>
          <tbody>
            {found.rows.map((row) => (
              <Fragment key={row.id}>
                <tr>
                  <th scope="row">
                    <bdi>{row.displayName}</bdi> (@<bdi>{row.handle}</bdi>)
                  </th>
                  <td data-label={m.columns.roles}>{rolesText(row.roles)}</td>
                  <td data-label={m.columns.votingRight}>{row.votingRight ? m.votes : m.noVote}</td>
                  <td>
                    <button
                      type="button"
                      className="button button-secondary"
                      aria-expanded={open === row.id}
                      aria-controls={`${id}-${row.id}`}
                      onClick={() => setOpen(open === row.id ? null : row.id)}
                    >
                      {open === row.id ? m.close : m.manage}
                      <span className="visually-hidden"> @{row.handle}</span>
                    </button>
                  </td>
                </tr>
                {open === row.id ? (
                  <tr id={`${id}-${row.id}`}>
                    <td colSpan={4}>
                      <MemberEditor member={row} onChanged={found.replace} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
      ) : null}
      {found.hasMore ? (
        <div className="actions-row">
          <button type="button" className="button button-secondary" disabled={found.loading} onClick={() => void found.more()}>
            {m.more}
          </button>
        </div>
      ) : null}
    </section>
  );
}
