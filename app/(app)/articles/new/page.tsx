import type { Metadata } from 'next';
import { requirePage } from '@/lib/auth/require-page';
import { NewArticleForm } from '@/components/articles/new-article-form';

export const metadata: Metadata = { title: 'New article' };

export default async function NewArticlePage() {
  const user = await requirePage('/articles/new');
  return (
    <>
      <h1>New article</h1>
      <p className="muted">HTML is reduced to paragraphs, headings, lists, quotes and links; everything else is dropped. The stored text is what reviewers annotate.</p>
      <NewArticleForm userId={user.id} />
    </>
  );
}
