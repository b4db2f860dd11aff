import { BlindReviewToggle } from '@/components/review/blind-review-toggle';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePage } from '@/lib/auth/require-page';
import { AppError } from '@/lib/errors';
import { getReviewOverview } from '@/lib/articles/get-review-overview';
import { findDisagreements } from '@/lib/articles/find-disagreements';
import { listVerdicts } from '@/lib/verdicts/list-verdicts';
import { ReviewDesk } from '@/components/review/review-desk';

type Params = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: 'Review' };

// Editors and admins only: to anyone else the page does not exist.
export default async function ReviewPage({ params }: Params) {
  const user = await requirePage('/articles/[id]/review');
  const { id } = await params;
  let loaded;
  try {
    loaded = await Promise.all([getReviewOverview(user, id), findDisagreements(user, id), listVerdicts(user)]);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
  const [overview, { groups, agreement }, verdicts] = loaded;
  return (
    <>
      <div className="page-head">
        <h1>Review: {overview.article.title}</h1>
        <Link className="button review-back" href={`/articles/${overview.article.id}`}>
          Back to the article
        </Link>
      </div>
      <p className="article-meta">{overview.article.outlet}</p>
      <BlindReviewToggle articleId={overview.article.id} initial={overview.article.blindReview} />
      <ReviewDesk initial={{ overview, disagreements: groups, agreement }} verdicts={verdicts} userId={user.id} />
    </>
  );
}
