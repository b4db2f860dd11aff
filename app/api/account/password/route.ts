import { NextResponse } from 'next/server';
import { apiRoute, clientIp, readJson } from '@/lib/api/route';
import { renewSessionCookie } from '@/lib/auth/session-cookie';
import { changeOwnPassword } from '@/lib/users/change-own-password';
import { changeOwnPasswordInput } from '@/lib/users/input-schemas';

export const POST = apiRoute('account:manage', async ({ req, user, session }) => {
  const input = await readJson(req, changeOwnPasswordInput);
  await changeOwnPassword(user, input, clientIp(req), session);
  // Other sessions of this user end; this one is signed again so that it goes on.
  const response = new NextResponse(null, { status: 204 });
  await renewSessionCookie(req, response);
  return response;
});
