import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading>{t.notFound.title}</PageHeading>
      <p>{t.notFound.body}</p>
      <p>
        <Link href="/">{t.notFound.back}</Link>
      </p>
    </>
  );
}
