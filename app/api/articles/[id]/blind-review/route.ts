import { NextResponse } from 'next/server';
import { apiRoute, clientIp, readJson } from '@/lib/api/route';
import { blindReviewInput, setBlindReview } from '@/lib/articles/set-blind-review';

/** `{ "enabled": true }` puts the article in blind double review; false ends it (editors, admins). */
export const PUT = apiRoute<{ id: string }>('annotation:review', async ({ req, user, params }) => {
  const { enabled } = await readJson(req, blindReviewInput);
  return NextResponse.json(await setBlindReview(user, params.id, enabled, clientIp(req)));
});
