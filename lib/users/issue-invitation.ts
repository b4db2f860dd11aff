import { createHash, randomBytes } from 'node:crypto';
import type { Prisma } from '@/lib/generated/prisma/client';

export const INVITATION_TTL_HOURS = 72;

export interface IssuedInvitation {
  /** The one-time link to hand to the user; only its hash is stored, so it cannot be shown again. */
  path: string;
  expiresAt: string;
}

export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Creates a single-use link for a user to set their password, valid for 72 hours. Links issued
 * earlier and not yet used stop working: only the newest one is valid.
 */
export async function issueInvitation(tx: Pick<Prisma.TransactionClient, 'invitation'>, userId: string): Promise<IssuedInvitation> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + INVITATION_TTL_HOURS * 3600_000);
  await tx.invitation.deleteMany({ where: { userId, usedAt: null } });
  await tx.invitation.create({ data: { userId, tokenHash: hashInvitationToken(token), expiresAt } });
  return { path: `/invite/${token}`, expiresAt: expiresAt.toISOString() };
}
