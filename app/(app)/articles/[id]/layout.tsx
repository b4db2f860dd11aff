import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { requirePage } from '@/lib/auth/require-page';
import { getArticleForPage } from '@/lib/articles/get-article-by-id';
import { AppError } from '@/lib/errors';

/**
 * An article that does not exist is a 404 for the article, its review and its text history. Checked
 * here, above their loading skeletons: once a skeleton has streamed, the status (200) is sent.
 */
export default async function ArticleLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  const user = await requirePage('/articles/[id]');
  try {
    await getArticleForPage(user, (await params).id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
  return children;
}
