import { z } from 'zod';
import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCan } from '@/lib/auth/guard';
import { AppError, type AppErrorCode } from '@/lib/errors';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import { changeAnnotationStatus } from '@/lib/annotations/change-annotation-status';

export const MAX_BULK_ANNOTATIONS = 200;

export const bulkReviewInput = z
  .strictObject({
    annotationIds: z.array(z.string().min(1).max(64)).min(1, 'choose at least one annotation').max(MAX_BULK_ANNOTATIONS, `at most ${MAX_BULK_ANNOTATIONS} annotations`),
    action: z.enum(['approve', 'request_changes']),
    /** The version of each annotation the editor saw; a stale one is refused (409) for that annotation only. */
    versions: z.record(z.string(), z.number().int().positive()),
  })
  .superRefine((input, ctx) => {
    for (const id of input.annotationIds) {
      if (input.versions[id] === undefined) ctx.addIssue({ code: 'custom', path: ['versions', id], message: 'the version you saw is required' });
    }
  });
export type BulkReviewInput = z.infer<typeof bulkReviewInput>;

export type BulkReviewResult =
  | { id: string; ok: true; annotation: AnnotationDto }
  | { id: string; ok: false; status: number; error: AppErrorCode | 'INTERNAL'; message: string; field?: string; current?: unknown };

/**
 * Approves or sends back several annotations of one article, each on its own through the review
 * workflow (its rules, history, audit and announcement): one refused (stale version, wrong status)
 * leaves the others done. Returns one result per annotation, in the order asked.
 */
export async function reviewAnnotationsInBulk(user: CurrentUser, articleId: string, input: BulkReviewInput, ip: string | null = null): Promise<BulkReviewResult[]> {
  assertCan(user, 'annotation:review');
  const article = await db.article.findUnique({ where: { id: articleId }, select: { id: true } });
  if (!article) throw new AppError('NOT_FOUND', 'No such article.');
  const ids = [...new Set(input.annotationIds)];
  const ofArticle = new Set(
    (await db.annotation.findMany({ where: { id: { in: ids }, articleId, deletedAt: null }, select: { id: true } })).map((a) => a.id),
  );
  const results: BulkReviewResult[] = [];
  for (const id of ids) {
    if (!ofArticle.has(id)) {
      results.push({ id, ok: false, status: 404, error: 'NOT_FOUND', message: 'No such annotation in this article (it may have been deleted).' });
      continue;
    }
    try {
      results.push({ id, ok: true, annotation: await changeAnnotationStatus(user, id, input.action, input.versions[id]!, undefined, ip) });
    } catch (error) {
      results.push(toFailure(id, error));
    }
  }
  return results;
}

function toFailure(id: string, error: unknown): BulkReviewResult {
  if (error instanceof AppError) {
    const { field, current } = error.details;
    return { id, ok: false, status: error.status, error: error.code, message: error.userMessage, ...(field ? { field } : {}), ...(current ? { current } : {}) };
  }
  // Whatever went wrong rolled back this annotation's own transaction; the others stand.
  console.error('Bulk review: annotation failed', id, error);
  return { id, ok: false, status: 500, error: 'INTERNAL', message: 'Something went wrong on our side; this annotation was not changed.' };
}
