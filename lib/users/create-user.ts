import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCan } from '@/lib/auth/guard';
import { emailTaken } from '@/lib/users/email-taken';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { issueInvitation, type IssuedInvitation } from '@/lib/users/issue-invitation';
import { toUserSummary, userSummarySelect, type UserSummary } from '@/lib/users/user-summary';
import type { CreateUserInput } from '@/lib/users/input-schemas';

/**
 * Creates a user without a password and an invitation link through which they choose one. The
 * link is returned once (only its hash is stored); the admin hands it over.
 */
export async function createUser(
  actor: CurrentUser,
  input: CreateUserInput,
  ip: string | null = null,
): Promise<{ user: UserSummary; invitation: IssuedInvitation }> {
  assertCan(actor, 'user:manage');
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.user.create({ data: { name: input.name, email: input.email, role: input.role, passwordHash: null } });
      const invitation = await issueInvitation(tx, created.id);
      await recordAuditEvent(
        { actorId: actor.id, action: 'user.created', targetType: 'user', targetId: created.id, ip, data: { email: input.email, role: input.role } },
        tx,
      );
      const row = await tx.user.findUniqueOrThrow({ where: { id: created.id }, select: userSummarySelect(new Date()) });
      return { user: toUserSummary(row), invitation };
    });
  } catch (error) {
    throw emailTaken(error) ?? error;
  }
}

