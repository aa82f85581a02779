import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Field } from '../../components/Field';
import { FormAlert } from '../../components/FormAlert';
import { graphql } from '../../gql';
import { useI18n } from '../../i18n/i18n';
import { useAccountAction } from './useAccountAction';

const ChangePassword = graphql(`
  mutation ChangePassword($current: String!, $next: String!) {
    changePassword(input: { currentPassword: $current, newPassword: $next }) {
      sessionsEnded
      errors {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

/** Change the password: the current one is required, and every other session ends. */
export function PasswordSection({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const a = t.account;
  const id = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [, change] = useMutation(ChangePassword);
  const { problem, status, alert, settle } = useAccountAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await change({ current, next });
    const payload = result.data?.changePassword;
    if (settle(result, payload?.errors, a.passwordChanged(payload?.sessionsEnded ?? 0))) {
      setCurrent('');
      setNext('');
      onDone();
    }
  }

  const fieldError = (field: string) => (problem?.field === field ? [problem.message] : undefined);
  return (
    <section aria-labelledby={`${id}-h`} className="panel">
      <h2 id={`${id}-h`}>{a.passwordTitle}</h2>
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <FormAlert ref={alert} message={problem?.message ?? null} />
        <Field
          label={a.currentPassword}
          type="password"
          autoComplete="current-password"
          value={current}
          errors={fieldError('currentPassword')}
          onChange={(e) => setCurrent(e.target.value)}
        />
        <Field
          label={a.newPassword}
          hint={a.newPasswordHint}
          type="password"
          autoComplete="new-password"
          value={next}
          errors={fieldError('newPassword')}
          onChange={(e) => setNext(e.target.value)}
        />
        <button type="submit" className="button">
          {a.changePassword}
        </button>
        {status ? <p role="status">{status}</p> : null}
      </form>
    </section>
  );
}
