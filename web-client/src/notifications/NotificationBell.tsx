import { useEffect } from 'react';
import { useQuery, useSubscription } from 'urql';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';
import { Link, useRouter } from '../router';

const UnreadQuery = graphql(`
  query NotificationBell {
    viewer {
      unreadNotificationCount
    }
  }
`);

export const UnreadCount = graphql(`
  subscription UnreadNotificationCount {
    unreadNotificationCount
  }
`);

const readEvent = 'governance:notifications-read';

/** Tells the bell the member read some: it counts again (the page and the bell hold separate queries). */
export function announceRead(): void {
  window.dispatchEvent(new Event(readEvent));
}

/**
 * The header's bell: a link to /notifications with the unread count. The query counts at once;
 * the unreadNotificationCount subscription then keeps it live. The server sends the count as
 * soon as the subscription is registered, so nothing written while the page loaded is missed.
 */
export function NotificationBell() {
  const { t } = useI18n();
  const { path } = useRouter();
  const [{ data }, refetch] = useQuery({ query: UnreadQuery, requestPolicy: 'cache-and-network' });
  const [live] = useSubscription({ query: UnreadCount });
  const unread = live.data?.unreadNotificationCount ?? data?.viewer?.unreadNotificationCount ?? 0;

  // Without a live count yet (no socket), count again on navigation or after a read on the page.
  useEffect(() => {
    refetch({ requestPolicy: 'network-only' });
  }, [path, refetch]);
  useEffect(() => {
    const recount = () => refetch({ requestPolicy: 'network-only' });
    window.addEventListener(readEvent, recount);
    return () => window.removeEventListener(readEvent, recount);
  }, [refetch]);

  return (
    <Link href="/notifications" className="bell" aria-label={t.notifications.bell(unread)} aria-current={path === '/notifications' ? 'page' : undefined}>
      <svg aria-hidden="true" focusable="false" width="18" height="18" viewBox="0 0 24 24">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {unread > 0 ? (
        <span className="bell-count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </Link>
  );
}
