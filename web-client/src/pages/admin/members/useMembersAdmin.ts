import { useQuery } from 'urql';
import { useSession } from '../../../session/session';
import { MembersAdminQuery } from './queries';

/**
 * The data of /admin/members: whether the caller is an admin (nothing is asked otherwise),
 * the registration policy in force, the invitations, and a reload after a change.
 */
export function useMembersAdmin() {
  const { state } = useSession();
  const isAdmin = state.status === 'signedIn' && state.session.member.roles.includes('admin');
  const [{ data }, refetch] = useQuery({ query: MembersAdminQuery, pause: !isAdmin, requestPolicy: 'cache-and-network' });
  const registration = data ? ((JSON.parse(data.policy) as { registration?: string }).registration ?? 'invite') : null;
  return {
    isAdmin,
    registration,
    invitations: data?.invitations ?? [],
    reload: () => refetch({ requestPolicy: 'network-only' }),
  };
}
