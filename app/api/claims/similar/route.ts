import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/api/route';
import { findSimilarClaims, similarClaimsQuery } from '@/lib/annotations/find-similar-claims';

/** Earlier checks of claims like the given passage, in any article (claim matching). */
export const GET = apiRoute('article:read', async ({ req, user }) => {
  const { text } = similarClaimsQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  return NextResponse.json({ claims: await findSimilarClaims(user, text) });
});
