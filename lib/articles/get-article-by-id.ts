import { cache } from 'react';
import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCan } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';

export async function getArticleById(user: CurrentUser, id: string) {
  assertCan(user, 'article:read');
  const article = await db.article.findUnique({
    where: { id },
    select: { id: true, slug: true, title: true, outlet: true, author: true, url: true, publishedAt: true, text: true, version: true, blindReview: true },
  });
  if (!article) throw new AppError('NOT_FOUND', 'No such article.');
  return article;
}

/**
 * getArticleById once per server render: the article's layout (its 404), the page and its
 * metadata all ask for the same article, text and all.
 */
export const getArticleForPage = cache(getArticleById);
