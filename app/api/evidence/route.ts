import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/api/route';
import { AppError } from '@/lib/errors';
import { uploadEvidence } from '@/lib/evidence/evidence-files';
import { MAX_EVIDENCE_BYTES } from '@/lib/evidence/evidence-file-type';

/**
 * multipart/form-data with one `file`: a screenshot (PNG, JPEG, WebP, GIF) or a PDF of a source as
 * it was seen, up to 10 MB. Answers the stored file's description; a source refers to it by id.
 */
export const POST = apiRoute('annotation:create', async ({ req, user }) => {
  // Refused before reading when the body says it is too large (multipart adds a little framing).
  const declared = Number(req.headers.get('content-length') ?? 0);
  if (declared > MAX_EVIDENCE_BYTES + 64 * 1024) {
    throw new AppError('PAYLOAD_TOO_LARGE', 'file: evidence may be at most 10 MB', { field: 'file' });
  }
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    throw new AppError('BAD_REQUEST', 'file: send the evidence file as multipart/form-data, in a field named "file"', { field: 'file' });
  }
  const file = form.get('file');
  if (!(file instanceof File)) throw new AppError('UNPROCESSABLE', 'file: choose a screenshot or PDF to upload', { field: 'file' });
  const evidence = await uploadEvidence(user, { name: file.name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) });
  return NextResponse.json({ evidence }, { status: 201 });
});
