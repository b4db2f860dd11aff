import { plainRationale } from '@/lib/annotations/plain-rationale';
import { z } from 'zod';
import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCan } from '@/lib/auth/guard';
import { MATCH_END, MATCH_START } from '@/lib/search/match-markers';
import { seesEverything } from '@/lib/annotations/blind-review';

export const searchQuery = z.strictObject({
  q: z.string().trim().min(1, 'type something to search for').max(200, 'must be at most 200 characters'),
});

const headline = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=28, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

export interface ArticleHit {
  id: string;
  title: string;
  outlet: string;
  /** Up to two passages of the text with the matches between MATCH_START and MATCH_END. */
  snippet: string;
  titleMarked: string;
}

export interface AnnotationHit {
  id: string;
  article: { id: string; title: string };
  verdict: { label: string; color: string } | null;
  status: 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'CHANGES_REQUESTED';
  author: string;
  quote: string;
  rationale: string;
}

export interface SearchResults {
  query: string;
  articles: ArticleHit[];
  annotations: AnnotationHit[];
}

/**
 * Full-text search (PostgreSQL, English stemming, web-search syntax: "quoted phrases", or, -not)
 * over articles' titles and text and annotations' passages and rationales, best first, with the
 * matches marked in each snippet. Deleted annotations are left out.
 */
export async function searchEverything(user: CurrentUser, query: string, limit = 20): Promise<SearchResults> {
  assertCan(user, 'article:read');
  // Blind review: reviewers do not find others' annotations on blind articles.
  const everything = seesEverything(user, true);
  const [articles, annotations] = await Promise.all([
    db.$queryRaw<ArticleHit[]>`
      WITH q AS (SELECT websearch_to_tsquery('english', ${query}) AS query)
      SELECT a.id, a.title, a.outlet,
             ts_headline('english', a.text, q.query, ${headline}) AS snippet,
             ts_headline('english', a.title, q.query, ${`StartSel=${MATCH_START}, StopSel=${MATCH_END}, HighlightAll=true`}) AS "titleMarked"
      FROM "Article" a, q
      WHERE (setweight(to_tsvector('english', a.title), 'A') || to_tsvector('english', a.text)) @@ q.query
      ORDER BY ts_rank(setweight(to_tsvector('english', a.title), 'A') || to_tsvector('english', a.text), q.query) DESC, a."createdAt" DESC
      LIMIT ${limit}`,
    db.$queryRaw<(Omit<AnnotationHit, 'article' | 'verdict'> & { articleId: string; articleTitle: string; verdictLabel: string | null; verdictColor: string | null })[]>`
      WITH q AS (SELECT websearch_to_tsquery('english', ${query}) AS query)
      SELECT n.id, n.status::text AS status, u.name AS author, n."articleId", ar.title AS "articleTitle",
             v.label AS "verdictLabel", v.color AS "verdictColor",
             ts_headline('english', n."quoteExact", q.query, ${`StartSel=${MATCH_START}, StopSel=${MATCH_END}, HighlightAll=true`}) AS quote,
             ts_headline('english', n.rationale, q.query, ${headline}) AS rationale
      FROM "Annotation" n
      JOIN "Article" ar ON ar.id = n."articleId"
      JOIN "User" u ON u.id = n."authorId"
      LEFT JOIN "Verdict" v ON v.id = n."verdictId", q
      WHERE n."deletedAt" IS NULL
        AND (${everything} OR NOT ar."blindReview" OR n."authorId" = ${user.id})
        AND (setweight(to_tsvector('english', n."quoteExact"), 'A') || to_tsvector('english', n.rationale)) @@ q.query
      ORDER BY ts_rank(setweight(to_tsvector('english', n."quoteExact"), 'A') || to_tsvector('english', n.rationale), q.query) DESC, n."createdAt" DESC
      LIMIT ${limit}`,
  ]);
  return {
    query,
    articles,
    annotations: annotations.map(({ articleId, articleTitle, verdictLabel, verdictColor, ...hit }) => ({
      ...hit,
      // A snippet may cut a **bold** pair in two: no stray asterisks either.
      rationale: plainRationale(hit.rationale).replace(/\*\*/g, ''),
      article: { id: articleId, title: articleTitle },
      verdict: verdictLabel && verdictColor ? { label: verdictLabel, color: verdictColor } : null,
    })),
  };
}
