import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Field } from '../../components/Field';
import { FormAlert } from '../../components/FormAlert';
import { graphql } from '../../gql';
import { useI18n } from '../../i18n/i18n';
import { useRouter } from '../../router';
import { useSession } from '../../session/session';
import { useAccountAction } from './useAccountAction';

const EraseMyAccount = graphql(`
  mutation EraseMyAccount($password: String!) {
    eraseMyAccount(input: { password: $password }) {
      pseudonym
      errors {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

/** The member's data: download it all, or erase the account (password and a confirmation required). */
export function DataSection() {
  const { t } = useI18n();
  const a = t.account;
  const id = useId();
  const { signOut } = useSession();
  const { navigate } = useRouter();
  const [password, setPassword] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [unconfirmed, setUnconfirmed] = useState(false);
  const [, erase] = useMutation(EraseMyAccount);
  const { problem, alert, settle } = useAccountAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setUnconfirmed(!confirmed);
    if (!confirmed) return;
    const result = await erase({ password });
    if (settle(result, result.data?.eraseMyAccount.errors, '')) {
      await signOut();
      navigate('/');
    }
  }

  return (
    <section aria-labelledby={`${id}-h`} className="panel">
      <h2 id={`${id}-h`}>{a.dataTitle}</h2>
      <p>{a.dataIntro}</p>
      <p>
        <a className="button button-secondary" href="/api/account/export" download>
          {a.download}
        </a>
      </p>
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <FormAlert ref={alert} message={problem?.message ?? null} />
        <Field
          label={a.erasePassword}
          type="password"
          autoComplete="current-password"
          value={password}
          errors={problem?.field === 'password' ? [problem.message] : undefined}
          onChange={(e) => setPassword(e.target.value)}
        />
        <label className="checkbox">
          <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} /> {a.eraseConfirm}
        </label>
        {unconfirmed ? <p className="field-error">{a.eraseNeedsConfirm}</p> : null}
        <button type="submit" className="button button-danger">
          {a.erase}
        </button>
      </form>
    </section>
  );
}
