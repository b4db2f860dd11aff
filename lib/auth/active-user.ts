// Who is calling, as the database says now: shared by session cookies, API tokens and pages. Kept
// apart from current-user.ts (the session side, next-auth's) so that the web server's direct
// route (server/web-server.ts) loads without next-auth's page helpers.
import { db } from '@/lib/db';
import type { Role } from '@/lib/auth/roles';
import { sessionEnded } from '@/lib/auth/session-ended';

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Set when an admin reset the password: pages send the user to /account/password first. */
  mustChangePassword?: boolean;
}

/** What is read of a user to decide who is calling. */
export const currentUserSelect = { id: true, email: true, name: true, role: true, active: true, mustChangePassword: true, sessionsValidFrom: true } as const;

export type CurrentUserRow = { id: string; email: string; name: string; role: Role; active: boolean; mustChangePassword: boolean; sessionsValidFrom: Date | null };

/**
 * A deactivated or deleted user is nobody (their session or token is refused); so is a session
 * signed in (`sessionIssuedAt`, seconds) before the user last changed their password.
 */
export function activeUserOrNull(user: CurrentUserRow | null | undefined, sessionIssuedAt?: number): CurrentUser | null {
  if (!user || !user.active) return null;
  if (sessionIssuedAt !== undefined && sessionEnded(user.sessionsValidFrom, sessionIssuedAt)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, mustChangePassword: user.mustChangePassword };
}

/** Loads an active user by id; for a session, `sessionIssuedAt` (when it signed in, seconds) too. */
export async function findActiveUser(id: string, sessionIssuedAt?: number): Promise<CurrentUser | null> {
  return activeUserOrNull(await db.user.findUnique({ where: { id }, select: currentUserSelect }), sessionIssuedAt);
}
