import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCan } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';
import { describeRange } from '@/lib/anchoring/selectors';
import type { ArticleEvent } from '@/lib/events/article-events';
import { announceArticleEvent } from '@/lib/events/announce-article-event';
import { annotationInclude, toAnnotationDto, type AnnotationDto, type AnnotationRow } from '@/lib/annotations/annotation-dto';
import { assertSubmittable, unknownVerdict } from '@/lib/annotations/resolve-verdict';
import type { Verdict } from '@/lib/generated/prisma/client';
import type { CreateAnnotationInput } from '@/lib/annotations/input-schemas';
import { usableEvidence } from '@/lib/evidence/evidence-files';
import { insertAnnotation } from '@/lib/annotations/insert-annotations';
import { forgetSnapshot, recalledSnapshot, rememberSnapshot, type ArticleSnapshot } from '@/lib/annotations/create-snapshots';

export interface CreateResult {
  annotation: AnnotationDto;
  /** false when the idempotency key matched an annotation created earlier. */
  created: boolean;
}

/**
 * Creates an annotation, its sources and its history entry atomically, in one SQL statement (the
 * hot path of the API: one round trip where an interactive transaction took seven, shared with the
 * creates of concurrent requests: lib/annotations/insert-annotations.ts), then announces it to the
 * article's live clients. The passage is checked against the article's text as this
 * process last read it (lib/annotations/create-snapshots.ts), and the statement writes only if
 * the article still has that version and the verdict those values; else the text is read again,
 * so a burst of creates on one article reads it once. With an idempotency key, a retried request returns the
 * annotation the first one made instead of a duplicate, through the unique index on (author, key)
 * even when the two race.
 */
export async function createAnnotation(
  user: CurrentUser,
  articleId: string,
  input: CreateAnnotationInput,
  idempotencyKey: string | null = null,
): Promise<CreateResult> {
  assertCan(user, 'annotation:create');
  try {
    const evidenceRead = usableEvidence(user, input.sources.map((s) => s.evidenceId));
    evidenceRead.catch(() => {}); // awaited below: an error thrown before then must not leave it unhandled
    // The article's text as last read if there is one (the insert checks its version), else read.
    let recalled = recalledSnapshot(articleId, input.verdict);
    for (let attempt = 0; ; attempt++) {
      if (attempt === 3) {
        throw new AppError('CONFLICT', 'exact: the article text is being corrected right now; reload the article and select the passage again', { field: 'exact' });
      }
      const fromMemory = recalled !== null;
      const snapshot = recalled ?? (await readArticleAndVerdict(articleId, input.verdict));
      recalled = null;
      if (!snapshot) throw new AppError('NOT_FOUND', 'No such article.');
      if (!fromMemory) rememberSnapshot(articleId, snapshot.article, snapshot.verdict);
      const { article, verdict } = snapshot;
      let anchor: ReturnType<typeof describeRange>;
      try {
        anchor = checkedAnchor(article.text, input);
        if (input.submit) assertSubmittable(verdict, input.sources.length);
      } catch (error) {
        // What was remembered may be out of date: the answer is the database's, not the memory's.
        if (fromMemory) {
          forgetSnapshot(articleId, input.verdict);
          continue;
        }
        throw error;
      }
      const evidence = await evidenceRead;

      const id = randomUUID();
      // Milliseconds, as Prisma stores them: timestamp(3) columns hold UTC wall-clock time.
      const now = new Date();
      const nowText = now.toISOString();
      const status = input.submit ? 'SUBMITTED' : 'DRAFT';
      const sources = input.sources.map((source, position) => ({
        id: randomUUID(),
        position,
        url: source.url,
        title: source.title,
        publisher: source.publisher,
        excerpt: source.excerpt,
        accessedAt: source.accessedAt ? new Date(source.accessedAt).toISOString() : null,
        evidenceId: source.evidenceId ?? null,
      }));
      const history = { status, verdict: verdict?.label ?? null, rationale: input.rationale, sources: input.sources.map((s) => s.url) };
      // Written only if the article still has the text (version) the anchor was computed on, and
      // the verdict the values validated against: else nothing is, and it is read again.
      const outcome = await insertAnnotation({
        id,
        articleId,
        articleVersion: article.version,
        authorId: user.id,
        verdict,
        rationale: input.rationale,
        status,
        statusChangedById: input.submit ? user.id : null,
        statusChangedAt: input.submit ? nowText : null,
        quoteExact: anchor.quote.exact,
        quotePrefix: anchor.quote.prefix,
        quoteSuffix: anchor.quote.suffix,
        positionStart: anchor.position.start,
        positionEnd: anchor.position.end,
        idempotencyKey,
        createdAt: nowText,
        eventId: randomUUID(),
        history,
        sources,
      });
      if (!outcome.current) {
        // Corrected (or the verdict changed) since it was read: read it again and re-check.
        forgetSnapshot(articleId, input.verdict);
        continue;
      }
      if (!outcome.written) {
        // The key was used before (or by a request racing this one): answer with what it made.
        const existing = idempotencyKey ? await findByKey(user.id, idempotencyKey) : null;
        if (!existing) throw new AppError('CONFLICT', 'Idempotency-Key: this key was just used by a request that did not finish; retry.');
        return { annotation: existing, created: false };
      }
      const event = { type: 'annotation.created' as const, articleId, annotationId: id, actorId: user.id };
      await announceCreated(event);
      // Built from what was written, without reading it back.
      const author = { id: user.id, name: user.name };
      const row: AnnotationRow = {
        id,
        articleId,
        authorId: user.id,
        verdictId: verdict?.id ?? null,
        verdict,
        rationale: input.rationale,
        status,
        version: 1,
        quoteExact: anchor.quote.exact,
        quotePrefix: anchor.quote.prefix,
        quoteSuffix: anchor.quote.suffix,
        positionStart: anchor.position.start,
        positionEnd: anchor.position.end,
        orphaned: false,
        idempotencyKey,
        author,
        statusChangedById: input.submit ? user.id : null,
        statusChangedBy: input.submit ? author : null,
        statusChangedAt: input.submit ? now : null,
        threadResolvedAt: null,
        threadResolvedById: null,
        threadResolvedBy: null,
        deletedAt: null,
        deletedById: null,
        createdAt: now,
        updatedAt: now,
        sources: sources.map((s) => ({
          ...s,
          annotationId: id,
          accessedAt: s.accessedAt ? new Date(s.accessedAt) : null,
          evidence: s.evidenceId ? evidence.get(s.evidenceId)! : null,
        })),
        _count: { comments: 0 },
      };
      return { annotation: toAnnotationDto(row), created: true };
    }
  } catch (error) {
    // A retry of a request that succeeded returns what it made, even if the text has changed since.
    if (idempotencyKey && error instanceof AppError && error.code !== 'NOT_FOUND') {
      const existing = await findByKey(user.id, idempotencyKey);
      if (existing) return { annotation: existing, created: false };
    }
    throw error;
  }
}

/**
 * The live event, in a statement of its own once the annotation is committed. Not inside the
 * insert: a NOTIFY in a writing transaction holds PostgreSQL's cluster-wide notification lock
 * through the commit's WAL flush, which puts every such commit in single file (about 300 a second
 * on this machine however many clients, where the same inserts alone reach thousands). Sent after
 * the commit, the event still never announces a write that did not happen. If it cannot be sent
 * (the process stops in between, the connection drops), the annotation is saved all the same and
 * the article's clients see it at their next re-read (on focus, and every 30 s): the request does
 * not fail, or a client retrying without an idempotency key would create it twice.
 */
async function announceCreated(event: Extract<ArticleEvent, { type: 'annotation.created' }>): Promise<void> {
  try {
    await announceArticleEvent(event);
  } catch (error) {
    console.error(`annotations: created ${event.annotationId}, but the live event was not sent:`, error instanceof Error ? error.message : error);
  }
}

type ArticleVerdictRow = { text: string; version: number; verdictId: string | null } & Omit<Verdict, 'id'>;

/** The article's text and version and the chosen verdict (null for none) in one round trip. */
async function readArticleAndVerdict(articleId: string, verdictKey: string | null): Promise<{ article: ArticleSnapshot; verdict: Verdict | null } | null> {
  const [row] = await db.$queryRaw<ArticleVerdictRow[]>`
    SELECT a.text, a.version, v.id AS "verdictId", v.key, v.label, v.color, v."ratingValue", v."requiresSource", v.position
    FROM "Article" a LEFT JOIN "Verdict" v ON v.key = ${verdictKey}
    WHERE a.id = ${articleId}`;
  if (!row) return null;
  const article = { text: row.text, version: row.version };
  if (verdictKey === null) return { article, verdict: null };
  if (row.verdictId === null) throw unknownVerdict(verdictKey);
  const { text: _text, version: _version, verdictId, ...verdict } = row;
  return { article, verdict: { id: verdictId, ...verdict } };
}

/** The passage's selectors, if the range is inside the text and the text there is `exact`. */
function checkedAnchor(text: string, input: CreateAnnotationInput): ReturnType<typeof describeRange> {
  if (input.end > text.length || input.start >= input.end) {
    throw new AppError('UNPROCESSABLE', `end: the range ${input.start}–${input.end} is outside the article (length ${text.length})`, { field: 'end' });
  }
  const anchor = describeRange(text, input.start, input.end);
  if (anchor.quote.exact !== input.exact) {
    throw new AppError('CONFLICT', 'exact: the article text at this range has changed; reload the article and select the passage again', {
      field: 'exact',
    });
  }
  return anchor;
}

async function findByKey(authorId: string, idempotencyKey: string): Promise<AnnotationDto | null> {
  const row = await db.annotation.findUnique({
    where: { authorId_idempotencyKey: { authorId, idempotencyKey } },
    include: annotationInclude,
  });
  return row ? toAnnotationDto(row) : null;
}
