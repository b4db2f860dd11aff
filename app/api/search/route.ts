import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/api/route';
import { searchEverything, searchQuery } from '@/lib/search/search-everything';

/** Full-text search over articles and annotations; matches are marked with \u0001 … \u0002. */
export const GET = apiRoute('article:read', async ({ req, user }) => {
  const { q } = searchQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  return NextResponse.json(await searchEverything(user, q));
});
