import { formatDate } from '../components/format';
import { bidi, isolate } from '../components/isolate';
import { type FragmentType, getFragmentData, graphql } from '../gql';
import { useI18n } from '../i18n/i18n';
import type { NotificationKindName } from '../i18n/messages.notifications';
import { Link } from '../router';

export const NotificationFields = graphql(`
  fragment NotificationFields on Notification {
    id
    kind
    at
    read
    delegation
    weight
    reason
    votingEndsAt
    scope {
      kind
    }
    member {
      id
      handle
      displayName
    }
    proposal {
      id
      title
    }
  }
`);

/** One notification, in the member's language, with its proposal linked and a button to mark it read. */
export function NotificationItem({ item, onMarkRead, busy }: { item: FragmentType<typeof NotificationFields>; onMarkRead: (id: string) => void; busy: boolean }) {
  const { t, language } = useI18n();
  const n = getFragmentData(NotificationFields, item);
  const m = t.notifications;
  const facts = {
    who: n.member ? isolate(`@${n.member.handle}`) : m.aMember,
    title: n.proposal ? isolate(n.proposal.title) : m.aProposal,
    change: n.delegation ?? null,
    weight: n.weight ?? null,
    scope: n.scope ? (m.scopes[n.scope.kind] ?? n.scope.kind) : null,
    ends: n.votingEndsAt ? formatDate(n.votingEndsAt, language) : null,
  };
  const text = bidi(m.text[n.kind as NotificationKindName](facts));
  return (
    <li className={n.read ? 'notification' : 'notification unread'}>
      <p>
        {n.read ? null : <span className="unread-mark">{m.unread}: </span>}
        {n.proposal ? (
          <Link href={`/proposals/${encodeURIComponent(n.proposal.id)}`}>{text}</Link>
        ) : n.kind === 'METAMODERATION_DRAWN' ? (
          <Link href="/metamoderation">{text}</Link>
        ) : (
          text
        )}
      </p>
      {n.reason ? <p className="notification-reason">{m.reason(n.reason)}</p> : null}
      <p className="notification-meta">
        <time dateTime={n.at}>{formatDate(n.at, language)}</time>
        {n.read ? null : (
          <button type="button" className="link-button" disabled={busy} onClick={() => onMarkRead(n.id)}>
            {m.markRead}
          </button>
        )}
      </p>
    </li>
  );
}
