import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import { NewArticleForm } from '@/components/articles/new-article-form';

export const metadata: Metadata = { title: 'New article' };

export default async function NewArticlePage() {
  const user = await requireUser();
  if (!can(user.role, 'article:create')) notFound();
  return (
    <>
      <h1>New article</h1>
      <p className="muted">HTML is reduced to paragraphs, headings, lists, quotes and links; everything else is dropped. The stored text is what reviewers annotate.</p>
      <NewArticleForm />
    </>
  );
}
