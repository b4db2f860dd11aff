import type { Prisma } from '@/lib/generated/prisma/client';
import { NOTIFICATION_EVENTS_CHANNEL } from '@/lib/events/article-events';

export const notificationKinds = ['mention', 'comment', 'approved', 'changes_requested', 'assigned'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  actorId: string;
  articleId: string;
  annotationId?: string | null;
  excerpt?: string;
}

type Tx = Pick<Prisma.TransactionClient, 'notification' | '$executeRaw'>;

/**
 * Stores notifications in the caller's transaction and announces them (delivered on commit only).
 * Nobody is told about their own action, and each person gets one notification per action: the
 * first of theirs in `notifications` wins (callers list mentions before plain comments).
 */
export async function recordNotifications(tx: Tx, notifications: NewNotification[]): Promise<void> {
  const seen = new Set<string>();
  const kept = notifications.filter((n) => {
    if (n.userId === n.actorId || seen.has(n.userId)) return false;
    seen.add(n.userId);
    return true;
  });
  if (kept.length === 0) return;
  await tx.notification.createMany({
    data: kept.map((n) => ({ userId: n.userId, kind: n.kind, actorId: n.actorId, articleId: n.articleId, annotationId: n.annotationId ?? null, excerpt: (n.excerpt ?? '').slice(0, 200) })),
  });
  for (const n of kept) await tx.$executeRaw`SELECT pg_notify(${NOTIFICATION_EVENTS_CHANNEL}, ${n.userId})`;
}
