import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { FormAlert } from '../../../components/FormAlert';
import { formatDate } from '../../../components/format';
import { useFocusAfterRender } from '../../../components/focusAfterRender';
import { useI18n } from '../../../i18n/i18n';
import { problemOf, type Problem } from './problem';
import { CreateInvitation, RevokeInvitation } from './queries';
import type { MembersAdminQuery } from '../../../gql/graphql';

/** An invitation as the members-admin query lists it (generated type). */
export type InvitationRow = NonNullable<MembersAdminQuery['invitations']>[number];

/** Invitation codes: issue one (shown once), list them, revoke an unused one. */
export function Invitations({ rows, language, onDone }: { rows: readonly InvitationRow[]; language: string; onDone: () => void }) {
  const { t } = useI18n();
  const a = t.admin;
  const id = useId();
  const [note, setNote] = useState('');
  const [days, setDays] = useState('14');
  const [problem, setProblem] = useState<Problem>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [, create] = useMutation(CreateInvitation);
  const [, revoke] = useMutation(RevokeInvitation);
  const [alert, focusAlert] = useFocusAfterRender<HTMLDivElement>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = Number.parseInt(days, 10);
    const result = await create({ note: note || null, days: Number.isNaN(parsed) ? null : parsed });
    const p = problemOf(result, result.data?.createInvitation.errors);
    setProblem(p);
    if (p) focusAlert();
    if (!p && result.data?.createInvitation.code) {
      setStatus(a.invitationCreated(result.data.createInvitation.code));
      setNote('');
      onDone();
    }
  }

  async function revokeOne(invitation: string) {
    const result = await revoke({ id: invitation });
    const p = problemOf(result, result.data?.revokeInvitation.errors);
    setProblem(p);
    if (p) focusAlert();
    if (!p) {
      setStatus(a.invitationRevoked);
      onDone();
    }
  }

  return (
    <section aria-labelledby={`${id}-h`} className="panel">
      <h2 id={`${id}-h`}>{a.invitationsTitle}</h2>
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <FormAlert ref={alert} message={problem?.message ?? null} />
        <div className="field">
          <label htmlFor={`${id}-note`}>{a.invitationNote}</label>
          <input id={`${id}-note`} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-days`}>{a.invitationDays}</label>
          <input id={`${id}-days`} type="number" min={1} max={90} value={days} onChange={(e) => setDays(e.target.value)} />
        </div>
        <button type="submit" className="button">
          {a.invitationCreate}
        </button>
      </form>
      {status ? (
        <p role="status" data-testid="invitation-status">
          {status}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p>{a.invitationsNone}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{a.invitationColumns.note}</th>
              <th scope="col">{a.invitationColumns.status}</th>
              <th scope="col">{a.invitationColumns.expires}</th>
              <th scope="col">{a.invitationColumns.usedBy}</th>
              <th scope="col">{a.invitationColumns.action}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>{row.note || a.invitationNoNote}</td>
                <td>{a.invitationStatus[row.status] ?? row.status}</td>
                <td>{formatDate(row.expiresAt, language)}</td>
                <td>{row.usedBy ? `@${row.usedBy.handle}` : ''}</td>
                <td>
                  {row.status === 'OPEN' ? (
                    <button type="button" className="button button-secondary" onClick={() => void revokeOne(row.id)}>
                      {a.invitationRevoke(row.note || a.invitationNoNote)}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
