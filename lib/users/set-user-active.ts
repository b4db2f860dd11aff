import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCan } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { publishUserEvent } from '@/lib/events/article-events';
import { assertAnotherActiveAdmin } from '@/lib/users/assert-another-active-admin';
import { toUserSummary, userSummarySelect, type UserSummary } from '@/lib/users/user-summary';

/**
 * Deactivates or reactivates a user. A deactivated user's sessions and API tokens stop working at
 * their next request (every request re-checks `active`), and their collaboration sockets are
 * closed at once through the `user.deactivated` event, sent only if the change commits. The last
 * active admin cannot be deactivated (409). Setting the state a user already has changes nothing.
 */
export async function setUserActive(actor: CurrentUser, userId: string, active: boolean, ip: string | null = null): Promise<UserSummary> {
  assertCan(actor, 'user:manage');
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { role: true, active: true } });
    if (!before) throw new AppError('NOT_FOUND', 'No such user.');
    const select = userSummarySelect(new Date());
    if (before.active === active) return toUserSummary(await tx.user.findUniqueOrThrow({ where: { id: userId }, select }));

    if (!active && before.role === 'ADMIN') await assertAnotherActiveAdmin(tx, userId, 'deactivate');
    const row = await tx.user.update({ where: { id: userId }, data: { active }, select });
    if (!active) await publishUserEvent(tx, { type: 'user.deactivated', userId });
    await recordAuditEvent(
      { actorId: actor.id, action: active ? 'user.reactivated' : 'user.deactivated', targetType: 'user', targetId: userId, ip },
      tx,
    );
    return toUserSummary(row);
  });
}
