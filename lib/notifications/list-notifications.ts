import { z } from 'zod';
import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCan } from '@/lib/auth/guard';
import type { NotificationKind } from '@/lib/notifications/record-notifications';
import { hiddenAnnotationIds, seesEverything } from '@/lib/annotations/blind-review';

export interface NotificationDto {
  id: string;
  kind: NotificationKind;
  actor: { id: string; name: string };
  article: { id: string; title: string };
  annotationId: string | null;
  /** What was said (a comment, a review note); empty when `blind`. */
  excerpt: string;
  /** On an annotation blind review hides from this user until they submit their own check of the passage. */
  blind: boolean;
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
  const hidden = await blindedAnnotations(user, rows.map((row) => row.annotationId));
  return {
    unread,
    notifications: rows.map((row) => ({
      id: row.id,
      kind: row.kind as NotificationKind,
      actor: row.actor,
      article: row.article,
      annotationId: row.annotationId,
      excerpt: row.annotationId && hidden.has(row.annotationId) ? '' : row.excerpt,
      blind: row.annotationId !== null && hidden.has(row.annotationId),
      createdAt: row.createdAt.toISOString(),
      read: row.readAt !== null,
    })),
  };
}

/**
 * Of these annotations, those blind review hides from the user: a comment mentioning them on
 * another reviewer's annotation would otherwise tell them what it says before they have submitted
 * their own check of the passage (the same rule as every read route: lib/annotations/blind-review.ts).
 */
async function blindedAnnotations(user: CurrentUser, annotationIds: (string | null)[]): Promise<Set<string>> {
  const ids = [...new Set(annotationIds.filter((id): id is string => id !== null))];
  if (ids.length === 0 || seesEverything(user, true)) return new Set();
  const select = { id: true, articleId: true, authorId: true, status: true, positionStart: true, positionEnd: true } as const;
  const notified = await db.annotation.findMany({ where: { id: { in: ids }, authorId: { not: user.id }, article: { blindReview: true } }, select });
  if (notified.length === 0) return new Set();
  const articleIds = [...new Set(notified.map((a) => a.articleId))];
  const mine = await db.annotation.findMany({
    where: { articleId: { in: articleIds }, authorId: user.id, deletedAt: null, status: { in: ['SUBMITTED', 'APPROVED', 'CHANGES_REQUESTED'] } },
    select,
  });
  const hidden = new Set<string>();
  for (const articleId of articleIds) {
    const rows = [...notified, ...mine].filter((a) => a.articleId === articleId);
    for (const id of hiddenAnnotationIds(user, true, rows)) hidden.add(id);
  }
  return hidden;
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
