import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Field } from '../components/Field';
import { FormAlert } from '../components/FormAlert';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n/i18n';
import { Link, useRouter } from '../router';
import { accountApi } from '../session/api';
import { focusFirstInvalid, formErrors, type FormErrors } from '../session/problems';
import { useSession } from '../session/session';

const fieldOrder = ['handleOrEmail', 'password'];

export function SignInPage() {
  const { t } = useI18n();
  const { signedIn } = useSession();
  const { navigate } = useRouter();
  const [handleOrEmail, setHandleOrEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>({ fields: {}, form: null });
  const inputs = useRef<Record<string, HTMLInputElement | null>>({});
  const alert = useRef<HTMLDivElement>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (attempt === 0) return;
    if (!focusFirstInvalid(fieldOrder, errors.fields, inputs.current) && errors.form) alert.current?.focus();
  }, [attempt, errors]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    const result = await accountApi.signIn(handleOrEmail, password);
    setBusy(false);
    if (result.ok) {
      signedIn(result.data);
      navigate('/');
      return;
    }
    setErrors(formErrors(result, t));
    setAttempt((n) => n + 1);
  }

  return (
    <>
      <PageHeading>{t.signIn.title}</PageHeading>
      <form className="form" noValidate onSubmit={(e) => void submit(e)} aria-busy={busy}>
        <FormAlert ref={alert} message={errors.form} />
        <Field
          ref={(el) => {
            inputs.current.handleOrEmail = el;
          }}
          label={t.signIn.handleOrEmail}
          name="handleOrEmail"
          autoComplete="username"
          value={handleOrEmail}
          onChange={(e) => setHandleOrEmail(e.target.value)}
          errors={errors.fields.handleOrEmail}
        />
        <Field
          ref={(el) => {
            inputs.current.password = el;
          }}
          label={t.signIn.password}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          errors={errors.fields.password}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? t.signIn.submitting : t.signIn.submit}
        </button>
      </form>
      <p>
        {t.signIn.noAccount} <Link href="/register">{t.signIn.registerLink}</Link>
      </p>
    </>
  );
}
