// Calls the real route handlers with a real request, authenticated by a personal API token
// (`Authorization: Bearer`), the way an integration would, or by a browser's session cookie.
import { randomBytes, randomUUID } from 'node:crypto';
import { NextRequest } from 'next/server';
import { encode } from 'next-auth/jwt';
import { hashApiToken } from '@/lib/auth/api-token';
import type { Role } from '@/lib/auth/roles';
import { db } from './db';

export async function apiTokenFor(userId: string): Promise<string> {
  const token = `fcd_${randomBytes(24).toString('base64url')}`;
  await db.apiToken.create({ data: { userId, name: 'test', tokenHash: hashApiToken(token) } });
  return token;
}

export const SESSION_COOKIE = 'next-auth.session-token';

/**
 * A `cookie` header for a session of `user` signed in `signedInSecondsAgo` ago, as next-auth's
 * sign-in writes it; `sid` is the session's id.
 */
export async function sessionCookieFor(user: { id: string; role: Role }, signedInSecondsAgo = 60) {
  const sid = randomUUID();
  const signedInAt = Math.floor(Date.now() / 1000) - signedInSecondsAgo;
  const value = await encode({ token: { uid: user.id, role: user.role, signedInAt, sid }, secret: process.env.NEXTAUTH_SECRET! });
  return { cookie: `${SESSION_COOKIE}=${value}`, sid, signedInAt };
}

/** The session cookie a response set (a renewed session), as a `cookie` header. */
export function setSessionCookie(headers: Headers): string {
  const set = headers.getSetCookie().find((line) => line.startsWith(`${SESSION_COOKIE}=`));
  if (!set) throw new Error('the response set no session cookie');
  return set.split(';')[0]!;
}

type RouteHandler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface CallOptions {
  token?: string;
  body?: unknown;
  rawBody?: string | Uint8Array;
  /** A multipart/form-data body (its content type, with the boundary, is set by the request). */
  form?: FormData;
  headers?: Record<string, string>;
  params?: Record<string, string>;
  path?: string;
}

export async function call(handler: unknown, method: string, options: CallOptions = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | Uint8Array | FormData | undefined;
  if (options.form !== undefined) body = options.form;
  else if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  if (body !== undefined && !(body instanceof FormData)) headers['content-length'] = String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength);
  const req = new NextRequest(`http://localhost${options.path ?? '/api/test'}`, { method, headers, body: body as BodyInit | undefined });
  const response = await (handler as RouteHandler)(req, { params: Promise.resolve(options.params ?? {}) });
  // A stream of events never ends by itself: its status and headers are the answer.
  if (response.headers.get('content-type') === 'text/event-stream') {
    await response.body?.cancel();
    return { status: response.status, json: null, headers: response.headers, bytes: Buffer.alloc(0) };
  }
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = bytes.toString('utf8');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever fields a response has; `unknown` would need a cast in every test.
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: response.status, json, headers: response.headers, bytes };
}
