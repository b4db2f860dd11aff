import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/api/route';
import { getReviewOverview } from '@/lib/articles/get-review-overview';
import { findDisagreements } from '@/lib/articles/find-disagreements';

type Params = { id: string };

export const GET = apiRoute<Params>('annotation:review', async ({ user, params }) => {
  const [overview, { groups, agreement }] = await Promise.all([getReviewOverview(user, params.id), findDisagreements(user, params.id)]);
  return NextResponse.json({ overview, disagreements: groups, agreement });
});
