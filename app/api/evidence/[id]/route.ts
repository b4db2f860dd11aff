import { apiRoute } from '@/lib/api/route';
import { readEvidence } from '@/lib/evidence/evidence-files';

type Params = { id: string };

/** The evidence file itself, to whoever may see an annotation that cites it (and its uploader). */
export const GET = apiRoute<Params>('article:read', async ({ user, params }) => {
  const file = await readEvidence(user, params.id);
  return new Response(Buffer.from(file.data), {
    headers: {
      'content-type': file.mediaType,
      'content-length': String(file.data.byteLength),
      // Shown in the browser (images, PDF viewer); the type was checked on upload and is never sniffed.
      'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'x-content-type-options': 'nosniff',
      // An image is shown with nothing else allowed; a sandbox would also stop Chromium's PDF viewer.
      ...(file.mediaType === 'application/pdf' ? {} : { 'content-security-policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox" }),
      // A file never changes under its id; who may see it can, so it is not cached by shared caches.
      'cache-control': 'private, max-age=3600',
      etag: `"${file.sha256}"`,
    },
  });
});
