import { evidenceSelect } from '@/lib/evidence/evidence-dto';
import { toSourceDto, type AnnotationDto } from '@/lib/annotations/annotation-dto';
import { z } from 'zod';
import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCan } from '@/lib/auth/guard';
import { seesEverything } from '@/lib/annotations/blind-review';

export const similarClaimsQuery = z.strictObject({
  text: z.string().trim().min(1, 'must not be empty').max(2_000, 'must be at most 2,000 characters'),
});

export interface SimilarClaim {
  annotationId: string;
  article: { id: string; title: string };
  exact: string;
  verdict: { key: string; label: string; color: string };
  status: 'SUBMITTED' | 'APPROVED';
  rationale: string;
  sources: Omit<AnnotationDto['sources'][number], 'id'>[];
  /** Dice coefficient of the two passages' English lexemes (stemmed words, no stop words), 0–1. */
  score: number;
  createdAt: string;
}

interface Row {
  id: string;
  articleId: string;
  articleTitle: string;
  quoteExact: string;
  rationale: string;
  status: 'SUBMITTED' | 'APPROVED';
  createdAt: Date;
  verdictKey: string;
  verdictLabel: string;
  verdictColor: string;
  score: number;
}

/**
 * Earlier checks of claims like `text`, in any article: submitted or approved annotations with a
 * verdict whose passage shares at least half of the passage's words (PostgreSQL full-text lexemes,
 * so "rejected" matches "rejecting"), best first, approved before submitted on a tie.
 */
export async function findSimilarClaims(user: CurrentUser, text: string, limit = 5): Promise<SimilarClaim[]> {
  assertCan(user, 'article:read');
  const rows = await db.$queryRaw<Row[]>`
    WITH query AS (
      SELECT array(SELECT DISTINCT unnest(tsvector_to_array(to_tsvector('english', ${text})))) AS lexemes
    ), candidates AS (
      SELECT a.id, a."articleId", a."quoteExact", a.rationale, a.status::text AS status, a."createdAt", a."verdictId",
             array(SELECT DISTINCT unnest(tsvector_to_array(to_tsvector('english', a."quoteExact")))) AS lexemes
      FROM query, "Annotation" a
      JOIN "Article" art ON art.id = a."articleId"
      WHERE a."deletedAt" IS NULL AND a."verdictId" IS NOT NULL AND a.status IN ('SUBMITTED', 'APPROVED')
        AND (${seesEverything(user, true)} OR NOT art."blindReview" OR a."authorId" = ${user.id})
        AND cardinality(query.lexemes) > 0
        AND to_tsvector('english', a."quoteExact") @@ to_tsquery('simple', array_to_string(array(SELECT quote_literal(l) FROM unnest(query.lexemes) l), ' | '))
    ), scored AS (
      SELECT c.*, cardinality(array(SELECT unnest(c.lexemes) INTERSECT SELECT unnest(query.lexemes))) AS shared,
             cardinality(c.lexemes) AS own, cardinality(query.lexemes) AS asked
      FROM candidates c, query
    )
    SELECT s.id, s."articleId", ar.title AS "articleTitle", s."quoteExact", s.rationale, s.status, s."createdAt",
           v.key AS "verdictKey", v.label AS "verdictLabel", v.color AS "verdictColor",
           (2.0 * s.shared / (s.own + s.asked))::float8 AS score
    FROM scored s
    JOIN "Article" ar ON ar.id = s."articleId"
    JOIN "Verdict" v ON v.id = s."verdictId"
    WHERE s.shared * 2 >= s.asked AND s.shared >= least(2, s.asked)
    ORDER BY score DESC, (s.status = 'APPROVED') DESC, s."createdAt" DESC
    LIMIT ${limit}`;
  if (rows.length === 0) return [];
  const sources = await db.source.findMany({
    where: { annotationId: { in: rows.map((r) => r.id) } },
    orderBy: { position: 'asc' },
    include: { evidence: { select: evidenceSelect } },
  });
  return rows.map((row) => ({
    annotationId: row.id,
    article: { id: row.articleId, title: row.articleTitle },
    exact: row.quoteExact,
    verdict: { key: row.verdictKey, label: row.verdictLabel, color: row.verdictColor },
    status: row.status,
    rationale: row.rationale,
    sources: sources
      .filter((s) => s.annotationId === row.id)
      .map((s) => {
        const { id: _id, ...source } = toSourceDto(s);
        return source;
      }),
    score: Math.round(row.score * 100) / 100,
    createdAt: new Date(row.createdAt).toISOString(),
  }));
}
