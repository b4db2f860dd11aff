import { z } from 'zod';
import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCan } from '@/lib/auth/guard';
import type { NotificationKind } from '@/lib/notifications/record-notifications';

export interface NotificationDto {
  id: string;
  kind: NotificationKind;
  actor: { id: string; name: string };
  article: { id: string; title: string };
  annotationId: string | null;
  excerpt: string;
  createdAt: string;
  read: boolean;
}

/** The user's newest notifications (50), unread ones included whatever their age, and the unread count. */
export async function listNotifications(user: CurrentUser): Promise<{ notifications: NotificationDto[]; unread: number }> {
  assertCan(user, 'article:read');
  const [rows, unread] = await Promise.all([
    db.notification.findMany({
      where: { userId: user.id },
      orderBy: { createdAt: 'desc' },
      take: 50,
      include: { actor: { select: { id: true, name: true } }, article: { select: { id: true, title: true } } },
    }),
    unreadCount(user),
  ]);
  return {
    unread,
    notifications: rows.map((row) => ({
      id: row.id,
      kind: row.kind as NotificationKind,
      actor: row.actor,
      article: row.article,
      annotationId: row.annotationId,
      excerpt: row.excerpt,
      createdAt: row.createdAt.toISOString(),
      read: row.readAt !== null,
    })),
  };
}

export async function unreadCount(user: { id: string }): Promise<number> {
  return db.notification.count({ where: { userId: user.id, readAt: null } });
}

export const markReadInput = z.union([
  z.strictObject({ ids: z.array(z.string().min(1).max(64)).min(1).max(200) }),
  z.strictObject({ all: z.literal(true) }),
]);

/** Marks some (or all) of the user's own notifications read; others' are never touched. */
export async function markNotificationsRead(user: CurrentUser, input: z.infer<typeof markReadInput>): Promise<{ unread: number }> {
  assertCan(user, 'article:read');
  await db.notification.updateMany({
    where: { userId: user.id, readAt: null, ...('ids' in input ? { id: { in: input.ids } } : {}) },
    data: { readAt: new Date() },
  });
  return { unread: await unreadCount(user) };
}

/** Active users to @mention (the comment box's autocomplete). */
export async function listMentionableUsers(user: CurrentUser): Promise<{ id: string; name: string }[]> {
  assertCan(user, 'comment:create');
  return db.user.findMany({ where: { active: true }, select: { id: true, name: true }, orderBy: { name: 'asc' } });
}
