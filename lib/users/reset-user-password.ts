import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCan } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { publishUserEvent } from '@/lib/events/article-events';
import { issueInvitation, type IssuedInvitation } from '@/lib/users/issue-invitation';
import { toUserSummary, userSummarySelect, type UserSummary } from '@/lib/users/user-summary';

/**
 * Clears a user's password and issues a new invitation link (returned once) for them to choose
 * another. Until they do, the old password no longer works and any session they still have is
 * held on the change-password page (`mustChangePassword`); `user.changed` has the collaboration
 * server close their sockets at once.
 */
export async function resetUserPassword(
  actor: CurrentUser,
  userId: string,
  ip: string | null = null,
): Promise<{ user: UserSummary; invitation: IssuedInvitation }> {
  assertCan(actor, 'user:manage');
  return db.$transaction(async (tx) => {
    const exists = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!exists) throw new AppError('NOT_FOUND', 'No such user.');
    await tx.user.update({ where: { id: userId }, data: { passwordHash: null, mustChangePassword: true } });
    await publishUserEvent(tx, { type: 'user.changed', userId });
    const invitation = await issueInvitation(tx, userId);
    await recordAuditEvent({ actorId: actor.id, action: 'user.password_reset', targetType: 'user', targetId: userId, ip }, tx);
    const row = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: userSummarySelect(new Date()) });
    return { user: toUserSummary(row), invitation };
  });
}
