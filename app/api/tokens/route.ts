import { NextResponse } from 'next/server';
import { apiRoute, clientIp, readJson } from '@/lib/api/route';
import { listApiTokens } from '@/lib/users/list-api-tokens';
import { createApiToken } from '@/lib/users/create-api-token';
import { createApiTokenInput } from '@/lib/users/input-schemas';

export const GET = apiRoute('account:manage', async ({ user }) => {
  return NextResponse.json({ tokens: await listApiTokens(user) });
});

export const POST = apiRoute('account:manage', async ({ req, user }) => {
  const input = await readJson(req, createApiTokenInput);
  const { token, secret } = await createApiToken(user, input, clientIp(req));
  return NextResponse.json({ token, secret }, { status: 201, headers: { 'Cache-Control': 'no-store' } });
});
