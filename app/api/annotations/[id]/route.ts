import { NextResponse } from 'next/server';
import { apiRoute, clientIp, readJson, wantsJsonLd } from '@/lib/api/route';
import { getAnnotation } from '@/lib/annotations/get-annotation';
import { updateAnnotation } from '@/lib/annotations/update-annotation';
import { deleteAnnotation } from '@/lib/annotations/delete-annotation';
import { deleteAnnotationInput, updateAnnotationInput } from '@/lib/annotations/input-schemas';
import { annotationToWebAnnotation } from '@/lib/annotations/to-web-annotation';
import { listCorrections, reportCorrection } from '@/lib/articles/list-corrections';

type Params = { id: string };

export const GET = apiRoute<Params>('article:read', async ({ req, user, params }) => {
  const annotation = await getAnnotation(user, params.id);
  if (wantsJsonLd(req)) {
    const corrections = (await listCorrections(user, annotation.articleId)).filter((c) => c.annotationId === annotation.id).map(reportCorrection);
    return NextResponse.json(annotationToWebAnnotation(annotation, new URL(req.url).origin, corrections), {
      headers: { 'content-type': 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' },
    });
  }
  return NextResponse.json({ annotation });
});

export const PATCH = apiRoute<Params>('annotation:update:own', async ({ req, user, params }) => {
  const input = await readJson(req, updateAnnotationInput);
  return NextResponse.json({ annotation: await updateAnnotation(user, params.id, input) });
});

export const DELETE = apiRoute<Params>('annotation:delete:own', async ({ req, user, params }) => {
  const hasBody = Number(req.headers.get('content-length') ?? 0) > 0;
  const input = hasBody ? await readJson(req, deleteAnnotationInput) : {};
  await deleteAnnotation(user, params.id, input.version, clientIp(req));
  return new NextResponse(null, { status: 204 });
});
