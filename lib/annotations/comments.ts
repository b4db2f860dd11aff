import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCan } from '@/lib/auth/guard';
import { publishArticleEvent } from '@/lib/events/article-events';
import { recordAnnotationEvent } from '@/lib/annotations/annotation-history';
import { loadAnnotation } from '@/lib/annotations/load-annotation';
import { assertNotBlinded } from '@/lib/annotations/blind-review';
import { findMentions } from '@/lib/notifications/find-mentions';
import { recordNotifications } from '@/lib/notifications/record-notifications';

export interface CommentDto {
  id: string;
  body: string;
  author: { id: string; name: string };
  createdAt: string;
}

export async function listComments(user: CurrentUser, annotationId: string): Promise<CommentDto[]> {
  assertCan(user, 'article:read');
  await assertNotBlinded(db, user, await loadAnnotation(db, annotationId));
  const rows = await db.comment.findMany({
    where: { annotationId },
    orderBy: { createdAt: 'asc' },
    include: { author: { select: { id: true, name: true } } },
  });
  return rows.map((row) => ({ id: row.id, body: row.body, author: row.author, createdAt: row.createdAt.toISOString() }));
}

/** Any signed-in user may comment; a new comment on a resolved thread reopens it. */
export async function addComment(user: CurrentUser, annotationId: string, body: string): Promise<CommentDto> {
  assertCan(user, 'comment:create');
  return db.$transaction(async (tx) => {
    const annotation = await loadAnnotation(tx, annotationId);
    await assertNotBlinded(tx, user, annotation);
    const row = await tx.comment.create({
      data: { annotationId, authorId: user.id, body },
      include: { author: { select: { id: true, name: true } } },
    });
    if (annotation.threadResolvedAt) {
      await tx.annotation.update({ where: { id: annotationId }, data: { threadResolvedAt: null, threadResolvedById: null } });
    }
    await recordAnnotationEvent(tx, annotationId, user.id, 'commented', { commentId: row.id, body });
    // Those mentioned first (a mention says more), then the annotation's author.
    const mentioned = await findMentions(tx, body);
    await recordNotifications(tx, [
      ...mentioned.map((m) => ({ userId: m.id, kind: 'mention' as const, actorId: user.id, articleId: annotation.articleId, annotationId, excerpt: body })),
      { userId: annotation.authorId, kind: 'comment', actorId: user.id, articleId: annotation.articleId, annotationId, excerpt: body },
    ]);
    await publishArticleEvent(tx, { type: 'comment.changed', articleId: annotation.articleId, annotationId, actorId: user.id });
    return { id: row.id, body: row.body, author: row.author, createdAt: row.createdAt.toISOString() };
  });
}

export async function setThreadResolved(user: CurrentUser, annotationId: string, resolved: boolean): Promise<void> {
  assertCan(user, 'comment:resolve');
  await db.$transaction(async (tx) => {
    const annotation = await loadAnnotation(tx, annotationId);
    if (Boolean(annotation.threadResolvedAt) === resolved) return;
    await tx.annotation.update({
      where: { id: annotationId },
      data: resolved ? { threadResolvedAt: new Date(), threadResolvedById: user.id } : { threadResolvedAt: null, threadResolvedById: null },
    });
    await recordAnnotationEvent(tx, annotationId, user.id, resolved ? 'thread_resolved' : 'thread_reopened');
    await publishArticleEvent(tx, { type: 'comment.changed', articleId: annotation.articleId, annotationId, actorId: user.id });
  });
}
