import { NextResponse } from 'next/server';
import { apiRoute, clientIp, readJson } from '@/lib/api/route';
import { changeAnnotationStatus } from '@/lib/annotations/change-annotation-status';
import { changeStatusInput } from '@/lib/annotations/input-schemas';

// Submitting needs the author's own-permission, reviewing the editor's; the lib checks which.
export const POST = apiRoute<{ id: string }>('annotation:submit:own', async ({ req, user, params }) => {
  const input = await readJson(req, changeStatusInput);
  const annotation = await changeAnnotationStatus(user, params.id, input.action, input.version, input.note, clientIp(req));
  return NextResponse.json({ annotation });
});
