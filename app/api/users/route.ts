import { NextResponse } from 'next/server';
import { apiRoute, clientIp, readJson } from '@/lib/api/route';
import { listUsers } from '@/lib/users/list-users';
import { createUser } from '@/lib/users/create-user';
import { createUserInput, listUsersQuery } from '@/lib/users/input-schemas';
import { searchParamsOf } from '@/lib/api/search-params';

export const GET = apiRoute('user:manage', async ({ req, user }) => {
  return NextResponse.json(await listUsers(user, listUsersQuery.parse(searchParamsOf(req))));
});

export const POST = apiRoute('user:manage', async ({ req, user }) => {
  const input = await readJson(req, createUserInput);
  const { user: created, invitation } = await createUser(user, input, clientIp(req));
  return NextResponse.json(
    { user: created, invitation: { ...invitation, url: new URL(invitation.path, req.url).toString() } },
    { status: 201, headers: { 'Cache-Control': 'no-store' } },
  );
});
