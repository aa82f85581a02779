import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { PageHeading } from '../components/PageHeading';
import { SignInRequired } from '../components/SignInRequired';
import { firstUserError } from '../components/userErrors';
import { graphql } from '../gql';
import type { NotificationDelivery, NotificationKind } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { deliveries, notificationKinds, type NotificationKindName } from '../i18n/messages.notifications';
import { Link } from '../router';
import { useSession } from '../session/session';

const SettingsQuery = graphql(`
  query NotificationSettings {
    viewer {
      email
      notificationSettings {
        kind
        delivery
      }
    }
  }
`);

const SetDelivery = graphql(`
  mutation SetNotificationDelivery($input: SetNotificationDeliveryInput!) {
    setNotificationDelivery(input: $input) {
      settings {
        kind
        delivery
      }
      errors {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

/** /settings/notifications: per kind, off, in the app, or the daily email digest; each choice saves at once. */
export function NotificationSettingsPage() {
  const { t } = useI18n();
  const { state } = useSession();
  if (state.status !== 'signedIn') return <SignInRequired title={t.notificationSettings.title} />;
  return <Settings />;
}

function Settings() {
  const { t } = useI18n();
  const s = t.notificationSettings;
  const [{ data }] = useQuery({ query: SettingsQuery });
  const [{ fetching }, setDelivery] = useMutation(SetDelivery);
  const [saved, setSaved] = useState<Partial<Record<string, NotificationDelivery>>>({});
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const current = new Map((data?.viewer?.notificationSettings ?? []).map((x) => [x.kind as string, x.delivery]));

  const choose = async (kind: NotificationKindName, delivery: NotificationDelivery) => {
    setSaved((x) => ({ ...x, [kind]: delivery }));
    const result = await setDelivery({ input: { kind: kind as NotificationKind, delivery } });
    const payload = result.data?.setNotificationDelivery;
    if (payload?.settings) {
      setAnnouncement(s.saved(s.kinds[kind], s.deliveries[delivery]));
    } else {
      setSaved((x) => ({ ...x, [kind]: undefined }));
      setAnnouncement(firstUserError(payload?.errors)?.message ?? result.error?.message ?? null);
    }
  };

  return (
    <>
      <PageHeading>{s.title}</PageHeading>
      <p className="lead">{s.intro}</p>
      {data?.viewer && !data.viewer.email ? <p className="notice">{s.noEmail}</p> : null}
      <p>
        <Link href="/notifications">{t.notifications.title}</Link>
      </p>
      <p role="status" className="notification-announcement">
        {announcement}
      </p>
      {data?.viewer ? (
        <div className="notification-settings">
          {notificationKinds.map((kind) => {
            const value = saved[kind] ?? current.get(kind) ?? 'APP';
            return (
              <fieldset key={kind}>
                <legend>{s.kinds[kind]}</legend>
                {deliveries.map((delivery) => (
                  <label key={delivery}>
                    <input
                      type="radio"
                      name={kind}
                      value={delivery}
                      checked={value === delivery}
                      disabled={fetching && saved[kind] !== undefined}
                      onChange={() => void choose(kind, delivery)}
                    />{' '}
                    {s.deliveries[delivery]}
                  </label>
                ))}
              </fieldset>
            );
          })}
        </div>
      ) : null}
    </>
  );
}
