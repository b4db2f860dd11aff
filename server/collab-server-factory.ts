import { Server, type Extension, type Hocuspocus } from '@hocuspocus/server';
import postgres from 'postgres';
import { createPrismaClient } from '@/lib/prisma-client';
import type { CollabContext, CollabLog } from './collab-context';
import { ArticleEventsRelay } from './extensions/article-events';
import { Authentication } from './extensions/authentication';
import { AwarenessIdentity } from './extensions/awareness-identity';
import { Health } from './extensions/health';
import { MessageGuard } from './extensions/message-guard';
import { Persistence } from './extensions/persistence';
import { redisExtension } from './extensions/redis';
import { UserAccess } from './extensions/user-access';

export interface CollabServerOptions {
  databaseUrl: string;
  tokenSecret: string;
  /** 0 picks a free port (tests). */
  port: number;
  host?: string;
  redisUrl?: string;
  /** Store a document this long after its last change… */
  debounceMs?: number;
  /** …and at least this often while it keeps changing. */
  maxDebounceMs?: number;
  /** Larger WebSocket frames close the sender's socket (1009). */
  maxMessageBytes?: number;
  maxMessagesPerSecond?: number;
  userRecheckIntervalMs?: number;
  databasePoolMax?: number;
  log?: CollabLog;
}

export interface CollabServer {
  readonly hocuspocus: Hocuspocus<CollabContext>;
  /** Starts listening (and LISTENing on PostgreSQL); resolves with the port. */
  listen(): Promise<number>;
  /** Stores every open document, closes all connections, then the database clients. */
  destroy(): Promise<void>;
}

export const COLLAB_DEFAULTS = {
  debounceMs: 2_000,
  maxDebounceMs: 10_000,
  // A whole pasted article is a few hundred KB of Yjs update; 2 MiB leaves room without letting
  // one client make the server buffer arbitrarily much.
  maxMessageBytes: 2 * 1024 * 1024,
  maxMessagesPerSecond: 300,
  userRecheckIntervalMs: 30_000,
  databasePoolMax: 5,
} as const;

export function createCollabServer(options: CollabServerOptions): CollabServer {
  const settings = { ...COLLAB_DEFAULTS, ...definedOnly(options) };
  const log = options.log ?? ((line: string) => console.log(line));
  const prisma = createPrismaClient(options.databaseUrl, settings.databasePoolMax);
  // postgres.js for LISTEN only (one dedicated connection); it re-subscribes after reconnecting.
  const sql = postgres(options.databaseUrl, { max: 1, onnotice: () => {} });

  const extensions: Extension[] = [
    new MessageGuard({ maxMessagesPerSecond: settings.maxMessagesPerSecond }),
    new Health(),
    new Authentication({ prisma, tokenSecret: options.tokenSecret }),
    new AwarenessIdentity(),
    new Persistence({ prisma, log }),
    new ArticleEventsRelay({ sql, log }),
    new UserAccess({ prisma, sql, log, recheckIntervalMs: settings.userRecheckIntervalMs }),
  ];
  // Redis has the highest priority of all, so its lock is taken before Persistence stores.
  if (options.redisUrl) extensions.push(redisExtension(options.redisUrl));

  const server = new Server<CollabContext>({
    name: 'factcheck-collab',
    port: options.port,
    address: options.host,
    quiet: true,
    stopOnSignals: false,
    debounce: settings.debounceMs,
    maxDebounce: settings.maxDebounceMs,
    websocketOptions: { maxPayload: settings.maxMessageBytes },
    extensions,
  });

  return {
    hocuspocus: server.hocuspocus,
    async listen() {
      await server.listen();
      return server.address.port;
    },
    async destroy() {
      try {
        await server.destroy();
      } finally {
        await Promise.allSettled([sql.end({ timeout: 5 }), prisma.$disconnect()]);
      }
    },
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
