import type { Connection, Extension, connectedPayload } from '@hocuspocus/server';
import type { ListenMeta, Sql } from 'postgres';
import { z } from 'zod';
import { can } from '@/lib/auth/permissions';
import { openSocketSessionEnded } from '@/lib/auth/session-ended';
import { USER_EVENTS_CHANNEL } from '@/lib/events/article-events';
import type { PrismaClient } from '@/lib/prisma-client';
import type { CollabContext, CollabLog } from '../collab-context';
import { SocketClose, closeSocket, type SocketCloseEvent } from '../socket-close';

const userEvent = z.object({ type: z.enum(['user.deactivated', 'user.changed']), userId: z.string().min(1) });

/**
 * Ends the sockets of users who may no longer be there: at once on `user.deactivated`; on
 * `user.changed` and every `recheckIntervalMs` (a safety net for missed notifications) when the
 * database says the user is inactive, is held by an admin's password reset, that the connection's
 * session was ended by a password change made in another session, or that the user has another
 * role than the connection was opened with (the client reconnects and is authenticated with the
 * new role).
 */
export class UserAccess implements Extension<CollabContext> {
  extensionName = 'factcheck-user-access';

  private readonly connectionsByUser = new Map<string, Set<Connection<CollabContext>>>();
  private subscription: ListenMeta | undefined;
  private recheckTimer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: { prisma: PrismaClient; sql: Sql; log: CollabLog; recheckIntervalMs: number }) {}

  async connected({ connection, context }: connectedPayload<CollabContext>): Promise<void> {
    const userId = context.user.id;
    let connections = this.connectionsByUser.get(userId);
    if (!connections) this.connectionsByUser.set(userId, (connections = new Set()));
    connections.add(connection);
    connection.onClose(() => {
      connections.delete(connection);
      if (connections.size === 0 && this.connectionsByUser.get(userId) === connections) this.connectionsByUser.delete(userId);
    });
  }

  async onListen(): Promise<void> {
    this.subscription = await this.deps.sql.listen(USER_EVENTS_CHANNEL, (payload) => void this.onUserEvent(payload));
    this.recheckTimer = setInterval(() => void this.recheck([...this.connectionsByUser.keys()]), this.deps.recheckIntervalMs);
    this.recheckTimer.unref();
  }

  async onDestroy(): Promise<void> {
    clearInterval(this.recheckTimer);
    await this.subscription?.unlisten();
  }

  private async onUserEvent(payload: string): Promise<void> {
    const event = parseUserEvent(payload);
    if (!event) {
      this.deps.log(`collab: ignored a malformed ${USER_EVENTS_CHANNEL} notification`);
      return;
    }
    if (event.type === 'user.deactivated') this.closeUser(event.userId, SocketClose.deactivated);
    else await this.recheck([event.userId]);
  }

  private async recheck(userIds: string[]): Promise<void> {
    if (userIds.length === 0) return;
    try {
      const users = await this.deps.prisma.user.findMany({
        where: { id: { in: userIds } },
        select: { id: true, role: true, active: true, mustChangePassword: true, sessionsValidFrom: true, keptSessionId: true },
      });
      const byId = new Map(users.map((user) => [user.id, user]));
      for (const userId of userIds) {
        const user = byId.get(userId);
        if (!user?.active) {
          this.closeUser(userId, SocketClose.deactivated);
          continue;
        }
        if (user.mustChangePassword) {
          this.closeUser(userId, SocketClose.passwordReset);
          continue;
        }
        for (const connection of [...(this.connectionsByUser.get(userId) ?? [])]) {
          const { session } = connection.context;
          if (session && openSocketSessionEnded(user, session)) {
            this.deps.log(`collab: closing a connection of user ${userId} (${SocketClose.sessionEnded.reason})`);
            closeSocket(connection, SocketClose.sessionEnded);
            continue;
          }
          const stale = connection.context.user.role !== user.role || connection.readOnly !== !can(user.role, 'article:correct');
          if (stale) closeSocket(connection, SocketClose.accessChanged);
        }
      }
    } catch (error) {
      // The next interval tries again; a database hiccup must not take the server down.
      this.deps.log(`collab: re-checking connected users failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private closeUser(userId: string, event: SocketCloseEvent): void {
    const connections = this.connectionsByUser.get(userId);
    if (!connections?.size) return;
    this.deps.log(`collab: closing ${connections.size} connection(s) of user ${userId} (${event.reason})`);
    for (const connection of [...connections]) closeSocket(connection, event);
  }
}

function parseUserEvent(payload: string): z.infer<typeof userEvent> | null {
  try {
    const parsed = userEvent.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
