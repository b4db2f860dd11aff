import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCan } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { passwordProblem } from '@/lib/auth/password-policy';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { SessionRef } from '@/lib/auth/session-ended';
import { publishUserEvent } from '@/lib/events/article-events';
import type { ChangeOwnPasswordInput } from '@/lib/users/input-schemas';

/**
 * Changes the signed-in user's password: the current one is required, the new one must pass the
 * password policy (12+ characters, not common, not the user's name or e-mail). Clears
 * `mustChangePassword`. Ends the user's other sessions, and through `user.changed` the
 * collaboration server closes their sockets at once; `session`, the one it is changed from, goes on.
 */
export async function changeOwnPassword(
  user: CurrentUser,
  input: ChangeOwnPasswordInput,
  ip: string | null = null,
  session: SessionRef | null = null,
): Promise<void> {
  assertCan(user, 'account:manage');
  const row = await db.user.findUnique({ where: { id: user.id }, select: { email: true, name: true, passwordHash: true } });
  if (!row) throw new AppError('NOT_FOUND', 'No such user.');
  if (!row.passwordHash) {
    throw new AppError('CONFLICT', 'currentPassword: an admin reset your password; set a new one with the link they gave you', {
      field: 'currentPassword',
    });
  }
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
    throw new AppError('UNPROCESSABLE', 'currentPassword: is wrong', { field: 'currentPassword' });
  }
  const problem = passwordProblem(input.newPassword, row);
  if (problem) throw new AppError('UNPROCESSABLE', `newPassword: ${problem}`, { field: 'newPassword' });
  if (input.newPassword === input.currentPassword) {
    throw new AppError('UNPROCESSABLE', 'newPassword: must differ from your current password', { field: 'newPassword' });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    // Every session signed in before now ends (another device, a stolen cookie); the caller's own
    // session is signed again by the route, and its open sockets are kept by its id.
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: false, sessionsValidFrom: new Date(), keptSessionId: session?.id ?? null },
    });
    await publishUserEvent(tx, { type: 'user.changed', userId: user.id });
    await recordAuditEvent({ actorId: user.id, action: 'password.changed', targetType: 'user', targetId: user.id, ip }, tx);
  });
}
