import type { ReactElement } from 'react';
import { NotificationSettingsPage } from './NotificationSettingsPage';
import { NotificationsPage } from './NotificationsPage';

/** /notifications and /settings/notifications; null for any other path. */
export function notificationsRoute(path: string): ReactElement | null {
  if (path === '/notifications') return <NotificationsPage key={path} />;
  if (path === '/settings/notifications') return <NotificationSettingsPage key={path} />;
  return null;
}
