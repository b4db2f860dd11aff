import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/api/route';
import { articleSummaryInput, updateArticleSummary } from '@/lib/articles/update-article-summary';

type Params = { id: string };

export const PUT = apiRoute<Params>('annotation:review', async ({ req, user, params }) => {
  const input = await readJson(req, articleSummaryInput);
  return NextResponse.json(await updateArticleSummary(user, params.id, input));
});
