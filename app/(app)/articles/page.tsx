import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/current-user';
import { listArticles } from '@/lib/articles/list-articles';
import { formatDate } from '@/lib/format';
import { can } from '@/lib/auth/permissions';

export const metadata: Metadata = { title: 'Articles' };

export default async function ArticlesPage() {
  const user = await requireUser();
  const articles = await listArticles(user);
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
      {articles.length === 0 ? (
        <div className="card empty-state">No articles yet. An editor can add one; a fresh install seeds one on `npm start`.</div>
      ) : (
        <ul className="article-list">
          {articles.map((article) => (
            <li key={article.id}>
              <Link className="card" href={`/articles/${article.id}`}>
                <h2>{article.title}</h2>
                <span className="muted">
                  {article.outlet}
                  {article.publishedAt ? ` · ${formatDate(article.publishedAt)}` : ''} · {article.annotationCount}{' '}
                  annotation{article.annotationCount === 1 ? '' : 's'}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
