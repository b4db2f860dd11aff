import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCan } from '@/lib/auth/guard';

export interface ArticleListItem {
  id: string;
  slug: string;
  title: string;
  outlet: string;
  publishedAt: Date | null;
  annotationCount: number;
}

export async function listArticles(user: CurrentUser): Promise<ArticleListItem[]> {
  assertCan(user, 'article:read');
  const articles = await db.article.findMany({
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      slug: true,
      title: true,
      outlet: true,
      publishedAt: true,
      _count: { select: { annotations: { where: { deletedAt: null } } } },
    },
  });
  return articles.map(({ _count, ...article }) => ({ ...article, annotationCount: _count.annotations }));
}
