import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/api/route';
import { AppError } from '@/lib/errors';
import { articleMetadataInput, createArticle } from '@/lib/articles/create-article';
import { importArticleFile, MAX_IMPORT_BYTES } from '@/lib/articles/import/import-file';
import { listArticles } from '@/lib/articles/list-articles';

export const GET = apiRoute('article:read', async ({ user }) => NextResponse.json({ articles: await listArticles(user) }));

/**
 * multipart/form-data: title, outlet, author, url, publishedAt, and either `text` (pasted) or
 * `file` (.txt, .md, .html or .docx, up to 5 MB).
 */
export const POST = apiRoute('article:create', async ({ req, user }) => {
  const declared = Number(req.headers.get('content-length') ?? 0);
  if (declared > MAX_IMPORT_BYTES + 64 * 1024) throw new AppError('PAYLOAD_TOO_LARGE', 'file: the file is larger than 5 MB.', { field: 'file' });
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    throw new AppError('BAD_REQUEST', 'Send the article as multipart/form-data.');
  }
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  const metadata = articleMetadataInput.parse({
    title: field('title') ?? '',
    outlet: field('outlet') ?? '',
    author: field('author'),
    url: field('url'),
    publishedAt: field('publishedAt'),
  });
  const file = form.get('file');
  let text = field('text') ?? '';
  if (file instanceof File && file.size > 0) {
    const imported = await importArticleFile({ name: file.name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) });
    text = imported.text;
  } else if (!text.trim()) {
    throw new AppError('UNPROCESSABLE', 'text: paste the article text or upload a file', { field: 'text' });
  }
  const article = await createArticle(user, metadata, text);
  return NextResponse.json({ article }, { status: 201 });
});
