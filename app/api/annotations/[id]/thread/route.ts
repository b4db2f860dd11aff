import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/api/route';
import { setThreadResolved } from '@/lib/annotations/comments';
import { threadInput } from '@/lib/annotations/input-schemas';

export const POST = apiRoute<{ id: string }>('comment:resolve', async ({ req, user, params }) => {
  const { resolved } = await readJson(req, threadInput);
  await setThreadResolved(user, params.id, resolved);
  return NextResponse.json({ resolved });
});
