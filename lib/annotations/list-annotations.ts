import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { annotationInclude, toAnnotationDto, type AnnotationDto } from '@/lib/annotations/annotation-dto';
import { blinded } from '@/lib/annotations/blind-review';
import { readArticleAnnotations } from '@/lib/annotations/read-article-annotations';

/** The live annotations of an article, in text order (blinded where blind review hides them). */
export async function listAnnotations(user: CurrentUser, articleId: string): Promise<AnnotationDto[]> {
  const { rows, hidden } = await readArticleAnnotations(user, articleId, (query) => db.annotation.findMany({ ...query, include: annotationInclude }));
  return rows.map((row) => (hidden.has(row.id) ? blinded(toAnnotationDto(row)) : toAnnotationDto(row)));
}
