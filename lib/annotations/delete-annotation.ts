import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCanOnOwned } from '@/lib/auth/guard';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { publishArticleEvent } from '@/lib/events/article-events';
import { recordAnnotationEvent } from '@/lib/annotations/annotation-history';
import { loadAnnotation, staleVersion } from '@/lib/annotations/load-annotation';

/** Soft delete (the row, its sources, comments and history stay), audited. */
export async function deleteAnnotation(user: CurrentUser, id: string, version?: number, ip: string | null = null): Promise<void> {
  await db.$transaction(async (tx) => {
    const current = await loadAnnotation(tx, id);
    assertCanOnOwned(user, current.authorId, 'annotation:delete:own', 'annotation:delete:any');
    if (version !== undefined && version !== current.version) throw staleVersion(current, version);
    await tx.annotation.update({ where: { id }, data: { deletedAt: new Date(), deletedById: user.id, version: { increment: 1 } } });
    await recordAnnotationEvent(tx, id, user.id, 'deleted', { status: current.status });
    await recordAuditEvent({ actorId: user.id, action: 'annotation.deleted', targetType: 'annotation', targetId: id, ip, data: { articleId: current.articleId } }, tx);
    await publishArticleEvent(tx, { type: 'annotation.deleted', articleId: current.articleId, annotationId: id, actorId: user.id });
  });
}
