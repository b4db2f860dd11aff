import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePage } from '@/lib/auth/require-page';
import { listArticleRevisions } from '@/lib/articles/list-article-revisions';
import { AppError } from '@/lib/errors';

export const metadata: Metadata = { title: 'Text history' };

const when = (date: Date) => date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export default async function RevisionsPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePage('/articles/[id]/revisions');
  const { id } = await params;
  let data;
  try {
    data = await listArticleRevisions(user, id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
  return (
    <>
      <p>
        <Link href={`/articles/${id}`}>← {data.title}</Link>
      </p>
      <h1>Text history</h1>
      <p className="muted">Every correction of the article text, newest first: who made it, when, and what changed (removed text struck through, added text underlined).</p>
      <ol className="revision-list">
        {data.revisions.map((revision) => (
          <li key={revision.version} className="card revision" data-testid="revision">
            <h2>
              Version {revision.version} <span className="muted small">· {revision.editor ?? 'import'} · {when(revision.createdAt)} UTC</span>
            </h2>
            {revision.note && <p className="muted">{revision.note}</p>}
            {revision.changes.length > 0 && (
              <p className="revision-diff">
                {revision.changes.map((change, index) =>
                  change.kind === 'added' ? (
                    <ins key={index}>{change.text}</ins>
                  ) : change.kind === 'removed' ? (
                    <del key={index}>{change.text}</del>
                  ) : (
                    <span key={index}>{change.text}</span>
                  ),
                )}
              </p>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
