import { NextResponse } from 'next/server';
import { apiRoute, clientIp } from '@/lib/api/route';
import { revokeApiToken } from '@/lib/users/revoke-api-token';

type Params = { id: string };

export const DELETE = apiRoute<Params>('account:manage', async ({ req, user, params }) => {
  await revokeApiToken(user, params.id, clientIp(req));
  return new NextResponse(null, { status: 204 });
});
