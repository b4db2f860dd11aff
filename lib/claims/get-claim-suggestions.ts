import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCan } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';
import { suggestClaims, type ClaimSuggestion } from '@/lib/claims/suggest-claims';

export interface ArticleClaimSuggestion extends ClaimSuggestion {
  /** An annotation already covers at least half of this sentence. */
  checked: boolean;
}

/** The article's claim suggestions, each marked when it has been checked already. */
export async function getClaimSuggestions(user: CurrentUser, articleId: string): Promise<ArticleClaimSuggestion[]> {
  assertCan(user, 'article:read');
  const article = await db.article.findUnique({ where: { id: articleId }, select: { text: true } });
  if (!article) throw new AppError('NOT_FOUND', 'No such article.');
  const annotations = await db.annotation.findMany({
    where: { articleId, deletedAt: null, orphaned: false },
    select: { positionStart: true, positionEnd: true },
  });
  return suggestClaims(article.text).map((suggestion) => {
    const length = suggestion.end - suggestion.start;
    const checked = annotations.some((a) => Math.min(a.positionEnd, suggestion.end) - Math.max(a.positionStart, suggestion.start) >= length / 2);
    return { ...suggestion, checked };
  });
}
