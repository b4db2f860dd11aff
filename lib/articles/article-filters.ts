import type { ArticleListItem } from '@/lib/articles/list-articles';

export const articleFilters = {
  all: 'All articles',
  assigned: 'Assigned to me',
  'not-started': 'Not started',
  'in-review': 'Waiting for review',
  'changes-requested': 'Changes requested',
  done: 'Fully approved',
} as const;

export type ArticleFilter = keyof typeof articleFilters;

export function isArticleFilter(value: unknown): value is ArticleFilter {
  return typeof value === 'string' && Object.hasOwn(articleFilters, value);
}

/** The articles page's filters, over the progress each item already carries. */
export function filterArticles(items: ArticleListItem[], filter: ArticleFilter): ArticleListItem[] {
  switch (filter) {
    case 'all':
      return items;
    case 'assigned':
      return items.filter((a) => a.assigned);
    case 'not-started':
      return items.filter((a) => a.annotationCount === 0);
    case 'in-review':
      return items.filter((a) => a.progress.SUBMITTED > 0);
    case 'changes-requested':
      return items.filter((a) => a.progress.CHANGES_REQUESTED > 0);
    case 'done':
      return items.filter((a) => a.annotationCount > 0 && a.progress.APPROVED === a.annotationCount);
  }
}
