import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/api/route';
import { searchParamsOf } from '@/lib/api/search-params';
import { AppError } from '@/lib/errors';
import { createAnnotation } from '@/lib/annotations/create-annotation';
import { listAnnotations } from '@/lib/annotations/list-annotations';
import { listAnnotationSummaries } from '@/lib/annotations/list-annotation-summaries';
import { createAnnotationInput, idempotencyKey, listAnnotationsQuery } from '@/lib/annotations/input-schemas';

type Params = { id: string };

export const GET = apiRoute<Params>('article:read', async ({ req, user, params }) => {
  const { view } = listAnnotationsQuery.parse(searchParamsOf(req));
  const annotations = view === 'summary' ? await listAnnotationSummaries(user, params.id) : await listAnnotations(user, params.id);
  return NextResponse.json({ annotations });
});

export const POST = apiRoute<Params>('annotation:create', async ({ req, user, params }) => {
  const rawKey = req.headers.get('idempotency-key');
  const key = rawKey === null ? null : idempotencyKey.safeParse(rawKey);
  if (key && !key.success) throw new AppError('BAD_REQUEST', key.error.issues[0]!.message, { field: 'Idempotency-Key' });
  const input = await readJson(req, createAnnotationInput);
  const result = await createAnnotation(user, params.id, input, key?.data ?? null);
  return NextResponse.json({ annotation: result.annotation }, { status: result.created ? 201 : 200 });
});
