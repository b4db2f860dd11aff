import { NextResponse } from 'next/server';
import { apiRoute, clientIp } from '@/lib/api/route';
import { resetUserPassword } from '@/lib/users/reset-user-password';

type Params = { id: string };

export const POST = apiRoute<Params>('user:manage', async ({ req, user, params }) => {
  const { user: target, invitation } = await resetUserPassword(user, params.id, clientIp(req));
  return NextResponse.json(
    { user: target, invitation: { ...invitation, url: new URL(invitation.path, req.url).toString() } },
    { headers: { 'Cache-Control': 'no-store' } },
  );
});
