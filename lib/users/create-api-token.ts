import { randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCan } from '@/lib/auth/guard';
import { hashApiToken } from '@/lib/auth/api-token';
import { AppError } from '@/lib/errors';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { apiTokenSummarySelect, toApiTokenSummary, type ApiTokenSummary } from '@/lib/users/api-token-summary';
import type { CreateApiTokenInput } from '@/lib/users/input-schemas';

export const API_TOKEN_PREFIX = 'fcd_';
export const MAX_ACTIVE_API_TOKENS = 25;

/**
 * Creates a named personal API token for the signed-in user. The secret (`fcd_…`) is returned
 * this once; only its SHA-256 hash is stored.
 */
export async function createApiToken(
  user: CurrentUser,
  input: CreateApiTokenInput,
  ip: string | null = null,
): Promise<{ token: ApiTokenSummary; secret: string }> {
  assertCan(user, 'account:manage');
  // A session held after an admin's password reset must not mint credentials that outlive it.
  if (user.mustChangePassword) throw new AppError('FORBIDDEN', 'Set a new password before creating API tokens.');
  const secret = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const row = await db.$transaction(async (tx) => {
    const active = await tx.apiToken.count({ where: { userId: user.id, revokedAt: null } });
    if (active >= MAX_ACTIVE_API_TOKENS) {
      throw new AppError('CONFLICT', `You already have ${MAX_ACTIVE_API_TOKENS} active tokens: revoke one you no longer use first.`);
    }
    const created = await tx.apiToken.create({ data: { userId: user.id, name: input.name, tokenHash: hashApiToken(secret) }, select: apiTokenSummarySelect });
    await recordAuditEvent(
      { actorId: user.id, action: 'api_token.created', targetType: 'api_token', targetId: created.id, ip, data: { name: input.name } },
      tx,
    );
    return created;
  });
  return { token: toApiTokenSummary(row), secret };
}
