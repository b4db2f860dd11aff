import type { Prisma } from '@/lib/generated/prisma/client';
import { AppError } from '@/lib/errors';

/**
 * Refuses (409) to deactivate or demote the last active admin. Locks the active admins' rows, in
 * id order, so that two admins demoting each other at once cannot both succeed: the second
 * transaction waits for the first and then sees it.
 */
export async function assertAnotherActiveAdmin(
  tx: Pick<Prisma.TransactionClient, '$queryRaw'>,
  userId: string,
  change: 'deactivate' | 'demote',
): Promise<void> {
  const admins = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE role = 'ADMIN' AND active ORDER BY id FOR UPDATE`;
  if (!admins.some((admin) => admin.id !== userId)) {
    throw new AppError('CONFLICT', `This is the last active admin: make another user an admin before you ${change} this one.`, {
      field: change === 'deactivate' ? 'active' : 'role',
    });
  }
}
