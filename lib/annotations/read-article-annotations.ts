import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCan } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';
import { hiddenAnnotationIds } from '@/lib/annotations/blind-review';

type Row = { id: string; authorId: string; status: string; positionStart: number; positionEnd: number };
type Query = { where: Prisma.AnnotationWhereInput; orderBy: Prisma.AnnotationOrderByWithRelationInput[] };

/**
 * The live annotations of an article as `read` selects them, in text order, and the ids among
 * them whose verdict blind review hides from `user` (404 when there is no such article).
 */
export async function readArticleAnnotations<R extends Row>(user: CurrentUser, articleId: string, read: (query: Query) => Promise<R[]>): Promise<{ rows: R[]; hidden: Set<string> }> {
  assertCan(user, 'article:read');
  const article = await db.article.findUnique({ where: { id: articleId }, select: { id: true, blindReview: true } });
  if (!article) throw new AppError('NOT_FOUND', 'No such article.');
  const rows = await read({
    where: { articleId, deletedAt: null },
    orderBy: [{ positionStart: 'asc' }, { positionEnd: 'desc' }, { createdAt: 'asc' }],
  });
  return { rows, hidden: hiddenAnnotationIds(user, article.blindReview, rows) };
}
