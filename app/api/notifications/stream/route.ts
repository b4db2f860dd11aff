import { apiRoute } from '@/lib/api/route';
import { unreadCount } from '@/lib/notifications/list-notifications';
import { notificationHub } from '@/lib/notifications/notification-hub';

export const dynamic = 'force-dynamic';

/**
 * Server-sent events: the caller's unread count now, and again whenever they get a notification
 * (a comment held open; a comment line every 25 s keeps proxies from closing it).
 */
export const GET = apiRoute('article:read', async ({ req, user }) => {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const sendCount = async () => send(`event: unread\ndata: ${await unreadCount(user).catch(() => -1)}\n\n`);
      const unsubscribe = notificationHub.subscribe(user.id, () => void sendCount());
      const keepAlive = setInterval(() => send(': keep-alive\n\n'), 25_000);
      cleanup = () => {
        unsubscribe();
        clearInterval(keepAlive);
      };
      req.signal.addEventListener('abort', () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // Already closed.
        }
      });
      send('retry: 5000\n\n');
      await sendCount();
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, { headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' } });
});
