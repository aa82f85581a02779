import { PageHeading } from '../../components/PageHeading';
import { useI18n } from '../../i18n/i18n';
import { Invitations } from './members/Invitations';
import { MemberSearch } from './members/MemberSearch';
import { RegistrationForm } from './members/RegistrationForm';
import { RegistryImport } from './members/RegistryImport';
import { useMembersAdmin } from './members/useMembersAdmin';

/** The admin page of who may vote: the registration policy, the members with their roles and voting rights, invitations and the membership register. */
export function MembersAdminPage() {
  const { t, language } = useI18n();
  const a = t.admin;
  const { isAdmin, registration, invitations, reload } = useMembersAdmin();
  if (!isAdmin) {
    return (
      <>
        <PageHeading>{a.membersTitle}</PageHeading>
        <p>{a.notAdmin}</p>
      </>
    );
  }

  return (
    <>
      <PageHeading>{a.membersTitle}</PageHeading>
      <p className="lead">{a.membersIntro}</p>
      {/* Mounted once the policy is known; a save's refetch must not remount it (its status would vanish). */}
      {registration ? <RegistrationForm current={registration} onDone={reload} /> : null}
      <MemberSearch />
      <Invitations rows={invitations} language={language} onDone={reload} />
      <RegistryImport />
    </>
  );
}
