import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCan } from '@/lib/auth/guard';
import { seesEverything } from '@/lib/annotations/blind-review';

export interface ArticleListItem {
  id: string;
  slug: string;
  title: string;
  outlet: string;
  publishedAt: Date | null;
  annotationCount: number;
  /** Live annotations per review status. */
  progress: Record<'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'CHANGES_REQUESTED', number>;
  /** Live annotations per verdict, in scale order. */
  verdictMix: { label: string; color: string; count: number; position: number }[];
  /** The user is assigned to this article (such articles come first). */
  assigned: boolean;
}

const emptyProgress = () => ({ DRAFT: 0, SUBMITTED: 0, APPROVED: 0, CHANGES_REQUESTED: 0 });

/** Articles matching `search`, newest first, except that those assigned to the user come before the rest. */
export async function listArticles(user: CurrentUser, search = ''): Promise<ArticleListItem[]> {
  assertCan(user, 'article:read');
  const term = search.trim();
  const [articles, byStatus, byVerdict, verdicts, assignments] = await Promise.all([
    db.article.findMany({
      where: term ? { OR: [{ title: { contains: term, mode: 'insensitive' } }, { outlet: { contains: term, mode: 'insensitive' } }] } : {},
      orderBy: { createdAt: 'desc' },
      select: { id: true, slug: true, title: true, outlet: true, publishedAt: true, blindReview: true },
    }),
    db.annotation.groupBy({ by: ['articleId', 'status'], where: { deletedAt: null }, _count: { _all: true } }),
    db.annotation.groupBy({ by: ['articleId', 'verdictId'], where: { deletedAt: null, verdictId: { not: null } }, _count: { _all: true } }),
    db.verdict.findMany({ orderBy: { position: 'asc' }, select: { id: true, label: true, color: true, position: true } }),
    db.articleAssignment.findMany({ where: { userId: user.id }, select: { articleId: true } }),
  ]);
  const assignedIds = new Set(assignments.map((a) => a.articleId));
  const items = articles.map(({ blindReview, ...article }) => {
    const progress = emptyProgress();
    for (const row of byStatus) if (row.articleId === article.id) progress[row.status] = row._count._all;
    const verdictMix = verdicts
      .map((v) => ({ label: v.label, color: v.color, position: v.position, count: byVerdict.find((row) => row.articleId === article.id && row.verdictId === v.id)?._count._all ?? 0 }))
      // Blind review: a reviewer is not shown the verdicts of a blind article, even as counts.
      .filter((v) => v.count > 0 && seesEverything(user, blindReview));
    const annotationCount = Object.values(progress).reduce((a, b) => a + b, 0);
    return { ...article, annotationCount, progress, verdictMix, assigned: assignedIds.has(article.id) };
  });
  // A stable sort keeps newest first within each part.
  return items.sort((a, b) => Number(b.assigned) - Number(a.assigned));
}
