import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePage } from '@/lib/auth/require-page';
import { listArticles } from '@/lib/articles/list-articles';
import { formatDate } from '@/lib/format';
import { can } from '@/lib/auth/permissions';
import { ArticleProgress } from '@/components/articles/article-progress';
import { articleFilters, filterArticles, isArticleFilter } from '@/lib/articles/article-filters';
import { recentActivityOnMyAnnotations } from '@/lib/dashboard/recent-activity';
import { Dashboard } from '@/components/dashboard/dashboard';

export const metadata: Metadata = { title: 'Articles' };

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<{ q?: string; show?: string }> }) {
  const user = await requirePage('/articles');
  const { q = '', show } = await searchParams;
  const filter = isArticleFilter(show) ? show : 'all';
  const [all, activity] = await Promise.all([listArticles(user, q), q || filter !== 'all' ? Promise.resolve([]) : recentActivityOnMyAnnotations(user)]);
  const articles = filterArticles(all, filter);
  const searching = Boolean(q) || filter !== 'all';
  return (
    <>
      <div className="page-head">
        <h1>Articles</h1>
        {can(user.role, 'article:create') && (
          <Link className="button primary" href="/articles/new">
            New article
          </Link>
        )}
      </div>
      {!searching && <Dashboard articles={all} activity={activity} />}
      <form className="search-bar" role="search" action="/articles">
        <label htmlFor="article-search" className="sr-only">
          Search articles
        </label>
        <input id="article-search" name="q" type="search" defaultValue={q} placeholder="Search by title or outlet" />
        <label htmlFor="article-filter" className="sr-only">
          Show
        </label>
        <select id="article-filter" name="show" defaultValue={filter}>
          {Object.entries(articleFilters).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <button className="button" type="submit">
          Search
        </button>
      </form>
      {articles.length === 0 ? (
        <div className="card empty-state">
          {q || filter !== 'all' ? 'No article matches this search and filter. Clear them to see every article.' : 'No articles yet. An editor can add one with “New article”.'}
        </div>
      ) : (
        <ul className="article-list">
          {articles.map((article) => (
            <li key={article.id}>
              <Link className="card" href={`/articles/${article.id}`}>
                <h2>{article.title}</h2>
                {article.assigned && <span className="review-assigned-marker">Assigned to you</span>}
                <span className="muted">
                  {article.outlet}
                  {article.publishedAt ? ` · ${formatDate(article.publishedAt)}` : ''} · {article.annotationCount}{' '}
                  annotation{article.annotationCount === 1 ? '' : 's'}
                </span>
                <ArticleProgress progress={article.progress} verdictMix={article.verdictMix} />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
