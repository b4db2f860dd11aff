// The collaboration server's process (started by `npm start` beside Next, or `npx tsx server/collab-server.ts`).
import { z } from 'zod';
import { createCollabServer } from './collab-server-factory';

const environment = z
  .object({
    DATABASE_URL: z.string().min(1, 'DATABASE_URL is required'),
    COLLAB_TOKEN_SECRET: z.string().min(32, 'COLLAB_TOKEN_SECRET must be at least 32 characters'),
    COLLAB_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
    COLLAB_HOST: z.string().min(1).default('0.0.0.0'),
    REDIS_URL: z.string().url().optional(),
    DATABASE_POOL_MAX: z.coerce.number().int().positive().optional(),
  })
  .safeParse(process.env);

if (!environment.success) {
  console.error(`collab: not starting: ${environment.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  process.exit(1);
}
const env = environment.data;

const server = createCollabServer({
  databaseUrl: env.DATABASE_URL,
  tokenSecret: env.COLLAB_TOKEN_SECRET,
  port: env.COLLAB_PORT,
  host: env.COLLAB_HOST,
  redisUrl: env.REDIS_URL,
  databasePoolMax: env.DATABASE_POOL_MAX,
});

const port = await server.listen();
console.log(`collab: listening on ws://localhost:${port}${env.REDIS_URL ? ' (sharing documents through Redis)' : ''}`);

// Documents are stored before the process ends; a store that hangs must not keep it alive forever.
const SHUTDOWN_TIMEOUT_MS = 15_000;
let stopping = false;

async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`collab: ${signal}: storing open documents and closing connections`);
  const timeout = setTimeout(() => {
    console.error('collab: shutdown timed out; exiting with documents possibly unstored');
    process.exit(1);
  }, SHUTDOWN_TIMEOUT_MS);
  timeout.unref();
  try {
    await server.destroy();
    process.exit(0);
  } catch (error) {
    console.error('collab: shutdown failed', error);
    process.exit(1);
  }
}

process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
