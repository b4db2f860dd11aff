import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/api/route';
import { getClaimSuggestions } from '@/lib/claims/get-claim-suggestions';

/** The sentences of the article most worth checking, ranked, with a reason each. */
export const GET = apiRoute<{ id: string }>('article:read', async ({ user, params }) => {
  return NextResponse.json({ suggestions: await getClaimSuggestions(user, params.id) });
});
