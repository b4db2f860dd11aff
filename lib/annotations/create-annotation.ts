import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCan } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';
import { describeRange } from '@/lib/anchoring/selectors';
import { publishArticleEvent } from '@/lib/events/article-events';
import { annotationInclude, toAnnotationDto, type AnnotationDto, type AnnotationRow } from '@/lib/annotations/annotation-dto';
import { recordAnnotationEvent } from '@/lib/annotations/annotation-history';
import { assertSubmittable, resolveVerdict } from '@/lib/annotations/resolve-verdict';
import type { CreateAnnotationInput } from '@/lib/annotations/input-schemas';

export interface CreateResult {
  annotation: AnnotationDto;
  /** false when the idempotency key matched an annotation created earlier. */
  created: boolean;
}

/**
 * Creates an annotation and its sources in one transaction. With an idempotency key, a retried
 * request returns the annotation the first one made instead of a duplicate.
 */
export async function createAnnotation(
  user: CurrentUser,
  articleId: string,
  input: CreateAnnotationInput,
  idempotencyKey: string | null = null,
): Promise<CreateResult> {
  assertCan(user, 'annotation:create');
  if (idempotencyKey) {
    const existing = await findByKey(user.id, idempotencyKey);
    if (existing) return { annotation: existing, created: false };
  }
  try {
    const annotation = await db.$transaction(async (tx) => {
      const article = await tx.article.findUnique({ where: { id: articleId }, select: { id: true, text: true } });
      if (!article) throw new AppError('NOT_FOUND', 'No such article.');
      if (input.end > article.text.length || input.start >= input.end) {
        throw new AppError('UNPROCESSABLE', `end: the range ${input.start}–${input.end} is outside the article (length ${article.text.length})`, {
          field: 'end',
        });
      }
      const anchor = describeRange(article.text, input.start, input.end);
      if (anchor.quote.exact !== input.exact) {
        throw new AppError('CONFLICT', 'exact: the article text at this range has changed; reload the article and select the passage again', {
          field: 'exact',
        });
      }
      const verdict = await resolveVerdict(tx, input.verdict);
      if (input.submit) assertSubmittable(verdict, input.sources.length);

      const row = await tx.annotation.create({
        data: {
          articleId,
          authorId: user.id,
          verdictId: verdict?.id ?? null,
          rationale: input.rationale,
          status: input.submit ? 'SUBMITTED' : 'DRAFT',
          statusChangedById: input.submit ? user.id : null,
          statusChangedAt: input.submit ? new Date() : null,
          quoteExact: anchor.quote.exact,
          quotePrefix: anchor.quote.prefix,
          quoteSuffix: anchor.quote.suffix,
          positionStart: anchor.position.start,
          positionEnd: anchor.position.end,
          idempotencyKey,
        },
      });
      const sources = input.sources.length
        ? await tx.source.createManyAndReturn({
            data: input.sources.map((source, position) => ({
              annotationId: row.id,
              position,
              url: source.url,
              title: source.title,
              publisher: source.publisher,
              excerpt: source.excerpt,
              accessedAt: source.accessedAt ? new Date(source.accessedAt) : null,
            })),
          })
        : [];
      await recordAnnotationEvent(tx, row.id, user.id, 'created', {
        status: row.status,
        verdict: verdict?.label ?? null,
        rationale: row.rationale,
        sources: input.sources.map((s) => s.url),
      });
      await publishArticleEvent(tx, { type: 'annotation.created', articleId, annotationId: row.id, actorId: user.id });
      // Built from what this transaction wrote, without reading it back (the hot path of the API).
      const author = { id: user.id, name: user.name };
      const full: AnnotationRow = {
        ...row,
        verdict,
        author,
        statusChangedBy: input.submit ? author : null,
        threadResolvedBy: null,
        sources: sources.sort((a, b) => a.position - b.position),
        _count: { comments: 0 },
      };
      return full;
    });
    return { annotation: toAnnotationDto(annotation), created: true };
  } catch (error) {
    // Two requests with one key raced: the loser returns what the winner committed.
    if (idempotencyKey && error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const existing = await findByKey(user.id, idempotencyKey);
      if (existing) return { annotation: existing, created: false };
    }
    throw error;
  }
}

async function findByKey(authorId: string, idempotencyKey: string): Promise<AnnotationDto | null> {
  const row = await db.annotation.findUnique({
    where: { authorId_idempotencyKey: { authorId, idempotencyKey } },
    include: annotationInclude,
  });
  return row ? toAnnotationDto(row) : null;
}
