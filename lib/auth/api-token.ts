import { createHash } from 'node:crypto';
import { db } from '@/lib/db';
import { activeUserOrNull, type CurrentUser, type CurrentUserRow } from '@/lib/auth/active-user';

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The owner of a personal API token (`Authorization: Bearer <token>`), if it is valid and active. */
export async function userFromBearerToken(header: string): Promise<CurrentUser | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) return null;
  // The token and its owner in one round trip (Prisma's relation select takes two): this runs on
  // every API request made with a token.
  const [row] = await db.$queryRaw<TokenOwnerRow[]>`
    SELECT t.id AS "tokenId", t."revokedAt", t."lastUsedAt",
      u.id, u.email, u.name, u.role::text AS role, u.active, u."mustChangePassword", u."sessionsValidFrom"
    FROM "ApiToken" t JOIN "User" u ON u.id = t."userId"
    WHERE t."tokenHash" = ${hashApiToken(match[1]!)}`;
  if (!row || row.revokedAt) return null;
  const user = activeUserOrNull(row);
  if (user) await noteUse({ id: row.tokenId, lastUsedAt: row.lastUsedAt });
  return user;
}

type TokenOwnerRow = CurrentUserRow & { tokenId: string; revokedAt: Date | null; lastUsedAt: Date | null };

/** "Last used", to the minute: one write a minute per token at most, not one per request. */
async function noteUse(token: { id: string; lastUsedAt: Date | null }): Promise<void> {
  const now = new Date();
  if (token.lastUsedAt && now.getTime() - token.lastUsedAt.getTime() < 60_000) return;
  const cutoff = new Date(now.getTime() - 60_000);
  await db.apiToken.updateMany({ where: { id: token.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: cutoff } }] }, data: { lastUsedAt: now } });
}
