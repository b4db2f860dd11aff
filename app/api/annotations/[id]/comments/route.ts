import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/api/route';
import { addComment, listComments } from '@/lib/annotations/comments';
import { commentInput } from '@/lib/annotations/input-schemas';

type Params = { id: string };

export const GET = apiRoute<Params>('article:read', async ({ user, params }) => {
  return NextResponse.json({ comments: await listComments(user, params.id) });
});

export const POST = apiRoute<Params>('comment:create', async ({ req, user, params }) => {
  const { body } = await readJson(req, commentInput);
  return NextResponse.json({ comment: await addComment(user, params.id, body) }, { status: 201 });
});
