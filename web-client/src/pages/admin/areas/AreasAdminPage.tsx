import { useState } from 'react';
import { useQuery } from 'urql';
import { PageHeading } from '../../../components/PageHeading';
import { useI18n } from '../../../i18n/i18n';
import { useSession } from '../../../session/session';
import { AreaTree, type AreaNode } from './AreaTree';
import { CreateAreaForm } from './CreateAreaForm';
import { PolicyEditor } from './PolicyEditor';
import { AreasAdminQuery } from './queries';

/** /admin/areas: the area tree (add, rename, archive) and each area's policy with its inheritance. */
export function AreasAdminPage() {
  const { t } = useI18n();
  const a = t.adminAreas;
  const { state } = useSession();
  const isAdmin = state.status === 'signedIn' && state.session.member.roles.includes('admin');
  const [{ data }, refetch] = useQuery({ query: AreasAdminQuery, pause: !isAdmin, requestPolicy: 'cache-and-network' });
  const [selected, setSelected] = useState<AreaNode | null>(null);
  if (!isAdmin) {
    return (
      <>
        <PageHeading>{a.title}</PageHeading>
        <p>{a.notAdmin}</p>
      </>
    );
  }

  const roots: readonly AreaNode[] = data?.areas ?? [];
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <>
      <PageHeading>{a.title}</PageHeading>
      <p className="lead">{a.intro}</p>
      <div className="admin-areas">
        <div>
          <AreaTree roots={roots} selected={selected?.id ?? null} onSelect={setSelected} onDone={reload} />
          <CreateAreaForm roots={roots} onDone={reload} />
        </div>
        {/* Keyed by the area: another area's form starts empty. */}
        <PolicyEditor key={selected?.id ?? 'organisation'} area={selected} />
      </div>
    </>
  );
}
