'use client';

import { useEffect, useState } from 'react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { apiFetch } from '@/lib/client/api-client';
import { Tooltip } from '@/components/ui/tooltip';

/**
 * The header's bell: the unread count, kept live by a server-sent event stream (and re-read every
 * 30 s as a safety net, e.g. with the embedded database, which does not deliver NOTIFY).
 */
export function NotificationBell({ initialUnread }: { initialUnread: number }) {
  const [unread, setUnread] = useState(initialUnread);
  const pathname = usePathname();

  // A fresh count from the server's render (the layout re-rendered) replaces the live one, during
  // this render rather than in an effect's second one.
  const [serverUnread, setServerUnread] = useState(initialUnread);
  if (serverUnread !== initialUnread) {
    setServerUnread(initialUnread);
    setUnread(initialUnread);
  }

  useEffect(() => {
    const source = new EventSource('/api/notifications/stream');
    source.addEventListener('unread', (event) => {
      const count = Number((event as MessageEvent<string>).data);
      if (Number.isInteger(count) && count >= 0) setUnread(count);
    });
    const reread = () => apiFetch<{ unread: number }>('/api/notifications').then(({ unread: count }) => setUnread(count), () => {});
    const timer = setInterval(reread, 30_000);
    window.addEventListener('notifications-read', reread);
    return () => {
      source.close();
      clearInterval(timer);
      window.removeEventListener('notifications-read', reread);
    };
  }, []);

  const label = unread === 0 ? 'Notifications, none unread' : `Notifications, ${unread} unread`;
  // An icon alone: the tooltip gives sighted mouse and keyboard users the words screen readers hear.
  return (
    <Tooltip content={unread === 0 ? 'Notifications' : `Notifications: ${unread} unread`}>
      <Link href="/notifications" className={`notification-bell${unread ? ' has-unread' : ''}`} aria-label={label} aria-current={pathname === '/notifications' ? 'page' : undefined} data-testid="notification-bell">
        <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread > 0 && (
          <span className="notification-count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </Link>
    </Tooltip>
  );
}
