import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/api/route';
import { AppError } from '@/lib/errors';
import { DEFAULT_COLLAB_TOKEN_TTL_SECONDS, issueCollabToken } from '@/lib/collab/collab-token';
import { colorForUser } from '@/lib/collab/colors';

/**
 * A short-lived token for the collaboration socket, where to find it, and how the user appears
 * there. The client asks again whenever it (re)connects. The token names the caller's session, so
 * that the socket ends with it (a password change elsewhere).
 */
export const POST = apiRoute('article:read', async ({ user, session }) => {
  const secret = process.env.COLLAB_TOKEN_SECRET;
  if (!secret) {
    throw new AppError('UNAVAILABLE', 'Live collaboration is not configured on this server (COLLAB_TOKEN_SECRET is not set).');
  }
  const token = await issueCollabToken(user, secret, DEFAULT_COLLAB_TOKEN_TTL_SECONDS, session);
  // Read at run time (not a NEXT_PUBLIC_ variable, which the build would freeze in).
  const url = process.env.COLLAB_PUBLIC_URL ?? `ws://localhost:${process.env.COLLAB_PORT ?? 3001}`;
  return NextResponse.json(
    { token, url, expiresIn: DEFAULT_COLLAB_TOKEN_TTL_SECONDS, user: { id: user.id, name: user.name, color: colorForUser(user.id) } },
    { headers: { 'Cache-Control': 'no-store' } },
  );
});
