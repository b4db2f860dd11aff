import { NextResponse } from 'next/server';
import { apiRoute, clientIp, readJson } from '@/lib/api/route';
import { bulkReviewInput, reviewAnnotationsInBulk } from '@/lib/articles/review-annotations-in-bulk';

type Params = { id: string };

// 200 with one result per annotation: those refused (409 stale or wrong status, 403, 404) are
// reported beside the ones done.
export const POST = apiRoute<Params>('annotation:review', async ({ req, user, params }) => {
  const input = await readJson(req, bulkReviewInput);
  const results = await reviewAnnotationsInBulk(user, params.id, input, clientIp(req));
  return NextResponse.json({ results, succeeded: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length });
});
