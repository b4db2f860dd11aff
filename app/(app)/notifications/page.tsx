import type { Metadata } from 'next';
import { requirePage } from '@/lib/auth/require-page';
import { listNotifications } from '@/lib/notifications/list-notifications';
import { NotificationList } from '@/components/notifications/notification-list';

export const metadata: Metadata = { title: 'Notifications' };

export default async function NotificationsPage() {
  const user = await requirePage('/notifications');
  const { notifications } = await listNotifications(user);
  return (
    <>
      <h1>Notifications</h1>
      <NotificationList initial={notifications} />
    </>
  );
}
