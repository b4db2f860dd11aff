import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { authOptions } from '@/lib/auth/options';
import { db } from '@/lib/db';
import type { Role } from '@/lib/auth/roles';

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

type CurrentUserRow = { id: string; email: string; name: string; role: Role; active: boolean; mustChangePassword: boolean; sessionsValidFrom: Date | null };

/**
 * A deactivated or deleted user is nobody (their session or token is refused); so is a session
 * signed in (`sessionIssuedAt`, seconds) before the user last changed their password.
 */
export function activeUserOrNull(user: CurrentUserRow | null | undefined, sessionIssuedAt?: number): CurrentUser | null {
  if (!user || !user.active) return null;
  if (sessionIssuedAt !== undefined && user.sessionsValidFrom && sessionIssuedAt < Math.floor(user.sessionsValidFrom.getTime() / 1000)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, mustChangePassword: user.mustChangePassword };
}

/** Loads an active user by id; for a session, `sessionIssuedAt` (when it signed in, seconds) too. */
export async function findActiveUser(id: string, sessionIssuedAt?: number): Promise<CurrentUser | null> {
  return activeUserOrNull(await db.user.findUnique({ where: { id }, select: currentUserSelect }), sessionIssuedAt);
}

/**
 * The signed-in user of this request, re-checked in the database on every request so that a
 * deactivated user is out at once, whatever their JWT says. Cached per request.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  // A session without its signing time (made before sessions carried it) counts as the oldest.
  return id ? findActiveUser(id, session.signedInAt ?? 0) : null;
});

export const CHANGE_PASSWORD_PATH = '/account/password';

/**
 * For pages: the current user, or a redirect to the login page. A user who must change their
 * password is sent to /account/password, whose page alone passes `allowMustChangePassword`.
 */
export async function requireUser(options: { allowMustChangePassword?: boolean } = {}): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/login');
  if (user.mustChangePassword && !options.allowMustChangePassword) redirect(CHANGE_PASSWORD_PATH);
  return user;
}
