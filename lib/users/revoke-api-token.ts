import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCan } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { publishUserEvent } from '@/lib/events/article-events';
import { apiTokenSummarySelect, toApiTokenSummary, type ApiTokenSummary } from '@/lib/users/api-token-summary';

/**
 * Revokes one of the signed-in user's own tokens; it is refused (401) from the next request on.
 * Someone else's token is "not found". Revoking a revoked token changes nothing.
 */
export async function revokeApiToken(user: CurrentUser, tokenId: string, ip: string | null = null): Promise<ApiTokenSummary> {
  assertCan(user, 'account:manage');
  return db.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id: tokenId, userId: user.id }, select: apiTokenSummarySelect });
    if (!token) throw new AppError('NOT_FOUND', 'No such token.');
    if (token.revokedAt) return toApiTokenSummary(token);
    const revoked = await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() }, select: apiTokenSummarySelect });
    await publishUserEvent(tx, { type: 'user.changed', userId: user.id });
    await recordAuditEvent(
      { actorId: user.id, action: 'api_token.revoked', targetType: 'api_token', targetId: tokenId, ip, data: { name: token.name } },
      tx,
    );
    return toApiTokenSummary(revoked);
  });
}
