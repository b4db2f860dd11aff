import { NextResponse } from 'next/server';
import { apiRoute, clientIp, readJson } from '@/lib/api/route';
import { setUserActive } from '@/lib/users/set-user-active';
import { setUserActiveInput } from '@/lib/users/input-schemas';

type Params = { id: string };

export const POST = apiRoute<Params>('user:manage', async ({ req, user, params }) => {
  const { active } = await readJson(req, setUserActiveInput);
  return NextResponse.json({ user: await setUserActive(user, params.id, active, clientIp(req)) });
});
