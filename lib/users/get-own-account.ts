import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCan } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';

export interface OwnAccount {
  email: string;
  name: string;
  mustChangePassword: boolean;
  /** False after an admin's reset, until the user sets a password through the link. */
  hasPassword: boolean;
}

export async function getOwnAccount(user: CurrentUser): Promise<OwnAccount> {
  assertCan(user, 'account:manage');
  const row = await db.user.findUnique({ where: { id: user.id }, select: { email: true, name: true, mustChangePassword: true, passwordHash: true } });
  if (!row) throw new AppError('NOT_FOUND', 'No such user.');
  return { email: row.email, name: row.name, mustChangePassword: row.mustChangePassword, hasPassword: row.passwordHash !== null };
}
