import type { NextRequest, NextResponse } from 'next/server';
import { encode, getToken } from 'next-auth/jwt';
import { authOptions } from '@/lib/auth/options';
import { env } from '@/lib/env';

// next-auth's own cookie: `__Secure-` in front when the app is served over https.
function sessionCookieName(): { name: string; secure: boolean } {
  const secure = process.env.NEXTAUTH_URL?.startsWith('https://') ?? false;
  return { name: `${secure ? '__Secure-' : ''}next-auth.session-token`, secure };
}

/**
 * Signs the caller's session again, as if they had just signed in, and sets it on `response`:
 * after a password change this session stays while every older one ends. Bearer-token callers
 * have no session cookie and get none.
 */
export async function renewSessionCookie(req: NextRequest, response: NextResponse): Promise<void> {
  const secret = env().NEXTAUTH_SECRET;
  const token = await getToken({ req, secret });
  if (!token || req.headers.get('authorization')) return;
  const maxAge = authOptions.session?.maxAge ?? 12 * 60 * 60;
  const value = await encode({ token: { ...token, signedInAt: Math.floor(Date.now() / 1000) }, secret, maxAge });
  const { name, secure } = sessionCookieName();
  response.cookies.set(name, value, { httpOnly: true, sameSite: 'lax', path: '/', secure, maxAge });
}
