import type { Prisma } from '@/lib/generated/prisma/client';
import { AppError } from '@/lib/errors';
import { can } from '@/lib/auth/permissions';
import type { CurrentUser } from '@/lib/auth/current-user';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { AnnotationSummary } from '@/lib/annotations/annotation-summary';

// Blind double review. On an article in blind mode, a reviewer sees another reviewer's verdict
// (with its rationale, sources, comments and history) only once they have submitted their own
// check of an overlapping passage; until then they see that the passage was checked, nothing
// more. Those who may review (editors, admins) see everything: they adjudicate.

type Range = { positionStart: number; positionEnd: number };
type Row = Range & { id: string; authorId: string; status: string };

const submitted = new Set(['SUBMITTED', 'APPROVED', 'CHANGES_REQUESTED']);

export function seesEverything(user: Pick<CurrentUser, 'role'>, blindReview: boolean): boolean {
  return !blindReview || can(user.role, 'annotation:review');
}

/** The ids of `rows` whose verdict `user` may not see yet. */
export function hiddenAnnotationIds(user: Pick<CurrentUser, 'id' | 'role'>, blindReview: boolean, rows: Row[]): Set<string> {
  if (seesEverything(user, blindReview)) return new Set();
  const mine = rows.filter((r) => r.authorId === user.id && submitted.has(r.status));
  const overlaps = (a: Range, b: Range) => a.positionStart < b.positionEnd && b.positionStart < a.positionEnd;
  return new Set(rows.filter((r) => r.authorId !== user.id && !mine.some((m) => overlaps(m, r))).map((r) => r.id));
}

/** What a blinded annotation shows: where it is, whose it is and its status, not what it says. */
export function blinded(dto: AnnotationDto): AnnotationDto {
  return { ...dto, verdict: null, rationale: '', sources: [], commentCount: 0, blind: true };
}

/** The same for the article page's summary of it. */
export function blindedSummary(summary: AnnotationSummary): AnnotationSummary {
  return { ...summary, verdict: null, commentCount: 0, blind: true };
}

type Tx = Pick<Prisma.TransactionClient, 'annotation' | 'article'>;

/** Refuses (403) to show `annotationId`'s details to a user blinded from it. */
export async function assertNotBlinded(tx: Tx, user: CurrentUser, annotation: Row & { articleId: string }): Promise<void> {
  const article = await tx.article.findUnique({ where: { id: annotation.articleId }, select: { blindReview: true } });
  if (seesEverything(user, article?.blindReview ?? false) || annotation.authorId === user.id) return;
  const mine = await tx.annotation.findMany({
    where: { articleId: annotation.articleId, authorId: user.id, deletedAt: null, status: { in: ['SUBMITTED', 'APPROVED', 'CHANGES_REQUESTED'] } },
    select: { id: true, authorId: true, status: true, positionStart: true, positionEnd: true },
  });
  if (hiddenAnnotationIds(user, true, [...mine, annotation]).has(annotation.id)) {
    throw new AppError('FORBIDDEN', 'Blind review: submit your own check of this passage first, then you will see this one.');
  }
}
