import { forbidden } from 'next/navigation';
import { requireUser, type CurrentUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import { pageAccess, type PagePath } from '@/lib/auth/page-access';

/**
 * For pages: the signed-in user allowed to open `page` by the permissions table. Nobody signed in
 * (or deactivated) goes to the login page; a role the table refuses gets the 403 page.
 */
export async function requirePage(page: PagePath, options: { allowMustChangePassword?: boolean } = {}): Promise<CurrentUser> {
  const user = await requireUser(options);
  if (!can(user.role, pageAccess[page])) forbidden();
  return user;
}
