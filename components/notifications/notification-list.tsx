'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import type { NotificationDto } from '@/lib/notifications/list-notifications';
import { apiFetch, ApiError } from '@/lib/client/api-client';

const what: Record<NotificationDto['kind'], string> = {
  mention: 'mentioned you in a comment',
  comment: 'commented on your annotation',
  approved: 'approved your annotation',
  changes_requested: 'asked for changes to your annotation',
  assigned: 'assigned you an article',
};

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** The notifications page's list: each opens what it is about (and is marked read); all can be marked read at once. */
export function NotificationList({ initial }: { initial: NotificationDto[] }) {
  const [items, setItems] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const router = useRouter();
  const unread = items.filter((n) => !n.read).length;

  async function markRead(body: { ids: string[] } | { all: true }) {
    setError(null);
    try {
      await apiFetch('/api/notifications/read', { method: 'POST', json: body });
      const ids = 'ids' in body ? new Set(body.ids) : null;
      setItems((list) => list.map((n) => (!ids || ids.has(n.id) ? { ...n, read: true } : n)));
      window.dispatchEvent(new Event('notifications-read'));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Could not mark as read.');
    }
  }

  if (items.length === 0) {
    return <div className="card empty-state">No notifications yet. You will hear here when someone comments on your annotations, mentions you with @, reviews your work or assigns you an article.</div>;
  }
  return (
    <>
      <div className="form-actions">
        <span className="muted">{unread === 0 ? 'All read.' : `${unread} unread`}</span>
        <button type="button" className="button" disabled={unread === 0} onClick={() => void markRead({ all: true })}>
          Mark all read
        </button>
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <ul className="notification-list">
        {items.map((n) => {
          const href = n.annotationId ? `/articles/${n.article.id}?annotation=${n.annotationId}` : `/articles/${n.article.id}`;
          return (
            <li key={n.id} className={`card notification${n.read ? '' : ' unread'}`} data-testid="notification">
              <a
                href={href}
                onClick={(event) => {
                  event.preventDefault();
                  void (n.read ? Promise.resolve() : markRead({ ids: [n.id] })).then(() => router.push(href));
                }}
              >
                {!n.read && <span className="sr-only">Unread: </span>}
                <strong>{n.actor.name}</strong> {what[n.kind]} in “{n.article.title}”
              </a>
              {n.blind ? (
                <p className="notification-excerpt muted" data-testid="notification-blind">
                  Blind review: you will see what was said once you have submitted your own check of this passage.
                </p>
              ) : (
                n.excerpt && <p className="notification-excerpt">“{n.excerpt.length > 160 ? `${n.excerpt.slice(0, 160)}…` : n.excerpt}”</p>
              )}
              <p className="muted small">{when(n.createdAt)}</p>
            </li>
          );
        })}
      </ul>
    </>
  );
}
