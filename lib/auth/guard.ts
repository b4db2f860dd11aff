import { AppError } from '@/lib/errors';
import { can, type Action } from '@/lib/auth/permissions';
import type { Role } from '@/lib/auth/roles';

interface Actor {
  id: string;
  role: Role;
}

/** Throws 403 unless the permissions table lets this user's role perform `action`. */
export function assertCan(user: Actor, action: Action): void {
  if (!can(user.role, action)) {
    throw new AppError('FORBIDDEN', `Your role (${user.role.toLowerCase()}) may not do this.`);
  }
}

/**
 * For actions on a record with an author: allowed with the `:any` permission, or with `:own` when
 * the user wrote it.
 */
export function assertCanOnOwned(user: Actor, authorId: string, own: Action, any: Action): void {
  if (can(user.role, any)) return;
  if (authorId === user.id && can(user.role, own)) return;
  throw new AppError('FORBIDDEN', 'Only the author, an editor or an admin may change this annotation.');
}
