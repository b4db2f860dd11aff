// What annotation creates last read of an article (its text and version) and of a verdict, kept
// per process so that a burst of creates on one article (an import, a bulk script) does not read a
// 100 KB text back for each. Never trusted on its own: the create's insert checks in SQL that the
// article still has this version and the verdict these values, and reads afresh if not
// (lib/annotations/create-annotation.ts).
import type { Verdict } from '@/lib/generated/prisma/client';

const MAX_ARTICLES = 32;
const MAX_VERDICTS = 256;

export interface ArticleSnapshot {
  text: string;
  version: number;
}

const articles = new Map<string, ArticleSnapshot>();
const verdicts = new Map<string, Verdict>();

/** The article and verdict as last read, if both were (a null key needs no verdict). */
export function recalledSnapshot(articleId: string, verdictKey: string | null): { article: ArticleSnapshot; verdict: Verdict | null } | null {
  const article = articles.get(articleId);
  if (!article) return null;
  if (verdictKey === null) return { article, verdict: null };
  const verdict = verdicts.get(verdictKey);
  return verdict ? { article, verdict } : null;
}

export function rememberSnapshot(articleId: string, article: ArticleSnapshot, verdict: Verdict | null): void {
  remember(articles, articleId, article, MAX_ARTICLES);
  if (verdict) remember(verdicts, verdict.key, verdict, MAX_VERDICTS);
}

export function forgetSnapshot(articleId: string, verdictKey: string | null): void {
  articles.delete(articleId);
  if (verdictKey !== null) verdicts.delete(verdictKey);
}

function remember<T>(map: Map<string, T>, key: string, value: T, max: number): void {
  map.delete(key);
  if (map.size >= max) map.delete(map.keys().next().value!);
  map.set(key, value);
}
