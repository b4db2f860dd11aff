import type { Extension, Hocuspocus, onListenPayload } from '@hocuspocus/server';
import type { Sql, ListenMeta } from 'postgres';
import { z } from 'zod';
import { ARTICLE_EVENTS_CHANNEL } from '@/lib/events/article-events';
import { articleDocumentName } from '@/lib/collab/document-name';
import type { CollabContext, CollabLog } from '../collab-context';

const routableEvent = z.looseObject({ type: z.string().min(1), articleId: z.string().min(1) });

/**
 * Relays each committed article event (NOTIFY article_events) to the clients that have that
 * article open, as a stateless message carrying the event's JSON.
 */
export class ArticleEventsRelay implements Extension<CollabContext> {
  extensionName = 'factcheck-article-events';

  private instance: Hocuspocus | undefined;
  private subscription: ListenMeta | undefined;

  constructor(private readonly deps: { sql: Sql; log: CollabLog }) {}

  async onListen({ instance }: onListenPayload): Promise<void> {
    this.instance = instance;
    this.subscription = await this.deps.sql.listen(ARTICLE_EVENTS_CHANNEL, (payload) => this.relay(payload));
  }

  async onDestroy(): Promise<void> {
    await this.subscription?.unlisten();
  }

  private relay(payload: string): void {
    const event = parseRoutableEvent(payload);
    if (!event) {
      this.deps.log(`collab: ignored a malformed ${ARTICLE_EVENTS_CHANNEL} notification`);
      return;
    }
    // relayStateless, not broadcastStateless: every instance LISTENs itself, so the Redis fan-out
    // that broadcastStateless adds would deliver each event twice with several instances.
    this.instance?.documents.get(articleDocumentName(event.articleId))?.relayStateless(payload);
  }
}

function parseRoutableEvent(payload: string): z.infer<typeof routableEvent> | null {
  try {
    const parsed = routableEvent.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
