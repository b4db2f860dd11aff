import { createHash } from 'node:crypto';
import { db } from '@/lib/db';
import { findActiveUser, type CurrentUser } from '@/lib/auth/current-user';

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The owner of a personal API token (`Authorization: Bearer <token>`), if it is valid and active. */
export async function userFromBearerToken(header: string): Promise<CurrentUser | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) return null;
  const token = await db.apiToken.findUnique({ where: { tokenHash: hashApiToken(match[1]!) } });
  if (!token || token.revokedAt) return null;
  return findActiveUser(token.userId);
}
