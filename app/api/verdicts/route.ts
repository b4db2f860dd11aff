import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/api/route';
import { listVerdicts } from '@/lib/verdicts/list-verdicts';
import { createVerdict, createVerdictInput } from '@/lib/verdicts/manage-verdicts';

export const GET = apiRoute('article:read', async ({ user }) => NextResponse.json({ verdicts: await listVerdicts(user) }));

export const POST = apiRoute('verdict:manage', async ({ req, user }) => {
  const verdict = await createVerdict(user, await readJson(req, createVerdictInput));
  return NextResponse.json({ verdict }, { status: 201 });
});
