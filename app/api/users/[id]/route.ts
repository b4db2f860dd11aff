import { NextResponse } from 'next/server';
import { apiRoute, clientIp, readJson } from '@/lib/api/route';
import { updateUser } from '@/lib/users/update-user';
import { updateUserInput } from '@/lib/users/input-schemas';

type Params = { id: string };

export const PATCH = apiRoute<Params>('user:manage', async ({ req, user, params }) => {
  const input = await readJson(req, updateUserInput);
  return NextResponse.json({ user: await updateUser(user, params.id, input, clientIp(req)) });
});
