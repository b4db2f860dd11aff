import type { Prisma } from '@/lib/generated/prisma/client';
import type { Role } from '@/lib/auth/roles';

/** A user as admins see them: never the password hash, only whether there is one. */
export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  mustChangePassword: boolean;
  hasPassword: boolean;
  lockedUntil: string | null;
  /** Expiry of an invitation link that has not been used yet, if any. */
  invitationExpiresAt: string | null;
  createdAt: string;
}

export function userSummarySelect(now: Date) {
  return {
    id: true,
    email: true,
    name: true,
    role: true,
    active: true,
    mustChangePassword: true,
    passwordHash: true,
    lockedUntil: true,
    createdAt: true,
    invitations: { where: { usedAt: null, expiresAt: { gt: now } }, select: { expiresAt: true }, orderBy: { expiresAt: 'desc' }, take: 1 },
  } satisfies Prisma.UserSelect;
}

type Row = Prisma.UserGetPayload<{ select: ReturnType<typeof userSummarySelect> }>;

export function toUserSummary(row: Row, now = new Date()): UserSummary {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    active: row.active,
    mustChangePassword: row.mustChangePassword,
    hasPassword: row.passwordHash !== null,
    lockedUntil: row.lockedUntil && row.lockedUntil > now ? row.lockedUntil.toISOString() : null,
    invitationExpiresAt: row.invitations[0]?.expiresAt.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
