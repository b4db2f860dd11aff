import { z } from 'zod';
import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCan } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { publishArticleEvent } from '@/lib/events/article-events';

export const blindReviewInput = z.strictObject({ enabled: z.boolean() });

/** Switches an article's blind double review on or off (editors, admins); audited. */
export async function setBlindReview(user: CurrentUser, articleId: string, enabled: boolean, ip: string | null = null): Promise<{ blindReview: boolean }> {
  assertCan(user, 'annotation:review');
  return db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id: articleId }, select: { blindReview: true } });
    if (!article) throw new AppError('NOT_FOUND', 'No such article.');
    if (article.blindReview !== enabled) {
      await tx.article.update({ where: { id: articleId }, data: { blindReview: enabled } });
      await recordAuditEvent({ actorId: user.id, action: enabled ? 'article.blind_review_on' : 'article.blind_review_off', targetType: 'article', targetId: articleId, ip }, tx);
      await publishArticleEvent(tx, { type: 'article.review_mode', articleId, actorId: user.id, blindReview: enabled });
    }
    return { blindReview: enabled };
  });
}
