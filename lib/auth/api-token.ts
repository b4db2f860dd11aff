import { createHash } from 'node:crypto';
import { db } from '@/lib/db';
import { activeUserOrNull, currentUserSelect, type CurrentUser } from '@/lib/auth/current-user';

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The owner of a personal API token (`Authorization: Bearer <token>`), if it is valid and active. */
export async function userFromBearerToken(header: string): Promise<CurrentUser | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) return null;
  // The token and its owner in one query: this runs on every API request made with a token.
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(match[1]!) },
    select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: currentUserSelect } },
  });
  if (!token || token.revokedAt) return null;
  const user = activeUserOrNull(token.user);
  if (user) await noteUse(token);
  return user;
}

/** "Last used", to the minute: one write a minute per token at most, not one per request. */
async function noteUse(token: { id: string; lastUsedAt: Date | null }): Promise<void> {
  const now = new Date();
  if (token.lastUsedAt && now.getTime() - token.lastUsedAt.getTime() < 60_000) return;
  const cutoff = new Date(now.getTime() - 60_000);
  await db.apiToken.updateMany({ where: { id: token.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: cutoff } }] }, data: { lastUsedAt: now } });
}
