// The web process started by `npm start`: Next.js's own request handler behind a plain Node HTTP
// server (Next's documented custom-server API), which answers one request itself: an API client
// creating an annotation with a personal token (`POST /api/articles/:id/annotations`,
// `Authorization: Bearer`), the write path integrations and bulk imports hammer. It calls the same
// route handler Next would (app/api/articles/[id]/annotations/route.ts: authentication, the
// permission table, validation, idempotency, error mapping), without Next's routing and response
// streaming around it, which cost about three times the handler's own CPU (README, Performance).
// Everything else, cookie-authenticated calls to that route included, goes to Next unchanged.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import next from 'next';
import { z } from 'zod';
import nextConfig from '../next.config.js';
import { env as appEnv } from '@/lib/env';

const environment = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    WEB_HOST: z.string().min(1).optional(),
  })
  .safeParse(process.env);
if (!environment.success) {
  console.error(`web: not starting: ${environment.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  process.exit(1);
}
const { PORT: port, WEB_HOST: hostname } = environment.data;
// The app's own settings (lib/env.ts), checked now rather than at the first request: a bad value
// stops the start with its name instead of failing every request.
try {
  appEnv();
} catch (error) {
  const issues = error instanceof z.ZodError ? error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') : String(error);
  console.error(`web: not starting: ${issues}`);
  process.exit(1);
}
process.title = 'factcheck-web';

const app = next({ dev: false, dir: process.cwd(), port, hostname });
const handleWithNext = app.getRequestHandler();
const createPath = /^\/api\/articles\/([^/?#]+)\/annotations(?:\?.*)?$/;

/** The headers next.config.js gives every response, for the responses Next does not make. */
async function commonHeaders(): Promise<[string, string][]> {
  const rules = (await nextConfig.headers?.()) ?? [];
  return rules.filter((rule) => rule.source === '/:path*').flatMap((rule) => rule.headers.map((h): [string, string] => [h.key, h.value]));
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      // Past the limit, stop buffering: what was kept is already too large, and the handler answers 413.
      if (size <= limit) chunks.push(chunk);
      size += chunk.length;
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function headerPairs(raw: string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i]!, raw[i + 1]!]);
  return pairs;
}

async function handleCreate(req: IncomingMessage, res: ServerResponse, articleId: string, headers: [string, string][]): Promise<void> {
  const body = await readBody(req, routeBodyLimit);
  const request = new NextRequest(`http://${req.headers.host ?? 'localhost'}${req.url}`, {
    method: 'POST',
    headers: headerPairs(req.rawHeaders),
    body: body as Uint8Array<ArrayBuffer>,
  });
  const response = await createAnnotationRoute(request, { params: Promise.resolve({ id: articleId }) });
  const payload = Buffer.from(await response.arrayBuffer());
  for (const [key, value] of headers) res.setHeader(key, value);
  response.headers.forEach((value, key) => res.setHeader(key, value));
  res.setHeader('content-length', payload.length);
  res.statusCode = response.status;
  res.end(payload);
}

await app.prepare();
// Loaded once Next has set up its server environment (AsyncLocalStorage), which they expect.
const { NextRequest } = await import('next/server');
const { POST: createAnnotationRoute } = await import('@/app/api/articles/[id]/annotations/route');
const { routeBodyLimit } = await import('@/lib/api/route');
const headers = await commonHeaders();
const server = createServer((req, res) => {
  const match = req.method === 'POST' && req.headers.authorization?.startsWith('Bearer ') ? createPath.exec(req.url ?? '') : null;
  let articleId: string | null = null;
  try {
    articleId = match ? decodeURIComponent(match[1]!) : null;
  } catch {
    articleId = null; // a malformed escape: Next answers it
  }
  if (articleId === null) {
    void handleWithNext(req, res);
    return;
  }
  handleCreate(req, res, articleId, headers).catch((error: unknown) => {
    console.error('web: create failed', error);
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'INTERNAL', message: 'Something went wrong on our side; nothing was saved.' }));
  });
});
server.listen(port, hostname, () => console.log(`web: listening on http://${hostname ?? 'localhost'}:${port}`));

let stopping = false;
function stop(): void {
  if (stopping) return;
  stopping = true;
  server.close();
  server.closeIdleConnections();
  void app.close().finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 5_000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
