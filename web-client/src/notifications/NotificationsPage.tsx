import { useCallback, useEffect, useRef, useState } from 'react';
import { useMutation, useQuery, useSubscription } from 'urql';
import { PageHeading } from '../components/PageHeading';
import { SignInRequired } from '../components/SignInRequired';
import { firstUserError } from '../components/userErrors';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { useSession } from '../session/session';
import { announceRead, UnreadCount } from './NotificationBell';
import { NotificationItem } from './NotificationItem';

const NotificationAdded = graphql(`
  subscription NotificationAdded {
    notificationAdded {
      id
    }
  }
`);

const PageQuery = graphql(`
  query NotificationsPage($after: String) {
    viewer {
      notifications(first: 20, after: $after) {
        unreadCount
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          ...NotificationFields
        }
      }
    }
  }
`);

const MarkRead = graphql(`
  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
    markNotificationsRead(input: $input) {
      notifications {
        id
        read
      }
      unreadCount
      errors {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

const context = { additionalTypenames: ['Notification'] };

/** /notifications: what the bell counts, newest first, in pages of 20; read one or all. */
export function NotificationsPage() {
  const { t } = useI18n();
  const { state } = useSession();
  if (state.status !== 'signedIn') return <SignInRequired title={t.notifications.title} />;
  return <Notifications />;
}

function Notifications() {
  const { t } = useI18n();
  const m = t.notifications;
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [generation, setGeneration] = useState(0);
  const [{ fetching }, markRead] = useMutation(MarkRead);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const [live] = useSubscription({ query: NotificationAdded });
  const [{ data }] = useQuery({ query: PageQuery, variables: { after: null }, context, requestPolicy: 'cache-and-network' });
  const unread = data?.viewer?.notifications.unreadCount ?? 0;
  const total = data?.viewer?.notifications.totalCount ?? 0;

  const [count] = useSubscription({ query: UnreadCount });
  const liveUnread = count.data?.unreadNotificationCount;
  const compared = useRef<number | undefined>(undefined);

  // A new notification: start again from the newest page.
  useEffect(() => {
    if (live.data) {
      setCursors([null]);
      setGeneration((g) => g + 1);
    }
  }, [live.data]);

  // The live count comes as soon as its subscription is registered, and on each change. One
  // that differs from the page's means something was written (or read in another tab) that the
  // page has not seen, such as a notification written between the page's query and the
  // subscriptions: read again. Once per new count, so a read in flight cannot loop.
  useEffect(() => {
    if (liveUnread === undefined || !data || compared.current === liveUnread) return;
    compared.current = liveUnread;
    if (liveUnread !== unread) {
      setCursors([null]);
      setGeneration((g) => g + 1);
    }
  }, [liveUnread, unread, data]);

  const mark = useCallback(
    async (input: { ids: string[] } | { all: true }) => {
      const result = await markRead({ input }, context);
      const payload = result.data?.markNotificationsRead;
      if (payload && !payload.errors) {
        setAnnouncement('all' in input ? m.allRead : m.markedRead);
        setGeneration((g) => g + 1);
        announceRead();
      } else {
        setAnnouncement(firstUserError(payload?.errors)?.message ?? result.error?.message ?? null);
      }
    },
    [markRead, m],
  );

  return (
    <>
      <PageHeading>{m.title}</PageHeading>
      <p className="lead">
        <Link href="/settings/notifications">{m.settingsLink}</Link>
      </p>
      <p role="status" className="notification-announcement">
        {announcement}
      </p>
      {unread > 0 ? (
        <p>
          <button type="button" className="button" disabled={fetching} onClick={() => void mark({ all: true })}>
            {m.markAllRead}
          </button>
        </p>
      ) : null}
      {data && total === 0 ? <p>{m.empty}</p> : null}
      <ol className="notifications" aria-label={m.title}>
        {cursors.map((after, i) => (
          <Chunk
            key={`${generation}-${after ?? ''}`}
            after={after}
            last={i === cursors.length - 1}
            busy={fetching}
            onMarkRead={(id) => void mark({ ids: [id] })}
            onMore={(cursor) => setCursors((c) => [...c, cursor])}
          />
        ))}
      </ol>
    </>
  );
}

/** One page of 20; the last one offers the next. */
function Chunk({ after, last, busy, onMarkRead, onMore }: { after: string | null; last: boolean; busy: boolean; onMarkRead: (id: string) => void; onMore: (cursor: string) => void }) {
  const { t } = useI18n();
  const [{ data }] = useQuery({ query: PageQuery, variables: { after }, context, requestPolicy: 'cache-and-network' });
  const page = data?.viewer?.notifications;
  if (!page) return null;
  return (
    <>
      {page.nodes.map((n) => (
        <NotificationItem key={n.id} item={n} busy={busy} onMarkRead={onMarkRead} />
      ))}
      {last && page.pageInfo.hasNextPage && page.pageInfo.endCursor ? (
        <li className="notification-more">
          <button type="button" onClick={() => onMore(page.pageInfo.endCursor!)}>
            {t.notifications.more}
          </button>
        </li>
      ) : null}
    </>
  );
}
