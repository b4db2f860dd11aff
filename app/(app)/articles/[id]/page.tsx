import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/auth/current-user';
import { getArticleById } from '@/lib/articles/get-article-by-id';
import { AppError } from '@/lib/errors';
import { formatDate } from '@/lib/format';
import { ArticleViewer } from '@/components/editor/article-viewer';

type Params = { params: Promise<{ id: string }> };

async function load(id: string) {
  const user = await requireUser();
  try {
    return { user, article: await getArticleById(user, id) };
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { article } = await load((await params).id);
  return { title: article.title };
}

export default async function ArticlePage({ params }: Params) {
  const { article } = await load((await params).id);
  return (
    <>
      <h1>{article.title}</h1>
      <p className="article-meta">
        {article.outlet}
        {article.author ? ` · ${article.author}` : ''}
        {article.publishedAt ? ` · ${formatDate(article.publishedAt)}` : ''}
      </p>
      <div className="card article-body">
        <ArticleViewer text={article.text} />
      </div>
    </>
  );
}
