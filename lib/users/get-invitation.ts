import { db } from '@/lib/db';
import { hashInvitationToken } from '@/lib/users/issue-invitation';

export type InvitationState =
  | { status: 'valid'; email: string; name: string; expiresAt: Date }
  | { status: 'unknown' | 'used' | 'expired' | 'inactive' };

/** What an invitation link is worth, for the page that opens it (no sign-in: the token is the key). */
export async function getInvitation(token: string): Promise<InvitationState> {
  if (!token || token.length > 200) return { status: 'unknown' };
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: { usedAt: true, expiresAt: true, user: { select: { email: true, name: true, active: true } } },
  });
  if (!invitation) return { status: 'unknown' };
  if (invitation.usedAt) return { status: 'used' };
  if (invitation.expiresAt <= new Date()) return { status: 'expired' };
  if (!invitation.user.active) return { status: 'inactive' };
  return { status: 'valid', email: invitation.user.email, name: invitation.user.name, expiresAt: invitation.expiresAt };
}

export const invitationProblem: Record<Exclude<InvitationState['status'], 'valid'>, string> = {
  unknown: 'This link is not valid. It may be mistyped, or a newer link has replaced it: ask an admin for a new one.',
  used: 'This link has already been used. Sign in with the password you chose, or ask an admin for a new link.',
  expired: 'This link has expired (links last 72 hours). Ask an admin for a new one.',
  inactive: 'This account has been deactivated. Ask an admin to reactivate it.',
};
