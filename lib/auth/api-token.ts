import { createHash } from 'node:crypto';
import { db } from '@/lib/db';
import { activeUserOrNull, type CurrentUser, type CurrentUserRow } from '@/lib/auth/active-user';
import { tokenOwnerCache } from '@/lib/auth/token-owner-cache';

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The owner of a personal API token (`Authorization: Bearer <token>`), if it is valid and active:
 * read from the database, or from this process's cache for a token used in the last moments
 * (lib/auth/token-owner-cache.ts says when a change is seen).
 */
export async function userFromBearerToken(header: string): Promise<CurrentUser | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) return null;
  const tokenHash = hashApiToken(match[1]!);
  const cache = tokenOwnerCache<TokenOwnerRow>();
  const cached = cache.get(tokenHash);
  if (cached) {
    await noteUse(cached);
    return activeUserOrNull(cached);
  }
  const generation = cache.begin();
  // The token and its owner in one round trip (Prisma's relation select takes two).
  const [row] = await db.$queryRaw<TokenOwnerRow[]>`
    SELECT t.id AS "tokenId", t."revokedAt", t."lastUsedAt",
      u.id, u.email, u.name, u.role::text AS role, u.active, u."mustChangePassword", u."sessionsValidFrom"
    FROM "ApiToken" t JOIN "User" u ON u.id = t."userId"
    WHERE t."tokenHash" = ${tokenHash}`;
  if (!row || row.revokedAt) return null;
  const user = activeUserOrNull(row);
  if (!user) return null;
  // Only tokens that work are kept: a refused one is looked up again every time.
  cache.set(tokenHash, row.id, row, generation);
  await noteUse(row);
  return user;
}

type TokenOwnerRow = CurrentUserRow & { tokenId: string; revokedAt: Date | null; lastUsedAt: Date | null };

/** "Last used", to the minute: one write a minute per token at most, not one per request. */
async function noteUse(token: TokenOwnerRow): Promise<void> {
  const now = new Date();
  if (token.lastUsedAt && now.getTime() - token.lastUsedAt.getTime() < 60_000) return;
  const cutoff = new Date(now.getTime() - 60_000);
  // The row may be the cached one: the next requests see the time written.
  token.lastUsedAt = now;
  await db.apiToken.updateMany({ where: { id: token.tokenId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: cutoff } }] }, data: { lastUsedAt: now } });
}
