import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Field } from '../../components/Field';
import { FormAlert } from '../../components/FormAlert';
import { formatDate } from '../../components/format';
import { graphql } from '../../gql';
import type { TokenScope } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { useAccountAction } from './useAccountAction';
import type { AccountQuery } from '../../gql/graphql';

const CreateToken = graphql(`
  mutation CreateAccessToken($name: String!, $scopes: [TokenScope!]!, $days: Int) {
    createAccessToken(input: { name: $name, scopes: $scopes, expiresInDays: $days }) {
      token
      accessToken {
        id
        name
      }
      errors {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

const RevokeToken = graphql(`
  mutation RevokeAccessToken($id: ID!) {
    revokeAccessToken(input: { accessToken: $id }) {
      revokedId
      errors {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

/** A personal access token as the account query lists it (generated type). */
export type TokenRow = NonNullable<AccountQuery['viewer']>['accessTokens'][number];

const allScopes: readonly TokenScope[] = ['READ', 'VOTE', 'DELEGATE', 'PROPOSE', 'MODERATE'];

/** Personal access tokens: create one with chosen scopes (its secret shown this once), list and revoke them. */
export function TokensSection({ rows, onDone }: { rows: readonly TokenRow[]; onDone: () => void }) {
  const { t, language } = useI18n();
  const a = t.account;
  const id = useId();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>(['READ']);
  const [days, setDays] = useState('90');
  const [secret, setSecret] = useState<string | null>(null);
  const [, create] = useMutation(CreateToken);
  const [, revoke] = useMutation(RevokeToken);
  const { problem, status, alert, settle } = useAccountAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = Number.parseInt(days, 10);
    const result = await create({ name, scopes, days: Number.isNaN(parsed) ? null : parsed });
    const payload = result.data?.createAccessToken;
    if (settle(result, payload?.errors, a.tokenCreated(payload?.accessToken?.name ?? name))) {
      setSecret(payload?.token ?? null);
      setName('');
      onDone();
    } else {
      setSecret(null);
    }
  }

  async function revokeOne(token: string) {
    const result = await revoke({ id: token });
    setSecret(null);
    if (settle(result, result.data?.revokeAccessToken.errors, a.tokenRevoked)) onDone();
  }

  const toggle = (scope: TokenScope) => setScopes((s) => (s.includes(scope) ? s.filter((x) => x !== scope) : [...s, scope]));
  const fieldError = (field: string) => (problem?.field === field ? [problem.message] : undefined);
  const when = (iso: string | null | undefined, none: string) => (iso ? formatDate(iso, language) : none);
  return (
    <section aria-labelledby={`${id}-h`} className="panel">
      <h2 id={`${id}-h`}>{a.tokensTitle}</h2>
      <p>{a.tokensIntro}</p>
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <FormAlert ref={alert} message={problem?.message ?? null} />
        <Field label={a.tokenName} value={name} maxLength={100} errors={fieldError('name')} onChange={(e) => setName(e.target.value)} />
        <fieldset className="field">
          <legend>{a.tokenScopes}</legend>
          {allScopes.map((scope) => (
            <label key={scope} className="checkbox">
              <input type="checkbox" checked={scopes.includes(scope)} onChange={() => toggle(scope)} /> {a.scopeNames[scope] ?? scope}
            </label>
          ))}
          {fieldError('scopes') ? <p className="field-error">{problem?.message}</p> : null}
        </fieldset>
        <Field
          label={a.tokenDays}
          type="number"
          min={1}
          max={366}
          value={days}
          errors={fieldError('expiresInDays')}
          onChange={(e) => setDays(e.target.value)}
        />
        <button type="submit" className="button">
          {a.createToken}
        </button>
      </form>
      {status ? (
        <div role="status" data-testid="token-status">
          <p>{status}</p>
          {secret ? (
            <p>
              <code data-testid="token-secret" className="secret">
                {secret}
              </code>
            </p>
          ) : null}
        </div>
      ) : null}
      {rows.length === 0 ? (
        <p>{a.noTokens}</p>
      ) : (
        <table data-testid="tokens">
          <thead>
            <tr>
              <th scope="col">{a.tokenColumns.name}</th>
              <th scope="col">{a.tokenColumns.scopes}</th>
              <th scope="col">{a.tokenColumns.created}</th>
              <th scope="col">{a.tokenColumns.expires}</th>
              <th scope="col">{a.tokenColumns.lastUsed}</th>
              <th scope="col">{a.tokenColumns.action}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>{row.name}</td>
                <td>{row.scopes.map((s) => s.toLowerCase()).join(', ')}</td>
                <td>{formatDate(row.createdAt, language)}</td>
                <td>{when(row.expiresAt, a.never)}</td>
                <td>{when(row.lastUsedAt, a.notYet)}</td>
                <td>
                  <button type="button" className="button button-secondary" aria-label={a.revokeToken(row.name)} onClick={() => void revokeOne(row.id)}>
                    {a.revoke}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
