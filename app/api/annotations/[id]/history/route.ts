import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/api/route';
import { getAnnotationHistory } from '@/lib/annotations/get-annotation';

export const GET = apiRoute<{ id: string }>('article:read', async ({ user, params }) => {
  return NextResponse.json({ history: await getAnnotationHistory(user, params.id) });
});
