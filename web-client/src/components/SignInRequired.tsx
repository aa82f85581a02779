import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { PageHeading } from './PageHeading';

/** What a page that needs a member shows to someone signed out. */
export function SignInRequired({ title }: { title: string }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p>
        {t.power.signInFirst} <Link href="/sign-in">{t.power.signInLink}</Link>
      </p>
    </>
  );
}
