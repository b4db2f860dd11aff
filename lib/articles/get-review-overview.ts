import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCan } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';
import type { AnnotationStatus } from '@/lib/generated/prisma/enums';
import { annotationInclude, toAnnotationDto, type AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { CommentDto } from '@/lib/annotations/comments';
import type { Role } from '@/lib/auth/roles';

export interface ReviewAnnotation extends AnnotationDto {
  comments: CommentDto[];
}

export interface ReviewPerson {
  id: string;
  name: string;
  role: Role;
}

export interface ReviewOverview {
  article: {
    id: string;
    title: string;
    outlet: string;
    summary: string | null;
    summaryVerdict: { key: string; label: string; color: string } | null;
    blindReview: boolean;
  };
  /** Every live annotation in text order (orphaned ones too, flagged), with its comment thread. */
  annotations: ReviewAnnotation[];
  counts: {
    total: number;
    byStatus: Record<AnnotationStatus, number>;
    /** In scale order; verdicts nobody used are left out. */
    byVerdict: { key: string; label: string; color: string; count: number }[];
    noVerdict: number;
  };
  assignments: {
    /** Users assigned to the article (inactive ones too, so nobody disappears silently). */
    assigned: (ReviewPerson & { active: boolean })[];
    /** Active reviewers and editors an editor can assign. */
    candidates: ReviewPerson[];
  };
}

const reviewInclude = {
  ...annotationInclude,
  comments: { orderBy: { createdAt: 'asc' }, include: { author: { select: { id: true, name: true } } } },
} as const;

/** The editor's view of an article: all its annotations with their threads, counts and assignments. */
export async function getReviewOverview(user: CurrentUser, articleId: string): Promise<ReviewOverview> {
  assertCan(user, 'annotation:review');
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: {
      id: true,
      title: true,
      outlet: true,
      summary: true,
      blindReview: true,
      summaryVerdict: { select: { key: true, label: true, color: true } },
      assignments: { orderBy: { user: { name: 'asc' } }, select: { user: { select: { id: true, name: true, role: true, active: true } } } },
    },
  });
  if (!article) throw new AppError('NOT_FOUND', 'No such article.');
  const [rows, verdicts, candidates] = await Promise.all([
    db.annotation.findMany({
      where: { articleId, deletedAt: null },
      orderBy: [{ positionStart: 'asc' }, { positionEnd: 'desc' }, { createdAt: 'asc' }],
      include: reviewInclude,
    }),
    db.verdict.findMany({ orderBy: { position: 'asc' }, select: { key: true, label: true, color: true } }),
    db.user.findMany({
      where: { active: true, role: { in: ['REVIEWER', 'EDITOR'] } },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      select: { id: true, name: true, role: true },
    }),
  ]);

  const annotations = rows.map((row) => ({
    ...toAnnotationDto(row),
    comments: row.comments.map((c) => ({ id: c.id, body: c.body, author: c.author, createdAt: c.createdAt.toISOString() })),
  }));
  const byStatus: Record<AnnotationStatus, number> = { DRAFT: 0, SUBMITTED: 0, APPROVED: 0, CHANGES_REQUESTED: 0 };
  const verdictCounts = new Map<string, number>();
  let noVerdict = 0;
  for (const a of annotations) {
    byStatus[a.status] += 1;
    if (a.verdict) verdictCounts.set(a.verdict.key, (verdictCounts.get(a.verdict.key) ?? 0) + 1);
    else noVerdict += 1;
  }

  return {
    article: { id: article.id, title: article.title, outlet: article.outlet, summary: article.summary, summaryVerdict: article.summaryVerdict, blindReview: article.blindReview },
    annotations,
    counts: {
      total: annotations.length,
      byStatus,
      byVerdict: verdicts.filter((v) => verdictCounts.has(v.key)).map((v) => ({ ...v, count: verdictCounts.get(v.key)! })),
      noVerdict,
    },
    assignments: { assigned: article.assignments.map((a) => a.user), candidates },
  };
}
