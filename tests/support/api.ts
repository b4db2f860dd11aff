// Calls the real route handlers with a real request, authenticated by a personal API token
// (`Authorization: Bearer`), the way an integration would.
import { randomBytes } from 'node:crypto';
import { NextRequest } from 'next/server';
import { hashApiToken } from '@/lib/auth/api-token';
import { db } from './db';

export async function apiTokenFor(userId: string): Promise<string> {
  const token = `fcd_${randomBytes(24).toString('base64url')}`;
  await db.apiToken.create({ data: { userId, name: 'test', tokenHash: hashApiToken(token) } });
  return token;
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
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: response.status, json, headers: response.headers, bytes };
}
