import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCan } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';
import { annotationInclude, toAnnotationDto, type AnnotationDto } from '@/lib/annotations/annotation-dto';
import { findDisagreementClusters, overlapClusters, reliabilityUnits, type RatedSpan } from '@/lib/review/disagreement';
import { krippendorffAlphaNominal } from '@/lib/review/krippendorff-alpha';

export interface DisagreementGroup {
  /** The stretch of text the cluster covers (UTF-16 offsets) and that text. */
  start: number;
  end: number;
  passage: string;
  /** Every annotation of the cluster, in text order, to be shown side by side. */
  annotations: AnnotationDto[];
}

export interface Agreement {
  /** Krippendorff's alpha (nominal) over the passages rated by two or more reviewers; null when undefined. */
  alpha: number | null;
  /** Passages (overlap clusters) rated by two or more reviewers: the units alpha is computed over. */
  passages: number;
  /** Ratings in those passages (one per reviewer per passage). */
  ratings: number;
}

export interface Disagreements {
  groups: DisagreementGroup[];
  agreement: Agreement;
}

/**
 * Where reviewers disagree on an article: overlapping passages rated by different reviewers with
 * different verdicts, and how far they agree overall. Only placed annotations with a verdict count
 * (an orphan's position is no longer known; a rating needs a verdict); drafts count too, since
 * disagreements are best found early.
 */
export async function findDisagreements(user: CurrentUser, articleId: string): Promise<Disagreements> {
  assertCan(user, 'annotation:review');
  const article = await db.article.findUnique({ where: { id: articleId }, select: { text: true } });
  if (!article) throw new AppError('NOT_FOUND', 'No such article.');
  const rows = await db.annotation.findMany({
    where: { articleId, deletedAt: null, orphaned: false, verdictId: { not: null } },
    orderBy: [{ positionStart: 'asc' }, { positionEnd: 'desc' }, { createdAt: 'asc' }],
    include: annotationInclude,
  });
  const spans: (RatedSpan & { dto: AnnotationDto })[] = rows.map((row) => ({
    id: row.id,
    authorId: row.authorId,
    start: row.positionStart,
    end: row.positionEnd,
    verdict: row.verdict!.key,
    dto: toAnnotationDto(row),
  }));

  const groups = findDisagreementClusters(spans).map((cluster) => ({
    start: cluster.start,
    end: cluster.end,
    passage: article.text.slice(cluster.start, cluster.end),
    annotations: cluster.spans.map((s) => s.dto),
  }));
  // Passages a single reviewer rated are not pairable; alpha leaves them out.
  const { alpha, pairableUnits, pairableValues } = krippendorffAlphaNominal(reliabilityUnits(overlapClusters(spans)));
  return { groups, agreement: { alpha, passages: pairableUnits, ratings: pairableValues } };
}
