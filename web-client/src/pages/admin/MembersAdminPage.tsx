import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { FormAlert } from '../../components/FormAlert';
import { formatDate } from '../../components/format';
import { PageHeading } from '../../components/PageHeading';
import { firstUserError, type UserErrorLike } from '../../components/userErrors';
import { useFocusAfterRender } from '../../components/focusAfterRender';
import { graphql } from '../../gql';
import type { ImportRegistryMutation } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';

const MembersAdminQuery = graphql(`
  query MembersAdmin {
    policy
    invitations {
      id
      note
      status
      expiresAt
      usedBy {
        id
        handle
      }
    }
  }
`);

const SetRegistration = graphql(`
  mutation SetRegistration($changes: String!) {
    setPolicy(input: { changes: $changes }) {
      policy
      errors {
        __typename
        ... on UserError {
          code
          message
          field
        }
      }
    }
  }
`);

const CreateInvitation = graphql(`
  mutation CreateInvitation($note: String, $days: Int) {
    createInvitation(input: { note: $note, expiresInDays: $days }) {
      code
      invitation {
        id
      }
      errors {
        __typename
        ... on UserError {
          code
          message
          field
        }
      }
    }
  }
`);

const RevokeInvitation = graphql(`
  mutation RevokeInvitation($id: ID!) {
    revokeInvitation(input: { invitation: $id }) {
      invitation {
        id
        status
      }
      errors {
        __typename
        ... on UserError {
          code
          message
          field
        }
      }
    }
  }
`);

const ImportRegistry = graphql(`
  mutation ImportRegistry($csv: String!, $dryRun: Boolean!) {
    importRegistry(input: { csv: $csv, dryRun: $dryRun }) {
      report {
        dryRun
        lines
        added
        updated
        unchanged
        changes {
          memberNumber
          line
          added
          changedFields
        }
        granted {
          memberNumber
          member {
            id
            handle
          }
        }
        suspended {
          memberNumber
          member {
            id
            handle
          }
        }
      }
      errors {
        __typename
        ... on UserError {
          code
          message
          field
        }
      }
    }
  }
`);

type Problem = UserErrorLike | null;

function problemOf(result: { error?: { message: string } | undefined }, errors: Parameters<typeof firstUserError>[0]): Problem {
  return result.error ? { message: result.error.message, code: '', field: null } : firstUserError(errors);
}

/** The admin page of who may vote: the registration policy, invitations and the membership register. */
export function MembersAdminPage() {
  const { t, language } = useI18n();
  const a = t.admin;
  const { state } = useSession();
  const isAdmin = state.status === 'signedIn' && state.session.member.roles.includes('admin');
  const [{ data }, refetch] = useQuery({ query: MembersAdminQuery, pause: !isAdmin, requestPolicy: 'cache-and-network' });
  if (!isAdmin) {
    return (
      <>
        <PageHeading>{a.membersTitle}</PageHeading>
        <p>{a.notAdmin}</p>
      </>
    );
  }

  const registration = data ? ((JSON.parse(data.policy) as { registration?: string }).registration ?? 'invite') : null;
  return (
    <>
      <PageHeading>{a.membersTitle}</PageHeading>
      <p className="lead">{a.membersIntro}</p>
      {/* Mounted once the policy is known; a save's refetch must not remount it (its status would vanish). */}
      {registration ? <RegistrationForm current={registration} onDone={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      <Invitations
        rows={data?.invitations ?? []}
        language={language}
        onDone={() => refetch({ requestPolicy: 'network-only' })}
      />
      <RegistryImport />
    </>
  );
}

function RegistrationForm({ current, onDone }: { current: string; onDone: () => void }) {
  const { t } = useI18n();
  const a = t.admin;
  const id = useId();
  const [value, setValue] = useState(current);
  const [problem, setProblem] = useState<Problem>(null);
  const [done, setDone] = useState<string | null>(null);
  const [, save] = useMutation(SetRegistration);
  const [alert, focusAlert] = useFocusAfterRender<HTMLDivElement>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await save({ changes: JSON.stringify({ registration: value }) });
    const p = problemOf(result, result.data?.setPolicy.errors);
    setProblem(p);
    if (p) focusAlert();
    if (!p) {
      setDone(a.registrationSaved(a.registrationOptions[value] ?? value));
      onDone();
    }
  }

  return (
    <section aria-labelledby={`${id}-h`} className="panel">
      <h2 id={`${id}-h`}>{a.registrationTitle}</h2>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <FormAlert ref={alert} message={problem?.message ?? null} />
        <div className="field">
          <label htmlFor={`${id}-select`}>{a.registrationLabel}</label>
          <select id={`${id}-select`} value={value} onChange={(e) => setValue(e.target.value)}>
            {['open', 'invite', 'registry'].map((option) => (
              <option key={option} value={option}>
                {a.registrationOptions[option]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {a.registrationSave}
        </button>
        {done ? <p role="status">{done}</p> : null}
      </form>
    </section>
  );
}

interface InvitationRow {
  id: string;
  note: string;
  status: string;
  expiresAt: string;
  usedBy?: { id: string; handle: string } | null;
}

function Invitations({ rows, language, onDone }: { rows: readonly InvitationRow[]; language: string; onDone: () => void }) {
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

type Report = NonNullable<ImportRegistryMutation['importRegistry']['report']>;

function RegistryImport() {
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
