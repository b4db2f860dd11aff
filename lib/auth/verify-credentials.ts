import { db } from '@/lib/db';
import { verifyPassword } from '@/lib/auth/password';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { Role } from '@/lib/auth/roles';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
const windowMs = LOCKOUT_MINUTES * 60_000;

export type LoginResult =
  | { ok: true; user: { id: string; email: string; name: string; role: Role } }
  | { ok: false; reason: 'invalid' | 'locked' | 'inactive'; message: string; lockedUntil?: Date };

const invalid: LoginResult = { ok: false, reason: 'invalid', message: 'Wrong e-mail or password.' };

function lockedMessage(until: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return `Too many failed attempts: this account is locked for ${minutes} more minute${minutes === 1 ? '' : 's'}.`;
}

/**
 * Checks an e-mail and password. Five failures for one account within 15 minutes lock it for
 * 15 minutes; failures and the lock live in the database, so they survive a restart.
 */
export async function verifyCredentials(email: string, password: string, ip: string | null = null): Promise<LoginResult> {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user) {
    await recordAuditEvent({ actorId: null, action: 'login.failure', ip, data: { email: email.slice(0, 200) } });
    return invalid;
  }
  const now = new Date();
  if (user.lockedUntil && user.lockedUntil > now) {
    await recordAuditEvent({ actorId: user.id, action: 'login.failure', targetType: 'user', targetId: user.id, ip, data: { reason: 'locked' } });
    return { ok: false, reason: 'locked', message: lockedMessage(user.lockedUntil), lockedUntil: user.lockedUntil };
  }
  const passwordOk = user.passwordHash !== null && (await verifyPassword(user.passwordHash, password));
  if (!passwordOk) {
    return registerFailure(user.id, ip);
  }
  if (!user.active) {
    return { ok: false, reason: 'inactive', message: 'This account has been deactivated. Ask an admin to reactivate it.' };
  }
  await db.$transaction([
    db.loginFailure.deleteMany({ where: { userId: user.id } }),
    db.user.update({ where: { id: user.id }, data: { lockedUntil: null } }),
  ]);
  await recordAuditEvent({ actorId: user.id, action: 'login.success', targetType: 'user', targetId: user.id, ip });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}

async function registerFailure(userId: string, ip: string | null): Promise<LoginResult> {
  const since = new Date(Date.now() - windowMs);
  const failures = await db.$transaction(async (tx) => {
    await tx.loginFailure.create({ data: { userId, ip } });
    return tx.loginFailure.count({ where: { userId, createdAt: { gt: since } } });
  });
  await recordAuditEvent({ actorId: userId, action: 'login.failure', targetType: 'user', targetId: userId, ip });
  if (failures < MAX_FAILED_LOGINS) return invalid;

  const lockedUntil = new Date(Date.now() + windowMs);
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { lockedUntil } }),
    db.loginFailure.deleteMany({ where: { userId } }),
  ]);
  await recordAuditEvent({ actorId: userId, action: 'login.lockout', targetType: 'user', targetId: userId, ip, data: { lockedUntil: lockedUntil.toISOString() } });
  return { ok: false, reason: 'locked', message: lockedMessage(lockedUntil), lockedUntil };
}
