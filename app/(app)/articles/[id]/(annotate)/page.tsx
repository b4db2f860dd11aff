import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePage } from '@/lib/auth/require-page';
import { getArticleForPage } from '@/lib/articles/get-article-by-id';
import { AppError } from '@/lib/errors';
import { formatDate, formatDateTime } from '@/lib/format';
import { ArticleWorkspace } from '@/components/annotations/article-workspace';
import { listAnnotationSummaries } from '@/lib/annotations/list-annotation-summaries';
import { encodeSummaries } from '@/lib/annotations/compact-summaries';
import { listVerdicts } from '@/lib/verdicts/list-verdicts';
import { listCorrections } from '@/lib/articles/list-corrections';
import { can } from '@/lib/auth/permissions';
import { ExportMenu } from '@/components/annotations/export-menu';

type Params = { params: Promise<{ id: string }>; searchParams?: Promise<{ annotation?: string }> };

async function load(id: string) {
  const user = await requirePage('/articles/[id]');
  try {
    return { user, article: await getArticleForPage(user, id) };
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { article } = await load((await params).id);
  return { title: article.title };
}

export default async function ArticlePage({ params, searchParams }: Params) {
  const { user, article } = await load((await params).id);
  const { annotation: openAnnotationId } = (await searchParams) ?? {};
  const [annotations, verdicts, corrections] = await Promise.all([listAnnotationSummaries(user, article.id), listVerdicts(user), listCorrections(user, article.id)]);
  const viewer = {
    id: user.id,
    canEditAny: can(user.role, 'annotation:update:any'),
    canReview: can(user.role, 'annotation:review'),
    canCorrect: can(user.role, 'article:correct'),
  };
  return (
    <>
      <div className="page-head">
        <h1>{article.title}</h1>
        <div className="review-head-actions">
          {can(user.role, 'annotation:review') && (
            <Link className="button" href={`/articles/${article.id}/review`}>
              Review
            </Link>
          )}
          {can(user.role, 'export:create') && <ExportMenu articleId={article.id} />}
        </div>
      </div>
      <p className="article-meta">
        {article.outlet}
        {article.author ? ` · ${article.author}` : ''}
        {article.publishedAt ? ` · ${formatDate(article.publishedAt)}` : ''}
      </p>
      {article.blindReview && (
        <p className="notice" data-testid="blind-review-banner">
          Blind review: {can(user.role, 'annotation:review') ? 'reviewers do not see each other’s verdicts on a passage until they have submitted their own.' : 'you will see other reviewers’ verdicts on a passage once you have submitted your own check of it.'}
        </p>
      )}
      {/* Keyed by the article: moving to another one starts afresh (its editor, live document and list). */}
      <ArticleWorkspace key={article.id} articleId={article.id} text={article.text} viewer={viewer} initialAnnotationsJson={JSON.stringify(encodeSummaries(annotations, article.text))} verdicts={verdicts} openAnnotationId={openAnnotationId} />
      {corrections.length > 0 && (
        <section className="card corrections-log" aria-labelledby="corrections-heading" data-testid="corrections-log">
          <h2 id="corrections-heading">Corrections</h2>
          <p className="muted">Approved verdicts changed since, with the reason. Every exported report carries this log.</p>
          <ol>
            {corrections.map((correction) => (
              <li key={correction.id}>
                <Link href={`/articles/${article.id}?annotation=${correction.annotationId}`}>“{correction.quote.length > 80 ? `${correction.quote.slice(0, 80)}…` : correction.quote}”</Link>: {correction.from ?? 'no verdict'} → {correction.to ?? 'no verdict'}.{' '}
                {correction.note}{' '}
                <span className="muted">
                  ({correction.by}, {formatDateTime(correction.at)})
                </span>
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
