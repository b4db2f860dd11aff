import { NextResponse } from 'next/server';
import { apiRoute, clientIp, readJson } from '@/lib/api/route';
import { changeOwnPassword } from '@/lib/users/change-own-password';
import { changeOwnPasswordInput } from '@/lib/users/input-schemas';

export const POST = apiRoute('account:manage', async ({ req, user }) => {
  const input = await readJson(req, changeOwnPasswordInput);
  await changeOwnPassword(user, input, clientIp(req));
  return new NextResponse(null, { status: 204 });
});
