import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { annotationSummarySelect, toAnnotationSummary, type AnnotationSummary } from '@/lib/annotations/annotation-summary';
import { blindedSummary } from '@/lib/annotations/blind-review';
import { readArticleAnnotations } from '@/lib/annotations/read-article-annotations';

/**
 * The live annotations of an article in text order, each as much as its highlight and its row in
 * the side list need (blinded where blind review hides them): what the article page loads.
 */
export async function listAnnotationSummaries(user: CurrentUser, articleId: string): Promise<AnnotationSummary[]> {
  const { rows, hidden } = await readArticleAnnotations(user, articleId, (query) => db.annotation.findMany({ ...query, select: annotationSummarySelect }));
  return rows.map((row) => (hidden.has(row.id) ? blindedSummary(toAnnotationSummary(row)) : toAnnotationSummary(row)));
}
