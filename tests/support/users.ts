// Helpers for the user-management tests: unique e-mails, strong passwords, and a window in which
// a given set of admins are the only active ones (the test database is shared and reused).
import { randomUUID } from 'node:crypto';
import { db } from './db';

export function uniqueEmail(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}@test.local`;
}

export function strongPassword(): string {
  return `Lantern-orbit-${randomUUID().slice(0, 13)}`;
}

export function invitationToken(path: string): string {
  const match = /^\/invite\/([A-Za-z0-9_-]+)$/.exec(path);
  if (!match) throw new Error(`not an invitation path: ${path}`);
  return match[1]!;
}

/**
 * Runs `fn` while every other admin is deactivated, and reactivates exactly those afterwards. For
 * the last-active-admin rule, which is about the whole table.
 */
export async function withOnlyActiveAdmins<T>(adminIds: string[], fn: () => Promise<T>): Promise<T> {
  const others = await db.user.findMany({ where: { role: 'ADMIN', active: true, id: { notIn: adminIds } }, select: { id: true } });
  const ids = others.map((u) => u.id);
  await db.user.updateMany({ where: { id: { in: ids } }, data: { active: false } });
  try {
    return await fn();
  } finally {
    await db.user.updateMany({ where: { id: { in: ids } }, data: { active: true } });
  }
}
