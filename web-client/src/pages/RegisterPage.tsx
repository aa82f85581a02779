import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Field } from '../components/Field';
import { FormAlert } from '../components/FormAlert';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n/i18n';
import { Link, useRouter } from '../router';
import { accountApi } from '../session/api';
import { focusFirstInvalid, formErrors, type FormErrors } from '../session/problems';
import { useSession } from '../session/session';

const fieldOrder = ['handle', 'displayName', 'email', 'password', 'invitationCode', 'memberNumber'] as const;
type FieldName = (typeof fieldOrder)[number];

export function RegisterPage() {
  const { t } = useI18n();
  const { signedIn } = useSession();
  const { navigate } = useRouter();
  const [values, setValues] = useState<Record<FieldName, string>>({ handle: '', displayName: '', email: '', password: '', invitationCode: '', memberNumber: '' });
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>({ fields: {}, form: null });
  const inputs = useRef<Record<string, HTMLInputElement | null>>({});
  const alert = useRef<HTMLDivElement>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (attempt === 0) return;
    if (!focusFirstInvalid([...fieldOrder], errors.fields, inputs.current) && errors.form) alert.current?.focus();
  }, [attempt, errors]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    const { invitationCode, memberNumber, ...required } = values;
    const result = await accountApi.register({
      ...required,
      ...(invitationCode.trim() ? { invitationCode } : {}),
      ...(memberNumber.trim() ? { memberNumber } : {}),
    });
    setBusy(false);
    if (result.ok) {
      signedIn(result.data);
      navigate('/');
      return;
    }
    setErrors(formErrors(result, t));
    setAttempt((n) => n + 1);
  }

  const field = (name: FieldName) => ({
    ref: (el: HTMLInputElement | null) => {
      inputs.current[name] = el;
    },
    name,
    value: values[name],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
    errors: errors.fields[name],
  });

  return (
    <>
      <PageHeading>{t.register.title}</PageHeading>
      <form className="form" noValidate onSubmit={(e) => void submit(e)} aria-busy={busy}>
        <FormAlert ref={alert} message={errors.form} />
        <Field {...field('handle')} label={t.register.handle} hint={t.register.handleHint} autoComplete="username" autoCapitalize="none" spellCheck={false} />
        <Field {...field('displayName')} label={t.register.displayName} autoComplete="name" />
        <Field {...field('email')} label={t.register.email} type="email" autoComplete="email" />
        <Field {...field('password')} label={t.register.password} hint={t.register.passwordHint} type="password" autoComplete="new-password" />
        <Field {...field('invitationCode')} label={t.voting.invitationCode} hint={t.voting.invitationCodeHint} autoComplete="off" autoCapitalize="characters" spellCheck={false} />
        <Field {...field('memberNumber')} label={t.voting.memberNumber} hint={t.voting.memberNumberHint} autoComplete="off" spellCheck={false} />
        <button type="submit" className="button" disabled={busy}>
          {busy ? t.register.submitting : t.register.submit}
        </button>
      </form>
      <p>
        {t.register.haveAccount} <Link href="/sign-in">{t.register.signInLink}</Link>
      </p>
    </>
  );
}
