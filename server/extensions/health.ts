import type { Extension, onRequestPayload } from '@hocuspocus/server';

/** `GET /health` on the collaboration port, for load balancers and `npm start`'s checks. */
export class Health implements Extension {
  extensionName = 'factcheck-health';

  async onRequest({ request, response }: onRequestPayload): Promise<void> {
    const path = (request.url ?? '').split('?')[0];
    if (request.method !== 'GET' || path !== '/health') return;
    response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    response.end(JSON.stringify({ ok: true }));
    // Hocuspocus treats a rejection without an error as "answered": it skips its default reply.
    return Promise.reject();
  }
}
