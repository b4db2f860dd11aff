import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { hashPassword } from '@/lib/auth/password';
import { passwordProblem } from '@/lib/auth/password-policy';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { publishUserEvent } from '@/lib/events/article-events';
import { hashInvitationToken } from '@/lib/users/issue-invitation';
import { getInvitation, invitationProblem } from '@/lib/users/get-invitation';

/**
 * Sets the password of the user an invitation link was issued to. The link must exist, be unused
 * and unexpired; it is marked used in the same transaction that sets the password, so that of two
 * simultaneous uses only one succeeds. Clears `mustChangePassword` and any lockout, and ends every
 * session signed in before (after an admin's reset, the account's old sessions do not come back).
 */
export async function acceptInvitation(token: string, password: string, ip: string | null = null): Promise<{ email: string }> {
  const state = await getInvitation(token);
  if (state.status === 'unknown') throw new AppError('NOT_FOUND', invitationProblem.unknown, { field: 'token' });
  if (state.status === 'inactive') throw new AppError('FORBIDDEN', invitationProblem.inactive, { field: 'token' });
  if (state.status !== 'valid') throw new AppError('GONE', invitationProblem[state.status], { field: 'token' });

  const problem = passwordProblem(password, state);
  if (problem) throw new AppError('UNPROCESSABLE', `password: ${problem}`, { field: 'password' });
  const passwordHash = await hashPassword(password);

  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUniqueOrThrow({ where: { tokenHash: hashInvitationToken(token) }, select: { id: true, userId: true } });
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (claimed.count !== 1) throw new AppError('GONE', invitationProblem.used, { field: 'token' });
    // Sessions from before (an admin reset the password because one may be someone else's) stay ended.
    await tx.user.update({ where: { id: invitation.userId }, data: { passwordHash, mustChangePassword: false, lockedUntil: null, sessionsValidFrom: new Date() } });
    await publishUserEvent(tx, { type: 'user.changed', userId: invitation.userId });
    await tx.loginFailure.deleteMany({ where: { userId: invitation.userId } });
    await recordAuditEvent(
      { actorId: invitation.userId, action: 'invitation.accepted', targetType: 'user', targetId: invitation.userId, ip, data: { invitationId: invitation.id } },
      tx,
    );
    return { email: state.email };
  });
}
