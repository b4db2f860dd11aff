import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCan } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';
import { annotationInclude, toAnnotationDto, type AnnotationDto } from '@/lib/annotations/annotation-dto';
import { blinded, hiddenAnnotationIds } from '@/lib/annotations/blind-review';

/** The live annotations of an article, in text order (blinded where blind review hides them). */
export async function listAnnotations(user: CurrentUser, articleId: string): Promise<AnnotationDto[]> {
  assertCan(user, 'article:read');
  const article = await db.article.findUnique({ where: { id: articleId }, select: { id: true, blindReview: true } });
  if (!article) throw new AppError('NOT_FOUND', 'No such article.');
  const rows = await db.annotation.findMany({
    where: { articleId, deletedAt: null },
    orderBy: [{ positionStart: 'asc' }, { positionEnd: 'desc' }, { createdAt: 'asc' }],
    include: annotationInclude,
  });
  const hidden = hiddenAnnotationIds(user, article.blindReview, rows);
  return rows.map((row) => (hidden.has(row.id) ? blinded(toAnnotationDto(row)) : toAnnotationDto(row)));
}
