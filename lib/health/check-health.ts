import { db } from '@/lib/db';
import type { PrismaClient } from '@/lib/prisma-client';

export interface Health {
  ok: boolean;
  db: 'up' | 'down';
  error?: string;
}

/** Health of what the app depends on; the database answers within two seconds or counts as down. */
export async function checkHealth(client: PrismaClient = db): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('no answer within 2 s')), 2000);
      }),
    ]);
    return { ok: true, db: 'up' };
  } catch (error) {
    return { ok: false, db: 'down', error: `database is down: ${(error as Error).message.split('\n')[0]}` };
  } finally {
    clearTimeout(timer);
  }
}
