import type { Prisma } from '@/lib/generated/prisma/client';
import { tokenOwnerCache } from '@/lib/auth/token-owner-cache';

// Changes to an article's annotations (and the article itself) are announced on a PostgreSQL
// channel. NOTIFY inside a transaction is delivered only when it commits, so no client ever hears
// of a write that did not happen. The collaboration server LISTENs and relays each event to the
// clients that have that article open.
export const ARTICLE_EVENTS_CHANNEL = 'article_events';
export const USER_EVENTS_CHANNEL = 'user_events';
// A user has new notifications (payload: their id); the app's notification streams LISTEN.
export const NOTIFICATION_EVENTS_CHANNEL = 'notification_events';

export type ArticleEvent =
  | { type: 'annotation.changed'; articleId: string; annotationId: string; actorId: string; version: number }
  | { type: 'annotation.deleted'; articleId: string; annotationId: string; actorId: string }
  | { type: 'comment.changed'; articleId: string; annotationId: string; actorId: string }
  | { type: 'annotation.created'; articleId: string; annotationId: string; actorId: string }
  | { type: 'article.changed'; articleId: string; actorId: string | null; version: number }
  // Blind review switched on or off: clients re-read the annotations and the page.
  | { type: 'article.review_mode'; articleId: string; actorId: string; blindReview: boolean };

// `user.changed`: the role changed, a password change ended sessions, or an admin reset the
// password; the collaboration server re-reads the user and closes the sockets that no longer fit.
export type UserEvent = { type: 'user.deactivated' | 'user.changed'; userId: string };

type Tx = Pick<Prisma.TransactionClient, '$executeRaw'>;

export async function publishArticleEvent(tx: Tx, event: ArticleEvent): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${ARTICLE_EVENTS_CHANNEL}, ${JSON.stringify(event)})`;
}

/**
 * A change to what a user, or one of their API tokens, may do: the collaboration server re-checks
 * the user's sockets, and this process forgets the user's cached tokens at once (other web
 * processes within TOKEN_OWNER_TTL_MS).
 */
export async function publishUserEvent(tx: Tx, event: UserEvent): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${USER_EVENTS_CHANNEL}, ${JSON.stringify(event)})`;
  tokenOwnerCache().forgetUser(event.userId);
}
