import { describe, expect, it } from 'vitest';
import { filterArticles, isArticleFilter } from '@/lib/articles/article-filters';
import type { ArticleListItem } from '@/lib/articles/list-articles';

const item = (id: string, progress: Partial<ArticleListItem['progress']>, assigned = false): ArticleListItem => {
  const full = { DRAFT: 0, SUBMITTED: 0, APPROVED: 0, CHANGES_REQUESTED: 0, ...progress };
  return { id, slug: id, title: id, outlet: 'x', publishedAt: null, annotationCount: Object.values(full).reduce((a, b) => a + b, 0), progress: full, verdictMix: [], assigned };
};

describe('article filters', () => {
  const items = [item('empty', {}, true), item('review', { SUBMITTED: 2, APPROVED: 1 }), item('back', { CHANGES_REQUESTED: 1 }), item('done', { APPROVED: 3 })];
  const ids = (filter: Parameters<typeof filterArticles>[1]) => filterArticles(items, filter).map((a) => a.id);

  it('picks articles by their review progress and assignment', () => {
    expect(ids('all')).toEqual(['empty', 'review', 'back', 'done']);
    expect(ids('assigned')).toEqual(['empty']);
    expect(ids('not-started')).toEqual(['empty']);
    expect(ids('in-review')).toEqual(['review']);
    expect(ids('changes-requested')).toEqual(['back']);
    expect(ids('done')).toEqual(['done']);
  });

  it('knows its own names only', () => {
    expect(isArticleFilter('done')).toBe(true);
    expect(isArticleFilter('toString')).toBe(false);
    expect(isArticleFilter(undefined)).toBe(false);
  });
});
