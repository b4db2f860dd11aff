import postgres from 'postgres';
import { env } from '@/lib/env';
import { NOTIFICATION_EVENTS_CHANNEL } from '@/lib/events/article-events';

// One LISTEN per server process, fanned out to the open notification streams of each user.
type Listener = () => void;
const globalHub = globalThis as unknown as { notificationHub?: NotificationHub };

class NotificationHub {
  private readonly listeners = new Map<string, Set<Listener>>();
  private listening: Promise<unknown> | null = null;

  subscribe(userId: string, listener: Listener): () => void {
    this.listening ??= this.listen();
    let set = this.listeners.get(userId);
    if (!set) this.listeners.set(userId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(userId) === set) this.listeners.delete(userId);
    };
  }

  private async listen(): Promise<void> {
    try {
      const sql = postgres(env().DATABASE_URL, { max: 1, onnotice: () => {} });
      await sql.listen(NOTIFICATION_EVENTS_CHANNEL, (userId) => {
        for (const listener of this.listeners.get(userId) ?? []) listener();
      });
    } catch (error) {
      // Streams still send the count on connect, and the bell re-reads now and then.
      console.error('notifications: LISTEN failed:', error instanceof Error ? error.message : error);
      this.listening = null;
    }
  }
}

export const notificationHub: NotificationHub = (globalHub.notificationHub ??= new NotificationHub());
