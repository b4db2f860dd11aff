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
export const currentUserSelect = { id: true, email: true, name: true, role: true, active: true, mustChangePassword: true } as const;

type CurrentUserRow = { id: string; email: string; name: string; role: Role; active: boolean; mustChangePassword: boolean };

/** A deactivated or deleted user is nobody (their session or token is refused). */
export function activeUserOrNull(user: CurrentUserRow | null | undefined): CurrentUser | null {
  if (!user || !user.active) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, mustChangePassword: user.mustChangePassword };
}

/** Loads an active user by id. */
export async function findActiveUser(id: string): Promise<CurrentUser | null> {
  return activeUserOrNull(await db.user.findUnique({ where: { id }, select: currentUserSelect }));
}

/**
 * The signed-in user of this request, re-checked in the database on every request so that a
 * deactivated user is out at once, whatever their JWT says. Cached per request.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  return id ? findActiveUser(id) : null;
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
