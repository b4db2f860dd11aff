import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/api/route';
import { assignReviewers, assignReviewersInput } from '@/lib/articles/assign-reviewers';

type Params = { id: string };

export const PUT = apiRoute<Params>('annotation:review', async ({ req, user, params }) => {
  const input = await readJson(req, assignReviewersInput);
  return NextResponse.json({ assigned: await assignReviewers(user, params.id, input) });
});
