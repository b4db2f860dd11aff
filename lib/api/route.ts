import { NextResponse, type NextRequest } from 'next/server';
import { ZodError, type ZodType } from 'zod';
import { AppError } from '@/lib/errors';
import { getToken } from 'next-auth/jwt';
import { findActiveUser, type CurrentUser } from '@/lib/auth/active-user';
import type { SessionRef } from '@/lib/auth/session-ended';
import { env } from '@/lib/env';
import { userFromBearerToken } from '@/lib/auth/api-token';
import type { Action } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';

export interface RouteContext<P> {
  req: NextRequest;
  user: CurrentUser;
  /** The session cookie the call came with; null for `Authorization: Bearer` callers. */
  session: SessionRef | null;
  params: P;
}

type Handler<P> = (ctx: RouteContext<P>) => Promise<Response>;

const mutating = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every API route goes through here: who is calling (session cookie or `Authorization: Bearer`),
 * whether their role may perform `action` (the permissions table), a same-origin check for
 * cookie-authenticated writes (CSRF), and one mapping of errors to JSON responses.
 */
export function apiRoute<P = Record<string, never>>(action: Action, handler: Handler<P>) {
  const route = async (req: NextRequest, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const bearer = req.headers.get('authorization');
      let user: CurrentUser | null;
      let session: SessionRef | null = null;
      if (bearer) {
        user = await userFromBearerToken(bearer);
      } else {
        ({ user, session } = await callerFromSessionCookie(req));
        if (user && mutating.has(req.method)) assertSameOrigin(req);
      }
      if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in first (session expired, or the account is inactive).');
      assertCan(user, action);
      // After an admin's password reset the account is held until its owner sets a new password.
      if (user.mustChangePassword && action !== 'account:manage') {
        throw new AppError('FORBIDDEN', 'Your password was reset by an admin: set a new one before doing anything else.', { field: 'password' });
      }
      return await handler({ req, user, session, params: await context.params });
    } catch (error) {
      return errorResponse(error);
    }
  };
  // The action stays readable on the handler, so a test can walk every route against the table.
  return Object.assign(route, { action });
}

/** The session's user, re-checked in the database (a deactivated user is nobody), and the session. */
async function callerFromSessionCookie(req: NextRequest): Promise<{ user: CurrentUser | null; session: SessionRef | null }> {
  const token = await getToken({ req, secret: env().NEXTAUTH_SECRET });
  if (!token?.uid) return { user: null, session: null };
  // A session without its signing time (made before sessions carried it) counts as the oldest.
  const session = { id: token.sid ?? null, signedInAt: token.signedInAt ?? 0 };
  return { user: await findActiveUser(token.uid, session.signedInAt), session };
}

function assertSameOrigin(req: NextRequest): void {
  const origin = req.headers.get('origin');
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  if (origin && host && new URL(origin).host !== host) {
    throw new AppError('FORBIDDEN', 'Cross-site request refused.');
  }
}

export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    return NextResponse.json({ error: error.code, message: error.userMessage, ...error.details }, { status: error.status });
  }
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const field = issue?.path.join('.') || undefined;
    const message = field ? `${field}: ${issue?.message}` : (issue?.message ?? 'Invalid input');
    return NextResponse.json({ error: 'UNPROCESSABLE', message, field, issues: error.issues.slice(0, 20) }, { status: 422 });
  }
  if (isDatabaseUnavailable(error)) {
    console.error('Database unavailable', (error as Error).message);
    return NextResponse.json(
      { error: 'UNAVAILABLE', message: 'The database is unavailable or busy; nothing was saved. Try again in a moment.' },
      { status: 503, headers: { 'retry-after': '1' } },
    );
  }
  console.error('Unhandled API error', error);
  return NextResponse.json({ error: 'INTERNAL', message: 'Something went wrong on our side; nothing was saved.' }, { status: 500 });
}

/** The largest JSON body a route reads unless it says otherwise. */
export const routeBodyLimit = 256 * 1024;

/** Reads a JSON body: 413 when too large, 400 when not JSON, 422 (naming the field) when invalid. */
export async function readJson<T>(req: Request, schema: ZodType<T>, maxBytes = routeBodyLimit): Promise<T> {
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', `Request body is larger than ${maxBytes} bytes.`);
  const bytes = new Uint8Array(await req.arrayBuffer());
  if (bytes.byteLength > maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', `Request body is larger than ${maxBytes} bytes.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('BAD_REQUEST', 'Request body is not valid UTF-8.');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError('BAD_REQUEST', 'Request body is not valid JSON.');
  }
  return schema.parse(value);
}

export function clientIp(req: Request): string | null {
  return req.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || null;
}

export function wantsJsonLd(req: Request): boolean {
  return /application\/ld\+json/.test(req.headers.get('accept') ?? '');
}

// Lost or refused connections and transactions that could not get a connection in time: the
// request did nothing (its transaction rolled back) and can be retried.
function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code;
  if (code && ['P1001', 'P1002', 'P1008', 'P1017', 'P2028', 'P2024'].includes(code)) return true;
  return /Connection terminated|ECONNREFUSED|ECONNRESET|terminating connection|Can't reach database|connection is closed|Timed out fetching a new connection/i.test(error.message);
}
