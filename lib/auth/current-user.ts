import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { authOptions } from '@/lib/auth/options';
import { findActiveUser, type CurrentUser } from '@/lib/auth/active-user';

export { activeUserOrNull, currentUserSelect, findActiveUser, type CurrentUser, type CurrentUserRow } from '@/lib/auth/active-user';

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
