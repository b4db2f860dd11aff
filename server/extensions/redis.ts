import { Redis } from '@hocuspocus/extension-redis';

/**
 * Joins this instance to the others on the same Redis (REDIS_URL, e.g. redis://:secret@host:6379/0):
 * they exchange document updates and awareness, and take turns storing a document.
 */
export function redisExtension(redisUrl: string): Redis {
  const url = new URL(redisUrl);
  const database = url.pathname.length > 1 ? Number(url.pathname.slice(1)) : undefined;
  return new Redis({
    host: url.hostname,
    port: url.port ? Number(url.port) : 6379,
    options: {
      username: url.username ? decodeURIComponent(url.username) : undefined,
      password: url.password ? decodeURIComponent(url.password) : undefined,
      db: Number.isInteger(database) ? database : undefined,
      tls: url.protocol === 'rediss:' ? {} : undefined,
    },
  });
}
