import { db } from '@/lib/db';

export interface Health {
  ok: boolean;
  db: 'up' | 'down';
  collab?: 'up' | 'down';
  error?: string;
}

/** Health of what the app depends on; the database answers within two seconds or counts as down. */
export async function checkHealth(): Promise<Health> {
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error('database did not answer within 2 s')), 2000)),
    ]);
    return { ok: true, db: 'up' };
  } catch (error) {
    return { ok: false, db: 'down', error: `database is down: ${(error as Error).message.split('\n')[0]}` };
  }
}
