import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCan } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { publishUserEvent } from '@/lib/events/article-events';
import { assertAnotherActiveAdmin } from '@/lib/users/assert-another-active-admin';
import { emailTaken } from '@/lib/users/email-taken';
import { toUserSummary, userSummarySelect, type UserSummary } from '@/lib/users/user-summary';
import type { UpdateUserInput } from '@/lib/users/input-schemas';

/**
 * Changes a user's name, e-mail or role. Demoting the last active admin is refused (409). A change
 * is announced: the collaboration server re-authorises the user's open sockets, and cached API
 * token owners are forgotten.
 */
export async function updateUser(actor: CurrentUser, userId: string, input: UpdateUserInput, ip: string | null = null): Promise<UserSummary> {
  assertCan(actor, 'user:manage');
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.user.findUnique({ where: { id: userId }, select: { name: true, email: true, role: true, active: true } });
      if (!before) throw new AppError('NOT_FOUND', 'No such user.');
      const roleChanged = input.role !== undefined && input.role !== before.role;
      if (roleChanged && before.role === 'ADMIN' && before.active) await assertAnotherActiveAdmin(tx, userId, 'demote');

      const changes: Record<string, { from: string; to: string }> = {};
      if (input.name !== undefined && input.name !== before.name) changes.name = { from: before.name, to: input.name };
      if (input.email !== undefined && input.email !== before.email) changes.email = { from: before.email, to: input.email };
      const data: Prisma.UserUpdateInput = {};
      if (changes.name) data.name = input.name;
      if (changes.email) data.email = input.email;
      if (roleChanged) data.role = input.role;
      const row = await tx.user.update({ where: { id: userId }, data, select: userSummarySelect(new Date()) });

      const target = { actorId: actor.id, targetType: 'user', targetId: userId, ip };
      if (Object.keys(changes).length > 0) await recordAuditEvent({ ...target, action: 'user.updated', data: { changes } }, tx);
      if (roleChanged) await recordAuditEvent({ ...target, action: 'user.role_changed', data: { from: before.role, to: input.role! } }, tx);
      if (roleChanged || Object.keys(changes).length > 0) await publishUserEvent(tx, { type: 'user.changed', userId });
      return toUserSummary(row);
    });
  } catch (error) {
    throw emailTaken(error) ?? error;
  }
}
