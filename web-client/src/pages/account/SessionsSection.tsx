import { useId } from 'react';
import { useMutation } from 'urql';
import { FormAlert } from '../../components/FormAlert';
import { formatDate } from '../../components/format';
import { graphql } from '../../gql';
import { useI18n } from '../../i18n/i18n';
import { useAccountAction } from './useAccountAction';
import type { AccountQuery } from '../../gql/graphql';

const RevokeSession = graphql(`
  mutation RevokeSession($id: ID!) {
    revokeSession(input: { session: $id }) {
      sessions {
        id
      }
      errors {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

const SignOutOthers = graphql(`
  mutation SignOutOtherSessions {
    signOutOtherSessions {
      sessionsEnded
      errors {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

/** A signed-in session as the account query lists it (generated type). */
export type SessionRow = NonNullable<AccountQuery['viewer']>['sessions'][number];

const browsers: [RegExp, string][] = [
  [/Edg\/(\d+)/, 'Edge'],
  [/Firefox\/(\d+)/, 'Firefox'],
  [/Chrom(?:e|ium)\/(\d+)/, 'Chrome'],
  [/Version\/(\d+).*Safari\//, 'Safari'],
];
const systems: [RegExp, string][] = [
  [/Windows/, 'Windows'],
  [/Android/, 'Android'],
  [/iPhone|iPad/, 'iOS'],
  [/Mac OS X/, 'macOS'],
  [/Linux/, 'Linux'],
];

/** A browser's self-description cut to what a member recognises ("Chrome 131 · Linux"). */
export function describeBrowser(userAgent: string | null | undefined, unknown: string): string {
  if (!userAgent) return unknown;
  const browser = browsers.map(([pattern, name]) => ({ match: pattern.exec(userAgent), name })).find((b) => b.match);
  if (!browser) return userAgent.slice(0, 60);
  const system = systems.find(([pattern]) => pattern.test(userAgent))?.[1];
  const named = `${browser.name} ${browser.match![1]}`;
  return system ? `${named} · ${system}` : named;
}

/** Where I am signed in; any session but this one can be signed out, or all of them at once. */
export function SessionsSection({ rows, onDone }: { rows: readonly SessionRow[]; onDone: () => void }) {
  const { t, language } = useI18n();
  const a = t.account;
  const id = useId();
  const [, revoke] = useMutation(RevokeSession);
  const [, signOutOthers] = useMutation(SignOutOthers);
  const { problem, status, alert, settle } = useAccountAction();

  async function revokeOne(session: string) {
    const result = await revoke({ id: session });
    if (settle(result, result.data?.revokeSession.errors, a.sessionRevoked)) onDone();
  }

  async function revokeOthers() {
    const result = await signOutOthers({});
    const payload = result.data?.signOutOtherSessions;
    if (settle(result, payload?.errors, a.othersSignedOut(payload?.sessionsEnded ?? 0))) onDone();
  }

  return (
    <section aria-labelledby={`${id}-h`} className="panel">
      <h2 id={`${id}-h`}>{a.sessionsTitle}</h2>
      <FormAlert ref={alert} message={problem?.message ?? null} />
      <table data-testid="sessions">
        <thead>
          <tr>
            <th scope="col">{a.sessionColumns.browser}</th>
            <th scope="col">{a.sessionColumns.started}</th>
            <th scope="col">{a.sessionColumns.expires}</th>
            <th scope="col">{a.sessionColumns.action}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>{describeBrowser(row.userAgent, a.unknownBrowser)}</td>
              <td>{formatDate(row.createdAt, language)}</td>
              <td>{formatDate(row.expiresAt, language)}</td>
              <td>
                {row.current ? (
                  <strong>{a.thisSession}</strong>
                ) : (
                  <button
                    type="button"
                    className="button button-secondary"
                    aria-label={a.revokeSession(formatDate(row.createdAt, language))}
                    onClick={() => void revokeOne(row.id)}
                  >
                    {a.signOut}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.some((r) => !r.current) ? (
        <button type="button" className="button" onClick={() => void revokeOthers()}>
          {a.signOutOthers}
        </button>
      ) : null}
      {status ? <p role="status">{status}</p> : null}
    </section>
  );
}
