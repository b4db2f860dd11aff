import { coalesce } from '@/lib/coalesce';
import { db } from '@/lib/db';
import { ARTICLE_EVENTS_CHANNEL, type ArticleEvent } from '@/lib/events/article-events';

/**
 * Announces a write already committed, outside any transaction: a NOTIFY in a writing transaction
 * holds PostgreSQL's cluster-wide notification lock through the commit's flush to disk, which puts
 * every such commit in single file. The events of concurrent requests go out in one statement.
 */
export const announceArticleEvent: (event: ArticleEvent) => Promise<void> = (() => {
  const submit = coalesce<string, null>({
    run: async (payloads) => {
      await db.$executeRaw`SELECT pg_notify(${ARTICLE_EVENTS_CHANNEL}, payload) FROM unnest(${payloads}::text[]) WITH ORDINALITY AS e(payload, n) ORDER BY n`;
      return payloads.map(() => null);
    },
    maxBatch: 200,
    maxInFlight: 2,
  });
  return async (event) => {
    await submit(JSON.stringify(event));
  };
})();
